"""Export to the patient record: choose what, the language, the format and where it goes; see it; send it.

The document language defaults to the *UI* language, not the client's: the record entry is written for staff and
read in the EHR in the clinician's working language. The client's language is shown next to the choice, because a
PDF for the client is better in the client's language.

Every path (clipboard, file, IT's export folder, printer) goes through `askel.export.service`, which logs the
export and its disclosure entry in one transaction; the dialog then shows the log line inline. Files are built and
written off the UI thread.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from askel.core.content.library import ContentNotFound
from askel.core.i18n import QT_TRANSLATE_NOOP
from askel.export.destinations import ExportError
from askel.export.formatting import utc_to_local
from askel.export.record_facts import record_facts
from askel.export.record_safe import findings, replace_all
from askel.export.service import (
    ExportPolicy,
    ExportRequest,
    log_copy,
    log_print,
    pdf_options,
    preview,
    render,
    save_to_drop_folder,
    save_to_file,
)
from askel.store.courses import load_course
from askel.store.errors import VaultError
from askel.ui.accessibility import announce
from askel.ui.clipboard import ClipboardGuard, GuardedTextView, shared_clipboard_guard
from askel.ui.files import ask_save_path, file_name, start_folder
from askel.ui.i18n import content_locale, format_date, format_time, translate, ui_language
from askel.ui.theme import GRID, colours
from askel.ui.widgets import Card, Field, FlowLayout, caption, dialog_layout, reveal, set_busy, title
from askel.ui.workers import run_in_background

KINDS = ("text", "pdf", "pdf_client", "fhir")
DESTINATIONS = ("clipboard", "file", "drop_folder", "printer")

KIND_LABELS = {
    "text": QT_TRANSLATE_NOOP("ExportLog", "text entry"),
    "pdf": QT_TRANSLATE_NOOP("ExportLog", "PDF for the record"),
    "pdf_client": QT_TRANSLATE_NOOP("ExportLog", "copy of the record for the client"),
    "handout": QT_TRANSLATE_NOOP("ExportLog", "handout for the client"),
    "fhir": QT_TRANSLATE_NOOP("ExportLog", "FHIR"),
    "case_summary": QT_TRANSLATE_NOOP("ExportLog", "case summary for mentoring"),
}
_COPIED = QT_TRANSLATE_NOOP("ExportLog", "copied to the clipboard")
_PRINTED = QT_TRANSLATE_NOOP("ExportLog", "printed")
_SAVED = QT_TRANSLATE_NOOP("ExportLog", "saved as {file}")
_ENCRYPTED = QT_TRANSLATE_NOOP("ExportLog", "encrypted")
_LINE = QT_TRANSLATE_NOOP("ExportLog", "Exported {date} {time}: {kind} ({language}), {where}.")
_LANGUAGES = {"fi": QT_TRANSLATE_NOOP("ExportLog", "in Finnish"), "sv": QT_TRANSLATE_NOOP("ExportLog", "in Swedish")}
_HANDOVER_LINES = {
    "handover_given": QT_TRANSLATE_NOOP("ExportLog", "Handed over {date} {time} to {name}"),
    "handover_received": QT_TRANSLATE_NOOP("ExportLog", "Received {date} {time} from {name}"),
    "handover_removed": QT_TRANSLATE_NOOP("ExportLog", "Removed {date} {time} after {name}'s receipt"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportLog", text)


def kind_label(kind: str) -> str:
    return _tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def export_log_line(record) -> str:
    """One line for an ExportRecord, in the UI language: "Exported 5.3.2026 at 14.05: text entry (in Finnish), …".

    For the course page's export list as well as the dialog's confirmation."""
    when = utc_to_local(record.at)
    if record.kind == "handover":  # askel.export.handover: one row per course at each end
        name = record.recipient.removeprefix("clinician:")
        text = _HANDOVER_LINES.get(record.basis, _HANDOVER_LINES["handover_given"])
        return _tr(text).format(date=format_date(when), time=format_time(when), name=name)
    if record.destination == "clipboard":
        where = _tr(_COPIED)
    elif record.destination.startswith("printer"):
        where = _tr(_PRINTED)
    else:
        where = _tr(_SAVED).format(file=Path(record.written_to or record.destination).name)
        if record.recipient.startswith("recipient_key:"):
            where += ", " + _tr(_ENCRYPTED)
    language = _tr(_LANGUAGES[record.language]) if record.language in _LANGUAGES else record.language
    return _tr(_LINE).format(date=format_date(when), time=format_time(when), kind=kind_label(record.kind),
                             language=language, where=where)


class ExportDialog(QDialog):
    exported = Signal(object)  # the ExportRecord, after it is logged

    def __init__(self, vault, context, course, session=None, parent: QWidget | None = None, *,
                 clipboard_guard: ClipboardGuard | None = None):
        super().__init__(parent)
        self.vault, self.context = vault, context
        self.course = load_course(vault, course.id)
        self.policy = ExportPolicy.from_settings(context.settings)
        self.guard = clipboard_guard or shared_clipboard_guard()
        self.last_record = None
        self.busy = False
        self.setModal(True)

        self.heading = title()
        self.summary = caption()
        self.scope = QComboBox()
        self.scope_field = Field(self.scope)
        self.scope.addItem("", None)
        for record in self.course.sessions:
            self.scope.addItem("", record.number)
        if session is not None:
            self.scope.setCurrentIndex(max(0, self.scope.findData(session.number)))
        self.language = QComboBox()
        self.language.addItem("", "fi")
        self.language.addItem("", "sv")
        self.language.setCurrentIndex(self.language.findData(ui_language()))
        self.language_field = Field(self.language)
        self.language_hint = caption()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.kind_field = Field(self.kind)

        self.destination_label = QLabel()
        self.destination_buttons = {name: QRadioButton() for name in DESTINATIONS}
        self.destination_group = QButtonGroup(self)
        for button in self.destination_buttons.values():
            self.destination_group.addButton(button)
        self.encrypt = QCheckBox()
        self.encrypt.setVisible(bool(self.policy.recipient_key))
        self.destination_note = caption()

        self.preview_card = Card()
        self.preview_title = QLabel()
        self.preview_title.setObjectName("section")
        self.preview_note = caption()
        self.preview = GuardedTextView()  # Ctrl+C here is the logged, self-clearing copy too
        self.preview.setTabChangesFocus(True)
        self.preview.copy_requested.connect(self.copy_from_preview)
        self.preview.setMinimumHeight(36 * GRID)
        # The record-safe step: characters a Latin-9 record may reject, highlighted, with a one-click replacement;
        # and what the FHIR document cannot say about who the client is.
        self.record_safe = False  # the user chose to replace the flagged characters
        self.safe_note = QLabel()
        self.safe_note.setObjectName("notice")
        self.safe_note.setWordWrap(True)
        self.replace_button = QPushButton()
        self.safe_row = QWidget()
        safe_layout = QHBoxLayout(self.safe_row)
        safe_layout.setContentsMargins(0, 0, 0, 0)
        safe_layout.addWidget(self.safe_note, 1)
        safe_layout.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignTop)
        self.safe_row.hide()
        self.identity_note = QLabel()
        self.identity_note.setObjectName("notice")
        self.identity_note.setWordWrap(True)
        self.identity_note.hide()
        self.preview_card.body.addWidget(self.preview_title)
        self.preview_card.body.addWidget(self.preview_note)
        self.preview_card.body.addWidget(self.identity_note)
        self.preview_card.body.addWidget(self.safe_row)
        self.preview_card.body.addWidget(self.preview, 1)

        self.confirmation = QLabel()
        self.confirmation.setObjectName("notice")
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.action_button = QPushButton()
        self.action_button.setObjectName("primary")
        self.action_button.setDefault(True)
        self.close_button = QPushButton()

        # The choices wrap onto a second line, and the destinations too, rather than being cut off at the right.
        options = FlowLayout(spacing=2 * GRID)
        for field in (self.scope_field, self.language_field, self.kind_field):
            options.addWidget(field)
        destinations = FlowLayout(spacing=2 * GRID)
        for button in self.destination_buttons.values():
            destinations.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.action_button)
        # What happened ("copied", an error) stays beside the buttons, in view, never scrolled away in the body.
        footer = QVBoxLayout()
        footer.addWidget(self.confirmation)
        footer.addWidget(self.error)
        footer.addLayout(buttons)
        body = QVBoxLayout()
        body.addWidget(self.summary)
        body.addLayout(options)
        body.addWidget(self.language_hint)
        body.addWidget(self.destination_label)
        body.addLayout(destinations)
        body.addWidget(self.encrypt)
        body.addWidget(self.destination_note)
        body.addWidget(self.preview_card, 1)
        dialog_layout(self, self.heading, body, footer, min_width=72 * GRID)

        for combo in (self.scope, self.language, self.kind):
            combo.currentIndexChanged.connect(self._options_changed)
        self.destination_group.buttonToggled.connect(lambda *_: self._update_destination())
        self.encrypt.toggled.connect(lambda *_: self._update_destination())
        self.action_button.clicked.connect(self.run_export)
        self.replace_button.clicked.connect(self.replace_unsafe_characters)
        self.close_button.clicked.connect(self.accept)
        self.destination_buttons["clipboard"].setChecked(True)
        self.retranslate()

    # -- choices --------------------------------------------------------------------------------------------------
    def selected_kind(self) -> str:
        return self.kind.currentData()

    def selected_language(self) -> str:
        return self.language.currentData()

    def selected_session_number(self) -> int | None:
        return self.scope.currentData()

    def available_destinations(self) -> tuple[str, ...]:
        kind = self.selected_kind()
        return tuple(name for name, ok in (
            ("clipboard", kind == "text"), ("file", True), ("drop_folder", bool(self.policy.drop_folder)),
            ("printer", kind in ("pdf", "pdf_client")),
        ) if ok)

    def encrypting(self) -> bool:
        """Whether a file save will be encrypted (the drop folder decides for itself)."""
        return bool(self.policy.recipient_key) and self.encrypt.isChecked()

    def selected_destination(self) -> str:
        return next(name for name, button in self.destination_buttons.items() if button.isChecked())

    def request(self) -> ExportRequest:
        return ExportRequest(self.course.id, self.selected_kind(), self.selected_language(),
                             self.selected_session_number())

    def set_choice(self, *, kind: str | None = None, language: str | None = None, destination: str | None = None,
                   session_number: int | None | str = "keep") -> None:
        """Choose options in code (tests, and a caller that opens the dialog pre-set)."""
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        if language is not None:
            self.language.setCurrentIndex(self.language.findData(language))
        if session_number != "keep":
            self.scope.setCurrentIndex(self.scope.findData(session_number) if session_number is not None else 0)
        if destination is not None:
            self.destination_buttons[destination].setChecked(True)

    # -- text -----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export to the patient record"))
        self.heading.setText(self.tr("Export to the patient record"))
        client = self.course.client
        try:
            method = self.context.library.protocol(self.course.method_id, self.course.protocol_version).name.get(
                ui_language())
        except ContentNotFound:
            method = self.course.method_id
        self.summary.setText(f"{client.given_names} {client.family_name} · {method}")
        self.scope_field.set_text(self.tr("&What"))
        self.scope.setItemText(0, self.tr("The whole course"))
        ordinals = {v.session.number: v.ordinal for v in record_facts(self.course, self.context.library).visits}
        for index, record in enumerate(self.course.sessions, start=1):
            date = format_date(record.starts_at)
            if ordinals.get(record.number) is None:  # a contact, not a visit of the method
                self.scope.setItemText(index, self.tr("Other contact ({date})").format(date=date))
            else:
                self.scope.setItemText(index, self.tr("Session {number} ({date})").format(
                    number=ordinals[record.number], date=date))
        client_language = self.tr("Finnish") if client.language == "fi" else self.tr("Swedish")
        self.language_field.set_text(self.tr("&Language"))
        self.language_hint.setText(
            self.tr("The record is written for staff, so the language follows your interface language. "
                    "The client's language: {language}.").format(language=client_language))
        self.language.setItemText(0, self.tr("Finnish"))
        self.language.setItemText(1, self.tr("Swedish"))
        self.kind_field.set_text(self.tr("&Format"))
        for index, text in enumerate((self.tr("Text entry for the record"), self.tr("PDF for the record"),
                                      self.tr("Copy of the record for the client (PDF)"),
                                      self.tr("FHIR for systems (JSON)"))):
            self.kind.setItemText(index, text)
        self.destination_label.setText(self.tr("Where to"))
        self.destination_buttons["clipboard"].setText(self.tr("Copy to the clipboard"))
        self.destination_buttons["file"].setText(self.tr("Save to a file"))
        self.destination_buttons["drop_folder"].setText(self.tr("The export folder set by IT"))
        self.destination_buttons["printer"].setText(self.tr("Print"))
        self.encrypt.setText(self.tr("Encrypt for the recipient set by IT"))
        self.preview_title.setText(self.tr("Preview"))
        self.preview.setAccessibleName(self.tr("Preview of the export"))
        self.close_button.setText(self.tr("Close"))
        if self.last_record is not None:
            self.confirmation.setText(export_log_line(self.last_record))
        self._options_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _options_changed(self, *_args) -> None:
        self.record_safe = False  # a new choice is a new text: its characters are checked again
        kind = self.selected_kind()
        available = self.available_destinations()
        for name, button in self.destination_buttons.items():
            button.setVisible(name in available)
        if self.selected_destination() not in available:
            self.destination_buttons["clipboard" if kind == "text" else "file"].setChecked(True)
        self._update_preview()
        self._update_destination()

    def _update_destination(self) -> None:
        destination = self.selected_destination()
        self.encrypt.setVisible(bool(self.policy.recipient_key) and destination == "file")
        notes = {
            "clipboard": self.tr("Paste the text into the patient record. It is removed from the clipboard after "
                                 "{seconds} seconds.").format(seconds=self._clear_seconds())
            if self._clear_seconds() else self.tr("Paste the text into the patient record."),
            "file": self.tr("The file holds client data: save it only where your organisation allows."),
            "drop_folder": self.tr("Encrypted for the recipient set by IT.") if self.policy.recipient_key
            else self.tr("The patient record system reads this folder."),
            "printer": self.tr("Collect the printout at once."),
        }
        self.destination_note.setText(notes[destination])
        self.action_button.setText({
            "clipboard": self.tr("Copy"), "file": self.tr("Save…"), "drop_folder": self.tr("Export"),
            "printer": self.tr("Print…"),
        }[destination])

    def _update_preview(self) -> None:
        kind = self.selected_kind()
        try:
            shown = preview(self.vault, self.context.library, self.policy, self.request(), course=self.course)
        except (LookupError, VaultError):
            self.preview.setPlainText("")
            return
        text = shown.entry.text()
        unsafe = findings(text, accepts_unicode=self.policy.accepts_unicode) if kind == "text" else ()
        if unsafe and self.record_safe:
            text, unsafe = replace_all(text), ()
        self.preview.setPlainText(text)
        self.preview.setLocale(content_locale(self.selected_language()))  # read in the export's language
        self._highlight(unsafe)
        self.identity_note.setVisible("temporary_id_root_missing" in shown.problems)
        self.identity_note.setText(self.tr(
            "The client's temporary identity code is left out of the FHIR document, because IT has not set the "
            "root of temporary identifiers. The receiving system cannot match the client by that code."))
        self.preview_note.setText({
            "text": self.tr("This is the text that is copied or saved."),
            "pdf": self.tr("The PDF carries this text and a chart of the scores."),
            "pdf_client": self.tr("The client's copy leaves out your notes and risk alerts."),
            "fhir": self.tr("The FHIR document carries this text and the structured data."),
        }[kind])
        self.preview.setAccessibleDescription(self.preview_note.text())

    def _highlight(self, unsafe) -> None:
        """Mark each character the record may reject, and say which they are and what replaces them."""
        selections = []
        palette = colours()
        highlight = QTextCharFormat()
        highlight.setBackground(QColor(palette.warning))
        highlight.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        highlight.setUnderlineColor(QColor(palette.danger))
        for finding in unsafe:
            selection = QTextEdit.ExtraSelection()
            cursor = self.preview.textCursor()
            # QTextCursor counts UTF-16 code units; an emoji outside the basic plane is two of them.
            start = len(self.preview.toPlainText()[:finding.index].encode("utf-16-le")) // 2
            cursor.setPosition(start)
            cursor.setPosition(start + len(finding.char.encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor, selection.format = cursor, highlight
            selections.append(selection)
        self.preview.setExtraSelections(selections)
        self.safe_row.setVisible(bool(unsafe))
        if unsafe:
            visible = list(dict.fromkeys(f.char for f in unsafe if not f.invisible))
            hidden = sum(1 for f in unsafe if f.invisible)
            shown = [f"“{char}”" for char in visible]
            if hidden:
                shown.append(self.tr("{count} invisible").format(count=hidden))
            self.safe_note.setText(self.tr(
                "{count} characters in this text may be rejected by the patient record (highlighted: {codes}). "
                "Replace them with plain equivalents, or remove the invisible ones, before copying?").format(
                count=len(unsafe), codes=", ".join(shown)))
            self.replace_button.setText(self.tr("&Replace"))

    def replace_unsafe_characters(self) -> None:
        """The one-click replacement: what is copied or saved gets the replaced text (the stored notes stay)."""
        self.record_safe = True
        self._update_preview()

    def _clear_seconds(self) -> int:
        return int(self.context.settings.get("clipboard_clear_seconds") or 0)

    # -- exporting ------------------------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str) -> Path | None:
        """The file to save to, or None when the user cancelled (tests replace this). Starts in IT's export folder
        when one is set and reachable, else in the documents folder."""
        return ask_save_path(self, self.tr("Save the export"), suggested, start_folder(self.policy.drop_folder))

    def ask_printer(self):
        """A configured QPrinter, or None when the user cancelled (tests replace this)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def run_export(self) -> None:
        if self.busy:
            return
        self._show_error("")
        self.confirmation.hide()
        destination = self.selected_destination()
        request = self.request()
        library, vault, policy = self.context.library, self.vault, self.policy
        try:
            if destination == "clipboard":
                rendered = self._safe(render(vault, library, policy, request))
                record = log_copy(vault, rendered, clear_after_seconds=self._clear_seconds())
                self.guard.copy(rendered.text, self._clear_seconds())
                self._done(record)
                return
            if destination == "printer":
                printer = self.ask_printer()
                if printer is None:
                    return
                self._print(request, printer)
                return
        except Exception as error:  # shown translated; nothing else is done
            self._failed(error)
            return
        if destination == "file":
            path = self.ask_save_path(self._suggested_name(request))
            if path is None:
                return
            encrypt = self.encrypting()
            safe = self._safe
            work = lambda: save_to_file(vault, safe(render(vault, library, policy, request)), policy, path,  # noqa: E731
                                        encrypt=encrypt)
        else:
            safe = self._safe
            work = lambda: save_to_drop_folder(vault, safe(render(vault, library, policy, request)), policy)  # noqa: E731
        self._set_busy(True)
        run_in_background(work, self._done, self._failed)

    def copy_from_preview(self, text: str) -> None:
        """Ctrl+C (or Copy) in the preview: the text entry's logged copy, cleared from the clipboard like the Copy
        button's. Whatever the format shown, what is copied is text, so it is logged as a copy of the text entry."""
        if self.busy or not text.strip():
            return
        self._show_error("")
        try:
            rendered = self._safe(render(self.vault, self.context.library, self.policy,
                                         dataclasses.replace(self.request(), kind="text")))
            record = log_copy(self.vault, rendered, clear_after_seconds=self._clear_seconds(),
                              part=None if text == rendered.text else text)
            self.guard.copy(text, self._clear_seconds())
        except Exception as error:  # shown translated; nothing was copied
            self._failed(error)
            return
        self._done(record)

    def _safe(self, rendered):
        return rendered.record_safe() if self.record_safe else rendered

    def _print(self, request: ExportRequest, printer) -> None:
        from askel.export.pdf import build_document, paint_document

        rendered = render(self.vault, self.context.library, self.policy, request)
        record = log_print(self.vault, rendered, printer.printerName())
        options = pdf_options(self.vault, self.policy, request, self.course)
        paint_document(build_document(self.course, self.context.library, options), printer)
        self._done(record)

    def _suggested_name(self, request: ExportRequest) -> str:
        """In the user's language with the local date: askel-hoitojakso-5.12.2026.pdf, askel-kaynti-2-….txt."""
        from askel.export.destinations import EXTENSIONS

        if request.session_number is None:
            words = self.tr("course")
        elif request.session_number < 0:
            words = self.tr("contact")
        else:
            words = self.tr("session-{number}").format(number=request.session_number)
        return file_name(words, EXTENSIONS[request.kind])

    def _done(self, record) -> None:
        self._set_busy(False)
        self.last_record = record
        text = export_log_line(record)
        if record.destination == "clipboard" and self._clear_seconds():
            text += " " + self.tr("It is removed from the clipboard after {seconds} seconds.").format(
                seconds=self._clear_seconds())
        self.confirmation.setText(text)
        self.confirmation.show()
        QTimer.singleShot(0, lambda: Shiboken.isValid(self) and reveal(self.confirmation))  # once laid out
        announce(self.confirmation, text)
        self.exported.emit(record)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ExportError):
            text = {
                "drop_folder_not_set": self.tr("No export folder is set. Save to a file instead."),
                "drop_folder_missing": self.tr("The export folder cannot be reached. Check the network connection, "
                                               "or save to a file."),
                "write_failed": self.tr("The file could not be written. Check that the folder exists and that you "
                                        "may write to it."),
                "no_recipient_key": self.tr("No recipient key is set, so the file cannot be encrypted."),
            }.get(error.reason, self.tr("The export did not succeed."))
        elif isinstance(error, VaultError):
            text = translate(error.message)
        else:
            text = self.tr("The export did not succeed. Nothing was sent or logged.")
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            QTimer.singleShot(0, lambda: Shiboken.isValid(self) and reveal(self.error))
            announce(self.error, text, urgent=True)

    def reject(self) -> None:
        if not self.busy:  # a file being written finishes (and is logged) before the dialog can go
            super().reject()

    def accept(self) -> None:
        if not self.busy:
            super().accept()

    def closeEvent(self, event) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        set_busy((self.action_button, self.close_button, self.scope, self.language, self.kind, self.encrypt,
                  *self.destination_buttons.values()), busy)
