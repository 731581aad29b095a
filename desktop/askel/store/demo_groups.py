"""The demo vault's groups: a Cool Kids children's group at a school, with its parents' meeting, and a brief CBT
(KLT) group for adults, each a few meetings in.

Written through the store's own group functions (askel.store.groups), as the group screens write them, inside the
demo's one transaction (`InTransaction`): the members are demo clients of a suitable age who have no course of their
own yet; the group gives each of them their course. Cool Kids has a late joiner (with the reason) and a member who
left (with the reason); the meetings held have attendance (a cancellation, a no-show), the group's agenda, note and
homework, a homework exception and a few members' own notes. The texts are the project's own, in Finnish, as a
Finnish-speaking clinician would write them.

Deterministic: the members come from the demo's seeded generator, the story is fixed, ids are drawn from the same
generator (`models.ids_from`) and the rows are dated as if written on the day of each meeting.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from askel.core.groups import PARENT_MEETING, meeting_template
from askel.store.groups import (
    MemberPart,
    add_member,
    create_group,
    leave_group,
    load_group,
    load_meeting,
    reschedule,
    save_meeting,
    start_meeting,
)
from askel.store.models import TherapyGroup

SCHOOL = "Kivikon koulu"
CHILDREN, ADULTS = 7, 7  # demo clients the groups take (Cool Kids: six at the start and a late joiner)


class InTransaction:
    """The vault as the store's functions see it, every read and write inside one open session: the demo's
    transaction. Each block ends as the vault's own does, its objects let go (flushed, then detached with what
    they had loaded), so that the next block reads afresh."""

    def __init__(self, vault, session):
        self.actor = vault.actor
        self._session = session

    @contextlib.contextmanager
    def write(self) -> Iterator:
        yield self._session
        self._session.flush()
        self._session.expunge_all()

    read = write


@dataclass(frozen=True)
class Meeting:
    """One meeting held: (member index → attendance other than "attended"), members' own notes and the homework
    exceptions by member index, the group note and homework."""

    notes: str
    homework: str
    absent: dict[int, str]
    member_notes: dict[int, str]
    exceptions: dict[int, str]


COOL_KIDS = (
    Meeting("Tutustuttiin toisiimme ja sovittiin ryhmän säännöt. Jokainen kertoi yhden asian, joka jännittää.",
            "Huomaa viikon aikana yksi tilanne, joka jännitti, ja merkitse se vihkoon.", {},
            {0: "Jännitti aluksi, mutta osallistui loppua kohden rohkeasti."}, {}),
    Meeting("Harjoiteltiin jännityksen tunnistamista kehosta ja arviointia asteikolla 0–10.",
            "Merkitse kolmena päivänä, kuinka paljon jännitti (0–10).", {1: "cancelled"},
            {1: "Perui aamulla sairauden vuoksi; kotitehtävä kerrottu huoltajalle puhelimessa.",
             6: "Ensimmäinen kerta ryhmässä: tutustui muihin hyvin."},
            {3: "Yksi merkintä riittää: leirikoulu tällä viikolla."}),
    Meeting("Etsittiin jännittäviä ajatuksia ja harjoiteltiin pareittain etsivän kysymyksiä.",
            "Kokeile etsivän kysymyksiä yhteen jännittävään ajatukseen.", {4: "no_show"},
            {4: "Ei saapunut. Huoltajalle soitettu; tulee ensi kerralla."}, {}),
    Meeting("Koottiin jokaiselle omat harjoitusportaat ja valittiin ensimmäiset askeleet yhdessä.",
            "Ota portaiden ensimmäinen askel kahdesti ennen seuraavaa tapaamista.", {},
            {6: "Kertoi, että ensimmäinen askel onnistui jo viikonloppuna."}, {}),
)
COOL_KIDS_PARENTS = Meeting(
    "Käytiin läpi ohjelman kulku ja se, miten kotona voi tukea harjoittelua ja huomata yrittämisen. Vanhemmat "
    "kysyivät erityisesti aamujen jännityksestä ennen koulua.", "", {2: "no_show"}, {}, {})
LATE_REASON = "Paikka vapautui jonosta ensimmäisen tapaamisen jälkeen; ohjelman alku käyty läpi erikseen."
LEAVE_REASON = "Perhe muuttaa toiselle paikkakunnalle. Huoltajaa ohjattu ottamaan yhteyttä uuden koulun kuraattoriin."
KLT = (
    Meeting("Esittäydyttiin ja käytiin läpi, miten ajatukset, tunteet ja toiminta liittyvät toisiinsa. Jokainen "
            "muotoili oman tavoitteensa.", "Täytä toimintapäiväkirjaa joka päivä.", {},
            {5: "Tavoite: palata iltakävelyihin kolmesti viikossa."}, {}),
    Meeting("Käytiin läpi toimintapäiväkirjoja ja suunniteltiin mielialaa kohentavaa tekemistä.",
            "Suunnittele viikolle kolme mielialaa kohentavaa tekemistä.", {3: "cancelled"},
            {3: "Perui lapsen sairastumisen vuoksi; materiaali lähetetty."}, {}),
    Meeting("Harjoiteltiin kuormittavien ajatusten tunnistamista ja vaihtoehtoisen ajatuksen etsimistä.",
            "Kirjaa kaksi kuormittavaa tilannetta ajatuspäiväkirjaan.", {6: "no_show"}, {},
            {2: "Jatka toimintapäiväkirjaa; ajatuspäiväkirja ensi viikolla."}),
)


def add_groups(vault, library, leader: str, children, adults, today: date) -> dict[str, int]:
    """The two groups, their members' courses and meetings held; returns the courses and sessions written."""
    counts = {"course": 0, "session": 0}
    # A school group that has met four times (the fifth today) and a health centre's group three times.
    school_start = _weekday(today - timedelta(days=28), step=1)
    _group(vault, library, counts, "cool_kids", "Cool Kids, Kivikon koulu", [leader, "Mervi Salonen"],
           children, school_start, time(13, 0), COOL_KIDS, parents=COOL_KIDS_PARENTS, late=6, leaves=(5, 3))
    _group(vault, library, counts, "klt_adults", "KLT-ryhmä, Kivikon terveysasema", [leader, "Jari Heikkinen"],
           adults, _weekday(today - timedelta(days=17), step=1), time(15, 0), KLT)
    return counts


