"""Pages for resettlement housing (安置房): each estate with its stock and allocation rounds, the
allocation rules, and their section indexes."""

from __future__ import annotations

from ..model.housing import AllocationRule, Estate
from ..rules.references import Site
from .links import page_path, relative
from .money_views import cn_date, estate_sentence
from .page import Page, latest

ESTATES, ESTATES_LABEL = "estates", "安置房"
RULES, RULES_LABEL = "allocation", "安置房分配规则"
RESETTLEMENT = "resettlement"


def estate_pages(site: Site) -> list[Page]:
    estates: tuple[Estate, ...] = site.of("estates")
    rules: tuple[AllocationRule, ...] = site.of("allocation_rules")
    pages = [_estate_page(site, e) for e in estates] + [_rule_page(site, r) for r in rules]
    index = page_path(ESTATES)
    rows = [{"name": e.name, "sentence": estate_sentence(e), "area": site.areas[e.area].name, "sample": e.sample,
             "href": relative(index, page_path(ESTATES, e.id))} for e in estates]
    rule_rows = [{"title": r.title, "summary": r.summary, "href": relative(index, page_path(RULES, r.id))} for r in rules]
    pages.append(Page(path=index, title="安置房什么时候交房", section=ESTATES_LABEL, kind="index",
                      description="安置房小区建到哪一步、什么时候交房、有多少套、怎么分配。",
                      updated=latest([x.updated for x in (*estates, *rules)], site.config.updated),
                      template="estates_index.md.j2", context={"rows": rows, "rules": rule_rows,
                               "resettlement_href": relative(index, page_path(RESETTLEMENT))},
                      sample=any(e.sample for e in estates) or any(r.sample for r in rules)))
    rules_index = page_path(RULES)
    pages.append(Page(path=rules_index, title=RULES_LABEL, section=ESTATES_LABEL, kind="index",
                      description="安置房按什么条件、什么顺序分配，依据哪份文件。",
                      updated=latest([r.updated for r in rules], site.config.updated),
                      template="allocation_index.md.j2",
                      context={"rules": [{**x, "href": relative(rules_index, page_path(RULES, r.id))}
                                         for x, r in zip(rule_rows, rules, strict=True)],
                               "estates_href": relative(rules_index, index)},
                      sample=any(r.sample for r in rules)))
    pages.append(_resettlement_page(site))
    return pages


def _resettlement_page(site: Site) -> Page:
    """先安置后拆迁落实情况: one row per project (anchor = the item's id)."""
    path = page_path(RESETTLEMENT)
    projects = site.by_id.get("projects", {})
    estates = site.by_id.get("estates", {})
    items = site.of(RESETTLEMENT)
    rows = []
    for r in items:
        project = projects.get(r.project)
        if project is None:
            continue
        housed = [estates[e] for e in r.estates if e in estates]
        rows.append({"id": r.id, "title": project.title, "href": relative(path, page_path("projects", project.id)),
                     "first": r.resettle_first, "sample": r.sample, "households": r.households,
                     "demolition": cn_date(r.demolition_start) if r.demolition_start else "",
                     "estates": [{"sentence": estate_sentence(e), "href": relative(path, page_path(ESTATES, e.id))}
                                 for e in housed], "note": r.note or ""})
    return Page(path=path, title="先安置后拆迁落实情况", section=ESTATES_LABEL, kind=RESETTLEMENT,
                description="每个征收项目是否实行先安置后拆迁，安置房交付了没有，什么时候开始拆除。",
                updated=latest([r.updated for r in items], site.config.updated), template="resettlement.md.j2",
                context={"rows": rows, "estates_href": relative(path, page_path(ESTATES))},
                sample=any(r.sample for r in items))


def _estate_page(site: Site, e: Estate) -> Page:
    path = page_path(ESTATES, e.id)
    projects = site.by_id.get("projects", {})
    rules = site.by_id.get("allocation_rules", {})
    housed = [r.project for r in site.of("resettlement") if e.id in r.estates]
    housed += [p for r in e.rounds for p in r.projects if p not in housed]
    rounds = [{"r": r, "date": r.date.isoformat(),
               "rule": ({"title": rules[r.rule].title, "href": relative(path, page_path(RULES, r.rule))}
                        if r.rule in rules else None)} for r in sorted(e.rounds, key=lambda r: (r.date, r.id))]
    totals = {k: sum(getattr(b, k) for b in e.bands) for k in ("units", "ready", "under_construction", "allocated")}
    context = {
        "e": e, "sentence": estate_sentence(e), "area": site.areas[e.area].name,
        "delivery": cn_date(e.delivery) if e.delivery else "", "totals": totals, "rounds": rounds,
        "projects": [{"title": projects[p].title, "href": relative(path, page_path("projects", p))}
                     for p in housed if p in projects],
    }
    return Page(path=path, title=e.name, section=ESTATES_LABEL, kind=ESTATES, description=estate_sentence(e),
                updated=e.updated, template="estate.md.j2", context=context, sample=e.sample,
                areas=(site.areas[e.area].name,))


def _rule_page(site: Site, r: AllocationRule) -> Page:
    path = page_path(RULES, r.id)
    doc = site.document(r.document)
    estates = [e for e in site.of("estates") if any(x.rule == r.id for x in e.rounds)]
    context = {
        "r": r, "document": {"title": doc.title, "href": relative(path, page_path("policies", doc.id))},
        "methods": "、".join(r.methods),
        "estates": [{"name": e.name, "href": relative(path, page_path(ESTATES, e.id))} for e in estates],
    }
    return Page(path=path, title=r.title, section=ESTATES_LABEL, kind="allocation_rules", description=r.summary,
                updated=r.updated, template="allocation_rule.md.j2", context=context, sample=r.sample)
