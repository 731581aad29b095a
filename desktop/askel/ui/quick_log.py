"""Log a contact in three steps — who, what kind, how long and a note — without opening the session runner.

Made for school psychologists and others who record many short contacts a day.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.content.guarantee import age_on
from askel.store.clients import search_clients
from askel.store.courses import log_contact
from askel.store.handover import HandedOver
from askel.ui.course_dialog import suits_age
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.session_runner import LimitedTextEdit
from askel.ui.theme import GRID
from askel.ui.widgets import Field, line_edit, title


class QuickLogDialog(QDialog):
    def __init__(self, vault, library, client=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.library = vault, library
        self.client = client
        self.logged_session = None
        self.setModal(True)
        self.setMinimumWidth(72 * GRID)

        self.heading = title()
        self.step1 = QLabel()
        self.step1.setObjectName("section")
        self.search = line_edit()
        self.search_field = Field(self.search)
        self.matches = QListWidget()
        self.matches.setFixedHeight(18 * GRID)
        self.step2 = QLabel()
        self.step2.setObjectName("section")
        self.method = QComboBox()
        self.method_field = Field(self.method)
        self.mode = QComboBox()
        self.mode_field = Field(self.mode)
        for code in ("in_person", "phone", "video"):
            self.mode.addItem("", code)
        self.with_parent = QCheckBox()
        self.step3 = QLabel()
        self.step3.setObjectName("section")
        self.duration = QSpinBox()
        self.duration.setRange(1, 600)
        self.duration.setValue(30)
        self.duration_field = Field(self.duration)
        self.note = LimitedTextEdit(validation.TEXT_LIMITS["note"])
        self.note.setFixedHeight(12 * GRID)
        self.note_field = Field(self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()

        row = QHBoxLayout()
        row.setSpacing(2 * GRID)
        row.addWidget(self.method_field, 2)
        row.addWidget(self.mode_field, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.setSpacing(GRID + GRID // 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.step1)
        layout.addWidget(self.search_field)
        layout.addWidget(self.matches)
        layout.addWidget(self.step2)
        layout.addLayout(row)
        layout.addWidget(self.with_parent)
        layout.addWidget(self.step3)
        layout.addWidget(self.duration_field)
        layout.addWidget(self.note_field)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._search)
        self.matches.currentRowChanged.connect(self._client_chosen)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        self._clients = []
        if client is not None:
            self._clients = [client]
            self._fill_matches()
            self.matches.setCurrentRow(0)
            self.method.setFocus()
        else:
            self._search("")
            self.search.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a contact"))
        self.heading.setText(self.tr("Log a contact"))
        self.step1.setText(self.tr("1. Client"))
        self.search_field.set_text(self.tr("&Find the client"), self.tr("Name, identity code or birth date"))
        self.matches.setAccessibleName(self.tr("Matching clients"))
        self.step2.setText(self.tr("2. Method and contact"))
        self.method_field.set_text(self.tr("&Method"))
        self.mode_field.set_text(self.tr("Con&tact"))
        for index, text in enumerate((self.tr("In person"), self.tr("Phone"), self.tr("Video"))):
            self.mode.setItemText(index, text)
        self.with_parent.setText(self.tr("A parent or guardian took part"))
        self.step3.setText(self.tr("3. Duration and note"))
        self.duration_field.set_text(self.tr("&Duration"))
        self.duration.setSuffix(self.tr(" min"))
        self.note_field.set_text(self.tr("N&ote"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _search(self, text: str) -> None:
        self._clients = search_clients(self.vault, text, limit=8)
        self._fill_matches()
        if self._clients:
            self.matches.setCurrentRow(0)

    def _fill_matches(self) -> None:
        self.matches.clear()
        for client in self._clients:
            item = QListWidgetItem(f"{client.display_name} · {format_date(client.birth_date)}")
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.matches.addItem(item)

    def _client_chosen(self, row: int) -> None:
        self.client = self._clients[row] if 0 <= row < len(self._clients) else None
        self.method.clear()
        if self.client is None:
            return
        age = age_on(self.client.birth_date, date.today())
        for protocol in sorted(self.library.protocols(), key=lambda p: p.name.get(ui_language())):
            if suits_age(protocol, age):
                self.method.addItem(protocol.name.get(ui_language()), protocol.id)

    def save(self) -> None:
        if self.client is None or self.method.currentData() is None:
            self.error.setText(self.tr("Choose the client and the method."))
            return
        try:
            note = validation.free_text(self.note.toPlainText(), validation.TEXT_LIMITS["note"])
        except validation.ValidationError as error:
            self.note_field.set_error(translate(error.message))
            return
        attendees = ["client", "parent"] if self.with_parent.isChecked() else ["client"]
        try:
            self.logged_session = log_contact(
                self.vault, self.client.id, self.library.protocol(self.method.currentData()),
                starts_at=datetime.now().replace(second=0, microsecond=0), mode=self.mode.currentData(),
                duration_minutes=self.duration.value(), notes=note, attendees=attendees,
            )
        except HandedOver as error:  # a client handed over to a colleague: the copy here is read-only
            self.error.setText(translate(error.message))
            return
        self.accept()
