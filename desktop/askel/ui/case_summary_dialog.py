"""A case summary for mentoring: one course, anonymised, with what the clinician found hard, saved to a file.

The clinician in training chooses the summary's language (independent of the UI language: her mentor may work in
the other one) and its format, writes what was hard, and sees the summary as it will be saved. Session notes stay
out unless she ticks "include session notes" and then confirms a warning that notes may identify the client.
What she writes is checked against the client's identifiers: an identity code, identifier, birth date or phone
number stops the save; a name or the school asks her to confirm. What she writes is kept as a draft in the vault,
so closing the dialog loses nothing.

Saving goes through `askel.export.case_summary.save_case_summary`, which writes the file atomically and logs it
in the export log and the disclosure log (kind "case_summary") in one transaction, off the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.library import ContentNotFound
from askel.export.case_summary import (
    BLOCKING,
    EXTENSIONS,
    CaseSummaryOptions,
    build_case_summary,
    identifying_details,
    render_case_summary,
    save_case_summary,
)
from askel.export.destinations import ExportError
from askel.store.courses import attended_method_sessions, load_course, load_draft, save_draft
from askel.store.errors import VaultError
from askel.ui.files import ask_save_path, documents_folder, file_name
from askel.ui.i18n import content_locale, translate, ui_language
from askel.ui.theme import GRID
from askel.ui.widgets import Card, Columns, Field, caption, dialog_layout, lead, set_busy, title
from askel.ui.workers import run_in_background

FORMATS = ("pdf", "text")
DRAFT_SAVE_MS = 1500


def draft_key(course_id: str) -> str:
    return f"case_summary:{course_id}"


class CaseSummaryDialog(QDialog):
    saved = Signal(object)  # the ExportRecord, after the file is written and logged

    def __init__(self, vault, context, course, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.context = vault, context
        self.course = load_course(vault, course.id)
        self.client = self.course.client
        self.last_record = None
        self.last_path: Path | None = None
        self.busy = False
        self.notes_warning: QMessageBox | None = None
        self.setModal(True)

        self.heading = title()
        self.explanation = lead()
        self.summary = caption()
        self.language = QComboBox()
        self.language.addItem("", "fi")
        self.language.addItem("", "sv")
        self.language.setCurrentIndex(self.language.findData(ui_language()))
        self.language_field = Field(self.language)
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem("", fmt)
        self.format_field = Field(self.format)

        self.hard = QPlainTextEdit()
        self.hard.setTabChangesFocus(True)  # Tab moves on; nobody types a tab character here
        self.hard.setTabChangesFocus(True)
        self.hard.setMinimumHeight(12 * GRID)
        self.hard.setPlainText(load_draft(vault, draft_key(self.course.id)) or "")
        self.hard_field = Field(self.hard)
        self.identifier_warning = QLabel()
        self.identifier_warning.setObjectName("notice")
        self.identifier_warning.setWordWrap(True)
        self.identifier_warning.hide()

        self.include_notes = QCheckBox()
        self.notes_hint = caption()

        self.preview_card = Card()
        self.preview_title = QLabel()
        self.preview_title.setObjectName("section")
        self.preview_note = caption()
        self.preview = QPlainTextEdit()
        self.preview.setTabChangesFocus(True)
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(30 * GRID)
        self.preview_card.body.addWidget(self.preview_title)
        self.preview_card.body.addWidget(self.preview_note)
        self.preview_card.body.addWidget(self.preview, 1)

        self.confirmation = QLabel()
        self.confirmation.setObjectName("notice")
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.close_button = QPushButton()

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_SAVE_MS)
        self.draft_timer.timeout.connect(self.save_draft_now)

        options = QHBoxLayout()
        options.setSpacing(2 * GRID)
        options.addWidget(self.language_field, 1, Qt.AlignmentFlag.AlignTop)
        options.addWidget(self.format_field, 1, Qt.AlignmentFlag.AlignTop)
        notes = QVBoxLayout()
        notes.setSpacing(GRID // 2)
        notes.addWidget(self.include_notes)
        notes.addWidget(self.notes_hint)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        choices = QWidget()
        choices_layout = QVBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        choices_layout.setSpacing(2 * GRID)
        choices_layout.addLayout(options)
        choices_layout.addWidget(self.hard_field, 1)
        choices_layout.addWidget(self.identifier_warning)
        choices_layout.addLayout(notes)
        # Side by side; one under the other at a large text size (the body then scrolls, the buttons stay).
        columns = Columns()
        columns.add(choices, 5)
        columns.add(self.preview_card, 6)
        body = QVBoxLayout()
        body.addWidget(self.summary)
        body.addWidget(self.explanation)
        body.addWidget(columns, 1)
        body.addWidget(self.confirmation)
        body.addWidget(self.error)
        dialog_layout(self, self.heading, body, buttons)

        self.language.currentIndexChanged.connect(self._update_preview)
        self.format.currentIndexChanged.connect(self._update_preview)
        self.hard.textChanged.connect(self._text_changed)
        self.include_notes.toggled.connect(self._notes_toggled)
        self.save_button.clicked.connect(self.run_save)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()

    # -- choices --------------------------------------------------------------------------------------------------
    def selected_language(self) -> str:
        return self.language.currentData()

    def selected_format(self) -> str:
        return self.format.currentData()

    def options(self) -> CaseSummaryOptions:
        return CaseSummaryOptions(self.selected_language(), self.hard.toPlainText(), self.include_notes.isChecked(),
                                  str(self.context.settings.get("outcome_preset") or "nhs"))

    def set_choice(self, *, language: str | None = None, fmt: str | None = None) -> None:
        """Choose options in code (tests, and a caller that opens the dialog pre-set)."""
        if language is not None:
            self.language.setCurrentIndex(self.language.findData(language))
        if fmt is not None:
            self.format.setCurrentIndex(self.format.findData(fmt))

    # -- text -----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Case summary for mentoring"))
        self.heading.setText(self.tr("Case summary for mentoring"))
        try:
            method = self.context.library.protocol(self.course.method_id, self.course.protocol_version).name.get(
                ui_language())
        except ContentNotFound:
            method = self.course.method_id
        attended = len(attended_method_sessions(self.course))
        self.summary.setText(self.tr("{method} · {count} sessions held").format(method=method, count=attended))
        self.explanation.setText(self.tr(
            "An anonymised summary of this course to take to a mentoring meeting: the method, the focus area, the "
            "agenda items done and skipped in each session, and the scores. It leaves out the client's name, "
            "identity code, birth date, school, identifier, all dates and your session notes."))
        self.language_field.set_text(self.tr("&Language of the summary"))
        self.language.setItemText(0, self.tr("Finnish"))
        self.language.setItemText(1, self.tr("Swedish"))
        self.format_field.set_text(self.tr("&Format"))
        self.format.setItemText(0, self.tr("PDF"))
        self.format.setItemText(1, self.tr("Plain text"))
        self.hard_field.set_text(
            self.tr("&What was hard"),
            self.tr("In your own words: what you would like to go through with your mentor. Do not write the "
                    "client's name or anything else that could identify the client."))
        self.include_notes.setText(self.tr("Include session notes"))
        self.notes_hint.setText(self.tr("Your session notes, agenda item notes and homework, as you wrote them. "
                                        "Left out unless you tick this."))
        self.preview_title.setText(self.tr("Preview"))
        self.preview.setAccessibleName(self.tr("Preview of the summary"))
        self.preview_note.setText(self.tr("This is what the summary says. The PDF has the same content."))
        self.save_button.setText(self.tr("Save…"))
        self.close_button.setText(self.tr("Close"))
        if self.last_path is not None:
            self.confirmation.setText(self._saved_text(self.last_path))
        self._update_identifier_warning()
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_preview(self, *_args) -> None:
        summary = build_case_summary(self.course, self.context.library, self.options())
        self.preview.setPlainText(summary.text())
        self.preview.setLocale(content_locale(self.selected_language()))  # read in the summary's language

    def _text_changed(self) -> None:
        self.draft_timer.start()
        self._update_identifier_warning()
        self._update_preview()

    def findings(self):
        return identifying_details(self.hard.toPlainText(), self.client)

    def _update_identifier_warning(self) -> None:
        findings = self.findings()
        if not findings:
            self.identifier_warning.hide()
            return
        words = ", ".join(f"“{f.found}”" for f in findings)
        if any(f.kind in BLOCKING for f in findings):
            text = self.tr("Remove the client's identifying details from the text before saving: {words}.")
        else:
            text = self.tr("The text may name the client or the school: {words}. Rewrite it, or confirm when "
                           "you save that these words do not identify the client.")
        self.identifier_warning.setText(text.format(words=words))
        self.identifier_warning.show()

    # -- session notes --------------------------------------------------------------------------------------------
    def _notes_toggled(self, checked: bool) -> None:
        if checked and not self.confirm_include_notes():
            self.include_notes.blockSignals(True)
            self.include_notes.setChecked(False)
            self.include_notes.blockSignals(False)
        self._update_preview()

    def confirm_include_notes(self) -> bool:
        """Warn that notes may identify the client; True only when she chooses to include them."""
        box = QMessageBox(self)
        box.setObjectName("notesWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Include session notes?"))
        box.setText(self.tr("Session notes may identify the client."))
        box.setInformativeText(self.tr(
            "Notes often mention names, places, events and family details that someone could recognise. With the "
            "notes, the summary is no longer anonymous: share it only as your organisation allows, and only with "
            "your mentor."))
        include = box.addButton(self.tr("Include notes"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.notes_warning = box
        try:
            box.exec()
            return box.clickedButton() is include
        finally:
            self.notes_warning = None
            box.deleteLater()

    def confirm_possible_names(self, words: str) -> bool:
        box = QMessageBox(self)
        box.setObjectName("namesWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Check the text"))
        box.setText(self.tr("The text may name the client or the school: {words}.").format(words=words))
        box.setInformativeText(self.tr("Save only if these words do not identify the client."))
        save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Edit the text"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        try:
            box.exec()
            return box.clickedButton() is save
        finally:
            box.deleteLater()

    # -- saving ---------------------------------------------------------------------------------------------------
    def save_draft_now(self) -> None:
        self.draft_timer.stop()
        text = self.hard.toPlainText()
        if text or load_draft(self.vault, draft_key(self.course.id)) is not None:
            save_draft(self.vault, draft_key(self.course.id), text)

    def ask_save_path(self, suggested: str) -> Path | None:
        """The file to save to, or None when the user cancelled (tests replace this)."""
        return ask_save_path(self, self.tr("Save the case summary"), suggested, documents_folder())

    def run_save(self) -> None:
        if self.busy:
            return
        self._show_error("")
        self.confirmation.hide()
        findings = self.findings()
        if any(f.kind in BLOCKING for f in findings):
            self._show_error(self.tr("The text has the client's identifying details. Remove them, then save."))
            self.hard.setFocus()
            return
        if findings and not self.confirm_possible_names(", ".join(f"“{f.found}”" for f in findings)):
            self.hard.setFocus()
            return
        self.save_draft_now()
        options, fmt = self.options(), self.selected_format()
        path = self.ask_save_path(file_name(self.tr("case-summary"), EXTENSIONS[fmt]))
        if path is None:
            return
        course, library, vault = self.course, self.context.library, self.vault
        settings = self.context.settings
        drop_folder = str(settings.get("export_drop_folder") or "")
        recipient_key = str(settings.get("export_recipient_key") or "")
        self.last_path = None

        def work():
            rendered = render_case_summary(course, library, options, fmt)
            return save_case_summary(vault, rendered, path, drop_folder=drop_folder, recipient_key=recipient_key)

        self._set_busy(True)
        run_in_background(work, self._done, self._failed)

    def _saved_text(self, path: Path) -> str:
        return self.tr("Saved as {file}. The save is recorded in the disclosure log.").format(file=path.name)

    def _done(self, record) -> None:
        self._set_busy(False)
        self.last_record = record
        self.last_path = Path(record.written_to or record.destination)
        self.confirmation.setText(self._saved_text(self.last_path))
        self.confirmation.show()
        self.saved.emit(record)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ExportError):
            text = {
                "write_failed": self.tr("The file could not be written. Check that the folder exists and that you "
                                        "may write to it."),
                "no_recipient_key": self.tr("No recipient key is set, so the file cannot be encrypted."),
            }.get(error.reason, self.tr("The summary could not be saved."))
        elif isinstance(error, VaultError):
            text = translate(error.message)
        else:
            text = self.tr("The summary could not be saved. Nothing was written or logged.")
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        set_busy((self.save_button, self.close_button, self.language, self.format, self.include_notes, self.hard),
                 busy)

    def done(self, result: int) -> None:
        if self.busy:  # a file being written finishes (and is logged) before the dialog can go
            return
        self.save_draft_now()
        super().done(result)

    def closeEvent(self, event) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
