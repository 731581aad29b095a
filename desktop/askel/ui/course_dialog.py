"""Start a course of treatment: a method suited to the client's age, its session plan, the essentials."""

from __future__ import annotations

import html
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
from askel.core.content.guarantee import DEFAULT_RULES, age_on
from askel.store.clinician import is_trained, my_methods
from askel.store.courses import record_guarantee_exception, start_course
from askel.ui.i18n import translate
from askel.ui.theme import GRID
from askel.ui.widgets import Card, Columns, Field, caption, dialog_layout, line_edit, title


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
        self.adult = age >= 18
        self.my_methods = my_methods(vault)
        # Methods the clinician is trained in come first; the others stay available but are marked.
        self.protocols = sorted(
            (p for p in library.protocols() if suits_age(p, age)),
            key=lambda p: (not is_trained(self.my_methods, p.id), p.name.get(language)),
        )
        self.heading = title()
        self.intro = caption()
        self.methods = QListWidget()
        self.methods.setFixedWidth(40 * GRID)
        self.methods.setWordWrap(True)
        self.methods.setTextElideMode(Qt.TextElideMode.ElideNone)  # a long method name wraps, never "…"
        self.methods.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for protocol in self.protocols:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, protocol.id)
            self.methods.addItem(item)
        self.methods_label = QLabel()
        self.methods_label.setObjectName("section")
        self.methods_label.setBuddy(self.methods)

        self.plan_title = QLabel()
        self.plan_title.setObjectName("section")
        self.plan_title.setWordWrap(True)  # a long method name must not widen the panel (the columns would jump)
        self.description = caption()
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        # A self-help programme's public page, when a content pack fills in the link (none ship empty).
        self.link = caption()
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)
        # Never prefilled: the therapy guarantee counts from the day the clinician established the need.
        self.need = line_edit(max_length=10)
        self.need_field = Field(self.need)
        self.guarantee_age = age < DEFAULT_RULES.age_limit
        self.sessions = QSpinBox()
        self.sessions_field = Field(self.sessions)
        self.focus = QComboBox()
        self.focus_field = Field(self.focus)
        self.icd10 = line_edit(max_length=8)
        self.icd10_field = Field(self.icd10)
        self.care_step = QComboBox()
        self.care_step_field = Field(self.care_step)
        self.referral = QComboBox()
        self.referral_field = Field(self.referral)
        self.referral_reference = line_edit(max_length=64)
        self.referral_reference_field = Field(self.referral_reference)
        self.dependants = QComboBox()
        self.dependants_field = Field(self.dependants)
        self.training_note = QLabel()
        self.training_note.setObjectName("notice")
        self.training_note.setWordWrap(True)
        self.goal = QPlainTextEdit()
        self.goal.setTabChangesFocus(True)  # Tab moves on to the buttons instead of typing a tab character
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
        details.body.addWidget(self.link)
        # Rows of fields side by side, one under another when the text is large.
        for fields in (((self.need_field, 0), (self.sessions_field, 0)),
                       ((self.focus_field, 2), (self.icd10_field, 1)),
                       ((self.care_step_field, 1), (self.referral_field, 1), (self.referral_reference_field, 1))):
            row = Columns(spacing=2 * GRID)
            for field, stretch in fields:
                row.add(field, stretch)
            details.body.addWidget(row)
        details.body.addWidget(self.dependants_field)
        details.body.addWidget(self.goal_field)
        details.body.addStretch()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.methods_label)
        left_layout.addWidget(self.methods, 1)
        columns = Columns()
        columns.add(left, 0)
        columns.add(details, 1)
        body = QVBoxLayout()
        body.addWidget(self.intro)
        body.addWidget(self.training_note)
        body.addWidget(columns, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons)

        # The choices never set the dialog's width: whatever the method, the columns stay as they are (a long focus
        # area or referral shows in full in the open list).
        for combo in (self.focus, self.care_step, self.referral, self.dependants):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
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
        if self.guarantee_age:
            self.need_field.set_text(self.tr("&Need established"), self.tr(
                "Day.month.year: the day you established the need for this treatment. The therapy guarantee's 28 "
                "days count from it."), required=True)
        else:
            self.need_field.set_text(self.tr("&Need established (optional)"), self.tr("Day.month.year"))
        self.sessions_field.set_text(self.tr("&Planned sessions"))
        self.focus_field.set_text(self.tr("&Focus area"))
        self.icd10_field.set_text(self.tr("&ICD-10 (optional)"), self.tr("For example F32.1"))
        self.goal_field.set_text(self.tr("&Goal agreed with the client (optional)"))
        language = self.language
        for row, protocol in enumerate(self.protocols):
            name = protocol.name.get(language)
            if not is_trained(self.my_methods, protocol.id):
                name = self.tr("{method} (not trained)").format(method=name)  # the notice says what to do
            self.methods.item(row).setText(name)
        self.care_step_field.set_text(self.tr("Step of care"), self.tr("Your decision, not a score rule."))
        _fill(self.care_step, [(None, self.tr("Not recorded")), (1, self.tr("1 Guided self-help")),
                               (2, self.tr("2 Brief therapy")), (3, self.tr("3 Short psychotherapy")),
                               (4, self.tr("4 Long or specialised care"))])
        self.referral_field.set_text(self.tr("How the client came"))
        _fill(self.referral, [(None, self.tr("Not recorded")), ("first_assessment", self.tr("First assessment visit")),
                              ("terapianavigaattori", self.tr("Terapianavigaattori")), ("school", self.tr("School")),
                              ("self_referral", self.tr("Self-referral")), ("other", self.tr("Other"))])
        self.referral_reference_field.set_text(self.tr("Reference (optional)"), self.tr("E.g. a navigator code"))
        self.dependants_field.set_text(
            self.tr("Does the client have children under 18 or other dependants?"),
            self.tr("If yes, each session gets a checklist item to discuss the children's situation and support."))
        _fill(self.dependants, [(None, self.tr("Not asked yet")), (True, self.tr("Yes")), (False, self.tr("No"))])
        self.dependants_field.setVisible(self.adult)
        self.save_button.setText(self.tr("Start course"))
        self.cancel_button.setText(self.tr("Cancel"))
        if not self.protocols:
            self.error.setText(self.tr("No method in the content suits this client's age."))
        self._method_changed(self.methods.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_training_note(self) -> None:
        protocol = self.current_protocol()
        untrained = protocol is not None and not is_trained(self.my_methods, protocol.id)
        self.training_note.setText(self.tr("You have not recorded training in this method. Consult your mentor "
                                           "before starting, or record your training under My methods."))
        self.training_note.setVisible(untrained)

    def current_protocol(self):
        row = self.methods.currentRow()
        return self.protocols[row] if 0 <= row < len(self.protocols) else None

    def _method_changed(self, _row: int) -> None:
        protocol = self.current_protocol()
        self.save_button.setEnabled(protocol is not None)
        self._show_training_note()
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
        link = protocol.mielenterveystalo
        if link.url:
            title = link.title.get(language) if link.title else link.url
            self.link.setText(f'<a href="{html.escape(link.url)}">{html.escape(title)}</a>')
        self.link.setVisible(bool(link.url))
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
        need = None
        self.need_field.set_error("")
        if not self.need.text().strip():
            if self.guarantee_age:
                self.need_field.set_error(self.tr("Enter the day the need for treatment was established: the therapy "
                                                  "guarantee counts from it."))
                problems = True
        else:
            try:
                need = validation.parse_date(self.need.text())
            except validation.ValidationError as error:
                self.need_field.set_error(translate(error.message))
                problems = True
            else:
                if need > self.today:
                    self.need_field.set_error(self.tr("The date cannot be in the future."))
                    problems = True
                elif need < self.client.birth_date:
                    self.need_field.set_error(self.tr("The date is before the client's birth date."))
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
            goal=goal or None, care_step=self.care_step.currentData(), referral_source=self.referral.currentData(),
            referral_reference=self.referral_reference.text().strip() or None,
            has_dependants=self.dependants.currentData() if self.adult else None,
        )
        self.accept()


