"""Groups: the list of groups, a new group, one group's page (its meetings and members), and joining or leaving.

A group runs one method in one format (askel.core.groups); each member is a client with their own course of the
method, so the member's scores, guarantee, outcome and record stay the member's own. The group page is where the
clinician plans the meetings, adds members (a late joiner with the reason), records a member leaving (the member's
course ends as interrupted, with the reason), and starts or continues a meeting (askel.ui.group_session).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.contacts import METHOD_SESSION
from askel.core.content.library import ContentNotFound
from askel.core.groups import PARENT_MEETING
from askel.store.clients import search_clients
from askel.store.groups import (
    GroupError,
    add_member,
    add_parent_meeting,
    create_group,
    is_marked,
    leave_group,
    list_groups,
    member_order,
    reschedule,
    sessions_started,
    update_group,
)
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import (
    Card,
    Columns,
    Field,
    FlowLayout,
    caption,
    dialog_layout,
    lead,
    line_edit,
    scrolling,
    tab_leaves,
    title,
)

NO_PARENT = QModelIndex()


def format_name(group_format: str, audience: str | None = None) -> str:
    """A group format in the UI language; a group of the clients themselves is named by the method's audience."""
    if group_format == "client_group":
        return {"adults": QCoreApplication.translate("Groups", "Adults' group"),
                "adolescents": QCoreApplication.translate("Groups", "Young people's group")}.get(
            audience or "", QCoreApplication.translate("Groups", "Children's group"))
    return {"parent_group": QCoreApplication.translate("Groups", "Parents' group"),
            "family_group": QCoreApplication.translate("Groups", "Children and parents together"),
            "individual": QCoreApplication.translate("Groups", "Individual")}.get(group_format, group_format)


def meeting_name(kind: str, number: int, planned: int | None = None) -> str:
    if kind == PARENT_MEETING:
        return QCoreApplication.translate("Groups", "Parents' meeting {number}").format(number=number)
    if planned:
        # "5 / 10" stays on one line (no-break spaces), however narrow the title.
        return QCoreApplication.translate("Groups", "Group session {number} / {planned}").format(
            number=number, planned=planned).replace(f"{number} / {planned}", f"{number}\u00a0/\u00a0{planned}")
    return QCoreApplication.translate("Groups", "Group session {number}").format(number=number)


def group_error_text(error: GroupError) -> str:
    """One line in the UI language for a refused group change."""
    return {
        "no_name": QCoreApplication.translate("Groups", "Give the group a name."),
        "name_too_long": QCoreApplication.translate("Groups", "The name is too long (at most 100 characters)."),
        "format": QCoreApplication.translate("Groups", "Choose a format the method can be run in."),
        "planned": QCoreApplication.translate("Groups", "The number of group sessions is outside the method's range."),
        "already_member": QCoreApplication.translate("Groups", "The client is already a member of this group."),
        "full": QCoreApplication.translate("Groups", "The group is full."),
        "group_over": QCoreApplication.translate("Groups", "The group has held all its sessions: nobody can join any more."),
        "late_reason": QCoreApplication.translate("Groups", "The group has already met: write down why the client joins late."),
        "leave_reason": QCoreApplication.translate("Groups", "Write down why the member leaves the group."),
        "already_started": QCoreApplication.translate("Groups", "This meeting has started: its date can no longer change."),
        "earlier_not_held": QCoreApplication.translate("Groups", "Hold the group's earlier sessions first."),
        "unmarked": QCoreApplication.translate("Groups", "Mark every member's attendance before closing."),
        "closed": QCoreApplication.translate("Groups", "This meeting is closed."),
    }.get(error.reason, QCoreApplication.translate("Groups", "This change could not be made."))


def protocol_of(library, method_id: str, version: str):
    try:
        return library.protocol(method_id, version)
    except ContentNotFound:
        return None


def date_text_or_none(field: Field, text: str, *, required: bool = False) -> tuple[bool, date | None]:
    """(ok, the date) from a date field, with the error shown in the field."""
    field.set_error("")
    if not text.strip() and not required:
        return True, None
    try:
        return True, validation.parse_date(text)
    except validation.ValidationError as error:
        field.set_error(translate(error.message))
        return False, None


