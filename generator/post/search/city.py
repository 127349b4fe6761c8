"""A city-wide index made from the districts' published sites, so a province can build each district in
its own CI job and merge them in one more job (docs/ci/).

A district built for a city (`gongkai build --city-part`, or `gongkai city`) also publishes
`city-part.json` (`write_city_part`): who it is (district, site name, description, page count, last
update), its glossary synonyms, and the head of every page its own search indexes (URL, title, 栏目,
damping). `city_index` reads that small manifest and the district's published pages (the same
`<article>` text its own index was made from; a page's weights depend on that page alone), prefixes
each URL with the district's folder, makes the district the area filter, and writes one index for the
whole city with the same files and browser code as a district's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic
from ...pages.navigation import NAV
from .entries import docs_of, indexed_heads, page_entries
from .index import Facets, Head, build_index
from .synonyms import synonyms

if TYPE_CHECKING:
    from ...pages import Page
    from ...rules.references import Site

PART_FILE = "city-part.json"
FORMAT = 1


@dataclass(frozen=True)
class CityPart:
    """What a district's published site tells the city about itself (`city-part.json`)."""

    name: str  # the district, e.g. 淮北市杜集区
    title: str  # its site's name
    description: str
    page_count: int
    updated: dt.date
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    heads: tuple[Head, ...] = ()


def write_city_part(site: Site, pages: tuple[Page, ...], site_dir: Path) -> list[Diagnostic]:
    """Post-processor for a district of a city: `city-part.json` at the site's root."""
    table, _ = synonyms(site)  # its warnings are the search index's to give
    heads = indexed_heads(pages, Facets(tuple(label for label, _ in NAV), ()))
    data = {"format": FORMAT, "name": site.config.district, "title": site.config.name,
            "description": site.config.description, "page_count": len(pages),
            "updated": max(p.updated for p in pages).isoformat(), "synonyms": table,
            "heads": [[h.url, h.title, h.section, h.damping] for h in heads]}
    (site_dir / PART_FILE).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                      encoding="utf-8")
    return []


def read_part(site_dir: Path) -> CityPart | None:
    """The district's manifest, or None when its published site has none (or a damaged one)."""
    try:
        data = json.loads((site_dir / PART_FILE).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        heads = tuple(Head(url, title, section, (), float(damping)) for url, title, section, damping in data["heads"])
        return CityPart(data["name"], data["title"], data["description"], int(data["page_count"]),
                        dt.date.fromisoformat(data["updated"]), dict(data["synonyms"]), heads)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def city_index(districts: Sequence[tuple[str, CityPart, Path]], staged: Path) -> list[Diagnostic]:
    """The city-wide search index in `staged`, from each district's (folder id, manifest, published site)."""
    docs, diags = [], []
    for folder, part, site_dir in districts:
        heads = [h._replace(areas=(part.name,)) for h in part.heads]
        found, more = docs_of(heads, page_entries(site_dir, heads, None), {})
        diags += [dataclasses.replace(d, path=f"{folder}/{d.path}") for d in more]
        docs += [dataclasses.replace(d, url=f"{folder}/{d.url}") for d in found]
    table: dict[str, list[str]] = {}
    for _, part, _ in districts:
        for alias, terms in part.synonyms.items():
            table[alias] = sorted(set(table.get(alias, [])) | set(terms))
    facets = Facets(tuple(label for label, _ in NAV), tuple(part.name for _, part, _ in districts))
    for rel, data in sorted(build_index(docs, dict(sorted(table.items())), facets).items()):
        (staged / rel).parent.mkdir(parents=True, exist_ok=True)
        (staged / rel).write_bytes(data)
    return diags


