"""The 最近更新 page: what changed and when, from the content's own `updated` dates (never git or
the clock), plus the review dates editors committed to. The Atom feed (generator/post/feed.py) lists
the same changes."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from ..model import CONTENT_TYPES
from ..rules.references import Site
from .links import page_path, relative, to_root
from .page import Page, latest

SECTION = "recent"
LABEL = "最近更新"
RECENT_LIMIT = 60
FEED_FILE = "feed.xml"


def changed_pages(pages: tuple[Page, ...], limit: int = RECENT_LIMIT) -> list[Page]:
    """Content pages, newest first; ties by path so the order never depends on anything else."""
    leaves = [p for p in pages if p.kind not in ("index", "home", "version", SECTION)]
    return sorted(leaves, key=lambda p: (-p.updated.toordinal(), p.path))[:limit]


def recent_page(site: Site, pages: tuple[Page, ...]) -> Page:
    path = page_path(SECTION)
    changed = changed_pages(pages)
    days = [{"date": day.isoformat(), "items": [_entry(path, p) for p in group]}
            for day, group in groupby(changed, key=lambda p: p.updated)]
    context = {"days": days, "reviews": _reviews(site, path, {p.path: p for p in pages}),
               "feed_href": to_root(path) + FEED_FILE}
    return Page(path=path, title=LABEL, section=LABEL, kind="index",
                description="本站内容的更新记录（按内容中登记的更新日期排列）和复核期限，可用 RSS/Atom 订阅。",
                updated=latest([p.updated for p in changed], site.config.updated), template="recent.md.j2",
                context=context)


def _entry(here: str, page: Page) -> dict[str, str]:
    """One change: the page, and what its current version changed (old -> new figures) when it records one."""
    return {"title": page.title, "href": relative(here, page.path), "section": page.section, "change": page.change}


def _reviews(site: Site, here: str, by_path: dict[str, Page]) -> list[dict[str, Any]]:
    """Items with a review date, soonest first; linked to their own page, or to their section page."""
    rows: list[tuple[dt.date, str, dict[str, Any]]] = []
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            review_by = getattr(item, "review_by", None)
            if review_by is None:
                continue
            target, anchor = page_path(ctype.section, item.id), None
            if target not in by_path:  # no page of its own: its row on the section page (rows carry their id)
                target, anchor = page_path(ctype.section), item.id
            page = by_path.get(target)
            title = page.title if page and anchor is None else item_title(item, ctype.label)
            rows.append((review_by, target, {
                "review_by": review_by.isoformat(), "updated": item.updated.isoformat(), "label": ctype.label,
                "title": title, "href": relative(here, target, anchor or "") if page else ""}))
    return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1], r[2]["title"]))]


def item_title(item: Any, label: str) -> str:
    """What a resident reads for an item with no page of its own: its title or name, a disclosure row's
    事项 path, else the type's label; never its identifier (B631 refuses identifiers on pages)."""
    for field in ("title", "name", "question", "term"):
        value = getattr(item, field, None)
        if isinstance(value, str) and value:
            return value
    levels = [getattr(item, f, None) for f in ("level1", "level2", "level3")]
    return " / ".join(v for v in levels if isinstance(v, str) and v) or label
