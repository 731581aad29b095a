"""Giving a questionnaire: choose it, collect the answers (entered by the clinician or by the client on the
handed-over screen), score once with the engine, store, and — for a risk answer — stop for the alert.

The score appears only here, for the clinician, after the client has finished.
"""

from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.guarantee import age_on
from askel.core.content.library import ContentNotFound
from askel.core.content.statement import from_result, wording_notes
from askel.store.courses import (
    acknowledge_alert,
    load_course,
    reference_for,
    score_and_record,
    scores_by_instrument,
)
from askel.ui.accessibility import announce
from askel.ui.i18n import format_number, translate, ui_language
from askel.ui.privacy_cover import cover_while
from askel.ui.questionnaire_form import QuestionnaireForm
from askel.ui.risk_alert import RiskAlertDialog
from askel.ui.risk_marker import GuardianDialog, is_minor_at
from askel.ui.roles import language_name
from askel.ui.self_completion import STAFF_SHORTCUT, SelfCompletionWindow, staff_text
from askel.ui.theme import GRID
from askel.ui.widgets import Field, caption, dialog_layout, title


class ChooseQuestionnaireDialog(QDialog):
    """Which questionnaire, who answers, in which language, and who holds the screen."""

    def __init__(self, library, instruments_planned: tuple[str, ...], client_language: str,
                 parent: QWidget | None = None, client_age: int | None = None):
        super().__init__(parent)
        self.setModal(True)
        self.setMinimumWidth(64 * GRID)
        self.planned = instruments_planned
        # Planned ones first; instruments without licensed wording, or outside their age range for this client,
        # cannot be given and are left out.
        self.instruments = sorted(
            (i for i in library.instruments() if library.givable(i.id, client_age)),
            key=lambda i: (i.id not in instruments_planned, i.short_name.get(ui_language())),
        )
        self.heading = title()
        self.list = QListWidget()
        self.list.setFixedHeight(30 * GRID)
        for _ in self.instruments:
            self.list.addItem(QListWidgetItem())
        self.respondent = QComboBox()
        self.respondent_field = Field(self.respondent)
        self.language = QComboBox()
        for code in ("fi", "sv"):
            self.language.addItem("", code)
        self.language.setCurrentIndex(0 if client_language == "fi" else 1)
        self.language_field = Field(self.language)
        self.by_clinician = QRadioButton()
        self.by_client = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.by_clinician)
        group.addButton(self.by_client)
        self.by_client.setChecked(True)
        self.hint = caption()
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()

        row = QHBoxLayout()
        row.setSpacing(2 * GRID)
        row.addWidget(self.respondent_field)
        row.addWidget(self.language_field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        body = QVBoxLayout()
        body.addWidget(self.list)
        body.addLayout(row)
        body.addWidget(self.by_client)
        body.addWidget(self.by_clinician)
        body.addWidget(self.hint)
        dialog_layout(self, self.heading, body, buttons)
        self.list.currentRowChanged.connect(self._instrument_changed)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        if self.instruments:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def retranslate(self) -> None:
        language = ui_language()
        self.setWindowTitle(self.tr("Give a questionnaire"))
        self.heading.setText(self.tr("Give a questionnaire"))
        for row, instrument in enumerate(self.instruments):
            text = f"{instrument.short_name.get(language)} – {instrument.name.get(language)}"
            if instrument.id in self.planned:
                text = self.tr("{questionnaire} (planned for this session)").format(questionnaire=text)
            self.list.item(row).setText(text)
        self.list.setAccessibleName(self.tr("Questionnaire"))
        self.respondent_field.set_text(self.tr("Who answers"))
        self.language_field.set_text(self.tr("Language of the questions"))
        for index, code in enumerate(("fi", "sv")):
            self.language.setItemText(index, language_name(code))
        self.by_client.setText(self.tr("The client fills it in on this screen"))
        self.by_clinician.setText(self.tr("I enter the answers"))
        self.hint.setText(self.tr("When the client fills it in, the screen shows only the questions. To return, "
                                  "press {keys} or “{button}” in the corner and type your passphrase.").format(
            keys=STAFF_SHORTCUT, button=staff_text("staff", language)))
        self.ok_button.setText(self.tr("Start"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._instrument_changed(self.list.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _instrument_changed(self, row: int) -> None:
        instrument = self.instruments[row] if 0 <= row < len(self.instruments) else None
        current = self.respondent.currentData()
        self.respondent.clear()
        names = {"client": self.tr("The client"), "parent": self.tr("A parent"),
                 "clinician": self.tr("The clinician")}
        for respondent in instrument.respondents if instrument else ():
            self.respondent.addItem(names[respondent], respondent)
        if current is not None and self.respondent.findData(current) >= 0:
            self.respondent.setCurrentIndex(self.respondent.findData(current))
        self.ok_button.setEnabled(instrument is not None)

    def choice(self):
        return (self.instruments[self.list.currentRow()], self.respondent.currentData(),
                self.language.currentData(), self.by_client.isChecked())


class EntryDialog(QDialog):
    """The clinician types the answers in, with the running score beside them."""

    def __init__(self, instrument, language: str, respondent: str, parent: QWidget | None = None,
                 reference=None):
        super().__init__(parent)
        self.setModal(True)
        self.resize(110 * GRID, 90 * GRID)
        self.form = QuestionnaireForm(instrument, language, respondent, reference=reference)
        self.form.heading.hide()  # the dialog's own title names the questionnaire once
        self.heading = title(instrument.name.get(ui_language()))
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        # Enter never discards: it saves once every question is answered (Save is then the default button), and
        # before that it moves to the next unanswered question (see keyPressEvent). Cancel takes a click or Space.
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.addWidget(self.heading)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.setWindowTitle(instrument.short_name.get(ui_language()))
        self.save_button.setText(self.tr("Save answers"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.form.answers_changed.connect(lambda _answers: self._update_default())
        self._update_default()
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)

    def _complete(self) -> bool:
        return bool(self.form.rows) and all(value is not None for value in self.form.answers().values())

    def _update_default(self) -> None:
        self.save_button.setDefault(self._complete())

    def keyPressEvent(self, event) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self.save_button.hasFocus() or self._complete():
                self.save_button.click()
            else:
                self.form.focus_next_unanswered()
            event.accept()
            return
        super().keyPressEvent(event)


class QuestionnaireFlow(QObject):
    """Runs one administration from choice to stored result; `finished` carries the administration or None."""

    finished = Signal(object)

    def __init__(self, vault, context, course, session_id: str | None, parent: QWidget):
        super().__init__(parent)
        self.vault, self.context, self.course, self.session_id = vault, context, course, session_id
        self.parent_widget = parent
        self.self_completion: SelfCompletionWindow | None = None

    def planned_instruments(self) -> tuple[str, ...]:
        try:
            protocol = self.context.library.protocol(self.course.method_id, self.course.protocol_version)
        except ContentNotFound:
            return ()
        number = next((s.number for s in self.course.sessions if s.id == self.session_id), 1)
        age = self.client_age()
        return tuple(i for i in protocol.questionnaires_for(number, self.course.planned_sessions)
                     if self.context.library.givable(i, age))

    def client_age(self) -> int:
        return age_on(self.course.client.birth_date, date.today())

    def start(self, choice: tuple | None = None) -> None:
        """Ask what to give, then give it; `choice` (instrument, respondent, language, by the client) skips asking,
        as a group session does when it gives one questionnaire to its members one after another."""
        if choice is None:
            chooser = ChooseQuestionnaireDialog(self.context.library, self.planned_instruments(),
                                                self.course.client.language, self.parent_widget,
                                                client_age=self.client_age())
            if not chooser.exec():
                self.finished.emit(None)
                return
            choice = chooser.choice()
        instrument, respondent, language, by_client = choice
        if by_client:
            window = SelfCompletionWindow(
                instrument, language, self.vault.verify_passphrase,
                one_per_page=bool(self.context.settings.get("self_completion_one_per_page")),
                staff_language=ui_language(),
            )
            self.self_completion = window
            window.completed.connect(lambda answers: self._store(instrument, respondent, language, answers, True))
            # Stopped early: the answers given so far are kept, so that a risk answer is never lost.
            window.abandoned.connect(lambda answers: self._store(instrument, respondent, language, answers, True)
                                     if any(value is not None for value in answers.values()) else self._abandoned())
            window.start()
            cover_while(window, self.parent_widget)  # the main window shows nobody's details meanwhile
            return
        entry = EntryDialog(instrument, language, respondent, self.parent_widget,
                            reference=reference_for(self.vault, self.course.id))
        if entry.exec():
            self._store(instrument, respondent, language, entry.form.answers(), False)
        else:
            self.finished.emit(None)

    def dismiss(self) -> None:
        """The screen is locking: a half-filled self-completion is dropped, never left on screen."""
        if self.self_completion is not None:
            self.self_completion.dismiss()
            self.self_completion = None
            self.finished.emit(None)

    def _abandoned(self) -> None:
        self.self_completion = None
        self.finished.emit(None)

    def _store(self, instrument, respondent: str, language: str, answers: dict, self_completed: bool) -> None:
        self.self_completion = None
        record, result = score_and_record(
            self.vault, self.course.id, instrument, answers, respondent=respondent, session_id=self.session_id,
            self_completed=self_completed, language=language,
        )
        if result.alerts and not confirm_alert(self.vault, self.context.settings, self.course.client, record,
                                               result.alerts, instrument, self.parent_widget):
            return  # the lock came first: the vault is closed, and the alert is raised again at the next unlock
        ResultDialog(self.context.library, load_course(self.vault, self.course.id), instrument, record, result,
                     self.parent_widget).exec()
        self.finished.emit(record)


def confirm_alert(vault, settings, client, record, alerts, instrument, parent: QWidget | None) -> bool:
    """The risk alert until it is acknowledged with a note (kept and audited), then for a minor whether a guardian
    was informed. False when the lock closed the alert first: nothing is written, and the alert stays pending."""
    safety = settings.get(f"safety_instructions_{ui_language()}")
    alert = RiskAlertDialog(alerts, instrument.short_name.get(ui_language()), str(safety), parent,
                            instrument=instrument)
    alert.exec()
    if alert.interrupted:
        return False
    acknowledged = acknowledge_alert(vault, record.id, alert.note())
    if is_minor_at(client, acknowledged):
        # A minor: record now whether a guardian was informed (or later, from the risk marker).
        GuardianDialog(vault, acknowledged, parent).exec()
    return True


class ResultDialog(QDialog):
    """The clinician's view of the result: score, band, change since the start, or why it was not scored."""

    def __init__(self, library, course, instrument, record, result, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(True)
        language = ui_language()
        heading = title(instrument.short_name.get(language))
        self.body = body = QLabel()
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        statement = from_result(instrument, result)
        if result.total is None:
            reason = translate(result.refused_reason) if result.refused_reason else ""
            lines = [html.escape(self.tr("Not scored. {reason}").format(reason=reason))]
        else:
            score = self.tr("<b>{score}</b> points").format(score=statement.total_text(language))
            if statement.band is not None:
                score += " · " + html.escape(statement.band_text(language))
            if statement.band_set_label is not None:
                score += " (" + html.escape(statement.band_set_label.get(language)) + ")"
            lines = [score]
            earlier = scores_by_instrument(course).get(instrument.id, [])
            if len(earlier) > 1 and earlier[0].id != record.id:
                change = record.total - earlier[0].total
                lines.append(html.escape(self.tr("Change since the start: {change}").format(
                    change=format_number(change, signed=True))))
        lines.extend(html.escape(note) for note in statement.notes(language))
        lines.extend(html.escape(note) for note in wording_notes([statement], language))
        body.setText("<br>".join(lines))
        ok = QPushButton(self.tr("OK"))
        ok.setObjectName("primary")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(ok)
        content = QVBoxLayout()
        content.addWidget(body)
        content.addStretch()
        # The body scrolls when it is taller than the screen (several notes at a large text size).
        dialog_layout(self, heading, content, buttons, min_width=64 * GRID)
        self.setWindowTitle(self.tr("Result"))
        # Tall enough for the whole text when the screen allows; what does not fit scrolls.
        width = max(self.sizeHint().width(), 80 * GRID)
        wanted = (heading.sizeHint().height() + body.heightForWidth(width - 10 * GRID) + ok.sizeHint().height()
                  + 12 * GRID)
        self.resize(width, min(wanted, int(self.screen().availableGeometry().height() * 0.9)))
        lines = (html.unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in body.text().split("<br>"))
        plain = " ".join(line if line.endswith((".", "!", "?")) else line + "." for line in lines if line)
        self.spoken = re.sub(r"\s+", " ", f"{heading.text()}: {plain}").strip()
        self.setAccessibleDescription(self.spoken)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        announce(self, self.spoken)  # the result, said once as the dialog opens
