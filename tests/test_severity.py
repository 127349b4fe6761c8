"""Severity policy (issue 13): the catalogue's list of warnings is the code's, and every rule the law makes
mandatory is an error under --production."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.codes import CODES, MANDATORY, WARNINGS
from generator.commands.guide import diagnostics_catalogue

GENERATOR = Path(__file__).resolve().parent.parent / "generator"


def test_the_list_of_warnings_is_the_codes_that_are_emitted_as_warnings() -> None:
    emitted = set()
    for path in GENERATOR.rglob("*.py"):
        text = path.read_text("utf-8")
        emitted |= set(re.findall(r'warning\(\s*(?:[^()]|\([^()]*\))*?"([A-Z]\d{3})"', text))
    assert emitted == WARNINGS
    assert set(MANDATORY) <= WARNINGS <= set(CODES)


def test_the_catalogue_lists_the_policy() -> None:
    text = diagnostics_catalogue()
    assert "## 严重程度" in text and "| F702 | 区片综合地价超过三年 | 土地管理法第四十八条" in text
    assert "| D901 | 本地规范性文件缺少政策解读 | 警告；正式发布（--production）时为错误 |" in text


def test_production_refuses_what_a_normal_check_only_warns_about(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    measures = project / "content/policy_documents/qinghe-measures.yml"
    measures.write_text(measures.read_text("utf-8").replace("issuer: 青河市人民政府", "issuer: 青河市西山区人民政府"), "utf-8")
    (project / "content/interpretations/qinghe-measures-qa.yml").unlink()  # the district's own 办法 without 解读
    normal = [d for d in pipeline.check(project) if d.code == "D901"]
    production = [d for d in pipeline.check(project, production=True) if d.code == "D901"]
    assert normal and all(d.severity.value == "warning" for d in normal)
    assert production and all(d.severity.value == "error" for d in production)
