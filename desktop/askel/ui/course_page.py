"""A course of treatment at a glance: where we are in the plan, the guarantee, the scores, what to do next."""

from __future__ import annotations

import html
from datetime import date, datetime, time

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.guarantee import guarantee_status
from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import (
    PRESETS,
    OutcomeCategory,
    category_label,
    classify,
    is_finished,
    measure_words,
    not_finished_text,
    rules_text,
    state_text,
)
from askel.core.content.statement import from_record, wording_notes
from askel.core.groups import is_group, meeting_template
from askel.export.formatting import utc_to_local
from askel.store.courses import (
    attended_method_sessions,
    contacts,
    fidelity,
    first_and_last_scores,
    first_treatment_date,
    method_sessions,
    risk_answers,
    scores_by_instrument,
)
from askel.ui.groups import format_name, meeting_name
from askel.ui.guarantee_page import exception_reason
from askel.ui.i18n import format_date, format_number, ui_language
from askel.ui.progress_chart import ProgressChart, series_for
from askel.ui.risk_marker import RiskMarker
from askel.ui.roles import contact_kind_name
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Columns, FlowLayout, caption, restyle, scrolling, title


class CoursePage(QWidget):
    back_requested = Signal()
    session_requested = Signal()  # start the next session, or continue the open one
    questionnaire_requested = Signal()
    finish_requested = Signal()
    export_requested = Signal()
    case_summary_requested = Signal()  # an anonymised summary for a mentoring meeting
    handout_requested = Signal()  # the client's handout: homework, next appointment, where to get help
    guarantee_exception_requested = Signal()  # record or change a therapy-guarantee exception
    group_requested = Signal(str)  # the group a member's course is held in

    def __init__(self, course, library, parent: QWidget | None = None, today: date | None = None,
                 outcome_preset: str = "nhs", vault=None):
        super().__init__(parent)
        styled_page(self)
        self.course = course
        # The course's risk answers stay in sight, acknowledged or not (vault: to record that a guardian was told).
        self.risk = RiskMarker(vault, library, course.client, risk_answers([course]))
        self.library = library
        self.outcome_preset = outcome_preset
        self.today = today or date.today()
        try:
            self.protocol = library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            self.protocol = None

        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.heading = title()
        self.summary = caption()
        self.fidelity = caption()
        self.guarantee = QLabel()
        self.guarantee.setWordWrap(True)
        self.exception_button = QPushButton()
        self.exception_button.setObjectName("link")
        self.exception_button.hide()
        self.session_button = QPushButton()
        self.session_button.setObjectName("primary")
        self.group_button = QPushButton()  # a member of a group: the sessions are the group's
        self.group_button.setObjectName("primary")
        self.questionnaire_button = QPushButton()
        self.finish_button = QPushButton()
        self.export_button = QPushButton()
        self.case_summary_button = QPushButton()
        self.handout_button = QPushButton()
        self.exports = caption()
        # A course handed over from here (askel.store.handover.HandoverMark): read-only, marked as such.
        self.handover = None
        self.read_only = False
        self.handover_notice = QLabel()
        self.handover_notice.setObjectName("notice")
        self.handover_notice.setWordWrap(True)
        self.handover_notice.hide()

        self.plan_card = Card()
        self.plan_title = QLabel()
        self.plan_title.setObjectName("section")
        self.plan_grid = QGridLayout()
        self.plan_grid.setHorizontalSpacing(2 * GRID)
        self.plan_grid.setVerticalSpacing(GRID)
        # Contacts that are not sessions of the method: listed under the plan, never numbered in it.
        self.contacts_title = QLabel()
        self.contacts_title.setObjectName("section")
        self.contacts_list = QLabel()
        self.contacts_list.setWordWrap(True)
        self.plan_card.body.addWidget(self.plan_title)
        self.plan_card.body.addLayout(self.plan_grid)
        self.plan_card.body.addWidget(self.contacts_title)
        self.plan_card.body.addWidget(self.contacts_list)
        self.plan_card.body.addStretch()

        self.scores_card = Card()
        self.scores_title = QLabel()
        self.scores_title.setObjectName("section")
        self.scores_grid = QGridLayout()
        self.scores_grid.setHorizontalSpacing(2 * GRID)
        self.chart = ProgressChart()
        self.chart.setMinimumHeight(28 * GRID)
        # The chart draws to whatever width it gets; its own size hint must not widen the page.
        self.chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.outcome = caption()
        self.scores_card.body.addWidget(self.scores_title)
        self.scores_card.body.addLayout(self.scores_grid)
        self.scores_card.body.addWidget(self.chart, 1)
        self.scores_card.body.addWidget(self.outcome)
        self.scores_card.body.addStretch()  # without a chart, the title stays at the top of the card

        actions = FlowLayout()
        actions.addWidget(self.session_button)
        actions.addWidget(self.group_button)
        actions.addWidget(self.questionnaire_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.handout_button)
        actions.addWidget(self.case_summary_button)
        actions.addWidget(self.finish_button, stretch_before=True)
        columns = Columns()
        columns.add(self.plan_card, 1)
        columns.add(self.scores_card, 1)
        # The whole page scrolls as one, so a long plan, a large text size or a small screen never squeezes text.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.risk)
        layout.addWidget(self.fidelity)
        layout.addWidget(self.guarantee)
        layout.addWidget(self.exception_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.exports)
        layout.addWidget(self.handover_notice)
        layout.addLayout(actions)
        layout.addWidget(columns, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))

        self.back_button.clicked.connect(self.back_requested.emit)
        self.session_button.clicked.connect(self.session_requested.emit)
        self.group_button.clicked.connect(lambda: self.group_requested.emit(self.course.group_id))
        self.questionnaire_button.clicked.connect(self.questionnaire_requested.emit)
        self.finish_button.clicked.connect(self.finish_requested.emit)
        self.export_button.clicked.connect(self.export_requested.emit)
        self.case_summary_button.clicked.connect(self.case_summary_requested.emit)
        self.handout_button.clicked.connect(self.handout_requested.emit)
        self.exception_button.clicked.connect(self.guarantee_exception_requested.emit)
        self.retranslate()

    # -- derived facts -------------------------------------------------------------------------------------------
    def open_session(self):
        return next((s for s in method_sessions(self.course) if not s.closed), None)

    def planned_total(self) -> int:
        return self.course.planned_sessions or (self.protocol.session_count.planned if self.protocol else 0)

    def next_number(self) -> int:
        return max((s.number for s in method_sessions(self.course)), default=0) + 1

    def is_finished(self) -> bool:
        return self.course.status in ("completed", "interrupted")

    def in_group(self) -> bool:
        """A member's course of a group in this vault: its sessions are held as the group's meetings."""
        return is_group(self.course.delivery_format) and self.course.group is not None

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = ui_language()
        course = self.course
        client = course.client
        self.back_button.setText(self.tr("← {name}").format(name=f"{client.given_names} {client.family_name}"))
        name = self.protocol.name.get(language) if self.protocol else course.method_id
        self.heading.setText(name)
        status = {
            "planned": self.tr("Planned"), "active": self.tr("Active"),
            "completed": self.tr("Completed"), "interrupted": self.tr("Interrupted"),
        }[course.status]
        attended = len(attended_method_sessions(course))
        parts = [status, self.tr("{done} of {planned} sessions").format(done=attended, planned=self.planned_total())]
        if course.need_established:
            parts.append(self.tr("need established {date}").format(date=format_date(course.need_established)))
        focus = self._focus_name(language)
        if focus:
            parts.append(self.tr("focus: {area}").format(area=focus))
        if course.icd10:
            parts.append(course.icd10)
        if self.in_group():
            parts.append(self.tr("group: {name} ({format})").format(
                name=course.group.name, format=format_name(course.delivery_format,
                                                           self.protocol.audience if self.protocol else None)))
        self.summary.setText(" · ".join(parts))
        self._update_fidelity()
        self._update_guarantee()

        open_session = self.open_session()
        if open_session:
            self.session_button.setText(self.tr("Continue session {number}").format(number=open_session.number))
        else:
            self.session_button.setText(self.tr("Start session {number}").format(number=self.next_number()))
        self.session_button.setToolTip(self.tr("Ctrl+Return"))
        self.session_button.setVisible(not self.is_finished() and not self.read_only and not self.in_group())
        self.group_button.setText(self.tr("Open the group"))
        self.group_button.setToolTip(self.tr("The sessions of this course are the group's meetings"))
        self.group_button.setVisible(self.in_group() and not self.read_only)
        self.questionnaire_button.setVisible(not self.read_only)
        self.questionnaire_button.setText(self.tr("Give a questionnaire"))
        self.questionnaire_button.setToolTip(self.tr("Ctrl+G"))
        self.finish_button.setText(self.tr("Finish course"))
        self.export_button.setText(self.tr("Export to record"))
        self.export_button.setToolTip(self.tr("Text, PDF or FHIR for the patient record (Ctrl+Shift+E)"))
        self.handout_button.setText(self.tr("Handout for the client"))
        self.handout_button.setToolTip(self.tr("Homework and the next appointment for the client, as a PDF or on "
                                               "paper, in the client's language"))
        self.case_summary_button.setText(self.tr("Case summary for mentoring"))
        self.case_summary_button.setToolTip(self.tr("An anonymised summary of this course for a mentoring meeting"))
        self.finish_button.setVisible(not self.is_finished() and not self.read_only)
        self.handout_button.setVisible(not self.read_only)
        if self.handover is not None:
            self.handover_notice.setText(self.tr(
                "Handed over to {name} on {date}. The copy here is read-only: the course goes on in their Askel.")
                .format(name=self.handover.receiver_name, date=format_date(utc_to_local(self.handover.at))))
        self.plan_title.setText(self.tr("Session plan"))
        self.contacts_title.setText(self.tr("Other contacts"))
        self.scores_title.setText(self.tr("Questionnaires"))
        self._fill_plan(language)
        self._fill_contacts()
        self._fill_scores(language)

    def set_handover(self, mark) -> None:
        """Mark the course as handed over to a colleague: read-only here (`mark` from marks_for_client)."""
        self.handover = mark
        self.read_only = mark is not None
        self.handover_notice.setVisible(self.read_only)
        self.retranslate()

    def show_exports(self, lines: list[str]) -> None:
        """What has left the vault for this course, newest first (from the export log)."""
        self.exports.setText("<br>".join(lines[:3]))
        self.exports.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_fidelity(self) -> None:
        result = fidelity(self.course, self.protocol, self.library.givable) if self.protocol else None
        if result is None or not result.items_planned:
            self.fidelity.hide()
            return
        text = self.tr("Protocol fidelity: {done} of {planned} agenda items done ({percent} %).").format(
            done=result.items_done, planned=result.items_planned, percent=round(100 * result.share_done))
        # Only what could have been given counts: a licensed questionnaire without the organisation's wording
        # pack, or one outside its age range, is never reported as missing.
        for number in result.sessions_missing_questionnaire:
            names = ", ".join(self._instrument_name(i) for n, i in result.missing_questionnaires if n == number)
            text += " " + self.tr("Planned {questionnaires} not given in session {number}.").format(
                questionnaires=names, number=number)
        self.fidelity.setText(text)
        self.fidelity.show()

    def _instrument_name(self, instrument_id: str) -> str:
        try:
            return self.library.instrument(instrument_id).short_name.get(ui_language())
        except ContentNotFound:
            return instrument_id

    def _focus_name(self, language: str) -> str:
        if not self.course.focus_area or not self.protocol:
            return ""
        area = next((a for a in self.protocol.focus_areas if a.id == self.course.focus_area), None)
        return area.name.get(language) if area else self.course.focus_area

    def _update_guarantee(self) -> None:
        """The therapy guarantee of this course: the wait, the deadline and days left, or why it does not count."""
        course, client = self.course, self.course.client
        self.exception_button.hide()
        if not course.need_established or client.birth_date > course.need_established:
            self.guarantee.hide()
            return
        status = guarantee_status(client.birth_date, course.need_established, first_treatment_date(course),
                                  self.today, exception=course.guarantee_exception)
        if not status.applies:
            if status.why_not != "before_law":
                self.guarantee.hide()
                return
            text = self.tr("The therapy guarantee does not apply: the need was established before 1.5.2025.")
            style = "notice"
        elif status.state == "session_before_need":
            text = self.tr("Therapy guarantee: the first session of the method is dated before the need was "
                           "established ({need}). Check the need date or the session's date.").format(
                need=format_date(course.need_established))
            style = "at_risk"
        elif status.state == "exception":
            text = self.tr("Therapy guarantee: exception recorded ({reason}): {note}").format(
                reason=exception_reason(course.guarantee_exception), note=course.guarantee_exception_note or "")
            style = "notice"
        elif status.waiting:
            words = {
                "on_time": self.tr("Therapy guarantee: waiting day {days} of 28, on time. The first session of the "
                                   "method by {deadline} ({left} days left)."),
                "at_risk": self.tr("Therapy guarantee: waiting day {days} of 28, at risk. The first session of the "
                                   "method by {deadline} ({left} days left)."),
                "overdue": self.tr("Therapy guarantee: waiting day {days}, overdue. The first session of the "
                                   "method was due by {deadline}."),
            }
            text = words[status.state].format(days=status.days, deadline=format_date(status.deadline),
                                               left=status.days_left)
            style = status.state
        else:
            words = {
                "on_time": self.tr("Therapy guarantee met: treatment started on day {days}."),
                "at_risk": self.tr("Therapy guarantee met: treatment started on day {days}."),
                "overdue": self.tr("Therapy guarantee not met: treatment started on day {days}."),
            }
            text = words[status.state].format(days=status.days)
            style = status.state
        self.guarantee.setText(text)
        restyle(self.guarantee, style)  # the theme's colour for on time, at risk or overdue
        self.guarantee.show()
        if status.applies and status.waiting and not self.is_finished():
            self.exception_button.setText(self.tr("Change the guarantee exception") if course.guarantee_exception
                                          else self.tr("Record a guarantee exception"))
            self.exception_button.show()

    def _clear(self, grid: QGridLayout) -> None:
        while grid.count():
            widget = grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def _fill_plan(self, language: str) -> None:
        """Done, next and upcoming sessions: the plan from the protocol merged with what happened."""
        self._clear(self.plan_grid)
        if self.in_group():
            self._fill_group_plan(language)
            return
        done = {s.number: s for s in method_sessions(self.course)}
        total = max(self.planned_total(), max(done, default=0))
        next_number = self.next_number()
        attendance = {"attended": self.tr("attended"), "cancelled": self.tr("cancelled"),
                      "no_show": self.tr("did not come")}
        for row, number in enumerate(range(1, total + 1)):
            template = self.protocol.session_template(number, self.planned_total()) if self.protocol else None
            purpose = template.purpose.get(language) if template else ""
            session = done.get(number)
            if session is not None and session.closed:
                mark, style = ("✓", "ok") if session.attendance == "attended" else ("✗", "mutedMark")
                when = f"{format_date(session.starts_at)} · {attendance[session.attendance]}"
            elif session is not None:
                mark, style, when = "●", "accentMark", self.tr("in progress")
            elif number == next_number and not self.is_finished():
                mark, style, when = "→", "accentMark", self.tr("next")
            else:
                mark, style, when = "○", "mutedMark", ""
            marker = QLabel(mark)
            marker.setObjectName(style)
            number_label = QLabel(f"{number}.")
            text = QLabel(purpose)
            text.setWordWrap(True)
            if mark == "○":
                text.setObjectName("muted")
            state = QLabel(when)
            state.setObjectName("caption")
            state.setWordWrap(True)
            for column, widget in enumerate((marker, number_label, text, state)):
                self.plan_grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignTop)
            self.plan_grid.setColumnStretch(2, 3)
            self.plan_grid.setColumnStretch(3, 1)

    def _fill_group_plan(self, language: str) -> None:
        """A member's plan: the group's sessions from the first one the member was in, with the member's
        attendance, and the parents' meetings the member's family was counted in."""
        group = self.course.group
        by_meeting = {s.group_meeting_id: s for s in self.course.sessions if s.group_meeting_id}
        attendance = {"attended": self.tr("came"), "cancelled": self.tr("cancelled"),
                      "no_show": self.tr("did not come")}
        first = min((m.number for m in group.meetings if m.id in by_meeting and m.kind == "method"),
                    default=group.planned_sessions - (self.course.planned_sessions or group.planned_sessions) + 1)
        meetings = [m for m in group.meetings if (m.kind == "method" and m.number >= first) or m.id in by_meeting]
        meetings.sort(key=lambda m: (m.starts_at or datetime.combine(m.planned_date or date.max, time()),
                                     m.kind, m.number))
        upcoming = False
        for row, meeting in enumerate(meetings):
            template = meeting_template(self.protocol, meeting, group.planned_sessions)
            session = by_meeting.get(meeting.id)
            if session is not None and session.closed:
                mark, style = ("✓", "ok") if session.attendance == "attended" else ("✗", "mutedMark")
                when = f"{format_date(session.starts_at)} · {attendance[session.attendance]}"
            elif session is not None:
                mark, style, when = "●", "accentMark", self.tr("in progress")
            elif not upcoming and not self.is_finished() and meeting.starts_at is None:
                upcoming = True
                mark, style, when = "→", "accentMark", format_date(meeting.planned_date) or self.tr("next")
            else:
                mark, style, when = "○", "mutedMark", format_date(meeting.planned_date)
            marker = QLabel(mark)
            marker.setObjectName(style)
            name = QLabel(meeting_name(meeting.kind, meeting.number))
            text = QLabel(template.purpose.get(language) if template else "")
            text.setWordWrap(True)
            if mark == "○":
                text.setObjectName("muted")
            state = QLabel(when)
            state.setObjectName("caption")
            state.setWordWrap(True)
            for column, widget in enumerate((marker, name, text, state)):
                self.plan_grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignTop)
        self.plan_grid.setColumnStretch(2, 3)
        self.plan_grid.setColumnStretch(3, 1)

    def _fill_contacts(self) -> None:
        lines = []
        for contact in contacts(self.course):
            parts = [format_date(contact.starts_at), contact_kind_name(contact.kind)]
            if contact.duration_minutes:
                parts.append(self.tr("{minutes} min").format(minutes=contact.duration_minutes))
            lines.append(" · ".join(parts))
        self.contacts_list.setText("\n".join(lines))
        self.contacts_title.setVisible(bool(lines))
        self.contacts_list.setVisible(bool(lines))

    def _fill_chart(self, series: dict, language: str) -> None:
        """Scores over sessions per questionnaire with its bands; the outcome category once there are two."""
        charts = []
        session_numbers = {s.id: s.number for s in method_sessions(self.course)}
        for instrument_id, administrations in sorted(series.items()):
            try:
                instrument = self.library.instrument(instrument_id, administrations[-1].instrument_version)
            except ContentNotFound:
                continue
            points = [(str(session_numbers.get(a.session_id, "–")), a.total) for a in administrations]
            notes = [from_record(instrument, a).prorated_text(language, short=True) for a in administrations]
            dates = [format_date(utc_to_local(a.administered_at)) for a in administrations]
            charts.append(series_for(instrument, points, language, administrations[-1].respondent, notes=notes,
                                     dates=dates, risks=[bool(a.alerts) for a in administrations]))
        self.chart.set_series(charts, self.tr("Session"))
        self.chart.setVisible(bool(charts))
        self.outcome.setText(self._outcome_text(language))
        self.outcome.setVisible(bool(self.outcome.text()))

    def _outcome_text(self, language: str) -> str:
        """The outcome category once the course is finished (ended, enough sessions of the method); before that
        where the latest measurement is. Always the rules in plain words, naming their source."""
        first, last = first_and_last_scores(self.course)
        preset = str(self.outcome_preset)
        names, indices = measure_words(self.library, preset, language)
        used = tuple(m for m in PRESETS[preset].measures if m in first) if preset in PRESETS else None
        if not used:
            return ""
        finished = self.is_finished() and is_finished(len(attended_method_sessions(self.course)), preset)
        result = classify(first, last, preset)
        if finished and result.category is not OutcomeCategory.NOT_ENOUGH_DATA:
            lines = [self.tr("Outcome: {category}").format(
                category=category_label(result.category, preset, language, indices))]
        else:
            lines = [state_text(first, last, preset, language, names)]
            if self.is_finished():
                lines.append(not_finished_text(preset, language))
        lines.append(rules_text(preset, language, names, indices, used))
        return "<br>".join(html.escape(line) for line in lines)

    def _fill_scores(self, language: str) -> None:
        """The latest score per questionnaire, with what a reader must know about it (prorated, the limit that
        applies, a risk question left blank), and once for the card whose wording the questions were in."""
        self._clear(self.scores_grid)
        series = scores_by_instrument(self.course)
        self._fill_chart(series, language)
        if not series:
            self.scores_grid.addWidget(caption(self.tr("No questionnaires yet.")), 0, 0)
            return
        row = 0
        statements = []
        for instrument_id, administrations in sorted(series.items()):
            first, last = administrations[0], administrations[-1]
            try:
                instrument = self.library.instrument(instrument_id, last.instrument_version)
            except ContentNotFound:
                statement = None
                name, total, band = instrument_id, format_number(last.total), last.band or ""
            else:
                statement = from_record(instrument, last)
                statements.extend(from_record(instrument, a) for a in administrations)
                name, total, band = (instrument.short_name.get(language), statement.total_text(language),
                                     statement.band_text(language))
            change = ""
            if len(administrations) > 1:
                delta = last.total - first.total
                change = self.tr("change {delta} since the start").format(delta=format_number(delta, signed=True))
            self.scores_grid.addWidget(QLabel(f"<b>{html.escape(name)}</b>"), row, 0)
            self.scores_grid.addWidget(QLabel(total), row, 1)
            self.scores_grid.addWidget(QLabel(html.escape(band)), row, 2)
            self.scores_grid.addWidget(caption(change), row, 3)
            row += 1
            notes = statement.notes(language) if statement is not None else []
            if notes:
                self.scores_grid.addWidget(caption("<br>".join(html.escape(note) for note in notes)), row, 1, 1, 3)
                row += 1
        # Not scored (too many questions blank) but with an alert, e.g. a risk question left blank: still shown.
        for administration in sorted(self.course.administrations, key=lambda a: a.administered_at):
            if administration.total is not None or not administration.alerts:
                continue
            try:
                instrument = self.library.instrument(administration.instrument_id, administration.instrument_version)
            except ContentNotFound:
                continue
            unscored = from_record(instrument, administration)
            text = self.tr("{questionnaire} (not scored): {alerts}").format(
                questionnaire=instrument.short_name.get(language),
                alerts=" ".join(a.text.get(language) for a in unscored.alerts if a.text))
            self.scores_grid.addWidget(caption(html.escape(text)), row, 0, 1, 4)
            row += 1
        wording = wording_notes(statements, language)
        if wording:
            self.scores_grid.addWidget(caption("<br>".join(html.escape(line) for line in wording)), row, 0, 1, 4)
        self.scores_grid.setColumnStretch(3, 1)
