"""One client: who they are, their guardians, and their courses of treatment."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from askel.core.content.guarantee import age_on
from askel.core.content.library import ContentNotFound
from askel.core.hetu import mask
from askel.export.formatting import utc_to_local
from askel.store.courses import appointment_ahead, risk_answers
from askel.ui.i18n import format_appointment, format_date, ui_language
from askel.ui.risk_marker import RiskMarker
from askel.ui.roles import language_name
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Columns, caption, scrolling, title


class ClientPage(QWidget):
    edit_requested = Signal()
    back_requested = Signal()
    start_course_requested = Signal()
    course_requested = Signal(str)  # course id
    handover_requested = Signal()  # hand courses over to a colleague
    receipt_requested = Signal()  # read the colleague's receipt (courses handed over to be removed)

    def __init__(self, client, library, parent: QWidget | None = None, today: date | None = None,
                 handed_over: dict | None = None, *, vault=None, courses=()):
        """`courses`: the client's courses loaded with their sessions and questionnaires (for the risk marker and
        the next appointment); `vault` lets the marker record that a guardian was informed."""
        super().__init__(parent)
        styled_page(self)
        self.client = client
        self.library = library
        self.today = today or date.today()
        # Courses handed over from here, by id (askel.store.handover.HandoverMark): shown read-only.
        self.handed_over = dict(handed_over or {})
        self.read_only = bool(client.courses) and all(c.id in self.handed_over for c in client.courses)
        open_courses = [c for c in courses if c.status in ("planned", "active") and c.id not in self.handed_over]
        self.risk = RiskMarker(vault, library, client, risk_answers(open_courses))
        self.appointment = appointment_ahead(open_courses, datetime.now())
        self.next_label = QLabel()
        self.next_label.setObjectName("section")
        self.next_label.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.heading = title()
        self.edit_button = QPushButton()
        self.handover_button = QPushButton()
        self.handover_button.setVisible(any(c.id not in self.handed_over for c in client.courses))
        self.edit_button.setVisible(not self.read_only)
        self.handover_notice = QLabel()
        self.handover_notice.setObjectName("notice")
        self.handover_notice.setWordWrap(True)
        self.receipt_button = QPushButton()
        self.receipt_button.setVisible(any(mark.awaiting_receipt for mark in self.handed_over.values()))
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)

        self.details = Card()
        self.details_title = QLabel()
        self.details_title.setObjectName("section")
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(3 * GRID)
        self.form.setVerticalSpacing(GRID)
        self.details.body.addWidget(self.details_title)
        self.details.body.addLayout(self.form)

        self.courses = Card()
        self.courses_title = QLabel()
        self.courses_title.setObjectName("section")
        self.courses_empty = caption()
        self.start_course_button = QPushButton()
        self.start_course_button.setObjectName("primary")
        self.course_buttons: list[QPushButton] = []
        courses_top = QHBoxLayout()
        courses_top.addWidget(self.courses_title)
        courses_top.addStretch()
        courses_top.addWidget(self.start_course_button)
        self.courses.body.addLayout(courses_top)
        self.courses.body.addWidget(self.courses_empty)
        for course in sorted(client.courses, key=lambda c: c.created_at, reverse=True):
            button = QPushButton()
            button.setObjectName("courseRow")
            button.clicked.connect(lambda _=False, course_id=course.id: self.course_requested.emit(course_id))
            self.course_buttons.append(button)
            self.courses.body.addWidget(button)
        self.courses.body.addStretch()

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.handover_button)
        top.addWidget(self.edit_button)
        handover_row = QHBoxLayout()
        handover_row.addWidget(self.handover_notice, 1)
        handover_row.addWidget(self.receipt_button, 0, Qt.AlignmentFlag.AlignTop)
        columns = Columns()
        columns.add(self.details, 1, top_aligned=True)
        columns.add(self.courses, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(top)
        layout.addLayout(handover_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.risk)
        layout.addWidget(self.next_label)
        layout.addWidget(columns)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))  # a long course list or a large text size scrolls

        self.back_button.clicked.connect(self.back_requested.emit)
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.handover_button.clicked.connect(self.handover_requested.emit)
        self.receipt_button.clicked.connect(self.receipt_requested.emit)
        self.start_course_button.clicked.connect(self.start_course_requested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        client = self.client
        self.back_button.setText(self.tr("← All clients"))
        self.heading.setText(f"{client.given_names} {client.family_name}")
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Change the client's details (Ctrl+E)"))
        self.notice.setText(self.tr("Non-disclosure for personal safety: do not give this client's address or "
                                    "contact details to anyone."))
        self.notice.setVisible(client.non_disclosure)
        if self.appointment is not None:
            self.next_label.setText(self.tr("Next appointment: {when}").format(
                when=format_appointment(self.appointment)))
        self.next_label.setVisible(self.appointment is not None)
        self.details_title.setText(self.tr("Details"))
        while self.form.rowCount():
            self.form.removeRow(0)
        age = age_on(client.birth_date, self.today)
        rows = [
            (self.tr("Identity code"), client.hetu or self.tr("None (local identifier {local_id})")
             .format(local_id=client.local_id)),
            (self.tr("Birth date"), self.tr("{date} ({age} years)").format(date=format_date(client.birth_date),
                                                                          age=age)),
            (self.tr("Language"), language_name(client.language)),
        ]
        if client.school_or_unit:
            rows.append((self.tr("School or unit"), client.school_or_unit))
        if client.phone:
            rows.append((self.tr("Phone"), client.phone))
        for guardian in client.guardians:
            details = ", ".join(part for part in (guardian.name, guardian.relation, guardian.phone) if part)
            rows.append((self.tr("Guardian"), details))
        for label, value in rows:
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_label.setWordWrap(True)
            self.form.addRow(QLabel(label), value_label)
        self.courses_title.setText(self.tr("Courses of treatment"))
        self.courses_empty.setText(self.tr("No courses yet. Start one when the need for treatment is established."))
        self.courses_empty.setVisible(not self.course_buttons)
        self.start_course_button.setText(self.tr("Start a course"))
        self.start_course_button.setVisible(not self.read_only)
        self.handover_button.setText(self.tr("Hand over…"))
        self.handover_button.setToolTip(self.tr("Hand this client's courses over to a colleague's Askel"))
        self.receipt_button.setText(self.tr("Read the receipt…"))
        self._fill_handover_notice()
        language = ui_language()
        statuses = {"planned": self.tr("planned"), "active": self.tr("active"), "completed": self.tr("completed"),
                    "interrupted": self.tr("interrupted")}
        courses = sorted(client.courses, key=lambda c: c.created_at, reverse=True)
        for button, course in zip(self.course_buttons, courses, strict=True):
            try:
                name = self.library.protocol(course.method_id, course.protocol_version).short_name.get(language)
            except ContentNotFound:
                name = course.method_id
            since = format_date(course.start_date or course.need_established)
            text = f"{name} · {statuses[course.status]}" + (f" · {since}" if since else "")
            mark = self.handed_over.get(course.id)
            if mark is not None:
                text += " · " + self.tr("handed over to {name}").format(name=mark.receiver_name)
            button.setText(text)

    def _fill_handover_notice(self) -> None:
        lines = []
        for mark in {mark.handover_id: mark for mark in self.handed_over.values()}.values():
            line = self.tr("Handed over to {name} on {date}: the copy here is read-only.").format(
                name=mark.receiver_name, date=format_date(utc_to_local(mark.at)))
            if mark.awaiting_receipt:
                line += " " + self.tr("It is removed from here when you read {name}'s receipt.").format(
                    name=mark.receiver_name)
            lines.append(line)
        self.handover_notice.setText("\n".join(lines))
        self.handover_notice.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def masked_code(self) -> str:
        return mask(self.client.hetu) if self.client.hetu else self.client.local_id
