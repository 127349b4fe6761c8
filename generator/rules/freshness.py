"""Freshness checks: which items are past their review date, which land prices are older than the
law allows. "Today" is always an explicit argument (the CLI supplies it), never read here, so the
same content and the same day give the same diagnostics, and nothing about today reaches a page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..diagnostics import Diagnostic, warning
from ..model import CONTENT_TYPES
from ..model.standard import Category
from .references import Site

LAND_PRICE_YEARS = 3  # 土地管理法 第四十八条：区片综合地价至少每三年调整或者重新公布一次


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def freshness_diagnostics(site: Site, today: dt.date) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            diags += _review(site, ctype.key, ctype.label, item, today)
    for standard in site.of("compensation_standards"):
        diags += _standard_dates(site, standard, today)
    return diags


def _review(site: Site, key: str, label: str, item: Any, today: dt.date) -> list[Diagnostic]:
    review_by = getattr(item, "review_by", None)
    if review_by is None or review_by >= today:
        return []
    pos = site.located[(key, item.id)].pos("review_by")
    days = (today - review_by).days
    return [warning(pos.path, pos.line, pos.column, "F701",
                    f"{label}“{item.id}”已超过复核期限 {review_by.isoformat()}（逾期 {days} 天）",
                    "请核对本条内容是否仍然准确；核对后更新 updated，并把 review_by 改为下一次复核的日期。")]


def _standard_dates(site: Site, standard: Any, today: dt.date) -> list[Diagnostic]:
    if standard.status != "current":
        return []
    located = site.located[("compensation_standards", standard.id)]
    diags = []
    last = max([standard.effective_from, *(r.date for r in standard.republished)])
    due = add_years(last, LAND_PRICE_YEARS)
    if standard.category == Category.land_zone_price and due < today:
        pos = located.pos("republished", len(standard.republished) - 1) if standard.republished \
            else located.pos("effective_from")
        since = f"{last.isoformat()} 重新公布" if standard.republished else f"{last.isoformat()} 施行"
        diags.append(warning(
            pos.path, pos.line, pos.column, "F702",
            f"区片综合地价“{standard.id}”自 {since}，已超过三年（应于 {due.isoformat()} 前调整或重新公布）",
            "土地管理法第四十八条要求区片综合地价至少每三年调整或者重新公布一次；"
            "价格有调整的，录入新的标准；原价重新公布的，在 republished 中记下重新公布的日期和文号。"))
    if standard.effective_to is not None and standard.effective_to < today:
        pos = located.pos("effective_to")
        diags.append(warning(
            pos.path, pos.line, pos.column, "F703",
            f"补偿标准“{standard.id}”的截止日期 {standard.effective_to.isoformat()} 已过，状态却仍是现行（current）",
            "请把 status 改为 superseded 或 repealed，并录入取代它的标准。"))
    return diags
