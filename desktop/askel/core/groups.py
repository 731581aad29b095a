"""How a course is delivered, and what a group is made of: the rules that do not need a database.

A course of treatment is delivered one to one (`individual`) or in a group. A group of a method meets in one of three
formats: the clients themselves (`client_group`: a children's, young people's or adults' group), their parents
(`parent_group`) or the children and their parents together (`family_group`). Each member of a group is a client with
their own course of the method in the group's format, so every member keeps their own scores, chart, guarantee,
outcome and record; the group holds what the members share: the leaders, the planned meetings, and for each meeting
the agenda, the group note and the group's homework.

A group meets for the group sessions of its protocol (`Protocol.group`), which count as sessions of the method for
each member who attended, and for parents' meetings, which count for the child's course as a contact of their own
kind (`askel.core.contacts.PARENT_MEETING`), never as one of the child's numbered sessions.
"""

from __future__ import annotations

from askel.core.contacts import METHOD_SESSION

INDIVIDUAL = "individual"
GROUP_FORMATS = ("client_group", "parent_group", "family_group")
DELIVERY_FORMATS = (INDIVIDUAL, *GROUP_FORMATS)
PARENT_MEETING = "parent_meeting"
MEETING_KINDS = (METHOD_SESSION, PARENT_MEETING)  # a group session, or a parents' meeting
MAX_LEADERS = 2
MAX_MEMBERS = 16  # a bound for the attendance list, far above a real group


def is_group(delivery_format: str | None) -> bool:
    return delivery_format in GROUP_FORMATS


def procedure_format(delivery_format: str | None) -> str:
    """The `format` of a protocol's procedure code that applies to a course delivered so: "group" or "individual"."""
    return "group" if is_group(delivery_format) else "individual"


def attendees(delivery_format: str, kind: str) -> list[str]:
    """Who of the family is at a meeting of a group in `delivery_format`: a parents' meeting is the parents', a
    group session is the clients', the parents', or both, by the group's format."""
    if kind == PARENT_MEETING or delivery_format == "parent_group":
        return ["parent"]
    if delivery_format == "family_group":
        return ["client", "parent"]
    return ["client"]


def clean_leaders(names) -> list[str]:
    """The group's leaders as names: one or two, each on one line; ValueError when none is given."""
    leaders = [" ".join(str(name).split())[:100] for name in names]
    leaders = [name for name in leaders if name]
    if not leaders:
        raise ValueError("a group has at least one leader")
    if len(leaders) > MAX_LEADERS:
        raise ValueError(f"a group has at most {MAX_LEADERS} leaders")
    return leaders


def meeting_template(protocol, meeting, group_planned: int | None):
    """What a group meeting follows in the protocol's group plan: the group session template at its number, or the
    parents' meetings' plan; None when the protocol (version) has no group plan."""
    plan = getattr(protocol, "group", None) if protocol is not None else None
    if plan is None or meeting is None:
        return None
    if meeting.kind == PARENT_MEETING:
        return plan.parent_meetings
    return plan.session_template(meeting.number, group_planned)
