"""Finish a course: completed or interrupted, why, how useful the client found it, and the next step.

The first and last scores stand side by side with the outcome category; the next step is the clinician's
decision — Askel never proposes one from scores.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import (
    category_label,
    classify,
    is_finished,
    measure_words,
    not_finished_text,
    rules_text,
)
from askel.store.courses import attended_method_sessions, finish_course, first_and_last_scores
from askel.ui.i18n import format_number, translate, ui_language
from askel.ui.session_runner import LimitedTextEdit
from askel.ui.theme import GRID
from askel.ui.widgets import Card, Field, FlowLayout, caption, dialog_layout, title

NEXT_STEPS = ("none", "follow_up", "step_up", "specialised_care")


class FinishCourseDialog(QDialog):
    def __init__(self, vault, library, course, outcome_preset: str, parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.vault, self.library, self.course, self.preset = vault, library, course, outcome_preset
        self.today = today or date.today()
        self.finished_course = None
        self.setModal(True)

        self.heading = title()
        self.completed = QRadioButton()
        self.interrupted = QRadioButton()
        self.status_group = QButtonGroup(self)
        self.status_group.addButton(self.completed)
        self.status_group.addButton(self.interrupted)
        self.completed.setChecked(True)
        self.reason = LimitedTextEdit(validation.TEXT_LIMITS["free_text"])
        self.reason.setFixedHeight(9 * GRID)
        self.reason_field = Field(self.reason)
        self.usefulness_label = QLabel()
        self.usefulness_buttons = [QRadioButton() for _ in range(4)]
        self.usefulness_group = QButtonGroup(self)
        for value, button in enumerate(self.usefulness_buttons, start=1):
            self.usefulness_group.addButton(button, value)
        self.next_step = QComboBox()
        self.next_step_field = Field(self.next_step)
        for code in NEXT_STEPS:
            self.next_step.addItem("", code)

        self.scores_card = Card()
        self.scores_title = QLabel()
        self.scores_title.setObjectName("section")
        self.scores_grid = QGridLayout()
        self.scores_grid.setHorizontalSpacing(3 * GRID)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.scores_card.body.addWidget(self.scores_title)
        self.scores_card.body.addLayout(self.scores_grid)
        self.scores_card.body.addWidget(self.outcome)

        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        self.error = caption()

        status_row = QHBoxLayout()
        status_row.addWidget(self.completed)
        status_row.addWidget(self.interrupted)
        status_row.addStretch()
        usefulness_row = FlowLayout(spacing=2 * GRID)  # the four ratings wrap at a large text size
        for button in self.usefulness_buttons:
            usefulness_row.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        body = QVBoxLayout()
        body.addWidget(self.scores_card)
        body.addLayout(status_row)
        body.addWidget(self.reason_field)
        body.addWidget(self.usefulness_label)
        body.addLayout(usefulness_row)
        body.addWidget(self.next_step_field)
        body.addStretch()
        dialog_layout(self, self.heading, body, buttons, min_width=80 * GRID)

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        language = ui_language()
        self.setWindowTitle(self.tr("Finish course"))
        self.heading.setText(self.tr("Finish the course"))
        self.completed.setText(self.tr("Completed"))
        self.interrupted.setText(self.tr("Interrupted"))
        self.reason_field.set_text(self.tr("&Reason or remarks"))
        self.usefulness_label.setText(self.tr("The client's rating of usefulness"))
        for button, text in zip(self.usefulness_buttons, (
            self.tr("1 Not useful"), self.tr("2 Somewhat useful"), self.tr("3 Useful"), self.tr("4 Very useful"),
        ), strict=True):
            button.setText(text)
        self.next_step_field.set_text(self.tr("&Next step (your decision)"))
        for index, text in enumerate((self.tr("No further care"), self.tr("Follow-up visit"),
                                      self.tr("More intensive care (next step)"),
                                      self.tr("Referral to specialised care"))):
            self.next_step.setItemText(index, text)
        self.scores_title.setText(self.tr("First and last scores"))
        self.save_button.setText(self.tr("Finish course"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill_scores(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_scores(self, language: str) -> None:
        while self.scores_grid.count():
            self.scores_grid.takeAt(0).widget().deleteLater()
        first, last = first_and_last_scores(self.course)
        headers = (self.tr("Questionnaire"), self.tr("First"), self.tr("Last"), self.tr("Change"))
        for column, text in enumerate(headers):
            self.scores_grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row, instrument_id in enumerate(sorted(first), start=1):
            try:
                name = self.library.instrument(instrument_id).short_name.get(language)
            except ContentNotFound:
                name = instrument_id
            last_value = last.get(instrument_id)
            change = format_number(last_value - first[instrument_id], signed=True) if last_value is not None else ""
            for column, text in enumerate((name, format_number(first[instrument_id]),
                                           format_number(last_value) if last_value is not None else "–", change)):
                self.scores_grid.addWidget(QLabel(text), row, column)
        if not first:
            self.scores_grid.addWidget(caption(self.tr("No questionnaires were given.")), 1, 0, 1, 4)
        result = classify(first, last, self.preset)
        names, indices = measure_words(self.library, self.preset, language)
        lines = [self.tr("Outcome: {category}").format(
            category=category_label(result.category, self.preset, language, indices))]
        if not is_finished(len(attended_method_sessions(self.course)), self.preset):
            lines.append(not_finished_text(self.preset, language))
        if result.measures_used:
            lines.append(rules_text(self.preset, language, names, indices, result.measures_used))
        self.outcome.setText("\n".join(lines))

    def save(self) -> None:
        try:
            reason = validation.free_text(self.reason.toPlainText(), validation.TEXT_LIMITS["free_text"])
        except validation.ValidationError as error:
            self.reason_field.set_error(translate(error.message))
            return
        self.finished_course = finish_course(
            self.vault, self.course.id, status="completed" if self.completed.isChecked() else "interrupted",
            end_date=self.today, reason=reason, usefulness=self.usefulness_group.checkedId()
            if self.usefulness_group.checkedId() > 0 else None, next_step=self.next_step.currentData(),
        )
        self.accept()
