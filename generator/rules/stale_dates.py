"""A project's summary that still points at a day already gone (F708, warning).

A project's 一句话看懂 (summary) is written by hand and read as "where things stand now": "请在12月18日前办理
补偿登记" is right while registration is open and misleading once the day has passed. Dates are found in
the forms editors write them (2026年12月18日, 12月18日, before 前/之前/以前/截止/为止); a date without a year
takes the year of the project's `updated` date, or the next year when that would put it more than half a
year before `updated` (a December deadline written in a January update). Judged on an explicit `today`,
like freshness.
"""

from __future__ import annotations

import datetime as dt
import re

from ..diagnostics import Diagnostic, warning
from .references import Site

_DEADLINE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前|之前|以前|截止|为止)")


def deadline_days(text: str, written: dt.date) -> list[tuple[str, dt.date]]:
    """Each deadline-like date in `text` (as written, as a date); impossible dates are left out."""
    found = []
    for m in _DEADLINE.finditer(text):
        year = int(m.group(1)) if m.group(1) else written.year
        try:
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if not m.group(1) and (written - day).days > 183:
            day = day.replace(year=year + 1) if not (day.month == 2 and day.day == 29) else day
        found.append((m.group(0), day))
    return found


def stale_summaries(site: Site, today: dt.date) -> list[Diagnostic]:
    diags = []
    for project in site.of("projects"):
        gone = [(text, day) for text, day in deadline_days(project.summary, project.updated) if day < today]
        if not gone:
            continue
        text, day = gone[0]
        p = site.located[("projects", project.id)].pos("summary")
        diags.append(warning(p.path, p.line, p.column, "F708",
                             f"项目“{project.title}”的“一句话看懂”写着“{text}”，这一天（{day.isoformat()}）已经过去",
                             "群众会以为现在还能按这句话办。请改写 summary，写明现在的情况（例如登记已经截止、下一步是什么），并更新 updated。"))
    return diags
