"""A project whose regime has no procedure in the site (another district without a land procedure) is
reported, and its page says so instead of showing an empty 我的项目到哪一步了."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline

LAND_PROJECT = """\
id: taoyuan-road
title: 桃源大道拓宽工程征地项目
regime: land_collective
area: taoyuan
scope: 桃源村南侧道路两侧
purpose: 拓宽桃源大道。
public_interest: 基础设施
summary: 已发布征收土地预公告。
status: in_progress
announcements:
  - id: pre
    kind: 征收土地预公告
    title: 桃源大道拓宽工程征收土地预公告
    issuer: 青河市西山区人民政府
    date: 2026-02-01
    display_start: 2026-02-02
    display_end: 2026-02-27
    summary: 准备征收土地，请大家知悉。
    pending: [doc_number]
updated: 2026-03-01
"""


def test_project_without_a_procedure_of_its_regime(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    (project / "content/projects/taoyuan-road.yml").write_text(LAND_PROJECT, "utf-8")
    result = pipeline.build(project, project / "site")
    assert result.published
    found = [(d.path, d.line, d.severity.name) for d in result.diagnostics if d.code == "D914"]
    assert found == [("content/projects/taoyuan-road.yml", 3, "WARNING")], found
    land = (project / "site/projects/taoyuan-road/index.html").read_text("utf-8")
    house = (project / "site/projects/shiqiao-lane/index.html").read_text("utf-8")
    assert "本站尚未录入这类" in land and "本站尚未录入这类" not in house
