"""The structured text entry for the patient record, under the national headings, in Finnish or Swedish.

The entry is a *document*: its language is chosen per export and is independent of the UI language, so its fixed
phrases live in the `PHRASES` table below (not in Qt's catalogue). Content texts (method names, agenda items, band
labels) come from the protocol and instrument definitions in the same language.

Two scopes: one session (`session_number=n`) or the whole course. Two audiences:
- "record": for the patient record and staff. Carries the clinician's notes, agenda notes, the homework review,
  the reason for ending and every risk alert ("requires clinical assessment") with its acknowledgement note;
- "client": for the client's own copy. None of the above: only what was agreed and measured.

The entry never recommends a treatment step. The next step appears only as the clinician's recorded decision,
and a care step only as the clinician's recorded assessment.

`build_entry()` returns an `Entry` (sections of lines) that the PDF and the FHIR Composition reuse, so the three
exports say the same thing; `Entry.text()` is the paste-ready plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from askel.core.contacts import FIXED_MODES, is_method_session
from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import OutcomeCategory, classify
from askel.export.formatting import (
    check_language,
    format_change,
    format_date,
    format_number,
    format_time,
    one_line,
    utc_to_local,
)
from askel.store.courses import first_and_last_scores, method_sessions, scores_by_instrument

AUDIENCES = ("record", "client")
SECTION_KEYS = ("need", "plan", "implementation", "evaluation", "next")
FAMILY_ITEM = "family"  # the family-perspective agenda item (see ui.session_runner)

# Fixed phrases of the export documents. Placeholders use str.format names. Swedish follows the usage of
# Finland-Swedish health records ("besök" for a visit in the record, "vårdperiod" for a course).
PHRASES: Mapping[str, Mapping[str, str]] = {
    "fi": {
        # headings (the national process headings)
        "heading.need": "Hoidon tarve",
        "heading.plan": "Hoidon suunnittelu / tavoite",
        "heading.implementation": "Hoidon toteutus",
        "heading.evaluation": "Hoidon arviointi",
        "heading.next": "Jatkosuunnitelma",
        # titles
        "title.course": "Hoitojakson yhteenveto: {method}",
        "title.session": "Käynti {number}/{planned}: {method}",
        "title.contact": "{kind} {date}: {method}",
        "empty": "Ei kirjauksia.",
        # need
        "need.established": "Hoidon tarve todettu {date}.",
        "need.referral": "Ohjautuminen: {source}.",
        "need.referral_reference": "Ohjautuminen: {source} (viite {reference}).",
        "need.diagnosis": "Diagnoosi (ICD-10): {code}",
        "need.baseline": "Alkumittaus: {measures}.",
        "referral.first_assessment": "ensijäsennyskäynti",
        "referral.terapianavigaattori": "Terapianavigaattori",
        "referral.school": "koulu",
        "referral.self_referral": "oma yhteydenotto",
        "referral.other": "muu",
        # plan
        "plan.method": "Menetelmä: {method}, suunniteltu {planned} käyntiä.",
        "plan.focus": "Painopistealue: {area}.",
        "plan.goal": "Tavoite: {goal}",
        "plan.step": "Hoitoporras (työntekijän arvio): {step}.",
        "step.1": "1 ohjattu omahoito",
        "step.2": "2 lyhytterapia",
        "step.3": "3 lyhytpsykoterapia",
        "step.4": "4 pitkä psykoterapia tai erikoissairaanhoito",
        # implementation
        "impl.procedure": "Toimenpidekoodi (THL): {code}",
        "impl.count": "Käynnit: {attended}/{planned} toteutunut; peruttu {cancelled}, ei saapunut {no_show}.",
        "impl.visit": "Käynti {number}/{planned} {date} {time}, {mode}{duration}.",
        "impl.visit_missed": "Käynti {number}/{planned} {date} {time}: {attendance}.",
        "impl.contact": "{kind} {date} {time}{mode}{duration}.",
        "impl.contact_mode": ", {mode}",
        "contact.phone": "Puhelu",
        "contact.message": "Viesti",
        "contact.guardian_meeting": "Tapaaminen huoltajan kanssa",
        "contact.consultation": "Konsultaatio",
        "contact.parent_meeting": "Vanhempainryhmän tapaaminen",
        "contact.other": "Muu yhteydenotto",
        "impl.duration": ", {minutes} min",
        "impl.attendees": "- Läsnä: {who}",
        "impl.agenda": "- Käsitellyt asiat: {items}",
        "impl.homework_review": "- Kotitehtävän toteutuminen: {text}",
        "impl.homework": "- Kotitehtävä: {text}",
        "impl.notes": "- Muistiinpanot: {text}",
        "impl.item": "kohta {number}",
        "impl.family_item": "lasten tilanne ja tuki (Lapset puheeksi)",
        "mode.in_person": "vastaanotolla",
        "mode.phone": "puhelimitse",
        "mode.video": "videoyhteydellä",
        "attendance.cancelled": "peruttu",
        "attendance.no_show": "asiakas ei saapunut",
        "attendee.client": "asiakas",
        "attendee.parent": "vanhempi",
        # evaluation
        "eval.session_score": "{name}: {score} pistettä{band}, muutos alusta {change}.",
        "eval.session_first": "{name}: {score} pistettä{band}, alkumittaus.",
        "eval.session_none": "Käynnillä ei täytetty kyselyjä.",
        "eval.course_score": "{name}: alussa {first}{first_band}, viimeisin {last}{last_band}, muutos {change}.",
        "eval.course_single": "{name}: {score} pistettä{band}, vain yksi mittaus.",
        "eval.course_none": "Hoitojakson aikana ei täytetty kyselyjä.",
        "eval.outcome": "Muutosluokka ({criteria}): {category}.",
        "eval.usefulness": "Asiakkaan arvio hoidon hyödyllisyydestä: {value}/4.",
        "eval.alert": "{name}, kysymys {item} ({date}, vastaus {value}): vaatii kliinisen arvion.",
        "eval.alert_ack": "Kuitattu {date}: {note}",
        "eval.alert_ack_empty": "Kuitattu {date}.",
        "eval.alert_open": "Ei vielä kuitattu.",
        "criteria.nhs": "NHS Talking Therapies -kriteerit",
        "criteria.fi_regional": "alueellinen malli",
        "outcome.reliably_recovered": "luotettavasti toipunut",
        "outcome.recovered": "toipunut",
        "outcome.reliably_improved": "luotettavasti kohentunut",
        "outcome.no_reliable_change": "ei luotettavaa muutosta",
        "outcome.deteriorated": "luotettavasti heikentynyt",
        "outcome.not_case_at_start": "ei kliinisellä tasolla alussa",
        # next
        "next.session": "Seuraava käynti {number}/{planned}: {purpose}",
        "next.session_plain": "Seuraava käynti {number}/{planned}.",
        "next.planned_done": "Suunnitellut käynnit on käyty; jatkosta päätetään hoitojakson päättyessä.",
        "next.course_continues": "Hoitojakso jatkuu: seuraava käynti {number}/{planned}.",
        "next.finished": "Hoitojakso päättyi {date}: {status}.",
        "next.end_reason": "Lopettamisen syy tai huomiot: {text}",
        "next.decision": "Jatko (työntekijän päätös): {step}.",
        "next.no_decision": "Jatkosta ei ole kirjattu päätöstä.",
        "status.completed": "toteutui suunnitellusti",
        "status.interrupted": "keskeytyi",
        "next_step.none": "ei jatkohoitoa",
        "next_step.follow_up": "seurantakäynti",
        "next_step.step_up": "intensiivisempi hoito",
        "next_step.specialised_care": "lähete erikoissairaanhoitoon",
    },
    "sv": {
        "heading.need": "Vårdbehov",
        "heading.plan": "Planering av vården / mål",
        "heading.implementation": "Genomförande av vården",
        "heading.evaluation": "Bedömning av vården",
        "heading.next": "Fortsatt plan",
        "title.course": "Sammanfattning av vårdperioden: {method}",
        "title.session": "Besök {number}/{planned}: {method}",
        "title.contact": "{kind} {date}: {method}",
        "empty": "Inga anteckningar.",
        "need.established": "Vårdbehovet konstaterat {date}.",
        "need.referral": "Kontaktväg: {source}.",
        "need.referral_reference": "Kontaktväg: {source} (referens {reference}).",
        "need.diagnosis": "Diagnos (ICD-10): {code}",
        "need.baseline": "Utgångsmätning: {measures}.",
        "referral.first_assessment": "första bedömning",
        "referral.terapianavigaattori": "Terapinavigatorn",
        "referral.school": "skolan",
        "referral.self_referral": "egen kontakt",
        "referral.other": "annan",
        "plan.method": "Metod: {method}, planerat {planned} besök.",
        "plan.focus": "Fokusområde: {area}.",
        "plan.goal": "Mål: {goal}",
        "plan.step": "Vårdnivå (den anställdas bedömning): {step}.",
        "step.1": "1 assisterad egenvård",
        "step.2": "2 korttidsterapi",
        "step.3": "3 kort psykoterapi",
        "step.4": "4 lång psykoterapi eller specialiserad sjukvård",
        "impl.procedure": "Åtgärdskod (THL): {code}",
        "impl.count": "Besök: {attended}/{planned} genomförda; inställda {cancelled}, uteblivna {no_show}.",
        "impl.visit": "Besök {number}/{planned} {date} {time}, {mode}{duration}.",
        "impl.visit_missed": "Besök {number}/{planned} {date} {time}: {attendance}.",
        "impl.contact": "{kind} {date} {time}{mode}{duration}.",
        "impl.contact_mode": ", {mode}",
        "contact.phone": "Telefonsamtal",
        "contact.message": "Meddelande",
        "contact.guardian_meeting": "Möte med vårdnadshavare",
        "contact.consultation": "Konsultation",
        "contact.parent_meeting": "Föräldramöte inom metoden",
        "contact.other": "Annan kontakt",
        "impl.duration": ", {minutes} min",
        "impl.attendees": "- Närvarande: {who}",
        "impl.agenda": "- Behandlade frågor: {items}",
        "impl.homework_review": "- Uppföljning av hemuppgiften: {text}",
        "impl.homework": "- Hemuppgift: {text}",
        "impl.notes": "- Anteckningar: {text}",
        "impl.item": "punkt {number}",
        "impl.family_item": "barnens situation och stöd (Föra barnen på tal)",
        "mode.in_person": "på mottagningen",
        "mode.phone": "per telefon",
        "mode.video": "via video",
        "attendance.cancelled": "inställt",
        "attendance.no_show": "klienten uteblev",
        "attendee.client": "klienten",
        "attendee.parent": "förälder",
        "eval.session_score": "{name}: {score} poäng{band}, förändring sedan start {change}.",
        "eval.session_first": "{name}: {score} poäng{band}, utgångsmätning.",
        "eval.session_none": "Inga formulär fylldes i vid besöket.",
        "eval.course_score": "{name}: vid start {first}{first_band}, senast {last}{last_band}, förändring {change}.",
        "eval.course_single": "{name}: {score} poäng{band}, endast en mätning.",
        "eval.course_none": "Inga formulär fylldes i under vårdperioden.",
        "eval.outcome": "Förändringskategori ({criteria}): {category}.",
        "eval.usefulness": "Klientens bedömning av vårdens nytta: {value}/4.",
        "eval.alert": "{name}, fråga {item} ({date}, svar {value}): kräver klinisk bedömning.",
        "eval.alert_ack": "Kvitterat {date}: {note}",
        "eval.alert_ack_empty": "Kvitterat {date}.",
        "eval.alert_open": "Ännu inte kvitterat.",
        "criteria.nhs": "kriterierna enligt NHS Talking Therapies",
        "criteria.fi_regional": "regional modell",
        "outcome.reliably_recovered": "tillförlitligt återhämtad",
        "outcome.recovered": "återhämtad",
        "outcome.reliably_improved": "tillförlitligt förbättrad",
        "outcome.no_reliable_change": "ingen tillförlitlig förändring",
        "outcome.deteriorated": "tillförlitligt försämrad",
        "outcome.not_case_at_start": "inte på klinisk nivå vid start",
        "next.session": "Nästa besök {number}/{planned}: {purpose}",
        "next.session_plain": "Nästa besök {number}/{planned}.",
        "next.planned_done": "De planerade besöken är genomförda; fortsättningen bestäms när vårdperioden avslutas.",
        "next.course_continues": "Vårdperioden fortsätter: nästa besök {number}/{planned}.",
        "next.finished": "Vårdperioden avslutades {date}: {status}.",
        "next.end_reason": "Orsak eller kommentarer: {text}",
        "next.decision": "Fortsättning (den anställdas beslut): {step}.",
        "next.no_decision": "Inget beslut om fortsättningen har antecknats.",
        "status.completed": "genomförd enligt plan",
        "status.interrupted": "avbruten",
        "next_step.none": "ingen fortsatt vård",
        "next_step.follow_up": "uppföljningsbesök",
        "next_step.step_up": "mer intensiv vård",
        "next_step.specialised_care": "remiss till specialiserad sjukvård",
    },
}


def phrase(language: str, key: str, **values: object) -> str:
    return PHRASES[language][key].format(**values)


@dataclass(frozen=True)
class Section:
    key: str  # one of SECTION_KEYS
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    language: str
    audience: str
    title: str
    sections: tuple[Section, ...]
    session_number: int | None = None

    def text(self) -> str:
        """Plain text ready to paste into the EHR note: heading, its lines, a blank line between sections."""
        blocks = ["\n".join((section.heading, *section.lines)) for section in self.sections]
        return "\n\n".join(blocks) + "\n"


def build_entry(course, library, language: str, *, session_number: int | None = None, audience: str = "record",
                outcome_preset: str = "nhs") -> Entry:
    """The entry for a loaded course (sessions, administrations and client loaded, as `load_course` gives).

    Raises LookupError when `session_number` names no session of the course, ValueError for a bad language or
    audience. The messages never carry client data.
    """
    check_language(language)
    if audience not in AUDIENCES:
        raise ValueError("audience must be record or client")
    builder = _Builder(course, library, language, audience, outcome_preset)
    session = None
    if session_number is not None:
        session = next((s for s in course.sessions if s.number == session_number), None)
        if session is None:
            raise LookupError("no session with this number in the course")
    return builder.build(session)


def text_entry(course, library, language: str, **options) -> str:
    return build_entry(course, library, language, **options).text()


class _Builder:
    def __init__(self, course, library, language: str, audience: str, outcome_preset: str):
        self.course, self.library, self.language = course, library, language
        self.record = audience == "record"
        self.audience = audience
        self.preset = outcome_preset
        try:
            self.protocol = library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            self.protocol = None
        self.planned = course.planned_sessions or (self.protocol.session_count.planned if self.protocol else 0)
        self.planned = max(self.planned, max((s.number for s in method_sessions(course)), default=0))
        self.series = scores_by_instrument(course)

    def p(self, key: str, **values: object) -> str:
        return phrase(self.language, key, **values)

    # -- names from content ---------------------------------------------------------------------------------------
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
        """' (moderate)' in the document language, or '' when there is no band."""
        if not administration.band:
            return ""
        instrument = self.instrument(administration)
        labels = {} if instrument is None else {
            band.id: band.label.get(self.language) for band_set in instrument.scoring.band_sets for band in band_set.bands
        }
        return f" ({labels.get(administration.band, administration.band)})"

    def item_number(self, administration, item_id: str) -> str:
        instrument = self.instrument(administration)
        if instrument is not None and item_id in instrument.item_ids:
            return str(instrument.item_ids.index(item_id) + 1)
        return item_id

    # -- the document ---------------------------------------------------------------------------------------------
    def build(self, session) -> Entry:
        if session is None:
            title = self.p("title.course", method=self.method_name())
        elif not is_method_session(session.kind):
            title = self.p("title.contact", kind=self.p(f"contact.{session.kind}"), date=format_date(session.starts_at),
                           method=self.method_name())
        else:
            title = self.p("title.session", number=session.number, planned=self.planned, method=self.method_name())
        parts = {
            "need": self.need(session),
            "plan": self.plan(),
            "implementation": self.implementation(session),
            "evaluation": self.evaluation(session),
            "next": self.next_plan(session),
        }
        sections = tuple(
            Section(key, self.p(f"heading.{key}"), tuple(lines) or (self.p("empty"),))
            for key, lines in parts.items()
        )
        return Entry(self.language, self.audience, title, sections, session.number if session else None)

    def need(self, session) -> list[str]:
        course = self.course
        lines = []
        if course.need_established:
            lines.append(self.p("need.established", date=format_date(course.need_established)))
        if course.referral_source:
            source = PHRASES[self.language].get(f"referral.{course.referral_source}", course.referral_source)
            if course.referral_reference:
                lines.append(self.p("need.referral_reference", source=source,
                                    reference=one_line(course.referral_reference)))
            else:
                lines.append(self.p("need.referral", source=source))
        if course.icd10:
            lines.append(self.p("need.diagnosis", code=course.icd10))
        if session is None and self.series:
            measures = "; ".join(
                f"{self.instrument_name(items[0])} {format_number(items[0].total)}{self.band(items[0])}"
                for _, items in sorted(self.series.items())
            )
            lines.append(self.p("need.baseline", measures=measures))
        return lines

    def plan(self) -> list[str]:
        course = self.course
        lines = [self.p("plan.method", method=self.method_name(), planned=self.planned)]
        if course.focus_area:
            area = None
            if self.protocol:
                area = next((a for a in self.protocol.focus_areas if a.id == course.focus_area), None)
            lines.append(self.p("plan.focus", area=area.name.get(self.language) if area else course.focus_area))
        if one_line(course.goal):
            lines.append(self.p("plan.goal", goal=one_line(course.goal)))
        if course.care_step in (1, 2, 3, 4):
            lines.append(self.p("plan.step", step=self.p(f"step.{course.care_step}")))
        return lines

    def procedure_codes(self) -> list[str]:
        if self.protocol is None:
            return []
        return list(dict.fromkeys(
            code.code for code in self.protocol.procedure_codes if code.code and code.format in ("any", "individual")
        ))

    def implementation(self, session) -> list[str]:
        lines = [self.p("impl.procedure", code=code) for code in self.procedure_codes()]
        # The whole course: every session of the method and every other contact, in the order they happened.
        sessions = [session] if session is not None else sorted(self.course.sessions, key=lambda s: s.starts_at)
        if session is None:
            count = {kind: sum(1 for s in method_sessions(self.course) if s.attendance == kind)
                     for kind in ("attended", "cancelled", "no_show")}
            lines.append(self.p("impl.count", attended=count["attended"], planned=self.planned,
                                cancelled=count["cancelled"], no_show=count["no_show"]))
        for record in sessions:
            lines.extend(self.visit(record))
        return lines

    def visit(self, session) -> list[str]:
        when = {"number": session.number, "planned": self.planned, "date": format_date(session.starts_at),
                "time": format_time(session.starts_at, self.language)}
        duration = self.p("impl.duration", minutes=session.duration_minutes) if session.duration_minutes else ""
        if not is_method_session(session.kind):
            # A contact is named by its kind, never by a session number of the method.
            mode = "" if session.kind in FIXED_MODES else self.p("impl.contact_mode", mode=self.p(f"mode.{session.mode}"))
            lines = [self.p("impl.contact", kind=self.p(f"contact.{session.kind}"), date=when["date"],
                            time=when["time"], mode=mode, duration=duration)]
        elif session.attendance != "attended":
            return [self.p("impl.visit_missed", attendance=self.p(f"attendance.{session.attendance}"), **when)]
        else:
            lines = [self.p("impl.visit", mode=self.p(f"mode.{session.mode}"), duration=duration, **when)]
        attendees = [a for a in (session.attendees or []) if a in ("client", "parent")]
        if attendees and attendees != ["client"]:
            lines.append(self.p("impl.attendees", who=", ".join(self.p(f"attendee.{a}") for a in attendees)))
        items = self.agenda_done(session)
        if items:
            lines.append(self.p("impl.agenda", items="; ".join(items)))
        if self.record and one_line(session.homework_review):
            lines.append(self.p("impl.homework_review", text=one_line(session.homework_review)))
        if one_line(session.homework_given):
            lines.append(self.p("impl.homework", text=one_line(session.homework_given)))
        if self.record and one_line(session.notes):
            lines.append(self.p("impl.notes", text=one_line(session.notes)))
        return lines

    def agenda_done(self, session) -> list[str]:
        if not is_method_session(session.kind):
            return []
        template = self.protocol.session_template(session.number, self.planned) if self.protocol else None
        done = []
        agenda = session.agenda or {}
        keys = [str(i) for i in range(len(template.agenda))] if template else sorted(
            (k for k in agenda if k.isdigit()), key=int)
        keys.append(FAMILY_ITEM)
        for key in keys:
            state = agenda.get(key) or {}
            if not state.get("done"):
                continue
            if key == FAMILY_ITEM:
                text = self.p("impl.family_item")
            elif template is not None:
                text = template.agenda[int(key)].get(self.language)
            else:
                text = self.p("impl.item", number=int(key) + 1)
            note = one_line(state.get("note"))
            done.append(f"{text} ({note})" if self.record and note else text)
        return done

    def evaluation(self, session) -> list[str]:
        lines = self.session_scores(session) if session is not None else self.course_scores()
        if self.record:
            lines.extend(self.alerts(session))
        return lines

    def session_scores(self, session) -> list[str]:
        given = [a for a in self.series_items() if a.session_id == session.id]
        if not given:
            return [self.p("eval.session_none")]
        lines = []
        for administration in given:
            first = self.series[administration.instrument_id][0]
            values = {"name": self.instrument_name(administration), "score": format_number(administration.total),
                      "band": self.band(administration)}
            if first.id == administration.id:
                lines.append(self.p("eval.session_first", **values))
            else:
                lines.append(self.p("eval.session_score", change=format_change(administration.total - first.total),
                                    **values))
        return lines

    def series_items(self) -> list:
        return sorted((a for items in self.series.values() for a in items), key=lambda a: a.administered_at)

    def course_scores(self) -> list[str]:
        if not self.series:
            return [self.p("eval.course_none")]
        lines = []
        for _, items in sorted(self.series.items()):
            first, last = items[0], items[-1]
            name = self.instrument_name(last)
            if len(items) == 1:
                lines.append(self.p("eval.course_single", name=name, score=format_number(first.total),
                                    band=self.band(first)))
            else:
                lines.append(self.p("eval.course_score", name=name, first=format_number(first.total),
                                    first_band=self.band(first), last=format_number(last.total),
                                    last_band=self.band(last), change=format_change(last.total - first.total)))
        first_scores, last_scores = first_and_last_scores(self.course)
        outcome = classify(first_scores, last_scores, self.preset)
        if outcome.category is not OutcomeCategory.NOT_ENOUGH_DATA:
            criteria = PHRASES[self.language].get(f"criteria.{self.preset}", self.preset)
            lines.append(self.p("eval.outcome", criteria=criteria, category=self.p(f"outcome.{outcome.category}")))
        if self.course.usefulness in (1, 2, 3, 4):
            lines.append(self.p("eval.usefulness", value=self.course.usefulness))
        return lines

    def alerts(self, session) -> list[str]:
        lines = []
        for administration in sorted(self.course.administrations, key=lambda a: a.administered_at):
            if session is not None and administration.session_id != session.id:
                continue
            for alert in administration.alerts or []:
                text = self.p("eval.alert", name=self.instrument_name(administration),
                              item=self.item_number(administration, str(alert.get("item", ""))),
                              date=format_date(utc_to_local(administration.administered_at)),
                              value=alert.get("value", ""))
                if administration.alert_acknowledged_at is not None:
                    when = format_date(utc_to_local(administration.alert_acknowledged_at))
                    note = one_line(administration.alert_action_note)
                    text += " " + (self.p("eval.alert_ack", date=when, note=note) if note
                                   else self.p("eval.alert_ack_empty", date=when))
                else:
                    text += " " + self.p("eval.alert_open")
                lines.append(text)
        return lines

    def next_plan(self, session) -> list[str]:
        course = self.course
        finished = course.status in ("completed", "interrupted")
        last_number = max((s.number for s in method_sessions(course)), default=0)
        if session is not None and not is_method_session(session.kind):
            session = None  # after a contact, what comes next is the course's next session of the method
        if finished and (session is None or session.number == last_number):
            lines = [self.p("next.finished", date=format_date(course.end_date), status=self.p(f"status.{course.status}"))]
            if self.record and one_line(course.end_reason):
                lines.append(self.p("next.end_reason", text=one_line(course.end_reason)))
            if course.next_step:
                lines.append(self.p("next.decision", step=self.p(f"next_step.{course.next_step}")))
            else:
                lines.append(self.p("next.no_decision"))
            return lines
        number = (session.number if session is not None else last_number) + 1
        if session is None:
            if number > self.planned:
                return [self.p("next.planned_done")]
            return [self.p("next.course_continues", number=number, planned=self.planned)]
        if number > self.planned:
            return [self.p("next.planned_done")]
        template = self.protocol.session_template(number, self.planned) if self.protocol else None
        if template is None:
            return [self.p("next.session_plain", number=number, planned=self.planned)]
        return [self.p("next.session", number=number, planned=self.planned, purpose=template.purpose.get(self.language))]
