"""What quantity a unit asks for: 元/亩 asks for a land area in 亩, 元/平方米·月 for an area and a number
of months. Derived from the unit text alone, so a standard needs no extra estimator metadata.

A unit is 元/ followed by factors joined by ·; each factor is a `Measure`: its label (what the
resident is asked), how many decimal places a quantity may have, and whether it is shared by every
line of the standard (time: months of transition, number of moves) or asked per line (areas, counts).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    factor: str  # the unit factor as written after 元/, e.g. 平方米, 月, 户
    label: str  # what the resident is asked, e.g. 面积, 过渡月数
    places: int  # decimal places a quantity may have (0 = whole numbers)
    shared: bool  # one value for the whole standard (time), or one per line
    flag: bool = False  # asked as yes/no (本户适用): quantity 0 or 1

    @property
    def placeholder(self) -> str:
        return "0" if self.places == 0 else "0." + "0" * self.places


_AREA = ("面积", 2)
_KNOWN: dict[str, Measure] = {
    "亩": Measure("亩", "土地面积", 4, False),
    "平方米": Measure("平方米", *_AREA, False),
    "立方米": Measure("立方米", "体积", 2, False),
    "米": Measure("米", "长度", 2, False),
    "月": Measure("月", "过渡月数", 0, True),
    "年": Measure("年", "年数", 0, True),
    "次": Measure("次", "搬迁次数", 0, True),
    "户": Measure("户", "本户适用", 0, False, flag=True),
}
COUNTED = ("株", "棵", "眼", "座", "口", "个", "处", "间", "头", "只", "人", "块", "台", "套", "根", "丛", "墩")
ALIASES = {"㎡": "平方米", "m²": "平方米", "m2": "平方米", "平米": "平方米", "m³": "立方米", "m": "米"}


def measure(factor: str) -> Measure:
    """The measure for one unit factor; unknown factors are asked as a plain quantity with 2 decimals."""
    name = ALIASES.get(factor, factor)
    if name in _KNOWN:
        return _KNOWN[name]
    if name in COUNTED:
        return Measure(name, "数量", 0, False)
    return Measure(name, "数量", 2, False)


def measures(unit: str) -> tuple[Measure, ...]:
    """元/平方米·月 -> (面积 in 平方米, 过渡月数). The unit was validated by the model (元/…)."""
    rest = unit.split("/", 1)[1] if "/" in unit else unit
    return tuple(measure(part.strip()) for part in rest.split("·") if part.strip())


FACTOR_NAMES = tuple(_KNOWN)


def kind_of(factor: str) -> str:
    """What a unit measures, for comparing a typed unit with a field's: its own name (平方米 for ㎡), or 数量
    for every counted unit (株, 个, 棵: a count of things is a count whatever it is called)."""
    name = ALIASES.get(factor, factor)
    return "数量" if name in COUNTED else name
