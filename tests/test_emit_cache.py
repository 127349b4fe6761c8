"""Emit between builds: the Markdown of a page whose Page value is unchanged comes from the work folder's
cache (generator/emit/page_cache.py), and write_tree touches only what changed."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.emit.emit import render_pages, write_tree
from generator.emit.page_cache import cached_markdown
from generator.pages.glossary_inline import explain_terms


def _markdown(root: Path, cache: Path | None, made: list[str]) -> dict[str, str]:
    site, diags = pipeline.analyse(root)
    assert site is not None, diags
    pages = pipeline.derive_pages(site)

    def make(todo):  # type: ignore[no-untyped-def]
        made.extend(p.path for p in todo)
        return explain_terms(site, render_pages(todo))

    return cached_markdown(site, pages, cache, make)


def test_cached_markdown_equals_fresh_markdown_and_only_edited_pages_render_again(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    cache = tmp_path / "cache"
    first: list[str] = []
    cold = _markdown(project, cache, first)
    assert cold == _markdown(project, None, [])
    assert len(first) == len(cold)
    again: list[str] = []
    assert _markdown(project, cache, again) == cold
    assert again == [], "nothing changed: nothing is rendered"
    faq = project / "content" / "faq" / "questions.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("answer: ", "answer: 补充：", 1), encoding="utf-8")
    edited: list[str] = []
    warm = _markdown(project, cache, edited)
    assert warm == _markdown(project, None, [])
    assert "faq/transition-fee.md" in edited
    assert 0 < len(edited) < len(cold) / 2, edited


def test_write_tree_writes_changes_only_and_removes_what_no_page_produces(tmp_path: Path):
    dest = tmp_path / "docs"
    assert write_tree({"a/x.md": "一", "a/y.md": "二", "b/z.md": "三"}, dest) == 3
    os.utime(dest / "a" / "x.md", (1, 1))
    assert write_tree({"a/x.md": "一", "a/y.md": "贰"}, dest) == 1
    assert (dest / "a" / "x.md").stat().st_mtime == 1, "an unchanged file is not rewritten"
    assert (dest / "a" / "y.md").read_text(encoding="utf-8") == "贰"
    assert not (dest / "b").exists(), "a file no page produces is removed, and its empty folder"
