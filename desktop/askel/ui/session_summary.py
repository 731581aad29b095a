"""Shown when a session is closed: what was done, what was agreed, and what comes next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from askel.core.content.library import ContentNotFound
from askel.core.content.statement import from_record
from askel.store.courses import risk_answers
from askel.ui.i18n import format_appointment, format_number, ui_language
from askel.ui.risk_marker import RiskMarker
from askel.ui.theme import GRID
from askel.ui.widgets import Card, dialog_layout, title


class SessionSummaryDialog(QDialog):
    export_requested = Signal()
    handout_requested = Signal()

    def __init__(self, library, course, session, agenda_done: tuple[int, int], parent: QWidget | None = None,
                 vault=None):
        super().__init__(parent)
        # After a risk answer in the course: the marker, and for a minor the prompt to record the guardian.
        self.risk = RiskMarker(vault, library, course.client, risk_answers([course]))
        self.library, self.course, self.session, self.agenda_done = library, course, session, agenda_done
        self.setModal(True)
        self.setMinimumWidth(64 * GRID)
        self.heading = title()
        self.card = Card()
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.card.body.addWidget(self.lines)
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_requested.emit)
        self.handout_button = QPushButton()
        self.handout_button.clicked.connect(self.handout_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.handout_button)
        buttons.addStretch()
        buttons.addWidget(self.ok_button)
        body = QVBoxLayout()
        body.addWidget(self.risk)
        body.addWidget(self.card)
        dialog_layout(self, self.heading, body, buttons)
        self.ok_button.clicked.connect(self.accept)
        self.retranslate()

    def retranslate(self) -> None:
        language = ui_language()
        course, session = self.course, self.session
        self.setWindowTitle(self.tr("Session closed"))
        self.heading.setText(self.tr("Session {number} closed").format(number=session.number))
        done, total = self.agenda_done
        rows = [self.tr("Agenda: {done} of {total} items done.").format(done=done, total=total)]
        given = [a for a in course.administrations if a.session_id == session.id]
        for administration in given:
            try:
                instrument = self.library.instrument(administration.instrument_id, administration.instrument_version)
            except ContentNotFound:
                name, note = administration.instrument_id, ""
            else:  # a prorated score says so and names the questions not answered, as everywhere else
                name = instrument.short_name.get(language)
                note = from_record(instrument, administration).prorated_text(language, short=True)
            score = format_number(administration.total) if administration.total is not None else "–"
            if note:
                rows.append(self.tr("{name}: {score} points ({note}).").format(name=name, score=score,
                                                                              note=_escape(note)))
            else:
                rows.append(self.tr("{name}: {score} points.").format(name=name, score=score))
        if session.homework_given.strip():
            rows.append(self.tr("Homework agreed: {homework}").format(homework=_escape(session.homework_given)))
        if session.next_appointment is not None:
            rows.append(self.tr("Next appointment: {when}").format(when=format_appointment(session.next_appointment)))
        else:
            rows.append(self.tr("No next appointment was agreed."))
        try:
            protocol = self.library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            protocol = None
        planned = course.planned_sessions or (protocol.session_count.planned if protocol else session.number)
        if session.number >= planned:
            rows.append(self.tr("This was the last planned session. Finish the course when you are ready."))
        elif protocol is not None:
            template = protocol.session_template(session.number + 1, planned)
            purpose = template.purpose.get(language)
            if purpose[1:2].islower():  # "Painopistealueen valinta…" after a colon, not "IPC…"
                purpose = purpose[:1].lower() + purpose[1:]
            rows.append(self.tr("Next: session {number}: {purpose}").format(number=session.number + 1,
                                                                          purpose=purpose))
        self.lines.setText("<br><br>".join(rows))
        self.ok_button.setText(self.tr("Back to the course"))
        self.export_button.setText(self.tr("Export to record"))
        self.handout_button.setText(self.tr("Handout for the client"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
