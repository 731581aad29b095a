"""What kind of meeting a session row is: a session of the course's method, or another contact.

Only sessions of the method count as "session n / N", for fidelity, for the therapy guarantee's first treatment and
for a course being finished; a phone call or a meeting with a guardian is a contact, recorded but never numbered in
the protocol (Terapiat etulinjaan counts treatment sessions; the guarantee stops at the first session of the method).
"""

from __future__ import annotations

METHOD_SESSION = "method"
# Contacts that are not sessions of the method. "parent_meeting" is a method's own parents' meeting (Cool Kids'
# parent sessions): it belongs to the child's course but is not one of the child's numbered sessions.
CONTACT_KINDS = ("phone", "message", "guardian_meeting", "consultation", "parent_meeting", "other")
SESSION_KINDS = (METHOD_SESSION, *CONTACT_KINDS)


def is_method_session(kind: str | None) -> bool:
    return (kind or METHOD_SESSION) == METHOD_SESSION
