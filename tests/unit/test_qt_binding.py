"""The Qt binding in use does not leak references to None (PySide6 6.12.0 on Python 3.11 did: the app
aborted with "none_dealloc" after a few thousand calls). Guards the pin in requirements.lock."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_calls_returning_nothing_keep_none_refcount_stable():
    QApplication.instance() or QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    # Other code may take or drop a few references meanwhile; a leak would add 20 000.
    assert abs(sys.getrefcount(None) - before) < 1_000
