"""一图读懂: what goes on the poster of a standard, procedure, interpretation or project page.

A `Poster` is plain text taken from the same content (and the same views) as its page, so it can
never say something the page does not; `post/poster/` lays it out as SVG (phone and A4) and PNG.
Each page with a poster gets `context["poster"]` (file names and alt text) and `share_image`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..model.procedure import UNIT_LABELS
from ..model.project import STATUS_LABELS
from ..rules.references import Site
from .links import page_url
from .onward import HOTLINES, asks_for
from .page import Page
from .text import format_amount
from .views import cite, time_limit_text

PHONE_PNG, PHONE_SVG, A4_SVG = "poster.png", "poster.svg", "poster-a4.svg"
KINDS = ("compensation_standards", "procedures", "interpretations", "projects")
_MARKUP = re.compile(r"\*\*|__|`|^\s*[-*+]\s+|^\s*\d+\.\s+|^#+\s*", re.M)


@dataclass(frozen=True)
class Line:
    """A key figure (name, amount with unit, note) or a step (title, time limit, who acts)."""

    label: str
    value: str = ""
    note: str = ""


@dataclass(frozen=True)
class Poster:
    kind: str  # 补偿标准 / 征收程序 / 政策解读 / 征收项目
    title: str
    summary: str  # 一句话看懂
    heading: str  # heading of the lines: 关键数字 / 办理步骤 / …
    lines: tuple[Line, ...]
    sections: tuple[tuple[str, str], ...]  # (我能做什么, …), (什么时候, …), (问谁, …)
    source: str  # 依据
    url: str  # the page's public address (its QR code)
    date: str  # 更新日期
    sample: bool
    site: str
    change: str = ""  # what the current version changed (history.py)
    source_label: str = "依据"

    def text(self) -> str:
        """Every word on the poster, in reading order: the image's alt text."""
        parts = [f"一图读懂：{self.title}。", f"一句话看懂：{self.summary}"]
        if self.sample:
            parts.append("示例数据，不是官方数字。")
        if self.change:
            parts.append(f"本版修订：{self.change}。")
        parts.append(f"{self.heading}：" + "；".join(" ".join(x for x in (ln.label, ln.value, ln.note) if x)
                                                  for ln in self.lines) + "。")
        parts += [f"{h}：{t}" for h, t in self.sections]
        if self.source:
            parts.append(f"{self.source_label}：{self.source}。")
        parts.append(f"更新日期 {self.date}。扫码查看全文：{self.url}")
        return "".join(p if p.endswith(("。", "：")) else p + "。" for p in parts[:-1]) + parts[-1]


def plain_text(markdown: str) -> str:
    """Editor Markdown (bold, lists) as one line of plain text."""
    return " ".join(_MARKUP.sub("", markdown).split())


def _ask(site: Site, page: Page) -> str:
    """问谁 on the poster, as the page's own 有问题找谁 says it (R20): the page's contacts (a project's town, then
    the center) with their phone, or plainly that it is still being verified, and the national hotlines."""
    found = []
    for a in asks_for(site, page)[:2]:
        if a.sample:
            found.append(f"{a.name}（示例，电话是虚构的）")
        elif a.phone:
            found.append(f"{a.name} 电话 {a.phone}")
        else:
            found.append(f"{a.name}（电话还在核实）")
    hotlines = "、".join(f"{h.number} {h.name}" for h in HOTLINES)
    return "；".join([*found, f"全国热线 {hotlines}"])


def _standard(site: Site, s: Any, path: str) -> dict[str, Any]:
    lines = [Line(z.name, f"{format_amount(z.amount)} {z.unit}", "、".join(site.areas[a].name for a in z.covers))
             for z in s.zones]
    lines += [Line(r.name + (f"（{r.spec}）" if r.spec else ""), f"{format_amount(r.amount)} {r.unit}", r.condition or "")
              for r in s.items]
    return {"summary": s.summary, "heading": "关键数字", "lines": lines, "source": cite(site, s.source, path).label,
            "sections": [("我能做什么", s.what_i_can_do), ("什么时候", s.by_when)]}


