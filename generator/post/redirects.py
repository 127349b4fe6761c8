"""Stable URLs: a page whose id changed keeps answering at its old URL, and a published URL never
vanishes silently.

Two inputs, both written by editors: `former_ids` on an item (its old ids; each old URL gets a
redirect page: meta refresh, canonical link and a visible link), and the committed `urls.lock`, the
list of every URL the site has published. The build compares the pages it is about to publish with
the lock: a locked URL that is neither a page nor a redirect fails the build (P503) unless its lock
line says `gone` with a reason; a production build also refuses URLs the lock does not list yet
(P504: run `gongkai urls --update` and commit the lock).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..diagnostics import Diagnostic, error
from ..load.reader import read_file
from ..load.yamlsource import MAX_FILE_BYTES
from ..model import CONTENT_TYPES
from ..pages import Page
from ..pages.links import page_path, page_url, relative
from ..rules.references import Site

LOCK_FILE = "urls.lock"
LOCK_HEADER = ("# 本站已发布的全部网址，由 `gongkai urls --update` 生成，请随内容一起提交。\n"
               "# 网址消失而没有跳转时构建失败。确需撤下的页面，把该行改为：/网址/ gone 撤下原因\n")


@dataclass(frozen=True)
class Redirect:
    old: str  # page path of the old URL, e.g. standards/old-id.md
    new: str  # page path it now lives at
    title: str  # title of the page it now lives at


@dataclass(frozen=True)
class LockEntry:
    url: str  # "/standards/house-2024/"
    line: int
    gone: str = ""  # reason, for a URL deliberately withdrawn


def site_url(path: str) -> str:
    """A page path as written in urls.lock: /policies/x/ (the home page is /)."""
    return "/" + page_url(path)


def duplicate_urls(site: Site, pages: tuple[Page, ...]) -> list[Diagnostic]:
    """Two pages at one URL would silently overwrite each other (e.g. an item whose id is `index`
    takes its section's index page): report each item that claims a URL already taken."""
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.path] = counts.get(page.path, 0) + 1
    diags = []
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            path = page_path(ctype.section, item.id)
            if counts.get(path, 0) > 1:
                pos = site.located[(ctype.key, item.id)].pos("id")
                diags.append(error(pos.path, pos.line, pos.column, "P508",
                                   f"{ctype.label}“{item.id}”的网址 {site_url(path)} 与另一个页面相同，发布时会互相覆盖",
                                   "请换一个标识（id）；index 等词被栏目首页占用。"))
    return diags


def plan_redirects(site: Site, pages: tuple[Page, ...]) -> tuple[tuple[Redirect, ...], list[Diagnostic]]:
    """The redirect for each former id, and every problem with the site's URLs."""
    by_path = {p.path: p for p in pages}
    found: dict[str, Redirect] = {}
    diags: list[Diagnostic] = duplicate_urls(site, pages)
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            for i, old_id in enumerate(getattr(item, "former_ids", ()) or ()):
                pos = site.located[(ctype.key, item.id)].pos("former_ids", i)
                old, new = page_path(ctype.section, old_id), page_path(ctype.section, item.id)
                problem, code = _conflict(old, new, old_id, item.id, by_path, found)
                if problem:
                    diags.append(error(pos.path, pos.line, pos.column, code, problem,
                                      "former_ids 只写本条内容以前用过、现在已不再使用的标识。"))
                    continue
                found[old] = Redirect(old, new, by_path[new].title)
    return tuple(found[k] for k in sorted(found)), diags


def _conflict(old: str, new: str, old_id: str, item_id: str, by_path: dict[str, Page],
              found: dict[str, Redirect]) -> tuple[str, str]:
    if new not in by_path:
        return f"这类内容没有单独的页面，旧标识“{old_id}”无需跳转", "P506"
    if old_id == item_id:
        return f"旧标识“{old_id}”与本条现在的标识相同", "P505"
    if old in by_path:
        return f"旧标识“{old_id}”正被另一条内容使用（{site_url(old)}），不能再跳转", "P505"
    if old in found:
        return f"旧标识“{old_id}”已被另一条内容声明为旧标识（跳转到 {site_url(found[old].new)}）", "P505"
    return "", ""


