"""Per-page statistics -> weighted postings: which pages hold a key, how strongly, and in which part.

A weight (0..63) is a BM25 term-frequency score with field boosts: a key in the title counts
TITLE_BOOST times, in a heading HEADING_BOOST times, and long pages are damped. Section index pages
(lists of links) are damped by INDEX_DAMPING so the page itself outranks the list that links to it.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from operator import add

from .encoding import MAX_WEIGHT
from .extract import PageText
from .tokens import keys_of_run, runs

TITLE_BOOST = 8
HEADING_BOOST = 5  # headings are also body text, so a heading hit counts 1 + 5
K1 = 1.2
B = 0.5
INDEX_DAMPING = 0.7
PART_CHARS = 300  # characters of page text per snippet file
_SENTENCE_END = re.compile(r"(?<=[。；！？!?;])")


@dataclass(frozen=True)
class Doc:
    """One indexed page."""

    url: str  # relative to the site root, e.g. faq/how-long-transition-fee/
    title: str
    section: str  # 栏目, used as the content-type filter
    areas: tuple[str, ...]  # towns/streets, used as the area filter
    text: PageText
    damping: float = 1.0


@dataclass(frozen=True)
class Stats:
    tf: dict[str, float]  # key -> field-boosted frequency
    part: dict[str, int]  # key -> first part holding it
    length: int  # normalised characters


def parts(blocks: tuple[str, ...], limit: int = PART_CHARS) -> list[str]:
    """Page text cut into snippet-sized parts at block, then sentence, boundaries."""
    pieces: list[str] = []
    for block in blocks:
        if len(block) <= limit:
            pieces.append(block)
            continue
        sentence = ""
        for s in _SENTENCE_END.split(block):
            if sentence and len(sentence) + len(s) > limit:
                pieces.append(sentence)
                sentence = ""
            sentence += s
            while len(sentence) > limit:
                pieces.append(sentence[:limit])
                sentence = sentence[limit:]
        if sentence:
            pieces.append(sentence)
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) + 1 + len(piece) <= limit:
            out[-1] += "\n" + piece
        else:
            out.append(piece)
    return out or [""]


def _count(texts: tuple[str, ...] | list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        for run in runs(text):
            counts.update(keys_of_run(run))
    return counts


def _keys(texts: tuple[str, ...] | list[str]) -> Counter[str]:
    """The same counts as `_count`, faster: characters, then pairs (`keys_of_run` interleaves them)."""
    counts: Counter[str] = Counter()
    for text in texts:
        for run in runs(text):
            counts.update(run)
            counts.update(map(add, run, run[1:]))
    return counts


def stats(doc: Doc, doc_parts: list[str]) -> Stats:
    tf: dict[str, float] = dict(_keys(doc.text.blocks))
    for key, n in _keys(doc.text.headings).items():
        tf[key] = tf.get(key, 0) + HEADING_BOOST * n
    for key, n in _keys([doc.title]).items():
        tf[key] = tf.get(key, 0) + TITLE_BOOST * n
    first: dict[str, int] = {}
    for i, part in enumerate(doc_parts):
        keys: set[str] = set()
        for run in runs(part):
            keys.update(run)
            keys.update(map(add, run, run[1:]))
        first.update(dict.fromkeys(keys.difference(first), i))
    length = sum(len(r) for b in (*doc.text.blocks, doc.title) for r in runs(b))
    return Stats(tf, first, length)


def weight(tf: float, length: int, average: float, damping: float) -> int:
    return _weight(tf, _norm(length, average), damping)


def _norm(length: int, average: float) -> float:
    return K1 * (1 - B + B * length / average) if average else K1


def _weight(tf: float, norm: float, damping: float) -> int:
    score = tf * (K1 + 1) / (tf + norm) / (K1 + 1)
    return max(1, min(MAX_WEIGHT, round(MAX_WEIGHT * score * damping)))


class Table:
    """key -> postings, built one page at a time and held compactly (one 64-bit integer per posting:
    page id, raw term frequency, part), so pages' statistics need not all be held at once; weights
    are computed when the postings are read, once every page's length is known."""

    def __init__(self) -> None:
        self.packed: dict[str, array[int]] = {}
        self.lengths: list[int] = []
        self.dampings: list[float] = []

    def add(self, doc: Doc, st: Stats) -> None:
        doc_id = len(self.lengths)
        if max(st.tf.values(), default=0) > _MASK_TF or max(st.part.values(), default=0) > _MASK_PART:
            raise ValueError(f"page too long for the search index: {doc.url}")
        self.lengths.append(st.length)
        self.dampings.append(doc.damping)
        packed, part = self.packed, st.part
        for key, tf in st.tf.items():
            value = doc_id << _DOC_SHIFT | int(tf) << _TF_SHIFT | part.get(key, 0)
            found = packed.get(key)
            if found is None:
                packed[key] = array("q", (value,))
            else:
                found.append(value)

    def items(self) -> Iterator[tuple[str, list[tuple[int, int, int]]]]:
        """(key, [(page id, weight, part)]) in the order keys were first seen; page ids ascending."""
        average = sum(self.lengths) / len(self.lengths) if self.lengths else 0.0
        norms = [_norm(length, average) for length in self.lengths]
        dampings = self.dampings
        for key, values in self.packed.items():
            out = []
            for value in values:
                doc, tf = value >> _DOC_SHIFT, value >> _TF_SHIFT & _MASK_TF
                score = tf * (K1 + 1) / (tf + norms[doc]) / (K1 + 1)  # as `_weight`, inlined: 2.4 M calls
                out.append((doc, max(1, min(MAX_WEIGHT, round(MAX_WEIGHT * score * dampings[doc]))),
                            value & _MASK_PART))
            yield key, out


_TF_SHIFT = 16  # bits 0-15: part; 16-39: term frequency; 40-62: page id
_DOC_SHIFT = 40
_MASK_PART = (1 << 16) - 1
_MASK_TF = (1 << 24) - 1


def postings(docs: list[Doc], all_stats: list[Stats]) -> dict[str, list[tuple[int, int, int]]]:
    """key -> [(page id, weight, part)], page ids ascending."""
    table = Table()
    for doc, st in zip(docs, all_stats, strict=True):
        table.add(doc, st)
    return dict(table.items())
