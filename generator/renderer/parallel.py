"""Render a site on every core, and only what changed.

The pages to render (all of them, or those the render cache says changed) are split into shards of
similar size; each shard is one mkdocs run (`mkdocs_run.render_run`) in its own process, writing
into its own folder. One run also copies the theme assets and writes the sitemap and 404 page.
The shards' files are then moved into the render cache's `site/`, whose files are hard-linked into the
staging folder. Shards are capped in size because mkdocs keeps every page of a run in memory.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..diagnostics import Diagnostic, error, has_errors
from ..parallel.fanout import stop
from . import render_cache as cache
from .mkdocs_run import HINT, Run, RunResult, render_run

CACHE_DIR = "render-cache"
BYTECODE_DIR = "templates"  # in the render cache: compiled theme templates
MIN_PAGES_PER_PROCESS = 250  # below this a second process costs more (start-up, imports) than it saves
MAX_PAGES_PER_RUN = 4000  # bounds one process's memory (about 60 KB a page)
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # so `python -m generator...` finds this very package


@dataclass(frozen=True)
class Layout:
    """Where a generated config reads and writes, and where its render cache lives."""

    config_file: Path
    docs_dir: Path
    site_dir: Path
    theme_dir: Path | None
    cache_dir: Path

    @classmethod
    def of(cls, config_file: Path) -> Layout:
        config_file = config_file.resolve()  # workers run elsewhere; mkdocs reads paths relative to the config
        class _Loader(yaml.SafeLoader):
            pass

        _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader subclass
        theme = (data.get("theme") or {}).get("custom_dir")
        return cls(config_file, Path(data["docs_dir"]), Path(data["site_dir"]), Path(theme) if theme else None,
                   config_file.parent / CACHE_DIR)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def shards(pages: Sequence[tuple[str, int]], count: int) -> list[list[str]]:
    """Pages (source, size) onto `count` shards of similar total size: largest first onto the lightest."""
    loads = [0] * count
    out: list[list[str]] = [[] for _ in range(count)]
    for src, size in sorted(pages, key=lambda p: (-p[1], p[0])):
        i = loads.index(min(loads))
        loads[i] += size + 2000  # fixed cost per page (template rendering)
        out[i].append(src)
    return [sorted(s) for s in out if s]


def plan_runs(layout: Layout, todo: Sequence[str], full: bool, source_date: dt.date, jobs: int,
              min_per_process: int = MIN_PAGES_PER_PROCESS, templates: bool = True) -> list[Run]:
    """`templates`: whether the sitemap and 404 page must be written again (they are cached otherwise)."""
    processes = max(1, min(jobs, len(todo) // max(min_per_process, 1)))
    count = processes * max(1, math.ceil(len(todo) / (processes * MAX_PAGES_PER_RUN)))  # as many per process
    sizes = [(src, (layout.docs_dir / src).stat().st_size) for src in todo]
    groups = shards(sizes, count) or [[]]
    bytecode = str(layout.cache_dir / BYTECODE_DIR)
    return [Run(str(layout.config_file), "", source_date, frozenset(group), assets=full and i == 0,
                templates=(full or templates) and i == 0, bytecode_dir=bytecode) for i, group in enumerate(groups)]


def execute(runs: list[Run], jobs: int, work: Path) -> list[tuple[Path, RunResult]]:
    """Each run writes into a fresh folder; with several workers, runs are dealt round-robin to
    `jobs` worker interpreters (`python -m generator.renderer.worker`)."""
    dirs = [Path(tempfile.mkdtemp(prefix="run-", dir=work)) for _ in runs]
    runs = [dataclasses.replace(r, site_dir=str(d)) for r, d in zip(runs, dirs, strict=True)]
    workers = min(jobs, len(runs))
    if workers <= 1:
        return list(zip(dirs, [render_run(r) for r in runs], strict=True))
    batches = [runs[i::workers] for i in range(workers)]
    io = Path(tempfile.mkdtemp(prefix="io-", dir=work))
    procs = []
    for i, batch in enumerate(batches):
        (io / f"{i}.in").write_bytes(pickle.dumps(batch))
        procs.append(subprocess.Popen([sys.executable, "-m", "generator.renderer.worker", str(io / f"{i}.in"),
                                       str(io / f"{i}.out")], cwd=_PACKAGE_ROOT, stdout=subprocess.DEVNULL))
    results: dict[str, RunResult] = {}
    try:
        for i, (proc, batch) in enumerate(zip(procs, batches, strict=True)):
            code = proc.wait()
            out = io / f"{i}.out"
            found = pickle.loads(out.read_bytes()) if code == 0 and out.is_file() else [_crashed(code)] * len(batch)
            results.update({r.site_dir: res for r, res in zip(batch, found, strict=True)})
    finally:  # interrupted: no worker outlives the build
        stop(procs)
        shutil.rmtree(io, ignore_errors=True)
    return [(d, results[str(d)]) for d in dirs]


def _crashed(code: int) -> RunResult:
    return RunResult([error("mkdocs", 0, 0, "B601", f"渲染进程异常退出（退出码 {code}）", HINT)])


def merge(src_dir: Path, into: Path) -> None:
    """Move every file of src_dir into `into` (same relative path), then drop src_dir. A folder `into`
    lacks is moved whole (one rename): creating and removing thousands of page folders one by one is
    slow on this kind of disk."""
    into.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(src_dir):
        dest = into / entry.name
        if entry.is_dir(follow_symlinks=False) and dest.is_dir():
            merge(Path(entry.path), dest)
        elif entry.is_dir(follow_symlinks=False) and not dest.exists():
            os.rename(entry.path, dest)
        elif entry.is_dir(follow_symlinks=False):  # a file where a folder is now: the newer wins
            dest.unlink()
            os.rename(entry.path, dest)
        else:
            if dest.is_dir():  # a folder where a file is now
                shutil.rmtree(dest)
            os.replace(entry.path, dest)
    os.rmdir(src_dir)


def discard_later(path: Path, trash_root: Path) -> None:
    """Deleting thousands of files is slow on some disks: move them aside and delete in the background.
    A leftover (the process ended first) is deleted at the next render."""
    if path.exists():
        trash = Path(tempfile.mkdtemp(prefix="trash-", dir=trash_root))
        path.rename(trash / path.name)
    for leftover in sorted(trash_root.glob("trash-*")):
        threading.Thread(target=shutil.rmtree, args=(leftover, True), daemon=True).start()


_SKELETON = """import os, sys
cache, site = sys.argv[1], sys.argv[2]
for folder, dirs, _ in os.walk(cache):
    base = os.path.join(site, os.path.relpath(folder, cache))
    for name in dirs:
        try:
            os.mkdir(os.path.join(base, name))
        except OSError:
            pass