def published_urls(pages: tuple[Page, ...], redirects: tuple[Redirect, ...]) -> list[str]:
    return sorted({site_url(p.path) for p in pages} | {site_url(r.old) for r in redirects})


def read_lock(root: Path) -> tuple[list[LockEntry] | None, list[Diagnostic]]:
    lock = root / LOCK_FILE
    if not os.path.lexists(lock):
        return None, []
    data, problems = read_file(root.resolve(), str(lock), LOCK_FILE, MAX_FILE_BYTES)  # a regular file of the project
    if data is None:
        return None, problems
    entries, diags = [], []
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        parts = text.split(maxsplit=2)
        if not parts[0].startswith("/") or not parts[0].endswith("/") or (len(parts) > 1 and parts[1] != "gone"):
            diags.append(error(LOCK_FILE, number, 1, "P507", f"urls.lock 第 {number} 行格式不对：{text}",
                               "每行写一个以 / 开头和结尾的网址；撤下的页面写成：/网址/ gone 撤下原因"))
        elif len(parts) == 2:
            diags.append(error(LOCK_FILE, number, 1, "P507", f"撤下的网址 {parts[0]} 没有写明原因",
                               "请写成：/网址/ gone 撤下原因（例如：该标准已废止，见新标准）"))
        else:
            entries.append(LockEntry(parts[0], number, parts[2] if len(parts) == 3 else ""))
    return entries, diags


def check_lock(root: Path, pages: tuple[Page, ...], redirects: tuple[Redirect, ...],
               production: bool = False) -> list[Diagnostic]:
    """Compare what is about to be published with urls.lock: a locked URL that vanished without a
    redirect fails any build (P503); a production build also needs every URL locked (P504)."""
    entries, diags = read_lock(root)
    if entries is None:  # a project opts in by committing urls.lock (`gongkai urls --update`)
        return diags
    current = set(published_urls(pages, redirects))
    for e in entries:
        if not e.gone and e.url not in current:
            old_id = e.url.rstrip("/").rsplit("/", 1)[-1] or "旧标识"
            diags.append(error(
                LOCK_FILE, e.line, 1, "P503", f"已发布的网址 {e.url} 在本次构建中不存在，也没有设置跳转",
                f"如果这条内容只是改了标识（id），请在它的 YAML 中加上 former_ids: [{old_id}]，旧网址会自动跳转；"
                f"如果确实要撤下这个页面，请把 urls.lock 的这一行改为：{e.url} gone 撤下原因"))
    if production:
        for url in sorted(current - {e.url for e in entries}):
            diags.append(error(LOCK_FILE, 0, 0, "P504", f"新网址 {url} 尚未登记到 urls.lock",
                               "请运行 gongkai urls --update，并把 urls.lock 随内容一起提交。"))
    return diags


def lock_text(root: Path, pages: tuple[Page, ...], redirects: tuple[Redirect, ...]) -> str:
    """The updated urls.lock: every URL published now, plus the withdrawn ones with their reasons."""
    entries, _ = read_lock(root)
    current = published_urls(pages, redirects)
    gone = {e.url: e.gone for e in entries or () if e.gone and e.url not in current}
    lines = [f"{url} gone {gone[url]}" if url in gone else url for url in sorted(set(current) | set(gone))]
    return LOCK_HEADER + "\n".join(lines) + "\n"


def redirect_html(site: Site, redirect: Redirect) -> str:
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True, undefined=StrictUndefined)
    return env.get_template("redirect.html.j2").render(
        target=relative(redirect.old, redirect.new), title=redirect.title, site_name=site.config.short_name,
        canonical=site.config.base_url.rstrip("/") + site_url(redirect.new))


def write_redirects(site: Site, pages: tuple[Page, ...], staging: Path) -> list[Diagnostic]:
    """Post-processor: one small HTML page at each old URL (conflicts were reported before the render)."""
    redirects, _ = plan_redirects(site, pages)
    for r in redirects:
        target = staging / page_url(r.old) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never write into a file the render cache may share
        target.write_text(redirect_html(site, r), encoding="utf-8")
    return []
