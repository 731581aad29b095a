"""The risk alert: rare and serious, so it looks like nothing else in Askel and cannot be waved away.

A dark-red band with a warning sign, a thick red frame, the answer that raised the alert (the alert's own text from
the instrument definition, in the UI language), the organisation's safety instructions, and a required note of what
was done. It never suggests a treatment step: it says that the situation needs a clinical assessment now.
Escape, the window's close button and `reject()` do nothing; only Acknowledge (after a note) closes it, or the
lock (`close_for_lock()`: no clinical text stays on screen over the lock screen), after which `interrupted` is true,
nothing is acknowledged and the alert is raised again at the next unlock.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.models import Instrument
from askel.core.content.scoring import Alert
from askel.ui.i18n import ui_language
from askel.ui.theme import GRID
from askel.ui.widgets import caption

MIN_NOTE_CHARS = 5
NOTE_LIMIT = 4000
WARNING_SIGN = "\u26a0"



class RiskAlertDialog(QDialog):
    """`alerts` from `score()`; `instrument` (optional) lets the dialog name the question and the answer's label.

    After `exec()` returns Accepted, `note()` is the clinician's account of what was done.
    """

    def __init__(self, alerts: Sequence[Alert], instrument_name: str, safety_instructions: str,
                 parent: QWidget | None = None, *, instrument: Instrument | None = None):
        super().__init__(parent)
        self.alerts = list(alerts)
        self.instrument_name = instrument_name
        self.safety_instructions = safety_instructions.strip()
        self.instrument = instrument
        self._acknowledged = False
        self.interrupted = False
        self.setObjectName("riskAlert")
        self.setModal(True)
        # No close button in the title bar: the only way out is to acknowledge.
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint)
        self.setMinimumWidth(80 * GRID)

        self.sign = QLabel(WARNING_SIGN)
        self.sign.setObjectName("riskSign")
        self.sign.setAccessibleName("")
        self.heading = QLabel()
        self.heading.setObjectName("riskTitle")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("riskSubtitle")
        self.subtitle.setWordWrap(True)
        header = QFrame()
        header.setObjectName("riskHeader")
        header_text = QVBoxLayout()
        header_text.setSpacing(GRID // 2)
        header_text.addWidget(self.heading)
        header_text.addWidget(self.subtitle)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(3 * GRID, 2 * GRID, 3 * GRID, 2 * GRID)
        header_row.setSpacing(2 * GRID)
        header_row.addWidget(self.sign, 0, Qt.AlignmentFlag.AlignTop)
        header_row.addLayout(header_text, 1)

        self.answers_title = QLabel()
        self.answers_title.setObjectName("riskSection")
        self.answer_boxes: list[tuple[QLabel, QLabel]] = []
        answers = QVBoxLayout()
        answers.setSpacing(GRID)
        for _alert in self.alerts:
            box = QFrame()
            box.setObjectName("riskAnswer")
            text = QLabel()
            text.setObjectName("riskAnswerText")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            detail = QLabel()
            detail.setObjectName("riskAnswerDetail")
            detail.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(2 * GRID, GRID + GRID // 2, 2 * GRID, GRID + GRID // 2)
            inner.setSpacing(GRID // 2)
            inner.addWidget(text)
            inner.addWidget(detail)
            answers.addWidget(box)
            self.answer_boxes.append((text, detail))

        self.instructions_title = QLabel()
        self.instructions_title.setObjectName("riskSection")
        self.instructions = QLabel()
        self.instructions.setObjectName("riskInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.note_title = QLabel()
        self.note_title.setObjectName("riskSection")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(12 * GRID)
        self.note_edit.setMaximumHeight(20 * GRID)
        self.note_title.setBuddy(self.note_edit)
        self.note_hint = caption()

        self.acknowledge_button = QPushButton()
        self.acknowledge_button.setObjectName("riskAcknowledge")
        self.acknowledge_button.setEnabled(False)
        self.acknowledge_button.setAutoDefault(False)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 2 * GRID)
        body.setSpacing(GRID + GRID // 2)
        body.addWidget(self.answers_title)
        body.addLayout(answers)
        body.addSpacing(GRID)
        body.addWidget(self.instructions_title)
        body.addWidget(self.instructions)
        body.addSpacing(GRID)
        body.addWidget(self.note_title)
        body.addWidget(self.note_edit)
        body.addWidget(self.note_hint)
        body.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setObjectName("riskScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(3 * GRID, GRID, 3 * GRID, 3 * GRID)
        buttons.addStretch()
        buttons.addWidget(self.acknowledge_button)

        frame = QFrame()
        frame.setObjectName("riskFrame")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.setSpacing(0)
        frame_layout.addWidget(header)
        frame_layout.addWidget(scroll, 1)
        frame_layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        self.note_edit.textChanged.connect(self._note_changed)
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self.retranslate()
        # Tall enough for everything without scrolling; long safety instructions scroll within the screen's height.
        wanted = header.sizeHint().height() + content.sizeHint().height() + buttons.sizeHint().height() + 2 * GRID
        self.resize(90 * GRID, min(wanted, int(self.screen().availableGeometry().height() * 0.9)))
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = ui_language()
        self.setWindowTitle(self.tr("Risk alert"))
        # A risk question left blank is an alert too: the clinician asks about it in person, as for a risk answer.
        if all(alert.unanswered for alert in self.alerts):
            self.heading.setText(self.tr("Risk question not answered: ask about it in person now"))
            self.answers_title.setText(self.tr("The question that was not answered"))
        else:
            self.heading.setText(self.tr("Risk answer: requires clinical assessment now"))
            self.answers_title.setText(self.tr("The answer that raised the alert"))
        self.subtitle.setText(self.tr("{questionnaire} · read before you continue").format(
            questionnaire=self.instrument_name))
        self.setAccessibleName(self.heading.text())
        for alert, (text, detail) in zip(self.alerts, self.answer_boxes, strict=True):
            text.setText(alert.text.get(language))
            detail.setText(self._answer_detail(alert, language))
        self.setAccessibleDescription(" ".join(alert.text.get(language) for alert in self.alerts))
        self.instructions_title.setText(self.tr("Your organisation's safety instructions"))
        self.instructions.setText(
            self.safety_instructions
            or self.tr("Your organisation has not entered safety instructions in Askel. Follow your unit's "
                       "agreed practice for an acute risk.")
        )
        self.note_title.setText(self.tr("What was done (required)"))
        self.note_edit.setAccessibleName(self.note_title.text())  # "(required)" is part of its name
        self.note_hint.setText(self.tr("Write at least {count} characters. The note is kept with the answers.")
                               .format(count=MIN_NOTE_CHARS))
        self.note_edit.setAccessibleDescription(self.note_hint.text())
        self.acknowledge_button.setText(self.tr("Acknowledge"))

    def _answer_detail(self, alert: Alert, language: str) -> str:
        known = self.instrument is not None and alert.item_id in self.instrument.item_ids
        if alert.unanswered:
            if not known:
                return self.tr("Not answered")
            return self.tr("Question {number}: not answered").format(
                number=self.instrument.item_ids.index(alert.item_id) + 1)
        if not known:
            return self.tr("Answer: {value}").format(value=alert.value)
        number = self.instrument.item_ids.index(alert.item_id) + 1
        label = next((option.label.get(language) for option in self.instrument.options_for(alert.item_id)
                      if option.value == alert.value and option.label is not None), "")
        if label:
            return self.tr("Question {number}: answer {value} ({label})").format(number=number, value=alert.value,
                                                                               label=label)
        return self.tr("Question {number}: answer {value}").format(number=number, value=alert.value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the note ------------------------------------------------------------------------------------------------
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def _note_changed(self) -> None:
        text = self.note_edit.toPlainText()
        if len(text) > NOTE_LIMIT:
            self.note_edit.setPlainText(text[:NOTE_LIMIT])
            return
        self.acknowledge_button.setEnabled(len(text.strip()) >= MIN_NOTE_CHARS)

    def _acknowledge(self) -> None:
        if len(self.note()) < MIN_NOTE_CHARS:
            return
        self._acknowledged = True
        self.accept()

    def close_for_lock(self) -> None:
        self.interrupted = self._acknowledged = True
        self.done(QDialog.DialogCode.Rejected)

    # -- nothing else closes it ----------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape and the close button end here: the alert stays until it is acknowledged."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._acknowledged:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
