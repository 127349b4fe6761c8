"""The search page (搜索): a form the header search box submits to, and, for browsers without
JavaScript, the list of section index pages. The index itself is built after rendering
(generator/search/); gk-search.js, loaded only on this page, runs the query in the browser."""

from __future__ import annotations

from ..diagnostics import Diagnostic, error
from ..rules.references import Site, village_label
from .links import page_path, relative, to_root
from .navigation import NAV
from .page import Page

SECTION = "search"
LABEL = "搜索"
DATA_DIR = "data/"  # relative to the search page; generator/search/index.py writes it


def search_page(site: Site, pages: tuple[Page, ...]) -> Page:
    path = page_path(SECTION)
    by_path = {p.path: p for p in pages}
    sections = [{"label": label, "href": relative(path, target), "blurb": by_path[target].description}
                for label, target in NAV if target in by_path and by_path[target].kind != "home"]
    types = [label for label, _ in NAV if any(p.section == label and p.kind != "home" for p in pages)]
    return Page(path=path, title=LABEL, section=LABEL, kind="index",
                description="按关键词搜索本站的补偿标准、征收程序、政策文件、解读和问答。",
                updated=site.config.updated, template="search.md.j2",
                context={"sections": sections, "types": types, "towns": _towns(site),
                         "root": to_root(path), "data": DATA_DIR})


def _towns(site: Site) -> list[dict[str, object]]:
    """The area filter: each town, then its villages (chosen after the town; the filter value is the
    village's label in the index, 渠沟镇 · 钟楼村)."""
    return [{"name": a.name, "villages": [{"name": v.name, "label": village_label(a, v)} for v in a.villages]}
            for a in site.config.areas]


def best_bet_diagnostics(site: Site, pages: tuple[Page, ...]) -> list[Diagnostic]:
    """Q803: a best bet pins a page the site does not publish (or one search does not list)."""
    urls = {p.url for p in pages if p.path not in (page_path(""), page_path("search"))}
    diags = []
    for bet in site.of("best_bets"):
        for i, url in enumerate(bet.pages):
            if url not in urls:
                pos = site.located[("best_bets", bet.id)].pos("pages", i)
                diags.append(error(pos.path, pos.line, pos.column, "Q803",
                                   f"搜索推荐“{bet.id}”置顶的页面 {url} 不存在（或不在搜索范围内）",
                                   "写站内页面的网址，不含站点地址，以 / 结尾，如 estimate/、faq/how-long-transition-fee/。"))
    return diags
