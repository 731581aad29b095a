"""The structured text entry for the patient record, in Finnish or Swedish, under the headings of the clinician's role.

The entry is a *document*: its language is chosen per export and is independent of the UI language, so its fixed
phrases live in the `PHRASES` table below (not in Qt's catalogue). Content texts (method names, agenda items, band
labels) come from the protocol and instrument definitions in the same language. Every fact it states (planned and
attended visits, drafts, who answered, procedure codes, whether the course continues, what is new since the last
export) comes from `export.record_facts`, which the PDF and the FHIR document read too. Our own text is made
Latin-9 as it is written (`export.record_safe.own`); the user's text is left as typed and checked in the preview.

Headings: nurses and public health nurses write under the nursing process headings, psychologists under the
headings of their profession, every other role under the nursing ones (`askel.core.record_headings`).

Two scopes: one session (`session_number=n`) or the whole course. A visit entry carries the need and the plan only
when they are new since the last record export of the course. Two audiences:
- "record": for the patient record and staff. Carries the clinician's notes, agenda notes, the homework review,
  the reason for ending and every risk alert ("requires clinical assessment") with its acknowledgement note;
- "client": for the client's own copy. None of the above: only what was agreed and measured.

The entry never recommends a treatment step. The next step appears only as the clinician's recorded decision,
and a care step only as the clinician's recorded assessment.

`build_entry()` returns an `Entry` (a title and sections of lines, with the facts they were made from) that the PDF
and the FHIR Composition reuse; `Entry.text()` is the paste-ready plain text, title first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import (
    OutcomeCategory,
    category_label,
    classify,
    is_finished,
    measure_words,
    rules_text,
    state_text,
)
from askel.core.content.statement import from_record, wording_notes
from askel.core.groups import meeting_template
from askel.core.record_headings import SECTION_KEYS, Headings, load_headings
from askel.export.formatting import (
    check_language,
    format_change,
    format_date,
    format_number,
    format_time,
    one_line,
    utc_to_local,
)
from askel.export.record_facts import Baseline, RecordFacts, Visit, record_facts
from askel.export.record_safe import own

AUDIENCES = ("record", "client")
FAMILY_ITEM = "family"  # the family-perspective agenda item (see ui.session_runner)

__all__ = ["AUDIENCES", "FAMILY_ITEM", "PHRASES", "SECTION_KEYS", "Entry", "Section", "build_entry", "entry_for",
           "phrase", "text_entry"]

# Fixed phrases of the export documents. Placeholders use str.format names. Swedish follows the usage of
# Finland-Swedish health records ("besök" for a visit in the record, "vårdperiod" for a course). Only Latin-9
# characters (a test checks): record fields of some systems accept nothing else.
PHRASES: Mapping[str, Mapping[str, str]] = {
    "fi": {
        # headings: see askel.core.record_headings (by the clinician's role)
        # titles
        "title.course": "Hoitojakson yhteenveto: {method}",
        "title.session": "Käynti {visit}: {method}",
        "title.contact": "Yhteydenotto {date}: {method}",
        "empty": "Ei kirjauksia.",
        "visit.of": "{number}/{planned}",
        "visit.beyond": "{number} (suunniteltu {planned})",
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
        "plan.method_plain": "Menetelmä: {method}.",
        "plan.focus": "Painopistealue: {area}.",
        "plan.goal": "Tavoite: {goal}",
        "plan.step": "Hoitoporras (työntekijän arvio): {step}.",
        "step.1": "1 ohjattu omahoito",
        "step.2": "2 lyhytterapia",
        "step.3": "3 lyhytpsykoterapia",
        "step.4": "4 pitkä psykoterapia tai erikoissairaanhoito",
        # implementation
        "impl.procedure": "Toimenpidekoodi (THL): {code}",
        "impl.count": "Käynnit: toteutunut {attended}, suunniteltu {planned}; peruttu {cancelled}, ei saapunut {no_show}.",
        "impl.visit": "Käynti {visit} {date} {time}, {mode}{duration}.",
        "impl.visit_draft": "Käynti {visit} {date} {time}, {mode}{duration}: käynti on kesken, sen merkinnät ovat "
                            "luonnos.",
        "impl.visit_missed": "Käynti {visit} {date} {time}: {attendance}.",
        "impl.contact": "Muu yhteydenotto {date} {time}: {kind}, {mode}{duration}.",
        "impl.contact_missed": "Muu yhteydenotto {date} {time}: {kind}, {attendance}.",
        "contact.phone": "puhelu",
        "contact.message": "viesti",
        "contact.guardian_meeting": "huoltajan tapaaminen",
        "contact.consultation": "konsultaatio",
        "contact.parent_meeting": "vanhempien tapaaminen",
        "contact.other": "muu yhteydenotto",
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
        "respondent.parent": "vanhemman arvio",
        "respondent.clinician": "työntekijän arvio",
        "role.nurse": "sairaanhoitaja",
        "role.public_health_nurse": "terveydenhoitaja",
        "role.psychologist": "psykologi",
        "role.school_psychologist": "koulupsykologi",
        "role.social_worker": "sosiaalityöntekijä",
        # evaluation
        "eval.session_score": "{name}: {score} pistettä{band}, muutos alusta {change}.",
        "eval.session_first": "{name}: {score} pistettä{band}, alkumittaus.",
        "eval.session_none": "Käynnillä ei täytetty kyselyjä.",
        "eval.course_score": "{name}: alussa {first}{first_band}, viimeisin {last}{last_band}, muutos {change}.",
        "eval.course_single": "{name}: {score} pistettä{band}, vain yksi mittaus.",
        "eval.course_none": "Hoitojakson aikana ei täytetty kyselyjä.",
        "eval.outcome": "Muutosluokka: {category}.",
        "eval.usefulness": "Asiakkaan arvio hoidon hyödyllisyydestä: {value}/4.",
        "eval.alert": "{name}, kysymys {item} ({date}, vastaus {value}): vaatii kliinisen arvion.",
        "eval.alert_ack": "Kuitattu {date}: {note}",
        "eval.alert_ack_empty": "Kuitattu {date}.",
        "eval.alert_open": "Ei vielä kuitattu.",
        "eval.alert_unanswered": "{name}, kysymykseen {item} ei vastattu ({date}): asiasta kysytään asiakkaalta "
                                 "itse.",
        # next
        "next.session": "Seuraava käynti {visit}: {purpose}",
        "next.session_plain": "Seuraava käynti {visit}.",
        "next.planned_done": "Suunnitellut käynnit on käyty; jatkosta päätetään hoitojakson päättyessä.",
        "next.course_continues": "Hoitojakso jatkuu: seuraava käynti {visit}.",
        "next.not_started": "Hoitojakso ei ole vielä alkanut.",
        "next.finished": "Hoitojakso päättyi {date}: {status}.",
        "next.end_reason": "Lopettamisen syy tai huomiot: {text}",
        "next.decision": "Jatko (työntekijän päätös): {step}.",
        "next.no_decision": "Jatkosta ei ole kirjattu päätöstä.",
        "next.appointment": "Seuraava tapaaminen sovittu {date} {time}.",
        "status.completed": "toteutui suunnitellusti",
        "status.interrupted": "keskeytyi",
        "next_step.none": "ei jatkohoitoa",
        "next_step.follow_up": "seurantakäynti",
        "next_step.step_up": "intensiivisempi hoito",
        "next_step.specialised_care": "lähete erikoissairaanhoitoon",
        "title.group_session": "Ryhmätapaaminen {meeting}: {method}",
        "and": "ja",
        "plan.group": "Toteutusmuoto: {format}; ohjaajat {leaders}.",
        "plan.group_one": "Toteutusmuoto: {format}; ohjaaja {leaders}.",
        "plan.group_plain": "Toteutusmuoto: {format}.",
        "plan.joined_late": "Liittyi ryhmään {date} ryhmätapaamisesta {number} alkaen.",
        "plan.joined_reason": "Myöhemmän liittymisen syy: {text}",
        "format.client_group.adults": "aikuisten ryhmä",
        "format.client_group.adolescents": "nuorten ryhmä",
        "format.client_group.children": "lasten ryhmä",
        "format.client_group.small_children": "lasten ryhmä",
        "format.parent_group": "vanhempien ryhmä",
        "format.family_group": "lasten ja vanhempien yhteinen ryhmä",
        "impl.procedure_unverified": "Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.",
        "impl.group_visit": "Ryhmätapaaminen {meeting} {date} {time}, {mode}{duration}.",
        "impl.group_visit_draft": "Ryhmätapaaminen {meeting} {date} {time}, {mode}{duration}: tapaaminen on kesken, "
                                  "sen merkinnät ovat luonnos.",
        "impl.group_visit_missed": "Ryhmätapaaminen {meeting} {date} {time}: {attendance}.",
        "impl.group_agenda": "- Käsitellyt asiat ryhmässä: {items}",
        "impl.group_notes": "- Ryhmän muistiinpanot: {text}",
        "impl.member_notes": "- Muistiinpanot asiakkaasta: {text}",
        "next.group_session": "Seuraava ryhmätapaaminen {meeting}: {purpose}",
        "next.group_session_plain": "Seuraava ryhmätapaaminen {meeting}.",
        "next.group_continues": "Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen {meeting}.",
        "next.group_continues_on": "Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen {meeting} {date}.",
    },
    "sv": {
        "title.course": "Sammanfattning av vårdperioden: {method}",
        "title.session": "Besök {visit}: {method}",
        "title.contact": "Kontakt {date}: {method}",
        "empty": "Inga anteckningar.",
        "visit.of": "{number}/{planned}",
        "visit.beyond": "{number} (planerat {planned})",
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
        "plan.method_plain": "Metod: {method}.",
        "plan.focus": "Fokusområde: {area}.",
        "plan.goal": "Mål: {goal}",
        "plan.step": "Vårdnivå (yrkespersonens bedömning): {step}.",
        "step.1": "1 handledd egenvård",
        "step.2": "2 korttidsterapi",
        "step.3": "3 kort psykoterapi",
        "step.4": "4 lång psykoterapi eller specialiserad sjukvård",
        "impl.procedure": "Åtgärdskod (THL): {code}",
        "impl.count": "Besök: genomförda {attended}, planerade {planned}; avbokade {cancelled}, uteblivna {no_show}.",
        "impl.visit": "Besök {visit} {date} {time}, {mode}{duration}.",
        "impl.visit_draft": "Besök {visit} {date} {time}, {mode}{duration}: besöket pågår, anteckningarna är ett "
                            "utkast.",
        "impl.visit_missed": "Besök {visit} {date} {time}: {attendance}.",
        "impl.contact": "Annan kontakt {date} {time}: {kind}, {mode}{duration}.",
        "impl.contact_missed": "Annan kontakt {date} {time}: {kind}, {attendance}.",
        "contact.phone": "telefonsamtal",
        "contact.message": "meddelande",
        "contact.guardian_meeting": "möte med vårdnadshavare",
        "contact.consultation": "konsultation",
        "contact.parent_meeting": "föräldramöte",
        "contact.other": "annan kontakt",
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
        "attendance.cancelled": "avbokat",
        "attendance.no_show": "klienten uteblev",
        "attendee.client": "klienten",
        "attendee.parent": "förälder",
        "respondent.parent": "förälderns bedömning",
        "respondent.clinician": "yrkespersonens bedömning",
        "role.nurse": "sjukskötare",
        "role.public_health_nurse": "hälsovårdare",
        "role.psychologist": "psykolog",
        "role.school_psychologist": "skolpsykolog",
        "role.social_worker": "socialarbetare",
        "eval.session_score": "{name}: {score} poäng{band}, förändring sedan start {change}.",
        "eval.session_first": "{name}: {score} poäng{band}, utgångsmätning.",
        "eval.session_none": "Inga formulär fylldes i vid besöket.",
        "eval.course_score": "{name}: vid start {first}{first_band}, senast {last}{last_band}, förändring {change}.",
        "eval.course_single": "{name}: {score} poäng{band}, endast en mätning.",
        "eval.course_none": "Inga formulär fylldes i under vårdperioden.",
        "eval.outcome": "Förändringskategori: {category}.",
        "eval.usefulness": "Klientens bedömning av vårdens nytta: {value}/4.",
        "eval.alert": "{name}, fråga {item} ({date}, svar {value}): kräver klinisk bedömning.",
        "eval.alert_ack": "Kvitterat {date}: {note}",
        "eval.alert_ack_empty": "Kvitterat {date}.",
        "eval.alert_open": "Ännu inte kvitterat.",

        "eval.alert_unanswered": "{name}, fråga {item} besvarades inte ({date}): klienten tillfrågas om det "
                                 "personligen.",
        "next.session": "Nästa besök {visit}: {purpose}",
        "next.session_plain": "Nästa besök {visit}.",
        "next.planned_done": "De planerade besöken är genomförda; fortsättningen bestäms när vårdperioden avslutas.",
        "next.course_continues": "Vårdperioden fortsätter: nästa besök {visit}.",
        "next.not_started": "Vårdperioden har inte börjat ännu.",
        "next.finished": "Vårdperioden avslutades {date}: {status}.",
        "next.end_reason": "Orsak eller kommentarer: {text}",
        "next.decision": "Fortsättning (yrkespersonens beslut): {step}.",
        "next.no_decision": "Inget beslut om fortsättningen har antecknats.",
        "next.appointment": "Nästa besök avtalat {date} {time}.",
        "status.completed": "genomförd enligt plan",
        "status.interrupted": "avbruten",
        "next_step.none": "ingen fortsatt vård",
        "next_step.follow_up": "uppföljningsbesök",
        "next_step.step_up": "mer intensiv vård",
        "next_step.specialised_care": "remiss till specialiserad sjukvård",
        "title.group_session": "Gruppträff {meeting}: {method}",
        "and": "och",
        "plan.group": "Form: {format}; gruppledare {leaders}.",
        "plan.group_one": "Form: {format}; gruppledare {leaders}.",
        "plan.group_plain": "Form: {format}.",
        "plan.joined_late": "Gick med i gruppen {date} från gruppträff {number}.",
        "plan.joined_reason": "Orsak till att gå med senare: {text}",
        "format.client_group.adults": "vuxengrupp",
        "format.client_group.adolescents": "ungdomsgrupp",
        "format.client_group.children": "barngrupp",
        "format.client_group.small_children": "barngrupp",
        "format.parent_group": "föräldragrupp",
        "format.family_group": "gemensam grupp för barn och föräldrar",
        "impl.procedure_unverified": "Åtgärdskod (THL): inte bekräftad, därför lämnad tom.",
        "impl.group_visit": "Gruppträff {meeting} {date} {time}, {mode}{duration}.",
        "impl.group_visit_draft": "Gruppträff {meeting} {date} {time}, {mode}{duration}: träffen pågår, "
                                  "anteckningarna är ett utkast.",
        "impl.group_visit_missed": "Gruppträff {meeting} {date} {time}: {attendance}.",
        "impl.group_agenda": "- Behandlade frågor i gruppen: {items}",
        "impl.group_notes": "- Gruppens anteckningar: {text}",
        "impl.member_notes": "- Anteckningar om klienten: {text}",
        "next.group_session": "Nästa gruppträff {meeting}: {purpose}",
        "next.group_session_plain": "Nästa gruppträff {meeting}.",
        "next.group_continues": "Vårdperioden fortsätter i gruppen: nästa gruppträff {meeting}.",
        "next.group_continues_on": "Vårdperioden fortsätter i gruppen: nästa gruppträff {meeting} {date}.",
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
    facts: RecordFacts | None = None

    def text(self) -> str:
        """Plain text ready to paste into the EHR note: the title, then each heading with its lines, a blank line
        between them."""
        blocks = [self.title] + ["\n".join((section.heading, *section.lines)) for section in self.sections]
        return "\n\n".join(blocks) + "\n"


def build_entry(course, library, language: str, *, session_number: int | None = None, audience: str = "record",
                outcome_preset: str = "nhs", role: str | None = None, headings: Headings | None = None,
                baseline: Baseline | None = None) -> Entry:
    """The entry for a loaded course (sessions, administrations and client loaded, as `load_course` gives).

    `role` is the clinician's (it chooses the headings); `baseline` what the last record export of the course of
    another scope said (see `record_facts`). Raises LookupError when `session_number` names no session of the
    course, ValueError for a bad language or audience. The messages never carry client data.
    """
    check_language(language)
    facts = record_facts(course, library, session_number=session_number, baseline=baseline)
    return entry_for(facts, library, language, audience=audience, outcome_preset=outcome_preset, role=role,
                     headings=headings)


def entry_for(facts: RecordFacts, library, language: str, *, audience: str = "record", outcome_preset: str = "nhs",
              role: str | None = None, headings: Headings | None = None) -> Entry:
    check_language(language)
    if audience not in AUDIENCES:
        raise ValueError("audience must be record or client")
    return _Builder(facts, library, language, audience, outcome_preset, role, headings or load_headings()).build()


def text_entry(course, library, language: str, **options) -> str:
    return build_entry(course, library, language, **options).text()


class _Builder:
    def __init__(self, facts: RecordFacts, library, language: str, audience: str, outcome_preset: str,
                 role: str | None, headings: Headings):
        self.facts, self.library, self.language = facts, library, language
        self.course, self.protocol, self.planned = facts.course, facts.protocol, facts.planned
        self.record = audience == "record"
        self.audience = audience
        self.preset = outcome_preset
        self.headings = headings.for_role(role, language)

    def p(self, key: str, **values: object) -> str:
        return phrase(self.language, key, **values)

    def content(self, text) -> str:
        """A content text (LocalizedText) in the document language, made record-safe."""
        return own(text.get(self.language))

    def meeting_number(self, number: int) -> str:
        """'3/10': a group session's number in the group's plan."""
        group = self.facts.group
        planned = group.planned_sessions if group is not None else 0
        if not planned:
            return str(number)
        return self.p("visit.beyond" if number > planned else "visit.of", number=number, planned=planned)

    def format_name(self) -> str:
        """The course's group format in the document language ("lasten ryhmä")."""
        delivery = self.course.delivery_format
        if delivery == "client_group":
            audience = self.protocol.audience if self.protocol else "adults"
            return self.p(f"format.client_group.{audience}")
        return self.p(f"format.{delivery}")

    def visit_number(self, visit: Visit | None = None, *, ordinal: int | None = None) -> str:
        number = ordinal if ordinal is not None else visit.ordinal
        if not self.planned:
            return str(number)
        return self.p("visit.beyond" if number > self.planned else "visit.of", number=number, planned=self.planned)

    # -- names from content ---------------------------------------------------------------------------------------
    def method_name(self) -> str:
        return self.content(self.protocol.name) if self.protocol else self.course.method_id

    def instrument(self, administration):
        try:
            return self.library.instrument(administration.instrument_id, administration.instrument_version)
        except ContentNotFound:
            return None

    def instrument_name(self, administration) -> str:
        """'PHQ-9', or 'RCADS-25 (vanhemman arvio)' when someone else than the client answered."""
        instrument = self.instrument(administration)
        name = self.content(instrument.short_name) if instrument else administration.instrument_id
        respondent = administration.respondent or "client"
        if respondent != "client":
            name += f" ({self.p(f'respondent.{respondent}')})"
        return name

    def band(self, administration) -> str:
        """' (moderate)' in the document language, with what the reader must know about the score (prorated and the
        question not answered, the limit it is from), or '' when there is nothing to say."""
        statement = self.statement(administration)
        if statement is None:
            return f" ({administration.band})" if administration.band else ""
        parts = [statement.band_text(self.language)] if statement.band else []
        if statement.band_set_label is not None:
            parts.append(self.content(statement.band_set_label))
        if statement.prorated:
            parts.append(statement.prorated_text(self.language, short=True))
        parts.extend(statement.limit_sentences(self.language))
        return own(f" ({'; '.join(parts)})") if parts else ""

    def statement(self, administration):
        """What the score says (askel.core.content.statement), computed once per administration."""
        instrument = self.instrument(administration)
        return None if instrument is None else from_record(instrument, administration)

    def item_number(self, administration, item_id: str) -> str:
        instrument = self.instrument(administration)
        if instrument is not None and item_id in instrument.item_ids:
            return str(instrument.item_ids.index(item_id) + 1)
        return item_id

    # -- the document ---------------------------------------------------------------------------------------------
    def build(self) -> Entry:
        facts, visit = self.facts, self.facts.visit
        if visit is None:
            title = self.p("title.course", method=self.method_name())
        elif visit.is_method and visit.meeting is not None:
            title = self.p("title.group_session", meeting=self.meeting_number(visit.meeting.number),
                           method=self.method_name())
        elif visit.is_method:
            title = self.p("title.session", visit=self.visit_number(visit), method=self.method_name())
        else:
            title = self.p("title.contact", date=format_date(visit.session.starts_at), method=self.method_name())
        parts = {
            "need": self.need() if facts.show_need else None,
            "plan": self.plan() if facts.show_plan else None,
            "implementation": self.implementation(),
            "evaluation": self.evaluation(),
            "next": self.next_plan(),
        }
        sections = tuple(
            Section(key, self.headings[key], tuple(lines) or (self.p("empty"),))
            for key, lines in parts.items() if lines is not None
        )
        return Entry(self.language, self.audience, title, sections, visit.session.number if visit else None, facts)

    def need(self) -> list[str]:
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
        if self.facts.visit is None and self.facts.series:
            measures = "; ".join(
                f"{self.instrument_name(s.first.administration)} {format_number(s.first.administration.total)}"
                f"{self.band(s.first.administration)}" for s in self.facts.series
            )
            lines.append(self.p("need.baseline", measures=measures))
        return lines

    def plan(self) -> list[str]:
        course = self.course
        if self.planned:
            lines = [self.p("plan.method", method=self.method_name(), planned=self.planned)]
        else:
            lines = [self.p("plan.method_plain", method=self.method_name())]
        if course.focus_area:
            area = None
            if self.protocol:
                area = next((a for a in self.protocol.focus_areas if a.id == course.focus_area), None)
            lines.append(self.p("plan.focus", area=self.content(area.name) if area else course.focus_area))
        if one_line(course.goal):
            lines.append(self.p("plan.goal", goal=one_line(course.goal)))
        if course.care_step in (1, 2, 3, 4):
            lines.append(self.p("plan.step", step=self.p(f"step.{course.care_step}")))
        if self.facts.in_group:
            lines.extend(self.group_plan())
        return lines

    def group_plan(self) -> list[str]:
        """The format, the group's leaders and, for a late joiner, when and why (the reason in the record only)."""
        group, course = self.facts.group, self.course
        leaders = [one_line(name) for name in (group.leaders if group is not None else []) if one_line(name)]
        key = "plan.group" if len(leaders) > 1 else "plan.group_one" if leaders else "plan.group_plain"
        lines = [self.p(key, format=self.format_name(), leaders=f" {self.p('and')} ".join(leaders))]
        first = self.first_meeting_number()
        if course.group_joined is not None and first is not None and first > 1:
            lines.append(self.p("plan.joined_late", date=format_date(course.group_joined), number=first))
            if self.record and one_line(course.group_join_reason):
                lines.append(self.p("plan.joined_reason", text=one_line(course.group_join_reason)))
        return lines

    def first_meeting_number(self) -> int | None:
        """The first group session the member was counted in (attended or not)."""
        numbers = [v.meeting.number for v in self.facts.method_visits if v.meeting is not None]
        if numbers:
            return min(numbers)
        group = self.facts.group
        if group is None:
            return None
        return group.planned_sessions - (self.course.planned_sessions or group.planned_sessions) + 1

    def implementation(self) -> list[str]:
        facts = self.facts
        lines = [self.p("impl.procedure", code=code) for code in facts.procedure_codes]
        if facts.procedure_unverified:
            lines.append(self.p("impl.procedure_unverified"))
        if facts.visit is None:
            lines.append(self.p("impl.count", attended=facts.attended, planned=self.planned,
                                cancelled=facts.count("cancelled"), no_show=facts.count("no_show")))
        for visit in facts.scope_visits:
            lines.extend(self.visit(visit))
        return lines

    def visit(self, visit: Visit) -> list[str]:
        session = visit.session
        when = {"date": format_date(session.starts_at), "time": format_time(session.starts_at, self.language)}
        duration = self.p("impl.duration", minutes=session.duration_minutes) if session.duration_minutes else ""
        mode = self.p(f"mode.{session.mode}")
        if not visit.is_method:
            kind = self.p(f"contact.{session.kind}") if f"contact.{session.kind}" in PHRASES[self.language] \
                else self.p("contact.other")
            if not visit.attended:
                return [self.p("impl.contact_missed", kind=kind, attendance=self.p(f"attendance.{session.attendance}"),
                               **when)]
            lines = [self.p("impl.contact", kind=kind, mode=mode, duration=duration, **when)]
            if visit.meeting is not None:
                return lines + self.group_lines(visit)
            if self.record and one_line(session.notes):
                lines.append(self.p("impl.notes", text=one_line(session.notes)))
            return lines
        if visit.meeting is not None:
            return self.group_visit(visit, when, mode, duration)
        number = self.visit_number(visit)
        if not visit.attended:
            return [self.p("impl.visit_missed", visit=number, attendance=self.p(f"attendance.{session.attendance}"),
                           **when)]
        key = "impl.visit_draft" if visit.draft else "impl.visit"
        lines = [self.p(key, visit=number, mode=mode, duration=duration, **when)]
        attendees = [a for a in (session.attendees or []) if a in ("client", "parent")]
        if attendees and attendees != ["client"]:
            lines.append(self.p("impl.attendees", who=", ".join(self.p(f"attendee.{a}") for a in attendees)))
        items = self.agenda_done(visit)
        if items:
            lines.append(self.p("impl.agenda", items="; ".join(items)))
        if self.record and one_line(session.homework_review):
            lines.append(self.p("impl.homework_review", text=one_line(session.homework_review)))
        if one_line(session.homework_given):
            lines.append(self.p("impl.homework", text=one_line(session.homework_given)))
        if self.record and one_line(session.notes):
            lines.append(self.p("impl.notes", text=one_line(session.notes)))
        return lines

    def group_visit(self, visit: Visit, when: dict, mode: str, duration: str) -> list[str]:
        """A group session as the member's record says it: the meeting's number in the group's plan, the member's
        attendance, then what the group shared and the member's own part."""
        meeting, session = visit.meeting, visit.session
        number = self.meeting_number(meeting.number)
        if not visit.attended:
            lines = [self.p("impl.group_visit_missed", meeting=number,
                            attendance=self.p(f"attendance.{session.attendance}"), **when)]
            if self.record and one_line(session.notes):
                lines.append(self.p("impl.member_notes", text=one_line(session.notes)))
            return lines
        key = "impl.group_visit_draft" if visit.draft else "impl.group_visit"
        return [self.p(key, meeting=number, mode=mode, duration=duration, **when), *self.group_lines(visit)]

    def group_lines(self, visit: Visit) -> list[str]:
        """Who of the family was there, the agenda the group went through, the group's note (record only), the
        member's homework (the group's, or the member's exception) and the note about the member (record only)."""
        meeting, session = visit.meeting, visit.session
        lines = []
        attendees = [a for a in (session.attendees or []) if a in ("client", "parent")]
        if attendees and attendees != ["client"]:
            lines.append(self.p("impl.attendees", who=", ".join(self.p(f"attendee.{a}") for a in attendees)))
        items = self.agenda_done(visit)
        if items:
            lines.append(self.p("impl.group_agenda", items="; ".join(items)))
        if self.record and one_line(meeting.notes):
            lines.append(self.p("impl.group_notes", text=one_line(meeting.notes)))
        if one_line(session.homework_given):
            lines.append(self.p("impl.homework", text=one_line(session.homework_given)))
        if self.record and one_line(session.notes):
            lines.append(self.p("impl.member_notes", text=one_line(session.notes)))
        return lines

    def agenda_done(self, visit: Visit) -> list[str]:
        session = visit.session
        if visit.meeting is not None:
            # A group meeting: the group plan's template at the meeting's number, and the agenda the group marked.
            group = self.facts.group
            template = meeting_template(self.protocol, visit.meeting, group.planned_sessions if group else None)
            agenda = visit.meeting.agenda or {}
        else:
            template = (self.protocol.session_template(visit.ordinal, self.planned or None)
                        if self.protocol else None)
            agenda = session.agenda or {}
        done = []
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
                text = self.content(template.agenda[int(key)])
            else:
                text = self.p("impl.item", number=int(key) + 1)
            note = one_line(state.get("note"))
            done.append(f"{text} ({note})" if self.record and note else text)
        return done

    def evaluation(self) -> list[str]:
        lines = self.session_scores() if self.facts.visit is not None else self.course_scores()
        if self.record:
            lines.extend(self.alerts())
        return lines

    def session_scores(self) -> list[str]:
        given = self.facts.scores()
        if not given:
            return [self.p("eval.session_none")]
        lines = []
        for score in given:
            administration = score.administration
            values = {"name": self.instrument_name(administration), "score": format_number(administration.total),
                      "band": self.band(administration)}
            if score.is_first:
                lines.append(self.p("eval.session_first", **values))
            else:
                lines.append(self.p("eval.session_score", change=format_change(score.change), **values))
        lines.extend(own(line) for line in wording_notes((s.statement for s in given if s.statement is not None),
                                                         self.language))
        return lines

    def course_scores(self) -> list[str]:
        if not self.facts.series:
            return [self.p("eval.course_none")]
        lines = []
        for series in self.facts.series:
            first, last = series.first.administration, series.last.administration
            name = self.instrument_name(last)
            if len(series.scores) == 1:
                lines.append(self.p("eval.course_single", name=name, score=format_number(first.total),
                                    band=self.band(first)))
            else:
                lines.append(self.p("eval.course_score", name=name, first=format_number(first.total),
                                    first_band=self.band(first), last=format_number(last.total),
                                    last_band=self.band(last), change=format_change(last.total - first.total)))
        # The outcome rules are about the client's own ratings. A category only for a finished course (ended, enough
        # sessions of the method); before that, where the latest measurement is. The preset's source is named.
        own_series = [s for s in self.facts.series if s.respondent == "client"]
        first_scores = {s.instrument_id: s.first.administration.total for s in own_series}
        last_scores = {s.instrument_id: s.last.administration.total for s in own_series if len(s.scores) > 1}
        outcome = classify(first_scores, last_scores, self.preset)
        names, indices = measure_words(self.library, self.preset, self.language)
        finished = self.facts.finished and is_finished(self.facts.attended, self.preset)
        if finished and outcome.category is not OutcomeCategory.NOT_ENOUGH_DATA:
            lines.append(self.p("eval.outcome",
                                category=own(category_label(outcome.category, self.preset, self.language, indices))))
            lines.append(own(rules_text(self.preset, self.language, names, indices, outcome.measures_used)))
        elif outcome.measures_used or first_scores:
            state = own(state_text(first_scores, last_scores, self.preset, self.language, names))
            if state:
                lines.append(state)
        lines.extend(own(line) for line in wording_notes(
            (s.statement for series in self.facts.series for s in series.scores if s.statement is not None),
            self.language))
        if self.course.usefulness in (1, 2, 3, 4):
            lines.append(self.p("eval.usefulness", value=self.course.usefulness))
        return lines

    def alerts(self) -> list[str]:
        lines = []
        visit = self.facts.visit
        for administration in sorted(self.course.administrations, key=lambda a: a.administered_at):
            if visit is not None and administration.session_id != visit.session.id:
                continue
            for alert in administration.alerts or []:
                # A risk question left blank is an alert of its own kind (value None): said as such.
                key = "eval.alert_unanswered" if alert.get("value") is None else "eval.alert"
                text = self.p(key, name=self.instrument_name(administration),
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

    def next_plan(self) -> list[str]:
        lines = self.next_steps()
        appointment = self.facts.next_appointment
        if appointment is not None:
            lines.append(self.p("next.appointment", date=format_date(appointment),
                                time=format_time(appointment, self.language)))
        return lines

    def next_steps(self) -> list[str]:
        facts, course = self.facts, self.course
        if facts.ends_here():
            lines = [self.p("next.finished", date=format_date(course.end_date),
                            status=self.p(f"status.{course.status}"))]
            if self.record and one_line(course.end_reason):
                lines.append(self.p("next.end_reason", text=one_line(course.end_reason)))
            if course.next_step:
                lines.append(self.p("next.decision", step=self.p(f"next_step.{course.next_step}")))
            else:
                lines.append(self.p("next.no_decision"))
            return lines
        if not facts.started and not facts.finished:
            return [self.p("next.not_started")]
        if facts.group is not None:
            return self.group_next()
        number = facts.next_ordinal()
        if self.planned and number > self.planned:
            return [self.p("next.planned_done")]
        visit = self.visit_number(ordinal=number)
        if facts.visit is None:
            return [self.p("next.course_continues", visit=visit)]
        template = self.protocol.session_template(number, self.planned or None) if self.protocol else None
        if template is None:
            return [self.p("next.session_plain", visit=visit)]
        return [self.p("next.session", visit=visit, purpose=self.content(template.purpose))]

    def group_next(self) -> list[str]:
        """For a member of a group: the group's next session (its planned day in a course entry)."""
        facts, group = self.facts, self.facts.group
        number = facts.next_meeting_number()
        if number > group.planned_sessions:
            return [self.p("next.planned_done")]
        meeting_text = self.meeting_number(number)
        if facts.visit is None:
            meeting = next((m for m in group.meetings if m.kind == "method" and m.number == number), None)
            if meeting is not None and meeting.planned_date is not None:
                return [self.p("next.group_continues_on", meeting=meeting_text,
                               date=format_date(meeting.planned_date))]
            return [self.p("next.group_continues", meeting=meeting_text)]
        template = self.protocol.group.session_template(number, group.planned_sessions) if (
            self.protocol is not None and self.protocol.group is not None) else None
        if template is None:
            return [self.p("next.group_session_plain", meeting=meeting_text)]
        return [self.p("next.group_session", meeting=meeting_text, purpose=self.content(template.purpose))]
