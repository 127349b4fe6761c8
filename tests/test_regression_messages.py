"""Editors' diagnostics stay in Chinese even where pydantic writes English (tests/fixtures/other-district)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_choice_errors_list_the_choices_without_english(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    _edit(project / "content/faq/faq.yml", "topic: 安置", "topic: 搬家")
    _edit(project / "content/policy_documents/state-regulation.yml", "validity: 有效", "validity: 现行")
    messages = [d.message for d in pipeline.check(project) if d.code == "S210"]
    assert len(messages) == 2, messages
    assert any("可选：补偿标准 / 征收程序 / 安置 / 评估 / 维权 / 信息公开 / 其他" in m for m in messages), messages
    assert any("可选：有效 / 失效 / 废止 / 已修订" in m for m in messages), messages
    assert not any(" or " in m or "'" in m for m in messages), messages
