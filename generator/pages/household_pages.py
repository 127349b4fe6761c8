"""The household estimator (一户估算): one page per regime (集体土地 / 国有土地) that combines every
estimator-enabled standard of that regime in one form, one fieldset per standard, with a 货币补偿 /
产权调换 choice and one itemised total. The same calculators and JSON as the per-standard pages;
`generator.estimate.household` computes the same thing in Python (`gongkai estimate --household`).
"""

from __future__ import annotations

import json
from typing import Any

from ..estimate import NOTICE, browser_data, calculator_for
from ..estimate.household import household_standards
from ..model.standard import CATEGORY_LABELS, MODE_LABELS
from ..rules.references import Site
from .links import page_path, relative
from .page import Page, latest

SECTION = "estimate"
LABEL = "补偿估算"
REGIMES = {"land_collective": ("household-collective", "集体土地", "农村宅基地、承包地被征收"),
           "house_state": ("household-state", "国有土地", "城镇国有土地上的房屋被征收")}


def household_path(regime: str) -> str:
    return page_path(SECTION, REGIMES[regime][0])


def household_links(site: Site, from_path: str) -> list[dict[str, str]]:
    """Links to the household estimators that exist, for the home page and the estimator index."""
    return [{"href": relative(from_path, household_path(regime)), "label": f"我家能补多少钱（{short}）",
             "blurb": f"{blurb}：把各项补偿合在一起算总数"}
            for regime, (_, short, blurb) in REGIMES.items() if household_standards(site, regime)]


def household_pages(site: Site, form_of: Any) -> list[Page]:
    """`form_of(site, standard, calculator)` builds one standard's fields (estimator_pages._form)."""
    pages = []
    for regime, (_, short, _blurb) in REGIMES.items():
        standards = household_standards(site, regime)
        if not standards:
            continue
        path = household_path(regime)
        sections = []
        for s in standards:
            calc = calculator_for(site, s, path)
            sections.append({"id": s.id, "title": s.title, "category": CATEGORY_LABELS[s.category],
                             "href": relative(path, page_path("standards", s.id)), "prefix": f"{s.id}|",
                             "form": form_of(site, s, calc), "sample": s.sample,
                             "data": json.dumps(browser_data(calc), ensure_ascii=False, sort_keys=True,
                                                separators=(",", ":"))})
        pages.append(Page(path=path, title=f"我家能补多少钱：{short}", section=LABEL, kind="estimator",
                          description=f"{short}征收：把房屋、土地、搬迁、过渡等各项补偿合在一起估算，逐项列出依据。",
                          updated=latest([s.updated for s in standards], site.config.updated),
                          template="household.md.j2",
                          context={"regime": regime, "short": short, "sections": sections, "notice": NOTICE,
                                   "modes": MODE_LABELS}, sample=any(s.sample for s in standards)))
    return pages
