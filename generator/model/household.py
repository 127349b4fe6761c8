"""Text about compensation money and resettlement homes: never one household's data.

`MoneyText` is the projects' `PublicText` (ID numbers, mobiles, bank cards, names next to amounts:
D920) plus one more thing money pages invite: a house number next to an amount
(“东湖村12号 补偿 8.6万元”, “3号楼2单元301室 86000元”) identifies a household as surely as a
name does (D977). Per-household figures are published inside the expropriation area only.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from .project import PublicMarkdown, PublicText

_ROOM = r"\d{2,4}(?:室|号)?(?![\d套户平元万.])"  # 301, 301室: not 480 套, not 90 平方米
_HOUSE_RE = re.compile(
    rf"\d+(?:号楼|栋|幢)(?:\d+单元)?{_ROOM}"  # 3号楼2单元301室, 5栋302
    rf"|\d+单元{_ROOM}"  # 2单元301
    r"|[\u4e00-\u9fff]{0,4}(?:村|组|社区|街|路|巷|里|弄|庄)\s*\d+\s*号(?![楼令文])")  # 东湖村12号, 老街18号 (not 文号)
_AMOUNT_RE = re.compile(r"\d[\d,，]*(?:\.\d+)?\s*(?:万元|元)")
_CLAUSE_RE = re.compile(r"[^。；;\n]+")


def house_with_amount(text: str) -> str | None:
    """The first house number that shares a clause with an amount of money, or None."""
    if "元" not in text or "号" not in text and "栋" not in text and "幢" not in text and "单元" not in text:
        return None
    for clause in _CLAUSE_RE.findall(text):
        house = _HOUSE_RE.search(clause)
        if house and _AMOUNT_RE.search(clause):
            return house.group(0)
    return None


def no_house_amounts(value: str) -> str:
    found = house_with_amount(value)
    if found:
        raise PydanticCustomError(
            "D977", "门牌号（{house}）和金额写在一起，能认出是哪一户，不得在网站公开", {"house": found})
    return value


MoneyText = Annotated[PublicText, AfterValidator(no_house_amounts)]
MoneyMarkdown = Annotated[PublicMarkdown, AfterValidator(no_house_amounts)]  # simple Markdown allowed
