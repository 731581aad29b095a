"""Therapy guarantee: under 23 on the day the need was established; first treatment within 28 days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from askel.core.content.guarantee import GuaranteeRules, age_on, guarantee_status

NEED = date(2026, 3, 2)
YOUNG = date(2010, 6, 15)


def on_day(days: int) -> date:
    return NEED + timedelta(days=days)


@pytest.mark.parametrize(
    ("days", "state"), [(0, "on_time"), (20, "on_time"), (21, "at_risk"), (28, "at_risk"), (29, "overdue"),
                        (90, "overdue")]
)
def test_waiting_client_is_measured_to_today(days, state):
    status = guarantee_status(YOUNG, NEED, None, on_day(days))
    assert (status.applies, status.days, status.state, status.waiting) == (True, days, state, True)
    assert status.met is (False if state == "overdue" else None)
    assert status.deadline == date(2026, 3, 30)


@pytest.mark.parametrize(("days", "state", "met"), [(0, "on_time", True), (21, "on_time", True),
                                                    (28, "on_time", True), (29, "overdue", False)])
def test_started_client_is_measured_to_the_first_treatment(days, state, met):
    status = guarantee_status(YOUNG, NEED, on_day(days), today=on_day(200))
    assert (status.days, status.state, status.met, status.waiting) == (days, state, met, False)


@pytest.mark.parametrize(
    ("birth", "applies"),
    [
        (date(2003, 3, 3), True),  # turns 23 the day after the need was established
        (date(2003, 3, 2), False),  # 23 on that very day
        (date(1980, 1, 1), False),
        (date(2026, 1, 1), True),  # an infant
    ],
)
def test_age_is_taken_on_the_day_the_need_was_established(birth, applies):
    status = guarantee_status(birth, NEED, None, on_day(40))
    assert status.applies is applies
    if not applies:
        assert (status.state, status.days, status.met) == ("not_applicable", None, None)


def test_turning_23_while_waiting_does_not_end_the_guarantee():
    status = guarantee_status(date(2003, 3, 10), NEED, None, on_day(30))
    assert status.applies and status.state == "overdue"


def test_leap_day_birthday():
    born = date(2004, 2, 29)
    assert age_on(born, date(2027, 2, 28)) == 22
    assert age_on(born, date(2027, 3, 1)) == 23
    assert age_on(born, date(2028, 2, 29)) == 24


def test_rules_are_data():
    rules = GuaranteeRules(age_limit=25, at_risk_from_day=14, deadline_days=21)
    status = guarantee_status(date(2002, 1, 1), NEED, None, on_day(14), rules)
    assert status.applies and status.state == "at_risk" and status.deadline == on_day(21)


def test_a_first_session_before_the_need_date_is_a_state_not_an_error():
    status = guarantee_status(YOUNG, NEED, on_day(-1), on_day(5))
    assert (status.applies, status.state, status.days, status.met) == (True, "session_before_need", None, None)


def test_a_need_dated_today_or_later_is_day_0():
    status = guarantee_status(YOUNG, NEED, None, on_day(-1))
    assert (status.days, status.state, status.days_left) == (0, "on_time", 29)


# The law is in force from 1.5.2025 (HE 131/2024): needs established before it fall outside the guarantee.
@pytest.mark.parametrize(("need", "applies"), [(date(2025, 4, 30), False), (date(2025, 5, 1), True)])
def test_only_needs_from_the_law_coming_into_force(need, applies):
    status = guarantee_status(YOUNG, need, None, need + timedelta(days=40))
    assert status.applies is applies
    if applies:
        assert (status.state, status.met) == ("overdue", False)
    else:
        assert (status.state, status.why_not, status.days, status.met) == ("not_applicable", "before_law", None,
                                                                            None)


def test_age_is_the_other_reason_it_does_not_apply():
    assert guarantee_status(date(1990, 1, 1), NEED, None, on_day(3)).why_not == "age"


@pytest.mark.parametrize("reason", ["medical", "treatment", "other"])
def test_a_recorded_exception_takes_the_course_out_of_the_28_days(reason):
    waiting = guarantee_status(YOUNG, NEED, None, on_day(40), exception=reason)
    assert (waiting.applies, waiting.state, waiting.met, waiting.waiting, waiting.days) == (True, "exception", None,
                                                                                             True, 40)
    started = guarantee_status(YOUNG, NEED, on_day(45), on_day(60), exception=reason)
    assert (started.state, started.met, started.waiting, started.days) == ("exception", None, False, 45)


@pytest.mark.parametrize(("days", "left"), [(0, 28), (20, 8), (28, 0), (31, -3)])
def test_days_left_and_the_deadline_while_waiting(days, left):
    # Need 2.3.2026: the deadline is 2.3. + 28 days = 30.3.2026.
    status = guarantee_status(YOUNG, NEED, None, on_day(days))
    assert (status.days_left, status.deadline) == (left, date(2026, 3, 30))
    assert guarantee_status(YOUNG, NEED, on_day(10), on_day(days + 30)).days_left is None
