"""Therapy guarantee (terapiatakuu / terapigaranti): since 1.5.2025 (HE 131/2024, StVM 26/2024) brief psychotherapy or
a structured, time-limited psychosocial treatment in primary health care for a client under 23 must start within 28
days of the day the need for it was established, unless medical, treatment-related or other comparable reasons
require otherwise.

- The clock starts on the need-established date the clinician records (never a default), and only for needs
  established on or after 1.5.2025.
- It stops at the first attended session of the treatment method (`store.courses.first_treatment_date`), never at a
  phone call, a message or another quick-logged contact.
- A recorded exception (medical, treatment-related or other comparable reasons, with the reason written out) takes
  the course out of the 28-day count; it is shown, never hidden.
- A first session dated before the need date is a data-entry slip: a state of its own with a clear message, not an
  error.

Age is taken on the day the need was established. A client born on 29 February turns a year older on 1 March in
a common year (a plain month/day comparison); organisations that count differently can pass their own rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

GuaranteeState = Literal[
    "on_time", "at_risk", "overdue", "not_applicable", "exception", "session_before_need"
]
NotApplicable = Literal["age", "before_law"]
EXCEPTION_REASONS = ("medical", "treatment", "other")  # the law's medical, treatment-related or comparable reasons


@dataclass(frozen=True)
class GuaranteeRules:
    age_limit: int = 23  # applies to clients younger than this
    at_risk_from_day: int = 21  # a waiting client is at risk from this day on
    deadline_days: int = 28  # the first treatment session must be on or before this day
    in_force_from: date = date(2025, 5, 1)  # needs established before this fall outside the guarantee


DEFAULT_RULES = GuaranteeRules()


@dataclass(frozen=True)
class GuaranteeStatus:
    applies: bool
    days: int | None  # from need established to first treatment, or to today while waiting
    state: GuaranteeState
    met: bool | None  # None while waiting and not yet overdue, and where the 28 days do not apply
    deadline: date | None = None
    waiting: bool = False
    why_not: NotApplicable | None = None  # for "not_applicable": under the age limit, or a need before the law
    days_left: int | None = None  # while waiting: days until the deadline (0 on the day, negative when overdue)


def age_on(birth_date: date, day: date) -> int:
    """Completed years on `day`."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def guarantee_status(
    birth_date: date,
    need_established: date,
    first_treatment: date | None,
    today: date,
    rules: GuaranteeRules = DEFAULT_RULES,
    *,
    exception: str | None = None,
) -> GuaranteeStatus:
    """The guarantee for one course. `first_treatment` is the first attended session of the method (None while
    waiting); `exception` a recorded exception reason (one of EXCEPTION_REASONS)."""
    if birth_date > need_established:
        raise ValueError("the need cannot be established before the client was born")
    if age_on(birth_date, need_established) >= rules.age_limit:
        return GuaranteeStatus(applies=False, days=None, state="not_applicable", met=None, why_not="age")
    if need_established < rules.in_force_from:
        return GuaranteeStatus(applies=False, days=None, state="not_applicable", met=None, why_not="before_law")
    deadline = need_established + timedelta(days=rules.deadline_days)
    if first_treatment is not None and first_treatment < need_established:
        return GuaranteeStatus(True, None, "session_before_need", None, deadline, waiting=False)
    end = first_treatment if first_treatment is not None else max(today, need_established)
    days = (end - need_established).days
    waiting = first_treatment is None
    left = (deadline - today).days if waiting else None
    if exception is not None:
        return GuaranteeStatus(True, days, "exception", None, deadline, waiting=waiting, days_left=left)
    if not waiting:
        met = days <= rules.deadline_days
        return GuaranteeStatus(True, days, "on_time" if met else "overdue", met, deadline, waiting=False)
    if days > rules.deadline_days:
        return GuaranteeStatus(True, days, "overdue", False, deadline, waiting=True, days_left=left)
    state: GuaranteeState = "at_risk" if days >= rules.at_risk_from_day else "on_time"
    return GuaranteeStatus(True, days, state, None, deadline, waiting=True, days_left=left)
