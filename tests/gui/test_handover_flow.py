"""Handing a client over from the GUI, in Finnish and in Swedish: give from the client page (the code shown once in
both languages), receive from the client list's dialog (a wrong code refused in one line, what arrives shown before
anything is imported), save the receipt, and read it on the giver's client page, which removes the copy there."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from askel.app import make_context
from askel.core.handover_code import HandoverCode, parse_code
from askel.store import courses
from askel.store.clients import ClientData, GuardianData, add_client
from askel.store.models import Client, Course
from askel.store.vault import Vault
from askel.ui.handover_dialog import GiveHandoverDialog, ReceiptDialog, ReceiveHandoverDialog
from tests.conftest import PASSPHRASE
from tests.gui.conftest import visible_texts
from tests.gui.test_sessions_flow import when_dialog

WORDS = {
    "fi": {"give": "Siirrä", "wrong": "Siirtokoodi ei ole oikein", "receive": "Vastaanota",
           "matched": "uusi asiakas", "read_only": "vain luettavissa"},
    "sv": {"give": "Överlämna", "wrong": "Överlämningskoden stämmer inte", "receive": "Ta emot",
           "matched": "ny klient", "read_only": "skrivskyddad"},
}


@pytest.fixture
def giver(make_shell, vault, qtbot):
    def make(language: str):
        client = add_client(vault, ClientData("Aino", "Siirtola", date(2011, 9, 1), "010911A9125",
                                              guardians=[GuardianData("Maija Siirtola", "äiti")]))
        course = courses.start_course(vault, client.id, "ipc_adolescents", "1", planned_sessions=6)
        courses.add_session(vault, course.id, datetime(2026, 11, 2, 9), notes="aloitus")
        vault.close()
        shell = make_shell(language)
        shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
        shell.workspace.open_client(client.id)
        return shell, client, course

    return make


@pytest.fixture
def receiver(tmp_path):
    folder = tmp_path / "receiver"
    vault = Vault.create(folder, PASSPHRASE, clinician_name="Bo Mottagare", role="psychologist", kdf_iterations=1)
    yield vault, make_context(folder)
    vault.close()


def other_code(code: str) -> str:
    parsed = parse_code(code)
    return HandoverCode((*parsed.indices[:5], (parsed.indices[5] + 1) % 256)).text("fi")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_give_receive_and_read_the_receipt(qtbot, giver, receiver, tmp_path, language):
    shell, client, course = giver(language)
    words = WORDS[language]
    page = shell.workspace.client_page
    assert page.handover_button.isVisibleTo(page) and words["give"] in page.handover_button.text()

    # -- give, from the client page -------------------------------------------------------------------------------
    path = tmp_path / "out" / "siirto.askelhandover"
    path.parent.mkdir()
    dialog = GiveHandoverDialog(shell.vault, shell.context, page.client, page.handed_over)
    qtbot.addWidget(dialog)
    dialog.ask_save_path = lambda: path
    dialog.show()
    assert words["give"] in dialog.heading.text()
    qtbot.mouseClick(dialog.give_button, Qt.MouseButton.LeftButton)  # no colleague named yet: one line, no file
    assert dialog.receiver_field.error.isVisibleTo(dialog) and not path.exists()
    qtbot.keyClicks(dialog.receiver, "Bo Mottagare")
    dialog.remove_radio.setChecked(True)
    qtbot.mouseClick(dialog.give_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.handed is not None, timeout=10000)
    assert path.exists() and dialog.pages.currentIndex() == 1
    code_fi, code_sv = dialog.code_fi.text(), dialog.code_sv.text()
    assert parse_code(code_fi) == parse_code(code_sv) and code_fi != code_sv
    assert "Bo Mottagare" in dialog.code_warning.text()
    dialog.close_button.click()

    shell.workspace.open_client(client.id)  # the copy here is now read-only and says so
    page = shell.workspace.client_page
    assert page.read_only and not page.edit_button.isVisibleTo(page)
    assert not page.start_course_button.isVisibleTo(page) and page.receipt_button.isVisibleTo(page)
    assert "Bo Mottagare" in page.handover_notice.text() and words["read_only"] in page.handover_notice.text()
    shell.workspace.open_course(course.id)
    course_page = shell.workspace.course_page
    assert course_page.read_only and not course_page.session_button.isVisibleTo(course_page)
    assert not course_page.questionnaire_button.isVisibleTo(course_page)
    assert "Bo Mottagare" in course_page.exports.text()  # the course's disclosures list the handover
    shell.workspace.start_or_continue_session()
    assert shell.workspace.runner is None

    # -- receive, in another vault ----------------------------------------------------------------------------------
    vault_b, context_b = receiver
    receive = ReceiveHandoverDialog(vault_b, context_b)
    qtbot.addWidget(receive)
    receive.show()
    assert words["receive"] in receive.windowTitle()
    receive.set_file(path)
    receive.code.insert(other_code(code_fi))  # QTest types ASCII only: the words may hold å, ä or ö
    qtbot.mouseClick(receive.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: receive.code_field.error.isVisibleTo(receive), timeout=10000)
    assert words["wrong"] in receive.code_field.error.text() and "\n" not in receive.code_field.error.text()
    with vault_b.read() as session:
        assert not session.scalars(select(Client)).all()

    receive.code.clear()
    receive.code.insert(code_sv.upper() if language == "fi" else code_fi)  # the other language, any case
    qtbot.mouseClick(receive.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: receive.pages.currentIndex() == 1, timeout=10000)
    shown = visible_texts(receive)
    assert "Aino Siirtola" in shown and "Testi Hoitaja" in shown and "010911A****" in shown
    assert words["matched"] in receive.match.text().lower()
    with vault_b.read() as session:  # nothing before the receiver says so
        assert not session.scalars(select(Client)).all()
    receipt = tmp_path / "out" / "siirto.askelreceipt"
    receive.ask_receipt_path = lambda: receipt
    qtbot.mouseClick(receive.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: receive.pages.currentIndex() == 2, timeout=10000)
    assert receive.receipt_button.isVisibleTo(receive)
    qtbot.mouseClick(receive.receipt_button, Qt.MouseButton.LeftButton)
    assert receipt.exists() and receipt.name in receive.receipt_saved.text()
    with vault_b.read() as session:
        arrived = session.get(Course, course.id)
        assert arrived is not None and arrived.sessions[0].notes == "aloitus"

    # -- read the receipt on the giver's client page ------------------------------------------------------------------
    shell.workspace.open_client(client.id)

    def read(dialog: ReceiptDialog):
        dialog.ask_open_path = lambda: receipt
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        assert "Bo Mottagare" in dialog.result_label.text()
        dialog.close_button.click()

    when_dialog(ReceiptDialog, read)
    shell.workspace.read_receipt()
    assert shell.workspace.client_page is None  # the client had no other course: gone from here
    with shell.vault.read() as session:
        assert session.get(Client, client.id) is None


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_damaged_file_is_one_line_and_the_receive_button_is_on_the_client_list(qtbot, giver, receiver, tmp_path,
                                                                                 language):
    shell, _client, _course = giver(language)
    workspace = shell.workspace
    workspace.show_client_list()
    button = workspace.client_list.receive_button
    assert button.isVisibleTo(workspace.client_list) and button.text().endswith("…")
    bad = tmp_path / "broken.askelhandover"
    bad.write_bytes(b"ASKEL-HANDOVER-1\n{}\n")
    seen = {}

    def refuse(dialog: ReceiveHandoverDialog):
        dialog.set_file(bad)
        dialog.code.insert("karhu susi kettu jänis orava hirvi")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10000)
        seen["error"] = dialog.error.text()
        dialog.reject()

    when_dialog(ReceiveHandoverDialog, refuse)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    expected = {"fi": "Tämä ei ole siirtotiedosto", "sv": "Det här är ingen överlämningsfil"}[language]
    assert seen["error"].startswith(expected) and "\n" not in seen["error"]
    assert QApplication.activeModalWidget() is None