"""


class Skeleton:
    """The folders of the last render's pages, made under a new site folder by a helper process while
    this one derives and emits the pages (making thousands of folders is slow on some disks). The render
    waits for it before it touches its cache, and removes the folders the new render has no file in."""

    def __init__(self, cache_site: Path, site_dir: Path) -> None:
        self.cache_site, self.site_dir = cache_site, site_dir
        self.proc = subprocess.Popen([sys.executable, "-c", _SKELETON, str(cache_site), str(site_dir)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL) if cache_site.is_dir() else None

    def join(self) -> None:
        if self.proc is not None:
            self.proc.wait()

    def tidy(self) -> None:
        """Remove the empty folders under site_dir that the cache does not have (pages gone)."""
        for folder, dirs, files in os.walk(self.site_dir, topdown=False):
            if not dirs and not files and Path(folder) != self.site_dir:
                if not (self.cache_site / os.path.relpath(folder, self.site_dir)).is_dir():
                    with contextlib.suppress(OSError):
                        os.rmdir(folder)


def prepare_site_dir(cache_dir: Path, site_dir: Path) -> Skeleton:
    """Start making the folders the next render will need in `site_dir` (see Skeleton)."""
    return Skeleton(cache_dir / cache.SITE, site_dir)


def render_site(config_file: Path, source_date: dt.date, jobs: int | None = None,
                min_per_process: int = MIN_PAGES_PER_PROCESS, skeleton: Skeleton | None = None) -> list[Diagnostic]:
    """Render the generated config's docs into its site_dir (a new staging folder), reusing the cache."""
    if skeleton is not None:
        skeleton.join()
    layout = Layout.of(config_file)
    layout.cache_dir.mkdir(parents=True, exist_ok=True)
    jobs = jobs or default_jobs()
    previous = cache.load(layout.cache_dir)
    sources = cache.read_sources(layout.docs_dir, previous)
    fingerprint = cache.fingerprint(config_file, layout.theme_dir)
    plan = cache.plan(previous, fingerprint, sources)
    cached = layout.cache_dir / cache.SITE
    diags: list[Diagnostic] = []
    if plan.full or plan.changed or plan.removed:
        cache.forget(layout.cache_dir)  # until the cache is consistent again
        # The sitemap lists every page and is dated by the content; the 404 page depends on the config only.
        templates = previous is None or previous.source_date != source_date.isoformat() or bool(plan.removed) \
            or any(src not in previous.entries for src in plan.changed)
        runs = plan_runs(layout, plan.changed, plan.full, source_date, jobs, min_per_process, templates)
        outputs = execute(runs, jobs, layout.cache_dir)
        for _, result in outputs:
            diags += result.diagnostics
        if has_errors(diags):
            for folder, _ in outputs:
                discard_later(folder, layout.cache_dir)
            return diags
        if plan.full:
            discard_later(cached, layout.cache_dir)
        entries = _update(cached, outputs, plan, previous, sources)
        cache.save(layout.cache_dir, cache.Manifest(fingerprint, entries, source_date.isoformat()))
    shutil.copytree(cached, layout.site_dir, dirs_exist_ok=True, copy_function=link_or_copy)
    if skeleton is not None and (plan.full or plan.removed):
        skeleton.tidy()
    return diags


def link_or_copy(src: str, dst: str) -> None:
    """A cached file into the staging folder: a hard link (no bytes copied), or a copy across file systems.
    The cache replaces a file (os.replace) rather than rewriting it, and nothing rewrites a staged page, so
    the published site and the cache may share the file."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _update(cached: Path, outputs: list[tuple[Path, RunResult]], plan: cache.Plan, previous: cache.Manifest | None,
            sources: cache.Sources) -> dict[str, cache.Entry]:
    """Move the runs' files into the cache, drop removed pages; the manifest entries that result."""
    cached.mkdir(parents=True, exist_ok=True)
    old = previous.entries if previous and not plan.full else {}
    dest = {src: entry.dest for src, entry in old.items()}
    for folder, result in outputs:
        dest.update(dict(result.written))
        merge(folder, cached)
    for src in plan.removed:
        target = cached / old[src].dest
        target.unlink(missing_ok=True)
        if target.parent != cached and not any(target.parent.iterdir()):
            target.parent.rmdir()
    return {src: cache.Entry(sha, dest.get(src, ""), sources.stamps.get(src, ""), src in sources.linking)
            for src, sha in sources.hashes.items()}
