"""Pages for questions (问答), glossary (术语), remedies (维权途径) and contacts (咨询与办理)."""

from __future__ import annotations

from typing import Any, get_args

from ..model.procedure import UNIT_LABELS
from ..model.reference import Contact, Question, Remedy, Term, Topic
from ..rules.legal_review import review_state
from ..rules.references import Site
from ..rules.remedy_dates import counting_text
from .links import page_path, relative
from .onward import tel_url
from .page import Page, latest
from .views import cite, time_limit_text

PENDING = "待补充"


def faq_pages(site: Site) -> list[Page]:
    questions: tuple[Question, ...] = site.of("faq")
    pages = []
    for q in questions:
        path = page_path("faq", q.id)
        pages.append(Page(path=path, title=q.question, section="问答", kind="faq", description=q.answer[:80],
                          updated=q.updated, template="question.md.j2",
                          context={"q": q, "basis": [cite(site, c, path) for c in q.basis],
                                   "review": review_state(q)}))
    index_path = page_path("faq")
    groups = []
    for topic in get_args(Topic):
        members = [q for q in questions if q.topic == topic]
        if members:
            groups.append({"label": topic, "items": [
                {"question": q.question, "href": relative(index_path, page_path("faq", q.id))} for q in members]})
    pages.append(Page(path=index_path, title="问答", section="问答", kind="index",
                      description="群众最常问的征收补偿问题，用大白话回答，并注明法律依据。",
                      updated=latest([q.updated for q in questions], site.config.updated),
                      template="faq_index.md.j2", context={"groups": groups}))
    return pages


def glossary_pages(site: Site) -> list[Page]:
    terms: tuple[Term, ...] = site.of("glossary")
    path = page_path("glossary")
    entries = [{"t": t, "basis": [cite(site, c, path) for c in t.basis]} for t in terms]
    return [Page(path=path, title="术语解释", section="术语", kind="glossary",
                 description="征收补偿常用词的大白话解释，按拼音排序，含群众常用的俗称。",
                 updated=latest([t.updated for t in terms], site.config.updated), template="glossary.md.j2",
                 context={"entries": entries, "in_pinyin_order": in_pinyin_order})]


def in_pinyin_order(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The glossary entries by the pinyin of their term, each with its initial letter. Called by the
    template, so pypinyin (a quarter of a second to load its dictionaries) is loaded only when the
    glossary page is rendered, not on a rebuild that takes it from the emit cache."""
    from pypinyin import lazy_pinyin

    keyed = [(lazy_pinyin(e["t"].term), e) for e in entries]
    keyed.sort(key=lambda k: ("".join(k[0]), k[1]["t"].term))
    return [{**e, "initial": ((py[0][:1] if py else "") or "#").upper()} for py, e in keyed]  # an empty term: "#"


def remedy_pages(site: Site) -> list[Page]:
    remedies: tuple[Remedy, ...] = site.of("remedies")
    pages = []
    for r in remedies:
        path = page_path("remedies", r.id)
        pages.append(Page(path=path, title=r.name, section="维权途径", kind="remedies", description=r.summary,
                          updated=r.updated, template="remedy.md.j2",
                          context={"r": r, "deadline": time_limit_text(r.deadline),
                                   "deadline_short": f"{r.deadline.value}{UNIT_LABELS[r.deadline.unit]}",
                                   "deadline_basis": cite(site, r.deadline.basis, path),
                                   "basis": [cite(site, c, path) for c in r.basis],
                                   "bodies": [{"acts_of": b.acts_of, "body": b.body} for b in r.bodies],
                                   "counting": counting_text(r.deadline),
                                   "from_knowing": "知道" in r.deadline.from_}))
    index_path = page_path("remedies")
    entries = [{"name": r.name, "href": relative(index_path, page_path("remedies", r.id)), "summary": r.summary,
                "deadline": time_limit_text(r.deadline)} for r in remedies]
    pages.append(Page(path=index_path, title="维权途径", section="维权途径", kind="index",
                      description="对征收决定、补偿决定或信息公开不服时，可以怎么办、在什么期限内办。",
                      updated=latest([r.updated for r in remedies], site.config.updated),
                      template="remedies_index.md.j2", context={"entries": entries}))
    return pages


def contact_pages(site: Site) -> list[Page]:
    contacts: tuple[Contact, ...] = site.of("contacts")
    path = page_path("contacts")
    entries = []
    for c in contacts:
        entries.append({"c": c, "area": site.areas[c.area].name if c.area else "",
                        "fields": [(label, (getattr(c, name) or PENDING), name in c.pending or not getattr(c, name))
                                   for label, name in (("地址", "address"), ("电话", "phone"), ("办公时间", "hours"))],
                        "tel": tel_url(c.phone) if c.phone and "phone" not in c.pending and not c.sample else ""})
    return [Page(path=path, title="咨询与办理", section="咨询办理", kind="contacts",
                 description="到哪里咨询、到哪里办理：征收中心和各镇街的联系方式。",
                 updated=latest([c.updated for c in contacts], site.config.updated), template="contacts.md.j2",
                 context={"entries": entries},
                 areas=tuple(sorted({site.areas[c.area].name for c in contacts if c.area})))]
