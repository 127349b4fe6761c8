"""Search benchmark: index size and bytes a phone downloads, for the bundled site and a 3,000-page one.

    .venv/bin/python scripts/bench_search.py [--pages 3000] [--skip-bundled] [--skip-synthetic]

For each site it builds the project, then in Chromium (WeChat Android user agent, phone viewport,
byte counts from the DevTools protocol, nothing cached at the start) it measures:
  - index size on disk (bytes and files under search/data/);
  (the server answers range requests like nginx does; `--no-ranges` measures a server that ignores them);
  - a page view without search: all bytes, and search bytes (must be 0);
  - the first query, typed into the header box of a content page: all bytes (search page, its
    script and the index files), and the index files alone;
  - later queries on the search page (different words each time): bytes per query; and the same for
    residents' everyday questions (QUESTIONS, bundled site);
  - query latency in the page (submit to results shown), on loopback and on a throttled
    "weak network" (1.6 Mbit/s down, 150 ms round trip);
  - top-3 recall over the queries with a known answer (the golden set for the bundled site, unique
    village names for the synthetic one).
The synthetic site is the bundled project plus generated policy interpretations and questions, each
with a unique village name, so a search for that name has exactly one right answer.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402

WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
             "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin "
             "NetType/4G Language/zh_CN ABI/arm64")
WEAK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
GOLDEN = REPO / "tests" / "search_golden.yml"
TERMS = ["过渡费", "评估", "听证", "搬迁费", "国务院令第590号", "第十九条", "补偿协议", "临时安置费", "宅基地",
         "行政复议", "社会稳定风险评估", "被拆迁人"]
# Residents' everyday questions (issue 11): synonyms and question words make more keys per query; same budget.
QUESTIONS = ["拆迁款能拿多少钱", "我家房子怎么赔", "拆了以后住哪里", "不同意补偿怎么办", "有事找谁", "东湖村的项目到哪一步了",
             "２０２５年的审计", "钱什么时候到", "俺家老房子要拆了能补几个钱", "过度费一个月给多少"]

# ---- a synthetic project ------------------------------------------------------------------------

SYLLABLES = "枫林坳桃李岗柳溪塘杏花湾松柏坡梅竹园荷叶冲桂香岭石榴庄青山湖白杨洼槐树堡芦苇滩"
TOPICS = ["临时安置费", "搬迁费", "房屋评估", "区片综合地价", "青苗补偿", "地上附着物补偿", "安置房分配",
          "产权调换", "货币补偿", "社会保障费用", "补偿登记", "听证", "征收补偿方案", "入户调查"]
SENTENCES = [
    "{village}位于{town}，本次征收涉及集体土地{n}亩、住宅{m}户，调查结果已经逐户签字确认。",
    "{topic}按照杜集区公布的标准执行，具体金额写在补偿协议里，群众可以到{town}便民服务中心查阅。",
    "征收部门在{village}召开政策宣讲会，逐户发放告知书，现场解答群众提出的{topic}问题。",
    "对{topic}有异议的，可以在公告期内向区征收中心书面提出，也可以申请行政复议或者提起行政诉讼。",
    "被征收人选择房屋产权调换的，在产权调换房屋交付前，由征收部门支付临时安置费或者提供周转用房。",
    "房地产价格评估机构由被征收人协商选定；协商不成的，通过多数决定、随机选定等方式确定。",
    "{village}的分户补偿结果在村务公开栏和本专栏同步公布，公布期间可以查阅和提出异议。",
    "征地补偿安置方案公告时间不少于三十日，多数被征地的农村集体经济组织成员认为不符合规定的，应当组织听证。",
    "补偿款应当足额到位、专户存储、专款专用，{village}共计{n}户已经领取{topic}。",
    "住房困难家庭经审核符合条件的，优先给予住房保障，保障情况在{town}公示。",
]


def _village(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.sample(SYLLABLES, 3)) + "村"
        if name not in used:
            used.add(name)
            return name


def _paragraph(rng: random.Random, village: str, town: str, count: int) -> str:
    return "".join(rng.choice(SENTENCES).format(village=village, town=town, topic=rng.choice(TOPICS),
                                                n=rng.randint(3, 90), m=rng.randint(10, 400))
                   for _ in range(count))


def synthetic_project(dest: Path, pages: int, seed: int = 7) -> tuple[Path, list[tuple[str, str]]]:
    """The bundled project plus generated pages; returns the project and (village, page URL) pairs."""
    dest.mkdir(parents=True)
    shutil.copy2(REPO / "site_config.yml", dest / "site_config.yml")
    shutil.copytree(REPO / "content", dest / "content")
    towns = [a["name"] for a in yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))["areas"]]
    rng, used, truth = random.Random(seed), set(), []
    existing = sum(1 for _ in (dest / "content").rglob("*.yml"))
    docs = sorted(p.stem for p in (dest / "content/policy_documents").glob("*.yml"))
    for i in range(max(0, pages - existing - 40)):
        village, town = _village(rng, used), rng.choice(towns)
        if i % 3:
            item = {"id": f"syn-{i}", "title": f"{village}{rng.choice(TOPICS)}政策解读", "document": rng.choice(docs),
                    "kind": "文字解读", "interpreter": "杜集区征收中心", "summary": _paragraph(rng, village, town, 1),
                    "sections": [{"heading": h, "body": _paragraph(rng, village, town, 6)}
                                 for h in ("背景依据", "主要内容", "注意事项")], "updated": "2026-11-01"}
            folder, url = "interpretations", f"interpretations/syn-{i}/"
        else:
            item = {"id": f"syn-{i}", "question": f"{village}的{rng.choice(TOPICS)}怎么算？",
                    "answer": _paragraph(rng, village, town, 10), "topic": "补偿标准", "updated": "2026-11-01"}
            folder, url = "faq", f"faq/syn-{i}/"
        (dest / "content" / folder / f"syn-{i}.yml").write_text(
            yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8")
        truth.append((village, url))
    return dest, truth


# ---- measuring ----------------------------------------------------------------------------------

class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A quiet static server that answers `Range: bytes=a-b` with 206 like nginx does for files it does
    not compress (`ranges = False`: ignores them, like a server without range support)."""

    ranges = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        found = re.fullmatch(r"bytes=(\d+)-(\d+)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not (self.ranges and found and path.is_file()):
            return super().send_head()
        data = path.read_bytes()
        start, end = int(found.group(1)), min(int(found.group(2)), len(data) - 1)
        if start > end:
            self.send_error(416)
            return None
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return io.BytesIO(data[start: end + 1])


def serve(directory: Path, ranges: bool = True) -> str:
    handler = type("Handler", (RangeHandler,), {"ranges": ranges})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class Meter:
    """Bytes received per request, from the DevTools protocol (what went over the wire)."""

    def __init__(self, cdp: object, key_files: set[str]) -> None:
        self.key_files = key_files
        self.urls: dict[str, str] = {}
        self.got: list[tuple[str, int]] = []
        cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished",
               lambda e: self.got.append((self.urls.get(e["requestId"], "?"), int(e["encodedDataLength"]))))

    def take(self) -> tuple[int, int, int]:
        """(all bytes, search index bytes, of which key records) since the last call."""
        got, self.got = self.got, []
        return (sum(n for _, n in got), sum(n for u, n in got if "/search/data/" in u),
                sum(n for u, n in got if "/search/data/" in u and u.rsplit("/", 1)[-1] in self.key_files))


