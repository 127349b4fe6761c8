"""Versions (修订记录) of standards, procedures and policy documents, from the earlier versions kept in
the content (`model/versions.py`): each version's dates and plain-words changes, the figures of every
version of a standard, the old → new figures at each change, and a page for each earlier version of
a standard at a stable address (`standards/<id>/<effective_from>/`), marked 已失效.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..model.standard import CompensationStandard
from .links import relative
from .text import format_amount


@dataclass(frozen=True)
class FigureChange:
    rate_id: str
    name: str
    unit: str
    old: Decimal
    new: Decimal
    since: dt.date

    @property
    def text(self) -> str:
        """砖混结构 1,300.00 → 1,350.00 元/平方米，自 2026-03-01 起"""
        return (f"{self.name} {format_amount(self.old)} → {format_amount(self.new)} {self.unit}，"
                f"自 {self.since.isoformat()} 起")


@dataclass(frozen=True)
class Version:
    effective_from: dt.date | None
    effective_to: dt.date | None  # the day before the next version took effect; None: current
    changes: str
    amounts: dict[str, Decimal]  # every figure of this version (standards), by rate id
    figure_changes: tuple[FigureChange, ...]  # old -> new figures when this version took effect

    @property
    def current(self) -> bool:
        return self.effective_to is None


def _rates(s: CompensationStandard) -> list[Any]:
    return [*s.zones, *s.items]


def versions(item: Any) -> tuple[Version, ...]:
    """Every version of a standard, procedure or policy document, oldest first, the current one last;
    () when it records no earlier version."""
    earlier = getattr(item, "versions", [])
    if not earlier:
        return ()
    rates = _rates(item) if isinstance(item, CompensationStandard) else []
    current_from = getattr(item, "effective_from", None) or getattr(item, "effective_date", None)
    snapshots = [{r.id: r.amount for r in rates}]  # newest first while walking back
    for v in reversed(earlier):
        snapshots.append({**snapshots[-1], **v.amounts})
    snapshots.reverse()
    starts = [v.effective_from for v in earlier] + [current_from]
    notes = [v.changes for v in earlier] + [item.changes or ""]
    by_id = {r.id: r for r in rates}
    found: list[Version] = []
    for i, (start, note, amounts) in enumerate(zip(starts, notes, snapshots, strict=True)):
        end = starts[i + 1] - dt.timedelta(days=1) if i + 1 < len(starts) and starts[i + 1] else None
        changed = tuple(FigureChange(rid, by_id[rid].name, by_id[rid].unit, snapshots[i - 1][rid], amounts[rid], start)
                        for rid in by_id if i > 0 and snapshots[i - 1][rid] != amounts[rid] and start)
        found.append(Version(start, end, note, amounts, changed))
    return tuple(found)


def latest_change(item: Any) -> str:
    """What the current version changed, for 最近更新 and the feed: the old → new figures, then the note."""
    found = versions(item)
    if not found:
        return ""
    current = found[-1]
    return "；".join([c.text for c in current.figure_changes] + ([current.changes] if current.changes else []))


def version_path(section: str, item_id: str, day: dt.date) -> str:
    return f"{section}/{item_id}/{day.isoformat()}.md"


def history_rows(item: object, here: str, section: str) -> list[dict[str, object]]:
    """The 修订记录 of an item, newest first: dates, changes, old -> new figures, link to an earlier
    version's own page (standards keep every version's figures)."""
    rows = []
    for v in reversed(versions(item)):
        href = ""
        if not v.current and v.effective_from and isinstance(item, CompensationStandard):
            href = relative(here, version_path(section, item.id, v.effective_from))
        rows.append({"effective_from": v.effective_from.isoformat() if v.effective_from else "",
                     "effective_to": v.effective_to.isoformat() if v.effective_to else "",
                     "current": v.current, "changes": v.changes, "figures": [c.text for c in v.figure_changes],
                     "href": href})
    return rows
