"""Per-page statistics -> weighted postings: which pages hold a key, how strongly, and in which window.

A weight (0..63) is a BM25 term-frequency score with field boosts: a key in the title counts
TITLE_BOOST times, in a heading HEADING_BOOST times, and long pages are damped (against a fixed
TYPICAL_LENGTH rather than the site's average, so a page's weights depend on that page alone: they are
computed where the page is read, on every core, and an edit to one page changes no other page's). Section index pages
(lists of links) are damped by INDEX_DAMPING so the page itself outranks the list that links to it.

Everything that depends on one page only is its `Entry`, computed once per page (on every core, kept
in the work cache by the page's HTML hash); its postings follow from it (`values`, a lookup per
distinct frequency).
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict, deque
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
TYPICAL_LENGTH = 768  # normalised characters, about the bundled site's average (≈ 750; the synthetic ≈ 1,700)
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
    return _counted(joined, list(map(add, joined, joined[1:])))


def _counted(joined: str, pairs: list[str]) -> tuple[Counter[str], int]:
    found = Counter(joined)
    length = len(joined) - found.pop(BREAK, 0)
    found.update(pairs)
    for key in [k for k in found if BREAK in k]:
        del found[key]
    return found, length


_BREAKER = "。"  # joins texts: its search form is BREAK, so no pair spans two texts


def windows(text: bytes, size: int = WINDOW) -> list[str]:
    """The text cut every `size` bytes, each cut moved forward to the next character boundary."""
    if not text:
        return []
    cuts = []
    for at in range(0, len(text), size):
        while at < len(text) and text[at] & 0xC0 == 0x80:
            at += 1
        cuts.append(at)
    return [text[a:b].decode("utf-8") for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True) if a < b]


def body_keys(body: bytes) -> tuple[Counter[str], int, dict[str, int]]:
    """Keys of a page's text (blocks joined by newlines) with their counts, its length, and the first
    window holding each key (a pair across a window edge is in neither). Counted window by window, so
    the keys a window adds to the counter are the ones it holds first."""
    pieces = [normalise(piece.replace("\n", _BREAKER)) for piece in windows(body)]  # a block boundary breaks a run
    joined = "".join(pieces)
    pairs = list(map(add, joined, joined[1:]))
    found: Counter[str] = Counter()
    labels: list[int] = []
    spanning, start = [], 0
    for i, piece in enumerate(pieces):
        end = start + len(piece)
        found.update(piece)
        found.update(pairs[start: end - 1])
        if end < len(joined):
            spanning.append(pairs[end - 1])
        labels.extend(repeat(i if i < 0xFFFF else 0, len(found) - len(labels)))
        start = end
    found.update(spanning)
    first = dict(zip(found, labels, strict=False))  # keys only in spanning pairs: no window (0)
    length = len(joined) - found.get(BREAK, 0)
    for key in [k for k in found if BREAK in k]:
        del found[key]
    return found, length, first


def entry(title: str, text: PageText) -> Entry:
    return keyed_entry(title, text)[0]


def keyed_entry(title: str, text: PageText) -> tuple[Entry, list[str]]:
    """The page's entry and its keys as a list (what `Entry.keys` joins)."""
    body = "\n".join(text.blocks).encode("utf-8")
    tf, length, first = body_keys(body)
    titled, title_length = counts([title])
    for key, n in counts(text.headings)[0].items():
        tf[key] += HEADING_BOOST * n
    for key, n in titled.items():
        tf[key] += TITLE_BOOST * n
    keys = list(tf)
    return Entry(SEPARATOR.join(keys), array("I", tf.values()), array("H", map(first.get, keys, repeat(0))),
                 length + title_length, body), keys


def key_list(e: Entry) -> list[str]:
    return e.keys.split(SEPARATOR) if e.keys else []


def keys_of(title: str, text: bytes) -> set[str]:
    """The keys of the entry `entry(title, page text)` gave, from its title and its `Entry.text`."""
    blocks = text.decode("utf-8").split("\n") if text else []
    return set(counts(blocks)[0]) | set(counts([title])[0])


def page_entries(items: list[tuple[str, str]]) -> list[Entry | None]:
    """A fanout task: (HTML file, page title) -> the page's entry (None: no <article>)."""
    return [None if found is None else found[0] for found in _keyed_entries(items)]


def _keyed_entries(items: list[tuple[str, str]]) -> list[tuple[Entry, list[str]] | None]:
    from pathlib import Path

    from .extract import article_text

    out: list[tuple[Entry, list[str]] | None] = []
    for path, title in items:
        text = article_text(Path(path).read_bytes())
        out.append(None if text is None else keyed_entry(title, text))
    return out


Run = tuple[int, list[tuple[str, str, float]]]  # first page id, then (HTML file, title, damping) of each page


def page_runs(runs: list[Run]) -> list[tuple[list[Entry | None], dict[str, array[int]] | None]]:
    """A fanout task: each run of consecutive pages -> their entries and their postings by key (None when
    a page has no <article>: the ids would be wrong)."""
    out: list[tuple[list[Entry | None], dict[str, array[int]] | None]] = []
    for first, pages in runs:
        found = _keyed_entries([(path, title) for path, title, _ in pages])
        keyed = [f for f in found if f is not None]
        table = merge([e for e, _ in keyed], [d for _, _, d in pages], first, [k for _, k in keyed]) \
            if len(keyed) == len(found) else None
        out.append(([None if f is None else f[0] for f in found], table))
    return out


def _norm(length: int) -> float:
    return K1 * (1 - B + B * length / TYPICAL_LENGTH)


def weight(tf: int, norm: float, damping: float) -> int:
    score = tf * (K1 + 1) / (tf + norm) / (K1 + 1)
    return max(1, min(MAX_WEIGHT, round(MAX_WEIGHT * score * damping)))


_DOC_SHIFT = 22  # a posting as one integer: page id, weight (bits 16-21), window (bits 0-15)


def values(e: Entry, doc: int, damping: float) -> list[int]:
    """The page's postings as integers (see `unpack`), in the order of `e.keys`."""
    norm = _norm(e.length)
    weights = {tf: weight(tf, norm, damping) << 16 | doc << _DOC_SHIFT for tf in set(e.tf)}
    return list(map(add, map(weights.__getitem__, e.tf), e.window))


def merge(entries: Sequence[Entry], dampings: Sequence[float], first: int = 0,
          keys: Sequence[list[str]] | None = None) -> dict[str, array[int]]:
    """key -> postings as integers, page ids (from `first`) ascending; keys in order of first sight.
    `keys`: each entry's keys as a list, if at hand."""
    table: defaultdict[str, list[int]] = defaultdict(list)
    lists = table.__getitem__
    for doc, (e, damping) in enumerate(zip(entries, dampings, strict=True), start=first):
        listed = keys[doc - first] if keys is not None else key_list(e)
        deque(map(list.append, map(lists, listed), values(e, doc, damping)), maxlen=0)
    return {key: array("q", found) for key, found in table.items()}


def join(parts: Iterable[dict[str, array[int]]]) -> dict[str, array[int]]:
    """Tables `merge` gave for consecutive runs of pages, as one."""
    table: dict[str, array[int]] = {}
    for part in parts:
        for key, found in part.items():
            held = table.get(key)
            if held is None:
                table[key] = found
            else:
                held.extend(found)
    return table


def unpack(values: array[int]) -> Iterator[tuple[int, int, int]]:
    """(page id, weight, window) of each posting."""
    for v in values:
        yield v >> _DOC_SHIFT, v >> 16 & 0x3F, v & 0xFFFF
