"""一图读懂 posters: their sizes and what they cost a build. Writes every poster of a project into a scratch
staging folder with an empty cache (cold), again with the cache (warm), and after one poster's content
changed; prints wall and CPU seconds (CPU includes the fan-out workers) and the PNG/SVG sizes.

Usage: python scripts/bench_posters.py [--project DIR] [--pages N]   (default: the bundled project;
--pages N generates a synthetic project of about N pages with `gongkai synth`)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402
from generator.pages import derive_pages  # noqa: E402
from generator.post.poster.write import write_posters  # noqa: E402


def cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(label: str, site: object, pages: tuple, staging: Path, cache: Path) -> None:
    staging.mkdir(parents=True)
    w, c = time.perf_counter(), cpu()
    write_posters(site, pages, staging, cache=cache)  # type: ignore[arg-type]
    print(f"{label:<28} wall {time.perf_counter() - w:6.2f} s   CPU {cpu() - c:6.2f} s")


def sizes(staging: Path) -> None:
    for name in ("poster.png", "poster.svg", "poster-a4.svg"):
        found = sorted(p.stat().st_size for p in staging.rglob(name))
        print(f"{name:<14} {len(found):4d} files   min {found[0] / 1024:6.1f} KiB   median "
              f"{statistics.median(found) / 1024:6.1f} KiB   max {found[-1] / 1024:6.1f} KiB")
    fonts = list((staging / "assets" / "fonts").glob("*.woff"))
    print(f"font (WOFF, all posters' characters): {fonts[0].stat().st_size / 1024:.1f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--pages", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = args.project
        if args.pages:
            project = Path(tmp) / "synth"
            subprocess.run([sys.executable, "-m", "generator.commands.cli", "synth", "--pages", str(args.pages),
                            "--out", str(project)], check=True, cwd=REPO)
        site, _ = pipeline.analyse(project)
        assert site is not None
        pages = derive_pages(site)
        cache = Path(tmp) / "cache"
        print(f"{sum(1 for p in pages if p.share_image)} posters, {len(pages)} pages")
        timed("cold (empty cache)", site, pages, Path(tmp) / "s1", cache)
        timed("warm (nothing changed)", site, pages, Path(tmp) / "s2", cache)
        first = next(i for i, p in enumerate(pages) if p.share_image)
        changed = list(pages)
        changed[first] = replace(pages[first], updated=pages[first].updated.replace(year=2099))
        timed("one poster changed", site, tuple(changed), Path(tmp) / "s3", cache)
        sizes(Path(tmp) / "s1")


if __name__ == "__main__":
    main()
