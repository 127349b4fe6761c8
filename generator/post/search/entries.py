"""What each built page gives the search index (`postings.Entry`), computed on every core for the pages
whose HTML changed and kept by the hash of that HTML and the page's title (see the package docstring)."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic, error
from ...pages.links import page_url
from ...pages.navigation import NAV
from ...parallel.fanout import MIN_ITEMS, cores, fan_out
from ...parallel.work_cache import WorkCache, code_version, digest
from . import encoding, extract, postings, tokens
from .index import Facets, Head, order_docs
from .postings import INDEX_DAMPING, Doc, Entry, join

if TYPE_CHECKING:  # kept light: fanout workers import this package
    from ...pages import Page

# Pages that are not content: the home page, this search page and the change log (最近更新); and the
# superseded versions of a standard (已失效), so a search finds the figures in force.
NOT_INDEXED_KINDS = frozenset({"home", "version"})
NOT_INDEXED_URLS = frozenset({"search/", "recent/"})
CACHE_NAME = "search-text"
RECENT_NAME = "search-recent"
TASK = "generator.post.search.postings:page_runs"
Table = dict[str, "array[int]"]


def _entry_version() -> str:
    return code_version(extract, postings, tokens, encoding)


class Entries:
    """Page entries by hash: `search-text` (loaded only when every page is merged again) and
    `search-recent` (the pages computed since it was last written)."""

    def __init__(self, cache: Path | None) -> None:
        self.cache, self.version = cache, _entry_version()
        self.recent = WorkCache(cache, RECENT_NAME, self.version)
        self._store: WorkCache | None = None

    @property
    def store(self) -> WorkCache:
        if self._store is None:
            self._store = WorkCache(self.cache, CACHE_NAME, self.version)
        return self._store

    def get(self, key: str) -> Entry | None:
        found: Entry | None = self.recent.get(key)
        return found if found is not None else self.store.get(key)

    def save(self, keys: list[str]) -> None:
        """Keep the entries of these pages: all in `search-text` once it was loaded, else the new ones
        in `search-recent`."""
        if self._store is not None:
            for key in keys:
                found = self.get(key)
                if found is not None:
                    self._store.put(key, found)
            self._store.save()
            if self.recent.path is not None:
                self.recent.path.unlink(missing_ok=True)  # all in `search-text` now
            return
        for key in keys:
            self.recent.get(key)  # kept
        self.recent.save()


def compute(files: list[Path], heads: list[Head], todo: list[int],
            costs: list[int] | None = None) -> tuple[dict[int, Entry | None], Table | None]:
    """The entries of pages `todo`, on every core (one fan-out, even for none), and with them their
    postings by key when `todo` is every page and each has an article (page ids are then their places).
    `costs`: each page's expected cost (bytes of its article), else the size of its file."""
    parts = balanced(todo, costs or [f.stat().st_size if f.is_file() else 0 for f in files],
                     max(1, min(cores(), len(todo) // MIN_ITEMS)))
    runs = [(part[0], [(str(files[i]), heads[i].title, heads[i].damping) for i in part]) for part in parts]
    results = fan_out(TASK, runs, min_items=1)
    found: dict[int, Entry | None] = {}
    for part, (entries, _) in zip(parts, results, strict=True):
        found.update(zip(part, entries, strict=True))
    tables = [table for _, table in results]
    whole = todo == list(range(len(heads))) and all(table is not None for table in tables)
    return found, join(t for t in tables if t is not None) if whole else None


def balanced(todo: list[int], costs: list[int], count: int) -> list[list[int]]:
    """`todo` cut into `count` runs of about equal cost."""
    if count == 1:
        return [todo] if todo else []
    sums = list(accumulate(costs[i] for i in todo))
    cuts = [bisect_left(sums, sums[-1] * k / count) for k in range(1, count)]
    return [todo[a:b] for a, b in zip([0, *cuts], [*cuts, len(todo)], strict=True) if a < b]


def page_entries(site_dir: Path, heads: list[Head], cache: Path | None) -> list[Entry | None]:
    """The entry of each page (None: no HTML file or no <article>), through the cache."""
    root = site_dir.resolve()
    files = [Path(f"{root}/{h.url}index.html") for h in heads]
    keys = [digest(html.read_bytes() + b"\0" + h.title.encode()) if html.is_file() else ""
            for html, h in zip(files, heads, strict=True)]
    return entries_of(files, heads, keys, Entries(cache))[0]


def entries_of(files: list[Path], heads: list[Head], keys: list[str], store: Entries,
               costs: list[int] | None = None) -> tuple[list[Entry | None], Table | None]:
    """Each page's entry, from the cache or computed, and the postings by key when every page was computed."""
    found: list[Entry | None] = [store.get(key) if key else None for key in keys]
    missing = [i for i, key in enumerate(keys) if key and found[i] is None]
    computed, table = compute(files, heads, missing, costs)
    for i, got in computed.items():
        if got is not None:
            found[i] = got
            store.recent.put(keys[i], got)
    store.save([k for k in keys if k])
    return found, table


def indexed_heads(pages: tuple[Page, ...], facets: Facets) -> list[Head]:
    heads = [Head(page_url(p.path), p.title, p.section, p.areas, INDEX_DAMPING if p.kind == "index" else 1.0)
             for p in pages if p.kind not in NOT_INDEXED_KINDS and page_url(p.path) not in NOT_INDEXED_URLS]
    return order_docs(heads, facets)


def docs_of(heads: list[Head], entries: list[Entry | None], paths: dict[str, str]) -> tuple[list[Doc], list[Diagnostic]]:
    docs, diags = [], []
    for head, found in zip(heads, entries, strict=True):
        if found is None:
            diags.append(error(paths.get(head.url, head.url), 0, 0, "Q801", f"无法为搜索读取页面正文：{head.url}",
                               "页面没有生成或缺少 <article> 正文区域；这是生成器或主题的问题，请联系维护人员。"))
            continue
        docs.append(Doc(head.url, head.title, head.section, head.areas, found, head.damping))
    return docs, diags


def documents(pages: tuple[Page, ...], site_dir: Path, cache: Path | None = None) -> tuple[list[Doc], list[Diagnostic]]:
    heads = indexed_heads(pages, Facets(tuple(label for label, _ in NAV), ()))
    return docs_of(heads, page_entries(site_dir, heads, cache), _paths(pages))


def _paths(pages: tuple[Page, ...]) -> dict[str, str]:
    return {page_url(p.path): p.path for p in pages}
