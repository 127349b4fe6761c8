"""One build of the search index: patch the previous build's layout when the pages are the same ones
(update.py), else merge every page's entry (index.full_layout); then write the files, linking those
the previous build already wrote, and leave the state for the next build."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ...diagnostics import Diagnostic
from ...parallel.work_cache import FileCache, code_version, digest
from . import encoding, extract, index, postings, tokens, update
from .entries import Entries, compute, docs_of, entries_of
from .index import DATA_DIR, Facets, Head, Layout, full_layout, head_bytes, index_files

Chunk = Callable[[int], bytes]
STATE_FILE = "search-index.pickle"
DATA_CACHE = "search-data"


class IndexBuild:
    def __init__(self, site_dir: Path, cache: Path | None, heads: list[Head], paths: dict[str, str]) -> None:
        self.site_dir, self.heads, self.paths = site_dir, heads, paths
        root = site_dir.resolve()
        self.files = [Path(f"{root}/{h.url}index.html") for h in heads]
        self.state_path = cache / STATE_FILE if cache is not None else None
        self.version = code_version(extract, postings, tokens, encoding, index, update)
        self.state = update.load(self.state_path, self.version)
        self.data = FileCache(cache, DATA_CACHE, "1") if cache is not None else None
        self.stamps = [update.stamp(f) for f in self.files]
        self.costs = [s[1] if s is not None else 0 for s in self.stamps]
        self.digests = self._digests()
        self.entries = Entries(cache)

    def _digests(self) -> list[str]:
        """Each page's hash: the last build's when its file has the same stamp, else from its bytes (and
        then the size of its article, the cost of reading it, in `costs`)."""
        known: dict[tuple[str, str, update.Stamp], str] = {}
        if self.state is not None:
            known = {(h.url, h.title, s): d for h, s, d in zip(self.state.layout.heads, self.state.stamps,
                                                              self.state.digests, strict=True) if s is not None}
        out = []
        for i, (path, head, stamp) in enumerate(zip(self.files, self.heads, self.stamps, strict=True)):
            found = known.get((head.url, head.title, stamp)) if stamp is not None else ""
            if found is None:
                data = path.read_bytes()
                self.costs[i] = max(0, data.rfind(b"</article>") - data.find(b"<article")) + 1
                found = digest(data + b"\0" + head.title.encode())
            out.append(found)
        return out

    def run(self, synonyms: dict[str, list[str]], facets: Facets) -> list[Diagnostic]:
        patched = self._patched()
        diags: list[Diagnostic] = []
        if patched is not None:
            layout, chunk, reuse = patched
            kept = list(range(len(self.heads)))
        else:
            layout, chunk, kept, diags = self._merged()
            reuse = lambda first, count: None  # noqa: E731
        meta, files, listed = index_files(layout, synonyms, facets, chunk, reuse)
        self._write(meta, files)
        if not diags:
            update.save(self.state_path, update.State(self.version, layout, [self.stamps[i] for i in kept],
                                                      [self.digests[i] for i in kept], listed))
        elif self.state_path is not None:
            self.state_path.unlink(missing_ok=True)  # its data files are gone from the file cache
        return diags

    def _patched(self) -> tuple[Layout, Chunk, index.Reuse] | None:
        state, data = self.state, self.data
        if state is None or data is None or not update.same_pages(state, self.heads) or not all(self.digests) \
                or not all(data.path(str(name)).is_file() for name, _ in state.files):
            return None
        changed = [i for i, d in enumerate(self.digests) if d != state.digests[i]]
        fresh, _ = compute(self.files, self.heads, changed, self.costs)
        found = {i: e for i, e in fresh.items() if e is not None}
        for i, e in found.items():
            self.entries.recent.put(self.digests[i], e)
        if len(found) < len(fresh):
            return None
        old = update.OldPages(state, data.dir)
        layout = update.updated(state, self.heads, found, old)
        if layout is None:
            return None
        self.entries.save(self.digests)
        new = {i: head_bytes(self.heads[i]) + e.text for i, e in found.items()}
        return layout, lambda i: new[i] if i in new else old.chunk(i), \
            update.reuse_unchanged(state, set(changed), lambda name: data.path(name).is_file())

    def _merged(self) -> tuple[Layout, Chunk, list[int], list[Diagnostic]]:
        entries, table = entries_of(self.files, self.heads, self.digests, self.entries, self.costs)
        docs, diags = docs_of(self.heads, entries, self.paths)
        layout = full_layout(docs, table)
        return layout, lambda i: head_bytes(layout.heads[i]) + docs[i].entry.text, \
            [i for i, e in enumerate(entries) if e is not None], diags

    def _write(self, meta: bytes, files: dict[str, bytes | None]) -> None:
        """The files into the staging folder: new ones also into the file cache, then linked from it."""
        target = self.site_dir / DATA_DIR
        target.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(files.items()):
            if self.data is None:
                assert data is not None
                (target / name).write_bytes(data)  # a new name in this staging folder
                continue
            if data is not None and not self.data.path(name).is_file():
                self.data.dir.mkdir(parents=True, exist_ok=True)
                part = self.data.path(f"{name}.part")
                part.write_bytes(data)
                os.replace(part, self.data.path(name))
            if not self.data.link(name, target / name):
                raise FileNotFoundError(self.data.path(name))
        (target / "meta.json").write_bytes(meta)
        if self.data is not None:
            self.data.save()
