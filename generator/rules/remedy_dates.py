"""The last day to challenge a decision announced in a project (issue 11, journey 4): each remedy's period
counted from the announcement, as a date, and who hears it, as the district's content names it.

The law counts 复议 (60 days) and 诉讼 (6 months) from the day the person knew or should have known of the
decision; the site only knows the day the announcement went up, so the date is an estimate and says so.
Counting follows workdays.py (start day not counted; a period ending on a non-working day runs to the next
working day); months run to the same day of the last month, or its last day (民法典 第二百零二条).
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass

from ..model.procedure import TimeLimit
from ..model.project import Announcement, AnnouncementKind
from ..model.reference import Remedy
from .workdays import Calendar, add_days, period_end

# Announcements that carry a decision a resident can challenge (L3 Art. 13, 26; L2 Art. 31).
DECISIONS = frozenset({AnnouncementKind.house_decision, AnnouncementKind.house_compensation_decision,
                       AnnouncementKind.land_expropriation, AnnouncementKind.land_decision})


@dataclass(frozen=True)
class RemedyDate:
    remedy: Remedy
    body: str  # who hears it for this announcement's issuer, "" when the content does not say
    start: dt.date  # the day counting starts from (the announcement went up)
    last_day: dt.date
    estimate: bool  # the law counts from when the person learned of it
    missing_years: tuple[int, ...]  # years without a holiday calendar: weekends only


def add_months(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(start.day, _cal.monthrange(year, month)[1]))


def last_day(calendar: Calendar, start: dt.date, value: int, unit: str) -> tuple[dt.date, tuple[int, ...]]:
    if unit in ("months", "years"):
        end = add_months(start, value * (12 if unit == "years" else 1))
        period = add_days(calendar, end, 0)
        return period.end, period.missing_years
    period = period_end(calendar, start, value, unit)
    return period.end, period.missing_years


def same_authority(a: str, b: str) -> bool:
    """淮北市杜集区人民政府 and 杜集区人民政府 are one authority: equal without spaces, or one ends with the other
    (a shorter name of at least six characters: the district without its city, never a bare 区人民政府)."""
    a, b = "".join(a.split()), "".join(b.split())
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 6 and long.endswith(short))


def body_for(remedy: Remedy, issuer: str) -> str:
    """The body that hears this remedy against `issuer`'s decisions, or "" when the content names none."""
    return next((b.body for b in remedy.bodies if same_authority(b.acts_of, issuer)), "")


def remedy_dates(calendar: Calendar, remedies: tuple[Remedy, ...], a: Announcement) -> list[RemedyDate]:
    """For a decision announcement: each remedy with a period, its hearing body and the estimated last day."""
    if a.kind not in DECISIONS:
        return []
    out = []
    for r in remedies:
        if r.deadline.kind != "within" or not any("决定" in x for x in r.applies_to):
            continue
        end, missing = last_day(calendar, a.display_start, r.deadline.value, r.deadline.unit)
        body = body_for(r, a.issuer)
        out.append(RemedyDate(r, body, a.display_start, end, "知道" in r.deadline.from_, missing))
    return sorted(out, key=lambda d: (d.last_day, d.remedy.id))


def counting_text(limit: TimeLimit) -> str:
    """How the last day of a period is counted, in plain words (民法典 第二百零一条至第二百零三条)."""
    start = f"从{limit.from_}的第二天算起（当天不算）"
    if limit.unit == "working_days":
        return f"{start}，数满 {limit.value} 个工作日，周末和法定节假日不算。"
    if limit.unit in ("months", "years"):
        count = f"{limit.value} 个月" if limit.unit == "months" else f"{limit.value} 年"
        return (f"{start}，到 {count}后的同一日；那个月没有这一日的，到那个月的最后一天。"
                "最后一天是周末或法定节假日的，顺延到假期后的第一个工作日。")
    return f"{start}，数满 {limit.value} 日；最后一天是周末或法定节假日的，顺延到假期后的第一个工作日。"
