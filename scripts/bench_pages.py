"""Page-weight benchmark: what a phone on a weak network downloads for a typical page, gongkai's theme side by
side with a default mkdocs-material build of the same Markdown.

    .venv/bin/python scripts/bench_pages.py [--root PROJECT] [--runs 3]

It builds the project (default: the bundled 杜集区 site), then builds the Markdown the emit stage wrote
(<project>/.gongkai-build/docs) a second time with a default mkdocs.yml (theme material, no custom_dir,
the same Markdown extensions). Both are served under /zsgk/ by a small gzip-capable HTTP server (level 6,
like docs/nginx.conf). For the home page, a standard, a procedure and a policy page it loads each page
cold (fresh context, cache disabled) in Chromium with the network throttled through the DevTools protocol
(Network.emulateNetworkConditions: 1.6 Mbit/s down, 150 ms latency) and prints: bytes on the wire (gzip,
headers included), requests, requests to other hosts (blocked, so the figures stay comparable offline;
a real phone would wait for them, see TECH.md §3) and first contentful paint (median of --runs).
Targets for gongkai: at most 60 KB, no other host, FCP at most 1.2 s.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402
from generator.renderer import mkdocs_material  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
COLUMN = "/zsgk/"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
LEAF_SECTIONS = {"standard": "standards", "procedure": "procedures", "policy": "policies"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory under /zsgk/, gzipping text like nginx's `gzip on` (level 6)."""

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        return super().translate_path("/" + path[len(COLUMN):] if path.startswith(COLUMN) else "/__outside__")

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if Path(path).is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        if not path.endswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not Path(path).is_file():
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


def typical_pages(site: Path) -> dict[str, str]:
    pages = {"home": ""}
    for kind, section in LEAF_SECTIONS.items():
        leaves = sorted(p.name for p in (site / section).iterdir() if (p / "index.html").is_file())
        pages[kind] = f"{section}/{leaves[0]}/"
    return pages


def cold_load(browser, url: str) -> tuple[int, int, int, float]:  # type: ignore[no-untyped-def]
    """Bytes, requests, requests to other hosts (blocked) and FCP (ms) for one cold page view."""
    host = urlsplit(url).netloc
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
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
    sizes: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="networkidle")
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime")
    context.close()
    return sum(sizes.values()), len(sizes), len(outside), float(fcp)


def measure(browser, base: str, path: str, runs: int) -> str:  # type: ignore[no-untyped-def]
    loads = [cold_load(browser, base + path) for _ in range(runs)]
    size, requests, outside, _ = loads[-1]
    fcp = statistics.median(load[3] for load in loads)
    return f"{size / 1024:6.1f} KB {requests:3d} req {outside:2d} other {fcp:6.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description="page weight: gongkai vs default mkdocs-material")
    parser.add_argument("--root", type=Path, default=REPO, help="site project (default: the bundled one)")
    parser.add_argument("--runs", type=int, default=3, help="cold loads per page (FCP is the median)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_gongkai(args.root.resolve(), work / "gongkai")
        build_default(args.root.resolve(), work / "default", work)
        ours, default = serve(work / "gongkai"), serve(work / "default")
        print("cold page view, 390x844, 1.6 Mbit/s down, 150 ms latency, gzip; bytes include headers")
        print(f"{'page':10} {'gongkai':>36}   {'default mkdocs-material':>36}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for kind, path in typical_pages(work / "gongkai").items():
                print(f"{kind:10} {measure(browser, ours, path, args.runs):>36}   "
                      f"{measure(browser, default, path, args.runs):>36}   /{path}", flush=True)
            browser.close()


if __name__ == "__main__":
    main()
