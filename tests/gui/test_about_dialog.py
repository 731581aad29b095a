"""About Askel, from the settings: the version, the EUPL-1.2 and where the other components' licences are, in
Finnish and in Swedish (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from askel import __version__
from askel.app import make_context
from askel.ui import about_dialog
from askel.ui.i18n import LanguageManager
from askel.ui.settings_dialog import SettingsDialog


@pytest.fixture
def language(qapp):
    manager = LanguageManager(qapp)
    yield manager.set_language
    manager.set_language("fi")


@pytest.mark.parametrize(("lang", "words"), [("fi", ("Tietoja Askelista", "vapaa ohjelmisto", "GNU LGPL 3")),
                                             ("sv", ("Om Askel", "fri programvara", "GNU LGPL 3"))])
def test_about_is_reached_from_the_settings_and_names_the_licences(qtbot, vault, data_dir, monkeypatch, language,
                                                                   lang, words):
    language(lang)
    shown = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    settings = SettingsDialog(make_context(data_dir).settings, vault)
    qtbot.addWidget(settings)
    qtbot.mouseClick(settings.about_button, Qt.MouseButton.LeftButton)
    [about] = shown
    text = "\n".join((about.heading.text(), about.version.text(), about.licence.text(), about.components.text()))
    assert all(word in text for word in words), text
    assert __version__ in about.version.text() and "EUPL-1.2" in about.licence.text()
    assert about.licence_box.toPlainText().lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert about.licence_box.isReadOnly()


def test_in_a_bundle_the_dialog_names_the_licence_folder(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "licenses"
    (folder / "Askel").mkdir(parents=True)
    (folder / "Askel" / "LICENSE").write_text("EUROPEAN UNION PUBLIC LICENCE v. 1.2 (bundled)", "utf-8")
    monkeypatch.setattr("askel.core.paths.licenses_dir", lambda: folder)
    about = about_dialog.AboutDialog()
    qtbot.addWidget(about)
    assert str(folder) in about.components.text()
    assert about.licence_box.toPlainText() == "EUROPEAN UNION PUBLIC LICENCE v. 1.2 (bundled)"
    assert QCoreApplication.translate("AboutDialog", "Close") == about.close_button.text()
