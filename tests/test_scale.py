"""Scale: the synthetic generator, the parallel renderer (same HTML as a plain mkdocs build) and the
incremental rebuild (only changed pages rendered again, same site as a full build).

Sites here are small (~150 pages); the big sizes are measured by scripts/bench_scale.py."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import copy_project

from generator import pipeline
from generator.commands.cli import main as cli
from generator.diagnostics import Severity
from generator.pages import derive_pages
from generator.renderer import parallel, render_cache
from generator.synthetic.synthetic import write_project

PAGES = 150


@pytest.fixture(scope="session")
def synth_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("synth") / "project"
    write_project(project, PAGES)
    return project


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root, but the work folder (analyse keeps its cache there)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and pipeline.WORK_DIR not in p.relative_to(root).parts}


def assert_same_tree(a: Path, b: Path) -> None:
    left, right = tree(a), tree(b)
    assert sorted(left) == sorted(right)
    different = [name for name in left if left[name] != right[name]]
    assert different == [], f"{len(different)} files differ, e.g. {different[:5]}"


def lines(html: bytes) -> list[str]:
    return [line.strip() for line in html.decode("utf-8").splitlines() if line.strip()]


def assert_same_pages(plain: Path, ours: Path) -> None:
    """The same files; HTML the same but for indentation and blank lines (the renderer's plugin keeps the
    templates' HTML from Markdown and renders the navigation once per folder: generator/renderer/)."""
    left, right = tree(plain), tree(ours)
    assert sorted(left) == sorted(right)
    different = [name for name in left if left[name] != right[name]
                 and not (name.endswith(".html") and lines(left[name]) == lines(right[name]))]
    assert different == [], f"{len(different)} files differ, e.g. {different[:5]}"


def test_synthetic_project_is_valid_deterministic_and_about_the_size_asked(synth_project: Path, tmp_path: Path):
    site, diags = pipeline.analyse(synth_project)
    assert site is not None
    assert [d.format() for d in diags] == [], "a synthetic project must build without any warning"
    pages = derive_pages(site)
    assert 0.8 * PAGES <= len(pages) <= 1.3 * PAGES
    assert {"projects", "faq", "policy_documents", "interpretations", "compensation_standards"} <= {p.kind for p in pages}
    write_project(tmp_path / "again", PAGES)
    assert tree(tmp_path / "again") == tree(synth_project)
    write_project(tmp_path / "other", PAGES, seed=1)
    assert tree(tmp_path / "other") != tree(synth_project)


def test_synth_command_writes_a_project(tmp_path: Path):
    assert cli(["synth", "--pages", "60", "--out", str(tmp_path / "p")]) == 0
    assert len(list((tmp_path / "p" / "content" / "projects").glob("*.yml"))) > 10


@pytest.fixture(scope="session")
def built_synth(synth_project: Path) -> Path:
    result = pipeline.build(synth_project, synth_project / "site")
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    return synth_project


def _render(work: Path, jobs: int, min_per_process: int) -> Path:
    """Render the emitted docs again from scratch (no cache) into the config's staging folder."""
    shutil.rmtree(work / parallel.CACHE_DIR, ignore_errors=True)
    site_dir = parallel.Layout.of(work / "mkdocs.yml").site_dir
    shutil.rmtree(site_dir, ignore_errors=True)
    site_dir.mkdir(parents=True)
    diags = parallel.render_site(work / "mkdocs.yml", dt.date(2025, 1, 10), jobs, min_per_process)
    assert diags == []
    return site_dir


def test_parallel_shards_render_exactly_what_plain_mkdocs_renders(built_synth: Path, tmp_path: Path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.renderer.mkdocs_run import source_date_epoch

    work = built_synth / pipeline.WORK_DIR
    plain = tmp_path / "plain"
    cfg = load_config(config_file=str(work / "mkdocs.yml"), site_dir=str(plain))
    with source_date_epoch(dt.date(2025, 1, 10)):
        build(cfg)
    sharded = _render(work, jobs=2, min_per_process=20)  # two worker processes, several shards
    try:
        assert len(list(sharded.rglob("index.html"))) > PAGES * 0.8
        assert_same_pages(plain, sharded)
    finally:
        shutil.rmtree(sharded, ignore_errors=True)
        shutil.rmtree(work / parallel.CACHE_DIR, ignore_errors=True)  # the next build renders everything again


def _edit(project: Path) -> tuple[str, str]:
    """Edit one question, delete another, add a new one; returns the edited and the deleted id."""
    faq = sorted((project / "content" / "faq").glob("*.yml"))
    data = yaml.safe_load(faq[0].read_text(encoding="utf-8"))
    data["answer"] += "\n\n补充说明：本条回答已按最新的补偿方案更新。"
    data["updated"] = "2025-06-30"
    faq[0].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    faq[1].unlink()
    data.update(id="question-new", question="新增的问题：搬迁奖励什么时候发？")
    (faq[0].parent / "question-new.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return faq[0].stem, faq[1].stem


def test_rebuild_after_edits_renders_only_affected_pages_and_equals_a_full_build(built_synth: Path,
                                                                                 tmp_path: Path):
    project = copy_project(built_synth, tmp_path / "incremental")
    assert pipeline.build(project, project / "site").published  # full: a fresh copy has no cache
    cached = project / pipeline.WORK_DIR / parallel.CACHE_DIR / render_cache.SITE
    before = {p: p.stat().st_mtime_ns for p in cached.rglob("index.html")}
    edited, deleted = _edit(project)
    result = pipeline.build(project, project / "site")
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    again = sorted(str(p.relative_to(cached)) for p in cached.rglob("index.html") if before.get(p) != p.stat().st_mtime_ns)
    assert "faq/question-new/index.html" in again and f"faq/{edited}/index.html" in again
    # the two questions, the FAQ index, home, recent changes, the 对照表, and the pages whose derived
    # onward links name the edited, added or deleted question (related questions, cited documents)
    assert 2 <= len(again) <= 16 and len(again) * 10 < len(before), again
    assert not (cached / "faq" / deleted).exists()

    fresh = copy_project(project, tmp_path / "full")
    assert pipeline.build(fresh, fresh / "site").published
    assert_same_tree(project / "site", fresh / "site")


def test_rebuild_after_a_text_edit_reuses_the_sitemap_and_404_page_and_equals_a_full_build(built_synth: Path,
                                                                                          tmp_path: Path):
    """Same pages, same content dates: the sitemap and the 404 page come from the render cache."""
    project = copy_project(built_synth, tmp_path / "incremental")
    assert pipeline.build(project, project / "site").published
    cached = project / pipeline.WORK_DIR / parallel.CACHE_DIR / render_cache.SITE
    sitemap = (cached / "sitemap.xml").stat().st_mtime_ns
    faq = sorted((project / "content" / "faq").glob("*.yml"))[2]
    faq.write_text(faq.read_text(encoding="utf-8").replace("answer: ", "answer: 补充：", 1), encoding="utf-8")
    assert pipeline.build(project, project / "site").published
    assert (cached / "sitemap.xml").stat().st_mtime_ns == sitemap
    fresh = copy_project(project, tmp_path / "full")
    assert pipeline.build(fresh, fresh / "site").published
    assert_same_tree(project / "site", fresh / "site")


def test_failed_render_keeps_the_site_and_distrusts_the_cache(built_synth: Path, tmp_path: Path):
    project = copy_project(built_synth, tmp_path / "broken")
    assert pipeline.build(project, project / "site").published
    published = tree(project / "site")
    # editor text can no longer break a render (relative links are H404 at check time): a district's
    # theme override still can, after a good build whose cache must then not be trusted
    partial = project / "overrides" / "partials" / "gk-feed.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text("{% if %}\n", encoding="utf-8")
    result = pipeline.build(project, project / "site")
    assert not result.published
    assert any(d.code == "B601" and d.severity is Severity.ERROR for d in result.diagnostics)
    assert not (project / pipeline.WORK_DIR / parallel.CACHE_DIR / render_cache.MANIFEST).exists()
    assert tree(project / "site") == published


def _sources(pages: dict[str, str], linking: frozenset[str] = frozenset()) -> render_cache.Sources:
    return render_cache.Sources(dict(sorted(pages.items())), linking)


def test_render_plan_renders_changed_pages_and_links_on_page_set_changes():
    old = render_cache.Manifest("f", {"a.md": render_cache.Entry("1", "a/index.html"),
                                      "b.md": render_cache.Entry("2", "b/index.html"),
                                      "img.png": render_cache.Entry("3", "")})
    same = render_cache.plan(old, "f", _sources({"a.md": "1", "b.md": "2", "img.png": "3"}))
    assert (same.full, same.changed, same.removed) == (False, (), ())
    edited = render_cache.plan(old, "f", _sources({"a.md": "9", "b.md": "2", "img.png": "3"}, frozenset({"b.md"})))
    assert (edited.full, edited.changed) == (False, ("a.md",))
    added = render_cache.plan(old, "f", _sources({"a.md": "1", "b.md": "2", "c.md": "4", "img.png": "3"},
                                                 frozenset({"b.md"})))
    assert added.changed == ("b.md", "c.md")  # b links to .md files: the page set changed under it
    removed = render_cache.plan(old, "f", _sources({"a.md": "1", "img.png": "3"}))
    assert removed.removed == ("b.md",)
    assert render_cache.plan(old, "g", _sources({"a.md": "1", "b.md": "2", "img.png": "3"})).full
    assert render_cache.plan(old, "f", _sources({"a.md": "1", "b.md": "2", "img.png": "7"})).full
    assert render_cache.plan(None, "f", _sources({"a.md": "1"})).full


def test_shards_are_balanced_and_deterministic():
    pages = [(f"p{i}.md", 1000 + (i % 7) * 300) for i in range(100)]
    groups = parallel.shards(pages, 3)
    assert sorted(sum(groups, [])) == sorted(p for p, _ in pages)
    sizes = [sum(dict(pages)[p] + 2000 for p in g) for g in groups]
    assert max(sizes) - min(sizes) <= max(size for _, size in pages) + 2000  # at most one page apart
    assert parallel.shards(list(reversed(pages)), 3) == groups


def test_jobs_default_to_the_cores_this_process_may_use():
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))


def test_build_command_accepts_jobs(built_synth: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert cli(["build", "--root", str(built_synth), "--out", str(out), "--jobs", "1"]) == 0
    assert filecmp.cmp(out / "index.html", built_synth / "site" / "index.html", shallow=False)
