"""The calculator for one compensation standard, derived from the same YAML the standard page shows:
each zone and item becomes a line with its exact rate in 分, the measures its unit asks for and
its source article. No rate is typed twice: the browser receives this value as JSON at build time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.fields import Citation
from ..model.standard import CompensationStandard, Rate, Zone
from ..pages.text import article_label
from ..pages.views import CitationView, cite
from ..rules.references import Site
from .arithmetic import format_fen, plain_fen, to_fen
from .measures import Measure, measures

NOTICE = ("本估算只用来帮助您理解补偿怎么算，不是补偿决定，也不能作为领取补偿的依据。"
          "实际补偿金额以现状调查（调查登记）、测绘、评估结果和依法签订的补偿协议（或补偿决定）为准。")
SAMPLE_NOTICE = "本标准的金额是示例数据，不是官方标准，估算结果仅用于演示。"


@dataclass(frozen=True)
class Line:
    """One figure of the standard as the calculator sees it."""

    id: str
    name: str
    spec: str
    condition: str
    zone: bool  # a 区片 (choose one) rather than an item
    rate_fen: int
    unit: str
    measures: tuple[Measure, ...]
    source: CitationView
    document: str
    article: int | None
    minimum_for: str | None  # this line is the floor of another line
    modes: tuple[str, ...] = ()  # compensation modes it applies under; empty = both

    def applies_under(self, mode: str | None) -> bool:
        return mode is None or not self.modes or mode in self.modes

    @property
    def title(self) -> str:
        return f"{self.name}（{self.spec}）" if self.spec else self.name


@dataclass(frozen=True)
class Calculator:
    standard_id: str
    title: str
    sample: bool
    lines: tuple[Line, ...]

    @property
    def zones(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.zone)

    @property
    def items(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if not line.zone)

    def line(self, line_id: str) -> Line | None:
        return next((line for line in self.lines if line.id == line_id), None)

    @property
    def shared(self) -> tuple[Measure, ...]:
        """Time measures asked once for the whole standard (months, moves), in first-use order."""
        seen: dict[str, Measure] = {}
        for line in self.lines:
            for m in line.measures:
                if m.shared:
                    seen.setdefault(m.factor, m)
        return tuple(seen.values())

    def zone_measures(self) -> tuple[Measure, ...]:
        """Per-line measures of the zones (all zones of a standard normally share one unit)."""
        seen: dict[str, Measure] = {}
        for line in self.zones:
            for m in line.measures:
                if not m.shared:
                    seen.setdefault(m.factor, m)
        return tuple(seen.values())


def _line(site: Site, standard: CompensationStandard, rate: Rate, from_path: str) -> Line:
    article = rate.article or standard.source.article
    citation = Citation(document=standard.source.document, article=article)
    return Line(id=rate.id, name=rate.name, spec=rate.spec or "", condition=rate.condition or "",
                zone=isinstance(rate, Zone), rate_fen=to_fen(rate.amount), unit=rate.unit,
                measures=measures(rate.unit), source=cite(site, citation, from_path),
                document=standard.source.document, article=article, minimum_for=rate.minimum_for,
                modes=tuple(rate.modes))


def calculator_for(site: Site, standard: CompensationStandard, from_path: str) -> Calculator:
    """The calculator of a standard; citation links are made relative to `from_path`."""
    lines = tuple(_line(site, standard, r, from_path) for r in [*standard.zones, *standard.items])
    return Calculator(standard.id, standard.title, standard.sample, lines)


def applies(standard: CompensationStandard) -> bool:
    """Whether a standard gets an estimator page: it has figures and does not opt out."""
    return standard.estimator and bool(standard.zones or standard.items)


def _measure_data(m: Measure) -> dict[str, Any]:
    return {"factor": m.factor, "label": m.label, "places": m.places, "shared": m.shared, "flag": m.flag}


def browser_data(calc: Calculator) -> dict[str, Any]:
    """What gk-estimator.js receives: exact rates as integer 分 in strings (read with BigInt)."""
    return {
        "standard": calc.standard_id,
        "sample": calc.sample,
        "lines": [{
            "id": line.id, "name": line.title, "zone": line.zone, "rate_fen": str(line.rate_fen),
            "rate": format_fen(line.rate_fen), "unit": line.unit,
            "measures": [_measure_data(m) for m in line.measures],
            "minimum_for": line.minimum_for or "",
            "modes": list(line.modes),
            "source": {"label": line.source.label, "href": line.source.href},
        } for line in calc.lines],
    }


def source_data(line: Line) -> dict[str, Any]:
    return {"label": line.source.label, "document": line.document, "article": line.article,
            "article_label": article_label(line.article) if line.article else ""}


def rate_text(line: Line) -> str:
    return f"{format_fen(line.rate_fen)} {line.unit}"


__all__ = ["NOTICE", "SAMPLE_NOTICE", "Calculator", "Line", "applies", "browser_data", "calculator_for",
           "plain_fen", "rate_text", "source_data"]
