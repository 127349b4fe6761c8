"""The renderer keeps gongkai's own HTML away from Python-Markdown (generator/renderer/html_stash.py): the
HTML that comes out must be the HTML Markdown alone would have produced, for every kind of page."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from pymdownx.slugs import slugify

from generator.renderer import html_stash, simple_markdown

GOLDEN = Path(__file__).parent / "golden" / "mini"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "def_list", "toc"]
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def convert(text: str) -> tuple[str, str]:
    """(HTML, table of contents) as mkdocs' Markdown settings give them."""
    md = markdown.Markdown(extensions=EXTENSIONS,
                           extension_configs={"toc": {"permalink": False, "slugify": slugify(case="lower")}})
    html = md.convert(text)
    return html, repr(getattr(md, "toc_tokens", []))


def through_stash(text: str) -> tuple[str, str]:
    stashed, pieces = html_stash.stash(text)
    html, toc = convert(stashed)
    return html_stash.restore(html, pieces), toc


def through_simple(text: str) -> tuple[str, str] | None:
    """The page through simple_markdown instead of Python-Markdown, if it takes the page."""
    stashed, pieces = html_stash.stash(text)
    simple = simple_markdown.convert(stashed, slugify(case="lower"))
    if simple is None:
        return None
    return html_stash.restore(simple[0], pieces), repr(simple[1])


def assert_both_paths_render_like_markdown(text: str, simple_required: bool = False) -> None:
    """Through the stash, and through simple_markdown when it takes the page: Python-Markdown's HTML
    (but for blank lines) and table of contents."""
    plain_html, plain_toc = convert(text)
    html, toc = through_stash(text)
    assert toc == plain_toc
    assert same(html, plain_html)
    assert html_stash.OPEN not in html and html_stash.CLOSE not in html
    simple = through_simple(text)
    assert simple is not None or not simple_required, "the simple converter takes this page"
    if simple is not None:
        assert simple[1] == plain_toc
        assert same(simple[0], plain_html)


def same(a: str, b: str) -> bool:
    """Equal but for blank lines between blocks (Markdown spaces raw HTML blocks with empty lines)."""
    return [line for line in a.splitlines() if line.strip()] == [line for line in b.splitlines() if line.strip()]


PAGES = sorted(GOLDEN.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(GOLDEN).as_posix() for p in PAGES])
def test_every_golden_page_renders_the_same_with_the_stash(page: Path):
    text = FRONT_MATTER.sub("", page.read_text(encoding="utf-8"))
    stashed, pieces = html_stash.stash(text)
    assert pieces, "the templates' HTML is stashed"
    assert_both_paths_render_like_markdown(text)


TERM = '<a class="gk-term" href="../glossary/#t" data-term="征收" data-gloss="解释">征收</a>'
TRICKY = {
    "block followed by text without a blank line is left to Markdown": "<dl>\n<dt>a</dt><dd>b</dd>\n</dl>\n**粗体**\n",
    "a markdown container is not stashed, its content is Markdown": '<div class="x" markdown>\n**粗体**\n</div>\n',
    "nested blocks of the same tag": "<ol>\n<li><ol><li>内</li></ol></li>\n</ol>\n\n后文\n",
    "an unclosed block": "<ul>\n<li>没有结束\n\n正文\n",
    "a term in a heading stays in the heading's text and id": f"## 关于{TERM}的说明\n\n正文{TERM}。\n",
    "a term in a table, a list and emphasis": f"| a | b |\n|---|---|\n| {TERM} | x |\n\n- {TERM}\n\n**{TERM}**\n",
    "a block holding a term": f"<p class=\"n\">先看{TERM}</p>\n\n尾\n",
    "an admonition": f'!!! note "提示"\n    {TERM}要点\n\n<dl>\n<dt>x</dt><dd>y</dd>\n</dl>\n',
    "paragraphs inside raw HTML stay raw": "<div class=\"r\">\n\n段落一\n\n段落二\n</div>\n\n之后的段落\n",
    "a paragraph before a definition": "补偿\n\n: 按标准给付\n\n下一段\n",
    "a bold label and plain text": f"**一句话看懂：**{TERM}按月支付。\n\n第二行\n接着写\n",
    "a hard line break": "第一行  \n第二行\n",
    "a numbered list and a setext heading": "1. 第一\n2. 第二\n\n标题\n===\n\n正文\n",
    "paragraphs at the edges of a markdown container": '<div class="p" markdown>\n开头一段\n\n结尾一段\n</div>\n',
    "the last paragraph of a page": "前面\n\n最后一段\n",
    "blocks first and last in a markdown container, an HTML heading in it": (
        '<section class="a" id="s" markdown>\n<h3 class="n">第一条</h3>\n\n<p>条文</p>\n</section>\n\n'
        '<section markdown>\n<dl>\n<dt>a</dt><dd>b</dd>\n</dl>\n</section>\n'),
    "an inline code, a link and an emphasis": "看`代码`和[链接](x/)以及*强调*\n",
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_tricky_markdown_renders_the_same(text: str):
    assert_both_paths_render_like_markdown(text)


SIMPLE = {
    "headings, repeated and explicit ids, containers, bold and links": (
        "# 标题\n\n## 说明\n\n正文\n\n## 说明\n\n## 办理 { #说明_1 }\n\n"
        '<section class="a" id="说明_2" markdown>\n### 说明\n\n**一句话看懂：**征收<a href="#x">第3步</a>。\n'
        "第二行\n</section>\n\n<div class=\"p\" markdown>\n尾段\n</div>\n"),
    "a paragraph right before a closing tag": '<div markdown>\n段落\n</div>\n\n后文\n',
}


@pytest.mark.parametrize("text", SIMPLE.values(), ids=SIMPLE.keys())
def test_simple_pages_convert_like_python_markdown(text: str):
    assert_both_paths_render_like_markdown(text, simple_required=True)


@pytest.mark.parametrize("text", ["- 列表\n", "段落\n## 标题\n", "1. 一\n", "| a |\n|---|\n| b |\n", "*斜体*\n",
                                  "<div markdown>\n未结束\n", "标题\n===\n", "术语\n\n: 解释\n"])
def test_anything_else_is_left_to_python_markdown(text: str):
    assert simple_markdown.convert(html_stash.stash(text)[0], slugify(case="lower")) is None


def test_text_already_holding_the_placeholder_characters_is_left_to_markdown():
    text = f"{html_stash.OPEN}0{html_stash.CLOSE}\n\n<dl>\n<dt>a</dt><dd>b</dd>\n</dl>\n"
    assert html_stash.stash(text) == (text, [])


def test_ids_inside_stashed_html_are_reported_as_anchors():
    _, pieces = html_stash.stash('前文\n\n<ol id="steps">\n<li id="step-1">一</li>\n</ol>\n')
    assert html_stash.anchor_ids(pieces) == {"steps", "step-1"}
