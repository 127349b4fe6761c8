"""Index files: page documents -> meta.json and a few large data files, read by byte ranges.

    search/data/meta.json       page count, synonyms, filters, and the directory of the data files
    search/data/<hash>.bin      key records, or pages' heads and text (named by a hash of the content)

The browser fetches meta.json, then only the bytes it needs with HTTP range requests (`Range:
bytes=a-b`; a server that ignores them sends the whole file, which still works). Two kinds of data
files, each kind one run of bytes cut into files of about FILE_BYTES:

- keys: records `key postings\\n` sorted by (slot, key); a key's slot is the top `bits` bits of its
  16-bit bucket, and meta.json holds each slot's byte length, so a key costs one range of about
  SLOT_BYTES. Files hold equal runs of slots.
- pages: per page a JSON line `[url, title, section]` (its head), then the page's text (blocks joined
  by newlines); meta.json holds the length of each head and each text. A posting names the first
  WINDOW-byte window of the page's text holding its key; the browser fetches that window with a
  little context and cuts the snippet from it, in the same range as the head when the window is near
  the start of the text (it usually is), else in a second range.

Pages are grouped into files at boundaries chosen by a hash of the page's URL, so an
edit to one page changes one text file, not every later one (and update.py links the others from the
previous build). Names are content hashes: an unchanged
file keeps its name from build to build, and a browser holding an old meta.json asks for old names and
never mixes two builds' bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from .encoding import encode, gaps, varints
from .postings import WINDOW, Doc, merge
from .tokens import bucket, fnv1a

DATA_DIR = "search/data"
SLOT_BYTES = 600  # at most: bytes of key records per slot, unless one bucket holds more
FILE_BYTES = 65536  # aim: bytes per data file


@dataclass(frozen=True)
class Facets:
    sections: tuple[str, ...]  # content types in display order
    areas: tuple[str, ...]  # towns/streets in display order
    bets: tuple[tuple[str, tuple[str, ...]], ...] = ()  # best bets: phrase (search form) -> page URLs, in order


class Head(NamedTuple):
    """What the index says of a page besides its keys and text."""

    url: str
    title: str
    section: str
    areas: tuple[str, ...]
    damping: float


@dataclass
class Layout:
    """What the index files are made of, besides the pages' text (kept between builds by update.py)."""

    heads: list[Head]  # in page id order
    lengths: list[int]  # each page's length
    records: dict[str, str]  # key -> encoded postings
    order: list[tuple[int, str]]  # (bucket, key) of every key, sorted
    text_lengths: list[int]  # bytes of each page's text
    url_hashes: list[int]


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def name(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16] + ".bin"


Ordered = TypeVar("Ordered", Doc, Head)


def head_bytes(head: Head) -> bytes:
    return _json([head.url, head.title, head.section]) + b"\n"


def order_docs(docs: Sequence[Ordered], facets: Facets) -> list[Ordered]:
    """Pages grouped by content type (so a type is one id range), then by URL."""
    rank = {s: i for i, s in enumerate(facets.sections)}
    return sorted(docs, key=lambda d: (rank.get(d.section, len(rank)), d.section, d.url))


def facet_table(heads: Sequence[Head], facets: Facets) -> dict[str, object]:
    sections = []
    for label in dict.fromkeys([*facets.sections, *(d.section for d in heads)]):
        ids = [i for i, d in enumerate(heads) if d.section == label]
        if ids:
            sections.append([label, ids[0], ids[-1] + 1])
    areas = []
    for area in facets.areas:
        ids = [i for i, d in enumerate(heads) if area in d.areas]
        areas.append([area, gaps(ids)])
    doc_of = {d.url: i for i, d in enumerate(heads)}
    bets = {phrase: [doc_of[u] for u in urls if u in doc_of] for phrase, urls in facets.bets}
    return {"types": sections, "areas": areas, "bets": {p: ids for p, ids in bets.items() if ids}}


def key_order(keys: Iterable[str]) -> list[tuple[int, str]]:
    return sorted((bucket(k), k) for k in keys)


def key_files(order: list[tuple[int, str]], records: dict[str, str], files: dict[str, bytes | None]) -> dict[str, object]:
    """Key records into slots (runs of consecutive buckets, packed up to SLOT_BYTES, so a long posting
    list sits nearly alone) and slots into files; returns the keys' directory for meta.json."""
    by_bucket: dict[int, list[bytes]] = {}
    for b, key in order:
        by_bucket.setdefault(b, []).append(f"{key} {records[key]}\n".encode())
    starts: list[int] = []
    slots: list[bytes] = []
    for b, group in by_bucket.items():
        joined = b"".join(group)
        if not slots or len(slots[-1]) + len(joined) > SLOT_BYTES:
            starts.append(b if slots else 0)
            slots.append(joined)
        else:
            slots[-1] += joined
    groups: list[list[bytes]] = []
    size = FILE_BYTES
    for slot in slots:
        if size + len(slot) > FILE_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(slot)
        size += len(slot)
    listed = []
    for run in groups:
        data = b"".join(run)
        files[name(data)] = data
        listed.append([name(data), len(run)])
    return {"files": listed, "dir": varints(_deltas(starts)), "len": varints(map(len, slots))}


