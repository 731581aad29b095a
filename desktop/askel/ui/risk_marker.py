"""The risk in sight: after a risk answer has been acknowledged, a marker wherever the client, the course and the
session are on screen, with the acknowledgement note; for a minor, whether a guardian was informed, and a way to
record it.

The marker is not another alert: it is a quiet, red-edged band that stays until the course is finished (on the
client page, for the open courses; on a course page, for that course, finished or not).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.guarantee import age_on
from askel.core.content.library import ContentNotFound
from askel.export.formatting import utc_to_local
from askel.store.courses import record_guardian
from askel.ui.i18n import format_date, ui_language
from askel.ui.theme import GRID
from askel.ui.widgets import Field, caption, dialog_layout, title

WARNING_SIGN = "\u26a0"
MIN_NOTE_CHARS = 5


def is_minor_at(client, administration) -> bool:
    return age_on(client.birth_date, utc_to_local(administration.administered_at).date()) < 18


def question_text(library, administration) -> str:
    """"PHQ-9, question 9" for the first alert of an administration (the instrument's short name when known)."""
    try:
        instrument = library.instrument(administration.instrument_id, administration.instrument_version)
    except ContentNotFound:
        return administration.instrument_id
    name = instrument.short_name.get(ui_language())
    items = [str(alert.get("item", "")) for alert in administration.alerts or []]
    numbers = [str(instrument.item_ids.index(item) + 1) for item in items if item in instrument.item_ids]
    if not numbers:
        return name
    return QCoreApplication.translate("RiskMarker", "{questionnaire}, question {numbers}").format(
        questionnaire=name, numbers=", ".join(numbers))


class RiskMarker(QFrame):
    """The latest risk answer of `answers` (newest first), how it was acknowledged, and for a minor the guardian."""

    guardian_recorded = Signal()

    def __init__(self, vault, library, client, answers, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.setObjectName("riskMarker")
        self.vault, self.library, self.client = vault, library, client
        self.answers = list(answers)
        self.compact = compact
        self.sign = QLabel(WARNING_SIGN)
        self.sign.setStyleSheet("font-size: 16pt; font-weight: 700;")
        self.sign.setAccessibleName("")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guardian_button = QPushButton()
        self.guardian_button.setAutoDefault(False)
        self.guardian_button.clicked.connect(self.record_guardian)
        # The button under the text: the text keeps the width (at a large text size it would wrap word by word).
        column = QVBoxLayout()
        column.setSpacing(GRID)
        column.addWidget(self.text)
        column.addWidget(self.guardian_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.setContentsMargins(2 * GRID, GRID, 2 * GRID, GRID)
        row.setSpacing(2 * GRID)
        row.addWidget(self.sign, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.setVisible(bool(self.answers))
        self.retranslate()

    @property
    def latest(self):
        return self.answers[0] if self.answers else None

    def needs_guardian(self) -> bool:
        latest = self.latest
        return latest is not None and is_minor_at(self.client, latest) and latest.guardian_informed is None

    def retranslate(self) -> None:
        latest = self.latest
        if latest is None:
            return
        when = format_date(utc_to_local(latest.administered_at))
        lines = [self.tr("<b>Risk answer</b> {date}: {question}").format(
            date=when, question=escape(question_text(self.library, latest)))]
        if len(self.answers) > 1:
            lines[0] += " " + self.tr("(and {count} earlier)").format(count=len(self.answers) - 1)
        if latest.alert_acknowledged_at is not None:
            acknowledged = format_date(utc_to_local(latest.alert_acknowledged_at))
            note = (latest.alert_action_note or "").strip()
            lines.append(self.tr("Acknowledged {date}: {note}").format(date=acknowledged, note=escape(note))
                         if note else self.tr("Acknowledged {date}.").format(date=acknowledged))
        else:
            lines.append(self.tr("Not yet acknowledged."))
        if is_minor_at(self.client, latest):
            note = escape((latest.guardian_note or "").strip())
            if latest.guardian_informed is None:
                lines.append(self.tr("A minor: that a guardian was informed is not recorded."))
            elif latest.guardian_informed:
                lines.append(self.tr("Guardian informed: {note}").format(note=note))
            else:
                lines.append(self.tr("Guardian not informed: {note}").format(note=note))
        shown = lines[:1] + [lines[-1]] if self.compact and self.needs_guardian() else lines[:1] if self.compact \
            else lines
        text = "<br>".join(shown)
        self.text.setText(text)
        self.setAccessibleName(self.tr("Risk answer"))
        self.setAccessibleDescription(" ".join(lines).replace("<b>", "").replace("</b>", "").replace("<br>", " "))
        self.guardian_button.setText(self.tr("Record the guardian…"))
        self.guardian_button.setVisible(self.needs_guardian())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def record_guardian(self) -> None:
        dialog = GuardianDialog(self.vault, self.latest, self.window())
        if dialog.exec():
            self.answers[0] = dialog.saved
            self.retranslate()
            self.guardian_recorded.emit()


class GuardianDialog(QDialog):
    """For a minor's risk answer: was a guardian informed, and how (or why not)."""

    def __init__(self, vault, administration, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.administration = vault, administration
        self.saved = None
        self.setModal(True)
        self.heading = title()
        self.lead = caption()
        self.informed = QRadioButton()
        self.not_informed = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.informed)
        group.addButton(self.not_informed)
        self.informed.setChecked(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(10 * GRID)
        self.note_field = Field(self.note)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        body = QVBoxLayout()
        body.addWidget(self.lead)
        body.addWidget(self.informed)
        body.addWidget(self.not_informed)
        body.addWidget(self.note_field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dialog_layout(self, self.heading, body, buttons, min_width=56 * GRID)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.informed.toggled.connect(lambda _checked: self.retranslate())
        self.retranslate()
        self.note.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guardian informed"))
        self.heading.setText(self.tr("Was a guardian informed?"))
        self.lead.setText(self.tr("The client is a minor. Record whether a guardian was told about the risk answer, "
                                  "who and how; or, if not, why not."))
        self.informed.setText(self.tr("A &guardian was informed"))
        self.not_informed.setText(self.tr("A guardian was &not informed"))
        self.note_field.set_text(self.tr("Who and how (required)") if self.informed.isChecked()
                                 else self.tr("Why not (required)"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        note = self.note.toPlainText().strip()
        if len(note) < MIN_NOTE_CHARS:
            self.note_field.set_error(self.tr("Write at least {count} characters.").format(count=MIN_NOTE_CHARS))
            return
        self.saved = record_guardian(self.vault, self.administration.id, informed=self.informed.isChecked(),
                                     note=note[:4000])
        self.accept()
