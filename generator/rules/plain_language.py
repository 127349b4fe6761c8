"""Plain-language lint: resident-facing text should be short sentences, and every legal term it
uses should have a glossary entry (so the inline explanation can open on tap).

Warnings, so they fail only under `--strict`:
- D951 a sentence longer than MAX_SENTENCE characters (punctuation and spaces not counted; a
  document title in 《》 counts as two characters, since readers take it in as one unit);
- D952 a legal term from LEGAL_TERMS used without a glossary entry (term or alias) — reported
  once per file and term, where it first occurs;
- D953 a hand-typed calculation example in a compensation standard's explanation: it goes stale when
  the figures change; declare `examples` instead, which are computed at build time.

Only the fields residents read as explanations are linted (PLAIN_FIELDS); quoted law text, titles
and names are not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, warning
from ..model import CONTENT_TYPES
from .references import Site, walk

MAX_SENTENCE = 80
PLAIN_FIELDS = frozenset({
    "summary", "what_it_means", "what_i_can_do", "by_when", "what_happens", "what_to_bring", "gloss",
    "answer", "question", "how", "applies_to", "where", "conditions", "condition", "body", "known", "purpose",
    "explanation",
})
# Statutory terms residents meet in expropriation texts (DOMAIN.md §5 and the laws' own wording).
LEGAL_TERMS = (
    "征收", "公共利益", "被征收人", "房屋征收部门", "房屋征收实施单位", "征收土地预公告", "抢栽抢建", "土地现状调查",
    "社会稳定风险评估", "征地补偿安置方案", "征地补偿安置公告", "听证", "补偿登记", "征地补偿安置协议", "征收土地公告",
    "征地补偿安置决定", "区片综合地价", "土地补偿费", "安置补助费", "地上附着物", "青苗补偿", "宅基地",
    "农村集体经济组织", "房屋征收决定", "征收补偿方案", "调查登记", "旧城区改建", "房地产价格评估机构", "复核评估",
    "货币补偿", "产权调换", "房屋产权调换", "周转用房", "停产停业损失", "补偿协议", "补偿决定", "先补偿后搬迁",
    "违法建筑", "强制执行", "行政复议", "行政诉讼", "复议前置", "申请人民法院强制执行", "催告", "信息公开申请",
    "依申请公开", "被申请人", "行政行为", "不动产权属证明", "集体土地所有权", "土地使用权", "临时安置费",
    "搬迁费", "被征地农民",
)
_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")
_NOT_COUNTED = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65!-/:-@\[-`{-~“”‘’—…·]")
_TITLE = re.compile(r"《[^》]*》")
_TYPED_EXAMPLE = re.compile(r"(举例|例如|比如)[^。\n]*\d[\d,]*(?:\.\d+)?\s*元[^。\n]*\d[\d,]*(?:\.\d+)?\s*元")


def sentence_length(sentence: str) -> int:
    return len(_NOT_COUNTED.sub("", _TITLE.sub("书名", sentence.replace("**", ""))))


def long_sentences(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= MAX_SENTENCE:  # a sentence never counts more characters than it has
        return
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) <= MAX_SENTENCE:
            continue
        n = sentence_length(sentence)
        if n > MAX_SENTENCE:
            yield n, sentence.strip()


@functools.cache
def _plain_names(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name in model.model_fields if name in PLAIN_FIELDS)


def plain_texts(item: Any) -> Iterator[tuple[tuple[object, ...], str]]:
    """(location, text) of every plain-language field in an item and its nested parts."""
    for loc, sub in walk(item):
        for name in _plain_names(type(sub)):
            value = getattr(sub, name)
            if isinstance(value, str):
                yield (*loc, name), value
            elif isinstance(value, list):
                yield from (((*loc, name, i), v) for i, v in enumerate(value) if isinstance(v, str))


def _term_pattern(site: Site) -> tuple[re.Pattern[str], set[str]]:
    covered = {s for t in site.of("glossary") for s in (t.term, *t.aliases)}
    return re.compile(_longest_first(covered | set(LEGAL_TERMS))), covered


def _longest_first(surfaces: set[str]) -> str:
    """A pattern matching, at each place, the longest of `surfaces` that starts there: a trie, so the
    regex engine follows one branch per character instead of trying every term in turn."""
    trie: dict[str, dict] = {}
    for surface in surfaces:
        node = trie
        for ch in surface:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict[str, dict]) -> str:
    alternatives = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body  # a term ends here: longer ones first, then this one


def plain_language_diagnostics(site: Site) -> list[Diagnostic]:
    pattern, covered = _term_pattern(site)
    terms = pattern if not set(LEGAL_TERMS) <= covered else None  # every term explained: nothing to find
    diags: list[Diagnostic] = []
    for ctype in CONTENT_TYPES:
        standards = ctype.key == "compensation_standards"
        for item in site.of(ctype.key):
            located = site.located[(ctype.key, item.id)]
            reported: set[str] = set()
            for loc, text in plain_texts(item):
                pos = None  # found only for a diagnostic: finding it may parse the file again
                for code, message, hint in _findings(text, terms, covered, standards):
                    if code == "D952":
                        if message in reported:
                            continue
                        reported.add(message)
                        message = f"用了法律术语“{message}”，但术语表中没有它"
                    pos = pos or located.pos(*loc)
                    diags.append(warning(pos.path, pos.line, pos.column, code, message, hint))
    return diags


def _findings(text: str, terms: re.Pattern[str] | None, covered: set[str],
              standards: bool) -> Iterator[tuple[str, str, str]]:
    """(code, message, hint) for one text; for D952 the message is the unexplained term."""
    for n, sentence in long_sentences(text):
        yield ("D951", f"句子太长（{n} 字）：“{sentence[:24]}……”",
               f"一句话最好不超过 {MAX_SENTENCE} 字：把它拆成几句短话，一句只说一件事。")
    for found in terms.findall(text) if terms is not None else ():
        if found not in covered:
            yield ("D952", found, "请在 content/glossary 中为它加一条大白话解释（或把它加为已有术语的俗称），"
                                  "页面上会自动在它第一次出现的地方显示解释。")
    if standards and _TYPED_EXAMPLE.search(text):
        yield ("D953", "说明中手写了计算举例；标准的金额一改，举例就会算错",
               "删去手写的举例，在 examples 中只写情形和数量（如 120 平方米），金额由系统计算。")
