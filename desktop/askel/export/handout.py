"""The client's handout after a visit: today's homework, the next appointment and, after a risk answer, where to get
help at once (the organisation's own text and crisis numbers, from policy). In the client's language, in plain words.

Not a copy of the record: no diagnosis, no step of care, no scores, no clinician notes. It carries neither the
client's name nor an identity code (a handout left on a printer or a bus names no one), only the date of the visit,
who to ask (the clinician and the organisation) and what was agreed.

`build_handout()` gives the sections (shared by the preview, the PDF and printing); `handout_document()` lays them
out for a printer; `build_handout_pdf()` makes the PDF in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtGui import QTextDocument

from askel.core.contacts import is_method_session
from askel.export.formatting import check_language, format_date, format_time

# Written for the client: short sentences, "you", no clinical vocabulary.
PHRASES: Mapping[str, Mapping[str, str]] = {
    "fi": {
        "document": "Askel – asiakkaalle",
        "title": "Sinulle tapaamisesta {date}",
        "homework": "Kotitehtävä seuraavaan kertaan",
        "no_homework": "Tällä kertaa ei sovittu kotitehtävää.",
        "next": "Seuraava tapaaminen",
        "next_when": "{weekday} {date} {time}",
        "no_next": "Sovimme seuraavasta tapaamisesta myöhemmin.",
        "help": "Jos olo käy vaikeaksi",
        "contact": "Kysyttävää? Ota yhteyttä",
        "made": "Annettu {date}",
        "weekday.0": "maanantaina", "weekday.1": "tiistaina", "weekday.2": "keskiviikkona",
        "weekday.3": "torstaina", "weekday.4": "perjantaina", "weekday.5": "lauantaina", "weekday.6": "sunnuntaina",
    },
    "sv": {
        "document": "Askel – till klienten",
        "title": "Till dig efter träffen {date}",
        "homework": "Hemuppgift till nästa gång",
        "no_homework": "Den här gången kom vi inte överens om någon hemuppgift.",
        "next": "Nästa träff",
        "next_when": "{weekday} {date} {time}",
        "no_next": "Vi kommer överens om nästa träff senare.",
        "help": "Om du mår dåligt",
        "contact": "Frågor? Kontakta",
        "made": "Utdelad {date}",
        "weekday.0": "måndag", "weekday.1": "tisdag", "weekday.2": "onsdag", "weekday.3": "torsdag",
        "weekday.4": "fredag", "weekday.5": "lördag", "weekday.6": "söndag",
    },
}


@dataclass(frozen=True)
class Handout:
    language: str
    title: str
    sections: tuple[tuple[str, str], ...]  # (heading, text)

    def text(self) -> str:
        """Plain text of the handout (the preview)."""
        return "\n\n".join([self.title, *(f"{heading}\n{text}" for heading, text in self.sections)]) + "\n"


def visit_for(course, session_number: int | None):
    """The visit the handout is about: the session asked for, or the latest session of the method, or None."""
    if session_number is not None:
        session = next((s for s in course.sessions if s.number == session_number), None)
        if session is None:
            raise LookupError("no session with this number in the course")
        return session
    method = [s for s in course.sessions if is_method_session(s.kind)]
    return max(method, key=lambda s: s.starts_at, default=None)


def had_risk_answer(course) -> bool:
    """Whether any questionnaire of the course raised a risk alert."""
    return any(a.alerts for a in course.administrations)


def next_appointment(course, visit):
    """The next appointment agreed at this visit, or at the latest visit that agreed one."""
    if visit is not None and visit.next_appointment is not None:
        return visit.next_appointment
    agreed = [s for s in course.sessions if s.next_appointment is not None]
    return max(agreed, key=lambda s: s.starts_at).next_appointment if agreed else None


def build_handout(course, language: str, *, session_number: int | None = None, safety_text: str = "",
                  clinician_name: str = "", organisation_name: str = "", today=None) -> Handout:
    """The handout for a loaded course (sessions and administrations loaded). `safety_text` is the organisation's
    client-facing safety text in `language` (policy); it is shown only after a risk answer in the course."""
    check_language(language)
    words = PHRASES[language]
    visit = visit_for(course, session_number)
    when = visit.starts_at if visit is not None else (today or date.today())
    sections = []
    homework = (visit.homework_given or "").strip() if visit is not None else ""
    sections.append((words["homework"], homework or words["no_homework"]))
    appointment = next_appointment(course, visit)
    if appointment is not None:
        sections.append((words["next"], words["next_when"].format(
            weekday=words[f"weekday.{appointment.weekday()}"], date=format_date(appointment),
            time=format_time(appointment, language))))
    else:
        sections.append((words["next"], words["no_next"]))
    if had_risk_answer(course) and safety_text.strip():
        sections.append((words["help"], safety_text.strip()))
    contact = ", ".join(part for part in (clinician_name.strip(), organisation_name.strip()) if part)
    if contact:
        sections.append((words["contact"], contact))
    return Handout(language, words["title"].format(date=format_date(when)), tuple(sections))


def handout_html(handout: Handout) -> str:
    parts = ['<html><body style="font-size: 13pt;">', f'<h1 style="font-size: 20pt;">{escape(handout.title)}</h1>']
    for heading, text in handout.sections:
        parts.append(f'<h2 style="font-size: 15pt; margin-top: 18px;">{escape(heading)}</h2>')
        parts.append("<p>" + escape(text).replace("\n", "<br>") + "</p>")
    parts.append("</body></html>")
    return "".join(parts)


def handout_document(handout: Handout) -> QTextDocument:
    from askel.export.pdf import ensure_gui_application

    ensure_gui_application()
    document = QTextDocument()
    document.setHtml(handout_html(handout))
    return document


def build_handout_pdf(handout: Handout) -> bytes:
    """The handout as PDF bytes, made in memory (nothing touches the disk until the caller writes it)."""
    from askel.export.pdf import pdf_bytes

    return pdf_bytes(handout_document(handout), PHRASES[handout.language]["document"])
