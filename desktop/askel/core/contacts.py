"""What kind of meeting a session row is: a session of the course's method, or another contact.

Only sessions of the method count as "session n / N", for fidelity, for the therapy guarantee's first treatment and
for a course being finished; a phone call or a meeting with a guardian is a contact, recorded but never numbered in
the protocol (Terapiat etulinjaan counts treatment sessions; the guarantee stops at the first session of the method).

Numbering: sessions of the method are numbered 1, 2, 3 … in the order they are started, so "session n / N" and the
protocol's session templates always match. Contacts are numbered -1, -2, -3 … in the order they are logged: the
pair (course, number) still names exactly one row (an export of one contact asks for its number), no contact can
ever take a protocol number, and `number > 0` holds exactly for the sessions of the method.
"""

from __future__ import annotations

METHOD_SESSION = "method"
# Contacts that are not sessions of the method. "parent_meeting" is a method's own parents' meeting (Cool Kids'
# parent sessions): it belongs to the child's course but is not one of the child's numbered sessions.
CONTACT_KINDS = ("phone", "message", "guardian_meeting", "consultation", "parent_meeting", "other")
SESSION_KINDS = (METHOD_SESSION, *CONTACT_KINDS)
# The contact kinds that happen in one way only: a phone call by phone; a message has no mode at all.
FIXED_MODES = {"phone": "phone", "message": None}


def is_method_session(kind: str | None) -> bool:
    return (kind or METHOD_SESSION) == METHOD_SESSION


def next_number(kind: str, numbers) -> int:
    """The number a new row of `kind` takes in a course whose rows have `numbers` (see the module docstring)."""
    numbers = list(numbers)
    if is_method_session(kind):
        return max((n for n in numbers if n > 0), default=0) + 1
    return min((n for n in numbers if n < 0), default=0) - 1
