"""The last day to challenge a decision (generator/rules/remedy_dates.py): counted like workdays.py."""

from __future__ import annotations

import datetime as dt

from generator.rules.remedy_dates import add_months, last_day
from generator.rules.workdays import calendar_from

D = dt.date


def test_months_run_to_the_same_day_or_the_last_day_of_the_month() -> None:
    assert add_months(D(2025, 8, 21), 6) == D(2026, 2, 21)
    assert add_months(D(2025, 8, 31), 6) == D(2026, 2, 28)
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)


def test_a_period_ending_on_a_holiday_runs_to_the_next_working_day() -> None:
    calendar = calendar_from([(2025, [D(2025, 10, d) for d in range(1, 9)], [D(2025, 9, 28), D(2025, 10, 11)])])
    # 60 days after 2025-08-02 is 2025-10-01, in the National Day holiday: the last day is 2025-10-09.
    assert last_day(calendar, D(2025, 8, 2), 60, "days") == (D(2025, 10, 9), ())
    # Six months after 2025-04-05 is Sunday 2025-10-05, also in the holiday.
    assert last_day(calendar, D(2025, 4, 5), 6, "months")[0] == D(2025, 10, 9)
    assert last_day(calendar, D(2025, 8, 2), 60, "days")[1] == ()


def test_an_issuer_written_without_its_city_is_the_same_authority():
    from generator.rules.remedy_dates import same_authority
    assert same_authority("赣州市南康区人民政府", "南康区人民政府")
    assert same_authority("淮北市杜集区人民政府", "淮北市杜集区 人民政府")
    assert not same_authority("赣州市南康区人民政府", "区人民政府")  # too short to say which
    assert not same_authority("赣州市南康区人民政府", "赣州市章贡区人民政府")
