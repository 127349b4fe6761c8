"""--production refuses what looks like sample data even when its `sample: true` flags were removed (issue 12):
one rule over every content type (rules/rules.py): ids like `x-sample`, title-like fields saying 示例,
text marked （示例）, reserved example domains."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project

from generator import pipeline
from generator.rules.rules import _sample_marks


def unflagged(src: Path, dest: Path) -> Path:
    """A copy with every `sample: true` line removed and `sample_data: false`."""
    project = copy_project(src, dest)
    for path in [project / "site_config.yml", *sorted((project / "content").rglob("*.yml"))]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^\s*(?:- )?sample: true\s*\n", "", text).replace("sample_data: true", "sample_data: false")
        path.write_text(text, encoding="utf-8")
    return project


def test_unflagged_sample_data_is_refused_in_production(tmp_path: Path):
    project = unflagged(FIXTURES / "mini", tmp_path / "p")
    diags = pipeline.check(project, production=True)
    found = {(d.code, d.path) for d in diags}
    assert {("P501", "content/compensation_standards/relocation.yml"),  # title …（示例）
            ("P501", "content/projects/east-old-street.yml"),  # a nested announcement's 示例〔2025〕1号
            ("P501", "site_config.yml")} <= found, [d.format() for d in diags]  # example.gov.cn
    assert all(d.line > 0 for d in diags if d.path != "site_config.yml")
    assert [d for d in pipeline.check(project) if d.code == "P501"] == []  # only production refuses


def test_the_bundled_project_without_its_flags_is_refused_everywhere(tmp_path: Path):
    project = unflagged(REPO, tmp_path / "p")
    paths = {d.path for d in pipeline.check(project, production=True) if d.code == "P501"}
    for folder in ("compensation_standards", "projects", "estates", "funds", "audits"):
        assert any(p.startswith(f"content/{folder}/") for p in paths), folder


@pytest.mark.parametrize(("field", "value"), [
    ("id", "east-sample"), ("id", "sample-east"), ("id", "demo-1"), ("id", "a-example-b"), ("id", "test"),
    ("title", "（示例）东湖村项目"), ("title", "补偿标准示例"), ("name", "演示用安置房"), ("question", "Sample question"),
    ("summary", "本公告（示例）仅作演示"), ("summary", "见【样例】"), ("what_it_means", "以下数字是示例，不是官方标准"), ("summary", "本页为示例数据"), ("official_url", "https://www.example.gov.cn/x"),
    ("official_url", "http://example.com/"), ("doc_number", "示例〔2025〕1号"), ("issuer", "（示例）示范区人民政府"),
])
def test_sample_lookalikes(field: str, value: str):
    assert _sample_marks(value, (field,)), (field, value)


@pytest.mark.parametrize(("field", "value"), [
    ("id", "sampling-survey"), ("id", "testament-law"), ("id", "house-2024"), ("title", "房屋征收补偿标准"), ("summary", "例如，按月支付"),
    ("summary", "示范区管委会负责"), ("official_url", "https://www.huaibei.gov.cn/x"), ("summary", "测试房屋面积"),
])
def test_real_looking_values_pass(field: str, value: str):
    assert _sample_marks(value, (field,)) == [], (field, value)