def _group(vault, library, counts, method_id: str, name: str, leaders: list[str], people, first: date,
           at: time, meetings: tuple[Meeting, ...], *, parents: Meeting | None = None, late: int | None = None,
           leaves: tuple[int, int] | None = None) -> None:
    """`late`: the member (index into `people`) who joins after the first meeting; `leaves`: (member, after which
    meeting) who leaves the group."""
    protocol = library.protocol(method_id)
    plan = protocol.group
    group = create_group(vault, protocol, name=name, group_format="client_group", leaders=leaders, first_date=first,
                         parent_meetings=plan.parent_meetings.count if parents and plan.parent_meetings else 0)
    group_id = group.id
    courses: dict[int, str] = {}
    for index, person in enumerate(people):
        if index != late:
            courses[index] = add_member(vault, group_id, person.id, joined=first - timedelta(days=7),
                                        need_established=first - timedelta(days=21 + 4 * index)).id
    loaded = load_group(vault, group_id)
    sessions = sorted((m for m in loaded.meetings if m.kind != PARENT_MEETING), key=lambda m: m.number)
    parent_meetings = sorted((m for m in loaded.meetings if m.kind == PARENT_MEETING), key=lambda m: m.number)
    for number, (meeting, held) in enumerate(zip(sessions, meetings, strict=False), start=1):
        day = meeting.planned_date
        _hold(vault, library, counts, meeting.id, datetime.combine(day, at), held, courses)
        if number == 1 and late is not None:
            courses[late] = add_member(vault, group_id, people[late].id, joined=day + timedelta(days=3),
                                       join_reason=LATE_REASON, need_established=day - timedelta(days=30)).id
        if leaves is not None and number == leaves[1]:
            leave_group(vault, courses.pop(leaves[0]), left=_weekday(day + timedelta(days=2), step=1),
                        reason=LEAVE_REASON)
        if number == 2 and parents is not None and parent_meetings:
            evening = _weekday(day + timedelta(days=2), step=1)
            reschedule(vault, parent_meetings[0].id, evening)
            _hold(vault, library, counts, parent_meetings[0].id, datetime.combine(evening, time(17, 30)), parents,
                  courses)
            if len(parent_meetings) > 1:
                reschedule(vault, parent_meetings[1].id, _after_holidays(evening + timedelta(days=35)))
    counts["course"] += len(people)
    _plan_around_holidays(vault, group_id)
    _date_rows(vault, group_id, first - timedelta(days=14))


