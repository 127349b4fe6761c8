"""How a quantity typed on a phone is read: the one rule list for Python and the browser.

Residents type quantities the way a Chinese phone keyboard gives them: full-width digits (１２０),
a unit after the number (120平方米, 120 ㎡, 3个月), spaces, a final 。. `RULES` is plain data; `tidy`
and `read_quantity` apply it here (`gongkai estimate --input` and `--household`, and every quantity
`breakdown` reads), and the build writes the same data into gk-estimator.js (`inject`), whose
`tidy`/`readQuantity` apply it step for step. tests/test_typed_input.py runs one table of inputs
through both and asserts identical results and messages.

The steps, in order: map full-width characters (`full_width`); drop spaces (`spaces`); drop marks
at the end (`trailing`); drop one unit at the end (`units`, longest first, ASCII letters in any
case); read a 。 left between digits as the decimal point (`decimal_marks`); then the rest must be
digits with at most one decimal point, and a unit typed must measure what the field asks (`unit_kinds`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..diagnostics import Diagnostic, error
from ..load.yamlsource import Map, Node, Scalar
from .measures import ALIASES, COUNTED, FACTOR_NAMES, kind_of, measure

# What people say after a number, beyond the units standards write (measures.py): 120平, 3方.
_SPOKEN = {"平": "平方米", "平方": "平方米", "个月": "月", "立方": "立方米", "方": "立方米", "元": "元"}
# Each unit a resident may type -> what it measures (a unit factor of measures.py; every counted unit such as
# 株 and 个 measures 数量). A typed unit that does not fit its field (3亩 where 平方米 are asked) is refused,
# never read as if it did.
UNIT_KINDS: dict[str, str] = {
    unit: kind_of(_SPOKEN.get(unit, unit))
    for unit in (*_SPOKEN, *FACTOR_NAMES, *ALIASES, *COUNTED)
}
UNITS = tuple(UNIT_KINDS)
MESSAGES = {
    "not_number": "这里只写数字，例如 120；看不懂的可以先空着",
    "comma": "数字中间不要加逗号，直接写 1200 这样就行",
    "negative": "这里不能写负数，只写数字，例如 120",
    "too_big": "这个数字太大了，请再核对一下",
    "places": "小数点后最多写 {places} 位，例如 120.5",
    "integer": "这里写整数，例如 3",
    "unit": "这里按{want}填写，您写的是{typed}；请换算成{want}后只写数字",
}
RULES: dict[str, Any] = {
    "full_width": {**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "－": "-"},
    "spaces": " \t\r\n\u00a0\u3000",
    "trailing": "。．.",
    "decimal_marks": "。",
    "units": sorted(UNITS, key=lambda u: (-len(u), u)),
    "unit_kinds": UNIT_KINDS,
    "commas": ",，、",
    "max_integer_digits": 9,
    "messages": MESSAGES,
}
_NUMBER = re.compile(r"([0-9]+)(?:\.([0-9]+))?")  # ASCII only, whole text (fullmatch): as NUMBER in gk-estimator.js
MARKER = b"/*gk:typed-input*/{}/*gk:end*/"
SCRIPT = "assets/javascripts/gk-estimator.js"


class TypedInputError(ValueError):
    """A quantity that is not a number for its measure; the message is for a resident, in Chinese."""


def split(text: str) -> tuple[str, str]:
    """１２０平方米 / 120 ㎡ / ' 120 。' -> ('120', the unit as typed, or '')."""
    t = "".join(RULES["full_width"].get(c, c) for c in text)
    t = "".join(c for c in t if c not in RULES["spaces"])
    while t and t[-1] in RULES["trailing"]:
        t = t[:-1]
    low = t.lower()
    unit = next((u for u in RULES["units"] if low.endswith(u.lower())), "")
    t = t[: len(t) - len(unit)] if unit else t
    return "".join("." if c in RULES["decimal_marks"] else c for c in t), unit


def tidy(text: str) -> str:
    """１２０平方米 / 120 ㎡ / ' 120 。' -> '120' (anything else is left for `read_quantity` to refuse)."""
    return split(text)[0]


def read_quantity(text: str, places: int, factor: str = "") -> tuple[int, int]:
    """Typed text -> (units, places): '１２０.５平方米' with 2 places -> (12050, 2); TypedInputError otherwise.
    With the field's unit `factor`, a typed unit measuring something else is refused (3亩 for 平方米)."""
    t, unit = split(text)
    m = _NUMBER.fullmatch(t)
    if not m:
        if any(c in RULES["commas"] for c in t):
            raise TypedInputError(MESSAGES["comma"])
        if t.startswith("-") and _NUMBER.fullmatch(t[1:]):
            raise TypedInputError(MESSAGES["negative"])
        raise TypedInputError(MESSAGES["not_number"])
    if factor and unit and RULES["unit_kinds"][unit] != RULES["unit_kinds"].get(factor, factor):
        raise TypedInputError(MESSAGES["unit"].format(want=factor, typed=unit))
    whole, frac = m.group(1), m.group(2) or ""
    if len(whole.lstrip("0")) > RULES["max_integer_digits"]:
        raise TypedInputError(MESSAGES["too_big"])
    if len(frac.rstrip("0")) > places:
        raise TypedInputError(MESSAGES["places"].format(places=places) if places else MESSAGES["integer"])
    return int(whole + frac[:places].ljust(places, "0")), places


def tidy_situation(root: Node, path: str) -> list[Diagnostic]:
    """Tidy, in place, every quantity of a situation file (`lines.*.<unit>` and `shared.<unit>`), before the
    model reads it, so `gongkai estimate` accepts what the browser form accepts; R305, with the browser's
    message, at each quantity typed in a unit that does not fit the unit it is given under (3亩 under 平方米)."""
    if not isinstance(root, Map):
        return []
    maps = [node for key, (_, node) in root.entries.items() if key == "shared"]
    lines = root.entries.get("lines")
    if lines and isinstance(lines[1], Map):
        maps += [node for _, node in lines[1].entries.values()]
    wrong = []
    for values in maps:
        for factor, (_, value) in values.entries.items() if isinstance(values, Map) else ():
            if isinstance(value, Scalar) and value.value is not None:
                try:
                    read_quantity(value.value, measure(factor).places, factor)
                except TypedInputError as exc:
                    if split(value.value)[1] and RULES["messages"]["unit"].split("{")[0] in str(exc):
                        wrong.append(error(path, value.pos.line, value.pos.column, "R305", str(exc),
                                           "数量的单位要与它所在的单位一致；先换算，再只写数字。"))
                        continue
                value.value = tidy(value.value)
    return wrong


def inject(theme: dict[str, bytes]) -> dict[str, bytes]:
    """The theme with RULES written into gk-estimator.js where it holds the marker (a district's own
    copy of the script without the marker is left as it is)."""
    script = theme.get(SCRIPT)
    if script is None or MARKER not in script:
        return theme
    data = json.dumps(RULES, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return {**theme, SCRIPT: script.replace(MARKER, data)}
