"""YAML slips Chinese editors make are explained in Chinese, at the line where they were typed."""

from __future__ import annotations

import re

import pytest

from generator.load.yamlsource import parse

FAQ = "- id: a1\n  question{sep}搬家费多少？\n  answer: 见标准。\n  topic: 安置\n"


@pytest.mark.parametrize(("sep", "said"), [("：", "中文冒号"), (":", "冒号后面缺少空格")])
def test_colon_slip_points_at_the_key(sep: str, said: str) -> None:
    _, diags = parse("f.yml", FAQ.format(sep=sep).encode())
    assert [(d.code, d.line, d.column) for d in diags] == [("Y101", 2, 11)]
    assert said in diags[0].message and "question" in diags[0].message


@pytest.mark.parametrize("text", [
    "basis: [{document: a, article: 24}\n",      # unclosed bracket
    "question: 搬家费: 多少？\n",                  # colon inside a plain value
    'answer: "见\\q标准"\n',                      # bad escape in double quotes
])
def test_syntax_errors_are_explained_in_chinese(text: str) -> None:
    _, diags = parse("f.yml", text.encode())
    assert [d.code for d in diags] == ["Y101"]
    explanation = re.sub(r"（[ -~]*）$", "", diags[0].message).replace("YAML", "")  # the original kept at the end
    assert not re.search(r"[A-Za-z]{3,}", explanation), diags[0].message
