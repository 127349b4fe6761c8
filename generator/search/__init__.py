"""Site search: an index built from the rendered pages, fetched by the browser piece by piece.

`search_index` is a post-processor (see pipeline.POSTPROCESSORS): it reads the `<article>` of each
built page, builds a character-bigram index (see index.py) with glossary synonyms and the
content-type and town filters, and writes it under search/data/ in the staging folder. The browser
side is overrides/assets/javascripts/gk-search.js, loaded only by the search page.

What one page gives the index (its text, keys and frequencies: `postings.Entry`) is kept in the work
folder's cache by the hash of the page's bytes and its title (`work_cache`); the missing ones are
computed on every core (`fanout`), so a rebuild reads only the pages that changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, error
from ..fanout import fan_out
from ..links import page_url
from ..navigation import NAV
from ..work_cache import WorkCache, code_version, digest
from . import encoding, extract, postings, tokens
from .index import Facets, build_index
from .postings import INDEX_DAMPING, Doc, Entry
from .synonyms import synonyms

if TYPE_CHECKING:  # kept light: fanout workers import this package
    from ..pages import Page
    from ..references import Site

# Pages that are not content: the home page, this search page and the change log (最近更新).
NOT_INDEXED_KINDS = frozenset({"home"})
NOT_INDEXED_URLS = frozenset({"search/", "recent/"})
CACHE_NAME = "search-text"


def page_entries(site_dir: Path, pages: list[tuple[str, str]], cache: Path | None) -> list[Entry | None]:
    """The entry of each (URL, title) page (None: no HTML file or no <article>), through the cache."""
    store = WorkCache(cache, CACHE_NAME, code_version(extract, postings, tokens, encoding))
    files = [site_dir / url / "index.html" for url, _ in pages]
    keys = [digest(html.read_bytes() + b"\0" + title.encode()) if html.is_file() else ""
            for html, (_, title) in zip(files, pages, strict=True)]
    found: list[Entry | None] = [store.get(key) if key else None for key in keys]
    missing = [i for i, key in enumerate(keys) if key and found[i] is None]
    items = [(str(files[i].resolve()), pages[i][1]) for i in missing]
    for i, got in zip(missing, fan_out("generator.search.postings:page_entries", items), strict=True):
        if got is not None:
            found[i] = got
            store.put(keys[i], got)
    store.save()
    return found


def documents(pages: tuple[Page, ...], site_dir: Path, cache: Path | None = None) -> tuple[list[Doc], list[Diagnostic]]:
    indexed = [p for p in pages if p.kind not in NOT_INDEXED_KINDS and page_url(p.path) not in NOT_INDEXED_URLS]
    entries = page_entries(site_dir, [(page_url(p.path), p.title) for p in indexed], cache)
    docs, diags = [], []
    for page, found in zip(indexed, entries, strict=True):
        if found is None:
            diags.append(error(page.path, 0, 0, "Q801", f"无法为搜索读取页面正文：{page_url(page.path)}",
                               "页面没有生成或缺少 <article> 正文区域；这是生成器或主题的问题，请联系维护人员。"))
            continue
        damping = INDEX_DAMPING if page.kind == "index" else 1.0
        docs.append(Doc(page_url(page.path), page.title, page.section, page.areas, found, damping))
    return docs, diags


def search_index(site: Site, pages: tuple[Page, ...], site_dir: Path, cache: Path | None = None) -> list[Diagnostic]:
    """Post-processor: write the search index into the built site; `cache`: a folder where page entries
    are kept between builds."""
    docs, diags = documents(pages, site_dir, cache)
    table, more = synonyms(site)
    facets = Facets(tuple(label for label, _ in NAV), tuple(a.name for a in site.config.areas))
    for rel, data in build_index(docs, table, facets).items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)  # every name is new in this staging folder (see HELPER_COMMON staging rule)
    return diags + more
