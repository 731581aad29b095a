"""GUI fixtures: the real shell on a fresh data folder, in a chosen language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from askel.app import make_context
from askel.ui import accessibility, theme
from askel.ui.i18n import LanguageManager
from askel.ui.shell import Shell


@pytest.fixture
def fast_kdf(monkeypatch):
    # One Argon2id pass at 64 MiB instead of the calibrated ~0.5 s: the flow is the same, the suite faster.
    monkeypatch.setattr("askel.store.vault.calibrate_iterations", lambda: 1)


@pytest.fixture
def make_shell(qtbot, data_dir, fast_kdf):
    created = []

    def make(language: str = "fi") -> Shell:
        app = QApplication.instance()
        theme.apply(app)
        accessibility.install(app)  # as app.run_gui does
        languages = LanguageManager(app)
        context = make_context(data_dir)
        context.settings.set("language", language)
        languages.set_language(language)
        shell = Shell(context, languages)
        qtbot.addWidget(shell)
        shell.show()
        shell.start()
        created.append((shell, languages))
        return shell

    yield make
    QThreadPool.globalInstance().waitForDone()
    for shell, languages in created:
        if shell.vault is not None:
            shell.vault.close()
        languages.set_language("fi")


@pytest.fixture(scope="module")
def screen_env(tmp_path_factory):
    """One vault of fictitious clients for a module's screens (tests.gui.screens), which read it or add to it."""
    from askel.store.vault import Vault
    from tests.conftest import PASSPHRASE
    from tests.gui.screens import make_env

    folder = tmp_path_factory.mktemp("screens")
    vault = Vault.create(folder / "data", PASSPHRASE, clinician_name="Testi Hoitaja", role="nurse",
                         kdf_iterations=1)
    try:
        yield make_env(vault, make_context(folder / "data"))
    finally:
        vault.close()


def visible_texts(widget) -> str:
    """Everything a person could read on the window right now."""
    parts = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QLineEdit) + widget.findChildren(QPushButton):
        if child.isVisibleTo(widget):
            parts.append(child.text())
    return "\n".join(parts)
