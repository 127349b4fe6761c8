"""Pages for policy documents (政策文件) and interpretations (政策解读), cross-linked (三同步)."""

from __future__ import annotations

from ..model.policy import Interpretation, PolicyDocument
from ..rules.legal_review import review_state
from ..rules.references import Site
from .history import history_rows, latest_change
from .links import page_path, relative
from .page import Page, latest
from .text import article_anchor, article_label, iso_date

SECTION = "policies"
LABEL = "政策文件"
I_SECTION = "interpretations"
I_LABEL = "政策解读"
PENDING = "待补充"


def _value(doc: PolicyDocument, name: str, shown: str) -> dict[str, object]:
    pending = name in doc.pending
    return {"value": PENDING if pending or not shown else shown, "pending": pending or not shown}


def policy_pages(site: Site) -> list[Page]:
    docs: tuple[PolicyDocument, ...] = site.of("policy_documents")
    pages = [_policy_page(site, d) for d in docs]
    index_path = page_path(SECTION)
    from ..model.policy import LEVEL_LABELS
    groups = []
    for level, label in LEVEL_LABELS.items():
        members = sorted((d for d in docs if d.level == level), key=lambda d: (d.title))
        if members:
            groups.append({"label": label, "items": [
                {"title": d.title, "href": relative(index_path, page_path(SECTION, d.id)),
                 "doc_number": d.doc_number or "", "validity": d.validity.value, "summary": d.summary,
                 "pending": bool(d.pending)} for d in members]})
    pages.append(Page(path=index_path, title=LABEL, section=LABEL, kind="index",
                      description="征收补偿所依据的法律、法规、规章和规范性文件，条款原文照录。",
                      updated=latest([d.updated for d in docs], site.config.updated),
                      template="policies_index.md.j2", context={"groups": groups}))
    return pages


def subject_label(subject: str) -> str:
    """主题分类 as portals write it (环境保护\\房屋征收), shown as a path: 环境保护 › 房屋征收."""
    return " › ".join(part.strip() for part in subject.replace("＼", "\\").split("\\") if part.strip())


def _policy_page(site: Site, d: PolicyDocument) -> Page:
    path = page_path(SECTION, d.id)
    interpretations = [i for i in site.of("interpretations") if i.document == d.id]
    meta = [
        ("索引号", _value(d, "index_no", d.index_no or "")),
        ("发文机关", {"value": d.issuer, "pending": False}),
        ("文号", _value(d, "doc_number", d.doc_number or "")),
        ("效力层级", {"value": d.level.label, "pending": False}),
        ("成文日期", _value(d, "written_date", iso_date(d.written_date))),
        ("发布日期", _value(d, "published_date", iso_date(d.published_date))),
        ("施行日期", _value(d, "effective_date", iso_date(d.effective_date))),
        ("有效性", {"value": d.validity.value, "pending": False}),
    ]
    if d.subject:
        meta.append(("主题分类", {"value": subject_label(d.subject), "pending": False}))
    superseded_by = None
    if d.superseded_by:
        newer = site.document(d.superseded_by)
        superseded_by = {"title": newer.title, "href": relative(path, page_path(SECTION, newer.id))}
    context = {
        "d": d,
        "meta": meta,
        "official_url": d.official_url or "",
        "official_pending": "official_url" in d.pending or not d.official_url,
        "articles": [{"anchor": article_anchor(a.number), "label": article_label(a.number), "text": a.text}
                     for a in d.articles],
        "interpretations": [{"title": i.title, "href": relative(path, page_path(I_SECTION, i.id))}
                            for i in interpretations],
        "superseded_by": superseded_by,
        "history": history_rows(d, path, SECTION),
    }
    return Page(path=path, title=d.title, section=LABEL, kind="policy_documents", description=d.summary,
                updated=d.updated, template="policy.md.j2", context=context, published=d.published_date,
                change=latest_change(d))


def interpretation_pages(site: Site) -> list[Page]:
    items: tuple[Interpretation, ...] = site.of("interpretations")
    pages = []
    for i in items:
        path = page_path(I_SECTION, i.id)
        doc = site.document(i.document)
        context = {"i": i, "doc": {"title": doc.title, "href": relative(path, page_path(SECTION, doc.id)),
                                    "doc_number": doc.doc_number or ""},
                   "published": iso_date(i.published_date) or PENDING, "review": review_state(i)}
        pages.append(Page(path=path, title=i.title, section=I_LABEL, kind="interpretations",
                          description=i.summary, updated=i.updated, template="interpretation.md.j2",
                          context=context, published=i.published_date))
    index_path = page_path(I_SECTION)
    entries = [{"title": i.title, "href": relative(index_path, page_path(I_SECTION, i.id)), "summary": i.summary,
                "kind": i.kind} for i in items]
    pages.append(Page(path=index_path, title=I_LABEL, section=I_LABEL, kind="index",
                      description="用大白话解读征收补偿政策：背景、要点、注意事项和一问一答。",
                      updated=latest([i.updated for i in items], site.config.updated),
                      template="interpretations_index.md.j2", context={"entries": entries}))
    return pages
