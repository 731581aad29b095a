"""The therapy guarantee list: clients under 23 still waiting for their first treatment session."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from askel.core.content.guarantee import age_on, guarantee_status
from askel.core.content.library import ContentNotFound
from askel.store.courses import waiting_courses
from askel.ui.i18n import format_date, ui_language
from askel.ui.theme import GRID, colours, styled_page
from askel.ui.widgets import lead, tab_leaves, title

NO_PARENT = QModelIndex()


def guarantee_rows(vault, today: date):
    """(course, status) for every waiting client the guarantee applies to, longest wait first."""
    rows = []
    for course in waiting_courses(vault):
        client = course.client
        if client.birth_date > course.need_established or course.need_established > today:
            continue
        status = guarantee_status(client.birth_date, course.need_established, None, today)
        if status.applies:
            rows.append((course, status))
    return sorted(rows, key=lambda row: -row[1].days)


class GuaranteeModel(QAbstractTableModel):
    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.rows = []
        self.today = date.today()

    def set_rows(self, rows, today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Client"), self.tr("Age"), self.tr("Method"), self.tr("Need established"),
                    self.tr("Days waited"), self.tr("State"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        course, status = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            client = course.client
            column = index.column()
            if column == 0:
                return client.display_name
            if column == 1:
                return str(age_on(client.birth_date, self.today))
            if column == 2:
                try:
                    return self.library.protocol(course.method_id, course.protocol_version).short_name.get(
                        ui_language())
                except ContentNotFound:
                    return course.method_id
            if column == 3:
                return format_date(course.need_established)
            if column == 4:
                return str(status.days)
            return {"on_time": self.tr("On time"), "at_risk": self.tr("At risk"),
                    "overdue": self.tr("Overdue")}[status.state]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 5:
            return QBrush(QColor(getattr(colours(), status.state)))  # on_time, at_risk, overdue
        if role == Qt.ItemDataRole.UserRole:
            return course.id
        return None


class GuaranteePage(QWidget):
    course_requested = Signal(str)

    def __init__(self, vault, library, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self)
        self.vault = vault
        self.heading = title()
        self.explanation = lead()
        self.model = GuaranteeModel(library, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tab_leaves(self.table)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(4 * GRID + GRID // 2)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setObjectName("section")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.table.activated.connect(
            lambda index: self.course_requested.emit(self.model.data(index, Qt.ItemDataRole.UserRole)))
        self.retranslate()
        # Filled by refresh() when the page is opened: at start-up nobody is looking at it yet.

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        self.model.set_rows(guarantee_rows(self.vault, today), today)
        self.table.setVisible(bool(self.model.rows))
        self.empty.setVisible(not self.model.rows)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Therapy guarantee"))
        self.explanation.setText(self.tr(
            "Clients under 23 whose need for treatment has been established and who have not yet had their first "
            "treatment session. Treatment must start within 28 days; from day 21 the wait is at risk."))
        self.empty.setText(self.tr("Nobody under 23 is waiting for a first session."))
        self.table.setAccessibleName(self.tr("Therapy guarantee"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