def _hold(vault, library, counts, meeting_id: str, starts_at: datetime, held: Meeting, courses: dict[int, str]):
    """Start the meeting, mark every member, write the notes and close it."""
    start_meeting(vault, meeting_id, starts_at)
    meeting = load_meeting(vault, meeting_id)
    index_of = {course_id: index for index, course_id in courses.items()}
    group = meeting.group
    template = meeting_template(library.protocol(group.method_id, group.protocol_version), meeting,
                                group.planned_sessions)
    agenda = {str(i): {"done": True, "note": ""} for i in range(len(template.agenda) if template else 0)}
    parts = {}
    for record in meeting.member_sessions:
        index = index_of[record.course_id]
        parts[record.id] = MemberPart(held.absent.get(index, "attended"), held.member_notes.get(index, ""),
                                      held.exceptions.get(index, ""))
    save_meeting(vault, meeting_id, agenda=agenda, notes=held.notes, homework=held.homework, members=parts,
                 close=True, duration_minutes=90)
    counts["session"] += len(parts)


def _date_rows(vault, group_id: str, created: date) -> None:
    """Date the group's rows as if each was written on its day: the group when it was set up, a member's course
    when they joined, a meeting and its members' sessions two hours after it started."""
    after = timedelta(hours=2)
    with vault.write() as session:
        group = session.get(TherapyGroup, group_id)
        group.created_at = datetime.combine(created, time(12))
        held = [m.starts_at + after for m in group.meetings if m.starts_at is not None]
        for meeting in group.meetings:
            if meeting.starts_at is not None:
                meeting.updated_at = meeting.starts_at + after
        group.updated_at = max(held, default=group.created_at)
        for course in group.courses:
            course.created_at = datetime.combine(course.group_joined, time(12))
            written = [course.created_at]
            for record in course.sessions:
                record.updated_at = record.starts_at + after
                written.append(record.updated_at)
            if course.end_date is not None:
                written.append(datetime.combine(course.end_date, time(12)))
            course.updated_at = max(written)


def _plan_around_holidays(vault, group_id: str) -> None:
    """The group sessions still to come a week apart or more, none in the Christmas break."""
    previous = None
    for meeting in sorted((m for m in load_group(vault, group_id).meetings if m.kind != PARENT_MEETING),
                          key=lambda m: m.number):
        day = meeting.planned_date
        if meeting.starts_at is None:
            day = _after_holidays(max(day, previous + timedelta(days=7)) if previous else day)
            if day != meeting.planned_date:
                reschedule(vault, meeting.id, day)
        previous = day


def _after_holidays(day: date) -> date:
    while (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6):
        day += timedelta(days=7)
    return day


def _weekday(day: date, step: int = -1) -> date:
    """`day`, or the nearest weekday before it (after it with `step` 1)."""
    while day.weekday() >= 5:
        day += timedelta(days=step)
    return day
