"""Working days and statutory periods, computed from an explicit calendar (never guessed).

The rules, in one place:

1. A **working day** (工作日) is Monday to Friday, except the dates a calendar lists as holidays
   (法定节假日及调休放假日); a Saturday or Sunday the calendar lists as an adjusted workday (调休上班日)
   is a working day. Calendars come from `content/calendars/<year>.yml`, copied from the 国务院办公厅
   notice for that year (e.g. 国办发明电〔2024〕12号 for 2025).
2. If a period touches a year for which no calendar is loaded, only weekends are excluded, and the
   caller is told which years were missing (`Period.missing_years`) so it can warn (D913):
   a result is never silently based on a guess.
3. **Periods in days** (…日): the day the period starts from is not counted (民法典 第二百零一条);
   the period ends at the end of its last day; if that day is a holiday or weekend, the period ends
   at the end of the next working day (民法典 第二百零三条).
4. **Periods in working days** (…个工作日): counted in working days after the start day; the
   N-th working day is the last day.
5. A display period (公告期) from `start` to `end` is "at least N (working) days" when `end` is on or
   after the last day of an N-(working-)day period starting from `start`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
MAX_SPAN = 3660  # days; periods longer than this are certainly not display periods


@dataclass(frozen=True)
class Calendar:
    """Holidays and adjusted workdays for the years listed in `years`."""

    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    years: frozenset[int] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years


@dataclass(frozen=True)
class Period:
    """The last day of a statutory period and the calendar years it had to guess."""

    end: dt.date
    missing_years: tuple[int, ...] = ()


def _missing(calendar: Calendar, start: dt.date, end: dt.date) -> tuple[int, ...]:
    return tuple(y for y in range(start.year, end.year + 1) if y not in calendar.years)


def add_working_days(calendar: Calendar, start: dt.date, count: int) -> Period:
    """The last day of a period of `count` working days counted after `start`."""
    day = start
    left = count
    for _ in range(MAX_SPAN):
        if left <= 0:
            break
        day += ONE_DAY
        if calendar.is_working_day(day):
            left -= 1
    return Period(day, _missing(calendar, start, day))


def add_days(calendar: Calendar, start: dt.date, count: int) -> Period:
    """The last day of a period of `count` days after `start`, moved past a final holiday."""
    day = start + dt.timedelta(days=count)
    for _ in range(MAX_SPAN):
        if calendar.is_working_day(day):
            break
        day += ONE_DAY
    return Period(day, _missing(calendar, start, day))


def period_end(calendar: Calendar, start: dt.date, count: int, unit: str) -> Period:
    if unit == "working_days":
        return add_working_days(calendar, start, count)
    return add_days(calendar, start, count)


def working_days_between(calendar: Calendar, start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 if end is not after start)."""
    count = 0
    day = start
    for _ in range(min(max((end - start).days, 0), MAX_SPAN)):
        day += ONE_DAY
        if calendar.is_working_day(day):
            count += 1
    return count


def calendar_from(entries: Iterable[tuple[int, Iterable[dt.date], Iterable[dt.date]]]) -> Calendar:
    """Merge (year, holidays, workdays) triples into one Calendar."""
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    years: set[int] = set()
    for year, hol, work in entries:
        years.add(year)
        holidays.update(hol)
        workdays.update(work)
    return Calendar(frozenset(holidays), frozenset(workdays), frozenset(years))
