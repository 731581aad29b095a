"""Clinician entry of a questionnaire: every question on one page, answered by mouse or by digit keys.

The questions and answer labels are in the *client's* language (fi or sv), which may differ from the clinician's UI
language; everything around them (the summary, hints, messages) follows the UI language. The running score comes
from the one scoring engine (`askel.core.content.scoring.score`), never from arithmetic here.

Each question is a group named by the question, its answers radio buttons (so a screen reader says "radio button,
2 of 4" and the question), and both report the client's language (`QWidget.setLocale`), so that a screen reader
reads them with the right voice.

Keyboard: Tab / Shift+Tab and Up / Down move between questions; a digit picks the answer with that value in the
focused question and moves on to the next one; Left / Right step through the answers; Backspace or Delete clears.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.models import Instrument
from askel.core.content.scoring import Reference, ScoreResult, score
from askel.core.content.statement import from_result
from askel.ui.accessibility import announce
from askel.ui.i18n import content_locale, format_number, ui_language
from askel.ui.roles import language_name
from askel.ui.theme import GRID, colours, styled_page
from askel.ui.widgets import caption, lead

CHECK_MARK = "\u2713"


class WordingMissing(ValueError):
    """The instrument cannot be shown: a licensed definition whose wording no content pack has supplied."""


def wording_problem(instrument: Instrument, respondent: str = "client") -> str:
    """Why `instrument` cannot be put in front of `respondent`, in the UI language; "" when it can.

    Call it before offering the questionnaire, so that an unusable one can be shown as such in a list.
    """
    name = instrument.short_name.get(ui_language())
    if respondent not in instrument.respondents:
        return QCoreApplication.translate(
            "QuestionnaireForm", "{name} is not meant to be answered by this respondent."
        ).format(name=name)
    for item in instrument.items:
        if instrument.text_for(item.id, respondent) is None or any(
            option.label is None for option in instrument.options_for(item.id)
        ):
            return QCoreApplication.translate(
                "QuestionnaireForm",
                "{name} cannot be filled in here: its questions have no wording in Askel because the "
                "questionnaire is licensed. An organisation that holds the licence can add the wording as a "
                "content pack.",
            ).format(name=name)
    return ""


def item_text(instrument: Instrument, item_id: str, language: str, respondent: str = "client") -> str:
    text = instrument.text_for(item_id, respondent)
    return text.get(language) if text is not None else ""


def instructions_text(instrument: Instrument, language: str, respondent: str = "client") -> str:
    text = instrument.respondent_instructions.get(respondent, instrument.instructions)  # type: ignore[call-overload]
    return text.get(language) if text is not None else ""


def tab_stop(buttons: list[OptionButton]) -> OptionButton | None:
    """The answer Tab lands on in a question: the chosen one, or the first."""
    return next((button for button in buttons if button.isChecked()), buttons[0] if buttons else None)


def set_tab_stop(buttons: list[OptionButton]) -> OptionButton | None:
    """One Tab stop per question, as in every radio group (the arrows reach the other answers); returns it."""
    stop = tab_stop(buttons)
    for button in buttons:
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus)
    return stop


class OptionButton(QRadioButton):
    """One large answer target: a radio button, painted so that a long label wraps instead of being cut.

    Clinician entry (`show_value`): the value on top, the label under it. Self-completion: a round marker and the
    label only. A chosen answer is filled, bold-bordered and carries a check mark, so it never relies on colour.
    """

    def __init__(self, value: int, label: str, show_value: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.value = value
        self.label = label
        self.show_value = show_value
        self.setText(f"{value} {label}" if show_value else label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- geometry ------------------------------------------------------------------------------------------------
    def _pad(self) -> tuple[int, int]:
        metrics = QFontMetrics(self.font())
        if self.show_value:
            return max(GRID + GRID // 2, metrics.height() // 2), max(GRID, metrics.height() // 3)
        return 2 * GRID, max(GRID + GRID // 2, metrics.height() // 3)

    def _value_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        return font

    def _marker_size(self) -> int:
        return QFontMetrics(self.font()).height()

    def _label_rect(self, width: int) -> tuple[QRect, QRect]:
        """(the value or marker area, the label area) for a button `width` wide; heights as the label needs."""
        pad_x, pad_y = self._pad()
        metrics = QFontMetrics(self.font())
        if self.show_value:
            value_height = QFontMetrics(self._value_font()).height()
            text_width = max(1, width - 2 * pad_x)
            text = metrics.boundingRect(QRect(0, 0, text_width, 100_000), Qt.TextFlag.TextWordWrap, self.label)
            top = QRect(pad_x, pad_y, text_width, value_height)
            return top, QRect(pad_x, pad_y + value_height + GRID // 2, text_width, text.height())
        marker = self._marker_size()
        text_x = pad_x + marker + 2 * GRID
        text_width = max(1, width - text_x - pad_x - metrics.horizontalAdvance(CHECK_MARK) - GRID)
        text = metrics.boundingRect(QRect(0, 0, text_width, 100_000), Qt.TextFlag.TextWordWrap, self.label)
        return QRect(pad_x, pad_y, marker, marker), QRect(text_x, pad_y, text_width, text.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _, pad_y = self._pad()
        top, label = self._label_rect(width)
        height = max(top.bottom(), label.bottom()) + 1 + pad_y
        return max(height, 7 * GRID)  # at least 56 px: a comfortable target for a finger or a shaky mouse

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        pad_x, _ = self._pad()
        if self.show_value:
            width = min(max(metrics.horizontalAdvance(self.label), 12 * GRID), 30 * GRID) + 2 * pad_x
        else:
            width = 60 * GRID
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = 10 * GRID if self.show_value else 30 * GRID
        return QSize(width, 7 * GRID)

    def hitButton(self, pos) -> bool:
        return self.rect().contains(pos)  # the whole painted target, not only a radio indicator

    # -- painting ------------------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        checked = self.isChecked()
        hovered = self.underMouse()
        focused = self.hasFocus()
        # The outline is a component border (3:1); the focus ring replaces it with three pixels of the focus colour.
        border = QColor(p.accent_strong if checked else (p.accent if hovered else p.border))
        border_width = 2 if checked or hovered else 1
        rect = self.rect().adjusted(3, 3, -3, -3)
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        painter.fillPath(path, QColor(p.accent) if checked else QColor(p.surface))
        painter.setPen(QPen(border, border_width))
        painter.drawPath(path)
        if focused:
            ring = QPainterPath()
            ring.addRoundedRect(self.rect().adjusted(1.5, 1.5, -1.5, -1.5), 7, 7)
            painter.setPen(QPen(QColor(p.focus), 3, Qt.PenStyle.SolidLine))
            painter.drawPath(ring)

        ink = QColor(p.on_accent) if checked else QColor(p.ink)
        top, label = self._label_rect(self.width())
        if self.show_value:
            painter.setFont(self._value_font())
            painter.setPen(ink if checked else QColor(p.accent))
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(self.value))
        else:
            # A round marker like a radio button: empty, or filled with a dot when chosen.
            painter.setPen(QPen(ink, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            marker = top.adjusted(2, 2, -2, -2)
            marker.moveTop((self.height() - marker.height()) // 2)
            painter.drawEllipse(marker)
            if checked:
                painter.setBrush(ink)
                inset = marker.width() // 4
                painter.drawEllipse(marker.adjusted(inset, inset, -inset, -inset))
            label.moveTop(max(label.top(), (self.height() - label.height()) // 2))
        painter.setFont(self.font())
        painter.setPen(ink)
        painter.drawText(label, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) |
                         int(Qt.TextFlag.TextWordWrap), self.label)
        if checked:
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            pad_x, pad_y = self._pad()
            height = top.height() if self.show_value else self.height() - 2 * pad_y
            mark = QRect(0, pad_y, self.width() - pad_x, height)
            painter.drawText(mark, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, CHECK_MARK)
        painter.end()


class QuestionRow(QGroupBox):
    """One question: its number and text, and its answers as a row of radio buttons in a group named by the question.

    Tab reaches the group once (its chosen answer, or the first); Left / Right move between its answers.
    """

    changed = Signal(str)  # item id
    advance = Signal(int)  # +1 / -1: move the focus to the next / previous question

    def __init__(self, number: int, item_id: str, text: str, options: list[tuple[int, str]],
                 parent: QWidget | None = None, language: str | None = None):
        super().__init__(parent)
        self.setObjectName("questionRow")
        self.item_id = item_id
        self.number = number
        self.text = text
        if language:
            self.setLocale(content_locale(language))
        self.number_label = QLabel(f"{number}.")
        self.number_label.setObjectName("questionNumber")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.number_label.setMinimumWidth(QFontMetrics(self.font()).horizontalAdvance("99.") + GRID)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("questionText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[OptionButton] = []
        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        for value, label in options:
            button = OptionButton(value, label, show_value=True)
            button.setAccessibleName(f"{value} {label}")
            self.group.addButton(button, value)
            self.buttons.append(button)
            buttons.addWidget(button, 1)
        self.group.idClicked.connect(self._clicked)

        heading = QHBoxLayout()
        heading.setSpacing(GRID)
        heading.addWidget(self.number_label)
        heading.addWidget(self.text_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        layout.setSpacing(GRID + GRID // 2)
        layout.addLayout(heading)
        layout.addLayout(buttons)
        self.setAccessibleName(f"{number}. {text}")
        self._update_tab_stop()

    # Answered from the row's own buttons (each knows its value), not from the group's checked id.
    def value(self) -> int | None:
        return next((button.value for button in self.buttons if button.isChecked()), None)

    def has_value(self, value: int) -> bool:
        return any(button.value == value for button in self.buttons)

    def set_value(self, value: int | None) -> bool:
        """Choose the answer with `value` (None clears); False when the question has no such answer."""
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            self._update_tab_stop()
            return True
        button = next((button for button in self.buttons if button.value == value), None)
        if button is None:
            return False
        button.setChecked(True)
        self._update_tab_stop()
        return True

    def focus_answer(self) -> None:
        """The keyboard on this question: on its chosen answer, or on its first."""
        button = self._tab_stop()
        if button is not None:
            button.setFocus(Qt.FocusReason.TabFocusReason)

    def has_focus(self) -> bool:
        return any(button.hasFocus() for button in self.buttons)

    def set_description(self, text: str) -> None:
        self.setAccessibleDescription(text)

    def _tab_stop(self) -> OptionButton | None:
        return tab_stop(self.buttons)

    def _update_tab_stop(self) -> None:
        self.setFocusProxy(set_tab_stop(self.buttons))

    def _clicked(self, _value: int) -> None:
        self._update_tab_stop()
        self.changed.emit(self.item_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # What the focused answer does not use arrives here: digits, Backspace and Delete, and Up / Down.
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if modifiers == Qt.KeyboardModifier.NoModifier and text.isdigit() and len(text) == 1:
            if self.set_value(int(text)):
                self.changed.emit(self.item_id)
                self.advance.emit(1)
            event.accept()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            if self.value() is not None:
                focused = self.has_focus()
                self.set_value(None)
                if focused:
                    self.focus_answer()
                self.changed.emit(self.item_id)
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.advance.emit(1 if key == Qt.Key.Key_Down else -1)
            event.accept()
            return
        super().keyPressEvent(event)


class QuestionnaireForm(QWidget):
    """Clinician entry for one instrument. `language` is the client's language for the questions (fi / sv)."""

    answers_changed = Signal(dict)

    def __init__(self, instrument: Instrument, language: str, respondent: str = "client",
                 parent: QWidget | None = None, reference: Reference | None = None):
        super().__init__(parent)
        styled_page(self)
        self.instrument = instrument
        self.language = language
        self.respondent = respondent
        self.reference = reference  # the client's age and sex for reference values, for limits that depend on them
        self.rows: list[QuestionRow] = []
        self._result: ScoreResult | None = None
        self.refusal = wording_problem(instrument, respondent)

        self.heading = QLabel()
        self.heading.setObjectName("section")
        self.heading.setWordWrap(True)
        self.language_note = caption()
        self.instructions = lead(instructions_text(instrument, language, respondent) if not self.refusal else "")
        self.instructions.setVisible(bool(self.instructions.text()))
        self.instructions.setLocale(content_locale(language))
        self.keys_hint = caption()
        self.error = QLabel(self.refusal)
        self.error.setObjectName("notice")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(self.refusal))

        self.list = QWidget()
        rows = QVBoxLayout(self.list)
        rows.setContentsMargins(0, 0, GRID, 0)
        rows.setSpacing(GRID + GRID // 2)
        if not self.refusal:
            for number, item in enumerate(instrument.items, start=1):
                options = [(option.value, option.label.get(language) if option.label else "")
                           for option in instrument.options_for(item.id)]
                row = QuestionRow(number, item.id, item_text(instrument, item.id, language, respondent), options,
                                  language=language)
                row.changed.connect(self._row_changed)
                row.advance.connect(lambda step, index=number - 1: self._focus_row(index + step))
                self.rows.append(row)
                rows.addWidget(row)
        rows.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the questions; focus scrolls them in view
        self.scroll.setWidget(self.list)
        self.scroll.setVisible(not self.refusal)

        # The live summary, always in view under the questions.
        self.summary_bar = QFrame()
        self.summary_bar.setObjectName("summaryBar")
        self.summary_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.progress_label = QLabel()
        self.score_label = QLabel()
        self.score_label.setObjectName("summaryScore")
        self.score_label.setWordWrap(True)
        self.alert_label = QLabel()
        self.alert_label.setObjectName("formAlert")
        self.alert_label.setWordWrap(True)
        self.alert_label.hide()
        self._announced = ("", "")  # (score, alert) last told to a screen reader: each is said once
        summary_line = QHBoxLayout()
        summary_line.setSpacing(3 * GRID)
        summary_line.addWidget(self.progress_label)
        summary_line.addWidget(self.score_label, 1)
        summary = QVBoxLayout(self.summary_bar)
        summary.setContentsMargins(2 * GRID, GRID + GRID // 2, 2 * GRID, GRID + GRID // 2)
        summary.setSpacing(GRID)
        summary.addLayout(summary_line)
        summary.addWidget(self.alert_label)
        self.summary_bar.setVisible(not self.refusal)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        top = QVBoxLayout()
        top.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 0)
        top.setSpacing(GRID)
        top.addWidget(self.heading)
        top.addWidget(self.language_note)
        top.addWidget(self.instructions)
        top.addWidget(self.keys_hint)
        top.addWidget(self.error)
        layout.addLayout(top)
        body = QVBoxLayout()
        body.setContentsMargins(2 * GRID, 0, GRID, 0)
        body.addWidget(self.scroll, 1)
        layout.addLayout(body, 1)
        if self.refusal:
            layout.addStretch(1)
        layout.addWidget(self.summary_bar)

        self.retranslate()
        if self.rows:
            self.setFocusProxy(self.rows[0])  # and each row to its Tab stop: the form's focus lands on an answer

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        ui = ui_language()
        self.heading.setText(self.instrument.name.get(ui))
        if self.refusal:
            self.refusal = wording_problem(self.instrument, self.respondent)
            self.error.setText(self.refusal)
        differs = self.language != ui
        self.language_note.setText(
            self.tr("Questions in the client's language: {language}").format(language=language_name(self.language))
            if differs else ""
        )
        self.language_note.setVisible(differs and not self.refusal)
        if self.rows:
            values = sorted({button.value for row in self.rows for button in row.buttons})
            digits = [v for v in values if v <= 9]
            keys = f"{digits[0]}–{digits[-1]}" if digits else ""
            self.keys_hint.setText(
                self.tr("Keyboard: {keys} chooses the answer and moves on to the next question. Tab moves on "
                        "without answering, Backspace clears.").format(keys=keys)
            )
        self.keys_hint.setVisible(bool(self.rows))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- answers -------------------------------------------------------------------------------------------------
    def answers(self) -> dict[str, int | None]:
        """Every item id of the instrument, with the chosen value or None."""
        return {row.item_id: row.value() for row in self.rows}

    def set_answers(self, answers: dict) -> None:
        """Show stored answers (a draft, a correction); unknown items or impossible values raise ValueError."""
        by_id = {row.item_id: row for row in self.rows}
        for item_id, value in answers.items():
            if item_id not in by_id:
                raise ValueError(f"unknown item {item_id!r}")
            if value is not None and not by_id[item_id].has_value(value):
                raise ValueError(f"item {item_id!r} has no answer {value!r}")
        for item_id, value in answers.items():
            by_id[item_id].set_value(value)
        self._update_summary()
        self.answers_changed.emit(self.answers())

    def result(self) -> ScoreResult | None:
        """The engine's result for the answers now shown (None when the instrument was refused)."""
        return self._result

    def _row_changed(self, _item_id: str) -> None:
        self._update_summary()
        self._announce_summary()
        self.answers_changed.emit(self.answers())

    def _focus_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            row = self.rows[index]
            row.focus_answer()
            self.scroll.ensureWidgetVisible(row, 0, 2 * GRID)

    def focus_next_unanswered(self) -> bool:
        """Move the keyboard to the next unanswered question after the focused one (wrapping); False when every
        question is answered."""
        current = next((index for index, row in enumerate(self.rows) if row.has_focus()), -1)
        order = self.rows[current + 1:] + self.rows[:current + 1]
        target = next((row for row in order if row.value() is None), None)
        if target is None:
            return False
        self._focus_row(self.rows.index(target))
        return True

    def _announce_summary(self) -> None:
        """Tell a screen reader the new running score, and a risk warning as soon as it appears, once each."""
        score_text = self.score_label.text()
        alert_text = self.alert_label.text() if self.alert_label.isVisibleTo(self) else ""
        said_score, said_alert = self._announced
        if alert_text and alert_text != said_alert:
            announce(self.alert_label, alert_text, urgent=True)
        if score_text != said_score:
            announce(self.score_label, score_text)
        self._announced = (score_text, alert_text)

    # -- summary -------------------------------------------------------------------------------------------------
    def _update_summary(self) -> None:
        if self.refusal:
            self._result = None
            return
        answers = self.answers()
        answered = sum(value is not None for value in answers.values())
        self.progress_label.setText(self.tr("Answered {answered} / {count}").format(answered=answered,
                                                                                  count=len(answers)))
        result = score(self.instrument, answers, self.respondent, reference=self.reference)
        self._result = result
        ui = ui_language()
        statement = from_result(self.instrument, result)
        if result.total is None:
            text = self.tr("Score: incomplete")
        else:
            text = self.tr("Score {total}").format(total=statement.total_text(ui))
            if statement.band is not None:
                text += " · " + statement.band_text(ui)
            parts = [f"{sub.name.get(ui)} {format_number(result.subscales.get(sub.id))}"
                     for sub in self.instrument.scoring.subscales if result.subscales.get(sub.id) is not None]
            if parts:
                text += " (" + ", ".join(parts) + ")"
            if statement.prorated:
                text += " (" + statement.prorated_text(ui, short=True) + ")"
        self.score_label.setText(text)
        self.score_label.setAccessibleName(text)
        # A blank risk question is flagged once the rest is answered (before that it is simply not reached yet).
        shown = [alert for alert in statement.alerts
                 if not alert.unanswered or answered == len(answers) - len(statement.unanswered_alerts)]
        if shown:
            self.alert_label.setText("\n".join("\u26a0 " + alert.text.get(ui) for alert in shown if alert.text))
        self.alert_label.setVisible(bool(shown))
        for row in self.rows:
            value = answers[row.item_id]
            row.set_description(self.tr("Not answered") if value is None else
                                self.tr("Answer {value}").format(value=value))
