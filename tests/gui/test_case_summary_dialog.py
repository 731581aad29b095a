"""Mentoring from the GUI: the course counts on My methods, and the anonymised case summary from a course page."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from askel.app import make_context
from askel.store.clients import ClientData, add_client
from askel.store.courses import (
    add_session,
    close_session,
    finish_course,
    load_course,
    load_draft,
    score_and_record,
    start_course,
)
from askel.store.models import AuditEvent, ExportRecord
from askel.store.vault import Vault
from askel.ui.case_summary_dialog import CaseSummaryDialog, draft_key
from tests.conftest import PASSPHRASE
from tests.gui.test_sessions_flow import when_dialog

HETU = "140410A9128"
NOTE = "NOTEMARK Aino kertoi kotiriidasta"


def build_course(vault, library):
    """An adolescent on IPC: session 1 attended with two agenda items done and a PHQ-9 (12), then a no-show."""
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), HETU,
                                          school_or_unit="Kivikon koulu"))
    course = start_course(vault, client.id, "ipc_adolescents", "1", status="planned", planned_sessions=6,
                          focus_area="role_dispute")
    first = add_session(vault, course.id, datetime(2026, 1, 8, 14, 5), attendance="attended", duration_minutes=45)
    phq9 = library.instrument("phq9", "1")
    score_and_record(vault, course.id, phq9, dict(zip(phq9.item_ids, (2, 2, 1, 1, 2, 1, 2, 1, 0), strict=True)),
                     session_id=first.id)
    close_session(vault, first.id, notes=NOTE, agenda={"0": {"done": True, "note": ""}, "1": {"done": True}})
    missed = add_session(vault, course.id, datetime(2026, 1, 15, 14, 5), attendance="no_show")
    close_session(vault, missed.id)
    return client, course


def open_shell(make_shell, vault, data_dir, language):
    client, course = build_course(vault, make_context(data_dir).library)
    vault.close()
    shell = make_shell(language)
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    return shell, client, course


def exports(vault):
    with vault.read() as session:
        records = list(session.scalars(select(ExportRecord)))
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.action == "export")))
    return records, events


@pytest.mark.parametrize("ui_language", ["fi", "sv"])
def test_case_summary_from_the_course_page(qtbot, make_shell, vault, data_dir, tmp_path, ui_language):
    shell, client, course = open_shell(make_shell, vault, data_dir, ui_language)
    workspace = shell.workspace
    workspace.open_course(course.id)
    page = workspace.course_page
    assert page.case_summary_button.isVisibleTo(page) and page.case_summary_button.text()
    target = tmp_path / "mentoring.txt"
    seen = {}

    def use(dialog: CaseSummaryDialog):
        seen["default_language"] = dialog.selected_language()
        dialog.set_choice(language="sv", fmt="text")
        dialog.ask_save_path = lambda suggested: (seen.setdefault("suggested", suggested), target)[1]
        qtbot.keyClicks(dialog.hard, "Svårt att hålla fokus på konflikten.")
        seen["preview"] = dialog.preview.toPlainText()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.confirmation.isVisible(), timeout=10000)
        seen["confirmation"] = dialog.confirmation.text()
        dialog.accept()

    when_dialog(CaseSummaryDialog, use)
    qtbot.mouseClick(page.case_summary_button, Qt.MouseButton.LeftButton)

    assert seen["default_language"] == ui_language  # the summary's language starts from the UI's
    assert "Laaksonen" not in seen["suggested"] and seen["suggested"].endswith(".txt")
    text = target.read_text("utf-8")
    assert text == seen["preview"]
    assert text.startswith("Anonymiserad fallsammanfattning för metodhandledning\n")
    assert "Fokusområde: Konflikter i relationer" in text
    assert "Träff 1/6: på mottagningen, 45 min" in text and "Träff 2/6: klienten uteblev" in text
    assert "PHQ-9, träff 1: 12 poäng (måttlig)" in text
    assert "- Behandlat: " in text and "- Blev obehandlat: " in text
    assert text.endswith("Vad som var svårt\nSvårt att hålla fokus på konflikten.\n")
    for secret in ("Aino", "Laaksonen", HETU, "140410", "14.4.2010", "Kivikon", client.local_id, "NOTEMARK",
                   "2026"):
        assert secret not in text
    assert target.name in seen["confirmation"]

    (record,), (event,) = exports(shell.vault)
    assert (record.kind, record.language, record.client_id) == ("case_summary", "sv", client.id)
    assert record.destination.startswith("file:") and target.name not in record.destination
    assert event.target == f"course:{course.id}" and event.detail["export_id"] == record.id
    assert event.detail["format"] == "text" and event.detail["include_notes"] is False
    # What she wrote is kept as a draft in the vault, for the next summary of the same course.
    assert load_draft(shell.vault, draft_key(course.id)) == "Svårt att hålla fokus på konflikten."


@pytest.fixture
def dialog(qtbot, vault, data_dir):
    context = make_context(data_dir)
    _client, course = build_course(vault, context.library)
    widget = CaseSummaryDialog(vault, context, load_course(vault, course.id))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def notes_warning_then(button_role: QMessageBox.ButtonRole, seen: list):
    def act(box: QMessageBox):
        seen.append(box.text())
        button = next(b for b in box.buttons() if box.buttonRole(b) == button_role)
        button.click()

    return act


def test_notes_need_a_confirmed_warning(qtbot, dialog):
    assert not dialog.include_notes.isChecked()
    assert "NOTEMARK" not in dialog.preview.toPlainText()

    seen: list[str] = []
    when_dialog(QMessageBox, notes_warning_then(QMessageBox.ButtonRole.RejectRole, seen))
    dialog.include_notes.click()
    assert seen, "the warning was shown"
    assert not dialog.include_notes.isChecked()  # cancelled: the box stays unticked
    assert "NOTEMARK" not in dialog.preview.toPlainText()

    when_dialog(QMessageBox, notes_warning_then(QMessageBox.ButtonRole.AcceptRole, seen))
    dialog.include_notes.click()
    assert len(seen) == 2 and dialog.include_notes.isChecked()
    assert NOTE in dialog.preview.toPlainText()

    dialog.include_notes.click()  # unticking needs no warning
    assert len(seen) == 2 and not dialog.include_notes.isChecked()
    assert "NOTEMARK" not in dialog.preview.toPlainText()


def test_an_identity_code_in_the_text_stops_the_save(qtbot, dialog, vault):
    asked = []
    dialog.ask_save_path = lambda suggested: asked.append(suggested)
    qtbot.keyClicks(dialog.hard, f"Asiakas {HETU} vaikeni.")
    assert dialog.identifier_warning.isVisible() and HETU in dialog.identifier_warning.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and asked == []
    assert exports(vault) == ([], [])


def test_a_possible_name_asks_before_saving(qtbot, dialog, vault):
    asked, seen = [], []
    dialog.ask_save_path = lambda suggested: asked.append(suggested)
    qtbot.keyClicks(dialog.hard, "Ainon kanssa oli vaikeaa.")
    assert "Ainon" in dialog.identifier_warning.text()
    when_dialog(QMessageBox, notes_warning_then(QMessageBox.ButtonRole.RejectRole, seen))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen and asked == []  # she chose to edit the text: nothing was asked or saved
    assert exports(vault) == ([], [])


def test_pdf_in_finnish_is_saved_and_logged(qtbot, dialog, vault, tmp_path):
    dialog.set_choice(language="fi", fmt="pdf")
    dialog.ask_save_path = lambda suggested: tmp_path / suggested
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (record,), (event,) = exports(vault)
    (written,) = tmp_path.glob("*.pdf")
    assert written.read_bytes().startswith(b"%PDF-") and written.suffix == ".pdf"
    assert (record.kind, record.language, event.detail["format"]) == ("case_summary", "fi", "pdf")


@pytest.mark.parametrize("ui_language", ["fi", "sv"])
def test_my_methods_shows_the_course_counts(qtbot, make_shell, vault, data_dir, ui_language):
    client = add_client(vault, ClientData("Matti", "Aho", date(1980, 5, 1), None))
    for status in ("active", "completed", "completed", "interrupted", "planned"):
        start_course(vault, client.id, "klt_adults", "1", status=status)
    never_came = start_course(vault, client.id, "ipc_adults", "1", status="planned")
    finish_course(vault, never_came.id, status="interrupted", end_date=date(2026, 2, 1))
    vault.close()
    shell = make_shell(ui_language)
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    workspace = shell.workspace
    workspace.show_my_methods()
    page = workspace.methods_page

    def counts_of(method_id: str) -> list[str] | None:
        row = next(i for i, p in enumerate(page.protocols) if p.id == method_id)
        label = page.course_counts[row]
        return re.findall(r"\d+", label.text()) if label.isVisibleTo(page) else None

    assert counts_of("klt_adults") == ["4", "2", "1"]  # started, completed, interrupted; the planned one not
    assert counts_of("ipc_adults") == ["1", "0", "1"]
    assert counts_of("ali") is None  # no courses: no line

    assert not page.training_note.isVisibleTo(page)
    row = next(i for i, p in enumerate(page.protocols) if p.id == "klt_adults")
    page.statuses[row].setCurrentIndex(page.statuses[row].findData("in_training"))
    assert page.training_note.isVisibleTo(page) and page.training_note.text()
