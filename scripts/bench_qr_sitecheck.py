"""Benchmark of the QR codes every page draws inline (`qr.qr_svg`, called by the theme while rendering)
and of the site check (`sitecheck.check_site`: cold cache, warm cache, one page changed).

    .venv/bin/python scripts/bench_qr_sitecheck.py --project /tmp/x/p3k --site /tmp/x/site [--repeat 3]

`--project` is a project (e.g. from `gongkai synth`), `--site` the site `gongkai build` made of it. The
site is only read: the changed page is a scratch copy of the site. Prints wall and CPU time (this process and its fan-out workers) of each run; other work on the
machine inflates wall times, so the load average is printed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402
from generator.pages import derive_pages  # noqa: E402
from generator.post import sitecheck  # noqa: E402
from generator.renderer import qr  # noqa: E402


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(name: str, fn: Callable[[], object]) -> object:
    wall, cpu = time.perf_counter(), _cpu()
    result = fn()
    print(f"  {name:<34} {time.perf_counter() - wall:6.2f} s wall {_cpu() - cpu:6.2f} s CPU", flush=True)
    return result


def bench_qr(project: Path) -> None:
    site, _ = pipeline.analyse(project)
    assert site is not None
    urls = [qr.canonical_url(site.config.base_url, page) for page in derive_pages(site)]
    timed(f"QR codes drawn ({len(urls)} pages)", lambda: [qr.qr_svg(url) for url in urls])


def bench_sitecheck(built: Path, scratch: Path) -> None:
    cache = scratch / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = timed("check_site cold", lambda: sitecheck.check_site(built, cache))
    timed("check_site warm", lambda: sitecheck.check_site(built, cache))
    copy = scratch / "site"
    shutil.copytree(built, copy, copy_function=os.link)  # only the changed page is a new file
    page = next(p for p in sorted(copy.rglob("index.html")) if p.parent.parent.name == "faq")
    html = page.read_text(encoding="utf-8").replace("</article>", "<p>changed</p></article>", 1)
    page.unlink()
    page.write_text(html, encoding="utf-8")
    changed = timed("check_site warm, one page changed", lambda: sitecheck.check_site(copy, cache))
    assert changed == cold, "the same diagnostics, cold or warm"


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--project", type=Path, required=True)
    args.add_argument("--site", type=Path, required=True)
    args.add_argument("--repeat", type=int, default=1)
    opts = args.parse_args()
    for _ in range(opts.repeat):
        with tempfile.TemporaryDirectory(prefix="gk-bench-post-", dir=opts.site.parent) as tmp:
            bench_qr(opts.project)
            bench_sitecheck(opts.site, Path(tmp) / "check")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
