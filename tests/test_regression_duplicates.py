"""Duplicates inside one item that nothing used to report: two articles with one number (which one does a
citation quote?) and two steps with one id in a procedure (which one is a project at?)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_duplicate_article_numbers_and_step_ids_are_errors(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    _edit(project / "content/policy_documents/state-regulation.yml", "  - number: 14", "  - number: 10")
    _edit(project / "content/procedures/house.yml", "  - id: decision", "  - id: consultation")
    found = sorted((d.path, d.message) for d in pipeline.check(project) if d.code == "R301")
    assert found == [
        ("content/policy_documents/state-regulation.yml", "同一文件的引用条款中条号重复：第 10 条"),
        ("content/procedures/house.yml", "本程序内步骤标识重复：consultation"),
    ], found
