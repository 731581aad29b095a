"""The clinician's profile for the record: title and Terhikki number at first run and in the settings, checked,
stored in the vault and used by the exports."""

from __future__ import annotations

from PySide6.QtCore import Qt

from askel.store.clinician import profile
from askel.ui.first_run import FirstRunAssistant
from askel.ui.settings_dialog import SettingsDialog

PASSPHRASE = "kolme pienta sanaa 9"


def test_first_run_stores_title_and_terhikki_number(qtbot, tmp_path):
    assistant = FirstRunAssistant(tmp_path / "data", remember_allowed=False)
    qtbot.addWidget(assistant)
    created = []
    assistant.created.connect(lambda vault, remember: created.append(vault))
    qtbot.mouseClick(assistant.finnish, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(assistant.name, "Testi Psykologi")
    assistant.role.setCurrentIndex(assistant.role.findData("psychologist"))
    qtbot.keyClicks(assistant.professional_title, "psykologi")
    qtbot.keyClicks(assistant.terhikki, "1001234")
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    assert assistant.pages.currentIndex() == 1  # a short number is refused, nothing is created
    assert assistant.terhikki_field.error.isVisibleTo(assistant) and "11" in assistant.terhikki_field.error.text()
    assistant.terhikki.clear()
    qtbot.keyClicks(assistant.terhikki, "100 1234 5678")
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    assert assistant.pages.currentIndex() == 2
    qtbot.keyClicks(assistant.passphrase, PASSPHRASE)
    qtbot.keyClicks(assistant.repeat, PASSPHRASE)
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=15000)
    vault = created[0]
    try:
        clinician = profile(vault)
        assert (clinician.role, clinician.title, clinician.terhikki) == ("psychologist", "psykologi", "10012345678")
    finally:
        vault.close()


def test_settings_change_role_title_and_number(qtbot, vault, data_dir):
    from askel.app import make_context

    context = make_context(data_dir)
    dialog = SettingsDialog(context.settings, vault)
    qtbot.addWidget(dialog)
    assert dialog.role.currentData() == "nurse" and dialog.terhikki.text() == ""
    dialog.role.setCurrentIndex(dialog.role.findData("public_health_nurse"))
    dialog.professional_title.setText("terveydenhoitaja (AMK)")
    dialog.terhikki.setText("12345")
    dialog.save_profile()
    assert dialog.terhikki_field.error.isVisibleTo(dialog)
    assert profile(vault).role == "nurse"  # nothing stored while the number is wrong
    dialog.terhikki.setText("10012345678")
    dialog.save_profile()
    clinician = profile(vault)
    assert (clinician.role, clinician.title, clinician.terhikki) == (
        "public_health_nurse", "terveydenhoitaja (AMK)", "10012345678")
    assert vault.actor.role == "public_health_nurse"