def _fill(combo: QComboBox, choices: list[tuple[object, str]]) -> None:
    """Refill a combo box with (data, text) pairs, keeping the current choice across a language change."""
    current = combo.currentIndex()
    combo.clear()
    for data, text in choices:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(current, 0))


class GuaranteeExceptionDialog(QDialog):
    """Record, change or withdraw a therapy-guarantee exception: the law's medical, treatment-related or other
    comparable reasons, with the reason written out. Saved to the course and to the use log."""

    def __init__(self, vault, course, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.course = vault, course
        self.setModal(True)
        self.heading = title()
        self.intro = caption()
        self.reason = QComboBox()
        self.reason_field = Field(self.reason)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(10 * GRID)
        self.note.setTabChangesFocus(True)
        self.note.setPlainText(course.guarantee_exception_note or "")
        self.note_field = Field(self.note)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        body = QVBoxLayout()
        body.addWidget(self.intro)
        body.addWidget(self.reason_field)
        body.addWidget(self.note_field)
        body.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=70 * GRID)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        index = self.reason.findData(course.guarantee_exception)
        self.reason.setCurrentIndex(max(index, 0))
        self.reason.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Therapy guarantee exception"))
        self.heading.setText(self.tr("Therapy guarantee exception"))
        self.intro.setText(self.tr(
            "The first session of the method may start later than 28 days after the need was established when "
            "medical, treatment-related or other comparable reasons require it. Write down why; the exception is "
            "kept with the course and in the use log."))
        self.reason_field.set_text(self.tr("&Reason"))
        _fill(self.reason, [(None, self.tr("No exception")), ("medical", self.tr("Medical reasons")),
                            ("treatment", self.tr("Treatment-related reasons")),
                            ("other", self.tr("Other comparable reasons"))])
        self.note_field.set_text(self.tr("&Why (required for an exception)"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        reason = self.reason.currentData()
        try:
            note = validation.free_text(self.note.toPlainText(), validation.TEXT_LIMITS["free_text"])
        except validation.ValidationError as error:
            self.note_field.set_error(translate(error.message))
            return
        if reason is not None and not note:
            self.note_field.set_error(self.tr("Write down why the exception is needed."))
            return
        record_guarantee_exception(self.vault, self.course.id, reason, note if reason is not None else "")
        self.accept()
