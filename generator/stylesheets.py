"""One stylesheet per page: the render-blocking stylesheets of a page are concatenated into one file.

Every feature adds its own small CSS file (`EXTRA_CSS`), and Material's is one more; on a phone on a
150 ms network each file costs a request before the first paint, and HTTP/1.1 opens only six connections.
This post-processor replaces the run of `<link rel="stylesheet" href="...">` tags in each page's head
(those without a `media` attribute: print CSS stays separate and non-blocking) by one link to
`assets/stylesheets/gk-bundle.<hash>.css`, the files concatenated in the same order, so the cascade is
unchanged. Pages with the same list share one bundle. A page whose stylesheet is missing is left as it is
(tests/test_subpath.py reports the broken link). It runs before `fingerprint_assets`.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from .diagnostics import Diagnostic
from .pages import Page
from .references import Site

FOLDER = "assets/stylesheets"
LINK = re.compile(r'[ \t]*<link rel="stylesheet" href="([^"]+)">\n?')
CHARSET = re.compile(r'@charset "[^"]*";')
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def site_path(page: str, href: str, column: str) -> str | None:
    """The stylesheet's path relative to the site root, or None if it is not one of the site's files."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or parts.query:
        return None
    if href.startswith("/"):
        return href[len(column):] if href.startswith(column) else None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))


def bundle_text(staged: Path, paths: tuple[str, ...]) -> str:
    parts = ['@charset "UTF-8";']
    for path in paths:
        css = (staged / path).read_text(encoding="utf-8")
        parts.append(f"/* {posixpath.basename(path)} */\n" + SOURCE_MAP.sub("", CHARSET.sub("", css)).strip())
    return "\n".join(parts) + "\n"


def head_links(head: str, page: str, column: str, staged: Path) -> tuple[str, ...] | None:
    """The site paths of the head's blocking stylesheets, in order; None if any is foreign or missing."""
    paths = tuple(site_path(page, href, column) for href in LINK.findall(head))
    if len(paths) < 2 or any(p is None or not p.startswith(FOLDER + "/") or not (staged / p).is_file()
                             for p in paths):
        return None
    return paths  # type: ignore[return-value]


def write_bundle(staged: Path, paths: tuple[str, ...], made: dict[tuple[str, ...], str]) -> str:
    if paths not in made:
        text = bundle_text(staged, paths)
        name = f"gk-bundle.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.css"
        (staged / FOLDER / name).write_text(text, encoding="utf-8")
        made[paths] = f"{FOLDER}/{name}"
    return made[paths]


def relink(html: str, href: str) -> str:
    """Put the bundle's link where the first stylesheet link was and drop the others (head only)."""
    end = html.index("</head>")
    head = html[:end]
    matches = list(LINK.finditer(head))
    indent = matches[0].group(0)[: len(matches[0].group(0)) - len(matches[0].group(0).lstrip(" \t"))]
    out, last = [], 0
    for i, match in enumerate(matches):
        out.append(head[last:match.start()])
        if i == 0:
            out.append(f'{indent}<link rel="stylesheet" href="{href}">\n')
        last = match.end()
    return "".join(out) + head[last:] + html[end:]


def bundle_stylesheets(site: Site, pages: tuple[Page, ...], staged: Path) -> list[Diagnostic]:
    column = urlsplit(site.config.base_url).path or "/"
    made: dict[tuple[str, ...], str] = {}
    for html_file in sorted(staged.rglob("*.html")):
        page = html_file.relative_to(staged).as_posix()
        html = html_file.read_text(encoding="utf-8")
        if "</head>" not in html:
            continue
        paths = head_links(html[: html.index("</head>")], page, column, staged)
        if paths is None:
            continue
        target = write_bundle(staged, paths, made)
        href = column + target if page == "404.html" else posixpath.relpath(target, posixpath.dirname(page) or ".")
        html_file.write_text(relink(html, href), encoding="utf-8")
    return []
