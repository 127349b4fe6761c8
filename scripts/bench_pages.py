"""Page budget for every page type: what a phone on a weak network downloads for the heaviest page of each
type, and when it first paints, gongkai's theme side by side with a default mkdocs-material build.

    .venv/bin/python scripts/bench_pages.py [--root PROJECT] [--runs 3] [--only TYPE ...] [--no-peer]

It builds a copy of the project (default: the bundled 杜集区 site; see project_copy), then builds the Markdown the emit stage wrote
(<project>/.gongkai-build/docs) a second time with a default mkdocs.yml (theme material, no custom_dir,
the same Markdown extensions): the peer, measured in the same run so that machine load hits both alike.
Both are served under /zsgk/ by a small gzip-capable HTTP server (level 6, like docs/nginx.conf).

The page types come from the built site (scripts/page_weight.py): the home page, every section's index,
a page of every section (the heaviest, by the bytes it loads), the two household estimators, an earlier
version of a standard when the site has one, and the 404 page; plus the search page with a first query
(`search/?q=…`, its own target: 150 KB, scripts/bench_search.py). Each is loaded cold --runs times
(fresh context, cache disabled) in Chromium at 390×844 with a WeChat user agent and the network
throttled through the DevTools protocol (Network.emulateNetworkConditions: 1.6 Mbit/s down, 150 ms
latency). Printed per type: the bytes scripts/page_weight.py computes from the files (what
tests/test_page_weight.py asserts), the bytes on the wire (gzip, headers included) before the first
paint and in all, requests, requests to other hosts (blocked, so the figures stay comparable offline;
a real phone would wait for them, see TECH.md §3) and first contentful paint (median, min–max).

Budget for gongkai: at most 60 KB, no other host, FCP at most 1.2 s. Exit status 1 when a page type is
over it (`OVER` in the last column). Emulated throttling does not slow the CPU: on a loaded machine
first paint is later for both sides, so compare with the peer of the same run and note the load average
printed at the start and the end.
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import gzip
import http.server
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402
from generator.renderer import mkdocs_material  # noqa: E402
from scripts import page_weight  # noqa: E402
from scripts.bench_search import RangeHandler  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
PHONE = {"width": 390, "height": 844}
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
             "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin "
             "NetType/4G Language/zh_CN ABI/arm64")
COLUMN = "/zsgk/"
COMPRESSED = page_weight.COMPRESSED
BUDGET_BYTES = page_weight.BUDGET
BUDGET_FCP_MS = 1200.0
FIRST_QUERY = ("search/ + first query", "search/?q=%E8%BF%87%E6%B8%A1%E8%B4%B9", 150 * 1024)  # 过渡费


class GzipHandler(RangeHandler):
    """Serves a directory under /zsgk/, gzipping text like nginx's `gzip on` (level 6) and answering the
    byte ranges the search page asks for in files it does not compress."""

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        return super().translate_path("/" + path[len(COLUMN):] if path.startswith(COLUMN) else "/__outside__")

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if self.headers.get("Range"):
            return super().send_head()
        if Path(path).is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        if not path.endswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not Path(path).is_file() or Path(path).stat().st_size < page_weight.GZIP_MIN_LENGTH:
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> str:
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}{COLUMN}"


def project_copy(root: Path, dest: Path, add_version: bool) -> Path:
    """A copy of the project to build (the source tree stays clean). With add_version and no standard that
    records an earlier version, the largest standard gets one (its first rate 10 % lower until the day it
    took effect), so the page type "an earlier version of a standard" (standards/<id>/<date>/) exists."""
    dest.mkdir(parents=True)
    shutil.copy2(root / "site_config.yml", dest / "site_config.yml")
    for folder in ("content", "overrides"):
        if (root / folder).is_dir():
            shutil.copytree(root / folder, dest / folder)
    standards = sorted((dest / "content" / "compensation_standards").glob("*.yml"), key=lambda p: -p.stat().st_size)
    if not add_version or not standards or any("\nversions:" in p.read_text(encoding="utf-8") for p in standards):
        return dest
    text = standards[0].read_text(encoding="utf-8")
    since = re.search(r"^effective_from: (\d{4})-(\d\d-\d\d)$", text, re.M)
    rate = re.search(r"^  - id: (\S+)\n(?:    .*\n)*?    amount: ([0-9.]+)$", text, re.M)
    if since and rate and "\nchanges:" not in text:
        older = (Decimal(rate.group(2)) * Decimal("0.9")).quantize(Decimal("0.01"))
        text += (f"changes: 示例：{rate.group(1)} 单价上调。\nversions:\n  - effective_from: {int(since.group(1)) - 1}-"
                 f"{since.group(2)}\n    changes: 首次发布。\n    amounts: {{{rate.group(1)}: \"{older}\"}}\n")
        standards[0].write_text(text, encoding="utf-8")
        print(f"(an earlier version added to {standards[0].name} in the measured copy)")
    return dest


def build_gongkai(root: Path, out: Path) -> None:
    result = pipeline.build(root, out)
    if not result.published:
        sys.exit("\n".join(d.format() for d in result.diagnostics))


def build_default(root: Path, out: Path, work: Path) -> None:
    """The same Markdown through a default Material theme (fonts, search plugin, palette, JavaScript)."""
    site = yaml.safe_load((root / "site_config.yml").read_text(encoding="utf-8"))
    config = {"site_name": site["short_name"], "site_url": site["base_url"],
              "docs_dir": str((root / pipeline.WORK_DIR / "docs").resolve()), "site_dir": str(out),
              "theme": {"name": "material", "language": "zh"}}
    config_file = work / "mkdocs.yml"
    # The same Markdown extensions and heading ids as gongkai's generated config; nothing of its theme.
    extensions = ["attr_list", "md_in_html", "tables", "admonition", "def_list"]
    mkdocs_material.write_config({**config, "markdown_extensions": extensions}, config_file)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)], check=True,
                   env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@dataclass(frozen=True)
class View:
    """One cold page view: bytes on the wire before the first paint and in all, requests, other hosts, FCP."""
    early: int
    total: int
    requests: int
    outside: int
    fcp: float


def cold_load(browser, url: str) -> View:  # type: ignore[no-untyped-def]
    host = urlsplit(url).netloc
    context = browser.new_context(viewport=PHONE, locale="zh-CN", user_agent=WECHAT_UA)
    outside: list[str] = []

    def block(route):  # type: ignore[no-untyped-def]
        outside.append(route.request.url)
        route.abort()

    context.route(lambda u: urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != host, block)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", THROTTLE)
    started: dict[str, float] = {}
    done: dict[str, tuple[float, int]] = {}
    cdp.on("Network.requestWillBeSent", lambda e: started.setdefault(e["requestId"], e["timestamp"])
           if e["request"]["url"].startswith("http") else None)
    cdp.on("Network.loadingFinished",
           lambda e: done.__setitem__(e["requestId"], (e["timestamp"], int(e["encodedDataLength"]))))
    page.goto(url, wait_until="networkidle")
    fcp = float(page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"))
    context.close()
    loads = {k: v for k, v in done.items() if k in started}
    paint_at = min(started.values()) + fcp / 1000
    early = sum(size for at, size in loads.values() if at <= paint_at)
    return View(early, sum(size for _, size in loads.values()), len(loads), len(outside), fcp)


@dataclass(frozen=True)
class Figures:
    views: tuple[View, ...]

    @property
    def fcp(self) -> float:
        return float(statistics.median(v.fcp for v in self.views))

    @property
    def last(self) -> View:
        return self.views[-1]

    def text(self) -> str:
        fcps = [v.fcp for v in self.views]
        v = self.last
        return (f"{kb(v.early):>6} {kb(v.total):>6} {v.requests:3d} {v.outside:2d} "
                f"{self.fcp:5.0f} ({min(fcps):4.0f}–{max(fcps):4.0f})")


def pad(text: str, width: int) -> str:
    """text left-aligned in width columns of a terminal (a Han character takes two)."""
    return text + " " * max(0, width - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text))


def kb(n: float) -> str:
    return f"{n / 1024:.1f}"


def measure(browser, base: str, path: str, runs: int) -> Figures:  # type: ignore[no-untyped-def]
    return Figures(tuple(cold_load(browser, base + path) for _ in range(runs)))


def page_types(site: Path, only: list[str]) -> list[tuple[str, str, int, int]]:
    """(type, URL path, bytes computed from the files, byte budget) for every page type of the site."""
    rows = [(kind, w.page, w.total, BUDGET_BYTES) for kind, w in page_weight.heaviest_by_type(site).items()]
    search = page_weight.heaviest_by_type(site).get("search/")
    if search:
        rows.append((FIRST_QUERY[0], FIRST_QUERY[1], search.total, FIRST_QUERY[2]))
    return [row for row in rows if not only or any(fnmatch.fnmatch(row[0], pattern) for pattern in only)]


def verdict(ours: Figures, budget: int) -> str:
    problems = [name for name, bad in (("bytes", ours.last.total > budget), ("FCP", ours.fcp > BUDGET_FCP_MS),
                                       ("other host", ours.last.outside > 0)) if bad]
    return "OVER " + ", ".join(problems) if problems else "ok"


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} cores)"


HEAD = (f"{'page type':38} {'files':>6} | {'gongkai: paint  all req ot   FCP (min–max)':44} | "
        f"{'default Material: paint  all req ot   FCP (min–max)':52} | verdict   page")


def run(site: Path, peer: Path | None, runs: int, only: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    ours_base, peer_base = serve(site), (serve(peer) if peer else "")
    over = 0
    print(f"{load_average()} at the start; {runs} cold loads per page, FCP median in ms")
    print("390x844, WeChat UA, 1.6 Mbit/s down, 150 ms latency, gzip; KB = 1024 bytes, on the wire incl. headers;")
    print("files = page_weight's figure from the built files (tests/test_page_weight.py); paint = before FCP")
    print(HEAD)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for kind, path, static, budget in page_types(site, only):
            ours = measure(browser, ours_base, path, runs)
            theirs = measure(browser, peer_base, path, runs).text() if peer else "not measured"
            mark = verdict(ours, budget)
            over += mark != "ok"
            print(f"{pad(kind, 38)} {kb(static):>6} | {ours.text():44} | {theirs:52} | {mark:9} /{path}", flush=True)
        browser.close()
    print(f"{load_average()} at the end; budget {kb(BUDGET_BYTES)} KB (first query {kb(FIRST_QUERY[2])} KB), "
          f"FCP {BUDGET_FCP_MS:.0f} ms: {over} page type(s) over")
    return 1 if over else 0


def main() -> None:
    parser = argparse.ArgumentParser(description="page budget of every page type: gongkai vs default mkdocs-material")
    parser.add_argument("--root", type=Path, default=REPO, help="site project (default: the bundled one)")
    parser.add_argument("--runs", type=int, default=3, help="cold loads per page (FCP is the median)")
    parser.add_argument("--only", nargs="*", default=[], help="page types to measure (shell patterns, e.g. 'faq*')")
    parser.add_argument("--no-peer", action="store_true", help="skip the default mkdocs-material build")
    parser.add_argument("--as-is", action="store_true", help="do not add an earlier version of a standard")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        project = project_copy(args.root.resolve(), work / "project", not args.as_is)
        build_gongkai(project, work / "gongkai")
        if not args.no_peer:
            build_default(project, work / "default", work)
        sys.exit(run(work / "gongkai", None if args.no_peer else work / "default", args.runs, args.only))


if __name__ == "__main__":
    main()
