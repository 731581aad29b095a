"""Start a course of treatment: a method suited to the client's age, its session plan, the essentials."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.content.guarantee import age_on
from askel.store.courses import start_course
from askel.ui.i18n import format_date, translate
from askel.ui.theme import GRID
from askel.ui.widgets import Card, Field, caption, line_edit, title


def suits_age(protocol, age: int) -> bool:
    low, high = protocol.age.min_years, protocol.age.max_years
    return (low is None or age >= low) and (high is None or age <= high)


class CourseDialog(QDialog):
    def __init__(self, vault, library, client, language: str, parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.vault, self.library, self.client, self.language = vault, library, client, language
        self.today = today or date.today()
        self.created_course = None
        self.setModal(True)
        self.resize(110 * GRID, 90 * GRID)

        age = age_on(client.birth_date, self.today)
        self.protocols = sorted(
            (p for p in library.protocols() if suits_age(p, age)), key=lambda p: p.name.get(language)
        )
        self.heading = title()
        self.intro = caption()
        self.methods = QListWidget()
        self.methods.setFixedWidth(40 * GRID)
        self.methods.setWordWrap(True)
        self.methods.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for protocol in self.protocols:
            item = QListWidgetItem(protocol.name.get(language))
            item.setData(Qt.ItemDataRole.UserRole, protocol.id)
            self.methods.addItem(item)
        self.methods_label = QLabel()
        self.methods_label.setObjectName("section")
        self.methods_label.setBuddy(self.methods)

        self.plan_title = QLabel()
        self.plan_title.setObjectName("section")
        self.description = caption()
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        self.need = line_edit(max_length=10)
        self.need.setText(format_date(self.today))
        self.need_field = Field(self.need)
        self.sessions = QSpinBox()
        self.sessions_field = Field(self.sessions)
        self.focus = QComboBox()
        self.focus_field = Field(self.focus)
        self.icd10 = line_edit(max_length=8)
        self.icd10_field = Field(self.icd10)
        self.goal = QPlainTextEdit()
        self.goal.setFixedHeight(10 * GRID)
        self.goal_field = Field(self.goal)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)

        details = Card()
        details.body.addWidget(self.plan_title)
        details.body.addWidget(self.description)
        details.body.addWidget(self.plan)
        row = QHBoxLayout()
        row.setSpacing(2 * GRID)
        row.addWidget(self.need_field)
        row.addWidget(self.sessions_field)
        details.body.addLayout(row)
        row = QHBoxLayout()
        row.setSpacing(2 * GRID)
        row.addWidget(self.focus_field, 2)
        row.addWidget(self.icd10_field, 1)
        details.body.addLayout(row)
        details.body.addWidget(self.goal_field)
        details.body.addStretch()

        left = QVBoxLayout()
        left.addWidget(self.methods_label)
        left.addWidget(self.methods, 1)
        columns = QHBoxLayout()
        columns.setSpacing(3 * GRID)
        columns.addLayout(left)
        columns.addWidget(details, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

        self.methods.currentRowChanged.connect(self._method_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        if self.protocols:
            self.methods.setCurrentRow(0)
        self.methods.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start a course"))
        self.heading.setText(self.tr("Start a course for {name}").format(name=self.client.given_names))
        self.intro.setText(self.tr("Methods suited to the client's age ({age} years) are listed.")
                           .format(age=age_on(self.client.birth_date, self.today)))
        self.methods_label.setText(self.tr("&Method"))
        self.methods.setAccessibleName(self.tr("Method"))
        self.need_field.set_text(self.tr("&Need established"), self.tr("Day.month.year"))
        self.sessions_field.set_text(self.tr("&Planned sessions"))
        self.focus_field.set_text(self.tr("&Focus area"))
        self.icd10_field.set_text(self.tr("&ICD-10 (optional)"), self.tr("For example F32.1"))
        self.goal_field.set_text(self.tr("&Goal agreed with the client (optional)"))
        self.save_button.setText(self.tr("Start course"))
        self.cancel_button.setText(self.tr("Cancel"))
        if not self.protocols:
            self.error.setText(self.tr("No method in the content suits this client's age."))
        self._method_changed(self.methods.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_protocol(self):
        row = self.methods.currentRow()
        return self.protocols[row] if 0 <= row < len(self.protocols) else None

    def _method_changed(self, _row: int) -> None:
        protocol = self.current_protocol()
        self.save_button.setEnabled(protocol is not None)
        if protocol is None:
            return
        language = self.language
        count = protocol.session_count
        self.plan_title.setText(protocol.name.get(language))
        self.description.setText(protocol.description.get(language))
        self.sessions.setRange(count.min, count.max)
        self.sessions.setValue(count.planned)
        lines = []
        for number in range(1, count.planned + 1):
            template = protocol.session_template(number, count.planned)
            lines.append(f"<b>{number}.</b> {template.purpose.get(language)}")
        self.plan.setText("<br>".join(lines))
        self.focus.clear()
        self.focus_field.setVisible(bool(protocol.focus_areas))
        self.focus.addItem(self.tr("Not chosen yet"), None)
        for area in protocol.focus_areas:
            self.focus.addItem(area.name.get(language), area.id)

    def save(self) -> None:
        protocol = self.current_protocol()
        if protocol is None:
            return
        problems = False
        try:
            need = validation.parse_date(self.need.text())
            self.need_field.set_error("")
        except validation.ValidationError as error:
            self.need_field.set_error(translate(error.message))
            problems = True
        else:
            if need > self.today:
                self.need_field.set_error(self.tr("The date cannot be in the future."))
                problems = True
        icd10 = None
        if self.icd10.text().strip():
            try:
                icd10 = validation.icd10(self.icd10.text())
                self.icd10_field.set_error("")
            except validation.ValidationError as error:
                self.icd10_field.set_error(translate(error.message))
                problems = True
        try:
            goal = validation.free_text(self.goal.toPlainText(), validation.TEXT_LIMITS["goal"])
        except validation.ValidationError as error:
            self.goal_field.set_error(translate(error.message))
            problems = True
        if problems:
            return
        self.created_course = start_course(
            self.vault, self.client.id, protocol.id, protocol.version, status="planned", need_established=need,
            planned_sessions=self.sessions.value(), focus_area=self.focus.currentData(), icd10=icd10,
            goal=goal or None,
        )
        self.accept()
