"""The 公开事项对照表 page: every catalogue row, where this site publishes it, when, and the gaps.

The page shows `compliance.assess(site)` as of the content date (never the wall clock), the same
value `gongkai report` prints.
"""

from __future__ import annotations

from typing import Any

from ..model.disclosure import DOMAIN_LABELS, MODE_LABELS, TIER_LABELS
from ..rules.catalogue_report import row_title, summary
from ..rules.compliance import Report, RowStatus, assess
from ..rules.references import Site
from .links import page_path, relative
from .page import Page
from .views import cite

SECTION = "disclosure"
LABEL = "公开事项对照表"
STATE_CLASSES = {"已公开": "ok", "线下公开": "ok", "依申请公开": "ok", "不适用": "ok", "未到": "ok", "部分缺失": "gap", "未公开": "gap", "逾期": "late"}


def disclosure_pages(site: Site) -> list[Page]:
    report = assess(site)
    path = page_path(SECTION)
    groups = []
    for domain, label in DOMAIN_LABELS.items():
        rows = [_row(site, path, r) for r in report.rows if r.item.domain == domain]
        if rows:
            groups.append({"label": label, "rows": rows})
    context = {"as_of": report.as_of.isoformat(), "groups": groups, "counts": summary(report),
               "sync": _sync(site, path, report), "calendars_href": relative(path, page_path("calendars"))}
    return [calendar_page(site), Page(path=path, title=LABEL, section=LABEL, kind="disclosure_items",
                 description="对照国家标准目录，逐项列出征收信息在本站哪里公开、何时更新、还缺什么。",
                 updated=report.as_of, template="disclosure_index.md.j2", context=context)]


def _row(site: Site, path: str, row: RowStatus) -> dict[str, Any]:
    item = row.item
    return {
        "id": item.id, "title": row_title(row), "number": item.number, "state": row.state,
        "state_class": STATE_CLASSES[row.state], "required": item.required_online, "inferred": item.inferred,
        "elements": item.elements, "time_limit": item.time_limit.text + (f"（{item.time_limit.basis_kind}）" if item.time_limit.basis_kind else ""), "publisher": item.publisher,
        "basis": [cite(site, c, path) for c in item.basis], "basis_note": item.basis_note or "",
        "channels": "、".join(c.channel + ("" if c.mandatory else "（可选）") for c in item.channels),
        "audience": "全社会" if item.audience == "all" else (item.audience_note or "特定群体"),
        "mode": "、".join(MODE_LABELS[m] for m in item.mode), "tier": "、".join(TIER_LABELS[t] for t in item.tier),
        "places": [{"title": e.title, "href": relative(path, e.path, e.anchor), "updated": e.updated.isoformat()}
                   for e in row.evidence],
        "offline": row.offline, "waiting": row.waiting, "gaps": row.gaps, "late": row.late,
        "updated": row.updated.isoformat() if row.updated else "",
        "note": item.explanation or "",  # the public explanation; `note` and `sources` are for editors only
    }


def _sync(site: Site, path: str, report: Report) -> list[dict[str, Any]]:
    return [{"title": s.document.title, "href": relative(path, page_path("policies", s.document.id)), "ok": s.ok,
             "interpretations": [{"title": i.title, "href": relative(path, page_path("interpretations", i.id))}
                                 for i in s.interpretations]} for s in report.sync]


def calendar_page(site: Site) -> Page:
    """期限怎么算: the counting rules and the holiday calendars the checks use (kind "calendars")."""
    path = page_path("calendars")
    calendars = sorted(site.of("calendars"), key=lambda c: c.year)
    years = [{"year": c.year, "source": c.source, "workdays": [d.isoformat() for d in c.workdays],
              "holidays": [{"name": h.name, "start": h.start.isoformat(), "end": h.end.isoformat()}
                           for h in c.holidays]} for c in calendars]
    return Page(path=path, title="期限怎么算", section=LABEL, kind="calendars",
                description="公告期、工作日怎么计算，以及本站采用的节假日安排。",
                updated=max((c.updated for c in calendars), default=site.config.updated),
                template="calendars.md.j2", context={"years": years})
