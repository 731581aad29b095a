"""Therapy guarantee (terapiatakuu / terapigaranti): since 1.5.2025 psychosocial treatment for clients under 23
must start within 28 days of the need being established.

Age is taken on the day the need was established. A client born on 29 February turns a year older on 1 March in
a common year (a plain month/day comparison); organisations that count differently can pass their own rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

GuaranteeState = Literal["on_time", "at_risk", "overdue", "not_applicable"]


@dataclass(frozen=True)
class GuaranteeRules:
    age_limit: int = 23  # applies to clients younger than this
    at_risk_from_day: int = 21  # a waiting client is at risk from this day on
    deadline_days: int = 28  # the first treatment session must be on or before this day


DEFAULT_RULES = GuaranteeRules()


@dataclass(frozen=True)
class GuaranteeStatus:
    applies: bool
    days: int | None  # from need established to first treatment, or to today while waiting
    state: GuaranteeState
    met: bool | None  # None while waiting and not yet overdue
    deadline: date | None = None
    waiting: bool = False


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
) -> GuaranteeStatus:
    if birth_date > need_established:
        raise ValueError("the need cannot be established before the client was born")
    if age_on(birth_date, need_established) >= rules.age_limit:
        return GuaranteeStatus(applies=False, days=None, state="not_applicable", met=None)
    deadline = need_established + timedelta(days=rules.deadline_days)
    end = first_treatment if first_treatment is not None else today
    days = (end - need_established).days
    if days < 0:
        raise ValueError("the first treatment (or today) is before the need was established")
    if first_treatment is not None:
        met = days <= rules.deadline_days
        return GuaranteeStatus(True, days, "on_time" if met else "overdue", met, deadline, waiting=False)
    if days > rules.deadline_days:
        return GuaranteeStatus(True, days, "overdue", False, deadline, waiting=True)
    state: GuaranteeState = "at_risk" if days >= rules.at_risk_from_day else "on_time"
    return GuaranteeStatus(True, days, state, None, deadline, waiting=True)
