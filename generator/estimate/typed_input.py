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
digits with at most one decimal point.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..load.yamlsource import Map, Node, Scalar

UNITS = ("平方米", "平米", "平方", "㎡", "m²", "m2", "亩", "个月", "月", "次", "户", "株", "棵", "根", "眼", "座", "个",
         "处", "米", "元")
MESSAGES = {
    "not_number": "这里只写数字，例如 120；看不懂的可以先空着",
    "comma": "数字中间不要加逗号，直接写 1200 这样就行",
    "negative": "这里不能写负数，只写数字，例如 120",
    "too_big": "这个数字太大了，请再核对一下",
    "places": "小数点后最多写 {places} 位，例如 120.5",
    "integer": "这里写整数，例如 3",
}
RULES: dict[str, Any] = {
    "full_width": {**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "－": "-"},
    "spaces": " \t\r\n\u00a0\u3000",
    "trailing": "。．.",
    "decimal_marks": "。",
    "units": sorted(UNITS, key=lambda u: -len(u)),
    "commas": ",，、",
    "max_integer_digits": 9,
    "messages": MESSAGES,
}
_NUMBER = re.compile(r"([0-9]+)(?:\.([0-9]+))?")  # ASCII only, whole text (fullmatch): as NUMBER in gk-estimator.js
MARKER = b"/*gk:typed-input*/{}/*gk:end*/"
SCRIPT = "assets/javascripts/gk-estimator.js"


class TypedInputError(ValueError):
    """A quantity that is not a number for its measure; the message is for a resident, in Chinese."""


def tidy(text: str) -> str:
    """１２０平方米 / 120 ㎡ / ' 120 。' -> '120' (anything else is left for `read_quantity` to refuse)."""
    t = "".join(RULES["full_width"].get(c, c) for c in text)
    t = "".join(c for c in t if c not in RULES["spaces"])
    while t and t[-1] in RULES["trailing"]:
        t = t[:-1]
    low = t.lower()
    unit = next((u for u in RULES["units"] if low.endswith(u.lower())), "")
    t = t[: len(t) - len(unit)] if unit else t
    return "".join("." if c in RULES["decimal_marks"] else c for c in t)


def read_quantity(text: str, places: int) -> tuple[int, int]:
    """Typed text -> (units, places): '１２０.５平方米' with 2 places -> (12050, 2); TypedInputError otherwise."""
    t = tidy(text)
    m = _NUMBER.fullmatch(t)
    if not m:
        if any(c in RULES["commas"] for c in t):
            raise TypedInputError(MESSAGES["comma"])
        if t.startswith("-") and _NUMBER.fullmatch(t[1:]):
            raise TypedInputError(MESSAGES["negative"])
        raise TypedInputError(MESSAGES["not_number"])
    whole, frac = m.group(1), m.group(2) or ""
    if len(whole.lstrip("0")) > RULES["max_integer_digits"]:
        raise TypedInputError(MESSAGES["too_big"])
    if len(frac.rstrip("0")) > places:
        raise TypedInputError(MESSAGES["places"].format(places=places) if places else MESSAGES["integer"])
    return int(whole + frac[:places].ljust(places, "0")), places


def tidy_situation(root: Node) -> None:
    """Tidy, in place, every quantity of a situation file (`lines.*.*` and `shared.*`), before the model
    reads it, so `gongkai estimate` accepts what the browser form accepts."""
    if not isinstance(root, Map):
        return
    maps = [node for key, (_, node) in root.entries.items() if key == "shared"]
    lines = root.entries.get("lines")
    if lines and isinstance(lines[1], Map):
        maps += [node for _, node in lines[1].entries.values()]
    for values in maps:
        for _, value in values.entries.values() if isinstance(values, Map) else ():
            if isinstance(value, Scalar) and value.value is not None:
                value.value = tidy(value.value)


def inject(theme: dict[str, bytes]) -> dict[str, bytes]:
    """The theme with RULES written into gk-estimator.js where it holds the marker (a district's own
    copy of the script without the marker is left as it is)."""
    script = theme.get(SCRIPT)
    if script is None or MARKER not in script:
        return theme
    data = json.dumps(RULES, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return {**theme, SCRIPT: script.replace(MARKER, data)}
