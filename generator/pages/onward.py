"""Where a page leads next, derived from the model (issue 11): every page ends with 接下来可以看 (the
standards, estimators, procedure steps and remedies it relates to) and 有问题找谁 (the contacts for its
subject and area, then the national hotlines 12345 and 12348, which are always there).

Relations are never hand-typed: a page relates to a standard when it names the standard's category (or a
glossary alias of it, e.g. 过渡费 for 临时安置费), to a procedure step when both cite the same article or the
page names the step, and to a remedy when both cite the same document, the page is about 维权, or it names
the remedy. Contacts: a project page gets its town's contacts and the center; every other page the center.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..diagnostics import Diagnostic, error
from ..estimate.household import household_standards
from ..model.fields import Citation
from ..model.reference import Contact
from ..model.standard import CATEGORY_LABELS, CompensationStandard
from ..rules.references import Site
from .estimator_pages import applies, estimator_path
from .household_pages import REGIMES, household_path
from .links import page_path, relative
from .page import Page

# Kinds of page that get derived onward links; of them, those that explain something to a resident must
# lead somewhere (B630, pipeline).
RESIDENT_KINDS = frozenset({"faq", "interpretations", "remedies", "compensation_standards", "policy_documents",
                            "procedures", "projects"})
MUST_LEAD_ON = frozenset({"faq", "interpretations", "remedies", "compensation_standards"})
NO_BLOCK = frozenset({page_path("search")})  # the search page is a tool: its results are the onward links
MAX_LINKS = 4


@dataclass(frozen=True)
class Hotline:
    number: str
    name: str
    purpose: str


# National numbers, the same in every district: never part of a district's content, so never missing.
HOTLINES = (
    Hotline("12345", "政务服务便民热线", "对征收工作有疑问、要反映问题，都可以打，会转给负责的部门"),
    Hotline("12348", "公共法律服务热线", "免费法律咨询：对补偿不服、想申请复议或起诉，可以先问问律师"),
)

# Glossary terms that name what a category of standard pays for (besides the category's own label).
CATEGORY_TERMS = {
    "land_zone_price": ("区片综合地价", "土地补偿费", "安置补助费"),
    "crops": ("青苗补偿",),
    "attachments": ("地上附着物",),
    "house": ("农村村民住宅", "房屋征收评估"),
    "relocation": ("搬迁费",),
    "temporary_resettlement": ("临时安置费", "周转用房"),
    "reward": ("补助和奖励",),
    "business_loss": ("停产停业损失",),
    "social_security": ("被征地农民社会保障",),
}
DISAGREE_WORDS = ("不服", "不同意", "不满意", "异议", "有意见", "复议", "诉讼", "起诉", "维权")


@dataclass(frozen=True)
class Link:
    title: str
    href: str
    note: str = ""


@dataclass(frozen=True)
class Group:
    label: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Ask:
    """One place to ask: a contact of the site, or a national hotline."""

    name: str
    href: str  # the contact's entry on the contacts page ("" for a hotline)
    purpose: str
    phone: str  # as written, "" when not verified
    tel: str  # tel: URL, "" when not verified
    unverified: str  # plain words on what is not verified yet, "" when all is
    sample: bool = False  # a fictitious contact (sample: true): marked 示例, never a tel: link


@dataclass(frozen=True)
class Onward:
    groups: tuple[Group, ...]
    asks: tuple[Ask, ...]
    hotlines: tuple[Ask, ...]
    contacts_href: str
    remedies_href: str


def tel_url(phone: str) -> str:
    """tel: URL of the first number in a phone text (0561-1234567 → tel:05611234567), "" if none."""
    m = re.search(r"\+?\d[\d\- ]{3,}\d", phone)
    return "tel:" + re.sub(r"[\- ]", "", m.group(0)) if m else ""


def _ask(c: Contact, from_path: str) -> Ask:
    verified = c.phone is not None and "phone" not in c.pending and not c.sample
    missing = [label for label, name in (("电话", "phone"), ("地址", "address"), ("办公时间", "hours"))
               if name in c.pending or getattr(c, name) is None]
    unverified = f"{'、'.join(missing)}还在核实，暂不公布" if missing else ""
    if c.sample:  # R17a: a fictitious number must not look real, nor be one tap away
        unverified = "这是演示用的示例联系方式，电话和地址是虚构的，不要拨打"
    return Ask(c.name, relative(from_path, page_path("contacts"), c.id), c.purpose,
               c.phone if verified and c.phone else "", tel_url(c.phone) if verified and c.phone else "", unverified,
               c.sample)


def hotlines() -> tuple[Ask, ...]:
    return tuple(Ask(h.name, "", h.purpose, h.number, f"tel:{h.number}", "") for h in HOTLINES)


class Relations:
    """What each standard, step and remedy is about, computed once per build."""

    def __init__(self, site: Site) -> None:
        self.site = site
        surfaces = {t.term: (t.term, *t.aliases) for t in site.of("glossary")}
        self.standards: list[tuple[CompensationStandard, tuple[str, ...]]] = []
        for s in site.of("compensation_standards"):
            words = {CATEGORY_LABELS[s.category]}
            for term in CATEGORY_TERMS.get(str(s.category), ()):
                words.update(w for w in surfaces.get(term, (term,)) if len(w) >= 2)
            self.standards.append((s, tuple(sorted(words, key=lambda w: (-len(w), w)))))
        self.steps = []
        for p in site.of("procedures"):
            for step in p.steps:
                names = surfaces.get(step.title, (step.title,))
                self.steps.append((p, step, {_key(c) for c in step.basis}, tuple(n for n in names if len(n) >= 3)))
        self.remedies = [(r, {c.document for c in (*r.basis, r.deadline.basis)}) for r in site.of("remedies")]
        self.faq = [(q, {_key(c) for c in q.basis}) for q in site.of("faq")]
        self.household_regimes = tuple(r for r in REGIMES if household_standards(site, r))

    def questions_for(self, cites: set[tuple[str, int | None]], topic: str, own: object) -> list[Any]:
        exact = {c for c in cites if c[1] is not None}
        return _best([(2 * len(keys & exact) + (q.topic == topic), q) for q, keys in self.faq if q is not own])

    def standards_for(self, text: str, cites: set[tuple[str, int | None]]) -> list[CompensationStandard]:
        scored = [(_score(text, words, _key(s.source) in cites), s) for s, words in self.standards
                  if s.status == "current"]
        return _best(scored)

    def steps_for(self, text: str, cites: set[tuple[str, int | None]]) -> list[Any]:
        exact = {c for c in cites if c[1] is not None}
        return _best([(_score(text, names, bool(keys & exact)), (p, step)) for p, step, keys, names in self.steps])

    def remedies_for(self, text: str, docs: set[str], disagree: bool) -> list[Any]:
        return _best([(_score(text, (r.name,), bool(rdocs & docs)) + disagree, r) for r, rdocs in self.remedies])


def _score(text: str, words: Iterable[str], cited: bool) -> int:
    """How strongly a page's text points at something: its name in the title (first line) counts most."""
    title, _, body = text.partition("\n")
    return sum(3 if w in title else 1 if w in body else 0 for w in words) + (2 if cited else 0)


