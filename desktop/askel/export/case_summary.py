"""An anonymised case summary of one course, for a mentoring meeting (menetelmäohjaus / metodhandledning).

A clinician in training brings her cases to her mentor. The summary says what the mentor needs and nothing that
names the client: the method, the focus area, how many sessions were held, which agenda items were done and which
were skipped in each session, the scores by session (instrument, session, score, band), and what the clinician
found hard, in her own words.

Never in the summary: the client's name, identity code, birth date, school or unit, local identifier, phone,
guardians, any date (dates of visits and questionnaires are quasi-identifiers), the goal, the reason for ending,
alert acknowledgement notes. The session free texts (notes, agenda item notes, homework) appear only when the
clinician explicitly asks for them (`include_notes`), after the UI has warned her that they may identify the client.

The summary is a document: its language is chosen per summary, independent of the UI language, so its fixed
phrases live in `PHRASES` below (the same way as `export.text_entry`), and content texts (method, focus area,
agenda items, bands) come from the protocol and instrument definitions in the same language.

Rendering is pure (`build_case_summary`, `case_summary_text`, `case_summary_pdf`). `save_case_summary` writes the
file the clinician chose and logs it in the export log and the disclosure log in one transaction, like every other
export (kind "case_summary").
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import (
    OutcomeCategory,
    category_label,
    classify,
    is_finished,
    measure_words,
    source_text,
)
from askel.core.content.statement import from_record
from askel.export.destinations import file_target, payload, write
from askel.export.formatting import check_language, format_change, format_number, one_line
from askel.export.log import Disclosure, record_disclosure
from askel.export.record_facts import record_facts
from askel.export.record_safe import own
from askel.export.text_entry import FAMILY_ITEM
from askel.export.text_entry import PHRASES as ENTRY_PHRASES
from askel.store.courses import (
    attended_method_sessions,
    fidelity,
    first_and_last_scores,
    method_sessions,
    scores_by_instrument,
)
from askel.store.installation import identity
from askel.store.models import ExportRecord, utcnow

KIND = "case_summary"  # the export log's kind (the format goes into the audit detail)
FORMATS = ("pdf", "text")
EXTENSIONS = {"pdf": ".pdf", "text": ".txt"}
MEDIA_TYPES = {"pdf": "application/pdf", "text": "text/plain; charset=utf-8"}
RECIPIENT = "mentor"  # recipient and basis codes of the export log (see export.log)
BASIS = "mentoring"

# Fixed phrases of the summary. Placeholders use str.format names. The words follow the product's glossary:
# "tapaaminen" / "träff" for a session (this is not the patient record, where a visit is "käynti" / "besök").
PHRASES: Mapping[str, Mapping[str, str]] = {
    "fi": {
        "title": "Anonymisoitu tapausyhteenveto menetelmäohjaukseen",
        "privacy.anonymised": "Yhteenvedossa ei ole asiakkaan nimeä, henkilötunnusta, syntymäaikaa, koulua tai "
                              "yksikköä, tunnistetta, päivämääriä eikä tapaamisten muistiinpanoja.",
        "privacy.with_notes": "Yhteenvedossa ei ole asiakkaan nimeä, henkilötunnusta, syntymäaikaa, koulua tai "
                              "yksikköä, tunnistetta eikä päivämääriä. Tapaamisten muistiinpanot ovat mukana "
                              "sellaisinaan, ja niistä voi tunnistaa asiakkaan: käsittele yhteenvetoa "
                              "luottamuksellisena.",
        "heading.course": "Hoitojakso",
        "heading.sessions": "Tapaamiset",
        "heading.scores": "Pisteiden kehitys",
        "heading.hard": "Mikä oli vaikeaa",
        "course.method": "Menetelmä: {method}",
        "course.focus": "Painopistealue: {area}",
        "course.no_focus": "Painopistealue: ei valittu",
        "course.status": "Tilanne: {status}",
        "status.planned": "ei vielä alkanut",
        "status.active": "käynnissä",
        "status.completed": "päättyi suunnitellusti",
        "status.interrupted": "keskeytyi",
        "course.sessions": "Tapaamiset: {attended} toteutunut, suunniteltu {planned}; peruttu {cancelled}, "
                           "asiakas ei saapunut {no_show}",
        "course.fidelity": "Asialistan kohdat: {done}/{planned} käsitelty ({percent} %)",
        "course.next_step": "Jatko (työntekijän päätös): {step}",
        "course.usefulness": "Asiakkaan arvio hoidon hyödyllisyydestä: {value}/4",
        "session.attended": "Tapaaminen {number}/{planned}: {mode}{duration}{parent}",
        "session.duration": ", {minutes} min",
        "session.parent": ", vanhempi mukana",
        "session.open": " (kesken)",
        "session.missed": "Tapaaminen {number}/{planned}: {attendance}",
        "session.done": "- Käsitelty: {items}",
        "session.skipped": "- Jäi käsittelemättä: {items}",
        "session.not_yet": "- Ei vielä käsitelty: {items}",
        "session.no_items": "ei yhtään",
        "session.item": "kohta {number}",
        "session.notes": "- Muistiinpanot: {text}",
        "session.homework_review": "- Kotitehtävän toteutuminen: {text}",
        "session.homework": "- Kotitehtävä: {text}",
        "session.none": "Tapaamisia ei ole vielä kirjattu.",
        "scores.instrument": "Mittari",
        "scores.session": "Tapaaminen",
        "scores.score": "Pisteet",
        "scores.band": "Vaikeusaste",
        "scores.row": "{name}, {session}: {score} pistettä{band}{respondent}",
        "scores.session_number": "tapaaminen {number}",
        "scores.no_session": "tapaamisten ulkopuolella",
        "respondent.parent": "vanhemman arvio",
        "respondent.clinician": "työntekijän arvio",
        "scores.change": "{name}: muutos ensimmäisestä viimeiseen mittaukseen {change}",
        "scores.outcome": "Muutosluokka ({criteria}): {category}",
        "scores.alert": "{name}, {session}: vastaus kysymykseen {item} vaati kliinisen arvion.",
        "scores.none": "Kyselyjä ei täytetty.",
        "hard.empty": "Ei kirjoitettu.",
    },
    "sv": {
        "title": "Anonymiserad fallsammanfattning för metodhandledning",
        "privacy.anonymised": "Sammanfattningen innehåller inte klientens namn, personbeteckning, födelsedatum, "
                              "skola eller enhet, identifierare, datum eller anteckningar från träffarna.",
        "privacy.with_notes": "Sammanfattningen innehåller inte klientens namn, personbeteckning, födelsedatum, "
                              "skola eller enhet, identifierare eller datum. Anteckningarna från träffarna finns "
                              "med som de skrevs, och de kan avslöja vem klienten är: behandla sammanfattningen "
                              "konfidentiellt.",
        "heading.course": "Vårdperiod",
        "heading.sessions": "Träffar",
        "heading.scores": "Poängens utveckling",
        "heading.hard": "Vad som var svårt",
        "course.method": "Metod: {method}",
        "course.focus": "Fokusområde: {area}",
        "course.no_focus": "Fokusområde: inte valt",
        "course.status": "Läge: {status}",
        "status.planned": "inte påbörjad",
        "status.active": "pågår",
        "status.completed": "avslutad enligt plan",
        "status.interrupted": "avbruten",
        "course.sessions": "Träffar: {attended} genomförda, planerat {planned}; avbokade {cancelled}, "
                           "klienten uteblev {no_show}",
        "course.fidelity": "Punkter på agendan: {done}/{planned} behandlade ({percent} %)",
        "course.next_step": "Fortsättning (yrkespersonens beslut): {step}",
        "course.usefulness": "Klientens bedömning av vårdens nytta: {value}/4",
        "session.attended": "Träff {number}/{planned}: {mode}{duration}{parent}",
        "session.duration": ", {minutes} min",
        "session.parent": ", förälder med",
        "session.open": " (pågår)",
        "session.missed": "Träff {number}/{planned}: {attendance}",
        "session.done": "- Behandlat: {items}",
        "session.skipped": "- Blev obehandlat: {items}",
        "session.not_yet": "- Ännu inte behandlat: {items}",
        "session.no_items": "inga",
        "session.item": "punkt {number}",
        "session.notes": "- Anteckningar: {text}",
        "session.homework_review": "- Uppföljning av hemuppgiften: {text}",
        "session.homework": "- Hemuppgift: {text}",
        "session.none": "Inga träffar har antecknats ännu.",
        "scores.instrument": "Mätare",
        "scores.session": "Träff",
        "scores.score": "Poäng",
        "scores.band": "Svårighetsgrad",
        "scores.row": "{name}, {session}: {score} poäng{band}{respondent}",
        "scores.session_number": "träff {number}",
        "scores.no_session": "utanför träffarna",
        "respondent.parent": "förälderns bedömning",
        "respondent.clinician": "yrkespersonens bedömning",
        "scores.change": "{name}: förändring från första till senaste mätningen {change}",
        "scores.outcome": "Förändringskategori ({criteria}): {category}",
        "scores.alert": "{name}, {session}: svaret på fråga {item} krävde klinisk bedömning.",
        "scores.none": "Inga formulär fylldes i.",
        "hard.empty": "Inget skrivet.",
    },
}


def phrase(language: str, key: str, **values: object) -> str:
    return PHRASES[language][key].format(**values)


@dataclass(frozen=True)
class CaseSummaryOptions:
    language: str
    what_was_hard: str = ""
    include_notes: bool = False  # only after the clinician has been warned that notes may identify the client
    outcome_preset: str = "nhs"


@dataclass(frozen=True)
class ScoreRow:
    instrument: str
    session: str  # "3", or "–" for a questionnaire given outside the sessions
    score: str
    band: str
    respondent: str = ""  # "" for the client, else e.g. "vanhemman arvio"
    note: str = ""  # "" or what a reader must know about the score (prorated: the questions not answered)

    @property
    def band_and_note(self) -> str:
        return "; ".join(part for part in (self.band, self.note) if part)


@dataclass(frozen=True)
class SessionBlock:
    heading: str
    lines: tuple[str, ...]  # each "- …"


@dataclass(frozen=True)
class CaseSummary:
    language: str
    title: str
    privacy_note: str
    course_lines: tuple[str, ...]
    sessions: tuple[SessionBlock, ...]
    scores: tuple[ScoreRow, ...]
    score_lines: tuple[str, ...]  # change, outcome category and risk answers under the scores
    what_was_hard: str
    include_notes: bool

    def p(self, key: str, **values: object) -> str:
        return phrase(self.language, key, **values)

    def score_line(self, row: ScoreRow) -> str:
        session = (self.p("scores.session_number", number=row.session) if row.session != "–"
                   else self.p("scores.no_session"))
        return self.p("scores.row", name=row.instrument, session=session, score=row.score,
                      band=f" ({row.band_and_note})" if row.band_and_note else "",
                      respondent=f", {row.respondent}" if row.respondent else "")

    def text(self) -> str:
        """Plain text: the title, the privacy note, then each section under its heading."""
        blocks = ["\n".join((self.title, self.privacy_note))]
        blocks.append("\n".join((self.p("heading.course"), *self.course_lines)))
        session_lines = [line for block in self.sessions for line in (block.heading, *block.lines)]
        blocks.append("\n".join((self.p("heading.sessions"), *(session_lines or [self.p("session.none")]))))
        score_lines = [self.score_line(row) for row in self.scores] or [self.p("scores.none")]
        blocks.append("\n".join((self.p("heading.scores"), *score_lines, *self.score_lines)))
        blocks.append("\n".join((self.p("heading.hard"), self.what_was_hard or self.p("hard.empty"))))
        return "\n\n".join(blocks) + "\n"


def build_case_summary(course, library, options: CaseSummaryOptions) -> CaseSummary:
    """The summary of a loaded course (sessions and administrations loaded, as `load_course` gives)."""
    check_language(options.language)
    return _Builder(course, library, options).build()


def case_summary_text(course, library, options: CaseSummaryOptions) -> str:
    return build_case_summary(course, library, options).text()


def clean_free_text(text: str) -> str:
    """The clinician's own text, kept as written (paragraphs stay), without stray whitespace at the ends."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


