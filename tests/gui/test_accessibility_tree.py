"""Every screen, walked the way a screen reader and a keyboard user meet it (issue 20).

The accessibility tree comes from Qt's own QAccessible interfaces, which are what Qt hands to AT-SPI, UI Automation
and NSAccessibility; the keyboard walk presses Tab and Shift+Tab on the real widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from askel.ui import theme
from askel.ui.i18n import LanguageManager
from tests.gui.accessibility import keyboard_problems, tree_problems
from tests.gui.screens import SCREENS, build, close, make_env


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """One vault of fictitious clients for every screen (the screens only read it)."""
    from askel.app import make_context
    from askel.store.vault import Vault
    from tests.conftest import PASSPHRASE

    folder = tmp_path_factory.mktemp("a11y")
    vault = Vault.create(folder / "data", PASSPHRASE, clinician_name="Testi Hoitaja", role="nurse",
                         kdf_iterations=1)
    try:
        yield make_env(vault, make_context(folder / "data"))
    finally:
        vault.close()


@pytest.fixture(autouse=True)
def light_theme():
    theme.apply(QApplication.instance(), 100)


@pytest.fixture(params=["fi", "sv"])
def language(request):
    languages = LanguageManager(QApplication.instance())
    languages.set_language(request.param)
    yield request.param
    languages.set_language("fi")


def show(qtbot, window):
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    statistics = getattr(window, "statistics_page", None)
    if statistics is not None:  # the figures are computed in the background; their tables are part of the page
        qtbot.waitUntil(lambda: statistics.statistics is not None, timeout=20000)
    return window


@pytest.mark.parametrize("screen", SCREENS)
def test_every_element_has_a_name_in_the_right_language_and_a_true_role(qtbot, env, language, screen):
    window = show(qtbot, build(screen, env))
    try:
        assert tree_problems(window, language) == []
    finally:
        close(window)


@pytest.mark.parametrize("screen", SCREENS)
def test_the_keyboard_reaches_every_control_and_leaves_again_in_reading_order(qtbot, env, screen):
    window = show(qtbot, build(screen, env))
    try:
        assert keyboard_problems(window) == []
    finally:
        close(window)
