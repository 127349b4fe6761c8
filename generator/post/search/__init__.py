"""Site search: an index built from the rendered pages, fetched by the browser piece by piece.

`search_index` is a post-processor (see pipeline.POSTPROCESSORS): it reads the `<article>` of each
built page, builds a character-bigram index (see index.py) with glossary synonyms and the
content-type and town filters, and writes it under search/data/ in the staging folder. The browser
side is overrides/assets/javascripts/gk-search.js, loaded only by the search page.

With a work folder (`cache`), a rebuild touches only what changed:
- a page whose HTML file has the (inode, size, mtime) it had last time is unchanged (the renderer links
  unchanged pages from its cache); otherwise the hash of its bytes and title decides;
- what a page gives the index (`postings.Entry`) is computed for the changed pages only, on every core
  (`fanout`), and kept by that hash (`search-text`, and `search-recent` for pages changed since);
- when the pages are the same ones, the previous build's layout is patched (update.py) and its
  unchanged data files are linked from `search-data/`; otherwise every entry is merged again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic
from ...pages.navigation import NAV
from .city import CityPart, city_index, read_part, write_city_part
from .entries import _paths, documents, indexed_heads
from .index import Facets, build_index
from .synonyms import best_bets, synonyms

if TYPE_CHECKING:  # kept light: fanout workers import this package
    from ...pages import Page
    from ...rules.references import Site

__all__ = ["CityPart", "build_index", "city_index", "documents", "read_part", "search_index", "write_city_part"]


def search_index(site: Site, pages: tuple[Page, ...], site_dir: Path, cache: Path | None = None) -> list[Diagnostic]:
    """Post-processor: write the search index into the built site; `cache`: a folder where what the
    next build needs is kept."""
    table, more = synonyms(site)
    facets = Facets(tuple(label for label, _ in NAV), site.place_names(), best_bets(site))
    from .build import IndexBuild

    return IndexBuild(site_dir, cache, indexed_heads(pages, facets), _paths(pages)).run(table, facets) + more
