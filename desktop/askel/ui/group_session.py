"""The group session screen: one meeting of a group, run once for every member.

What the clinician glances at: which meeting of the plan this is, its purpose, the clock; then one list with every
member's attendance (keyboard first: a digit or a letter marks the member and moves to the next one, so six members
take six keys), a short note per member that goes only into that member's record, and the homework where a member's
differs from the group's; the group's agenda, the group note (into the record of every member who attended, so it
must name nobody) and the group's homework. Questionnaires go member by member, entered by the clinician or filled in
by each member in turn on this computer, each in the member's own language.

Everything typed is saved at most `AUTOSAVE_MS` after the first unsaved keystroke (askel.store.groups.save_meeting),
into the meeting and each member's session row; closing needs every member's attendance marked.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.content.guarantee import age_on
from askel.core.groups import PARENT_MEETING, meeting_template
from askel.store.groups import GroupError, MemberPart, is_marked, load_meeting, save_meeting
from askel.ui.accessibility import announce
from askel.ui.groups import WrappingDelegate, fit_columns, group_error_text, meeting_name, protocol_of
from askel.ui.i18n import format_time, ui_language
from askel.ui.questionnaire_flow import QuestionnaireFlow
from askel.ui.roles import language_name
from askel.ui.session_runner import AUTOSAVE_MS, ClickableLabel, LimitedTextEdit
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Columns, Field, caption, dialog_layout, reveal, scrolling, title

ATTENDANCE = ("attended", "cancelled", "no_show")
# A digit marks the current member and moves on. Letters are not keys: a sentence typed in the wrong column must
# not change anyone's attendance, so a letter starts the member's own note instead.
ATTENDANCE_KEYS = {"1": "attended", "2": "cancelled", "3": "no_show"}
NOTE, HOMEWORK = 2, 3
SHORT_LIMIT = validation.TEXT_LIMITS["free_text"]


def now() -> datetime:
    """The moment a meeting starts (tests replace it)."""
    return datetime.now().replace(microsecond=0)


def names_in(text: str, names) -> list[str]:
    """The names of `names` that `text` contains as whole words (case-insensitive): a group note must name nobody,
    because it goes into every attending member's record."""
    found = []
    for name in names:
        for word in name.split():
            if len(word) > 1 and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE | re.UNICODE):
                found.append(name)
                break
    return found


