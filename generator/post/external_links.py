"""Dead external links (reliability matrix row 24): `gongkai links`, a nightly job, never part of a build.

A link to another website (a law on npc.gov.cn, a notice on the city's portal) can die at any time
without any edit here, so a build never fetches anything (nothing at build time touches the network)
and an urgent publication is never blocked by someone else's server. Instead a scheduled CI job runs
this check and reports each dead link as a B608 warning at the YAML line where the editor wrote it.

Links are found in the content's own text (every `http(s)://` address outside YAML comments), so the
report points at the file to edit, not at a generated page. Each distinct address is fetched once,
HEAD first and GET when a server refuses HEAD, with a timeout, several at a time.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, printable, warning
from ..load.content import read_sources

URL = re.compile(r"https?://[^\s<>()（）\[\]{}\"'“”‘’，。；、！？：]+")
TRAILING = ".,;:!?"
USER_AGENT = "gongkai-link-check (+https://github.com/) Mozilla/5.0"
MAX_REDIRECTS = 10


@dataclass(frozen=True)
class Link:
    path: str
    line: int
    column: int
    url: str


_BASE_URL = re.compile(rb"^base_url:[ \t]*['\"]?(https?://[^'\"\s#]+)", re.MULTILINE)


def own_site(root: Path) -> str:
    """The site's own address from site_config.yml (links to the site itself are the build's business)."""
    sources, _ = read_sources(root)
    for source in sources:
        if source.type_key == "site_config" and (m := _BASE_URL.search(source.data)):
            return m.group(1).decode("utf-8", errors="replace")
    return ""


def links_in(root: Path, own_site: str = "") -> tuple[list[Link], list[Diagnostic]]:
    """Every external address written in the project's content and settings, in file and line order.
    Files are read by the load stage's reader (regular files inside the project only)."""
    sources, diags = read_sources(root)
    found: list[Link] = []
    for source in sources:
        text = source.data.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue  # editors' notes are never published
            for m in URL.finditer(line):
                url = m.group(0).rstrip(TRAILING)
                if own_site and url.startswith(own_site):
                    continue
                found.append(Link(source.path, number, m.start() + 1, url))
    return found, diags


Fetch = Callable[[str, float], str | None]


def fetch(url: str, timeout: float) -> str | None:
    """None when the address answers; else why not, in Chinese."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
                response.read(1024 if method == "GET" else 0)
                return None
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (400, 403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
            return f"服务器答复 {exc.code}（{'页面不存在' if exc.code in (404, 410) else '无法打开'}）"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                return f"{timeout:g} 秒内没有答复"
            return f"连不上（{printable(str(reason))[:80]}）"
    return "无法打开"


def check(root: Path, timeout: float = 10.0, jobs: int = 8, opener: Fetch = fetch) -> list[Diagnostic]:
    """B608 for every place that writes an address that does not answer; reading problems as found."""
    links, diags = links_in(root, own_site(root))
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(urls) or 1))) as pool:
        answers = dict(zip(urls, pool.map(lambda u: opener(u, timeout), urls), strict=True))
    for link in links:
        why = answers[link.url]
        if why is not None:
            diags.append(warning(link.path, link.line, link.column, "B608",
                                 f"外部链接打不开：{printable(link.url)}，{why}",
                                 "请到对方网站找到新的地址替换；找不到时删去链接并写明文件名称和文号。"))
    return diags
