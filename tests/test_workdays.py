"""Working days and statutory periods, with the bundled 2025 holiday calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO

from generator.load.content import load_content
from generator.rules.project_rules import site_calendar
from generator.rules.references import resolve
from generator.rules.workdays import Calendar, add_days, add_working_days, working_days_between

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    content, diags = load_content(REPO)
    assert content is not None, diags
    site, _ = resolve(content)
    return site_calendar(site)


def test_weekends_only_without_a_calendar_and_the_gap_is_reported():
    plain = Calendar()
    period = add_working_days(plain, D("2030-03-01"), 10)  # Friday
    assert period.end == D("2030-03-15")
    assert period.missing_years == (2030,)


def test_ten_working_days_skip_the_spring_festival(calendar: Calendar):
    # 2025-01-27 (Mon); 01-28..02-04 off; 02-08 (Sat) is an adjusted workday.
    period = add_working_days(calendar, D("2025-01-24"), 10)
    assert [d for d in (D("2025-01-26"), D("2025-02-08")) if calendar.is_working_day(d)] == [D("2025-01-26"),
                                                                                          D("2025-02-08")]
    assert not calendar.is_working_day(D("2025-01-28"))
    # 01-26 (1), 01-27 (2), 02-05..02-07 (3-5), 02-08 (6), 02-10..02-13 (7-10)
    assert period.end == D("2025-02-13") and period.missing_years == ()


def test_start_day_is_not_counted(calendar: Calendar):
    assert add_working_days(calendar, D("2025-03-03"), 10).end == D("2025-03-17")
    assert working_days_between(calendar, D("2025-03-03"), D("2025-03-17")) == 10
    assert working_days_between(calendar, D("2025-03-03"), D("2025-03-03")) == 0


def test_a_day_period_ending_on_a_holiday_moves_to_the_next_working_day(calendar: Calendar):
    assert add_days(calendar, D("2025-04-21"), 30).end == D("2025-05-21")  # Wednesday: unchanged
    # 2025-09-01 + 30 days = 10-01 (National Day, off until 10-08) -> ends 10-09.
    assert add_days(calendar, D("2025-09-01"), 30).end == D("2025-10-09")


def test_fifteen_working_days_across_national_day(calendar: Calendar):
    # 09-28 (Sun) is worked; 10-01..10-08 are off; 10-11 (Sat) is worked.
    assert add_working_days(calendar, D("2025-09-12"), 15).end == D("2025-10-10")


def test_bundled_calendars_cover_their_years(calendar: Calendar):
    assert {2024, 2025} <= calendar.years
    for day in calendar.workdays:
        assert day.weekday() >= 5