class _Builder:
    def __init__(self, course, library, options: CaseSummaryOptions):
        self.course, self.library, self.options = course, library, options
        self.language = options.language
        try:
            self.protocol = library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            self.protocol = None
        self.facts = record_facts(course, library)  # the planned and attended visits, as the record says them
        self.planned = self.facts.planned
        self.series = scores_by_instrument(course)
        self.numbers = {s.id: s.number for s in method_sessions(course)}

    def p(self, key: str, **values: object) -> str:
        return phrase(self.language, key, **values)

    def entry_phrase(self, key: str) -> str:
        """A phrase shared with the record entry (visit modes, attendance, outcome categories)."""
        return ENTRY_PHRASES[self.language][key]

    def build(self) -> CaseSummary:
        privacy = self.p("privacy.with_notes" if self.options.include_notes else "privacy.anonymised")
        return CaseSummary(
            language=self.language, title=self.p("title"), privacy_note=privacy,
            course_lines=tuple(self.course_lines()), sessions=tuple(self.session_blocks()),
            scores=tuple(self.score_rows()), score_lines=tuple(self.score_lines()),
            what_was_hard=clean_free_text(self.options.what_was_hard), include_notes=self.options.include_notes,
        )

    # -- content names --------------------------------------------------------------------------------------------
    def method_name(self) -> str:
        return self.protocol.name.get(self.language) if self.protocol else self.course.method_id

    def instrument(self, administration):
        try:
            return self.library.instrument(administration.instrument_id, administration.instrument_version)
        except ContentNotFound:
            return None

    def instrument_name(self, administration) -> str:
        instrument = self.instrument(administration)
        return instrument.short_name.get(self.language) if instrument else administration.instrument_id

    def band(self, administration) -> str:
        if not administration.band:
            return ""
        instrument = self.instrument(administration)
        labels = {} if instrument is None else {
            band.id: band.label.get(self.language) for band_set in instrument.scoring.band_sets for band in band_set.bands
        }
        return labels.get(administration.band, administration.band)

    def item_number(self, administration, item_id: str) -> str:
        instrument = self.instrument(administration)
        if instrument is not None and item_id in instrument.item_ids:
            return str(instrument.item_ids.index(item_id) + 1)
        return item_id

    # -- the course -----------------------------------------------------------------------------------------------
    def course_lines(self) -> list[str]:
        course = self.course
        lines = [self.p("course.method", method=self.method_name())]
        if course.focus_area:
            area = None
            if self.protocol:
                area = next((a for a in self.protocol.focus_areas if a.id == course.focus_area), None)
            lines.append(self.p("course.focus", area=area.name.get(self.language) if area else course.focus_area))
        else:
            lines.append(self.p("course.no_focus"))
        lines.append(self.p("course.status", status=self.p(f"status.{course.status}")))
        count = {kind: self.facts.count(kind) for kind in ("attended", "cancelled", "no_show")}
        lines.append(self.p("course.sessions", attended=count["attended"], planned=self.planned,
                            cancelled=count["cancelled"], no_show=count["no_show"]))
        if self.protocol is not None:
            result = fidelity(course, self.protocol)
            if result.items_planned:
                lines.append(self.p("course.fidelity", done=result.items_done, planned=result.items_planned,
                                    percent=round(100 * result.share_done)))
        if course.status in ("completed", "interrupted") and course.next_step:
            lines.append(self.p("course.next_step", step=self.entry_phrase(f"next_step.{course.next_step}")))
        if course.usefulness in (1, 2, 3, 4):
            lines.append(self.p("course.usefulness", value=course.usefulness))
        return lines

    # -- the sessions ---------------------------------------------------------------------------------------------
    def session_blocks(self) -> list[SessionBlock]:
        # The sessions of the method (a mentoring meeting looks at how the method was followed), not other contacts.
        return [self.session_block(record) for record in method_sessions(self.course)]

    def session_block(self, session) -> SessionBlock:
        when = {"number": session.number, "planned": self.planned}
        if session.attendance != "attended":
            return SessionBlock(self.p("session.missed", attendance=self.entry_phrase(f"attendance.{session.attendance}"),
                                       **when), ())
        duration = self.p("session.duration", minutes=session.duration_minutes) if session.duration_minutes else ""
        parent = self.p("session.parent") if "parent" in (session.attendees or []) else ""
        heading = self.p("session.attended", mode=self.entry_phrase(f"mode.{session.mode}"), duration=duration,
                         parent=parent, **when)
        if not session.closed:
            heading += self.p("session.open")
        done, skipped = self.agenda(session)
        none = self.p("session.no_items")
        lines = [self.p("session.done", items="; ".join(done) or none)]
        if skipped:
            lines.append(self.p("session.skipped" if session.closed else "session.not_yet", items="; ".join(skipped)))
        if self.options.include_notes:
            if one_line(session.homework_review):
                lines.append(self.p("session.homework_review", text=one_line(session.homework_review)))
            if one_line(session.homework_given):
                lines.append(self.p("session.homework", text=one_line(session.homework_given)))
            if one_line(session.notes):
                lines.append(self.p("session.notes", text=one_line(session.notes)))
        return SessionBlock(heading, tuple(lines))

    def agenda(self, session) -> tuple[list[str], list[str]]:
        """Agenda items done and not done, in the protocol's order (with the clinician's item notes only when
        notes are included)."""
        template = self.protocol.session_template(session.number, self.planned) if self.protocol else None
        agenda = session.agenda or {}
        if template is not None:
            keys = [str(i) for i in range(len(template.agenda))]
        else:
            keys = sorted((k for k in agenda if k.isdigit()), key=int)
        if self.course.has_dependants or (agenda.get(FAMILY_ITEM) or {}).get("done"):
            keys.append(FAMILY_ITEM)
        done, skipped = [], []
        for key in keys:
            if key == FAMILY_ITEM:
                text = self.entry_phrase("impl.family_item")
            elif template is not None:
                text = template.agenda[int(key)].get(self.language)
            else:
                text = self.p("session.item", number=int(key) + 1)
            state = agenda.get(key) or {}
            if state.get("done"):
                note = one_line(state.get("note")) if self.options.include_notes else ""
                done.append(f"{text} ({note})" if note else text)
            else:
                skipped.append(text)
        return done, skipped

    # -- the scores -----------------------------------------------------------------------------------------------
    def administrations(self) -> list:
        return sorted((a for items in self.series.values() for a in items),
                      key=lambda a: (a.instrument_id, self.numbers.get(a.session_id, 10**6), a.administered_at))

    def session_label(self, administration) -> str:
        number = self.numbers.get(administration.session_id)
        return str(number) if number is not None else "–"

    def score_rows(self) -> list[ScoreRow]:
        rows = []
        for administration in self.administrations():
            respondent = ""
            if administration.respondent in ("parent", "clinician"):
                respondent = self.p(f"respondent.{administration.respondent}")
            instrument = self.instrument(administration)
            note = "" if instrument is None else from_record(instrument, administration).prorated_text(
                self.language, short=True)
            rows.append(ScoreRow(self.instrument_name(administration), self.session_label(administration),
                                 format_number(administration.total), self.band(administration), respondent,
                                 own(note)))
        return rows

    def score_lines(self) -> list[str]:
        lines = []
        for _, items in sorted(self.series.items()):
            if len(items) > 1:
                lines.append(self.p("scores.change", name=self.instrument_name(items[-1]),
                                    change=format_change(items[-1].total - items[0].total)))
        first, last = first_and_last_scores(self.course)
        preset = self.options.outcome_preset
        outcome = classify(first, last, preset)
        finished = self.course.status in ("completed", "interrupted") and is_finished(
            len(attended_method_sessions(self.course)), preset)
        if outcome.category is not OutcomeCategory.NOT_ENOUGH_DATA and finished:
            _, indices = measure_words(self.library, preset, self.language)
            lines.append(self.p("scores.outcome", criteria=own(source_text(preset, self.language)),
                                category=own(category_label(outcome.category, preset, self.language, indices))))
        for administration in sorted(self.course.administrations, key=lambda a: a.administered_at):
            for alert in administration.alerts or []:
                number = self.numbers.get(administration.session_id)
                session = (self.p("scores.session_number", number=number) if number is not None
                           else self.p("scores.no_session"))
                lines.append(self.p("scores.alert", name=self.instrument_name(administration), session=session,
                                    item=self.item_number(administration, str(alert.get("item", "")))))
        return lines