def _best(scored: list[tuple[int, Any]]) -> list[Any]:
    ranked = sorted(((score, i) for i, (score, _) in enumerate(scored) if score > 0), key=lambda x: (-x[0], x[1]))
    return [scored[i][1] for _, i in ranked]


def _key(c: Citation) -> tuple[str, int | None]:
    return (c.document, c.article)


def _item_facts(page: Page) -> tuple[str, list[Citation]]:
    """The text a page's item says and the articles it cites, from its content model."""
    ctx = page.context
    if page.kind == "faq":
        q = ctx["q"]
        return f"{q.question}\n{q.answer}\n{q.topic}", list(q.basis)
    if page.kind == "remedies":
        r = ctx["r"]
        return f"{r.name}\n{r.summary}\n" + "\n".join(r.applies_to), [*r.basis, r.deadline.basis]
    if page.kind == "compensation_standards":
        s = ctx["s"]
        return f"{s.title}\n{s.summary}\n{s.what_i_can_do}", [s.source]
    if page.kind == "interpretations":
        i = ctx["i"]
        body = "\n".join([i.title, i.summary, *(x.body for x in i.sections),
                          *(f"{x.question}\n{x.answer}" for x in i.questions)])
        return body, [Citation(document=i.document)]
    if page.kind == "policy_documents":
        d = ctx["d"] if "d" in ctx else None
        if d is None:
            return page.title, []
        return (f"{d.title}\n{d.summary}\n{d.what_i_can_do}",
                [Citation(document=d.id), *(Citation(document=d.id, article=a.number) for a in d.articles)])
    if page.kind == "procedures":
        p = ctx["p"] if "p" in ctx else None
        return (f"{p.title}\n{p.summary}", list(p.basis)) if p else (page.title, [])
    if page.kind == "projects":
        p = ctx["p"]
        return f"{p.title}\n{p.summary}\n不服", []
    return page.title, []


def _households(rel: Relations, tools: list[Any], path: str) -> list[Link]:
    """The household estimators (all items of a regime in one total) of the regimes these standards serve."""
    regimes = [r for r in rel.household_regimes if any(s.regime in (r, "both") for s in tools)]
    return [Link(f"我家能补多少钱（{REGIMES[r][1]}）", relative(path, household_path(r)), "把各项补偿合在一起算总数")
            for r in regimes]