def index_size(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "search" / "data").rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def wait_done(page: object) -> None:
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'", timeout=60_000)


def measure(site: Path, content_page: str, later: list[str],
            known: list[tuple[str, list[str]]], ranges: bool = True) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    base = serve(site, ranges)
    key_files = {f for f, _ in json.loads((site / "search/data/meta.json").read_text(encoding="utf-8"))["keys"]["files"]}
    out: dict[str, object] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-quic"])
        for weak in (False, True):
            ctx = browser.new_context(user_agent=WECHAT_UA, viewport={"width": 390, "height": 844}, is_mobile=True)
            page = ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Network.enable")
            if weak:
                cdp.send("Network.emulateNetworkConditions", WEAK)
            meter = Meter(cdp, key_files)
            page.goto(base + content_page, wait_until="networkidle")
            view = meter.take()
            page.fill("#gk-searchbar-q", "过渡费")
            started = time.perf_counter()
            page.press("#gk-searchbar-q", "Enter")
            page.wait_for_url("**/search/?q=*")
            wait_done(page)
            first_ms = (time.perf_counter() - started) * 1000
            page.wait_for_load_state("networkidle")
            first = meter.take()
            later_bytes, later_ms = [], []
            for q in later:
                page.evaluate("q => window.gkSearch(q)", q)
                wait_done(page)
                later_ms.append(page.evaluate("window.gkSearchMs"))
                page.wait_for_load_state("networkidle")
                later_bytes.append(meter.take())
            tag = "weak" if weak else "loopback"
            out[f"first_ms_{tag}"], out[f"later_ms_{tag}"] = first_ms, later_ms
            if not weak:
                out.update(view=view, first=first, later=later_bytes)
                out["recall"] = _recall(page, known)
            ctx.close()
        browser.close()
    return out


