"""The client's handout after a visit (export.handout): a preview in the client's language, then a PDF or a printout.

Both go through the export service, so the handout is in the export log and the disclosure log like every other
copy that leaves the vault (recipient: the client).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from askel.core.contacts import is_method_session
from askel.export.service import ExportPolicy, ExportRequest, handout_for, log_print, render, save_to_file
from askel.store.courses import load_course
from askel.store.errors import VaultError
from askel.ui.export_dialog import export_log_line
from askel.ui.files import ask_save_path, documents_folder, file_name
from askel.ui.i18n import format_date, translate
from askel.ui.roles import language_name
from askel.ui.theme import GRID
from askel.ui.widgets import Card, Columns, Field, caption, dialog_layout, title


class HandoutDialog(QDialog):
    exported = Signal(object)  # the ExportRecord, once the PDF is saved or the handout printed

    def __init__(self, vault, context, course, session=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.context = vault, context
        self.course = load_course(vault, course.id)
        self.policy = ExportPolicy.from_settings(context.settings)
        self.last_record = None
        self.setModal(True)

        self.heading = title()
        self.lead = caption()
        self.visit = QComboBox()
        self.visits = sorted((s for s in self.course.sessions if is_method_session(s.kind)),
                             key=lambda s: s.starts_at, reverse=True)
        for record in self.visits:
            self.visit.addItem("", record.number)
        if session is not None and self.visit.findData(session.number) >= 0:
            self.visit.setCurrentIndex(self.visit.findData(session.number))
        self.visit_field = Field(self.visit)
        self.language = QComboBox()
        for code in ("fi", "sv"):
            self.language.addItem("", code)
        self.language.setCurrentIndex(self.language.findData(self.course.client.language))
        self.language_field = Field(self.language)
        self.preview_card = Card()
        self.preview_title = QLabel()
        self.preview_title.setObjectName("section")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(24 * GRID)
        self.preview_card.body.addWidget(self.preview_title)
        self.preview_card.body.addWidget(self.preview, 1)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("notice")
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.close_button = QPushButton()

        choices = Columns(spacing=2 * GRID)
        choices.add(self.visit_field, 2)
        choices.add(self.language_field, 1)
        body = QVBoxLayout()
        body.addWidget(self.lead)
        body.addWidget(choices)
        body.addWidget(self.preview_card, 1)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.close_button)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        # What happened stays in view beside the buttons, never scrolled away in the body.
        footer = QVBoxLayout()
        footer.addWidget(self.confirmation)
        footer.addWidget(self.error)
        footer.addLayout(row)
        dialog_layout(self, self.heading, body, footer, min_width=64 * GRID)

        self.visit.currentIndexChanged.connect(self._update_preview)
        self.language.currentIndexChanged.connect(self._update_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_handout)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Handout for the client"))
        self.heading.setText(self.tr("Handout for the client"))
        self.lead.setText(self.tr(
            "Homework, the next appointment and, after a risk answer, where to get help at once: in plain words, in "
            "the client's language ({language}). It names no one: no name, no identity code.").format(
            language=language_name(self.course.client.language)))
        self.visit_field.set_text(self.tr("&Visit"))
        for index, record in enumerate(self.visits):
            self.visit.setItemText(index, self.tr("Session {number}, {date}").format(
                number=record.number, date=format_date(record.starts_at)))
        self.visit.setPlaceholderText(self.tr("No session yet"))
        self.language_field.set_text(self.tr("&Language"))
        self.language.setItemText(0, language_name("fi"))
        self.language.setItemText(1, language_name("sv"))
        self.preview_title.setText(self.tr("Preview"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.close_button.setText(self.tr("Close"))
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def request(self) -> ExportRequest:
        return ExportRequest(self.course.id, "handout", self.language.currentData(), self.visit.currentData())

    def _update_preview(self, *_args) -> None:
        self.preview.setPlainText(handout_for(self.vault, self.policy, self.request(), self.course).text())

    # -- out -------------------------------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str):
        """The file to save to, or None when the user cancelled (tests replace this)."""
        return ask_save_path(self, self.tr("Save the handout"), suggested, documents_folder(), self.tr("PDF (*.pdf)"))

    def ask_printer(self):
        """A configured QPrinter, or None when the user cancelled (tests replace this)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return printer if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted else None

    def save_pdf(self) -> None:
        path = self.ask_save_path(file_name(self.tr("for-the-client"), ".pdf"))
        if path is None:
            return
        self._run(lambda rendered: save_to_file(self.vault, rendered, self.policy, path))

    def print_handout(self) -> None:
        from askel.export.handout import handout_document
        from askel.export.pdf import paint_document

        printer = self.ask_printer()
        if printer is None:
            return

        def printed(rendered):
            paint_document(handout_document(handout_for(self.vault, self.policy, self.request(), self.course)),
                           printer)
            return log_print(self.vault, rendered, printer.printerName())

        self._run(printed)

    def _run(self, deliver) -> None:
        self.error.hide()
        try:
            record = deliver(render(self.vault, self.context.library, self.policy, self.request()))
        except VaultError as error:
            self._show_error(translate(error.message))
            return
        except Exception:  # noqa: BLE001 - one line in the user's language; nothing was logged
            self._show_error(self.tr("The handout could not be saved or printed. Nothing was logged."))
            return
        self.last_record = record
        self.confirmation.setText(export_log_line(record))
        self.confirmation.show()
        self.exported.emit(record)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
