"""Emitted Markdown kept between builds, keyed by the Page value it was rendered from.

A Page (generator/pages/page.py) holds everything its template reads: the content items, the values
derived from them, links and dates. So a page whose Page value is unchanged since the last build has the
same Markdown, glossary explanations included, and a rebuild after one edit renders only the pages the
edit reached. The key is the SHA-256 of the Page pickled by value (`_KeyPickler`); the cache's version names the code and
templates that turn a Page into Markdown, the glossary the explanations come from and the contact names
linked to their entries, so changing any of
them starts afresh. A page that cannot be pickled is simply rendered every time.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..pages import Page, contact_links, glossary_inline
from ..parallel.fanout import Work, fan_out
from ..parallel.work_cache import WorkCache, code_version, digest
from ..rules.references import Site
from . import emit, tables

TEMPLATES = Path(__file__).parent.parent / "templates"


def _version(site: Site) -> str:
    templates = hashlib.sha256()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            templates.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes())
    glossary = digest(repr([(t.id, t.term, t.aliases, t.gloss) for t in site.of("glossary")]))
    contacts = digest(repr(sorted(contact_links.surfaces(site).items())))  # the names linked to contacts
    return code_version(emit, tables, glossary_inline, contact_links, sys.modules[__name__],
                        extra=templates.hexdigest() + glossary + contacts)


def _model(digest: bytes) -> None:
    """Stands for a content model in a key (keys are never unpickled)."""


def _canonical(value: Any) -> Any:
    return tuple(sorted(value, key=repr)) if isinstance(value, (set, frozenset)) else value


class _KeyPickler(pickle.Pickler):
    """Pickles a Page by value only: a content model as its class and the digest of its field values
    (not pydantic's set of fields given, whose order changes from one process to the next; models are
    immutable, so each is digested once per build), without memo references (whether two equal values
    are one object or two does not change the key)."""

    def __init__(self, file: io.BytesIO, digests: dict[int, tuple[BaseModel, bytes]]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.fast = True  # no memo
        self.digests = digests

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseModel):
            found = self.digests.get(id(obj))
            if found is None or found[0] is not obj:
                cls = type(obj)
                fields = (f"{cls.__module__}.{cls.__qualname__}",
                          tuple(_canonical(getattr(obj, name)) for name in cls.model_fields))
                found = self.digests[id(obj)] = (obj, _digest(fields, self.digests))
            return _model, (found[1],)
        return NotImplemented


def _digest(value: Any, digests: dict[int, tuple[BaseModel, bytes]]) -> bytes:
    buffer = io.BytesIO()
    _KeyPickler(buffer, digests).dump(value)
    return hashlib.sha256(buffer.getvalue()).digest()


def page_key(page: Page, digests: dict[int, tuple[BaseModel, bytes]] | None = None) -> str | None:
    """`digests`: models already digested in this build (id -> (model, digest)), shared between pages."""
    try:
        return _digest(page, {} if digests is None else digests).hex()
    except Exception:  # noqa: BLE001 - something in the context cannot be pickled: no caching for this page
        return None


def _keys(pages: Sequence[Page]) -> list[str | None]:
    digests: dict[int, tuple[BaseModel, bytes]] = {}  # models shared by these pages, digested once
    return [page_key(page, digests) for page in pages]


def cached_markdown(site: Site, pages: tuple[Page, ...], cache: Path | None,
                    make: Callable[[tuple[Page, ...]], Mapping[str, str]]) -> dict[str, str]:
    """Every page's Markdown: from the cache where its Page is unchanged, else from `make(pages)`."""
    store = WorkCache(cache, "markdown", _version(site))
    keys = dict(zip((page.path for page in pages), fan_out(_keys, pages, work=Work.IN_MEMORY), strict=True))
    found = {path: store.get(key) for path, key in keys.items() if key is not None}
    made = make(tuple(page for page in pages if found.get(page.path) is None))
    out: dict[str, str] = {}
    for page in pages:
        text = found.get(page.path)
        out[page.path] = text if text is not None else made[page.path]
        key = keys[page.path]
        if key is not None:
            store.put(key, out[page.path])
    store.save()
    return out