def _deltas(values: list[int]) -> list[int]:
    return [v - (values[i - 1] if i else 0) for i, v in enumerate(values)]


def page_groups(sizes: Sequence[int], url_hashes: Sequence[int]) -> list[int]:
    """How many pages each page file holds: a file ends after a page whose URL hash says so (about
    FILE_BYTES a file, so the cuts move only where pages are added or removed) or once it has grown to
    4 × FILE_BYTES."""
    average = max(1.0, sum(sizes) / len(sizes)) if sizes else 1.0
    every = 1 << max(0, math.floor(math.log2(FILE_BYTES / average))) if average < FILE_BYTES else 1
    counts: list[int] = []
    size = 0
    for i, (chunk, h) in enumerate(zip(sizes, url_hashes, strict=True)):
        if not counts or size >= 4 * FILE_BYTES:
            counts.append(0)
            size = 0
        counts[-1] += 1
        size += chunk
        if h % every == 0 and i + 1 < len(sizes):
            counts.append(0)
            size = 0
    return [c for c in counts if c]


Chunk = Callable[[int], bytes]  # page id -> its head and text
Reuse = Callable[[int, int], "str | None"]  # (first page id, page count) -> the name of an unchanged file


def page_files(layout: Layout, chunk: Chunk, reuse: Reuse, files: dict[str, bytes | None]) -> dict[str, object]:
    """Pages' heads and texts into files; a file `reuse` names is listed with None instead of bytes."""
    heads = [len(head_bytes(h)) for h in layout.heads]
    sizes = [h + t for h, t in zip(heads, layout.text_lengths, strict=True)]
    listed: list[list[object]] = []
    first = 0
    for count in page_groups(sizes, layout.url_hashes):
        kept = reuse(first, count)
        if kept is None:
            data = b"".join(map(chunk, range(first, first + count)))
            kept = name(data)
            files[kept] = data
        else:
            files.setdefault(kept, None)
        listed.append([kept, count])
        first += count
    return {"files": listed, "head": varints(heads), "len": varints(layout.text_lengths), "w": WINDOW}


def index_files(layout: Layout, synonyms: dict[str, list[str]], facets: Facets, chunk: Chunk,
                reuse: Reuse) -> tuple[bytes, dict[str, bytes | None], list[list[object]]]:
    """meta.json, the data files by name (None: a page file `reuse` named, unchanged) and the page files
    as meta.json lists them."""
    files: dict[str, bytes | None] = {}
    pages = page_files(layout, chunk, reuse, files)
    meta = {"n": len(layout.heads), "syn": synonyms, **facet_table(layout.heads, facets),
            "keys": key_files(layout.order, layout.records, files), "pages": pages}
    listed = pages["files"]
    assert isinstance(listed, list)
    return _json(meta), files, listed


def full_layout(ordered: Sequence[Doc], table: dict[str, array[int]] | None = None) -> Layout:
    """The layout of pages in id order, every posting list encoded; `table`: their postings by key
    (`postings.merge`), if already known."""
    if table is None:
        table = merge([d.entry for d in ordered], [d.damping for d in ordered])
    records = {key: encode(values, len(ordered)) for key, values in table.items()}
    del table
    return Layout([Head(d.url, d.title, d.section, d.areas, d.damping) for d in ordered],
                  [d.entry.length for d in ordered], records, key_order(records), [len(d.entry.text) for d in ordered],
                  [fnv1a(d.url) for d in ordered])


def build_index(docs: Sequence[Doc], synonyms: dict[str, list[str]], facets: Facets) -> dict[str, bytes]:
    """All index files, keyed by path relative to the site root."""
    ordered = order_docs(docs, facets)
    layout = full_layout(ordered)
    meta, files, _ = index_files(layout, synonyms, facets, lambda i: head_bytes(layout.heads[i]) + ordered[i].entry.text,
                              lambda first, count: None)
    out = {f"{DATA_DIR}/{path}": data for path, data in sorted(files.items()) if data is not None}
    out[f"{DATA_DIR}/meta.json"] = meta
    return out