def _groups(rel: Relations, page: Page) -> tuple[Group, ...]:
    text, cites = _item_facts(page)
    docs = {c.document for c in cites}
    path = page.path
    own = page.context.get("s")
    groups: list[Group] = []
    if page.kind == "interpretations":  # 三同步: an interpretation leads to the document it explains
        doc = rel.site.document(page.context["i"].document)
        groups.append(Group("政策原文", (Link(f"《{doc.title}》", relative(path, page_path("policies", doc.id))),)))
    cited = {_key(c) for c in cites}
    standards = [s for s in rel.standards_for(text, cited) if s is not own][:MAX_LINKS]
    if page.kind in ("projects", "procedures"):
        regime = page.context["p"].regime
        standards = [s for s, _ in rel.standards if s.status == "current" and s.regime in (regime, "both")][:MAX_LINKS]
    if standards:
        groups.append(Group("补偿标准", tuple(Link(s.title, relative(path, page_path("standards", s.id)), s.summary)
                                            for s in standards)))
    tools = [s for s in ([own] if own else []) + standards if applies(s)]
    if tools:
        links = [Link(f"算一算：{s.title}", relative(path, estimator_path(s.id))) for s in tools[:MAX_LINKS]]
        groups.append(Group("自己算一算", (*_households(rel, tools, path), *links,
                                          Link("全部估算工具", relative(path, page_path("estimate"))))))
    if page.kind not in ("procedures",):
        steps = rel.steps_for(text, cited)[:MAX_LINKS]
        if steps:
            groups.append(Group("办理步骤", tuple(
                Link(f"{p.title}：{step.title}", relative(path, page_path("procedures", p.id), step.id), step.summary)
                for p, step in steps)))
    disagree = page.kind in ("compensation_standards", "projects", "procedures") or any(w in text for w in DISAGREE_WORDS)
    remedies = [r for r in rel.remedies_for(text, docs, disagree) if r is not page.context.get("r")]
    if remedies:
        groups.append(Group("不同意怎么办", tuple(
            Link(r.name, relative(path, page_path("remedies", r.id)), r.summary) for r in remedies[:MAX_LINKS])))
    own_q = page.context.get("q")
    questions = rel.questions_for(cited, own_q.topic if own_q else "", own_q)[:3]
    if questions:
        groups.append(Group("相关问答", tuple(Link(q.question, relative(path, page_path("faq", q.id)))
                                            for q in questions)))
    return tuple(groups)


def asks_for(site: Site, page: Page) -> tuple[Ask, ...]:
    """The contacts for a page: on a project page its town's, then the center; elsewhere the center."""
    contacts: tuple[Contact, ...] = site.of("contacts")
    organiser = site.config.organiser or ""
    center = [c for c in contacts if c.area is None or c.name == organiser]
    local: list[Contact] = []
    if page.kind == "projects" and page.areas:
        names = set(page.areas)
        local = [c for c in contacts if c.area and site.areas[c.area].name in names and c not in center]
    return tuple(_ask(c, page.path) for c in (*local, *center))


def onward(site: Site, rel: Relations, page: Page) -> Onward:
    return Onward(groups=_groups(rel, page) if page.kind in RESIDENT_KINDS else (), asks=asks_for(site, page), hotlines=hotlines(),
                  contacts_href=relative(page.path, page_path("contacts")),
                  remedies_href=relative(page.path, page_path("remedies")))


def attach_onward(site: Site, pages: Iterable[Page]) -> tuple[Page, ...]:
    """Every page (but the search page) with `onward` in its context."""
    rel = Relations(site)
    return tuple(p if p.path in NO_BLOCK else replace(p, context={**p.context, "onward": onward(site, rel, p)})
                 for p in pages)


def pages_without_onward(pages: Iterable[Page]) -> list[Page]:
    """Resident-facing pages that lead nowhere: no related standard, tool, step or remedy."""
    return [p for p in pages if p.kind in MUST_LEAD_ON and not p.context["onward"].groups]


def onward_diagnostics(site: Site, pages: Iterable[Page]) -> list[Diagnostic]:
    """B630: a question, interpretation, remedy or standard that relates to nothing else on the site."""
    diags = []
    for page in pages_without_onward(pages):
        item_id = page.path.rsplit("/", 1)[-1].removesuffix(".md")
        located = site.located.get((page.kind, item_id))
        pos = located.pos("id") if located else None
        diags.append(error(pos.path if pos else page.path, pos.line if pos else 0, pos.column if pos else 0, "B630",
                           f"页面“{page.title}”没有任何可以接着看的链接（相关的补偿标准、办理步骤、维权途径或问答）",
                           "在依据（basis）中写明相关条款，或在文字中写出相关的补偿项目、步骤名称，系统会自动加上链接。"))
    return diags
