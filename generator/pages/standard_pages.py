"""Pages for compensation standards (补偿标准) and their section index."""

from __future__ import annotations

from dataclasses import replace

from ..model.standard import CATEGORY_LABELS, REGIME_LABELS, CompensationStandard
from ..rules.references import Site
from .estimator_pages import estimator_link, example_views
from .history import Version, history_rows, latest_change, version_path, versions
from .links import page_path, relative
from .page import Page, latest
from .text import amount_value, format_amount
from .views import FigureView, cite, figure

SECTION = "standards"
LABEL = "补偿标准"
STATUS_LABELS = {"current": "现行", "superseded": "已被取代", "repealed": "已废止"}


def standard_pages(site: Site) -> list[Page]:
    standards: tuple[CompensationStandard, ...] = site.of("compensation_standards")
    pages = [_standard_page(site, s) for s in standards]
    pages += [page for s in standards for page in _version_pages(site, s)]
    index_path = page_path(SECTION)
    groups = []
    for category, label in CATEGORY_LABELS.items():
        members = [s for s in standards if s.category == category]
        if members:
            groups.append({"label": label, "items": [
                {"title": s.title, "href": relative(index_path, page_path(SECTION, s.id)), "summary": s.summary,
                 "status": status_label(s), "effective_from": s.effective_from.isoformat(),
                 "sample": s.sample} for s in members]})
    pages.append(Page(
        path=index_path, title=LABEL, section=LABEL, kind="index",
        description="补偿标准：区片综合地价、青苗和地上附着物、房屋、搬迁费、临时安置费、奖励，每个数字都注明依据。",
        updated=latest([s.updated for s in standards], site.config.updated), template="standards_index.md.j2",
        context={"groups": groups}, sample=any(s.sample for s in standards)))
    return pages


def _source_meta(site: Site, s: CompensationStandard) -> list[tuple[str, str]]:
    """文号, 索引号 and 发布日期 of the document the standard comes from ("待补充" when not known)."""
    doc = site.by_id["policy_documents"].get(s.source.document)
    if doc is None:
        return []
    published = doc.published_date.isoformat() if doc.published_date else ""
    return [("文号", doc.doc_number or "待补充"), ("索引号", doc.index_no or "待补充"), ("发布日期", published or "待补充")]


SAMPLE_STATUS = "示例数据，不是现行标准，没有施行"


def status_label(s: CompensationStandard) -> str:
    """A sample standard never claims force: its status says so, whatever `status` holds."""
    return SAMPLE_STATUS if s.sample else STATUS_LABELS[s.status]


def effective_label(s: CompensationStandard) -> str:
    if s.sample:
        return "无（示例数据）"
    return s.effective_from.isoformat() + (f" 至 {s.effective_to.isoformat()}" if s.effective_to else "")


def _standard_page(site: Site, s: CompensationStandard) -> Page:
    path = page_path(SECTION, s.id)
    key = ("compensation_standards", s.id)
    zones = [figure(site, key, z, ("zones", i), path) for i, z in enumerate(s.zones)]
    items = [figure(site, key, r, ("items", i), path) for i, r in enumerate(s.items)]
    newer = [o for o in site.of("compensation_standards") if o.supersedes == s.id]
    context = {
        "s": s,
        "category": CATEGORY_LABELS[s.category],
        "regime": REGIME_LABELS[s.regime],
        "status": status_label(s),
        "effective": effective_label(s),
        "source": cite(site, s.source, path),
        "source_meta": _source_meta(site, s),
        "periods": [{"title": site.by_id["projects"][x.project].title,
                     "href": relative(path, page_path("projects", x.project)), "what": x.what,
                     "start": x.start.isoformat(), "end": x.end.isoformat()}
                    for x in s.project_periods if x.project in site.by_id.get("projects", {})],
        "zones": zones,
        "items": items,
        "supersedes": ({"title": site.by_id["compensation_standards"][s.supersedes].title,
                        "href": relative(path, page_path(SECTION, s.supersedes))} if s.supersedes else None),
        "superseded_by": [{"title": o.title, "href": relative(path, page_path(SECTION, o.id))} for o in newer],
        "examples": example_views(site, s, path),
        "estimator_href": estimator_link(s, path),
        "history": history_rows(s, path, SECTION),
    }
    areas = sorted({site.areas[a].name for z in s.zones for a in z.covers})
    return Page(path=path, title=s.title, section=LABEL, kind="compensation_standards",
                description=s.summary, updated=s.updated, template="standard.md.j2", context=context,
                sample=s.sample, areas=tuple(areas), published=s.effective_from, change=latest_change(s))


def _version_pages(site: Site, s: CompensationStandard) -> list[Page]:
    """Each earlier version at its own stable address, its figures as they were, marked 已失效."""
    pages = []
    current_path = page_path(SECTION, s.id)
    key = ("compensation_standards", s.id)
    for v in versions(s)[:-1]:
        assert v.effective_from is not None  # model/versions.py requires every date
        path = version_path(SECTION, s.id, v.effective_from)
        def then(view: FigureView, version: Version = v) -> FigureView:
            amount = version.amounts[view.id]
            return replace(view, amount=format_amount(amount), value=amount_value(amount))
        context = {
            "s": s, "version": {"effective_from": v.effective_from.isoformat(),
                                "effective_to": v.effective_to.isoformat() if v.effective_to else "",
                                "changes": v.changes},
            "current_href": relative(path, current_path), "source": cite(site, s.source, path),
            "zones": [then(figure(site, key, z, ("zones", i), path)) for i, z in enumerate(s.zones)],
            "items": [then(figure(site, key, r, ("items", i), path)) for i, r in enumerate(s.items)],
            "history": history_rows(s, path, SECTION),
        }
        pages.append(Page(path=path, title=f"{s.title}（{v.effective_from.isoformat()} 版，已失效）", section=LABEL,
                          kind="version", description=f"已失效的旧版本，仅供查阅：{s.summary}",
                          updated=s.updated, template="standard_version.md.j2", context=context,
                          sample=s.sample, published=v.effective_from))
    return pages
