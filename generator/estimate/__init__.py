"""Compensation estimator (补偿估算): exact itemised estimates driven by the compensation standards.

`calculator_for` derives a calculator from a standard (rates in 分, the measures each unit asks
for, sources); `estimate` turns a resident's `Situation` into a `Breakdown`. The same values feed
`gongkai estimate`, the worked examples on standard pages and the JSON that gk-estimator.js reads.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, error
from ..model.standard import CompensationStandard, Example, Situation
from ..pages.links import page_path
from ..rules.references import Site
from .breakdown import Breakdown, Item, estimate, problems
from .calculator import NOTICE, Calculator, applies, browser_data, calculator_for
from .measures import Measure, measures

DEFAULT_QUANTITIES = {"亩": "2", "平方米": "100", "立方米": "10", "米": "10", "月": "6", "年": "1", "次": "1", "户": "1"}


def default_example(calc: Calculator) -> Example:
    """When a standard declares no examples: its first figure (the first zone, or the first item
    that is not a floor) with round quantities, so every standard page shows one computed example."""
    first = calc.zones[:1] or tuple(line for line in calc.items if not line.minimum_for)[:1]
    line = first[0]
    own = {m.factor: DEFAULT_QUANTITIES.get(m.factor, "10") for m in line.measures if not m.shared}
    shared = {m.factor: DEFAULT_QUANTITIES.get(m.factor, "1") for m in calc.shared}
    parts = [f"{own[m.factor]} {m.factor}" for m in line.measures if not m.shared and not m.flag]
    parts += [f"{shared[m.factor]} {m.factor}" for m in line.measures if m.shared]
    title = f"{line.title}" + (f"，{'、'.join(parts)}" if parts else "")
    return Example.model_validate({"title": title, "lines": {line.id: own}, "shared": shared})


def worked_examples(calc: Calculator, standard: CompensationStandard) -> list[tuple[Example, Breakdown]]:
    examples = list(standard.examples) or [default_example(calc)]
    return [(ex, estimate(calc, ex)) for ex in examples]


def _resolvable(site: Site, standard: CompensationStandard) -> bool:
    doc = site.by_id["policy_documents"].get(standard.source.document)
    if doc is None:
        return False
    numbers = {a.number for a in doc.articles}
    return all((r.article or standard.source.article) in numbers | {None} for r in [*standard.zones, *standard.items])


def check_examples(site: Site) -> list[Diagnostic]:
    """Declared examples must fit their standard (known figures, right units, valid numbers)."""
    diags: list[Diagnostic] = []
    for standard in site.of("compensation_standards"):
        if not standard.examples or not _resolvable(site, standard):
            continue  # dangling sources are reported by the resolve stage
        calc = calculator_for(site, standard, page_path("standards", standard.id))
        located = site.located[("compensation_standards", standard.id)]
        for i, example in enumerate(standard.examples):
            for loc, message in problems(calc, example):
                pos = located.pos("examples", i, *loc)
                diags.append(error(located.path, pos.line, pos.column, "R305", f"计算举例“{example.title}”：{message}",
                                   "举例中只能写本标准中的区片或项目标识，数量的单位要与金额单位一致。"))
    return diags


__all__ = ["NOTICE", "Breakdown", "Calculator", "Item", "Measure", "Situation", "applies", "browser_data",
           "calculator_for", "check_examples", "default_example", "estimate", "measures", "problems",
           "worked_examples"]
