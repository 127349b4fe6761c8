"""Stage 6, post-process and check: the rendered HTML in the staging folder -> added files (feed,
redirect pages, search index, inline QR codes) and the site check (no external resource, no broken
link). Post-processors only add files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .feed import write_feed
    from .manifest import foreign_entry, write_manifest
    from .open_data import keep_figures, published_figures, write_open_data
    from .redirects import check_lock, plan_redirects, write_redirects
    from .search import CityPart, city_index, read_part, search_index, write_city_part
    from .sitecheck import check_site

__all__ = [
    "keep_figures", "published_figures",
    "CityPart", "city_index", "read_part", "write_city_part",
    "check_lock", "check_site", "foreign_entry", "plan_redirects", "search_index", "write_feed",
    "write_manifest", "write_open_data", "write_redirects",
]
__getattr__ = exports(__name__, {
    "write_feed": ".feed",
    "foreign_entry": ".manifest",
    "write_manifest": ".manifest",
    "keep_figures": ".open_data",
    "published_figures": ".open_data",
    "write_open_data": ".open_data",
    "check_lock": ".redirects",
    "plan_redirects": ".redirects",
    "write_redirects": ".redirects",
    "search_index": ".search",
    "CityPart": ".search",
    "city_index": ".search",
    "read_part": ".search",
    "write_city_part": ".search",
    "check_site": ".sitecheck",
})