# -- the list of groups ------------------------------------------------------------------------------------------
class GroupsModel(QAbstractTableModel):
    COLUMNS = 4  # few, each wrapping: the list reads at any text size without a sideways scroll

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.rows = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Group"), self.tr("Method"), self.tr("Members"), self.tr("Meetings"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        protocol = protocol_of(self.library, row.method_id, row.protocol_version)
        method = protocol.short_name.get(ui_language()) if protocol else row.method_id
        kind = format_name(row.format, protocol.audience if protocol else None)
        if row.next_date is not None:
            meetings = self.tr("{held} / {planned} held, next {date}").format(
                held=row.held, planned=row.planned, date=format_date(row.next_date))
        else:
            meetings = self.tr("{held} / {planned} held").format(held=row.held, planned=row.planned)
        return (row.name, f"{method} · {kind}", str(row.members), meetings)[index.column()]


class GroupsPage(QWidget):
    group_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, vault, library, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self)
        self.vault = vault
        self.heading = title()
        self.explanation = lead()
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.model = GroupsModel(library, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tab_leaves(self.table)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Each column takes its share of the width (resizeEvent) and wraps when the room is short (a large text
        # size): no sideways scrolling.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(WrappingDelegate(self.table))
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setObjectName("section")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.table.activated.connect(
            lambda index: self.group_requested.emit(self.model.data(index, Qt.ItemDataRole.UserRole)))
        self.retranslate()

    SHARES = (0.32, 0.3, 0.1, 0.28)  # of the list's width: the group's name, method, members, meetings

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_columns)

    def _fit_columns(self) -> None:
        fit_columns(self.table, self.SHARES, whole=(2,))
        self.table.resizeRowsToContents()

    def refresh(self) -> None:
        self.model.set_rows(list_groups(self.vault))
        self.table.setVisible(bool(self.model.rows))
        self.empty.setVisible(not self.model.rows)
        if self.model.rows:
            self.table.selectRow(0)
        self._fit_columns()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Groups"))
        self.explanation.setText(self.tr(
            "A group runs one method for several clients at once. Each member has a course of their own, so their "
            "questionnaires, guarantee, outcome and record stay theirs; a group session is run once and written "
            "into each member's record."))
        self.new_button.setText(self.tr("New group…"))
        self.empty.setText(self.tr("No groups yet. Start the first one with “New group…”."))
        self.table.setAccessibleName(self.tr("Groups"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- a new group, or its name and leaders ------------------------------------------------------------------------
class GroupDialog(QDialog):
    """A new group (method, format, leaders, planned meetings), or with `group` its name and leaders."""

    def __init__(self, vault, library, parent: QWidget | None = None, group=None):
        super().__init__(parent)
        self.vault, self.library, self.group = vault, library, group
        self.saved_group = None
        self.setModal(True)
        self.protocols = sorted((p for p in library.protocols() if p.group is not None),
                                key=lambda p: p.name.get(ui_language()))
        self.heading = title()
        self.name = line_edit(max_length=100)
        self.name_field = Field(self.name)
        self.method = QComboBox()
        self.method_field = Field(self.method)
        self.format = QComboBox()
        self.format_field = Field(self.format)
        self.leader1 = line_edit(max_length=100)
        self.leader1_field = Field(self.leader1)
        self.leader2 = line_edit(max_length=100)
        self.leader2_field = Field(self.leader2)
        self.first_date = line_edit(max_length=10)
        self.first_date_field = Field(self.first_date)
        self.sessions = QSpinBox()
        self.sessions_field = Field(self.sessions)
        self.parent_meetings = QSpinBox()
        self.parent_meetings.setRange(0, 20)
        self.parent_meetings_field = Field(self.parent_meetings)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        # One field a row (a method's name is long, and so are the labels in Swedish at a large text size).
        body = QVBoxLayout()
        body.addWidget(self.name_field)
        if group is None:
            body.addWidget(self.method_field)
            body.addWidget(self.format_field)
        body.addWidget(self.leader1_field)
        body.addWidget(self.leader2_field)
        if group is None:
            plan = Columns(spacing=2 * GRID)
            plan.add(self.first_date_field, 1)
            plan.add(self.sessions_field, 1)
            plan.add(self.parent_meetings_field, 1)
            body.addWidget(plan)
        body.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=80 * GRID)
        for protocol in self.protocols:
            self.method.addItem("", protocol.id)
        if group is not None:
            self.name.setText(group.name)
            self.leader1.setText(group.leaders[0] if group.leaders else "")
            self.leader2.setText(group.leaders[1] if len(group.leaders) > 1 else "")
        else:
            self.leader1.setText(vault.actor.name)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        self._method_changed()
        self.name.setFocus()

    def current_protocol(self):
        index = self.method.currentIndex()
        return self.protocols[index] if 0 <= index < len(self.protocols) else None

    def retranslate(self) -> None:
        language = ui_language()
        new = self.group is None
        self.setWindowTitle(self.tr("New group") if new else self.tr("The group's name and leaders"))
        self.heading.setText(self.windowTitle())
        self.name_field.set_text(self.tr("&Name"), self.tr("For example the method, the place and the term. "
                                                           "No client's name."))
        self.method_field.set_text(self.tr("&Method"))
        for index, protocol in enumerate(self.protocols):
            self.method.setItemText(index, protocol.short_name.get(language))  # fits at a large text size
        self.format_field.set_text(self.tr("&Format"))
        self._fill_formats()
        self.leader1_field.set_text(self.tr("&Leader"))
        self.leader2_field.set_text(self.tr("&Second leader (optional)"),
                                    self.tr("A colleague's name: the group stays in your Askel."))
        self.first_date_field.set_text(self.tr("&First session"), self.tr("Day.month.year; then weekly. Leave "
                                                                          "empty to set the dates later."))
        self.sessions_field.set_text(self.tr("Group &sessions"))
        self.parent_meetings_field.set_text(self.tr("&Parents' meetings"))
        self.save_button.setText(self.tr("Create the group") if new else self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_formats(self) -> None:
        protocol = self.current_protocol()
        current = self.format.currentData()
        self.format.blockSignals(True)
        self.format.clear()
        for group_format in protocol.group.formats if protocol else ():
            self.format.addItem(format_name(group_format, protocol.audience), group_format)
        self.format.setCurrentIndex(max(self.format.findData(current), 0))
        self.format.blockSignals(False)

    def _method_changed(self, *_args) -> None:
        protocol = self.current_protocol()
        self._fill_formats()
        if protocol is not None:
            count = protocol.group.session_count
            self.sessions.setRange(count.min, count.max)
            self.sessions.setValue(count.planned)
            self.sessions.setEnabled(count.min != count.max)
        self._format_changed()

    def _format_changed(self, *_args) -> None:
        protocol = self.current_protocol()
        plan = protocol.group.parent_meetings if protocol else None
        # Parents meet apart only beside a group of the clients themselves; together, they are in every session.
        self.parent_meetings.setValue(plan.count if plan and self.format.currentData() == "client_group" else 0)

    def save(self) -> None:
        leaders = [self.leader1.text(), self.leader2.text()]
        self.leader1_field.set_error("" if self.leader1.text().strip() else self.tr("Name at least one leader."))
        if self.leader1_field.has_error():
            return
        self.name_field.set_error("")
        try:
            if self.group is not None:
                self.saved_group = update_group(self.vault, self.group.id, name=self.name.text(), leaders=leaders)
            else:
                ok, first = date_text_or_none(self.first_date_field, self.first_date.text())
                protocol = self.current_protocol()
                if not ok or protocol is None:
                    return
                self.saved_group = create_group(
                    self.vault, protocol, name=self.name.text(), group_format=self.format.currentData(),
                    leaders=leaders, first_date=first, planned_sessions=self.sessions.value(),
                    parent_meetings=self.parent_meetings.value())
        except GroupError as error:
            self.name_field.set_error(group_error_text(error))
            return
        self.accept()


# -- joining and leaving -------------------------------------------------------------------------------------------
class AddMemberDialog(QDialog):
    """Find a client and make them a member: a waiting course of the method is used, else one is started. After the
    group has met, the reason for joining late is asked."""

    def __init__(self, vault, group, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.vault, self.group = vault, group
        self.today = today or date.today()
        self.added = None
        self.late = sessions_started(group) > 0
        self.setModal(True)
        self.heading = title()
        self.search = line_edit()
        self.search_field = Field(self.search)
        self.results = QListWidget()
        self.results.setMinimumHeight(20 * GRID)
        self.joined = line_edit(max_length=10)
        self.joined.setText(format_date(self.today))
        self.joined_field = Field(self.joined)
        self.need = line_edit(max_length=10)
        self.need_field = Field(self.need)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(8 * GRID)
        self.reason_field = Field(self.reason)
        self.reason_field.setVisible(self.late)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        body = QVBoxLayout()
        body.addWidget(self.search_field)
        body.addWidget(self.results)
        dates = Columns(spacing=2 * GRID)
        dates.add(self.joined_field, 1)
        dates.add(self.need_field, 1)
        body.addWidget(dates)
        body.addWidget(self.reason_field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=72 * GRID)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._first_result)
        self.results.itemActivated.connect(lambda _item: self.save())
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        self.search.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a member"))
        self.heading.setText(self.tr("Add a member to {group}").format(group=self.group.name))
        self.search_field.set_text(self.tr("&Client"), self.tr("Search by name, identity code or birth date. A "
                                                               "new client is added on the client list first."))
        self.results.setAccessibleName(self.tr("Clients found"))
        self.joined_field.set_text(self.tr("&Joined on"))
        self.need_field.set_text(self.tr("&Need established (therapy guarantee)"),
                                 self.tr("When the client has no waiting course of the method. Leave empty if "
                                         "not recorded."))
        self.reason_field.set_text(self.tr("&Why the client joins late"),
                                   self.tr("The group has already met; the reason goes into the client's record."))
        self.save_button.setText(self.tr("Add to the group"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _search(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            return
        for client in search_clients(self.vault, text, limit=20):
            item = QListWidgetItem(f"{client.display_name} · {format_date(client.birth_date)}")
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _first_result(self) -> None:
        if self.results.count():
            self.results.setFocus()

    def save(self) -> None:
        item = self.results.currentItem()
        self.search_field.set_error("" if item is not None else self.tr("Choose the client from the list."))
        if item is None:
            return
        ok_joined, joined = date_text_or_none(self.joined_field, self.joined.text(), required=True)
        ok_need, need = date_text_or_none(self.need_field, self.need.text())
        if not (ok_joined and ok_need):
            return
        if need is not None and need > self.today:
            self.need_field.set_error(self.tr("The date cannot be in the future."))
            return
        self.reason_field.set_error("")
        try:
            self.added = add_member(self.vault, self.group.id, item.data(Qt.ItemDataRole.UserRole), joined=joined,
                                    join_reason=self.reason.toPlainText().strip()[:2000], need_established=need)
        except GroupError as error:
            target = self.reason_field if error.reason == "late_reason" else self.search_field
            target.set_error(group_error_text(error))
            return
        self.accept()


class LeaveGroupDialog(QDialog):
    """A member leaves the group: the day and the reason; the member's course ends as interrupted."""

    def __init__(self, vault, course, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.vault, self.course = vault, course
        self.today = today or date.today()
        self.setModal(True)
        self.heading = title()
        self.intro = caption()
        self.left = line_edit(max_length=10)
        self.left.setText(format_date(self.today))
        self.left_field = Field(self.left)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(8 * GRID)
        self.reason_field = Field(self.reason)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        body = QVBoxLayout()
        body.addWidget(self.intro)
        body.addWidget(self.left_field)
        body.addWidget(self.reason_field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=64 * GRID)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        client = course.client
        self.setWindowTitle(self.tr("Leaving the group"))
        self.heading.setText(self.tr("{name} leaves the group").format(
            name=f"{client.given_names} {client.family_name}"))
        self.intro.setText(self.tr("The client's course in the group ends as interrupted on this day, with the "
                                   "reason as its end reason. The client's record and scores stay as they are."))
        self.left_field.set_text(self.tr("&Left on"))
        self.reason_field.set_text(self.tr("&Why"))
        self.save_button.setText(self.tr("Record leaving"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.reason.setFocus()

    def save(self) -> None:
        ok, left = date_text_or_none(self.left_field, self.left.text(), required=True)
        if not ok:
            return
        self.reason_field.set_error("")
        try:
            leave_group(self.vault, self.course.id, left=left, reason=self.reason.toPlainText().strip()[:2000])
        except GroupError as error:
            self.reason_field.set_error(group_error_text(error))
            return
        self.accept()


class MeetingDateDialog(QDialog):
    """The planned day of a meeting not yet started."""

    def __init__(self, vault, meeting, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.meeting = vault, meeting
        self.setModal(True)
        self.heading = title(label)
        self.day = line_edit(max_length=10)
        self.day.setText(format_date(meeting.planned_date))
        self.day_field = Field(self.day)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        body = QVBoxLayout()
        body.addWidget(self.day_field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=48 * GRID)
        self.setWindowTitle(self.tr("Planned day"))
        self.day_field.set_text(self.tr("&Planned day"), self.tr("Day.month.year; empty when not yet decided."))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.day.setFocus()

    def save(self) -> None:
        ok, day = date_text_or_none(self.day_field, self.day.text())
        if not ok:
            return
        try:
            reschedule(self.vault, self.meeting.id, day)
        except GroupError as error:
            self.day_field.set_error(group_error_text(error))
            return
        self.accept()


# -- one group ---------------------------------------------------------------------------------------------------
class _ListModel(QAbstractTableModel):
    """A read-only table of prepared rows: (cells, user data)."""

    def __init__(self, headers, parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[tuple[str, ...], object]] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cells, user = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return user
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped text measured in the width the text gets: the theme pads a cell by 8 px at each
    side, which Qt's own measure leaves out (a last line would be cut off with "…")."""

    PADDING = 8

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -2 * self.PADDING, 0)
        hint = super().sizeHint(narrower, index)
        return QSize(hint.width() + 2 * self.PADDING, hint.height() + self.PADDING)


def share_widths(total: int, shares, minimums) -> list[int]:
    """Column widths: each column its share of `total`, never less than its minimum (its heading, or a date that
    must not wrap); what a column needs beyond its share comes out of the others, in proportion to their shares."""
    fixed: set[int] = set()
    while True:
        free = total - sum(minimums[i] for i in fixed)
        open_share = sum(share for i, share in enumerate(shares) if i not in fixed)
        short = {i for i, share in enumerate(shares) if i not in fixed and free * share / open_share < minimums[i]}
        if not short:
            return [minimums[i] if i in fixed else int(free * shares[i] / open_share) for i in range(len(shares))]
        fixed |= short


def fit_columns(table, shares, whole=()) -> None:
    """Give each column of `table` its share of the width (`share_widths`): every heading whole, and the columns
    in `whole` (a date, a count) as wide as their text, which does not wrap."""
    header = table.horizontalHeader()
    minimums = [max(header.sectionSizeHint(c), table.sizeHintForColumn(c) if c in whole else 0)
                for c in range(len(shares))]
    for column, width in enumerate(share_widths(table.viewport().width(), shares, minimums)):
        table.setColumnWidth(column, width)


class _FitTable(QTableView):
    """A table as tall as its rows (the page scrolls, not the table: a group's lists are short), each column its
    share of the width (`fit_columns`), the text wrapping when the room is short (a large text size)."""

    def __init__(self, shares: tuple[float, ...], whole: tuple[int, ...] = ()):
        super().__init__()
        self.shares, self.whole = shares, whole
        self.setItemDelegate(WrappingDelegate(self))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        fit_columns(self, self.shares, self.whole)
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        rows = sum(self.rowHeight(row) for row in range(self.model().rowCount()))
        hint.setHeight(self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + 2)
        return hint

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return self.sizeHint()


def _table(model, shares: tuple[float, ...], whole: tuple[int, ...] = ()) -> QTableView:
    table = _FitTable(shares, whole)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    tab_leaves(table)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


class GroupPage(QWidget):
    """One group: who leads it, its meetings with their days and attendance, its members and how they joined."""

    back_requested = Signal()
    meeting_requested = Signal(str)  # start or continue this meeting
    course_requested = Signal(str)  # a member's course
    changed = Signal()  # something was saved: the page is rebuilt from the database

    def __init__(self, vault, library, group, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        styled_page(self)
        self.vault, self.library, self.group = vault, library, group
        self.today = today or date.today()
        self.protocol = protocol_of(library, group.method_id, group.protocol_version)
        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.heading = title()
        self.summary = caption()
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.hide()
        self.session_button = QPushButton()
        self.session_button.setObjectName("primary")
        self.session_button.setToolTip("Ctrl+Return")
        self.edit_button = QPushButton()
        self.meetings_title = QLabel()
        self.meetings_title.setObjectName("section")
        self.meetings_model = _ListModel(lambda: (self.tr("Meeting"), self.tr("Planned"), self.tr("State")), self)
        self.meetings = _table(self.meetings_model, (0.36, 0.22, 0.42), whole=(1,))
        self.open_meeting_button = QPushButton()
        self.date_button = QPushButton()
        self.parent_meeting_button = QPushButton()
        self.members_title = QLabel()
        self.members_title.setObjectName("section")
        self.members_model = _ListModel(lambda: (self.tr("Name"), self.tr("Joined"), self.tr("Attended"),
                                                 self.tr("State")), self)
        self.members = _table(self.members_model, (0.3, 0.15, 0.1, 0.45), whole=(1, 2))
        self.add_button = QPushButton()
        self.leave_button = QPushButton()
        self.course_button = QPushButton()

        meetings_card = Card()
        meetings_card.body.addWidget(self.meetings_title)
        meetings_card.body.addWidget(self.meetings)
        meeting_actions = FlowLayout()
        for button in (self.open_meeting_button, self.date_button, self.parent_meeting_button):
            meeting_actions.addWidget(button)
        meetings_card.body.addLayout(meeting_actions)
        members_card = Card()
        members_card.body.addWidget(self.members_title)
        members_card.body.addWidget(self.members)
        member_actions = FlowLayout()
        for button in (self.add_button, self.course_button, self.leave_button):
            member_actions.addWidget(button)
        members_card.body.addLayout(member_actions)
        actions = FlowLayout()
        actions.addWidget(self.session_button)
        actions.addWidget(self.edit_button)
        # One column that scrolls as a whole: the lists are as long as they are, at any text size.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(members_card)
        layout.addWidget(meetings_card)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))

        self.back_button.clicked.connect(self.back_requested.emit)
        self.session_button.clicked.connect(self._session_clicked)
        self.edit_button.clicked.connect(self.edit_group)
        self.open_meeting_button.clicked.connect(self._open_selected_meeting)
        self.meetings.activated.connect(lambda _index: self._open_selected_meeting())
        self.date_button.clicked.connect(self.change_date)
        self.parent_meeting_button.clicked.connect(self.add_parent_meeting)
        self.add_button.clicked.connect(self.add_member)
        self.leave_button.clicked.connect(self.member_leaves)
        self.course_button.clicked.connect(self._open_selected_course)
        self.members.activated.connect(lambda _index: self._open_selected_course())
        self.retranslate()

    # -- facts -----------------------------------------------------------------------------------------------------
    def sorted_meetings(self) -> list:
        """Group sessions in order, each parents' meeting by its day among them (undated ones last)."""
        def key(meeting):
            day = meeting.starts_at.date() if meeting.starts_at else meeting.planned_date
            return (day is None, day or date.max, meeting.kind != METHOD_SESSION, meeting.number)
        return sorted(self.group.meetings, key=key)

    def next_session(self):
        """The group session to start or continue: an open one, else the first not yet started."""
        sessions = sorted((m for m in self.group.meetings if m.kind == METHOD_SESSION), key=lambda m: m.number)
        return next((m for m in sessions if m.starts_at is not None and not m.closed), None) or next(
            (m for m in sessions if m.starts_at is None), None)

    def member_courses(self) -> list:
        return sorted(self.group.courses, key=lambda c: (c.group_joined or date.min, member_order(c)))

    # -- text ------------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        group, language = self.group, ui_language()
        self.back_button.setText(self.tr("← Groups"))
        self.heading.setText(group.name)
        method = self.protocol.name.get(language) if self.protocol else group.method_id
        leaders = ", ".join(group.leaders)
        self.summary.setText(" · ".join((method, format_name(group.format, self.protocol.audience if self.protocol
                                                             else None),
                                         self.tr("leaders: {names}").format(names=leaders))))
        upcoming = self.next_session()
        if upcoming is None:
            self.session_button.hide()
        else:
            self.session_button.show()
            key = "Continue" if upcoming.starts_at is not None else "Start"
            name = meeting_name(upcoming.kind, upcoming.number, group.planned_sessions)
            self.session_button.setText(self.tr("Continue: {meeting}").format(meeting=name) if key == "Continue"
                                        else self.tr("Start: {meeting}").format(meeting=name))
        self.edit_button.setText(self.tr("Name and leaders…"))
        self.meetings_title.setText(self.tr("Meetings"))
        self.meetings.setAccessibleName(self.tr("Meetings"))
        self.open_meeting_button.setText(self.tr("Open the meeting"))
        self.date_button.setText(self.tr("Change the day…"))
        self.parent_meeting_button.setText(self.tr("Add a parents' meeting"))
        self.members_title.setText(self.tr("Members"))
        self.members.setAccessibleName(self.tr("Members"))
        self.add_button.setText(self.tr("Add a member…"))
        self.course_button.setText(self.tr("Open the member's course"))
        self.leave_button.setText(self.tr("Member leaves…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill(self) -> None:
        members = self.group.courses
        handed = getattr(self.group, "handed_over", set())
        rows = []
        for meeting in self.sorted_meetings():
            name = meeting_name(meeting.kind, meeting.number, self.group.planned_sessions)
            sessions = [s for c in members for s in c.sessions if s.group_meeting_id == meeting.id]
            if meeting.closed:
                came = sum(1 for s in sessions if s.attendance == "attended")
                state = self.tr("held {date}: {came} of {members} came").format(
                    date=format_date(meeting.starts_at), came=came, members=len(sessions))
            elif meeting.starts_at is not None:
                marked = sum(1 for s in sessions if is_marked(s))
                state = self.tr("in progress, attendance marked {marked} of {members}").format(
                    marked=marked, members=len(sessions))
            else:
                state = self.tr("planned")
            rows.append(((name, format_date(meeting.planned_date), state), meeting.id))
        self.meetings_model.set_rows(rows)
        rows = []
        for course in self.member_courses():
            client = course.client
            held = [s for s in course.sessions if s.group_meeting_id is not None and s.kind == METHOD_SESSION
                    and s.closed]
            came = sum(1 for s in held if s.attendance == "attended")
            if course.id in handed:
                state = self.tr("handed over")
            elif course.status == "interrupted":
                state = self.tr("left {date}: {reason}").format(date=format_date(course.end_date),
                                                                reason=(course.end_reason or "").strip())
            elif course.status == "completed":
                state = self.tr("completed {date}").format(date=format_date(course.end_date))
            elif course.group_join_reason:
                state = self.tr("joined late: {reason}").format(reason=course.group_join_reason.strip())
            else:
                state = self.tr("member")
            rows.append(((f"{client.given_names} {client.family_name}", format_date(course.group_joined),
                          f"{came} / {len(held)}", state), course.id))
        self.members_model.set_rows(rows)
        self.members.fit()
        self.meetings.fit()
        has_members = bool(rows)
        self.course_button.setEnabled(has_members)
        self.leave_button.setEnabled(has_members)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- actions ---------------------------------------------------------------------------------------------------
    def selected(self, table: QTableView):
        rows = table.selectionModel().selectedRows()
        return table.model().data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def _session_clicked(self) -> None:
        meeting = self.next_session()
        if meeting is not None:
            self.meeting_requested.emit(meeting.id)

    def _open_selected_meeting(self) -> None:
        meeting_id = self.selected(self.meetings)
        meeting = next((m for m in self.group.meetings if m.id == meeting_id), None)
        if meeting is None:
            self.show_message(self.tr("Choose a meeting in the list first."))
        elif meeting.closed:
            self.show_message(self.tr("This meeting was held and closed; each member's record has it."))
        else:
            self.meeting_requested.emit(meeting.id)

    def _open_selected_course(self) -> None:
        course_id = self.selected(self.members)
        if course_id is None:
            self.show_message(self.tr("Choose a member in the list first."))
        else:
            self.course_requested.emit(course_id)

    def edit_group(self) -> None:
        if GroupDialog(self.vault, self.library, self, group=self.group).exec():
            self.changed.emit()

    def change_date(self) -> None:
        meeting_id = self.selected(self.meetings)
        meeting = next((m for m in self.group.meetings if m.id == meeting_id), None)
        if meeting is None:
            self.show_message(self.tr("Choose a meeting in the list first."))
            return
        if meeting.starts_at is not None:
            self.show_message(group_error_text(GroupError("already_started")))
            return
        label = meeting_name(meeting.kind, meeting.number, self.group.planned_sessions)
        if MeetingDateDialog(self.vault, meeting, label, self).exec():
            self.changed.emit()

    def add_parent_meeting(self) -> None:
        add_parent_meeting(self.vault, self.group.id, None)
        self.changed.emit()

    def add_member(self) -> None:
        if AddMemberDialog(self.vault, self.group, self, today=self.today).exec():
            self.changed.emit()

    def member_leaves(self) -> None:
        course_id = self.selected(self.members)
        course = next((c for c in self.group.courses if c.id == course_id), None)
        if course is None:
            self.show_message(self.tr("Choose a member in the list first."))
            return
        if course.status not in ("planned", "active") or course.id in getattr(self.group, "handed_over", set()):
            self.show_message(self.tr("This member's course has already ended."))
            return
        if LeaveGroupDialog(self.vault, course, self, today=self.today).exec():
            self.changed.emit()