# -- PDF ------------------------------------------------------------------------------------------------------------
def summary_html(summary: CaseSummary) -> str:
    p = summary.p
    muted = "color:#4a5563;"
    tight = 'style="margin-top: 2px; margin-bottom: 2px;"'
    parts = ['<html><body style="font-family: \'DejaVu Sans\'; font-size: 10pt;">',
             f'<h1 style="font-size: 16pt;">{escape(summary.title)}</h1>',
             f'<p style="{muted}"><i>{escape(summary.privacy_note)}</i></p>',
             f'<h2 style="font-size: 12pt;">{escape(p("heading.course"))}</h2>']
    parts.extend(f"<p {tight}>{escape(line)}</p>" for line in summary.course_lines)
    parts.append(f'<h2 style="font-size: 12pt;">{escape(p("heading.sessions"))}</h2>')
    if not summary.sessions:
        parts.append(f"<p>{escape(p('session.none'))}</p>")
    for block in summary.sessions:
        parts.append(f'<p style="margin-top: 8px;"><b>{escape(block.heading)}</b></p>')
        for line in block.lines:
            parts.append(f'<p style="margin-left: 16px; margin-top: 2px; margin-bottom: 2px;">'
                         f'• {escape(line.removeprefix("- "))}</p>')
    parts.append(f'<h2 style="font-size: 12pt;">{escape(p("heading.scores"))}</h2>')
    if summary.scores:
        cell = 'style="border: 1px solid #9aa4b0; padding: 4px;"'
        parts.append('<table width="100%" cellspacing="0" cellpadding="4" style="border-collapse: collapse;">')
        parts.append("<tr>" + "".join(
            f"<th {cell} align=\"left\">{escape(p(key))}</th>"
            for key in ("scores.instrument", "scores.session", "scores.score", "scores.band")) + "</tr>")
        for row in summary.scores:
            band = row.band_and_note + (f" ({row.respondent})" if row.respondent else "")
            parts.append(f"<tr><td {cell}>{escape(row.instrument)}</td><td {cell} align=\"right\">"
                         f"{escape(row.session)}</td><td {cell} align=\"right\">{escape(row.score)}</td>"
                         f"<td {cell}>{escape(band)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{escape(p('scores.none'))}</p>")
    parts.extend(f"<p {tight}>{escape(line)}</p>" for line in summary.score_lines)
    parts.append(f'<h2 style="font-size: 12pt;">{escape(p("heading.hard"))}</h2>')
    if summary.what_was_hard:
        parts.extend(f"<p>{escape(paragraph).replace(chr(10), '<br>')}</p>"
                     for paragraph in re.split(r"\n\s*\n", summary.what_was_hard))
    else:
        parts.append(f'<p style="{muted}">{escape(p("hard.empty"))}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def summary_pdf(summary: CaseSummary) -> bytes:
    """The summary as PDF bytes, made in memory. The PDF's metadata carries only the title and "Askel"."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from askel.export.pdf import RESOLUTION, ensure_gui_application, paint_document

    ensure_gui_application()
    document = QTextDocument()
    document.setHtml(summary_html(summary))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("Askel")
    writer.setTitle(f"Askel – {summary.title}")
    paint_document(document, writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def case_summary_pdf(course, library, options: CaseSummaryOptions) -> bytes:
    return summary_pdf(build_case_summary(course, library, options))


# -- rendering and saving ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RenderedSummary:
    client_id: str  # for the disclosure log only; never in the document
    course_id: str
    language: str
    format: str
    include_notes: bool
    data: bytes
    text: str  # the plain-text version (for a preview)

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


def render_case_summary(course, library, options: CaseSummaryOptions, fmt: str) -> RenderedSummary:
    if fmt not in FORMATS:
        raise ValueError("case summary format must be pdf or text")
    summary = build_case_summary(course, library, options)
    text = summary.text()
    data = summary_pdf(summary) if fmt == "pdf" else text.encode("utf-8")
    return RenderedSummary(course.client_id, course.id, options.language, fmt, options.include_notes, data, text)


def suggested_file_name(fmt: str, language: str, when: datetime | None = None) -> str:
    """A file name without client data: askel-case-summary-<language>-<UTC time>-<random>.<ext>."""
    when = when or utcnow()
    return f"askel-case-summary-{language}-{when:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}{EXTENSIONS[fmt]}"


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def save_case_summary(vault, rendered: RenderedSummary, path: Path, *, drop_folder: str = "",
                      recipient_key: str = "") -> ExportRecord:
    """Write the summary to `path` (atomically, owner-only) and log it, in one transaction.

    One export-log row (kind "case_summary", recipient "mentor", basis "mentoring") and one audit event `export`
    (target `course:<id>`, with the format and whether notes were included), as `export.log.record_disclosure`
    does. The row belongs to the course, so it shows in the course's export list; retention does not count it as
    the course reaching the patient record (see export.log.RECORD_KINDS). A file inside IT's drop folder is
    encrypted to the recipient key, as every export there is.
    """
    target = file_target(Path(path), encrypt=False, drop_folder=drop_folder, recipient_key=recipient_key)
    file_name = suggested_file_name(rendered.format, rendered.language)
    with vault.read() as session:
        signer = identity(session)
    data = payload(target, rendered.data, rendered.media_type, file_name, signer=signer)
    return record_disclosure(
        vault, Disclosure(rendered.client_id, rendered.course_id, None, KIND, rendered.language), action="export",
        destination=str(target.path), data=data, recipient=RECIPIENT, basis=BASIS,
        detail={"format": rendered.format, "include_notes": rendered.include_notes, "encrypted": target.encrypt},
        write=lambda: write(target, data), written_path=target.path, chosen_name=target.chosen_name,
    )


# -- a check of the clinician's own text ----------------------------------------------------------------------------
BLOCKING = ("identity_code", "local_id", "birth_date", "phone")  # never needed in a mentoring text
WARNING = ("name", "school")  # may be an ordinary word too ("Aino" / "ainoa"): the clinician decides


@dataclass(frozen=True)
class Finding:
    kind: str  # one of BLOCKING or WARNING
    found: str  # the words as they stand in the text


def identifying_details(text: str, client) -> tuple[Finding, ...]:
    """Where `text` names the client: identity code, local identifier, birth date, phone, name, school or unit.

    Names and the school match at the start of a word, so inflected forms ("Ainon", "Kivikon koulussa") are found.
    """
    if not text:
        return ()
    findings: list[Finding] = []

    def look(kind: str, pattern: str) -> None:
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            end = match.end()
            while end < len(text) and text[end].isalnum():  # the whole inflected word
                end += 1
            findings.append(Finding(kind, text[match.start():end]))

    if client.hetu:
        look("identity_code", re.escape(client.hetu))
    if client.local_id:
        look("local_id", r"(?<!\w)" + re.escape(client.local_id).replace(r"\-", r"[-\s]?"))
    if client.birth_date:
        day, month, year = client.birth_date.day, client.birth_date.month, client.birth_date.year
        forms = {f"{day}.{month}.{year}", f"{day:02d}.{month:02d}.{year}", f"{day}.{month}.{year % 100:02d}",
                 f"{day:02d}.{month:02d}.{year % 100:02d}", client.birth_date.isoformat(),
                 f"{day:02d}{month:02d}{year % 100:02d}"}
        for form in sorted(forms):
            look("birth_date", r"(?<!\d)" + re.escape(form) + r"(?!\d)")
    digits = re.sub(r"\D", "", client.phone or "")
    if len(digits) >= 6:
        look("phone", r"\s?".join(re.escape(d) for d in digits))
    names = {part for name in (client.given_names, client.family_name)
             for part in re.split(r"[\s\-]+", name or "") if len(part) >= 2}
    for part in sorted(names):
        look("name", r"(?<!\w)" + re.escape(part))
    if client.school_or_unit and len(client.school_or_unit.strip()) >= 3:
        look("school", r"(?<!\w)" + r"\s+".join(re.escape(w) for w in client.school_or_unit.split()))
    unique = {}
    for finding in findings:
        unique.setdefault((finding.kind, finding.found.casefold()), finding)
    return tuple(unique.values())
