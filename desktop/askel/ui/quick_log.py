"""Log a contact in three steps — who, what kind of contact on which course, how long and a note — without opening
the session runner.

Made for school psychologists and others who record many short contacts a day. A contact (a phone call, a message,
a meeting with a guardian, a consultation) is recorded on the client's open course but never takes a session number
of the method: only when the clinician says that it was a session of the method does it count as session n / N
(askel.core.contacts).
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

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
from askel.core.contacts import CONTACT_KINDS, FIXED_MODES, METHOD_SESSION, is_method_session
from askel.core.content.guarantee import age_on
from askel.core.content.library import ContentNotFound
from askel.store.clients import search_clients
from askel.store.clinician import is_trained, my_methods
from askel.store.courses import load_course, log_contact, method_sessions, open_courses
from askel.store.handover import HandedOver
from askel.ui.course_dialog import suits_age
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.roles import contact_kind_name, mode_name
from askel.ui.session_runner import LimitedTextEdit
from askel.ui.theme import GRID
from askel.ui.widgets import Columns, Field, dialog_layout, line_edit, title

NEW_COURSE = "new"
# A phone call or a message is usually short; a meeting takes longer.
DEFAULT_MINUTES = {"phone": 15, "message": 5}


class QuickLogDialog(QDialog):
    def __init__(self, vault, library, client=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.library = vault, library
        self.client = client
        self.logged_session = None
        self.courses: list = []
        self.my_methods = my_methods(vault)
        self.setModal(True)

        self.heading = title()
        self.step1 = QLabel()
        self.step1.setObjectName("section")
        self.search = line_edit()
        self.search_field = Field(self.search)
        self.matches = QListWidget()
        self.matches.setFixedHeight(13 * GRID)
        # With a client already open, step 1 is one line: her name and a way to choose someone else.
        self.chosen = QLabel()
        self.change_button = QPushButton()
        self.change_button.setObjectName("link")
        self.change_button.setAutoDefault(False)
        self.step2 = QLabel()
        self.step2.setObjectName("section")
        self.course = QComboBox()
        self.course_field = Field(self.course)
        self.method = QComboBox()
        self.method_field = Field(self.method)
        self.kind = QComboBox()
        self.kind_field = Field(self.kind)
        for kind in (*CONTACT_KINDS, METHOD_SESSION):
            self.kind.addItem("", kind)
        self.mode = QComboBox()
        self.mode_field = Field(self.mode)
        for code in ("in_person", "phone", "video"):
            self.mode.addItem("", code)
        self.with_parent = QCheckBox()
        self.step3 = QLabel()
        self.step3.setObjectName("section")
        self.duration = QSpinBox()
        self.duration.setRange(1, 600)
        self.duration_field = Field(self.duration)
        self.note = LimitedTextEdit(validation.TEXT_LIMITS["note"])
        self.note.setFixedHeight(9 * GRID)
        self.note_field = Field(self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)

        where = Columns(spacing=2 * GRID)
        where.add(self.course_field, 2)
        where.add(self.method_field, 2)
        what = Columns(spacing=2 * GRID)
        what.add(self.kind_field, 2)
        what.add(self.mode_field, 1)
        how_long = QHBoxLayout()
        how_long.addWidget(self.duration_field)
        how_long.addWidget(self.with_parent, 1, Qt.AlignmentFlag.AlignBottom)
        body = QVBoxLayout()
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.change_button)
        body.addWidget(self.step1)
        body.addLayout(chosen_row)
        body.addWidget(self.search_field)
        body.addWidget(self.matches)
        body.addWidget(self.step2)
        body.addWidget(where)
        body.addWidget(what)
        body.addWidget(self.step3)
        body.addLayout(how_long)
        body.addWidget(self.note_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=64 * GRID)

        self.search.textChanged.connect(self._search)
        self.change_button.clicked.connect(self._change_client)
        self.matches.currentRowChanged.connect(self._client_chosen)
        self.course.currentIndexChanged.connect(self._course_chosen)
        self.method.currentIndexChanged.connect(self._update_kind_texts)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self._clients = []
        self.retranslate()
        self._kind_chosen()
        self._show_search(client is None)
        if client is not None:
            self._clients = [client]
            self._fill_matches()
            self.matches.setCurrentRow(0)
            self.kind.setFocus()
        else:
            self._search("")
            self.search.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a contact"))
        self.heading.setText(self.tr("Log a contact"))
        self.step1.setText(self.tr("1. Client"))
        self.search_field.set_text(self.tr("&Find the client"), self.tr("Name, identity code or birth date"))
        self.matches.setAccessibleName(self.tr("Matching clients"))
        self.change_button.setText(self.tr("Choose another client"))
        self.step2.setText(self.tr("2. Course and contact"))
        self.course_field.set_text(self.tr("C&ourse"))
        self.method_field.set_text(self.tr("&Method of the new course"))
        self.method.setPlaceholderText(self.tr("Choose the method"))
        self.kind_field.set_text(self.tr("&Kind of contact"))
        self.mode_field.set_text(self.tr("&How"))
        for index, code in enumerate(("in_person", "phone", "video")):
            self.mode.setItemText(index, mode_name(code))
        self.with_parent.setText(self.tr("A &parent or guardian took part"))
        self.step3.setText(self.tr("3. Duration and note"))
        self.duration_field.set_text(self.tr("&Duration"))
        self.duration.setSuffix(self.tr(" min"))
        self.note_field.set_text(self.tr("No&te"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill_courses()
        self._update_kind_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- step 1: the client --------------------------------------------------------------------------------------
    def _show_search(self, searching: bool) -> None:
        for widget in (self.search_field, self.matches):
            widget.setVisible(searching)
        for widget in (self.chosen, self.change_button):
            widget.setVisible(not searching)

    def _change_client(self) -> None:
        self._show_search(True)
        self._search("")
        self.search.setFocus()

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
        self.chosen.setText(f"<b>{escape(self.client.display_name)}</b> · {format_date(self.client.birth_date)}"
                            if self.client is not None else "")
        self.courses = open_courses(self.vault, self.client.id) if self.client is not None else []
        self._fill_courses(keep=False)
        self._fill_methods()

    # -- step 2: the course and the kind of contact --------------------------------------------------------------
    def _protocol(self, course):
        try:
            return self.library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            return None

    def _fill_courses(self, keep: bool = True) -> None:
        """The client's open courses, the newest first (the default), and starting a new one."""
        current = self.course.currentData() if keep else None
        self.course.blockSignals(True)
        self.course.clear()
        language = ui_language()
        for course in self.courses:
            protocol = self._protocol(course)
            name = protocol.name.get(language) if protocol else course.method_id
            since = format_date(course.start_date or course.need_established)
            self.course.addItem(self.tr("{method}, since {date}").format(method=name, date=since) if since else name,
                                course.id)
        self.course.addItem(self.tr("Start a new course"), NEW_COURSE)
        self.course.setCurrentIndex(max(0, self.course.findData(current)) if current else 0)
        self.course.blockSignals(False)
        self._course_chosen()

    def _fill_methods(self) -> None:
        """Methods suited to the client's age, the ones the clinician is trained in first; none chosen for her."""
        self.method.blockSignals(True)
        self.method.clear()
        if self.client is not None:
            age = age_on(self.client.birth_date, date.today())
            language = ui_language()
            protocols = sorted((p for p in self.library.protocols() if suits_age(p, age)),
                               key=lambda p: (not is_trained(self.my_methods, p.id), p.name.get(language)))
            for protocol in protocols:
                self.method.addItem(protocol.name.get(language), protocol.id)
        self.method.setCurrentIndex(-1)
        self.method.blockSignals(False)

    def _course_chosen(self, *_args) -> None:
        self.method_field.setVisible(self.course.currentData() == NEW_COURSE)
        self._update_kind_texts()

    def _kind_chosen(self, *_args) -> None:
        kind = self.kind.currentData()
        self.mode_field.setVisible(kind not in FIXED_MODES)
        self.duration.setValue(DEFAULT_MINUTES.get(kind, 30))

    def _update_kind_texts(self, *_args) -> None:
        """Contact kinds by name; the last choice says which session of the method the contact would become."""
        for index in range(self.kind.count()):
            kind = self.kind.itemData(index)
            if not is_method_session(kind):
                self.kind.setItemText(index, contact_kind_name(kind))
        number, planned = self._next_method_session()
        text = (self.tr("A session of the method (becomes session {number} / {planned})")
                .format(number=number, planned=planned) if planned
                else self.tr("A session of the method (becomes session {number})").format(number=number))
        self.kind.setItemText(self.kind.findData(METHOD_SESSION), text)

    def _next_method_session(self) -> tuple[int, int]:
        course_id = self.course.currentData()
        if course_id not in (None, NEW_COURSE):
            course = load_course(self.vault, course_id)
            protocol = self._protocol(course)
            planned = course.planned_sessions or (protocol.session_count.planned if protocol else 0)
            return len(method_sessions(course)) + 1, planned
        protocol = self._chosen_protocol()
        return 1, protocol.session_count.planned if protocol else 0

    def _chosen_protocol(self):
        method_id = self.method.currentData()
        return self.library.protocol(method_id) if method_id else None

    # -- saving --------------------------------------------------------------------------------------------------
    def save(self) -> None:
        course_id = self.course.currentData()
        if self.client is None:
            self.error.setText(self.tr("Choose the client."))
            return
        if course_id == NEW_COURSE and self.method.currentData() is None:
            self.error.setText(self.tr("Choose the method of the new course."))
            self.method.setFocus()
            return
        try:
            note = validation.free_text(self.note.toPlainText(), validation.TEXT_LIMITS["note"])
        except validation.ValidationError as error:
            self.note_field.set_error(translate(error.message))
            return
        kind = self.kind.currentData()
        mode = FIXED_MODES[kind] if kind in FIXED_MODES else self.mode.currentData()
        attendees = ["client", "parent"] if self.with_parent.isChecked() else ["client"]
        try:
            self.logged_session = log_contact(
                self.vault, kind=kind, starts_at=datetime.now().replace(second=0, microsecond=0), mode=mode,
                duration_minutes=self.duration.value(), notes=note, attendees=attendees,
                course_id=None if course_id == NEW_COURSE else course_id, client_id=self.client.id,
                protocol=self._chosen_protocol() if course_id == NEW_COURSE else None,
            )
        except HandedOver as error:  # a client handed over to a colleague: the copy here is read-only
            self.error.setText(translate(error.message))
            return
        self.accept()
