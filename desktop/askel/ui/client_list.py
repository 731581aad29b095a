"""The client list: search as you type by name, identity code or birth date; Enter opens, Ctrl+N adds."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from askel.core.hetu import mask
from askel.store.clients import search_clients
from askel.ui.i18n import format_date
from askel.ui.roles import language_name
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import tab_leaves, title

NO_PARENT = QModelIndex()
SEARCH_DELAY_MS = 120  # wait for a pause in typing rather than querying on every keystroke


class ClientTableModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.clients = []

    def set_clients(self, clients) -> None:
        self.beginResetModel()
        self.clients = list(clients)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.clients)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Birth date"), self.tr("Identity code"), self.tr("Language"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        client = self.clients[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return client.display_name
            if column == 1:
                return format_date(client.birth_date)
            if column == 2:
                return mask(client.hetu) if client.hetu else client.local_id
            return language_name(client.language)
        if role == Qt.ItemDataRole.UserRole:
            return client.id
        return None


class ClientListPage(QWidget):
    open_requested = Signal(str)  # client id
    add_requested = Signal()
    session_requested = Signal(str, str)  # course id, session id: continue an unfinished session
    receive_requested = Signal()  # receive a client handed over by a colleague
    meeting_requested = Signal(str)  # meeting id: continue an unfinished group meeting

    def __init__(self, vault, parent: QWidget | None = None):
        """`vault` None: built ahead of the unlock (see Workspace.attach); the list fills once a vault is given."""
        super().__init__(parent)
        styled_page(self)
        self.vault = vault
        self.heading = title()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.add_button = QPushButton()
        self.add_button.setObjectName("primary")
        self.receive_button = QPushButton()
        self.model = ClientTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(4 * GRID + GRID // 2)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setAlternatingRowColors(True)
        # Every column as wide as what it shows (the names too: at a large text size a stretched name column was
        # squeezed to its first letters); the space left over goes to the last; too wide a table scrolls sideways.
        for column in range(ClientTableModel.COLUMNS):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # These columns hold codes and dates of one width: sizing them from the visible rows is enough, and asking
        # every one of 200 rows on each keystroke cost more than the search itself.
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        tab_leaves(self.table)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("section")
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)

        # Sessions left open (a crash, a power cut, or simply not closed) are offered back here.
        self.unfinished = QVBoxLayout()
        self.unfinished.setSpacing(GRID)
        self.unfinished_sessions = []
        self.unfinished_meetings = []

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.receive_button)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addLayout(top)
        layout.addLayout(self.unfinished)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self._open_first_or_selected)
        self.search.installEventFilter(self)
        self.table.activated.connect(lambda index: self.open_requested.emit(self.model.data(index, Qt.ItemDataRole.UserRole)))
        self.add_button.clicked.connect(self.add_requested.emit)
        self.receive_button.clicked.connect(self.receive_requested.emit)
        self.retranslate()
        if vault is not None:
            self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Clients"))
        self.search.setPlaceholderText(self.tr("Search by name, identity code or birth date"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.add_button.setText(self.tr("New client"))
        self.add_button.setToolTip(self.tr("Add a client (Ctrl+N)"))
        self.receive_button.setText(self.tr("Receive a handover…"))
        self.receive_button.setToolTip(self.tr("Receive a client that a colleague handed over from their Askel"))
        self.table.setAccessibleName(self.tr("Clients"))
        self._update_empty_text()
        self._fill_unfinished()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        # Down arrow from the search box moves into the results, as in any search field.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def show_unfinished_sessions(self, sessions, meetings=()) -> None:
        """Sessions left open, and group meetings left open (askel.store.groups.open_meetings)."""
        self.unfinished_sessions = list(sessions)
        self.unfinished_meetings = list(meetings)
        self._fill_unfinished()

    def _fill_unfinished(self) -> None:
        while self.unfinished.count():
            item = self.unfinished.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        notices = []
        for session in self.unfinished_sessions:
            client = session.course.client
            notices.append((self.tr("Unfinished session: {name}, session {number} started {date}. "
                                    "What was typed has been kept.").format(
                name=f"{client.given_names} {client.family_name}", number=session.number,
                date=format_date(session.starts_at)), lambda _=False, s=session: self._continue(s)))
        for meeting in self.unfinished_meetings:
            notices.append((self.tr("Unfinished group meeting: {group}, started {date}. What was typed has been "
                                    "kept.").format(group=meeting.group.name, date=format_date(meeting.starts_at)),
                            lambda _=False, m=meeting: self._continue_meeting(m)))
        for text, action in notices:
            notice = QLabel(text)
            notice.setWordWrap(True)
            button = QPushButton(self.tr("Continue"))
            button.clicked.connect(action)
            row = QWidget()
            row.setObjectName("noticeRow")
            row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            line = QHBoxLayout(row)
            line.setContentsMargins(2 * GRID, GRID, GRID, GRID)
            line.addWidget(notice, 1)
            line.addWidget(button)
            self.unfinished.addWidget(row)
        # Tab meets them where they are: after "New client", before the search (they are made after both).
        previous = self.add_button
        for index in range(self.unfinished.count()):
            button = self.unfinished.itemAt(index).widget().findChild(QPushButton)
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.search)
        QWidget.setTabOrder(self.search, self.table)

    def _continue_meeting(self, meeting) -> None:
        self.unfinished_meetings = [m for m in self.unfinished_meetings if m.id != meeting.id]
        self._fill_unfinished()
        self.meeting_requested.emit(meeting.id)

    def _continue(self, session) -> None:
        self.unfinished_sessions = [s for s in self.unfinished_sessions if s.id != session.id]
        self._fill_unfinished()
        self.session_requested.emit(session.course_id, session.id)

    def refresh(self) -> None:
        self.timer.stop()
        self.model.set_clients(search_clients(self.vault, self.search.text()))
        self._update_empty_text()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_empty_text(self) -> None:
        if self.model.rowCount():
            self.results.setCurrentWidget(self.table)
            return
        if self.search.text().strip():
            self.empty.setText(self.tr("No client matches “{query}”. Check the spelling, or add a new client.")
                               .format(query=self.search.text().strip()))
        else:
            self.empty.setText(self.tr("No clients yet. Add the first one with “New client”."))
        self.results.setCurrentWidget(self.empty)

    def _open_first_or_selected(self) -> None:
        if self.timer.isActive():
            self.refresh()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        if self.model.rowCount():
            self.open_requested.emit(self.model.clients[row].id)
