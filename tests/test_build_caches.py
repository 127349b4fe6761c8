"""Caches of per-page work in the work folder (QR codes, search texts, site-check scans) and the
fan-out of that work over every core: neither may change a single byte of the output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.parallel import fanout
from generator.parallel.work_cache import WorkCache
from generator.post import sitecheck
from generator.post.search import extract


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_fan_out_gives_the_same_results_in_the_same_order_as_one_process(mini_site: Path):
    files = [str(p) for p in sorted(mini_site.rglob("index.html"))][:7]
    alone = extract.file_texts(files)
    assert fanout.fan_out("generator.post.search.extract:file_texts", files, jobs=3, min_items=1) == alone
    assert fanout.slices(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]


def test_fan_out_workers_read_pages_like_this_process(mini_site: Path):
    files = [str(p) for p in sorted(mini_site.rglob("index.html"))]
    assert fanout.fan_out("generator.post.search.extract:file_texts", files, jobs=2, min_items=1) == \
        extract.file_texts(files)
    pages = [(str(Path(p).relative_to(mini_site)), p) for p in files]
    assert fanout.fan_out("generator.post.sitecheck:file_facts", pages, jobs=2, min_items=1) == \
        sitecheck.file_facts(pages)


def test_a_stale_or_damaged_cache_is_an_empty_cache(tmp_path: Path):
    store = WorkCache(tmp_path, "t", "v1")
    store.put("k", b"value")
    store.save()
    assert WorkCache(tmp_path, "t", "v1").get("k") == b"value"
    assert WorkCache(tmp_path, "t", "v2").get("k") is None  # the code that computes values changed
    (tmp_path / "t.pickle").write_bytes(b"not a pickle")
    assert WorkCache(tmp_path, "t", "v1").get("k") is None


def test_a_build_with_warm_caches_equals_one_with_cold_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert pipeline.build(project, tmp_path / "cold").published
    caches = project / pipeline.WORK_DIR / pipeline.CACHE_DIR
    assert {"content", "markdown.pickle", "search-text.pickle", "sitecheck.pickle"} <= {p.name for p in caches.iterdir()}
    computed: list[int] = []

    def counting(task: str, items: list[object], *args: object, **kwargs: object) -> list[object]:
        computed.append(len(items))
        return fanout.task_function(task)(list(items))

    for module in ("generator.post.sitecheck", "generator.post.search.entries"):
        monkeypatch.setattr(f"{module}.fan_out", counting)
    shutil.rmtree(project / pipeline.WORK_DIR / "render-cache")  # render again: every page's HTML is new bytes
    assert pipeline.build(project, tmp_path / "warm").published
    assert computed == [0, 0], "every page came from the caches"
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")
