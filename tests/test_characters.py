"""Characters that must never reach a page are refused whatever the YAML spelling (issue 12): raw, or
written by an escape in a double-quoted string, in a value, a key or a list item; the check runs on
the decoded value. Accepted text keeps feed.xml valid XML."""

from __future__ import annotations

import json
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.load.characters import FORBIDDEN
from generator.load.yamlplain import NEEDS_TREE, plain_values
from generator.load.yamlsource import parse

MINI = FIXTURES / "mini"
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def test_the_class_is_every_invisible_or_invalid_character():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        should = (category in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") and char not in ALLOWED_CONTROLS) \
            or code in (0xFFFE, 0xFFFF) or 0xFDD0 <= code <= 0xFDEF
        found = FORBIDDEN.fullmatch(char) is not None
        if should:
            assert found, f"U+{code:04X} ({category}) passes"
        elif found:  # the regex may be wider only where Unicode leaves code points unassigned
            assert category == "Cn" or code >= 0xF0000, f"U+{code:04X} ({category}) refused"


ESCAPES = {"NUL": "\\0", "bell": "\\a", "hex bell": "\\x07", "ESC": "\\e", "ANSI colour": "\\x1b[31m",
           "RLO": "\\u202e", "zero-width space": "\\u200b", "BOM": "\\ufeff", "next line": "\\N", "line separator": "\\L",
           "paragraph separator": "\\P", "LRI": "\\u2066", "PDI": "\\u2069", "private use": "\\ue000",
           "non-character": "\\uffff", "DEL": "\\x7f", "C1": "\\x85", "soft hyphen": "\\u00ad", "tag": "\\U000E0041",
           "the issue's mix": "\\0\\x07\\x1b[31m\\u202e\\u200b\\ufeff"}


@pytest.mark.parametrize("case", sorted(ESCAPES))
@pytest.mark.parametrize("where", ["value", "key", "item"])
def test_an_escape_cannot_write_a_forbidden_character(case: str, where: str):
    quoted = f'"搬家{ESCAPES[case]}的钱"'
    text = {"value": f"id: a\nquestion: {quoted}\n", "key": f"id: a\n{quoted}: x\n",
            "item": f"id: a\naliases:\n  - 过渡费\n  - {quoted}\n"}[where]
    _, diags = parse("content/faq/f.yml", text.encode("utf-8"))
    line = text.count("\n", 0, text.index(quoted)) + 1
    assert [(d.code, d.line) for d in diags] == [("Y109", line)], case
    assert plain_values(text) is NEEDS_TREE  # the fast path leaves it to the loader that reports


@pytest.mark.parametrize("char", ["\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u180e", "\u2061", "\x9b"])
def test_raw_bidi_isolates_and_other_invisible_characters_are_refused(char: str):
    _, diags = parse("f.yml", f"question: 搬家{char}的钱\n".encode())
    assert [(d.code, d.line, d.column) for d in diags] == [("Y109", 1, 13)]


def test_the_issues_example_is_refused_at_its_line_in_a_project(tmp_path: Path):
    project = copy_project(MINI, tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    lines = faq.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("question:"))
    lines[number] = '  question: "搬家\\0\\x07\\x1b[31m\\u202e\\u200b\\ufeff的钱"'
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [(d.code, d.path, d.line) for d in pipeline.check(project)] == [("Y109", "content/faq/questions.yml",
                                                                             number + 1)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(codec="utf-8", exclude_characters='"\\'), max_size=12))
def test_whatever_the_spelling_an_accepted_value_holds_no_forbidden_character(value: str):
    """The value written as JSON (a YAML double-quoted string: every non-ASCII character as an escape)."""
    text = "question: " + json.dumps(value, ensure_ascii=True) + "\n"
    root, diags = parse("f.yml", text.encode("utf-8"))
    if any(d.severity.value == "error" for d in diags):
        return
    decoded = root.entries["question"][1].value  # type: ignore[union-attr]
    assert decoded == value and not FORBIDDEN.search(value)


def test_accepted_unusual_characters_keep_feed_xml_valid(tmp_path: Path):
    project = copy_project(MINI, tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    text = faq.read_text(encoding="utf-8")
    odd = "\u00a0\u3000𠀀😀é\u0301 < & ' ]]>"  # NBSP, ideographic space, CJK ext B, emoji, combining mark, XML specials
    faq.write_text(text.replace("question: ", f"question: 过渡费{odd}", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = pipeline.build(project, out)
    assert result.published, [d.format() for d in result.diagnostics]
    feed = ET.parse(out / "feed.xml")  # raises on invalid XML
    assert any(odd.strip() in (e.text or "") for e in feed.iter())
