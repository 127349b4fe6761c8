"""A resident's situation -> an itemised estimate: every line shows rate, quantity, amount and source.

Rules (mirrored exactly by gk-estimator.js):
- a line counts when every quantity its unit asks for is above zero; if only some of its own
  quantities are filled in, it is listed as incomplete;
- each line is rounded half up to the 分; the total is the sum of the rounded lines;
- a floor line (`minimum_for`) applies with its target: it tops the target up to the floor amount;
- only one zone (区片) can be chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.standard import Situation
from .arithmetic import QuantityError, Scaled, format_fen, line_fen, parse_quantity, plain_fen
from .calculator import NOTICE, SAMPLE_NOTICE, Calculator, Line, rate_text, source_data
from .measures import Measure

Problem = tuple[tuple[object, ...], str]  # (location in the situation, Chinese message)


@dataclass(frozen=True)
class Item:
    line: Line
    kind: str  # "rate", or "top_up" for a floor line
    quantities: tuple[tuple[Measure, Scaled], ...]
    amount_fen: int
    note: str = ""

    @property
    def quantity_text(self) -> str:
        return " × ".join(f"{q.text()} {m.factor}" for m, q in self.quantities)


@dataclass(frozen=True)
class Breakdown:
    calc: Calculator
    items: tuple[Item, ...]
    incomplete: tuple[str, ...]  # ids of lines with only some quantities filled in

    @property
    def total_fen(self) -> int:
        return sum(i.amount_fen for i in self.items)

    def as_json(self) -> dict[str, Any]:
        return {
            "standard": self.calc.standard_id,
            "title": self.calc.title,
            "sample": self.calc.sample,
            "lines": [{
                "id": i.line.id, "name": i.line.title, "kind": i.kind,
                "rate": plain_fen(i.line.rate_fen), "unit": i.line.unit, "rate_text": rate_text(i.line),
                "quantities": [{"factor": m.factor, "label": m.label, "value": q.text()} for m, q in i.quantities],
                "quantity_text": i.quantity_text,
                "amount": plain_fen(i.amount_fen), "amount_text": format_fen(i.amount_fen),
                "note": i.note, "source": source_data(i.line),
            } for i in self.items],
            "total": plain_fen(self.total_fen),
            "total_text": format_fen(self.total_fen),
            "incomplete": list(self.incomplete),
            "notice": NOTICE + (SAMPLE_NOTICE if self.calc.sample else ""),
        }


def problems(calc: Calculator, situation: Situation) -> list[Problem]:
    """Everything wrong with a situation for this calculator (unknown lines, units, bad numbers)."""
    found: list[Problem] = []
    shared = {m.factor: m for m in calc.shared}
    for factor, value in situation.shared.items():
        if factor not in shared:
            found.append((("shared", factor), f"本标准没有各项共用的“{factor}”（共用的只有：{'、'.join(shared) or '无'}；"
                                              f"要有一项的单位里带“{factor}”，如 元/户·{factor}）"))
        else:
            found.extend(_number_problem(("shared", factor), shared[factor], value))
    chosen_zones = []
    for line_id, values in situation.lines.items():
        line = calc.line(line_id)
        if line is None:
            found.append((("lines", line_id), f"本标准没有标识为“{line_id}”的区片或项目"))
            continue
        own = {m.factor: m for m in line.measures if not m.shared}
        for factor, value in values.items():
            if factor not in own:
                where = "请写在 shared 中" if factor in shared else f"它的单位是 {line.unit}"
                found.append((("lines", line_id, factor), f"“{line.title}”不按“{factor}”计算（{where}）"))
            else:
                found.extend(_number_problem(("lines", line_id, factor), own[factor], value))
        if line.zone and any(v > 0 for v in values.values()):
            chosen_zones.append(line_id)
    if len(chosen_zones) > 1:
        found.append((("lines",), f"只能选一个区片，这里填了 {len(chosen_zones)} 个：{'、'.join(chosen_zones)}"))
    return found


def _number_problem(loc: tuple[object, ...], m: Measure, value: object) -> list[Problem]:
    try:
        q = parse_quantity(str(value), m.places)
    except QuantityError as exc:
        return [(loc, f"{m.label}：{exc}")]
    if m.flag and q.units not in (0, 1):
        return [(loc, f"“{m.label}”只能写 1（适用）或 0（不适用）")]
    return []


def _quantities(line: Line, situation: Situation) -> tuple[tuple[Measure, Scaled], ...]:
    own = situation.lines.get(line.id, {})
    values = []
    for m in line.measures:
        if m.flag and line.minimum_for:
            values.append((m, Scaled(1, 0)))  # a floor applies to every household its target applies to
            continue
        raw = situation.shared.get(m.factor) if m.shared else own.get(m.factor)
        values.append((m, parse_quantity(str(raw), m.places) if raw is not None else Scaled(0, m.places)))
    return tuple(values)


def estimate(calc: Calculator, situation: Situation) -> Breakdown:
    """The itemised estimate; `situation` must have no `problems` (raises ValueError otherwise)."""
    found = problems(calc, situation)
    if found:
        raise ValueError("; ".join(message for _, message in found))
    counted: dict[str, Item] = {}
    incomplete = []
    for line in calc.lines:
        if line.minimum_for:
            continue
        qs = _quantities(line, situation)
        if all(not q.is_zero for _, q in qs):
            counted[line.id] = Item(line, "rate", qs, line_fen(line.rate_fen, tuple(q for _, q in qs)))
        elif any(not q.is_zero for m, q in qs if not m.shared):
            incomplete.append(line.id)
    items = []
    for line in calc.lines:
        if line.minimum_for and line.minimum_for in counted:
            top_up = _top_up(line, counted[line.minimum_for], situation)
            if top_up.amount_fen:  # a 0.00 floor row read as "you get nothing" (issue 11): left out
                items.append(top_up)
        elif line.id in counted:
            items.append(counted[line.id])
    return Breakdown(calc, tuple(items), tuple(incomplete))


def _top_up(floor: Line, target: Item, situation: Situation) -> Item:
    qs = _quantities(floor, situation)
    floor_fen = line_fen(floor.rate_fen, tuple(q for _, q in qs))
    top_up = max(0, floor_fen - target.amount_fen)
    note = (f"按最低标准计 {format_fen(floor_fen)} 元，按“{target.line.title}”计 {format_fen(target.amount_fen)} 元，"
            + (f"补足差额 {format_fen(top_up)} 元" if top_up else "已达到最低标准，无需补足"))
    return Item(floor, "top_up", qs, top_up, note)
