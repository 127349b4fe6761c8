"""Compensation estimator pages (补偿估算), one per standard where it applies, and the worked
examples shown on each standard page. Everything comes from `generator.estimate`: the page carries
the calculator as JSON for gk-estimator.js, the examples are computed here at build time.
"""

from __future__ import annotations

import json
from typing import Any

from ..estimate import NOTICE, Breakdown, applies, browser_data, calculator_for, worked_examples
from ..estimate.arithmetic import format_fen
from ..estimate.calculator import SAMPLE_NOTICE, Calculator, Line
from ..model.standard import CATEGORY_LABELS, MODE_LABELS, CompensationStandard
from ..rules.references import Site
from .household_pages import household_links, household_pages
from .links import page_path, relative
from .page import Page, latest
from .text import iso_date

SECTION = "estimate"
LABEL = "补偿估算"


def estimator_path(standard_id: str) -> str:
    return page_path(SECTION, standard_id)


def estimator_pages(site: Site) -> list[Page]:
    standards = [s for s in site.of("compensation_standards") if applies(s)]
    if not standards:
        return []
    pages = [_estimator_page(site, s) for s in standards]
    pages += household_pages(site, _standard_form)
    index_path = page_path(SECTION)
    entries = [{"title": s.title, "href": relative(index_path, estimator_path(s.id)), "summary": s.summary,
                "category": CATEGORY_LABELS[s.category], "sample": s.sample} for s in standards]
    pages.append(Page(path=index_path, title=LABEL, section=LABEL, kind="index",
                      description="按补偿标准自己算一算：输入面积、月数、数量，看到每一项怎么算、依据是哪一条。",
                      updated=latest([s.updated for s in standards], site.config.updated),
                      template="estimators_index.md.j2",
                      context={"entries": entries, "notice": NOTICE, "households": household_links(site, index_path)},
                      sample=any(s.sample for s in standards)))
    return pages


def _field(line: Line, prefix: str) -> list[dict[str, Any]]:
    return [{"name": f"{prefix}:{m.factor}", "label": m.label, "factor": m.factor, "places": m.places,
             "flag": m.flag, "placeholder": m.placeholder} for m in line.measures if not m.shared]


def _form(calc: Calculator, covers: dict[str, str]) -> dict[str, Any]:
    zone_measures = calc.zone_measures()
    return {
        "zones": [{"id": z.id, "title": z.title, "rate": f"{format_fen(z.rate_fen)} {z.unit}",
                   "covers": covers.get(z.id, "")} for z in calc.zones],
        "zone_fields": [{"name": f"zone:{m.factor}", "label": m.label, "factor": m.factor, "places": m.places,
                         "placeholder": m.placeholder} for m in zone_measures],
        "shared": [{"name": f"shared:{m.factor}", "label": m.label, "factor": m.factor, "places": m.places,
                    "placeholder": m.placeholder} for m in calc.shared],
        "items": [{"id": i.id, "title": i.title, "rate": f"{format_fen(i.rate_fen)} {i.unit}",
                   "condition": i.condition, "source": i.source, "fields": _field(i, f"line:{i.id}"),
                   "modes": "、".join(MODE_LABELS[m] for m in i.modes),
                   "floor_of": (calc.line(i.minimum_for).title if i.minimum_for else "")}  # type: ignore[union-attr]
                  for i in calc.items],
    }


def _standard_form(site: Site, s: CompensationStandard, calc: Calculator) -> dict[str, Any]:
    """The fields, plus the periods the standard is limited to (签约期限 of a project), shown above them."""
    projects = site.by_id.get("projects", {})
    periods = [{"what": x.what, "start": iso_date(x.start), "end": iso_date(x.end), "project": projects[x.project].title}
               for x in s.project_periods if x.project in projects]
    return {**_form(calc, {z.id: "、".join(site.areas[a].name for a in z.covers) for z in s.zones}), "periods": periods}


def _estimator_page(site: Site, s: CompensationStandard) -> Page:
    path = estimator_path(s.id)
    calc = calculator_for(site, s, path)
    context = {
        "s": s,
        "standard_href": relative(path, page_path("standards", s.id)),
        "notice": NOTICE,
        "sample_notice": SAMPLE_NOTICE if s.sample else "",
        "form": _standard_form(site, s, calc),
        "data": json.dumps(browser_data(calc), ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        "examples": example_views(site, s, path),
    }
    return Page(path=path, title=f"补偿估算：{s.title}", section=LABEL, kind="estimator",
                description=f"按“{s.title}”估算补偿：每一项显示单价、数量、金额和依据。{NOTICE[:30]}",
                updated=s.updated, template="estimator.md.j2", context=context, sample=s.sample)


def breakdown_view(b: Breakdown) -> dict[str, Any]:
    return {"rows": [{"id": i.line.id, "kind": i.kind, "name": i.line.title,
                      "rate": f"{format_fen(i.line.rate_fen)} {i.line.unit}", "quantity": i.quantity_text,
                      "amount": format_fen(i.amount_fen), "note": i.note, "source": i.line.source}
                     for i in b.items],
            "total": format_fen(b.total_fen)}


def example_views(site: Site, s: CompensationStandard, from_path: str) -> list[dict[str, Any]]:
    """Worked examples for a standard, computed now by the estimator (never typed)."""
    if not applies(s):
        return []
    calc = calculator_for(site, s, from_path)
    return [{"title": ex.title, **breakdown_view(b)} for ex, b in worked_examples(calc, s)]


def estimator_link(s: CompensationStandard, from_path: str) -> str:
    return relative(from_path, estimator_path(s.id)) if applies(s) else ""
