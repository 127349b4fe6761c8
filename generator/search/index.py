"""Index files: page documents -> a small meta file, key shards and snippet parts (all JSON).

    search/data/meta.json              version, page count, shard directory, synonyms, facets
    search/data/<version>/k/<n>.json   key shard: {key: postings}, fetched for the keys of a query
    search/data/<version>/p/<id>.<part>.json
                                       one part of a page's text with its title, URL and section,
                                       fetched only for results that are shown

Keys are spread over 65,536 hash buckets; a shard holds a run of consecutive buckets, packed up to
SHARD_BYTES, so the browser fetches a few kilobytes per query term and never the whole index. The
version (a hash of all file contents) names the folder, so a browser never mixes two builds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .encoding import gaps, postings_text, varints
from .postings import Doc, Table, parts, stats
from .tokens import bucket

SHARD_BYTES = 1200
DATA_DIR = "search/data"


@dataclass(frozen=True)
class Facets:
    sections: tuple[str, ...]  # content types in display order
    areas: tuple[str, ...]  # towns/streets in display order


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def order_docs(docs: Sequence[Doc], facets: Facets) -> list[Doc]:
    """Pages grouped by content type (so a type is one id range), then by URL."""
    rank = {s: i for i, s in enumerate(facets.sections)}
    return sorted(docs, key=lambda d: (rank.get(d.section, len(rank)), d.section, d.url))


def shards(encoded: dict[str, str]) -> tuple[list[int], list[dict[str, str]]]:
    """Pack keys, by bucket, into shards: (first bucket of each shard, shard contents)."""
    by_bucket: dict[int, dict[str, str]] = {}
    for key in sorted(encoded):
        by_bucket.setdefault(bucket(key), {})[key] = encoded[key]
    starts: list[int] = []
    contents: list[dict[str, str]] = []
    size = 0
    for b in sorted(by_bucket):
        group = by_bucket[b]
        group_size = sum(len(k.encode()) + len(v) + 6 for k, v in group.items())
        if not contents or size + group_size > SHARD_BYTES:
            starts.append(b if contents else 0)
            contents.append({})
            size = 0
        contents[-1].update(group)
        size += group_size
    return starts, contents


def facet_table(docs: list[Doc], facets: Facets) -> dict[str, object]:
    sections = []
    for label in dict.fromkeys([*facets.sections, *(d.section for d in docs)]):
        ids = [i for i, d in enumerate(docs) if d.section == label]
        if ids:
            sections.append([label, ids[0], ids[-1] + 1])
    areas = []
    for name in facets.areas:
        ids = [i for i, d in enumerate(docs) if name in d.areas]
        areas.append([name, gaps(ids)])
    return {"types": sections, "areas": areas}


def build_index(docs: Sequence[Doc], synonyms: dict[str, list[str]], facets: Facets) -> dict[str, bytes]:
    """All index files, keyed by path relative to the site root."""
    ordered = order_docs(docs, facets)
    doc_parts = [parts(d.text.blocks) for d in ordered]
    table = Table()  # one page's statistics at a time: they are the memory peak
    for doc, texts in zip(ordered, doc_parts, strict=True):
        table.add(doc, stats(doc, texts))
    encoded = {key: postings_text(plist, len(ordered)) for key, plist in table.items()}
    del table
    starts, contents = shards(encoded)
    files: dict[str, bytes] = {}
    for n, shard in enumerate(contents):
        files[f"k/{n}.json"] = _json(shard)
    for doc_id, (doc, texts) in enumerate(zip(ordered, doc_parts, strict=True)):
        for i, text in enumerate(texts):
            files[f"p/{doc_id}.{i}.json"] = _json({"u": doc.url, "t": doc.title, "s": doc.section, "x": text})
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    version = digest.hexdigest()[:12]
    meta = {"v": version, "n": len(ordered), "dir": varints(_deltas(starts)), "syn": synonyms,
            **facet_table(ordered, facets)}
    out = {f"{DATA_DIR}/{version}/{path}": data for path, data in files.items()}
    out[f"{DATA_DIR}/meta.json"] = _json(meta)
    return out


def _deltas(values: list[int]) -> list[int]:
    return [v - (values[i - 1] if i else 0) for i, v in enumerate(values)]
