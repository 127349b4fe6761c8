"""Checks on the built HTML, before it is published: nothing loaded from other hosts, no broken
internal link or anchor. Renderer-independent: it reads only the output folder.

Each page is scanned once (`sitecheck_scan`, ≈ 0.3 ms) into its facts: what it loads from other hosts,
its ids, and what its links need (a page, a file, an anchor), resolved against the page's own path.
Facts are kept in the work folder's cache (`work_cache`) by a hash of the page's path and bytes, and
also by the file's identity (device, inode, size, modification time): a page the renderer linked
unchanged from its cache is neither read nor hashed again (a staged file is never rewritten in place:
see the staging rule in docs/ARCHITECTURE.md). Missing facts are made on every core (`fanout`). The
checks between pages run on every build, once per distinct need; only a page with a broken link is
read again, to name each broken link in its message. Cold or warm, the diagnostics are the same.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..diagnostics import Diagnostic, error
from ..parallel.fanout import fan_out
from ..parallel.work_cache import WorkCache, code_version, digest
from . import sitecheck_scan
from .sitecheck_scan import CSS_EXTERNAL, Scan, scan_html

__all__ = ["Scan", "check_site", "scan_html"]
OUTSIDE = ".."
NOT_FOUND = "404.html"  # its links are absolute from site_url: checked by the sub-path test, not here
# What a link needs: (target path, whether it names a folder (None: the page itself), anchor or "").
Need = tuple[str, bool | None, str]


@dataclass(frozen=True)
class Facts:
    """What the checks keep of one page between builds."""

    external: tuple[str, ...]
    ids: frozenset[str]
    needs: frozenset[Need]


def need(rel: str, href: str) -> Need | None:
    """What the link `href` on page `rel` needs; None for a link to another site or scheme."""
    folder = rel[:rel.rfind("/") + 1]
    return _need(rel, folder, _ancestors(folder), href)


def needs_of(rel: str, hrefs: Iterable[str]) -> set[Need]:
    folder = rel[:rel.rfind("/") + 1]
    ancestors = _ancestors(folder)
    return {wanted for href in set(hrefs) if (wanted := _need(rel, folder, ancestors, href))}


def _ancestors(folder: str) -> list[str]:
    """The folder ("a/b/") and each folder above it, without the trailing slash: ["a/b", "a", ""]."""
    parts = folder.split("/")[:-1]
    return ["/".join(parts[:len(parts) - up]) for up in range(len(parts) + 1)]


def _need(rel: str, folder: str, ancestors: list[str], href: str) -> Need | None:
    parsed = _parse(href)
    if parsed is None:
        return None
    path, names_folder, fragment, ups, rest = parsed
    if not path:
        return (rel, None, fragment)
    if rest is None or ups >= len(ancestors):
        target = posixpath.normpath(posixpath.join(folder, path))
    else:  # the same, quicker, for the links pages hold: some ../ then plain names
        base = ancestors[ups]
        target = f"{base}/{rest}" if base and rest else (base or rest or ".")
    return (OUTSIDE, False, "") if target.startswith("..") else (target, names_folder, fragment)


@lru_cache(maxsize=1 << 16)
def _parse(href: str) -> tuple[str, bool, str, int, str | None] | None:
    """An href's path and anchor (unquoted), whether the path ends in /, and the path as leading ../
    count and the rest (None when it needs normpath); None for a link to another site or scheme."""
    href = href.strip(" \t\n\r\f")  # as a browser reads it
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = unquote(parts.path)
    ups = 0
    while path.startswith("../", 3 * ups):
        ups += 1
    rest = path[3 * ups:].rstrip("/")
    plain = not ("//" in rest or "/." in "/" + rest or rest.startswith("/"))
    return path, parts.path.endswith("/"), unquote(parts.fragment), ups, rest if plain else None


def facts(rel: str, html: str, shared: dict[Any, Any] | None = None) -> Facts:
    """`shared`: equal ids and needs of earlier pages, reused so the cache stores each value once."""
    scan = scan_html(html)
    needs = set() if rel == NOT_FOUND else needs_of(rel, scan.links)
    if shared is None:
        return Facts(scan.external, scan.ids, frozenset(needs))
    return Facts(scan.external, frozenset(shared.setdefault(i, i) for i in scan.ids),
                 frozenset(shared.setdefault(n, n) for n in needs))


def file_facts(jobs: list[tuple[str, str]]) -> list[tuple[str, Facts]]:
    """A fanout task: (site-relative path, file) -> (cache key, facts) of each page."""
    out = []
    shared: dict[Any, Any] = {}
    for rel, path in jobs:
        with open(path, "rb") as file:  # not pathlib: ≈ 15 µs a page less
            data = file.read()
        out.append((content_key(rel, data), facts(rel, data.decode("utf-8"), shared)))
    return out


def content_key(rel: str, data: bytes) -> str:
    return "c" + digest(rel.encode("utf-8") + b"\0" + data)


class SiteFiles:
    """The staged site as the link checks see it: the pages' facts, and the files on disk."""

    def __init__(self, root: Path, pages: dict[str, Facts]) -> None:
        self.pages = pages
        # an absolute target ("/x/") names no file of the site: it is judged missing on every machine
        self.is_dir = cache(lambda rel: not rel.startswith("/") and (root / rel).is_dir())
        self.exists = cache(lambda rel: not rel.startswith("/") and (root / rel).exists())

    def problem(self, wanted: Need) -> str:
        """"" when the need is met, else which: 'outside', 'missing' or 'anchor'."""
        target, folder, fragment = wanted
        if target == OUTSIDE:
            return "outside"
        if folder is not None:
            if folder or self.is_dir(target):
                target = posixpath.join(target, "index.html") if target != "." else "index.html"
            if target not in self.pages:
                return "" if self.exists(target) else "missing"
        page = self.pages.get(target)
        return "anchor" if fragment and page is not None and fragment not in page.ids else ""


