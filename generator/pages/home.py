"""The home page: leads with what residents look for first."""

from __future__ import annotations

from ..rules.references import Site
from .household_pages import household_links
from .links import page_path, relative
from .page import Page, latest

SECTIONS = (
    ("projects", "我的项目到哪一步了", "按镇街查看征收项目：已发布的公告和下一步"),
    ("funds", "补偿款到位了吗", "补偿款存足了没有、发了多少、审计查了什么"),
    ("estates", "安置房什么时候交房", "安置房建到哪一步、有多少套、怎么分配"),
    ("standards", "补偿标准", "补多少钱：区片地价、房屋、青苗、搬迁费、过渡费"),
    ("procedures", "征收程序", "征收分几步走，每一步的期限，我能做什么"),
    ("remedies", "维权途径", "不服怎么办：行政复议、行政诉讼、申请信息公开"),
    ("faq", "问答", "群众最常问的问题"),
    ("policies", "政策文件", "法律法规和本地文件原文"),
    ("interpretations", "政策解读", "政策的大白话解读"),
    ("glossary", "术语", "看不懂的词，一查就懂"),
    ("contacts", "咨询办理", "到哪里问，到哪里办"),
    ("disclosure", "公开事项对照表", "国家标准目录要求公开的事项，本站在哪里公开、还缺什么"),
)


def _cards(site: Site, path: str) -> list[dict[str, str]]:
    """The home cards; the household estimators come right after 我的项目 (how much will my household get)."""
    cards = [{"label": label, "blurb": blurb, "href": relative(path, page_path(key))} for key, label, blurb in SECTIONS]
    return cards[:1] + household_links(site, path) + cards[1:]


def home_page(site: Site, pages: tuple[Page, ...]) -> Page:
    path = page_path("")
    leaves = [p for p in pages if p.kind != "index"]
    recent = sorted(leaves, key=lambda p: (p.updated, p.path), reverse=True)[:8]
    context = {
        "config": site.config,
        "sections": _cards(site, path),
        "recent": [{"title": p.title, "href": relative(path, p.path), "updated": p.updated.isoformat(),
                    "section": p.section} for p in recent],
    }
    return Page(path=path, title=site.config.name, section="首页", kind="home", description=site.config.description,
                updated=latest([p.updated for p in pages], site.config.updated), template="home.md.j2",
                context=context, sample=site.has_sample)
