"""Post-processor: an Atom feed of recent changes, built from the content's `updated` dates (the
same list as the 最近更新 page), never from git or the clock, so it is byte-identical on rebuild."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..diagnostics import Diagnostic
from ..pages import Page
from ..pages.recent_page import FEED_FILE, changed_pages
from ..rules.references import Site

FEED_ENTRIES = 50
TIMEZONE = "+08:00"  # dates in content are Beijing calendar days


def _environment() -> Environment:
    return Environment(loader=PackageLoader("generator", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def absolute(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + "/" + url


def _stamp(page: Page) -> str:
    return f"{page.updated.isoformat()}T00:00:00{TIMEZONE}"


def atom_feed(site: Site, pages: tuple[Page, ...]) -> str:
    entries = changed_pages(pages, FEED_ENTRIES)
    base = site.config.base_url
    context = {
        "title": f"{site.config.name} · 最近更新",
        "site_url": absolute(base, ""),
        "self_url": absolute(base, FEED_FILE),
        "updated": _stamp(entries[0]) if entries else f"{site.config.updated.isoformat()}T00:00:00{TIMEZONE}",
        "author": site.config.organiser or site.config.sponsor,
        "entries": [{"title": p.title, "url": absolute(base, p.url), "updated": _stamp(p), "section": p.section,
                     "summary": f"修订：{p.change}。{p.description}" if p.change else p.description}
                    for p in entries],
    }
    return _environment().get_template("feed.xml.j2").render(**context)


def write_feed(site: Site, pages: tuple[Page, ...], staging: Path) -> list[Diagnostic]:
    (staging / FEED_FILE).write_text(atom_feed(site, pages), encoding="utf-8")
    return []