class _ShortText(WrappingDelegate):
    """A member's note or homework typed into the list: one line, at most the free-text limit."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setMaxLength(SHORT_LIMIT)
        return editor


class AttendanceList(QTableWidget):
    """Every member on one row: attendance, own note, homework exception, questionnaires given. With the keyboard:
    a digit 1–3 marks the current member's attendance and moves to the next member (Space cycles it); Enter or
    typing edits the note (from the name or attendance column, typing starts the member's note); Tab leaves the
    list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.attendance: list[str | None] = []
        self.names: list[str] = []
        self.given: list[str] = []  # the questionnaires given to each member at this meeting
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setItemDelegate(WrappingDelegate(self))
        self.setItemDelegateForColumn(NOTE, _ShortText(self))
        self.setItemDelegateForColumn(HOMEWORK, _ShortText(self))
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Each column its share of the width, the text wrapping (a large text size): never wider than the page.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.itemChanged.connect(lambda item: self.changed.emit() if item.column() in (NOTE, HOMEWORK) else None)
        self.verticalHeader().sectionResized.connect(lambda *_args: self.updateGeometry())  # a note wrapped
        self.currentCellChanged.connect(lambda row, column, *_args: self._keep_in_view(row, column))

    def set_members(self, rows) -> None:
        """`rows`: (name, attendance or None, note, homework exception, questionnaires) per member."""
        self.blockSignals(True)
        self.setRowCount(len(rows))
        self.attendance, self.names, self.given = [], [], []
        for row, (name, attendance, note, homework, given) in enumerate(rows):
            self.attendance.append(attendance)
            self.names.append(name)
            self.given.append(given)
            for column, text, editable in ((0, name, False), (1, "", False), (NOTE, note, True),
                                           (HOMEWORK, homework, True)):
                item = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                self.setItem(row, column, item)
            self._show_attendance(row)
            self._show_name(row)
        self.blockSignals(False)
        if rows:
            self.setCurrentCell(0, 1)

    def _keep_in_view(self, row: int, column: int) -> None:
        """The list is as tall as its rows and the page scrolls (at a large text size it is taller than the
        window): scroll the page so that the member the keyboard is on is in view."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or row < 0 or area.widget() is None:
            return
        cell = self.visualRect(self.model().index(row, max(column, 0)))
        centre = self.viewport().mapTo(area.widget(), cell.center())
        area.ensureVisible(centre.x(), centre.y(), cell.width() // 2 + GRID, cell.height() // 2 + GRID)

    SHARES = (0.22, 0.25, 0.27, 0.26)  # of the width: member (and questionnaires given), attendance, note, homework

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        fit_columns(self, self.SHARES)
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self):  # noqa: N802 - Qt's name
        """As tall as its rows (no empty band below the last member, no scrolling for a group's size)."""
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        return QSize(40 * GRID, self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return QSize(20 * GRID, self.sizeHint().height())

    def set_given(self, row: int, text: str) -> None:
        self.given[row] = text
        self.blockSignals(True)
        self._show_name(row)
        self.blockSignals(False)
        self.fit()

    def _show_name(self, row: int) -> None:
        """The member's name, and under it the questionnaires given at this meeting."""
        given = self.given[row]
        self.item(row, 0).setText(f"{self.names[row]}\n{given}" if given else self.names[row])

    def attendance_text(self, value: str | None) -> str:
        return {"attended": self.tr("Came"), "cancelled": self.tr("Cancelled"),
                "no_show": self.tr("Did not come"), None: self.tr("– not marked")}[value]

    def _show_attendance(self, row: int) -> None:
        item = self.item(row, 1)
        self.blockSignals(True)
        item.setText(self.attendance_text(self.attendance[row]))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{self.names[row]}: {item.text()}")
        self.blockSignals(False)

    def retranslate(self) -> None:
        # Short headings: they do not wrap, and the hint above the list says what each column is for.
        self.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Attendance"), self.tr("Note"),
                                        self.tr("Homework")])
        for row in range(self.rowCount()):
            self._show_attendance(row)

    def mark(self, row: int, value: str) -> None:
        self.attendance[row] = value
        self._show_attendance(row)
        announce(self, self.item(row, 1).data(Qt.ItemDataRole.AccessibleTextRole))
        self.changed.emit()

    def note(self, row: int) -> str:
        return self.item(row, NOTE).text().strip()

    def homework(self, row: int) -> str:
        return self.item(row, HOMEWORK).text().strip()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, column = self.currentRow(), self.currentColumn()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if row >= 0 and column in (0, 1) and plain and self.state() != QAbstractItemView.State.EditingState:
            value = ATTENDANCE_KEYS.get(event.text())
            if value is not None:
                self.mark(row, value)
                if row + 1 < self.rowCount():
                    self.setCurrentCell(row + 1, column)
                event.accept()
                return
            if event.key() == Qt.Key.Key_Space:
                current = self.attendance[row]
                self.mark(row, ATTENDANCE[(ATTENDANCE.index(current) + 1) % 3] if current else "attended")
                event.accept()
                return
            if event.text().isprintable() and event.text().strip():  # typing: the member's own note
                self.setCurrentCell(row, NOTE)
                super().keyPressEvent(event)
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and column in (NOTE, HOMEWORK) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.editItem(self.item(row, column))
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab
                                    and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return
        super().keyPressEvent(event)


class GroupSessionScreen(QWidget):
    """One meeting of a group being run (a group session or a parents' meeting)."""

    back_requested = Signal()
    closed = Signal(str)  # the meeting's id, once closed

    def __init__(self, vault, context, meeting, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self)
        self.vault, self.context, self.meeting = vault, context, meeting
        self.group = meeting.group
        self.library = context.library
        self.protocol = protocol_of(self.library, self.group.method_id, self.group.protocol_version)
        self.template = meeting_template(self.protocol, meeting, self.group.planned_sessions)
        self.rows = list(meeting.member_sessions)  # the member session rows, in the list's order
        self.agenda_state: dict[str, dict] = {k: dict(v) for k, v in (meeting.agenda or {}).items()}
        self.questionnaires = None
        self.warned_names: tuple[str, ...] = ()
        self.duration_edited = False

        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.where = title()
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("title")
        self.duration = QSpinBox()
        self.duration.setRange(1, 600)
        self.duration_field = Field(self.duration)
        self.mode = QComboBox()
        for code in ("in_person", "phone", "video"):
            self.mode.addItem("", code)
        self.mode.setCurrentIndex(max(0, self.mode.findData(meeting.mode)))
        self.mode_field = Field(self.mode)
        self.saved_label = caption()
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()

        # Attendance and each member's own part.
        self.members_card = Card()
        self.members_title = QLabel()
        self.members_title.setObjectName("section")
        self.members_title.setWordWrap(True)
        self.members_hint = caption()
        self.members = AttendanceList()
        self.members_card.body.addWidget(self.members_title)
        self.members_card.body.addWidget(self.members_hint)
        self.members_card.body.addWidget(self.members)

        # The group's agenda, the licensed detail a content pack may add, and the group note.
        self.agenda_card = Card()
        self.agenda_title = QLabel()
        self.agenda_title.setObjectName("section")
        self.agenda_title.setWordWrap(True)
        self.agenda_grid = QGridLayout()
        self.agenda_grid.setHorizontalSpacing(2 * GRID)
        self.agenda_checks: list[QCheckBox] = []
        self.agenda_labels: list[QLabel] = []
        self.agenda_keys = [str(i) for i in range(len(self.template.agenda) if self.template else 0)]
        for index, key in enumerate(self.agenda_keys):
            state = self.agenda_state.setdefault(key, {"done": False, "note": ""})
            check = QCheckBox()
            check.setChecked(bool(state.get("done")))
            label = ClickableLabel(check)
            check.toggled.connect(lambda checked, k=key: self._agenda_changed(k, checked))
            self.agenda_checks.append(check)
            self.agenda_labels.append(label)
            self.agenda_grid.addWidget(check, index, 0, Qt.AlignmentFlag.AlignTop)
            self.agenda_grid.addWidget(label, index, 1)
        self.agenda_grid.setColumnStretch(1, 1)
        self.guidance = caption()
        self.guidance.setObjectName("quote")
        self.notes = LimitedTextEdit()
        self.notes.setPlainText(meeting.notes or "")
        self.notes.setMinimumHeight(12 * GRID)
        self.notes_field = Field(self.notes)
        self.agenda_card.body.addWidget(self.agenda_title)
        self.agenda_card.body.addLayout(self.agenda_grid)
        self.agenda_card.body.addWidget(self.guidance)
        self.agenda_card.body.addWidget(self.notes_field, 1)

        # The group's homework: what was agreed last time and what is agreed now.
        self.homework_card = Card()
        self.homework_title = QLabel()
        self.homework_title.setObjectName("section")
        self.homework_title.setWordWrap(True)
        self.previous_homework = self._previous_homework()
        self.previous_label = QLabel()
        self.previous_label.setWordWrap(True)
        self.previous_text = QLabel(self.previous_homework)
        self.previous_text.setWordWrap(True)
        self.previous_text.setObjectName("quote")
        self.homework = LimitedTextEdit(SHORT_LIMIT)
        self.homework.setPlainText(meeting.homework or "")
        self.homework.setMinimumHeight(8 * GRID)
        self.homework_field = Field(self.homework)
        self.homework_card.body.addWidget(self.homework_title)
        self.homework_card.body.addWidget(self.previous_label)
        self.homework_card.body.addWidget(self.previous_text)
        self.homework_card.body.addWidget(self.homework_field)
        self.homework_card.body.addStretch()

        self.questionnaire_button = QPushButton()
        self.close_button = QPushButton()
        self.close_button.setObjectName("primary")

        # Always in view: which meeting and the clock. The rest scrolls as one (a large text size, a small screen).
        top = QHBoxLayout()
        top.setSpacing(2 * GRID)
        top.addWidget(self.where, 1)
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignTop)
        fields = QWidget()
        fields_layout = QHBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.mode_field)
        fields_layout.addWidget(self.duration_field)
        fields_layout.addStretch()
        lower = Columns()
        lower.add(self.agenda_card, 3)
        lower.add(self.homework_card, 2)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2 * GRID)
        body.addWidget(self.purpose)
        body.addWidget(fields)
        body.addWidget(self.members_card)
        body.addWidget(lower, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.questionnaire_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 2 * GRID, 4 * GRID, 2 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scrolling(content), 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.back_button, self.members)

        self.members.set_members([self._member_row(record) for record in self.rows])
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_clock)
        self.tick.start()
        for editor in (self.notes, self.homework):
            editor.textChanged.connect(self._changed)
        self.members.changed.connect(self._changed)
        self.mode.currentIndexChanged.connect(self._changed)
        self.duration.valueChanged.connect(self._duration_changed)
        self.close_button.clicked.connect(self.close_meeting)
        self.questionnaire_button.clicked.connect(self.give_questionnaires)
        self.back_button.clicked.connect(self._back_clicked)
        self.retranslate()
        self._update_clock()

    # -- the members ---------------------------------------------------------------------------------------------
    def _member_row(self, record) -> tuple:
        client = record.course.client
        homework = record.homework_given if record.homework_given != (self.meeting.homework or "") else ""
        return (f"{client.given_names} {client.family_name}", record.attendance if is_marked(record) else None,
                record.notes or "", homework, self._given_text(record))

    def _given_text(self, record) -> str:
        names = []
        for administration in sorted(record.course.administrations, key=lambda a: a.administered_at):
            if administration.session_id == record.id:
                names.append(self._instrument_name(administration.instrument_id))
        return ", ".join(names)

    def _instrument_name(self, instrument_id: str) -> str:
        try:
            return self.library.instrument(instrument_id).short_name.get(ui_language())
        except KeyError:
            return instrument_id

    def member_names(self) -> list[str]:
        return [f"{r.course.client.given_names} {r.course.client.family_name}" for r in self.rows]

    def _previous_homework(self) -> str:
        earlier = [m for m in self.group.meetings if m.kind == self.meeting.kind and m.number < self.meeting.number
                   and m.homework]
        return max(earlier, key=lambda m: m.number).homework if earlier else ""

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = ui_language()
        meeting = self.meeting
        self.back_button.setText(self.tr("← {group}").format(group=self.group.name))
        where = meeting_name(meeting.kind, meeting.number, self.group.planned_sessions)
        phase = ""
        if self.template is not None and meeting.kind != PARENT_MEETING and self.protocol is not None:
            phase = next((p.name.get(language) for p in self.protocol.phases if p.id == self.template.phase), "")
        self.where.setText(f"{where} · {phase}" if phase else where)
        self.purpose.setText(self.template.purpose.get(language) if self.template else "")
        self.members_title.setText(self.tr("Attendance and each member's own part"))
        self.members_hint.setText(self.tr(
            "Mark attendance with 1 came, 2 cancelled, 3 did not come: the list moves to the next member. Typing or "
            "Enter writes the member's own note, which goes only into that member's record. Tab leaves the list."))
        self.members.setAccessibleName(self.tr("Attendance"))
        self.members.retranslate()
        self.agenda_title.setText(self.tr("The group's agenda"))
        for check, label, key in zip(self.agenda_checks, self.agenda_labels, self.agenda_keys, strict=True):
            text = self.template.agenda[int(key)].get(language)
            label.setText(text)
            check.setAccessibleName(text)
        guidance = getattr(self.template, "guidance", None) if self.template is not None else None
        self.guidance.setText(guidance.get(language) if guidance else "")
        self.guidance.setVisible(bool(guidance))
        self.notes_field.set_text(self.tr("Group &note"), self.tr(
            "Goes into the record of every member who came: write no one's name here, use a member's own note."))
        self.homework_title.setText(self.tr("The group's homework"))
        self.previous_label.setText(self.tr("Agreed last time:") if self.previous_homework
                                    else self.tr("No homework from last time."))
        self.previous_text.setVisible(bool(self.previous_homework))
        self.homework_field.set_text(self.tr("Homework for &next time"),
                                     self.tr("For every member, unless the list gives a member another one."))
        self.mode_field.set_text(self.tr("&Mode"))
        for index, text in enumerate((self.tr("In person"), self.tr("Phone"), self.tr("Video"))):
            self.mode.setItemText(index, text)
        self.duration_field.set_text(self.tr("&Length, min"))
        self.questionnaire_button.setText(self.tr("Questionnaires…"))
        self.close_button.setText(self.tr("Close the meeting"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: reveal(self.members))  # the list the keyboard starts in, in view

    # -- saving --------------------------------------------------------------------------------------------------
    def _agenda_changed(self, key: str, done: bool) -> None:
        self.agenda_state.setdefault(key, {"done": False, "note": ""})["done"] = done
        self._changed()

    def _changed(self, *_args) -> None:
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def _duration_changed(self, *_args) -> None:
        if self.duration.hasFocus():
            self.duration_edited = True

    def parts(self) -> dict[str, MemberPart]:
        return {record.id: MemberPart(self.members.attendance[row], self.members.note(row),
                                      self.members.homework(row))
                for row, record in enumerate(self.rows)}

    def _values(self) -> dict:
        return {"agenda": {k: dict(v) for k, v in self.agenda_state.items()}, "notes": self.notes.toPlainText(),
                "homework": self.homework.toPlainText().strip(), "mode": self.mode.currentData(),
                "members": self.parts()}

    def save_now(self) -> None:
        self.autosave_timer.stop()
        if self.meeting.closed:
            return
        save_meeting(self.vault, self.meeting.id, **self._values())
        self.saved_label.setText(self.tr("Saved {time}").format(time=format_time(datetime.now())))

    def close_meeting(self) -> None:
        """Close when every member is marked; a group note that names a member is said once before closing."""
        unmarked = [row for row, value in enumerate(self.members.attendance) if value is None]
        if unmarked:
            self.show_message(group_error_text(GroupError("unmarked")) + " " + self.tr(
                "Not marked: {names}.").format(names=", ".join(self.members.names[r] for r in unmarked)))
            self.members.setFocus()
            self.members.setCurrentCell(unmarked[0], 1)
            return
        shared = " ".join((self.notes.toPlainText(), self.homework.toPlainText()))
        named = tuple(names_in(shared, self.member_names()))
        if named and named != self.warned_names:
            self.warned_names = named
            self.show_message(self.tr(
                "The group note or homework names {names}. It goes into every attending member's record: move it "
                "to the member's own note, or press Close the meeting again to close as it is.").format(
                names=", ".join(named)))
            self.notes.setFocus()
            return
        try:
            save_meeting(self.vault, self.meeting.id, **self._values(), close=True,
                         duration_minutes=self.duration.value())
        except GroupError as error:
            self.show_message(group_error_text(error))
            return
        self.autosave_timer.stop()
        self.tick.stop()
        self.meeting.closed = True
        self.closed.emit(self.meeting.id)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            announce(self, text)

    def _back_clicked(self) -> None:
        self.save_now()
        self.back_requested.emit()

    def _update_clock(self) -> None:
        elapsed = max(0, int((datetime.now() - self.meeting.starts_at).total_seconds()))
        hours, rest = divmod(elapsed, 3600)
        minutes, seconds = divmod(rest, 60)
        self.clock.setText(f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}")
        name = self.tr("Time in the meeting: {time}").format(time=self.tr("%n minute(s)", "", elapsed // 60))
        if self.clock.accessibleName() != name:
            self.clock.setAccessibleName(name)
        if not self.duration_edited:
            self.duration.blockSignals(True)
            self.duration.setValue(max(1, min(600, round(elapsed / 60))))
            self.duration.blockSignals(False)

    # -- questionnaires ------------------------------------------------------------------------------------------
    def give_questionnaires(self) -> None:
        """Choose a questionnaire and the members; then each member in turn, in the member's own language."""
        self.save_now()
        dialog = GroupQuestionnaireDialog(self.library, self.rows, self.members.attendance, self)
        if not dialog.exec():
            return
        instrument, respondent, by_client, chosen = dialog.choice()
        self.questionnaires = GroupQuestionnaires(self.vault, self.context, instrument, respondent, by_client,
                                                  [self.rows[row] for row in chosen], self.window())
        self.questionnaires.finished.connect(self._questionnaires_done)
        self.questionnaires.start()

    def _questionnaires_done(self) -> None:
        self.questionnaires = None
        fresh = load_meeting(self.vault, self.meeting.id)
        given = {r.id: r for r in fresh.member_sessions}
        for row, record in enumerate(self.rows):
            if record.id in given:
                self.members.set_given(row, self._given_text(given[record.id]))

    def dismiss(self) -> None:
        """The screen is locking: a questionnaire on screen goes."""
        if self.questionnaires is not None:
            self.questionnaires.dismiss()


class GroupQuestionnaireDialog(QDialog):
    """One questionnaire for chosen members: who answers, entered by the clinician or filled in by each member in
    turn on this computer. Each member gets the questions in the member's own language."""

    def __init__(self, library, rows, attendance, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(True)
        self.rows = rows
        today = datetime.now().date()
        ages = [age_on(r.course.client.birth_date, today) for r in rows]
        # A questionnaire is offered when it can be given to at least one member (licensed wording, age range).
        self.instruments = sorted((i for i in library.instruments() if any(library.givable(i.id, a) for a in ages)),
                                  key=lambda i: i.short_name.get(ui_language()))
        self.library = library
        self.ages = ages
        self.heading = title()
        self.list = QListWidget()
        self.list.setFixedHeight(20 * GRID)
        for instrument in self.instruments:
            self.list.addItem(QListWidgetItem(
                f"{instrument.short_name.get(ui_language())} – {instrument.name.get(ui_language())}"))
        self.respondent = QComboBox()
        self.respondent_field = Field(self.respondent)
        self.by_client = QRadioButton()
        self.by_clinician = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.by_client)
        group.addButton(self.by_clinician)
        self.by_client.setChecked(True)
        self.members_label = QLabel()
        self.member_checks: list[QCheckBox] = []
        for row, record in enumerate(rows):
            client = record.course.client
            check = QCheckBox(f"{client.given_names} {client.family_name} ({language_name(client.language)})")
            check.setChecked(attendance[row] == "attended")
            self.member_checks.append(check)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()
        body = QVBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.respondent_field)
        body.addWidget(self.by_client)
        body.addWidget(self.by_clinician)
        body.addWidget(self.members_label)
        for check in self.member_checks:
            body.addWidget(check)
        body.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        dialog_layout(self, self.heading, body, buttons, min_width=64 * GRID)
        self.setWindowTitle(self.tr("Questionnaires for the group"))
        self.heading.setText(self.tr("Questionnaires for the group"))
        self.list.setAccessibleName(self.tr("Questionnaire"))
        self.respondent_field.set_text(self.tr("Who answers"))
        self.by_client.setText(self.tr("Each member fills it in on this screen, one after another"))
        self.by_clinician.setText(self.tr("I enter each member's answers"))
        self.members_label.setText(self.tr("Members (each in their own language):"))
        self.ok_button.setText(self.tr("Start"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.list.currentRowChanged.connect(self._instrument_changed)
        self.ok_button.clicked.connect(self._accept)
        self.cancel_button.clicked.connect(self.reject)
        if self.instruments:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _instrument_changed(self, row: int) -> None:
        instrument = self.instruments[row] if 0 <= row < len(self.instruments) else None
        self.respondent.clear()
        names = {"client": self.tr("The member"), "parent": self.tr("A parent"), "clinician": self.tr("The clinician")}
        for respondent in instrument.respondents if instrument else ():
            self.respondent.addItem(names[respondent], respondent)
        for check, age in zip(self.member_checks, self.ages, strict=True):
            givable = instrument is not None and self.library.givable(instrument.id, age)
            check.setEnabled(givable)
            if not givable:
                check.setChecked(False)

    def chosen_rows(self) -> list[int]:
        return [row for row, check in enumerate(self.member_checks) if check.isChecked() and check.isEnabled()]

    def _accept(self) -> None:
        if self.list.currentRow() < 0 or not self.chosen_rows():
            self.error.setText(self.tr("Choose a questionnaire and at least one member."))
            self.error.show()
            return
        self.accept()

    def choice(self):
        return (self.instruments[self.list.currentRow()], self.respondent.currentData(), self.by_client.isChecked(),
                self.chosen_rows())


class GroupQuestionnaires(QObject):
    """One questionnaire given to members one after another (askel.ui.questionnaire_flow for each), each member's
    answers stored in the member's own course and session; `finished` once all are done or one is stopped."""

    finished = Signal()

    def __init__(self, vault, context, instrument, respondent: str, by_client: bool, rows, parent: QWidget):
        super().__init__(parent)
        self.vault, self.context, self.parent_widget = vault, context, parent
        self.instrument, self.respondent, self.by_client = instrument, respondent, by_client
        self.queue = list(rows)
        self.flow: QuestionnaireFlow | None = None

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        if not self.queue:
            self.flow = None
            self.finished.emit()
            return
        record = self.queue.pop(0)
        from askel.store.courses import load_course

        course = load_course(self.vault, record.course_id)
        self.flow = QuestionnaireFlow(self.vault, self.context, course, record.id, self.parent_widget)
        self.flow.finished.connect(self._one_done)
        language = course.client.language if course.client.language in ("fi", "sv") else "fi"
        self.flow.start((self.instrument, self.respondent, language, self.by_client))

    def _one_done(self, record) -> None:
        if record is None:  # stopped (the clinician cancelled, or nothing was answered): the rest wait
            self.queue.clear()
        QTimer.singleShot(0, self._next)  # after the finished flow has returned

    def dismiss(self) -> None:
        self.queue.clear()
        if self.flow is not None:
            self.flow.dismiss()
