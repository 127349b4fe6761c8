"""Stage 6, post-process and check: the rendered HTML in the staging folder -> added files (feed,
redirect pages, search index, inline QR codes) and the site check (no external resource, no broken
link). Post-processors only add files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .attachments import write_attachments as write_attachments
    from .feed import write_feed as write_feed
    from .manifest import foreign_entry as foreign_entry
    from .manifest import write_manifest as write_manifest
    from .open_data import keep_figures as keep_figures
    from .open_data import previous_site_figures as previous_site_figures
    from .open_data import published_figures as published_figures
    from .open_data import write_open_data as write_open_data
    from .poster.write import write_posters as write_posters
    from .redirects import check_lock as check_lock
    from .redirects import plan_redirects as plan_redirects
    from .redirects import write_redirects as write_redirects
    from .search import CityPart as CityPart
    from .search import city_index as city_index
    from .search import read_part as read_part
    from .search import search_index as search_index
    from .search import write_city_part as write_city_part
    from .search.tokens import inject_question_words as inject_question_words
    from .security_txt import expiry_diagnostics as expiry_diagnostics
    from .security_txt import write_security_txt as write_security_txt
    from .sitecheck import check_site as check_site

__all__, __getattr__ = exports(__name__, __file__)
