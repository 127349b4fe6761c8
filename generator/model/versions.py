"""Earlier versions (修订记录) kept in the content itself, not only in git: the site shows what residents
were told at the time, and an old figure stays published at its own address, marked 已失效.

A standard, procedure or policy document lists its earlier versions oldest first, each with the day it
took effect and what it changed in plain words; an earlier version of a standard also keeps the
amounts that differ from the version after it (`amounts: {brick-concrete: "1300.00"}`), so every
version's figures can be shown. The item's own fields are the current version; its `changes` says
what the current version changed.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from pydantic_core import PydanticCustomError

from .fields import Date, Id, Money, Strict, Text, describe


class EarlierVersion(Strict):
    """An earlier version: when it took effect, what it changed, and (standards) its differing amounts."""

    effective_from: Date = describe("施行日期", "这一版开始执行的日期")
    changes: Text = describe("修改内容", "这一版和它前一版相比改了什么，用大白话写；最早的一版写“首次发布”")
    amounts: dict[Id, Money] = describe(
        "当时的金额", "（补偿标准）这一版中与后一版不同的金额：项目或区片的标识 → 当时的金额，"
        "如 brick-concrete: \"1300.00\"；其余金额与后一版相同", default_factory=dict)


def changes_field() -> Any:
    return describe("本版修改内容", "现行版本和上一版相比改了什么，用大白话写；有修订记录（versions）时必填",
                    default=None)


def versions_field() -> Any:
    return describe("修订记录", "以前的版本，按施行日期从早到晚排列；改了已公布的金额时，必须把旧金额记在这里",
                    default_factory=list)


def check_versions(current_from: dt.date | None, changes: str | None, versions: list[EarlierVersion],
                   rate_ids: frozenset[str] = frozenset()) -> None:
    """Versions oldest first and before the current one (F704); amounts only for this standard's
    rates (F705); with versions, the current version says when it took effect and what it changed (F706)."""
    if not versions:
        return
    if current_from is None or not changes:
        raise PydanticCustomError("F706", "有修订记录（versions）时，必须写明现行版本的施行日期和本版修改内容（changes）", {})
    days = [v.effective_from for v in versions] + [current_from]
    for before, after in itertools.pairwise(days):
        if before >= after:
            raise PydanticCustomError(
                "F704", "修订记录的施行日期应从早到晚排列，且都早于现行版本的施行日期（{before} 不早于 {after}）",
                {"before": before.isoformat(), "after": after.isoformat()})
    for v in versions:
        unknown = sorted(set(v.amounts) - rate_ids)
        if unknown:
            raise PydanticCustomError("F705", "修订记录（{day} 版）的金额中，“{ids}”不是本标准的项目或区片标识",
                                      {"day": v.effective_from.isoformat(), "ids": "、".join(unknown)})
