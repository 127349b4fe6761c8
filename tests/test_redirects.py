"""Stable URLs (RELIABILITY row 22): renaming an item's id without a redirect fails the build at
the urls.lock line naming the old URL and the fix; with `former_ids` the old URL answers with a
redirect page (meta refresh, canonical, visible link) that a browser follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, serve_dir
from test_publish_atomic import tree_hash

from generator import pipeline
from generator.commands.cli import main
from generator.pages import derive_pages
from generator.post.redirects import LOCK_FILE, read_lock

QUESTIONS = Path("content") / "faq" / "questions.yml"


def _rename(project: Path, former: bool) -> None:
    path = project / QUESTIONS
    text = path.read_text(encoding="utf-8").replace("- id: transition-fee", "- id: transition-period")
    if former:
        text = text.replace("  topic: 安置\n", "  topic: 安置\n  former_ids: [transition-fee]\n", 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def locked(tmp_path: Path) -> tuple[Path, Path]:
    """A mini project with a published site and a committed urls.lock."""
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert main(["urls", "--root", str(project), "--update"]) == 0
    out = tmp_path / "public"
    assert pipeline.build(project, out).published
    return project, out


def test_lock_lists_every_published_page(locked: tuple[Path, Path]):
    project, out = locked
    entries, diags = read_lock(project)
    assert diags == [] and entries
    urls = {e.url for e in entries}
    built = {"/" + p.relative_to(out).parent.as_posix() + "/" for p in out.rglob("index.html")}
    built = {"/" if u == "/./" else u for u in built}
    assert urls == built
    assert main(["urls", "--root", str(project)]) == 0


def test_renamed_id_without_redirect_fails_at_the_lock_line(locked: tuple[Path, Path], capsys):
    project, out = locked
    before = tree_hash(out)
    _rename(project, former=False)
    result = pipeline.build(project, out)
    assert not result.published
    vanished = [d for d in result.diagnostics if d.code == "P503"]
    assert len(vanished) == 1
    d = vanished[0]
    lock_lines = (project / LOCK_FILE).read_text(encoding="utf-8").splitlines()
    assert d.path == LOCK_FILE and lock_lines[d.line - 1] == "/faq/transition-fee/"
    assert "/faq/transition-fee/" in d.message and "former_ids: [transition-fee]" in d.hint and "gone" in d.hint
    assert tree_hash(out) == before
    assert main(["check", "--root", str(project)]) == 1, "check reports it too, before any build"
    assert "P503" in capsys.readouterr().err


def test_former_ids_publish_a_redirect_page_a_browser_follows(locked: tuple[Path, Path], browser):
    project, out = locked
    _rename(project, former=True)
    result = pipeline.build(project, out)
    assert result.published, [d.format() for d in result.diagnostics]
    html = (out / "faq" / "transition-fee" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../transition-period/">' in html
    assert '<link rel="canonical" href="https://example.gov.cn/zsgk/faq/transition-period/">' in html
    assert re.search(r'<a href="\.\./transition-period/">过渡费给多久？</a>', html)
    assert '<meta name="robots" content="noindex">' in html
    assert (out / "faq" / "transition-period" / "index.html").is_file()
    assert main(["urls", "--root", str(project), "--update"]) == 0
    urls = {e.url for e in read_lock(project)[0] or ()}
    assert {"/faq/transition-fee/", "/faq/transition-period/"} <= urls
    page = browser.new_page()
    try:
        page.goto(serve_dir(out) + "faq/transition-fee/")
        page.wait_for_url("**/faq/transition-period/")
        assert page.locator("h1").first.inner_text().strip() == "过渡费给多久？"
    finally:
        page.close()


def test_withdrawn_url_needs_a_reason(locked: tuple[Path, Path]):
    project, out = locked
    _rename(project, former=False)
    lock = project / LOCK_FILE
    lock.write_text(lock.read_text(encoding="utf-8").replace(
        "/faq/transition-fee/\n", "/faq/transition-fee/ gone\n"), encoding="utf-8")
    assert {d.code for d in pipeline.build(project, out).diagnostics} == {"P507"}
    lock.write_text(lock.read_text(encoding="utf-8").replace(
        "/faq/transition-fee/ gone\n", "/faq/transition-fee/ gone 问题已合并到临时安置费说明\n"), encoding="utf-8")
    assert pipeline.build(project, out).published
    assert main(["urls", "--root", str(project), "--update"]) == 0
    assert "/faq/transition-fee/ gone 问题已合并到临时安置费说明" in lock.read_text(encoding="utf-8")


def test_production_build_requires_every_url_locked(locked: tuple[Path, Path]):
    project, _ = locked
    _rename(project, former=True)
    # The URL rule alone: the mini project is sample data, which production refuses before (issue 12).
    site, _ = pipeline.analyse(project)
    assert site is not None
    found = pipeline.url_diagnostics(project, site, derive_pages(site), production=True)
    assert [d.message for d in found if d.code == "P504"] == ["新网址 /faq/transition-period/ 尚未登记到 urls.lock"]
    assert not [d for d in pipeline.check(project) if d.code == "P504"], "only production needs the lock current"
