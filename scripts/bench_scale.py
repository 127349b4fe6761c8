"""Scale benchmark: gongkai against a default mkdocs-material build of the same Markdown.

    .venv/bin/python scripts/bench_scale.py [--sizes 100 1000 3000 10000] [--baseline-max 3000]
                                                  [--workdir /tmp/gk-bench-scale] [--jobs N]

For each size it writes a synthetic project (generator/synthetic/synthetic.py), then measures, each build in
a fresh process with nothing left from an earlier build:
  - gongkai: `gongkai build` (full build: load, validate, derive, render, post-process, check, publish);
  - incremental: one YAML file edited (a question's answer), `gongkai build` again, and how many
    pages the renderer wrote again;
  - baseline: `mkdocs build` of the Markdown gongkai emitted, with a default mkdocs-material config
    (navigation = every page, the default search plugin, the same Markdown extensions);
and prints wall time, CPU time (user + sys of the whole process tree), peak memory (sum of the RSS
of the process tree, sampled every 50 ms), output size, median page size and search index size,
side by side with the ratio, then a least-squares linear fit of cost against pages, and the cost of
each pipeline stage for one size (--stages). Other work on the machine inflates wall times: the load
average is printed with the results.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.synthetic.synthetic import write_project  # noqa: E402

MB = 1024 * 1024


@dataclass
class Measure:
    wall: float
    cpu: float
    peak: int  # bytes
    code: int


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
        todo.extend(children.get(pid, ()))
    return total


def measure(cmd: list[str], cwd: Path) -> Measure:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode:
        print(err.decode("utf-8", "replace")[-3000:], file=sys.stderr)
    return Measure(wall, cpu, peak[0], proc.returncode)


@dataclass
class Output:
    total: int
    pages: int
    median_page: float
    search: int


def output_stats(site: Path, search_rel: str) -> Output:
    total, pages = 0, []
    for folder, _, files in os.walk(site):
        for name in files:
            size = (Path(folder) / name).stat().st_size
            total += size
            if name == "index.html":
                pages.append(size)
    search = site / search_rel
    if search.is_dir():
        search_bytes = sum(p.stat().st_size for p in search.rglob("*") if p.is_file())
    else:
        search_bytes = search.stat().st_size if search.exists() else 0
    return Output(total, len(pages), statistics.median(pages) if pages else 0, search_bytes)


def fresh(*paths: Path) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def gongkai_build(project: Path, out: Path, jobs: int | None) -> Measure:
    cmd = [sys.executable, "-m", "generator.commands.cli", "build", "--root", str(project), "--out", str(out)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return measure(cmd, REPO)


def edit_one_file(project: Path) -> Path:
    path = sorted((project / "content" / "faq").glob("*.yml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["answer"] += "\n\n补充说明：本条回答已按最新的补偿方案更新。"
    path.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                              sort_keys=False, width=1000), encoding="utf-8")
    return path


def rendered_again(cache_site: Path, before: dict[str, int]) -> int:
    return sum(1 for p in cache_site.rglob("index.html")
               if before.get(str(p)) != p.stat().st_mtime_ns)


def baseline_config(project: Path, folder: Path) -> Path:
    """A default mkdocs-material config over the Markdown gongkai emitted (same extensions)."""
    generated = (project / ".gongkai-build" / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = generated[generated.index("markdown_extensions:"):]
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: 征收信息公开\ndocs_dir: {project / '.gongkai-build' / 'docs'}\nsite_dir: {folder / 'site'}\n"
        "theme:\n  name: material\n  language: zh\n" + extensions, encoding="utf-8")
    return config


def baseline_build(config: Path) -> Measure:
    fresh(config.parent / "site")
    return measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], REPO)


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def stage_costs(project: Path, out: Path) -> list[tuple[str, float, float]]:
    """(stage, wall s, CPU s) of a full in-process build, then ("rebuild: " + stage, ...) of a rebuild
    after editing one file: where the time goes."""
    from generator import pipeline

    costs: list[tuple[str, float, float]] = []

    def timed(name: str, fn):  # type: ignore[no-untyped-def]
        @functools.wraps(fn)  # the pipeline recognises its caching post-processors through the wrapper
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            wall, cpu = time.perf_counter(), _cpu()
            try:
                return fn(*args, **kwargs)
            finally:
                costs.append((name, time.perf_counter() - wall, _cpu() - cpu))
        return wrapper

    saved = {name: getattr(pipeline, name) for name in ("analyse", "emit", "check_site", "swap")}
    saved_posts, saved_render = pipeline.POSTPROCESSORS, pipeline.mkdocs_material.render
    try:
        for name, fn in saved.items():
            setattr(pipeline, name, timed(name, fn))
        pipeline.POSTPROCESSORS = tuple(timed(p.__name__, p) for p in saved_posts)
        pipeline.mkdocs_material.render = timed("render (mkdocs)", saved_render)
        fresh(out, project / ".gongkai-build")
        pipeline.build(project, out)
        full = len(costs)
        edit_one_file(project)
        pipeline.build(project, out)
        costs[full:] = [(f"rebuild: {name}", wall, cpu) for name, wall, cpu in costs[full:]]
    finally:
        for name, fn in saved.items():
            setattr(pipeline, name, fn)
        pipeline.POSTPROCESSORS, pipeline.mkdocs_material.render = saved_posts, saved_render
    return costs


def fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares y = a + b x: (a, b, R²)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys, strict=True))
    return a, b, (1 - ss_res / ss_tot) if ss_tot else 1.0


@dataclass
class Row:
    size: int
    pages: int
    full: Measure
    out: Output
    incremental: Measure
    again: int
    base: Measure | None = None
    base_out: Output | None = None


def run_size(size: int, work: Path, jobs: int | None, baseline_max: int) -> Row:
    project = work / f"p{size}"
    if not (project / "site_config.yml").is_file():
        write_project(project, size)
    out = work / f"site-{size}"
    fresh(out, project / ".gongkai-build")
    full = gongkai_build(project, out, jobs)
    stats = output_stats(out, "search")
    cache_site = project / ".gongkai-build" / "render-cache" / "site"
    before = {str(p): p.stat().st_mtime_ns for p in cache_site.rglob("index.html")}
    edited = edit_one_file(project)
    incremental = gongkai_build(project, out, jobs)
    row = Row(size, stats.pages, full, stats, incremental, rendered_again(cache_site, before))
    print(f"  {size}: gongkai {full.wall:.1f} s (edited {edited.name}: rebuilt in {incremental.wall:.1f} s)",
          file=sys.stderr, flush=True)
    if size <= baseline_max:
        config = baseline_config(project, work / f"mkdocs-{size}")
        row.base = baseline_build(config)
        row.base_out = output_stats(config.parent / "site", "search/search_index.json")
        print(f"  {size}: mkdocs-material {row.base.wall:.1f} s", file=sys.stderr, flush=True)
        fresh(config.parent / "site")
    return row


def report(rows: list[Row]) -> None:
    print(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({len(os.sched_getaffinity(0))} cores)")
    print("\n| pages | build | wall s | CPU s | peak MB | output MB | median page KB | search index MB | wall ratio |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r.pages} | gongkai | {r.full.wall:.1f} | {r.full.cpu:.1f} | {r.full.peak / MB:.0f} | "
              f"{r.out.total / MB:.1f} | {r.out.median_page / 1024:.1f} | {r.out.search / MB:.1f} | |")
        if r.base and r.base_out:
            print(f"| {r.base_out.pages} | mkdocs-material default | {r.base.wall:.1f} | {r.base.cpu:.1f} | "
                  f"{r.base.peak / MB:.0f} | {r.base_out.total / MB:.1f} | {r.base_out.median_page / 1024:.1f} | "
                  f"{r.base_out.search / MB:.1f} | {r.base.wall / r.full.wall:.1f}× |")
    print("\n| pages | incremental rebuild after editing one YAML file: wall s | CPU s | pages rendered again |")
    print("|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r.pages} | {r.incremental.wall:.1f} | {r.incremental.cpu:.1f} | {r.again} |")
    if len(rows) >= 2:
        xs = [float(r.pages) for r in rows]
        for label, ys in (("wall", [r.full.wall for r in rows]), ("CPU", [r.full.cpu for r in rows]),
                          ("peak MB", [r.full.peak / MB for r in rows])):
            a, b, r2 = fit(xs, ys)
            print(f"\nlinear fit, gongkai full build {label}: {a:.2f} + {b * 1000:.2f} per 1,000 pages (R² = {r2:.3f})")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000, 10000])
    p.add_argument("--baseline-max", type=int, default=3000,
                   help="largest size also built by plain mkdocs-material (its cost grows as pages²)")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/gk-bench-scale"))
    p.add_argument("--jobs", type=int, default=None, help="renderer processes (default: every core)")
    p.add_argument("--stages", type=int, default=3000,
                   help="also time each pipeline stage for the largest size up to this (0: skip)")
    args = p.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = [run_size(size, args.workdir, args.jobs, args.baseline_max) for size in args.sizes]
    failed = [r.size for r in rows if r.full.code or r.incremental.code or (r.base and r.base.code)]
    report(rows)
    if args.stages:
        size = max((s for s in args.sizes if s <= args.stages), default=args.sizes[0])
        print(f"\nwhere the time goes, full in-process build of the {size}-page site, then a rebuild:\n")
        print("| stage | wall s | CPU s (this process and its workers) |\n|---|---:|---:|")
        for name, wall, cpu in stage_costs(args.workdir / f"p{size}", args.workdir / f"site-{size}"):
            print(f"| {name} | {wall:.1f} | {cpu:.1f} |")
    if failed:
        print(f"\nbuild failed for sizes {failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