def html_files(site_dir: Path) -> tuple[list[tuple[str, os.stat_result]], list[str]]:
    """Every HTML file (site-relative path, stat) and CSS file, in path order."""
    found: list[tuple[str, os.stat_result]] = []
    css: list[str] = []
    todo = [("", str(site_dir))]
    while todo:
        prefix, folder = todo.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    todo.append((prefix + entry.name + "/", entry.path))
                elif entry.name.endswith(".html"):
                    found.append((prefix + entry.name, entry.stat()))
                elif entry.name.endswith(".css"):
                    css.append(prefix + entry.name)
    found.sort(key=lambda item: item[0].split("/"))
    return found, sorted(css, key=lambda rel: rel.split("/"))


def identity(rel: str, st: os.stat_result) -> str | None:
    """A page file's identity key, or None where timestamps are too coarse (whole milliseconds or
    worse, as on FAT) to tell apart two writes that reuse an inode within the same tick."""
    if st.st_mtime_ns % 1_000_000 == 0:
        return None
    return f"s{rel}\0{st.st_dev}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}"


def scan_site(site_dir: Path, files: list[tuple[str, os.stat_result]], cache_dir: Path | None) -> dict[str, Facts]:
    """Site-relative path -> facts of each HTML file in `files`, in that order."""
    store = WorkCache(cache_dir, "sitecheck", code_version(sys.modules[__name__], sitecheck_scan))
    found: dict[str, Facts | None] = {}
    todo: list[tuple[str, str | None]] = []  # (rel, identity) of the pages to scan
    for rel, st in files:
        key = identity(rel, st)
        known = store.get(key) if key else None
        found[rel] = store.get(known) if known else None
        if found[rel] is None and not (store.old and _known_by_content(store, site_dir, rel, key, found)):
            todo.append((rel, key))
    made = fan_out("generator.post.sitecheck:file_facts", [(rel, os.path.join(site_dir, rel)) for rel, _ in todo])
    for (rel, key), (content, fact) in zip(todo, made, strict=True):
        found[rel] = fact
        store.put(content, fact)
        if key:
            store.put(key, content)
    store.save()
    return {rel: fact for rel, fact in found.items() if fact is not None}


def _known_by_content(store: WorkCache, site_dir: Path, rel: str, key: str | None,
                      found: dict[str, Facts | None]) -> bool:
    """Whether the page's bytes are known (a page rendered again into the same bytes)."""
    with open(os.path.join(site_dir, rel), "rb") as file:
        content = content_key(rel, file.read())
    found[rel] = store.get(content)
    if found[rel] is not None and key:
        store.put(key, content)
    return found[rel] is not None


def check_site(site_dir: Path, cache: Path | None = None) -> list[Diagnostic]:
    """B602/B603 for the built site; `cache`: a folder where page facts are kept between builds."""
    files, stylesheets = html_files(site_dir)
    pages = scan_site(site_dir, files, cache)
    diags: list[Diagnostic] = []
    for rel, page in pages.items():
        for ext in page.external:
            diags.append(error(rel, 0, 0, "B602", f"页面从外部网站加载资源：{ext}",
                               "站点不得从其他网站加载脚本、样式、字体或图片；请改为本地文件。"))
    for css in stylesheets:
        text = (site_dir / css).read_text(encoding="utf-8", errors="replace")
        for url in CSS_EXTERNAL.findall(text):
            diags.append(error(css, 0, 0, "B602", f"样式表从外部网站加载资源：{url}", "请改为本地文件。"))
    return diags + broken_links(site_dir, pages)


def broken_links(site_dir: Path, pages: dict[str, Facts]) -> list[Diagnostic]:
    """B603 for every broken internal link or anchor, page by page; each distinct need is judged once."""
    site = SiteFiles(site_dir, pages)
    unmet = {wanted for wanted in frozenset().union(*(p.needs for p in pages.values())) if site.problem(wanted)}
    diags: list[Diagnostic] = []
    for rel, page in pages.items():
        if unmet.isdisjoint(page.needs):
            continue
        for href in scan_html((site_dir / rel).read_text(encoding="utf-8")).links:
            wanted = need(rel, href)
            problem = site.problem(wanted) if wanted else ""
            if problem:
                diags.append(error(rel, 0, 0, "B603", f"站内链接失效：{href}（{_message(problem, href)}）",
                                   "请检查被链接的内容是否已删除或改名。"))
    return diags


def _message(problem: str, href: str) -> str:
    return {"outside": "指向站点之外", "missing": "页面不存在"}.get(problem) or \
        f"锚点 #{urlsplit(href).fragment} 不存在"
