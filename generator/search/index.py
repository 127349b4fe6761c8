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
edit to one page changes one text file, not every later one. Names are content hashes: an unchanged
file keeps its name from build to build, and a browser holding an old meta.json asks for old names and
never mixes two builds' bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

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


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def name(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16] + ".bin"


def order_docs(docs: Sequence[Doc], facets: Facets) -> list[Doc]:
    """Pages grouped by content type (so a type is one id range), then by URL."""
    rank = {s: i for i, s in enumerate(facets.sections)}
    return sorted(docs, key=lambda d: (rank.get(d.section, len(rank)), d.section, d.url))


def facet_table(docs: list[Doc], facets: Facets) -> dict[str, object]:
    sections = []
    for label in dict.fromkeys([*facets.sections, *(d.section for d in docs)]):
        ids = [i for i, d in enumerate(docs) if d.section == label]
        if ids:
            sections.append([label, ids[0], ids[-1] + 1])
    areas = []
    for area in facets.areas:
        ids = [i for i, d in enumerate(docs) if area in d.areas]
        areas.append([area, gaps(ids)])
    return {"types": sections, "areas": areas}


def key_files(records: dict[str, bytes], files: dict[str, bytes]) -> dict[str, object]:
    """Key records into slots (runs of consecutive buckets, packed up to SLOT_BYTES, so a long posting
    list sits nearly alone) and slots into files; returns the keys' directory for meta.json."""
    by_bucket: dict[int, list[bytes]] = {}
    for key in sorted(records, key=lambda k: (bucket(k), k)):
        by_bucket.setdefault(bucket(key), []).append(records[key])
    starts: list[int] = []
    slots: list[bytes] = []
    for b in sorted(by_bucket):
        group = b"".join(by_bucket[b])
        if not slots or len(slots[-1]) + len(group) > SLOT_BYTES:
            starts.append(b if slots else 0)
            slots.append(group)
        else:
            slots[-1] += group
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


def page_files(heads: list[bytes], texts: list[bytes], urls: list[str], files: dict[str, bytes]) -> dict[str, object]:
    """Pages' heads and texts into files, cut after a page whose URL hash says so (about FILE_BYTES a file, so
    the cuts move only where pages are added or removed) or where a file grows past 4 × FILE_BYTES."""
    chunks = [h + t for h, t in zip(heads, texts, strict=True)]
    average = max(1.0, sum(map(len, chunks)) / len(chunks)) if chunks else 1.0
    every = 1 << max(0, math.floor(math.log2(FILE_BYTES / average))) if average < FILE_BYTES else 1
    groups: list[list[bytes]] = []
    size = 0
    for i, (chunk, url) in enumerate(zip(chunks, urls, strict=True)):
        if not groups or size >= 4 * FILE_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(chunk)
        size += len(chunk)
        if fnv1a(url) % every == 0 and i + 1 < len(chunks):
            groups.append([])
            size = 0
    listed = []
    for group in groups:
        data = b"".join(group)
        files[name(data)] = data
        listed.append([name(data), len(group)])
    return {"files": listed, "head": varints(map(len, heads)), "len": varints(map(len, texts)), "w": WINDOW}


def build_index(docs: Sequence[Doc], synonyms: dict[str, list[str]], facets: Facets) -> dict[str, bytes]:
    """All index files, keyed by path relative to the site root."""
    ordered = order_docs(docs, facets)
    table = merge([d.entry for d in ordered], [d.damping for d in ordered])
    records = {key: f"{key} {encode(values, len(ordered))}\n".encode() for key, values in table.items()}
    del table
    files: dict[str, bytes] = {}
    urls = [d.url for d in ordered]
    meta = {"n": len(ordered), "syn": synonyms, **facet_table(ordered, facets),
            "keys": key_files(records, files),
            "pages": page_files([_json([d.url, d.title, d.section]) + b"\n" for d in ordered],
                                [d.entry.text for d in ordered], urls, files)}
    out = {f"{DATA_DIR}/{path}": data for path, data in sorted(files.items())}
    out[f"{DATA_DIR}/meta.json"] = _json(meta)
    return out
