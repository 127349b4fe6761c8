"""Per-page statistics -> weighted postings: which pages hold a key, how strongly, and in which window.

A weight (0..63) is a BM25 term-frequency score with field boosts: a key in the title counts
TITLE_BOOST times, in a heading HEADING_BOOST times, and long pages are damped. Section index pages
(lists of links) are damped by INDEX_DAMPING so the page itself outranks the list that links to it.

Everything that depends on one page only is its `Entry`, computed once per page (on every core, kept
in the work cache by the page's HTML hash); the weights need the average page length, so they are
computed when the entries are merged, by a lookup per distinct frequency.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add

from .encoding import MAX_WEIGHT
from .extract import PageText
from .tokens import BREAK, normalise

TITLE_BOOST = 8
HEADING_BOOST = 5  # headings are also body text, so a heading hit counts 1 + 5
K1 = 1.2
B = 0.5
INDEX_DAMPING = 0.7
WINDOW = 512  # bytes of page text per snippet window: a posting names the first window holding its key
SEPARATOR = "\0"  # between a page's keys in `Entry.keys` (never part of a key)


@dataclass(frozen=True)
class Entry:
    """What one page gives the index (compact, so thousands load from the cache in milliseconds)."""

    keys: str  # the page's keys joined by SEPARATOR
    tf: array[int]  # field-boosted frequency of each key
    window: array[int]  # first window of `text` holding each key (0 if only across a window edge)
    length: int  # normalised characters of title and body
    text: bytes  # the body text, blocks joined by "\n", UTF-8: what snippets are cut from


@dataclass(frozen=True)
class Doc:
    """One indexed page."""

    url: str  # relative to the site root, e.g. faq/how-long-transition-fee/
    title: str
    section: str  # 栏目, used as the content-type filter
    areas: tuple[str, ...]  # towns/streets, used as the area filter
    entry: Entry
    damping: float = 1.0


def counts(texts: Iterable[str]) -> tuple[Counter[str], int]:
    """Keys of some texts with their counts (every character and every pair inside a run), and the
    number of characters."""
    joined = normalise(_BREAKER.join(texts))
    found = Counter(joined)
    length = len(joined) - found.pop(BREAK, 0)
    found.update(map(add, joined, joined[1:]))
    return Counter({k: n for k, n in found.items() if BREAK not in k}), length


_BREAKER = "。"  # joins texts: its search form is BREAK, so no pair spans two texts


def windows(text: bytes, size: int = WINDOW) -> list[str]:
    """The text cut every `size` bytes, each cut moved forward to the next character boundary."""
    cuts = []
    for at in range(0, len(text), size):
        while at < len(text) and text[at] & 0xC0 == 0x80:
            at += 1
        cuts.append(at)
    return [text[a:b].decode("utf-8") for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True) if a < b]


def first_windows(text: bytes) -> dict[str, int]:
    first: dict[str, int] = {}
    for i, piece in reversed(list(enumerate(windows(text)[:0xFFFF]))):
        norm = normalise(piece.replace("\n", _BREAKER))  # a block boundary breaks a run
        first.update(dict.fromkeys(norm, i))
        first.update(dict.fromkeys(map(add, norm, norm[1:]), i))
    return first


def entry(title: str, text: PageText) -> Entry:
    tf, length = counts(text.blocks)
    titled, title_length = counts([title])
    for key, n in counts(text.headings)[0].items():
        tf[key] += HEADING_BOOST * n
    for key, n in titled.items():
        tf[key] += TITLE_BOOST * n
    body = "\n".join(text.blocks).encode("utf-8")
    keys = list(tf)
    return Entry(SEPARATOR.join(keys), array("I", tf.values()), array("H", map(first_windows(body).get, keys, repeat(0))),
                 length + title_length, body)


def keys_of(title: str, text: bytes) -> set[str]:
    """The keys of the entry `entry(title, page text)` gave, from its title and its `Entry.text`."""
    blocks = text.decode("utf-8").split("\n") if text else []
    return set(counts(blocks)[0]) | set(counts([title])[0])


def page_entries(items: list[tuple[str, str]]) -> list[Entry | None]:
    """A fanout task: (HTML file, page title) -> the page's entry (None: no <article>)."""
    from pathlib import Path

    from .extract import page_text

    out: list[Entry | None] = []
    for path, title in items:
        text = page_text(Path(path).read_text(encoding="utf-8"))
        out.append(None if text is None else entry(title, text))
    return out


AVERAGE_BITS = 5  # significant bits kept of the average page length


def rounded_average(lengths: Sequence[int]) -> int:
    """The average page length to AVERAGE_BITS significant bits (within 1/16): editing one page almost
    never moves it, so the other pages' weights stay as they were (see update.py)."""
    if not lengths:
        return 0
    average = sum(lengths) // len(lengths)
    shift = max(0, average.bit_length() - AVERAGE_BITS)
    return average >> shift << shift


def _norm(length: int, average: int) -> float:
    return K1 * (1 - B + B * length / average) if average else K1


def weight(tf: int, norm: float, damping: float) -> int:
    score = tf * (K1 + 1) / (tf + norm) / (K1 + 1)
    return max(1, min(MAX_WEIGHT, round(MAX_WEIGHT * score * damping)))


_DOC_SHIFT = 22  # a posting as one integer: page id, weight (bits 16-21), window (bits 0-15)


def values(e: Entry, doc: int, damping: float, average: int) -> list[int]:
    """The page's postings as integers (see `unpack`), in the order of `e.keys`."""
    norm = _norm(e.length, average)
    weights = {tf: weight(tf, norm, damping) << 16 | doc << _DOC_SHIFT for tf in set(e.tf)}
    return list(map(add, map(weights.__getitem__, e.tf), e.window))


def merge(entries: Sequence[Entry], dampings: Sequence[float], average: int) -> dict[str, list[int]]:
    """key -> postings as integers, page ids ascending; keys in order of first sight."""
    table: defaultdict[str, list[int]] = defaultdict(list)
    for doc, (e, damping) in enumerate(zip(entries, dampings, strict=True)):
        for key, value in zip(e.keys.split(SEPARATOR), values(e, doc, damping, average), strict=True):
            table[key].append(value)
    return table


def unpack(values: array[int]) -> Iterator[tuple[int, int, int]]:
    """(page id, weight, window) of each posting."""
    for v in values:
        yield v >> _DOC_SHIFT, v >> 16 & 0x3F, v & 0xFFFF
