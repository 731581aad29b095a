"""The export dialog and the clipboard guard: every path logs its disclosure; the clipboard is cleared safely."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from askel.app import make_context
from askel.export import crypto
from askel.export.sample import CLINICIAN_NOTE, build_sample_course
from askel.store.courses import load_course
from askel.store.models import AuditEvent, ExportRecord
from askel.ui.clipboard import ClipboardGuard
from askel.ui.export_dialog import ExportDialog, export_log_line

CLEAR_SECONDS = 0.2


@pytest.fixture
def context(data_dir, vault):
    return make_context(data_dir)


@pytest.fixture
def sample(vault, context):
    return build_sample_course(vault, context.library)


@pytest.fixture
def guard(qtbot):
    guard = ClipboardGuard()
    yield guard
    guard.clear_now()


@pytest.fixture
def dialog(qtbot, vault, context, sample, guard):
    def make(session_number=None, **settings):
        for key, value in settings.items():
            context.settings.set(key, value)
        course = load_course(vault, sample.course_id)
        session = next((s for s in course.sessions if s.number == session_number), None)
        widget = ExportDialog(vault, context, course, session, clipboard_guard=guard)
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return make


@pytest.fixture(autouse=True)
def finnish_ui():
    previous = QLocale()
    QLocale.setDefault(QLocale("fi_FI"))
    yield
    QLocale.setDefault(previous)


def disclosures(vault) -> list[tuple[str, str]]:
    with vault.read() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("export", "copy", "print")))
                                 .order_by(AuditEvent.seq))
        return [(e.action, e.detail["export_id"]) for e in events]


def records(vault) -> list[ExportRecord]:
    with vault.read() as session:
        return list(session.scalars(select(ExportRecord).order_by(ExportRecord.at)))


# -- the clipboard guard ---------------------------------------------------------------------------------------
def test_guard_clears_its_own_text_after_the_time(qtbot, guard):
    clipboard = QGuiApplication.clipboard()
    guard.copy("Hoidon tarve\nHoidon tarve todettu 2.1.2026.", CLEAR_SECONDS)
    assert clipboard.text() == "Hoidon tarve\nHoidon tarve todettu 2.1.2026."
    with qtbot.waitSignal(guard.cleared, timeout=3000):
        pass
    assert clipboard.text() == ""


def test_guard_leaves_other_text_alone(qtbot, guard):
    clipboard = QGuiApplication.clipboard()
    guard.copy("the export", CLEAR_SECONDS)
    clipboard.setText("something the user copied later")
    qtbot.waitUntil(lambda: not guard.is_pending(), timeout=3000)
    assert clipboard.text() == "something the user copied later"


def test_guard_with_zero_never_clears(qtbot, guard):
    guard.copy("kept", 0)
    assert not guard.is_pending()
    qtbot.wait(int(CLEAR_SECONDS * 1000) + 200)
    assert QGuiApplication.clipboard().text() == "kept"


# -- the dialog ------------------------------------------------------------------------------------------------
def test_preview_follows_the_chosen_language_not_the_ui(dialog):
    widget = dialog()
    assert widget.selected_language() == "fi"  # defaults to the UI language
    assert widget.preview.toPlainText().startswith("Hoitojakson yhteenveto: ")
    widget.set_choice(language="sv")
    assert widget.preview.toPlainText().startswith("Sammanfattning av vårdperioden: ")
    assert CLINICIAN_NOTE in widget.preview.toPlainText()
    widget.set_choice(kind="pdf_client")
    assert CLINICIAN_NOTE not in widget.preview.toPlainText()


def test_language_defaults_to_a_swedish_ui(dialog):
    QLocale.setDefault(QLocale("sv_FI"))
    widget = dialog()
    assert widget.selected_language() == "sv"


def test_session_scope_is_preselected(dialog):
    widget = dialog(session_number=3)
    assert widget.selected_session_number() == 3
    assert "Käynti 3/5 19.1.2026" in widget.preview.toPlainText()
    assert "Käynti 1/5" not in widget.preview.toPlainText()


def test_destinations_follow_the_format(dialog, tmp_path):
    widget = dialog()
    assert widget.available_destinations() == ("clipboard", "file")
    widget.set_choice(kind="pdf")
    assert widget.available_destinations() == ("file", "printer")
    assert widget.selected_destination() == "file"
    widget = dialog(export_drop_folder=str(tmp_path))
    assert widget.available_destinations() == ("clipboard", "file", "drop_folder")


def test_copy_puts_the_entry_on_the_clipboard_logs_it_and_clears_it(qtbot, vault, dialog, sample, guard):
    widget = dialog(session_number=1, clipboard_clear_seconds=1)
    widget.set_choice(destination="clipboard")
    with qtbot.waitSignal(widget.exported, timeout=5000):
        widget.action_button.click()
    text = QGuiApplication.clipboard().text()
    assert text == widget.preview.toPlainText() and text.startswith("Käynti 1/5: ")
    (record,) = records(vault)
    assert (record.kind, record.language, record.destination) == ("text", "fi", "clipboard")
    assert record.session_id == sample.session_ids[1]
    assert disclosures(vault) == [("copy", record.id)]
    assert widget.confirmation.isVisible()
    assert widget.confirmation.text().startswith(export_log_line(record))
    with qtbot.waitSignal(guard.cleared, timeout=4000):
        pass
    assert QGuiApplication.clipboard().text() == ""


def test_save_to_file_runs_off_the_ui_thread_and_logs(qtbot, vault, dialog, tmp_path, monkeypatch):
    widget = dialog()
    widget.set_choice(kind="fhir", language="sv", destination="file")
    monkeypatch.setattr(widget, "ask_save_path", lambda suggested: tmp_path / suggested)
    with qtbot.waitSignal(widget.exported, timeout=10000):
        widget.action_button.click()
        assert widget.busy and not widget.close_button.isEnabled()
        widget.reject()  # Escape while the file is written: the dialog stays until it is done and logged
        assert widget.isVisible()
    (record,) = records(vault)
    assert record.kind == "fhir" and record.language == "sv"
    (written,) = tmp_path.glob("*.json")
    assert written.exists() and b'"resourceType": "Bundle"' in written.read_bytes()
    assert disclosures(vault) == [("export", record.id)]
    assert widget.confirmation.isVisible() and written.name in widget.confirmation.text()


def test_cancelled_save_does_nothing(dialog, vault, monkeypatch):
    widget = dialog()
    widget.set_choice(destination="file")
    monkeypatch.setattr(widget, "ask_save_path", lambda suggested: None)
    widget.action_button.click()
    assert records(vault) == [] and not widget.confirmation.isVisible()


def test_drop_folder_with_a_recipient_key_is_encrypted(qtbot, vault, dialog, tmp_path):
    private_pem, public_b64 = crypto.generate_keypair()
    drop = tmp_path / "drop"
    drop.mkdir()
    widget = dialog(export_drop_folder=str(drop), export_recipient_key=public_b64)
    widget.set_choice(kind="pdf", destination="drop_folder")
    assert not widget.encrypt.isVisible()  # not a choice: the drop folder is always encrypted
    with qtbot.waitSignal(widget.exported, timeout=15000):
        widget.action_button.click()
    (written,) = drop.iterdir()
    data = written.read_bytes()
    assert crypto.is_encrypted(data)
    assert crypto.decrypt(data, crypto.load_private_key(private_pem)).data.startswith(b"%PDF-")
    (record,) = records(vault)
    assert disclosures(vault) == [("export", record.id)]
    assert record.recipient.startswith("recipient_key:")


def test_unreachable_drop_folder_shows_an_error_and_logs_nothing(qtbot, vault, dialog, tmp_path):
    drop = tmp_path / "share"
    drop.mkdir()
    widget = dialog(export_drop_folder=str(drop))
    drop.rmdir()  # the network share went away after the dialog opened
    widget.set_choice(destination="drop_folder")
    widget.action_button.click()
    qtbot.waitUntil(lambda: widget.error.isVisible(), timeout=10000)
    assert records(vault) == [] and disclosures(vault) == []
    assert widget.action_button.isEnabled()


def test_print_is_logged(qtbot, vault, dialog, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    widget = dialog()
    widget.set_choice(kind="pdf_client", destination="printer")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(widget, "ask_printer", lambda: printer)
    with qtbot.waitSignal(widget.exported, timeout=10000):
        widget.action_button.click()
    (record,) = records(vault)
    assert record.kind == "pdf_client" and record.destination.startswith("printer")
    assert disclosures(vault) == [("print", record.id)]
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_texts_are_set_in_both_ui_languages(dialog, qapp):
    from askel.ui.i18n import LanguageManager

    widget = dialog()
    languages = LanguageManager(qapp)
    try:
        for language in ("sv", "fi"):
            languages.set_language(language)
            assert widget.windowTitle() and widget.action_button.text()
    finally:
        languages.set_language("fi")


# -- the record-safe step ------------------------------------------------------------------------------------------
PASTED_NOTE = "Uni\u200b parani\u00ad selvästi \U0001F642 \u2013 hyvä"


def test_characters_the_record_may_reject_are_highlighted_and_replaced_in_one_click(qtbot, vault, dialog, sample,
                                                                                   guard):
    from askel.store.courses import update_session

    update_session(vault, sample.session_ids[1], notes=PASTED_NOTE)
    widget = dialog(session_number=1)
    widget.set_choice(kind="text", destination="clipboard")
    assert widget.safe_row.isVisible()
    assert len(widget.preview.extraSelections()) == 4
    assert "\U0001F642" in widget.safe_note.text() and "\u2013" in widget.safe_note.text()
    # The zero-width space and the soft hyphen cannot be seen, so they are counted (in whichever UI language).
    assert "2 invisible" in widget.safe_note.text() or "2 näkymätöntä" in widget.safe_note.text()
    # Nothing is dropped behind the user's back: the preview still shows the note as typed.
    assert PASTED_NOTE in widget.preview.toPlainText()
    widget.replace_button.click()
    assert not widget.safe_row.isVisible() and widget.preview.extraSelections() == []
    assert "Uni parani selvästi  - hyvä" in widget.preview.toPlainText()
    with qtbot.waitSignal(widget.exported, timeout=5000):
        widget.action_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == widget.preview.toPlainText()
    copied.encode("iso-8859-15")
    (record,) = records(vault)
    import hashlib

    assert record.checksum == hashlib.sha256(copied.encode("utf-8")).hexdigest()
    # The stored note is the user's own and stays as typed.
    assert PASTED_NOTE in load_course(vault, sample.course_id).sessions[0].notes


def test_without_replacing_the_text_goes_as_typed(qtbot, vault, dialog, sample, guard):
    from askel.store.courses import update_session

    update_session(vault, sample.session_ids[1], notes=PASTED_NOTE)
    widget = dialog(session_number=1)
    with qtbot.waitSignal(widget.exported, timeout=5000):
        widget.action_button.click()
    assert PASTED_NOTE in QGuiApplication.clipboard().text()


def test_a_record_that_takes_unicode_flags_nothing(vault, dialog, sample):
    from askel.store.courses import update_session

    update_session(vault, sample.session_ids[1], notes=PASTED_NOTE)
    widget = dialog(session_number=1, record_accepts_unicode=True)
    assert not widget.safe_row.isVisible() and widget.preview.extraSelections() == []


def test_fhir_says_when_a_temporary_code_cannot_be_identified(vault, dialog, sample):
    from datetime import date

    from askel.store.clients import ClientData, update_client

    update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(2016, 5, 2), "020516C903K"))
    widget = dialog()
    widget.set_choice(kind="fhir")
    assert widget.identity_note.isVisible() and "IT" in widget.identity_note.text()
    widget.set_choice(kind="text")
    assert not widget.identity_note.isVisible()
    widget = dialog(temporary_id_root="1.2.246.10.12345678.22")
    widget.set_choice(kind="fhir")
    assert not widget.identity_note.isVisible()


def test_the_scope_names_visits_of_the_method_and_contacts_as_the_record_does(qtbot, vault, context, guard):
    from askel.export.sample import build_adolescent_course

    adolescent = build_adolescent_course(vault, context.library)
    course = load_course(vault, adolescent.course_id)
    widget = ExportDialog(vault, context, course, clipboard_guard=guard)
    qtbot.addWidget(widget)
    labels = [widget.scope.itemText(i) for i in range(widget.scope.count())]
    # Whichever UI language an earlier test left installed: the contact has no visit number, row 10 is visit 9.
    assert labels[5].endswith("(9.3.2026)") and not any(c.isdigit() for c in labels[5].split("(")[0])
    assert labels[10].endswith(" 9 (13.4.2026)")


# -- the preview (issue 14: Ctrl+A, Ctrl+C put the whole entry on the clipboard without a trace) --------------------
def test_ctrl_c_in_the_preview_is_the_logged_self_clearing_copy(qtbot, vault, dialog, guard):
    from PySide6.QtCore import Qt

    widget = dialog(session_number=1, clipboard_clear_seconds=1)
    QGuiApplication.clipboard().clear()
    widget.preview.setFocus()
    qtbot.keyClick(widget.preview, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget.preview, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == widget.preview.toPlainText()
    (record,) = records(vault)
    assert (record.kind, record.destination) == ("text", "clipboard")
    assert disclosures(vault) == [("copy", record.id)]
    assert guard.is_pending()  # cleared after the setting's seconds, like the Copy button's copy
    with qtbot.waitSignal(guard.cleared, timeout=4000):
        pass
    assert QGuiApplication.clipboard().text() == ""


def test_a_part_selected_in_the_preview_is_logged_as_a_part(qtbot, vault, dialog):
    from PySide6.QtGui import QTextCursor

    widget = dialog(session_number=1)
    cursor = widget.preview.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine, QTextCursor.MoveMode.KeepAnchor)
    widget.preview.setTextCursor(cursor)
    first_line = widget.preview.toPlainText().splitlines()[0]
    widget.preview.request_copy()  # what the context menu's Copy does
    assert QGuiApplication.clipboard().text() == first_line
    (record,) = records(vault)
    import hashlib

    assert record.checksum == hashlib.sha256(first_line.encode("utf-8")).hexdigest()


def test_nothing_leaves_the_preview_by_dragging_or_the_selection_clipboard(dialog):
    widget = dialog(session_number=1)
    widget.preview.selectAll()
    assert widget.preview.createMimeDataFromSelection().formats() == []
