"""Page types of a built site and the bytes (gzip) a cold view of a page downloads, read from the files.

A page's weight is the HTML plus every file it makes the browser fetch on load: stylesheets (the one
blocking bundle, and the print sheet Chromium still downloads at low priority), scripts, the favicon and
images not marked `loading="lazy"`; each text file gzipped at level 6 like docs/nginx.conf (files under
its `gzip_min_length`, 512 bytes, count raw), plus an allowance per request for the response headers
(nginx's security headers make an HTML response's about 0.9 KB). The part before the first paint is the
HTML, the blocking stylesheets and the scripts in <head>. Lazy images and what scripts fetch later (the
search index on the search page) are left out: they come after the page is usable.

Bytes are deterministic, so tests/test_page_weight.py asserts the 60 KB budget from them for the heaviest
page of every type; scripts/bench_pages.py uses the same discovery and checks the figures against what
Chromium actually transfers (and measures first paint, which no test asserts).
"""

from __future__ import annotations

import gzip
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

BUDGET = 60 * 1024
GZIP_MIN_LENGTH = 512  # docs/nginx.conf
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
HEADERS = {"html": 900, "asset": 300}  # response header bytes per request (nginx, docs/nginx.conf)

# Page types whose pages live one level down in a section but differ from its other pages.
SPECIAL = {"estimate/household-collective": "estimate/household-collective (集体土地)",
           "estimate/household-state": "estimate/household-state (国有土地)"}
_TAG = re.compile(r"<(link|script|img)\b([^>]*)>", re.I)
_ATTR = re.compile(r'([a-zA-Z-]+)(?:="([^"]*)")?')
_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page_type(rel: str) -> str:
    """The type of a page from its path in the site: `home`, `404`, `<section>/` (a section's index),
    `<section>/<page>`, a household estimator, or `standards/<page>/<version>` (an earlier version)."""
    parts = rel.split("/")[:-1] if rel.endswith("index.html") else [rel]
    if not parts:
        return "home"
    if parts == ["404.html"]:
        return "404"
    if len(parts) == 1:
        return f"{parts[0]}/"
    if "/".join(parts[:2]) in SPECIAL and len(parts) == 2:
        return SPECIAL["/".join(parts[:2])]
    if len(parts) == 3 and _VERSION.match(parts[2]):
        return f"{parts[0]}/<page>/<version>"
    return parts[0] + "/<page>" * (len(parts) - 1)


def _attrs(text: str) -> dict[str, str]:
    return {k.lower(): v or "" for k, v in _ATTR.findall(text)}


@dataclass(frozen=True)
class Load:
    """What one file costs on the wire: gzip body bytes plus a header allowance."""
    path: str  # relative to the site root
    body: int
    blocking: bool  # needed before the first paint

    @property
    def wire(self) -> int:
        return self.body + HEADERS["html" if self.path.endswith(".html") else "asset"]


@dataclass(frozen=True)
class Weight:
    page: str  # URL path relative to the site root ("" for home, "faq/x/")
    kind: str
    loads: tuple[Load, ...]

    @property
    def total(self) -> int:
        return sum(load.wire for load in self.loads)

    @property
    def before_paint(self) -> int:
        return sum(load.wire for load in self.loads if load.blocking)


def body_bytes(file: Path) -> int:
    data = file.read_bytes()
    if file.suffix in COMPRESSED and len(data) >= GZIP_MIN_LENGTH:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def _resources(html: str) -> list[tuple[str, bool]]:
    """(href, blocking) of every file the page loads eagerly, in document order."""
    head_end = html.find("</head>")
    found = []
    for match in _TAG.finditer(html):
        tag, attrs = match.group(1).lower(), _attrs(match.group(2))
        in_head = match.start() < head_end
        if tag == "link" and attrs.get("rel") == "stylesheet":
            blocking = attrs.get("media", "all") in ("all", "screen")
            found.append((attrs.get("href", ""), blocking))
        elif tag == "link" and attrs.get("rel") in ("icon", "shortcut icon"):
            found.append((attrs.get("href", ""), False))
        elif tag == "script" and attrs.get("src"):
            found.append((attrs["src"], in_head and "defer" not in attrs and "async" not in attrs))
        elif tag == "img" and attrs.get("loading") != "lazy" and attrs.get("src"):
            found.append((attrs["src"], False))
    return [(href, blocking) for href, blocking in found if href and ":" not in href.split("/")[0]]


def site_path(site: Path) -> str:
    """The URL path the site is published under ("/zsgk/"), from the home page's canonical link: the
    404 page names its files from there, as it is served at any depth."""
    home = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="[a-z]+://[^/"]+(/[^"]*)"', home)
    return match.group(1) if match else "/"


def weigh(site: Path, html_file: Path, root: str = "/") -> Weight:
    """The weight of one page; `root` is the site's URL path (site_path) for root-absolute links."""
    rel = html_file.relative_to(site).as_posix()
    page = "404.html" if rel == "404.html" else rel[: -len("index.html")]
    base = posixpath.dirname(rel)
    loads = [Load(rel, body_bytes(html_file), True)]
    seen = {rel}
    for href, blocking in _resources(html_file.read_text(encoding="utf-8")):
        href = href.split("#")[0].split("?")[0]
        if href.startswith("/"):
            assert href.startswith(root), f"{rel}: {href} is outside the site ({root})"
            href = "/" + href[len(root):]
        target = posixpath.normpath(posixpath.join(base, href)).lstrip("/")
        if target in seen or target.startswith("../"):
            continue
        seen.add(target)
        loads.append(Load(target, body_bytes(site / target), blocking))
    return Weight(page, page_type(rel), tuple(loads))


def pages(site: Path) -> list[Path]:
    """Every page of a built site (index.html files and the 404 page), sorted."""
    found = sorted(site.rglob("index.html"))
    return found + ([site / "404.html"] if (site / "404.html").is_file() else [])


def heaviest_by_type(site: Path) -> dict[str, Weight]:
    """The heaviest page (by total weight) of every page type, types sorted by name."""
    best: dict[str, Weight] = {}
    root = site_path(site)
    for html in pages(site):
        weight = weigh(site, html, root)
        if weight.kind not in best or weight.total > best[weight.kind].total:
            best[weight.kind] = weight
    return dict(sorted(best.items()))
