"""The session runner: today's agenda as a checklist, the time, notes and homework — saved as you type.

Everything typed is written to the encrypted database at most `AUTOSAVE_MS` after the last keystroke, so a crash
or a power cut loses at most that much. A session left open is offered back at the next start.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.content.library import ContentNotFound
from askel.store.courses import autosave_session, method_sessions, risk_answers
from askel.ui.i18n import format_date, format_time, translate, ui_language
from askel.ui.risk_marker import RiskMarker
from askel.ui.roles import mode_name
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Columns, Field, caption, line_edit, restyle, title

AUTOSAVE_MS = 1500
DEFAULT_MINUTES = 45  # a visit's planned length when the protocol says nothing
ENDING_MINUTES = 5  # the quiet signal: this long before the planned end
FAMILY_ITEM = "family"
NOTE_LIMIT = validation.TEXT_LIMITS["note"]


class LimitedTextEdit(QPlainTextEdit):
    """A plain text box that refuses input beyond its limit instead of failing later at saving."""

    def __init__(self, limit: int = NOTE_LIMIT, parent: QWidget | None = None):
        super().__init__(parent)
        self.limit = limit
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._enforce_limit)

    def _enforce_limit(self) -> None:
        text = self.toPlainText()
        if len(text) > self.limit:
            cursor = self.textCursor()
            self.setPlainText(text[: self.limit])
            cursor.setPosition(min(cursor.position(), self.limit))
            self.setTextCursor(cursor)


class ClickableLabel(QLabel):
    """An agenda item's text: wraps (a checkbox's own text cannot) and toggles its checkbox when clicked."""

    def __init__(self, check: QCheckBox, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = check
        self.setWordWrap(True)
        self.setBuddy(check)

    def mousePressEvent(self, event) -> None:
        self.check.toggle()
        super().mousePressEvent(event)


class SessionRunner(QWidget):
    close_requested = Signal()  # the clinician wants to end the session (the summary follows)
    questionnaire_requested = Signal()
    back_requested = Signal()

    def __init__(self, vault, library, course, session, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self)
        self.vault, self.course, self.session = vault, course, session
        try:
            self.protocol = library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            self.protocol = None
        planned = course.planned_sessions or (self.protocol.session_count.planned if self.protocol else 0)
        self.planned = max(planned, session.number)
        self.template = self.protocol.session_template(session.number, planned) if self.protocol else None
        previous = [s for s in method_sessions(course) if s.number < session.number and s.homework_given]
        self.previous_homework = previous[-1].homework_given if previous else ""
        self.agenda_state: dict[str, dict] = {k: dict(v) for k, v in (session.agenda or {}).items()}

        # A risk answer of this course stays in sight during the visit (one line; the course page has the rest).
        self.risk = RiskMarker(vault, library, course.client, risk_answers([course]), compact=True)

        # Where are we: session n / N, phase, the clock.
        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.where = title()
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("title")
        # The planned length (the protocol's, editable) and, near the end, a quiet signal: the note beside the
        # clock turns into a notice five minutes before the end, and says so (no sound, no pop-up).
        self.length = QSpinBox()
        self.length.setRange(5, 240)
        self.length.setSingleStep(5)
        self.length.setValue(session.planned_minutes or (self.protocol.session_minutes if self.protocol
                                                         else DEFAULT_MINUTES))
        self.length_field = Field(self.length)
        self.time_left = caption()
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attendance = QComboBox()
        self.attendance_field = Field(self.attendance)
        self.mode = QComboBox()
        self.mode_field = Field(self.mode)
        self.saved_label = caption()

        # The agenda: a checkbox and a short note per item.
        self.agenda_card = Card()
        self.agenda_title = QLabel()
        self.agenda_title.setObjectName("section")
        self.agenda_grid = QGridLayout()
        self.agenda_grid.setHorizontalSpacing(2 * GRID)
        self.agenda_grid.setVerticalSpacing(GRID)
        self.agenda_checks: list[QCheckBox] = []
        self.agenda_labels: list[QLabel] = []
        self.agenda_notes: list[QLineEdit] = []
        # Protocol agenda items are keyed by position; the family-perspective item (an adult client with
        # children or other dependants: the "Lapset puheeksi" approach) is added to every session.
        self.agenda_keys = [str(index) for index in range(len(self.template.agenda) if self.template else 0)]
        if course.has_dependants:
            self.agenda_keys.append(FAMILY_ITEM)
        for index, key in enumerate(self.agenda_keys):
            state = self.agenda_state.setdefault(key, {"done": False, "note": ""})
            check = QCheckBox()
            check.setChecked(bool(state.get("done")))
            label = ClickableLabel(check)
            note = QLineEdit(state.get("note", ""))
            note.setMaxLength(validation.TEXT_LIMITS["free_text"])
            note.setMinimumWidth(20 * GRID)
            check.toggled.connect(lambda checked, k=key: self._agenda_changed(k, "done", checked))
            note.textChanged.connect(lambda text, k=key: self._agenda_changed(k, "note", text))
            self.agenda_checks.append(check)
            self.agenda_labels.append(label)
            self.agenda_notes.append(note)
            self.agenda_grid.addWidget(check, index, 0, Qt.AlignmentFlag.AlignTop)
            self.agenda_grid.addWidget(label, index, 1)
            self.agenda_grid.addWidget(note, index, 2)
        self.agenda_grid.setColumnStretch(1, 3)
        self.agenda_grid.setColumnStretch(2, 2)
        self.agenda_card.body.addWidget(self.agenda_title)
        self.agenda_card.body.addLayout(self.agenda_grid)
        self.notes = LimitedTextEdit()
        self.notes_field = Field(self.notes)
        self.agenda_card.body.addWidget(self.notes_field, 1)

        # Homework: what was agreed last time, how it went, and what is agreed now.
        self.homework_card = Card()
        self.homework_title = QLabel()
        self.homework_title.setObjectName("section")
        self.previous_label = QLabel()
        self.previous_text = QLabel(self.previous_homework)
        self.previous_text.setWordWrap(True)
        self.previous_text.setObjectName("quote")
        self.review = LimitedTextEdit(validation.TEXT_LIMITS["free_text"])
        self.review_field = Field(self.review)
        self.homework = LimitedTextEdit(validation.TEXT_LIMITS["free_text"])
        self.homework_field = Field(self.homework)
        self.homework_card.body.addWidget(self.homework_title)
        self.homework_card.body.addWidget(self.previous_label)
        self.homework_card.body.addWidget(self.previous_text)
        self.homework_card.body.addWidget(self.review_field)
        self.homework_card.body.addWidget(self.homework_field)
        # The next appointment, agreed at the end of the visit: on the client page, the summary, the record and
        # the client's handout.
        self.next_title = QLabel()
        self.next_title.setObjectName("section")
        self.next_date = line_edit(max_length=10)
        self.next_date_field = Field(self.next_date)
        self.next_time = line_edit(max_length=5)
        self.next_time_field = Field(self.next_time)
        if session.next_appointment is not None:
            self.next_date.setText(format_date(session.next_appointment))
            self.next_time.setText(f"{session.next_appointment.hour}.{session.next_appointment.minute:02d}")
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_date_field, 3)
        next_row.addWidget(self.next_time_field, 2)
        self.homework_card.body.addWidget(self.next_title)
        self.homework_card.body.addLayout(next_row)
        self.homework_card.body.addStretch()

        self.questionnaire_button = QPushButton()
        self.close_button = QPushButton()
        self.close_button.setObjectName("primary")

        for code in ("attended", "cancelled", "no_show"):
            self.attendance.addItem("", code)
        for code in ("in_person", "phone", "video"):
            self.mode.addItem("", code)
        self.attendance.setCurrentIndex(max(0, self.attendance.findData(session.attendance)))
        self.mode.setCurrentIndex(max(0, self.mode.findData(session.mode)))
        self.notes.setPlainText(session.notes or "")
        self.review.setPlainText(session.homework_review or "")
        self.homework.setPlainText(session.homework_given or "")

        heading = QWidget()
        heading_layout = QVBoxLayout(heading)
        heading_layout.setContentsMargins(0, 0, 0, 0)
        heading_layout.addWidget(self.where)
        heading_layout.addWidget(self.purpose)
        fields = QWidget()
        fields_layout = QHBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.setSpacing(2 * GRID)  # the fields' labels never run into each other
        fields_layout.addWidget(self.attendance_field)
        fields_layout.addWidget(self.mode_field)
        fields_layout.addWidget(self.length_field)
        fields_layout.addSpacing(2 * GRID)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignHCenter)
        clock.addWidget(self.time_left)
        fields_layout.addLayout(clock)
        top = Columns(spacing=2 * GRID)  # the fields go under the heading when the text is large
        top.add(heading, 1)
        top.add(fields, 0, top_aligned=True)
        columns = Columns()
        columns.add(self.agenda_card, 3)
        columns.add(self.homework_card, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: focus scrolls what it reaches
        # The risk marker scrolls with the agenda: at a large text size it is never squeezed under the heading.
        scrolled = QWidget()
        scrolled_layout = QVBoxLayout(scrolled)
        scrolled_layout.setContentsMargins(0, 0, 0, 0)
        scrolled_layout.setSpacing(2 * GRID)
        scrolled_layout.addWidget(self.risk)
        scrolled_layout.addWidget(columns, 1)
        scroll.setWidget(scrolled)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.questionnaire_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 2 * GRID, 4 * GRID, 2 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_clock)
        self.tick.start()
        for editor in (self.notes, self.review, self.homework):
            editor.textChanged.connect(self._changed)
        self.attendance.currentIndexChanged.connect(self._changed)
        self.mode.currentIndexChanged.connect(self._changed)
        self.length.valueChanged.connect(self._changed)
        self.length.valueChanged.connect(self._update_clock)
        for editor in (self.next_date, self.next_time):
            editor.textChanged.connect(self._changed)
        self.close_button.clicked.connect(self._close_clicked)
        self.questionnaire_button.clicked.connect(self.questionnaire_requested.emit)
        self.back_button.clicked.connect(self._back_clicked)
        self.retranslate()
        self._update_clock()

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = ui_language()
        phase = ""
        if self.template and self.protocol:
            phase = next((p.name.get(language) for p in self.protocol.phases if p.id == self.template.phase), "")
        self.back_button.setText(self.tr("← Course"))
        where = self.tr("Session {number} / {planned}").format(number=self.session.number, planned=self.planned)
        self.where.setText(f"{where} · {phase}" if phase else where)
        self.purpose.setText(self.template.purpose.get(language) if self.template else "")
        self.agenda_title.setText(self.tr("Today's agenda"))
        for check, label, note, key in zip(self.agenda_checks, self.agenda_labels, self.agenda_notes,
                                           self.agenda_keys, strict=True):
            text = self.agenda_text(key, language)
            label.setText(text)
            check.setAccessibleName(text)
            note.setPlaceholderText(self.tr("Note"))
            note.setAccessibleName(self.tr("Note: {item}").format(item=text))
        self.notes_field.set_text(self.tr("Session &notes"))
        self.homework_title.setText(self.tr("Homework"))
        self.previous_label.setText(self.tr("Agreed last time:") if self.previous_homework
                                    else self.tr("No homework from last time."))
        self.previous_text.setVisible(bool(self.previous_homework))
        self.review_field.set_text(self.tr("How did it &go?"))
        self.review_field.setVisible(bool(self.previous_homework))
        self.homework_field.set_text(self.tr("Homework for &next time"))
        self.attendance_field.set_text(self.tr("&Attendance"))
        for index, text in enumerate((self.tr("Attended"), self.tr("Cancelled"), self.tr("Did not come"))):
            self.attendance.setItemText(index, text)
        self.mode_field.set_text(self.tr("&Mode"))
        for index in range(self.mode.count()):
            self.mode.setItemText(index, mode_name(self.mode.itemData(index)))
        self.questionnaire_button.setText(self.tr("Give a questionnaire"))
        self.close_button.setText(self.tr("Close session"))
        self.length_field.set_text(self.tr("&Length"))
        self.length.setSuffix(self.tr(" min"))
        self.next_title.setText(self.tr("Next appointment"))
        self.next_date_field.set_text(self.tr("D&ate"), self.tr("Day.month.year"))
        self.next_time_field.set_text(self.tr("T&ime"), self.tr("For example 14.00"))
        # Each input at least as wide as its label (with room to spare: at 200 % a label is drawn a little wider
        # than it measures, and a short input would cut its last letter).
        for field in (self.attendance_field, self.mode_field, self.length_field):
            text = field.label.text().replace("&", "")
            field.editor.setMinimumWidth(field.label.fontMetrics().horizontalAdvance(text) + 2 * GRID)
        self._update_clock()

    def agenda_text(self, key: str, language: str) -> str:
        if key == FAMILY_ITEM:
            return self.tr("The children's situation and support discussed (Lapset puheeksi)")
        return self.template.agenda[int(key)].get(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- saving --------------------------------------------------------------------------------------------------
    def _agenda_changed(self, key: str, field: str, value) -> None:
        self.agenda_state.setdefault(key, {"done": False, "note": ""})[field] = value
        self._changed()

    def _changed(self, *_args) -> None:
        # Not restarted by further typing: the first unsaved keystroke is never more than AUTOSAVE_MS old.
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def values(self) -> dict:
        return {
            "attendance": self.attendance.currentData(), "mode": self.mode.currentData(),
            "notes": self.notes.toPlainText(), "homework_review": self.review.toPlainText(),
            "homework_given": self.homework.toPlainText(),
            "agenda": {k: dict(v) for k, v in self.agenda_state.items()},
            "planned_minutes": self.length.value(),
            # Saved as typed once it is a valid time ahead; half-typed, the last valid one is kept.
            "next_appointment": self.next_appointment(quiet=True),
        }

    def next_appointment(self, quiet: bool = False):
        """The next appointment typed, None when both fields are empty; with `quiet=False` an invalid one is shown
        under its field and raises ValidationError."""
        day, at = self.next_date.text().strip(), self.next_time.text().strip()
        if not quiet:
            self.next_date_field.set_error("")
            self.next_time_field.set_error("")
        if not day and not at:
            return None
        try:
            return validation.appointment(day, at, datetime.now())
        except validation.ValidationError as error:
            if quiet:
                return self.session.next_appointment
            on_time = error.reason in ("bad_time_format", "impossible_time") or (day and not at)
            field = self.next_time_field if on_time else self.next_date_field
            field.set_error(translate(error.message))
            raise

    def save_now(self) -> None:
        self.autosave_timer.stop()
        values = self.values()
        autosave_session(self.vault, self.session.id, **values)
        for name, value in values.items():
            setattr(self.session, name, value)
        self.saved_label.setText(self.tr("Saved {time}").format(time=format_time(datetime.now())))

    def agenda_done(self) -> tuple[int, int]:
        done = sum(1 for check in self.agenda_checks if check.isChecked())
        return done, len(self.agenda_checks)

    def _close_clicked(self) -> None:
        try:
            self.next_appointment()
        except validation.ValidationError:
            return  # the message is under the field; nothing is closed
        self.save_now()
        self.close_requested.emit()

    def _back_clicked(self) -> None:
        self.save_now()
        self.back_requested.emit()

    def _update_clock(self, *_args) -> None:
        elapsed = max(0, int((datetime.now() - self.session.starts_at).total_seconds()))
        hours, rest = divmod(elapsed, 3600)
        minutes, seconds = divmod(rest, 60)
        self.clock.setText(f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}")
        # A screen reader gets the time in words, to the minute (its name changes once a minute, not every second).
        time = self.tr("%n minute(s)", "", minutes)
        if hours:
            time = self.tr("%n hour(s)", "", hours) + " " + time
        name = self.tr("Time in the session: {time}").format(time=time)
        if self.clock.accessibleName() != name:
            self.clock.setAccessibleName(name)
        left = self.length.value() * 60 - elapsed
        state = clock_state(left)
        if state == "over":
            text = self.tr("{minutes} min over").format(minutes=(-left) // 60)
        elif state == "ending":
            text = self.tr("{minutes} min left").format(minutes=max(1, -(-left // 60)))
        else:
            text = self.tr("{minutes} of {length} min").format(minutes=elapsed // 60, length=self.length.value())
        self.time_left.setText(text)
        self.time_left.setAccessibleName(text)
        wanted = "notice" if state != "running" else "caption"
        if self.time_left.objectName() != wanted:
            restyle(self.time_left, wanted)


def clock_state(seconds_left: int) -> str:
    """"running", then "ending" in the last ENDING_MINUTES of the planned length, then "over"."""
    if seconds_left <= 0:
        return "over"
    return "ending" if seconds_left <= ENDING_MINUTES * 60 else "running"
