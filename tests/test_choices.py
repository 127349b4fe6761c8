"""Choices accept the Chinese label as well as the code, and messages name both (issue 13)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_chinese_labels_are_accepted_and_wrong_values_are_explained_in_chinese(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    _edit(project / "content/projects/shiqiao-lane.yml", "regime: house_state", "regime: 国有土地上房屋征收")
    _edit(project / "content/projects/shiqiao-lane.yml", "status: in_progress", "status: 进行中")
    _edit(project / "content/compensation_standards/xishan-relocation.yml", "category: relocation", "category: 搬迁费")
    _edit(project / "content/compensation_standards/xishan-relocation.yml", "status: current", "status: 现行")
    assert [d for d in pipeline.check(project) if d.severity.value == "error"] == []
    _edit(project / "content/projects/shiqiao-lane.yml", "status: 进行中", "status: 在办")
    (diag,) = [d for d in pipeline.check(project) if d.code == "S210"]
    assert "in_progress（进行中）" in diag.message and "completed（已完成）" in diag.message


def test_a_fictional_policy_document_is_marked_and_refused_in_production(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    _edit(project / "site_config.yml", "sample_data: false", "sample_data: true")
    _edit(project / "content/policy_documents/qinghe-measures.yml", "level: normative_document",
          "level: 规范性文件\nsample: true")
    assert not [d for d in pipeline.check(project) if d.severity.value == "error"]
    refused = [d for d in pipeline.check(project, production=True) if d.code == "P501"]
    assert any(d.path.endswith("qinghe-measures.yml") and d.line == 6 for d in refused), refused


def test_subject_category_is_shown_as_a_path_without_the_raw_backslash() -> None:
    from generator.pages.policy_pages import subject_label
    assert subject_label("环境保护\\房屋征收") == "环境保护 › 房屋征收"
    assert subject_label("综合政务＼政务公开") == "综合政务 › 政务公开"
    assert subject_label("城乡建设") == "城乡建设"
