"""Holiday calendars (节假日安排): which dates are off and which weekend days are worked, per year.

Working-day periods (e.g. 预公告 at least 10 working days) are counted with these calendars; see
`generator/rules/workdays.py` for the exact rules. Copy each year from the 国务院办公厅 notice.
"""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .fields import Date, Id, Reviewed, Strict, Text, describe


class Holiday(Strict):
    """One holiday (放假) run of consecutive days, weekends inside it included."""

    name: Text = describe("节日", "如 春节、国庆节、中秋节")
    start: Date = describe("放假开始", "放假第一天")
    end: Date = describe("放假结束", "放假最后一天（只放一天时与开始日期相同）")


class WorkdayCalendar(Reviewed):
    """The official holiday arrangement of one year (国务院办公厅关于某年部分节假日安排的通知)."""

    id: Id = describe("标识", "如 cn-2025")
    year: int = describe("年份", "如 2025", ge=2000, le=2100)
    source: Text = describe("依据", "通知全称和文号，如 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）")
    holidays: list[Holiday] = describe("放假安排", "每个节日的放假起止日期", min_length=1)
    workdays: list[Date] = describe("调休上班日", "需要上班的周六、周日", default_factory=list)

    @model_validator(mode="after")
    def _dates_in_year(self) -> WorkdayCalendar:
        for h in self.holidays:
            if h.end < h.start:
                raise PydanticCustomError("D930", "“{name}”放假结束日期早于开始日期", {"name": h.name})
        for day in self.workdays:
            if day.weekday() < 5:
                raise PydanticCustomError("D930", "调休上班日 {day} 不是周六或周日", {"day": day.isoformat()})
        return self

    def holiday_dates(self) -> list[dt.date]:
        days = []
        for h in self.holidays:
            day = h.start
            while day <= h.end:
                days.append(day)
                day += dt.timedelta(days=1)
        return days
