"""National laws and regulations shipped as data: a cited article must exist, a quoted one must match.

`generator/rules/laws/*.json` holds the article texts of the national laws, administrative
regulations and judicial interpretations the sites cite (regenerated from the reference texts by
`scripts/update_laws.py`). A policy document is tied to a shipped text by its title (the 标题 is the
law's own title, e.g. 国有土地上房屋征收与补偿条例) or, failing that, by its 文号 (国务院令第590号).
For a tied document, every article the editor entered must exist in the law (R320) and be quoted
word for word (R321; whitespace at line ends and blank lines do not count), and a citation of an
article the law does not have is R320 instead of R304. Local documents (no shipped text) keep the
articles their editors enter. A document of a national level whose text is not shipped gets a
warning (R322), so a misspelt title cannot quietly switch the check off.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, error, warning
from ..model.policy import Level, PolicyDocument

LAWS = Path(__file__).with_name("laws")
NATIONAL_LEVELS = frozenset({Level.law, Level.administrative_regulation, Level.judicial_interpretation})


@dataclass(frozen=True)
class NationalText:
    title: str
    doc_number: str | None
    articles: dict[int, str]


@functools.cache
def national_texts() -> tuple[NationalText, ...]:
    texts = []
    for path in sorted(LAWS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.append(NationalText(data["title"], data["doc_number"],
                                  {int(n): t for n, t in data["articles"].items()}))
    return tuple(texts)


def national_text(doc: PolicyDocument) -> NationalText | None:
    """The shipped text `doc` is tied to: same title, else same 文号; None for a local document."""
    texts = national_texts()
    by_title = next((t for t in texts if t.title == doc.title), None)
    if by_title is not None or not doc.doc_number:
        return by_title
    return next((t for t in texts if t.doc_number == doc.doc_number), None)


def normalise(text: str) -> str:
    """Paragraphs without surrounding spaces, joined by one blank line: how the data stores them."""
    lines = (line.strip(" \t\u3000") for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def article_label(number: int) -> str:
    from ..pages.text import article_label as label  # pages imports this stage: import when first used

    return label(number)


def missing_article(law: NationalText, number: int) -> str:
    return (f"《{law.title}》没有{article_label(number)}（共 {len(law.articles)} 条），"
            "请核对条号；国家法律法规的条文随生成器提供，不能自行添加")


def check_document(located: Any) -> list[Diagnostic]:
    doc: PolicyDocument = located.item
    law = national_text(doc)
    if law is None:
        if doc.level in NATIONAL_LEVELS:
            pos = located.pos("title")
            return [warning(located.path, pos.line, pos.column, "R322",
                            f"《{doc.title}》是{doc.level.label}，但生成器没有随附它的原文，所录条款无法核对",
                            "请核对标题是否与法律法规的正式名称一字不差；确实未随附的，请逐条核对所录条文。")]
        return []
    diags = []
    for i, article in enumerate(doc.articles):
        expected = law.articles.get(article.number)
        if expected is None:
            pos = located.pos("articles", i, "number")
            diags.append(error(located.path, pos.line, pos.column, "R320", missing_article(law, article.number),
                               "删除这一条，或改成正确的条号。"))
        elif normalise(article.text) != expected:
            pos = located.pos("articles", i, "text")
            got = normalise(article.text)
            where = ("分段与原文不同，原文各款之间空一行" if "".join(got.split()) == "".join(expected.split())
                     else f"第一处不同：“{_first_difference(got, expected)}”")
            diags.append(error(located.path, pos.line, pos.column, "R321",
                               f"《{law.title}》{article_label(article.number)}的录入文字与法律原文不一致（{where}）",
                               f"请逐字照录原文：{expected[:60]}……"))
    return diags


def _first_difference(got: str, expected: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected)))
    return got[max(0, i - 4): i + 8]
