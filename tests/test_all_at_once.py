"""Every fault at once (issue 13): a fault in one field does not hide the other checks of the same item,
and a YAML syntax error does not hide the other problems of its file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "other-district", tmp_path / "project")


def _found(project: Path) -> list[tuple[str, str, int]]:
    return sorted((d.code, d.path.rsplit("/", 1)[-1], d.line) for d in pipeline.check(project)
                  if d.severity.value == "error")


def test_personal_data_does_not_hide_the_display_period(project: Path) -> None:
    file = project / "content/projects/shiqiao-lane.yml"
    _edit(file, "summary: 补偿方案正在征求意见。", "summary: 被征收人张建国的房屋补偿金额为386500.00元。")
    _edit(file, "display_end: 2026-03-04", "display_end: 2026-02-10")
    found = _found(project)
    assert ("D920", "shiqiao-lane.yml", 10) in found and ("D910", "shiqiao-lane.yml", 21) in found, found


def test_a_malformed_amount_does_not_hide_a_dangling_article(project: Path) -> None:
    file = project / "content/compensation_standards/xishan-relocation.yml"
    _edit(file, "amount: 1500", "amount: 1,500")
    _edit(file, "article: 24", "article: 99")
    found = _found(project)
    assert ("S205", "xishan-relocation.yml", 20) in found, found
    assert any(code in ("R304", "R320") and line == 8 for code, _, line in found), found


def test_a_syntax_error_does_not_hide_the_rest_of_its_file(project: Path) -> None:
    file = project / "content/projects/shiqiao-lane.yml"
    _edit(file, "purpose: 改造老旧片区，改善居住条件。", "purpose: \"改造老旧片区，改善居住条件。")
    _edit(file, "display_end: 2026-03-04", "display_end: 2026-02-10")
    _edit(file, "summary: 补偿方案草稿公开征求意见，大家可以提意见。", "summary: 户主：李秀英")
    found = _found(project)
    assert ("Y101", "shiqiao-lane.yml", 8) in found, found
    assert ("D910", "shiqiao-lane.yml", 21) in found and ("D920", "shiqiao-lane.yml", 22) in found, found
    assert not any(code == "S202" for code, _, _ in found), found


def test_an_unclosed_quote_names_where_it_opened_and_where_the_file_ends(project: Path) -> None:
    file = project / "content/projects/shiqiao-lane.yml"
    _edit(file, "purpose: 改造老旧片区，改善居住条件。", "purpose: \"改造老旧片区，改善居住条件。")
    (diag,) = [d for d in pipeline.check(project) if d.code == "Y101"]
    assert (diag.line, diag.column) == (8, 10)
    assert "第 8 行第 10 列开始的引号没有闭合" in diag.message and "文件末尾" in diag.message
