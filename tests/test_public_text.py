"""B631: a page never shows editors' marks or an item's identifier where its title belongs (issue 11)."""

from __future__ import annotations

from generator.pages.recent_page import item_title
from generator.rules.public_text import internal_notes

IDS = {"house-audit", "land-funds", "center"}


def _codes(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in internal_notes({"recent/index.md": text}, IDS)]


def test_an_identifier_in_visible_text_is_refused_at_its_line() -> None:
    assert _codes("# 最近更新\n\n公开事项：house-audit\n") == [(3, "B631")]
    assert _codes("| land-funds | 2026-01-01 |\n") == [(1, "B631")]


def test_identifiers_in_link_targets_tags_and_longer_words_are_not_text() -> None:
    text = ('[审计结果](../audits/house-audit/)\n<a href="#land-funds">资金</a>\n'
            '<section id="house-audit" markdown>\n{#land-funds}\nhouse-audit-2025 是另一个词\n')
    assert _codes(text) == []


def test_one_word_identifiers_are_not_checked() -> None:
    assert _codes("咨询办理 center 在这里\n") == []


def test_research_marks_are_still_refused_without_identifiers() -> None:
    assert [d.code for d in internal_notes({"a.md": "见 DOMAIN §9\n"})] == ["B631"]


class _Row:
    id = "house-audit"
    level1, level2, level3 = "补偿", "审计结果", None


class _Named:
    id = "east-garden"
    name = "东园小区"


def test_an_item_without_a_page_is_named_by_its_title_never_its_id() -> None:
    assert item_title(_Row(), "公开事项") == "补偿 / 审计结果"
    assert item_title(_Named(), "安置房") == "东园小区"
    assert item_title(object(), "公开事项") == "公开事项"
