"""Checks on the built HTML, before it is published: nothing loaded from other hosts, no broken
internal link or anchor. Renderer-independent: it reads only the output folder.

Scanning a page's HTML costs ≈ 2.5 ms, so scans are kept in the work folder's cache by the hash of
the page's bytes (`work_cache`) and the missing ones are made on every core (`fanout`); the checks
between pages (links, anchors) run on every build.
"""

from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .diagnostics import Diagnostic, error
from .fanout import fan_out
from .work_cache import WorkCache, code_version, digest

_RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",),
}
_CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", re.IGNORECASE)


def _external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


@dataclass
class _PageScan(HTMLParser):
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for attr in _RESOURCE_ATTRS.get(tag, ()):
            for part in values.get(attr, "").split(","):
                url = part.strip().split(" ")[0]
                if url and _external(url):
                    self.external.append(f"<{tag} {attr}={url}>")
        if tag == "link" and _external(values.get("href", "")):
            rel = values.get("rel", "")
            if rel not in ("canonical", "alternate"):
                self.external.append(f"<link rel={rel} href={values['href']}>")
        if "style" in values:
            self.external.extend(_CSS_URL.findall(values["style"]))
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])


@dataclass(frozen=True)
class Scan:
    """What the checks need of one page."""

    ids: frozenset[str]
    links: tuple[str, ...]
    external: tuple[str, ...]


def scan_html(html: str) -> Scan:
    parser = _PageScan()
    parser.feed(html)
    return Scan(frozenset(parser.ids), tuple(parser.links), tuple(parser.external))


def scan_files(paths: list[str]) -> list[Scan]:
    """A fanout task: the scan of each HTML file."""
    return [scan_html(Path(path).read_text(encoding="utf-8")) for path in paths]


def scan_site(site_dir: Path, cache: Path | None) -> dict[str, Scan]:
    """Site-relative path -> scan of every HTML file, sorted by path."""
    store = WorkCache(cache, "sitecheck", code_version(sys.modules[__name__]))
    keys = {html: digest(html.read_bytes()) for html in sorted(site_dir.rglob("*.html"))}
    found: dict[Path, Scan | None] = {html: store.get(key) for html, key in keys.items()}
    missing = [html for html, scan in found.items() if scan is None]
    for html, scan in zip(missing, fan_out("generator.sitecheck:scan_files", [str(h) for h in missing]), strict=True):
        found[html] = scan
        store.put(keys[html], scan)
    store.save()
    return {html.relative_to(site_dir).as_posix(): scan for html, scan in found.items() if scan is not None}


def check_site(site_dir: Path, cache: Path | None = None) -> list[Diagnostic]:
    """B602/B603 for the built site; `cache`: a folder where page scans are kept between builds."""
    pages = scan_site(site_dir, cache)
    diags: list[Diagnostic] = []
    for rel, scan in pages.items():
        for ext in scan.external:
            diags.append(error(rel, 0, 0, "B602", f"页面从外部网站加载资源：{ext}",
                               "站点不得从其他网站加载脚本、样式、字体或图片；请改为本地文件。"))
    for css in sorted(site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
            diags.append(error(css.relative_to(site_dir).as_posix(), 0, 0, "B602", f"样式表从外部网站加载资源：{url}",
                               "请改为本地文件。"))
    for rel, scan in pages.items():
        if rel == "404.html":
            continue  # its links are absolute from site_url, checked by the sub-path test
        for href in scan.links:
            problem = _broken(rel, href, pages, site_dir)
            if problem:
                diags.append(error(rel, 0, 0, "B603", f"站内链接失效：{href}（{problem}）",
                                   "请检查被链接的内容是否已删除或改名。"))
    return diags


def _broken(rel: str, href: str, pages: dict[str, Scan], site_dir: Path) -> str:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return ""
    base = posixpath.dirname(rel)
    if parts.path:
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if target.startswith(".."):
            return "指向站点之外"
        if parts.path.endswith("/") or (site_dir / target).is_dir():
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
        if target not in pages:
            return "页面不存在" if not (site_dir / target).exists() else ""
    else:
        target = rel
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return f"锚点 #{parts.fragment} 不存在"
    return ""
