"""Keyboard and words of issue 17 (defects 7, 8 and 11): no Alt+letter used twice in any dialog, the role list and
the no-identity-code box reachable from the keyboard, Qt's own dialogs in the user's language, Finland's way of
writing times, the first screen in both languages, a new client in the clinician's language."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel

from askel.ui import i18n
from askel.ui.client_form import ClientDialog
from askel.ui.first_run import FirstRunAssistant
from askel.ui.i18n import LanguageManager, format_time
from askel.ui.screenshots import prepare, scenes

ACCELERATOR = re.compile(r"&([^&\s])")


def accelerators(window) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter a person can use in `window` right now."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label without a buddy shows its & and takes no shortcut
        match = ACCELERATOR.search(widget.text().replace("&&", ""))
        if match:
            found.append((match.group(1).lower(), widget.text()))
    return found


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    from askel.app import make_context

    folder = tmp_path_factory.mktemp("stage")
    staged = prepare(folder, make_context(folder / "data"), with_unit=False)
    yield staged
    staged.close()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_dialog_uses_an_alt_letter_twice(qtbot, stage, language):
    """The review found Alt+M twice in the export and the case-summary dialogs; this checks every dialog."""
    manager = LanguageManager(QApplication.instance())
    manager.set_language(language)
    try:
        clashes = {}
        for scene in scenes(stage, language):
            if not scene.dialog or scene.name == "file-dialog":  # Qt's own dialog has Qt's own letters
                continue
            widget = scene.build()
            qtbot.addWidget(widget)
            widget.show()
            letters = accelerators(widget)
            seen: dict[str, str] = {}
            for letter, text in letters:
                if letter in seen:
                    clashes.setdefault(scene.name, []).append((letter, seen[letter], text))
                seen.setdefault(letter, text)
            widget.close()
        assert not clashes, clashes
    finally:
        manager.set_language("fi")


@pytest.mark.parametrize(("language", "english"), [("fi", ("&Look in:", "Files of &type:")),
                                                  ("sv", ("&Look in:", "Files of &type:"))])
def test_the_file_dialog_speaks_the_users_language(qtbot, language, english):
    manager = LanguageManager(QApplication.instance())
    manager.set_language(language)
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        dialog.show()
        shown = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.text()]
        assert not set(english) & set(shown), shown
        assert "Cancel" not in shown and ("Peru" not in shown)  # Qt's Finnish says "Peru"; Askel says "Peruuta"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == {"fi": "Peruuta", "sv": "Avbryt"}[language]
    finally:
        manager.set_language("fi")


def test_times_are_written_with_a_full_stop_in_both_languages():
    manager = LanguageManager(QApplication.instance())
    try:
        manager.set_language("fi")
        assert format_time(datetime(2026, 12, 5, 7, 5)) == "klo 7.05"
        manager.set_language("sv")
        assert format_time(datetime(2026, 12, 5, 7, 5)) == "kl. 7.05"  # Finland-Swedish: no colon
    finally:
        manager.set_language("fi")


def test_the_first_screen_asks_in_both_languages_and_offers_the_systems_first(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("askel.ui.first_run.system_language", lambda: "sv")
    assistant = FirstRunAssistant(tmp_path / "data", False)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.activateWindow()
    text = assistant.language_title.text() + assistant.language_text.text()
    assert "Tervetuloa" in text and "Välkommen" in text and "Välj språk" in text
    qtbot.waitUntil(lambda: assistant.swedish.hasFocus() or QApplication.focusWidget() is assistant.swedish,
                    timeout=2000)


def test_askel_starts_in_the_systems_language_until_the_user_chooses(monkeypatch, tmp_path):
    from askel.core.settings import Settings

    settings = Settings.load(tmp_path / "settings.json")
    monkeypatch.setattr(i18n, "system_language", lambda: "sv")
    assert i18n.starting_language(settings) == "sv"
    settings.set("language", "fi")
    assert i18n.starting_language(settings) == "fi"


def test_a_new_client_is_in_the_clinicians_language(qtbot, vault):
    manager = LanguageManager(QApplication.instance())
    try:
        manager.set_language("sv")
        dialog = ClientDialog(vault)
        qtbot.addWidget(dialog)
        assert dialog.language.currentData() == "sv"
    finally:
        manager.set_language("fi")


def test_the_role_list_takes_enter_and_does_not_change_on_a_typed_letter(qtbot, tmp_path):
    assistant = FirstRunAssistant(tmp_path / "data", False)
    qtbot.addWidget(assistant)
    assistant.show()
    qtbot.mouseClick(assistant.finnish, Qt.MouseButton.LeftButton)
    assistant.name.setText("Testi Hoitaja")
    assistant.role.setFocus()
    before = assistant.role.currentData()
    qtbot.keyClick(assistant.role, Qt.Key.Key_P)  # "P" would silently pick "Psychologist"
    assistant.role.hidePopup()
    assert assistant.role.currentData() == before
    qtbot.keyClick(assistant.role, Qt.Key.Key_Return)
    assert assistant.pages.currentIndex() == 2  # on to the passphrase


def test_no_identity_code_has_its_own_alt_letter(qtbot, vault):
    manager = LanguageManager(QApplication.instance())
    try:
        for language in ("fi", "sv"):
            manager.set_language(language)
            dialog = ClientDialog(vault)
            qtbot.addWidget(dialog)
            assert ACCELERATOR.search(dialog.no_hetu.text())
    finally:
        manager.set_language("fi")
