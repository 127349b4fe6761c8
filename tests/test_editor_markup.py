"""Editor text gives only the markup its field allows (issue 12, RELIABILITY row 12): the rendered HTML of
each editor field is checked against an allow-list (nh3 as a check: invalid if sanitising would change
it). Plain fields (titles, questions, summaries...) render to their own words only (H403); Markdown
fields (answers, bodies) to paragraphs, bold, italics, lists and safe links (H404); attribute lists
`{ … }` are refused everywhere (H405). Every refusal is at the value's YAML line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.model import markup
from generator.model.fields import check_markdown, check_text
from generator.renderer import mkdocs_material

MINI = FIXTURES / "mini"


def _set_faq(project: Path, key: str, value: str) -> int:
    """Put `value` (a YAML double-quoted scalar) into the first question's `key`; returns its line."""
    faq = project / "content" / "faq" / "questions.yml"
    lines = faq.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
    indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = f"{indent}{key}: " + json.dumps(value, ensure_ascii=False)
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


PLAIN_REFUSED = {
    "asterisk emphasis": "过渡费*按月*支付", "underscore emphasis": "过渡费 _按月_ 支付", "bold": "**注意** 过渡费",
    "link": "见[这里](https://example.org/)", "heading": "# 过渡费给多久", "numbered list": "1. 过渡费给多久",
    "bullet list": "- 过渡费给多久", "code": "`过渡费`", "lone asterisk": "面积 3*4 米", "list after a blank line": "过渡费\n\n- 按月",
}
ATTRIBUTE_LISTS = {
    "style on a link": "[点我](https://example.org/){: style=position:fixed;top:0;left:0;width:100% }",
    "ping": "看这里 {: ping=https://evil.example/t attributionsrc=https://evil.example/a }",
    "href": "[点我](#a){: href=//evil.example/x }", "id and class": "回答 { #gkxss .gkxss }",
    "block form": "回答\n{: target=_blank }", "no colon": "[x](https://example.org/){target=_blank}",
}
MARKDOWN_REFUSED = {
    "protocol-relative link": "见[这里](//evil.example/x)", "odd scheme": "见[这里](ftp://example.org/x)",
    "heading": "# 大标题\n\n回答", "table": "a | b\n--|--\n1 | 2", "code": "用 `rm -rf`", "code block": "回答\n\n    代码",
    "horizontal rule": "回答\n\n***\n\n更多", "admonition": "!!! note\n    注意", "definition list": "术语\n:   解释",
    "scheme without slashes": "见[这里](http:evil.example)", "relative link": "见[条例](../policies/house/)",
    "anchor": "见[第十九条](#art-19)", "page link": "见[问答](p4.md)",
}
MARKDOWN_ALLOWED = ["**加粗**和*斜体*", "- 第一\n- 第二", "1. 第一\n2. 第二", "见[条例](https://www.gov.cn/zhengce/)",
                    "[打电话](tel:0561-1234567)，[写信](mailto:zsgk@example.gov.cn)",
                    "第一行  \n第二行", "a_b_c 和 3*4", "段落一\n\n段落二"]


@pytest.mark.parametrize("case", sorted(PLAIN_REFUSED))
def test_markup_in_a_plain_field_is_refused_at_its_line(case: str, tmp_path: Path):
    project = copy_project(MINI, tmp_path / "p")
    line = _set_faq(project, "question", PLAIN_REFUSED[case])
    assert [(d.code, d.path, d.line) for d in pipeline.check(project)] == [("H403", "content/faq/questions.yml", line)]


@pytest.mark.parametrize("case", sorted(ATTRIBUTE_LISTS))
@pytest.mark.parametrize("key", ["question", "answer"])
def test_attribute_lists_are_refused_in_every_field(case: str, key: str):
    with pytest.raises(ValueError, match="H405|给网页元素加属性"):
        (check_markdown if key == "answer" else check_text)(ATTRIBUTE_LISTS[case])


@pytest.mark.parametrize("case", sorted(MARKDOWN_REFUSED))
def test_markdown_outside_the_allow_list_is_refused(case: str):
    with pytest.raises(ValueError, match="不允许的网页内容|不允许的 HTML"):
        check_markdown(MARKDOWN_REFUSED[case])


@pytest.mark.parametrize("text", MARKDOWN_ALLOWED)
def test_simple_markdown_is_allowed_in_answers(text: str):
    assert check_markdown(text) == text


def test_an_answer_with_a_hostile_link_is_reported_at_its_line(tmp_path: Path):
    project = copy_project(MINI, tmp_path / "p")
    line = _set_faq(project, "answer", "详见[这里](//evil.example/x)")
    assert [(d.code, d.line) for d in pipeline.check(project)] == [("H404", line)]


def test_the_check_renders_with_the_pages_extensions():
    source = Path(mkdocs_material.__file__).read_text(encoding="utf-8")
    assert '"markdown_extensions": list(PAGE_EXTENSIONS)' in source


ALPHABET = st.sampled_from(list("*_`[](){}#:!|-+=.\\<>&\n 1a过渡费") + ["https://", "//", "{:", "  \n", "\n\n",
                                                                        "mailto:", "javascript:", "1. "])
TEXTS = st.lists(ALPHABET, max_size=14).map("".join)


def _elements(html: str) -> list[tuple[str, ...]]:
    return [t for t in markup.tokens(html) if t[0] == "<"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(TEXTS)
def test_accepted_text_never_renders_beyond_its_allow_list(text: str):
    """Whatever the mix of Markdown characters: accepted plain text renders to paragraphs only; an
    accepted answer to allowed elements with allowed attributes and safe links only."""
    try:
        check_text(text)
    except ValueError:
        pass
    else:
        assert {t[1] for t in _elements(markup.render(text))} <= {"p"}, text
    try:
        check_markdown(text)
    except ValueError:
        return
    for token in _elements(markup.render(text)):
        assert token[1] in markup.MARKDOWN_TAGS, (text, token)
        for attribute in token[2:]:
            name, _, value = attribute.partition("=")
            assert (token[1], name) in {("a", "href"), ("ol", "start")}, (text, token)
            assert not value.startswith("//") and not re.match(r"(?i)\s*(javascript|data|vbscript):", value)
