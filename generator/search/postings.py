"""Per-page statistics -> weighted postings: which pages hold a key, how strongly, and in which part.

A weight (0..63) is a BM25 term-frequency score with field boosts: a key in the title counts
TITLE_BOOST times, in a heading HEADING_BOOST times, and long pages are damped. Section index pages
(lists of links) are damped by INDEX_DAMPING so the page itself outranks the list that links to it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

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


def stats(doc: Doc, doc_parts: list[str]) -> Stats:
    tf: dict[str, float] = dict(_count(doc.text.blocks))
    for key, n in _count(doc.text.headings).items():
        tf[key] = tf.get(key, 0) + HEADING_BOOST * n
    for key, n in _count([doc.title]).items():
        tf[key] = tf.get(key, 0) + TITLE_BOOST * n
    first: dict[str, int] = {}
    for i, part in enumerate(doc_parts):
        for key in _count([part]):
            first.setdefault(key, i)
    length = sum(len(r) for b in (*doc.text.blocks, doc.title) for r in runs(b))
    return Stats(tf, first, length)


def weight(tf: float, length: int, average: float, damping: float) -> int:
    norm = K1 * (1 - B + B * length / average) if average else K1
    score = tf * (K1 + 1) / (tf + norm) / (K1 + 1)
    return max(1, min(MAX_WEIGHT, round(MAX_WEIGHT * score * damping)))


def postings(docs: list[Doc], all_stats: list[Stats]) -> dict[str, list[tuple[int, int, int]]]:
    """key -> [(page id, weight, part)], page ids ascending."""
    average = sum(s.length for s in all_stats) / len(all_stats) if all_stats else 0.0
    table: dict[str, list[tuple[int, int, int]]] = {}
    for doc_id, (doc, st) in enumerate(zip(docs, all_stats, strict=True)):
        for key, tf in st.tf.items():
            w = weight(tf, st.length, average, doc.damping)
            table.setdefault(key, []).append((doc_id, w, st.part.get(key, 0)))
    return table
