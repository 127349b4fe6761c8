"""Announcements as files of their project's folder (`gongkai new announcement --project ID`)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main

FILLED = """id: decision
kind: 房屋征收决定
title: 石桥老巷改建房屋征收决定
doc_number: 西政征〔2026〕5号
issuer: 青河市西山区人民政府
date: 2026-04-01
display_start: 2026-04-02
summary: 区政府决定征收石桥老巷范围内的房屋。
remedies: 对征收决定不服的，可以自公告之日起60日内申请行政复议，或者6个月内提起行政诉讼。
step: decision
"""


def _without_decision(project: Path) -> Path:
    """The fixture's project with only its consultation, so a test can add the decision as a file."""
    file = project / "content/projects/shiqiao-lane.yml"
    text = file.read_text("utf-8")
    if "  - id: decision\n" in text:
        start, end = text.index("  - id: decision\n"), text.index("updated:")
        file.write_text(text[:start] + text[end:], "utf-8")
    return project


def test_new_announcement_writes_its_own_file_and_check_lists_what_to_fill(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    assert main(["new", "announcement", "--project", "shiqiao-lane", "--root", str(project)]) == 0
    written = project / "content/projects/shiqiao-lane/announcements/announcement-1.yml"
    assert written.is_file()
    todo = [d for d in pipeline.check(project) if d.path.endswith("announcement-1.yml")]
    assert todo and all(d.severity.value == "error" for d in todo)
    assert main(["new", "announcement", "--project", "no-such", "--root", str(project)]) == 2


def test_an_announcement_file_joins_its_project_and_its_faults_point_at_its_own_lines(tmp_path: Path) -> None:
    project = _without_decision(copy_project(FIXTURES / "other-district", tmp_path / "project"))
    folder = project / "content/projects/shiqiao-lane/announcements"
    folder.mkdir(parents=True)
    (folder / "decision.yml").write_text(FILLED, "utf-8")
    site, diags = pipeline.analyse(project)
    mine = [d for d in diags if d.severity.value == "error" and d.path.startswith("content/projects/")]
    assert site is not None and not mine, mine
    (shiqiao,) = [p for p in site.of("projects") if p.id == "shiqiao-lane"]
    assert [a.id for a in shiqiao.announcements] == ["consultation", "decision"]
    (folder / "decision.yml").write_text(FILLED.replace("display_start: 2026-04-02", "display_start: 2026-03-30")
                                         .replace("remedies: 对征收决定", "remedies: 户主张建国补偿款386500元。对征收决定"), "utf-8")
    found = sorted((d.code, d.path, d.line) for d in pipeline.check(project) if d.severity.value == "error")
    where = "content/projects/shiqiao-lane/announcements/decision.yml"
    assert ("D912", where, 7) in found and ("D920", where, 9) in found, found


def test_d914_without_a_step_names_the_steps_the_procedure_lists(tmp_path: Path) -> None:
    project = _without_decision(copy_project(FIXTURES / "other-district", tmp_path / "project"))
    folder = project / "content/projects/shiqiao-lane/announcements"
    folder.mkdir(parents=True)
    (folder / "decision.yml").write_text(FILLED.replace("step: decision\n", ""), "utf-8")
    (diag,) = [d for d in pipeline.check(project) if d.code == "D914"]
    assert "房屋征收决定" in diag.message and "decision（房屋征收决定）" in diag.hint
    assert "decision-announcement" not in diag.message + diag.hint


def test_a_summary_left_behind_by_a_new_announcement_is_warned_about(tmp_path: Path) -> None:
    project = _without_decision(copy_project(FIXTURES / "other-district", tmp_path / "project"))
    file = project / "content/projects/shiqiao-lane.yml"
    file.write_text(file.read_text("utf-8").replace("summary: 补偿方案正在征求意见。",
                                                    "summary: 正在进行征收补偿方案征求意见，下一步是房屋征收决定。"), "utf-8")
    assert not [d for d in pipeline.check(project) if d.code == "D923"]
    folder = project / "content/projects/shiqiao-lane/announcements"
    folder.mkdir(parents=True)
    (folder / "decision.yml").write_text(FILLED, "utf-8")
    (diag,) = [d for d in pipeline.check(project) if d.code == "D923"]
    assert (diag.path, diag.line, diag.severity.value) == ("content/projects/shiqiao-lane.yml", 10, "warning")
    assert "已进展到“房屋征收决定”" in diag.message
