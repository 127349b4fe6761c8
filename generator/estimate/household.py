"""A household's estimate (`gongkai estimate --household FILE`): every estimator-enabled standard of
its regime (集体土地 or 国有土地) in one itemised result, one section per standard, and an exact total.

The file names the regime, optionally the compensation mode (货币补偿 / 产权调换), and per standard
the same `lines` / `shared` as `gongkai estimate --input`:

    regime: 集体土地
    compensation_mode: 产权调换
    standards:
      rural-house-sample:
        lines:
          brick-concrete: {平方米: "120"}

Under a chosen mode, lines whose `modes` exclude it are left out (a floor goes with its target), and
their quantities are ignored; they are listed under `not_applicable`. The total is the sum of the
sections' totals, each the sum of its lines rounded to the 分 (the browser does the same).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..diagnostics import Diagnostic, error, has_errors
from ..load.validation import validate_node
from ..load.yamlsource import Map, Node, parse
from ..model.standard import (
    CATEGORY_LABELS,
    MODE_LABELS,
    REGIME_LABELS,
    CompensationStandard,
    Household,
    Situation,
)
from ..pages.links import page_path
from ..rules.references import Site
from .arithmetic import format_fen, plain_fen
from .breakdown import Breakdown, estimate, problems
from .calculator import NOTICE, Calculator, applies, calculator_for
from .typed_input import tidy_situation


def household_standards(site: Site, regime: str) -> list[CompensationStandard]:
    """The estimator-enabled, current standards of a regime (or of both regimes), in the order of their
    categories (land, crops, attachments, house, moving, transition, rewards: the biggest items first), then
    content order."""
    order = {category: n for n, category in enumerate(CATEGORY_LABELS)}
    return sorted((s for s in site.of("compensation_standards")
                   if applies(s) and s.status == "current" and s.regime in (regime, "both")),
                  key=lambda s: order[s.category])


def for_mode(calc: Calculator, mode: str | None) -> Calculator:
    """The calculator without the lines that do not apply under `mode` (a floor goes with its target)."""
    kept = [line for line in calc.lines if line.applies_under(mode)]
    ids = {line.id for line in kept}
    kept = [line for line in kept if not line.minimum_for or line.minimum_for in ids]
    return replace(calc, lines=tuple(kept))


def mode_situation(calc: Calculator, situation: Situation) -> tuple[Situation, list[str]]:
    """The situation without the quantities of lines the (mode-filtered) calculator no longer has."""
    shared = {m.factor for m in calc.shared}
    dropped = [line_id for line_id in situation.lines if calc.line(line_id) is None]
    return Situation(lines={k: v for k, v in situation.lines.items() if calc.line(k) is not None},
                     shared={k: v for k, v in situation.shared.items() if k in shared}), dropped


@dataclass(frozen=True)
class HouseholdEstimate:
    regime: str
    mode: str | None
    sections: tuple[Breakdown, ...]
    not_applicable: tuple[tuple[str, str], ...]  # (standard id, line id) left out by the mode

    @property
    def total_fen(self) -> int:
        return sum(b.total_fen for b in self.sections)

    def as_json(self) -> dict[str, Any]:
        sections = []
        for b in self.sections:
            data = b.as_json()
            data.pop("notice")
            sections.append(data)
        return {
            "regime": self.regime, "regime_label": REGIME_LABELS[self.regime],
            "compensation_mode": self.mode or "", "compensation_mode_label": MODE_LABELS.get(self.mode or "", ""),
            "sections": sections,
            "not_applicable": [{"standard": s, "line": line} for s, line in self.not_applicable],
            "total": plain_fen(self.total_fen), "total_text": format_fen(self.total_fen),
            "notice": NOTICE + ("部分标准的金额是示例数据，不是官方标准，估算结果仅用于演示。"
                                if any(b.calc.sample for b in self.sections) else ""),
        }


def estimate_household(site: Site, household: Household) -> HouseholdEstimate:
    """The household's estimate; every section must be free of `problems` (see `household_file`)."""
    sections, dropped = [], []
    for standard in household_standards(site, household.regime):
        calc = for_mode(calculator_for(site, standard, page_path("standards", standard.id)),
                        household.compensation_mode)
        situation, gone = mode_situation(calc, household.standards.get(standard.id, Situation()))
        dropped += [(standard.id, line_id) for line_id in gone]
        if standard.id in household.standards and calc.lines:
            sections.append(estimate(calc, situation))
    return HouseholdEstimate(household.regime, household.compensation_mode, tuple(sections), tuple(dropped))


def _tidy_quantities(root: Node, path: str) -> list[Diagnostic]:
    """Tidy every quantity of a household file in place (each standard's situation, see typed_input); R305 at the
    quantities typed in a unit their field does not measure."""
    standards = root.entries.get("standards") if isinstance(root, Map) else None
    if standards is None or not isinstance(standards[1], Map):
        return []
    return [wrong for _, situation in standards[1].entries.values() for wrong in tidy_situation(situation, path)]


def household_file(site: Site, path: str, data: bytes) -> tuple[HouseholdEstimate | None, list[Diagnostic]]:
    root, diags = parse(path, data)
    if root is None or has_errors(diags):
        return None, diags
    wrong = _tidy_quantities(root, path)
    if wrong:
        return None, diags + wrong
    located, found = validate_node(Household, path, root)
    diags += found
    if located is None or has_errors(found):
        return None, diags
    household = located.item
    known = {s.id: s for s in household_standards(site, household.regime)}
    for standard_id, situation in household.standards.items():
        pos = located.pos("standards", standard_id)
        if standard_id not in known:
            diags.append(error(path, pos.line, pos.column, "R303",
                               f"{REGIME_LABELS[household.regime]}没有可以估算的补偿标准“{standard_id}”",
                               f"可以估算的标准：{'、'.join(known) or '无'}"))
            continue
        calc = calculator_for(site, known[standard_id], page_path("standards", standard_id))
        for loc, message in problems(calc, situation):
            at = located.pos("standards", standard_id, *loc)
            diags.append(error(path, at.line, at.column, "R305", f"“{known[standard_id].title}”：{message}",
                               "只能写本标准中的区片或项目标识，数量的单位要与金额单位一致。"))
    if has_errors(diags):
        return None, diags
    return estimate_household(site, household), diags
