"""A rebuild's index from the previous build's: only the changed pages' postings are replaced.

The previous build leaves its `Layout` (every key's encoded postings, the pages' heads and lengths),
each page's HTML stamp and hash, and the list of page files (`State`, in the work folder's cache);
its data files stay in a file cache (`search-data/`), named by their content. When the pages are the
same ones in the same order (a page added, removed or moved to another content type renumbers the
pages), a changed page's keys are patched in place (a page's postings depend on that page alone):

- its old keys are recomputed from its old title and text (`postings.keys_of`), its new postings from
  its new entry; each key holding either is re-encoded (`encoding.patch`: a sparse list is decoded and
  encoded again, a dense list changes one character);
- the slots and key files are rebuilt from the records (cheap: no posting is touched), page files
  without a changed page are linked from the cache, the others are cut again from the old files.

Anything the patch cannot tell (a dense list turning sparse, a key not where it should be) gives up
and the caller merges every page again. Both ways give the same bytes: the layout is what
`index.full_layout` computes from the same pages (tests/test_search_update.py checks it).
"""

from __future__ import annotations

import os
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ...parallel.work_cache import load_state, save_state
from .encoding import encode, patch
from .index import Head, Layout, head_bytes
from .postings import Entry, key_list, keys_of, values
from .tokens import bucket

Stamp = tuple[int, int, int]  # (inode, size, mtime_ns) of a page's HTML file


@dataclass
class State:
    """What a build leaves for the next one."""

    version: str
    layout: Layout
    stamps: list[Stamp | None]
    digests: list[str]  # hash of each page's HTML and title
    files: list[list[object]]  # page files as meta.json lists them: [name, page count]


def stamp(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def load(path: Path | None, version: str) -> State | None:
    state = load_state(path, version)
    return state if isinstance(state, State) and state.version == version else None


def save(path: Path | None, state: State) -> None:
    save_state(path, state.version, state)


def same_pages(state: State, heads: list[Head]) -> bool:
    """The same pages in the same order (titles may differ: a retitled page is a changed page)."""
    old = state.layout.heads
    return len(old) == len(heads) and all(a.url == b.url and a.section == b.section and a.areas == b.areas
                                          and a.damping == b.damping for a, b in zip(old, heads, strict=True))


class OldPages:
    """The previous build's heads and texts, cut from its page files in the file cache."""

    def __init__(self, state: State, folder: Path) -> None:
        self.folder = folder
        self.place: list[tuple[str, int]] = []  # page id -> (file name, offset of its head)
        layout = state.layout
        doc = 0
        for file_name, count in state.files:
            at = 0
            for _ in range(int(str(count))):
                self.place.append((str(file_name), at))
                at += len(head_bytes(layout.heads[doc])) + layout.text_lengths[doc]
                doc += 1
        self.layout = layout
        self.data: dict[str, bytes] = {}

    def chunk(self, doc: int) -> bytes:
        file_name, at = self.place[doc]
        if file_name not in self.data:
            self.data[file_name] = (self.folder / file_name).read_bytes()
        size = len(head_bytes(self.layout.heads[doc])) + self.layout.text_lengths[doc]
        return self.data[file_name][at: at + size]

    def text(self, doc: int) -> bytes:
        return self.chunk(doc)[len(head_bytes(self.layout.heads[doc])):]


def updated(state: State, heads: list[Head], changed: dict[int, Entry], old: OldPages) -> Layout | None:
    """The layout with the `changed` pages' new entries, or None when only a full merge can tell."""
    layout = state.layout
    lengths = list(layout.lengths)
    text_lengths = list(layout.text_lengths)
    for doc, e in changed.items():
        lengths[doc], text_lengths[doc] = e.length, len(e.text)
    records, order, pages = dict(layout.records), list(layout.order), len(heads)
    for doc, e in sorted(changed.items()):
        new = dict(zip(key_list(e), values(e, doc, heads[doc].damping), strict=True))
        for key in keys_of(layout.heads[doc].title, old.text(doc)) | new.keys():
            text = records.get(key)
            got = encode([new[key]], pages) if text is None and key in new else None if text is None else \
                patch(text, pages, doc, new.get(key))
            if got is None:
                return None
            if text is None:
                insort(order, (bucket(key), key))
            if got:
                records[key] = got
            else:
                del records[key]
                del order[bisect_left(order, (bucket(key), key))]
    return replace(layout, heads=list(heads), lengths=lengths, records=records, order=order,
                   text_lengths=text_lengths)


def reuse_unchanged(state: State, changed: set[int], cached: Callable[[str], bool]) -> Callable[[int, int], str | None]:
    """(first page, page count) -> the old page file holding exactly these pages, none changed."""
    old: dict[tuple[int, int], str] = {}
    first = 0
    for file_name, count in state.files:
        old[(first, int(str(count)))] = str(file_name)
        first += int(str(count))

    def reuse(first: int, count: int) -> str | None:
        found = old.get((first, count))
        if found is None or any(first <= doc < first + count for doc in changed) or not cached(found):
            return None
        return found
    return reuse
