"""Site search: an index built from the rendered pages, fetched by the browser piece by piece.

`search_index` is a post-processor (see pipeline.POSTPROCESSORS): it reads the `<article>` of each
built page, builds a character-bigram index (see index.py) with glossary synonyms and the
content-type and town filters, and writes it under search/data/ in the staging folder. The browser
side is overrides/assets/javascripts/gk-search.js, loaded only by the search page.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, error
from ..links import page_url
from ..navigation import NAV
from ..pages import Page
from ..references import Site
from .extract import page_text
from .index import Facets, build_index
from .postings import INDEX_DAMPING, Doc
from .synonyms import synonyms

# Pages that are not content: the home page, this search page and the change log (最近更新).
NOT_INDEXED_KINDS = frozenset({"home"})
NOT_INDEXED_URLS = frozenset({"search/", "recent/"})


def documents(pages: tuple[Page, ...], site_dir: Path) -> tuple[list[Doc], list[Diagnostic]]:
    docs, diags = [], []
    for page in pages:
        if page.kind in NOT_INDEXED_KINDS or page_url(page.path) in NOT_INDEXED_URLS:
            continue
        html = site_dir / page_url(page.path) / "index.html"
        text = page_text(html.read_text(encoding="utf-8")) if html.is_file() else None
        if text is None:
            diags.append(error(page.path, 0, 0, "Q801", f"无法为搜索读取页面正文：{page_url(page.path)}",
                               "页面没有生成或缺少 <article> 正文区域；这是生成器或主题的问题，请联系维护人员。"))
            continue
        damping = INDEX_DAMPING if page.kind == "index" else 1.0
        docs.append(Doc(page_url(page.path), page.title, page.section, page.areas, text, damping))
    return docs, diags


def search_index(site: Site, pages: tuple[Page, ...], site_dir: Path) -> list[Diagnostic]:
    """Post-processor: write the search index into the built site."""
    docs, diags = documents(pages, site_dir)
    table, more = synonyms(site)
    facets = Facets(tuple(label for label, _ in NAV), tuple(a.name for a in site.config.areas))
    for rel, data in sorted(build_index(docs, table, facets).items()):
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return diags + more
