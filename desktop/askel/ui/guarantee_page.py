"""The therapy guarantee list: clients under 23 still waiting for their first treatment session."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
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
    """(course, status) for every waiting client the guarantee applies to (under 23, a need from 1.5.2025 on, no
    session of the method attended yet; a phone call or other contact does not stop the clock): the fewest days
    left first, recorded exceptions last."""
    rows = []
    for course in waiting_courses(vault):
        client = course.client
        if client.birth_date > course.need_established or course.need_established > today:
            continue
        status = guarantee_status(client.birth_date, course.need_established, None, today,
                                  exception=course.guarantee_exception)
        if status.applies:
            rows.append((course, status))
    return sorted(rows, key=lambda row: (row[1].state == "exception", row[1].days_left or 0, -(row[1].days or 0)))


COLUMNS = 8


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
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Client"), self.tr("Age"), self.tr("Method"), self.tr("Need established"),
                    self.tr("Days waited"), self.tr("Days left"), self.tr("Deadline"), self.tr("State"))[section]
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
            if column == 5:
                if status.state == "exception":
                    return "–"
                return str(status.days_left) if status.days_left >= 0 else self.tr("{days} over").format(
                    days=-status.days_left)
            if column == 6:
                return format_date(status.deadline)
            return self.state_text(course, status)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == COLUMNS - 1 and status.state != "exception":
            return QBrush(QColor(getattr(colours(), status.state)))  # on_time, at_risk, overdue
        if role == Qt.ItemDataRole.UserRole:
            return course.id
        return None


    def state_text(self, course, status) -> str:
        if status.state == "exception":
            return self.tr("Exception: {reason}").format(reason=exception_reason(course.guarantee_exception))
        return {"on_time": self.tr("On time"), "at_risk": self.tr("At risk"),
                "overdue": self.tr("Overdue")}[status.state]


def exception_reason(reason: str | None) -> str:
    """The law's grounds for an exception, in the UI language."""
    names = {"medical": QCoreApplication.translate("Guarantee", "medical reasons"),
             "treatment": QCoreApplication.translate("Guarantee", "treatment-related reasons"),
             "other": QCoreApplication.translate("Guarantee", "other comparable reasons")}
    return names.get(reason or "", reason or "")


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
        for column in range(1, COLUMNS):
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
            "Clients under 23 whose need for treatment was established on 1.5.2025 or later and who have not yet had "
            "their first session of the treatment method (a phone call or other contact does not count). Treatment "
            "must start within 28 days of the need date; from day 21 the wait is at risk. A recorded exception "
            "(medical, treatment-related or other comparable reasons) is listed last."))
        self.empty.setText(self.tr("Nobody under 23 is waiting for a first session."))
        self.table.setAccessibleName(self.tr("Therapy guarantee"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
