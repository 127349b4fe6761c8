"""The national laws shipped in generator/rules/laws/ are the reference texts, and they are enforced."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project

from generator import pipeline
from generator.pages.text import chinese_number
from generator.rules.national import LAWS, national_texts

SCRIPT = REPO / "scripts" / "update_laws.py"


def _script():
    spec = importlib.util.spec_from_file_location("update_laws", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_is_what_the_script_makes_of_the_reference_texts():
    script = _script()
    if not script.DEFAULT_SOURCE.is_dir():
        pytest.skip(f"reference laws not present at {script.DEFAULT_SOURCE}")
    expected = script.generate(script.DEFAULT_SOURCE)
    assert sorted(expected) == sorted(p.name for p in LAWS.glob("*.json"))
    for name, text in expected.items():
        assert (LAWS / name).read_text(encoding="utf-8") == text, f"{name} is stale: run scripts/update_laws.py"


def test_article_numerals_round_trip():
    script = _script()
    for n in range(1, 1000):
        assert script.chinese_to_int(chinese_number(n)) == n


def test_parser_keeps_paragraphs_and_skips_headings():
    law = _script().parse("# 某条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 甲。\n\n乙。\n\n"
                          "### 第一节 细则\n\n第二条 丙。\n")
    assert law == {"title": "某条例", "doc_number": None, "articles": {"1": "甲。\n\n乙。", "2": "丙。"}}
    with pytest.raises(ValueError):
        _script().parse("# 某条例\n<!-- INFO END -->\n第一条 甲。\n第三条 丙。\n")


def test_known_sizes():
    sizes = {t.title: len(t.articles) for t in national_texts()}
    assert sizes["国有土地上房屋征收与补偿条例"] == 35
    assert sizes["中华人民共和国土地管理法"] == 87
    assert all(sorted(t.articles) == list(range(1, len(t.articles) + 1)) for t in national_texts())


@pytest.mark.parametrize("root", [REPO, FIXTURES / "other-district", FIXTURES / "mini"])
def test_every_national_document_is_tied_and_quoted_exactly(root: Path, tmp_path: Path):
    codes = {d.code for d in pipeline.check(copy_project(root, tmp_path / "p"))}
    assert not codes & {"R320", "R321", "R322"}


def test_inventing_an_article_is_refused(tmp_path: Path):
    """Issue 13: adding a made-up 第九十九条 to 国务院令第590号 used to make the check pass."""
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    doc = project / "content" / "policy_documents" / "house-regulation.yml"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "articles:\n", "articles:\n  - number: 99\n    text: 编造的条文。\n"), encoding="utf-8")
    found = [d for d in pipeline.check(project) if d.code == "R320"]
    assert len(found) == 1 and "没有第九十九条（共 35 条）" in found[0].message


def test_tied_by_doc_number_when_the_title_differs(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    doc = project / "content" / "policy_documents" / "house-regulation.yml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("title: 国有土地上房屋征收与补偿条例",
                                                           "title: 国有土地上房屋征收补偿条例")
                   .replace("征求意见期限不得少于30日。\n", "征求意见期限不少于30日。\n"), encoding="utf-8")
    assert {d.code for d in pipeline.check(project)} == {"R321"}
    assert json.loads((LAWS / "house-expropriation-regulation-2011.json").read_text())["doc_number"] == "国务院令第590号"
