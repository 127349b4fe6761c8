"""Traditional characters are warned about at their line (RELIABILITY row 18): OpenCC t2s, phrase-aware,
so simplified words that look traditional (皇后, 乾隆, 著作) pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.rules.traditional import traditional_chars


@pytest.mark.parametrize(("text", "found"), [
    ("補償標準", ["補→补", "償→偿", "標→标", "準→准"]), ("徵收範圍", ["徵→征", "範→范", "圍→围"]),
    ("臨時安置費", ["臨→临", "時→时", "費→费"]), ("區片綜合地價", ["區→区", "綜→综", "價→价"]), ("發放", ["發→发"]),
    ("房屋徵收與補償條例", ["徵→征", "與→与", "補→补", "償→偿", "條→条"]),
])
def test_traditional_characters_are_found(text: str, found: list[str]):
    assert traditional_chars(text) == found


@pytest.mark.parametrize("text", ["皇后", "乾隆年间", "著作权", "里程", "后来", "补偿标准", "一干二净", "面积", "周转用房",
                                  "征收范围", "淮北市杜集区", "ABC 123"])
def test_simplified_text_passes(text: str):
    assert traditional_chars(text) == []


def test_a_traditional_title_is_warned_about_at_its_line(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    lines = faq.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("answer:"))
    lines[number] = lines[number].split("answer:")[0] + "answer: " + json.dumps("臨時安置費按月發放。", ensure_ascii=False)
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    diags = pipeline.check(project)
    assert [(d.code, d.line, d.severity.value) for d in diags] == [("H406", number + 1, "warning")]
    assert "臨→临" in diags[0].message