def _recall(page: object, known: list[tuple[str, list[str]]]) -> tuple[int, int]:
    hits = 0
    for q, urls in known:
        page.evaluate("q => window.gkSearch(q)", q)
        wait_done(page)
        hrefs = page.eval_on_selector_all(".gk-search-result a", "els => els.slice(0, 3).map(e => e.getAttribute('href'))")
        hits += any(h.endswith(u) for h in hrefs for u in urls)
    return hits, len(known)


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def report(name: str, pages: int, build_s: float, site: Path, m: dict[str, object], later_queries: list[str],
           verbose: bool) -> None:
    size, files = index_size(site)
    asked = [b[0] for q, b in zip(later_queries, m["later"], strict=True) if q in QUESTIONS]
    later = [b[0] for q, b in zip(later_queries, m["later"], strict=True) if q not in QUESTIONS]
    print(f"\n== {name}: {pages} pages, build {build_s:.1f} s")
    print(f"index on disk               {kib(size)} in {files} files")
    print(f"page view without search    {kib(m['view'][0])} total, search data {m['view'][1]} B   (target 0 B)")
    print(f"first query (from header)   {kib(m['first'][0])} total incl. search page + script; "
          f"index files {kib(m['first'][1])}   (target <= 150 KB)")
    print(f"later queries               median {kib(statistics.median(later))}, max {kib(max(later))} "
          f"over {len(later)} queries   (target <= 15 KB)")
    if asked:
        print(f"everyday questions          median {kib(statistics.median(asked))}, max {kib(max(asked))} "
              f"over {len(asked)} questions   (target <= 15 KB)")
    for tag in ("loopback", "weak"):
        ms = m[f"later_ms_{tag}"]
        print(f"latency ({tag:8})         first query {m[f'first_ms_{tag}']:,.0f} ms (page load included); "
              f"later median {statistics.median(ms):,.0f} ms, max {max(ms):,.0f} ms")
    if verbose:
        for q, b in zip(later_queries, m["later"], strict=True):
            print(f"    {q:12} {b[0]:>7} B (key records {b[2]} B, heads and snippets {b[1] - b[2]} B)")
    print(f"top-3 recall (known pages)  {m['recall'][0]}/{m['recall'][1]}")


def run_site(name: str, project: Path, known: list[tuple[str, list[str]]], later: list[str], verbose: bool,
             ranges: bool = True) -> None:
    started = time.perf_counter()
    result = pipeline.build(project, project / "site")
    build_s = time.perf_counter() - started
    if not result.published:
        for d in result.diagnostics:
            print(d.format(), file=sys.stderr)
        raise SystemExit(f"{name}: build failed")
    m = measure(project / "site", "faq/how-long-transition-fee/", later, known, ranges)
    report(name, result.page_count, build_s, project / "site", m, later, verbose)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--pages", type=int, default=3000)
    args.add_argument("--skip-bundled", action="store_true")
    args.add_argument("--skip-synthetic", action="store_true")
    args.add_argument("--verbose", action="store_true", help="bytes of each later query")
    args.add_argument("--no-ranges", action="store_true",
                      help="serve like a server without range support (each data file is sent whole)")
    args.add_argument("--workdir", help="build here and keep the sites (default: a temporary folder)")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = opts.workdir or scratch
        if not opts.skip_bundled:
            project = Path(tmp) / "bundled"
            shutil.rmtree(project, ignore_errors=True)
            project.mkdir(parents=True)
            shutil.copy2(REPO / "site_config.yml", project / "site_config.yml")
            shutil.copytree(REPO / "content", project / "content")
            golden = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
            known = [(g["q"], g["expect"]) for g in golden if "expect" in g and not g.get("type") and not g.get("area")
                     and not g.get("site")]  # known misses included: the recall is what residents get
            run_site("bundled 杜集区 site", project, known, TERMS + QUESTIONS, opts.verbose, not opts.no_ranges)
        if not opts.skip_synthetic:
            shutil.rmtree(Path(tmp) / "synthetic", ignore_errors=True)
            project, truth = synthetic_project(Path(tmp) / "synthetic", opts.pages)
            rng = random.Random(3)
            villages = [(v, [u]) for v, u in rng.sample(truth, 30)]
            later = TERMS + [v for v, _ in villages[:8]]
            run_site(f"synthetic site ({opts.pages} pages requested)", project, villages, later, opts.verbose,
                     not opts.no_ranges)


if __name__ == "__main__":
    main()