def _procedure(site: Site, p: Any, path: str) -> dict[str, Any]:
    lines = [Line(f"{n}. {st.title}", time_limit_text(st.time_limit) if st.time_limit else "", st.actor)
             for n, st in enumerate(p.steps, start=1)]
    limits = [st for st in p.steps if st.time_limit]
    when = "；".join(f"{st.title}：{st.time_limit.value}{UNIT_LABELS[st.time_limit.unit]}" for st in limits[:4])
    return {"summary": p.summary, "heading": "办理步骤和法定时限", "lines": lines,
            "source": "；".join(cite(site, c, path).label for c in p.basis[:2]),
            "sections": [("我能做什么", "；".join(f"{st.title}：{st.what_i_can_do[0].rstrip('。')}" for st in limits[:3])),
                         ("要注意的期限", when or "见各步骤")]}


def _interpretation(site: Site, i: Any, path: str) -> dict[str, Any]:
    lines = [Line(sec.heading, "", plain_text(sec.body)[:90]) for sec in i.sections[:4]]
    lines += [Line(f"问：{q.question}", "", f"答：{plain_text(q.answer)[:80]}") for q in i.questions[:4]]
    doc = site.document(i.document)
    return {"summary": i.summary, "heading": "要点", "lines": lines, "source": f"《{doc.title}》",
            "sections": [("我能做什么", plain_text(doc.what_i_can_do)), ("什么时候", plain_text(doc.by_when))]}


def _project(site: Site, p: Any, path: str) -> dict[str, Any]:
    lines = [Line(a.kind, a.date.isoformat(), f"公告期 {a.display_start.isoformat()} 至 {a.display_end.isoformat()}"
                  if getattr(a, "display_start", None) and getattr(a, "display_end", None) else "")
             for a in sorted(p.announcements, key=lambda a: (a.date, a.id))]
    where = "、".join([site.areas[p.area].name, *p.villages])
    return {"summary": p.summary, "heading": "已发布的公告", "lines": [Line("状态", STATUS_LABELS[p.status], where), *lines],
            "source": f"{p.approval.authority} {p.approval.doc_number}" if getattr(p, "approval", None) else "",
            "sections": [("范围", p.scope), ("用途", p.purpose)], "source_label": "批准文件"}


_DERIVE = {"compensation_standards": _standard, "procedures": _procedure, "interpretations": _interpretation,
           "projects": _project}
_LABELS = {"compensation_standards": "补偿标准", "procedures": "征收程序", "interpretations": "政策解读",
           "projects": "征收项目"}


def poster_for(site: Site, page: Page) -> Poster | None:
    if page.kind not in _DERIVE:
        return None
    item_id = page.path.rsplit("/", 1)[-1][: -len(".md")]
    item = site.by_id.get(page.kind, {}).get(item_id)
    if item is None:
        return None
    parts = _DERIVE[page.kind](site, item, page.path)
    sections = tuple((h, t) for h, t in parts["sections"] if t) + (("问谁", _ask(site, page)),)
    return Poster(kind=_LABELS[page.kind], title=page.title, summary=parts["summary"], heading=parts["heading"],
                  lines=tuple(parts["lines"]), sections=sections, source=parts["source"],
                  url=site.config.base_url.rstrip("/") + "/" + page_url(page.path), date=page.updated.isoformat(),
                  sample=page.sample, site=site.config.name, change=page.change,
                  source_label=parts.get("source_label", "依据"))


def with_posters(site: Site, pages: list[Page]) -> list[Page]:
    """Each page that has a poster, told its file names and alt text (the files are written after the render)."""
    out = []
    for page in pages:
        poster = poster_for(site, page)
        if poster is not None:
            base = page_url(page.path)
            context = {**page.context, "poster": {"png": PHONE_PNG, "svg": PHONE_SVG, "a4": A4_SVG,
                                                  "alt": poster.text()}}
            page = replace(page, context=context, share_image=base + PHONE_PNG)
        out.append(page)
    return out
