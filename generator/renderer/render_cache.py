"""What the last render produced, so the next one renders only the pages whose Markdown changed.

The cache (under the work folder) holds the renderer's pristine output (`site/`, before any
post-processor touched it) and a manifest: a fingerprint of everything besides a page's own Markdown
that shapes its HTML (the generated config, the theme overrides, the renderer's versions and its own
plugin code), and per source file its SHA-256 and the file it was rendered to. A page's HTML depends only on its own
Markdown and on the fingerprinted inputs (leaves are not in the navigation; nav titles are fixed in
the config), so when the fingerprint matches, re-rendering the changed pages gives exactly a full
build's output. Anything else (fingerprint changed, a media file changed, no manifest) means a full
render. A failed render deletes the manifest, so a half-updated cache is never trusted.

One more dependency: a Markdown link to another `.md` file is resolved (or reported missing) by
mkdocs against the set of pages, so when pages are added or removed, every page holding such a link
is rendered again too.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from ..parallel.work_cache import load_state, save_state

MANIFEST = "manifest.pickle"
SITE = "site"
FORMAT = 1
_RENDERER_CODE = ("mkdocs_run.py", "html_stash.py", "simple_markdown.py", "theme_hooks.py", "qr.py")
_SITE_DIR = re.compile(rb"^site_dir:.*$", re.MULTILINE)
_MD_LINK = re.compile(rb"\]\([^)\s]*\.md[)#\s]|href=[\"'][^\"']*\.md[\"'#]")


class Entry(NamedTuple):
    sha: str
    dest: str  # site-relative output file ("" for media files: copied as they are)
    stamp: str = ""  # the source file's inode, size and modification time when its SHA-256 was taken
    links: bool = False  # the page holds a Markdown link to another .md file


@dataclass(frozen=True)
class Manifest:
    fingerprint: str
    entries: dict[str, Entry]  # docs-relative source path -> entry
    source_date: str = ""  # the date the sitemap was stamped with


@dataclass(frozen=True)
class Plan:
    """What to render: all pages into a fresh cache, or only `changed` ones (and drop `removed`)."""

    full: bool
    changed: tuple[str, ...]
    removed: tuple[str, ...]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(config_file: Path, theme_dir: Path | None) -> str:
    h = hashlib.sha256(f"{FORMAT}|mkdocs {version('mkdocs')}|material {version('mkdocs-material')}|"
                       f"pymdownx {version('pymdown-extensions')}|markdown {version('Markdown')}".encode())
    for own in _RENDERER_CODE:  # the plugin that runs inside every render shapes the HTML too
        h.update(_sha((Path(__file__).parent / own).read_bytes()).encode())
    h.update(_SITE_DIR.sub(b"", config_file.read_bytes()))  # the staging folder's name changes every build
    if theme_dir is not None and theme_dir.is_dir():
        for path in sorted(p for p in theme_dir.rglob("*") if p.is_file()):
            h.update(path.relative_to(theme_dir).as_posix().encode() + b"\0" + _sha(path.read_bytes()).encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Sources:
    hashes: dict[str, str]  # docs-relative path -> SHA-256, every source file (pages and media), sorted
    linking: frozenset[str]  # pages holding a Markdown link to another .md file
    stamps: dict[str, str] = field(default_factory=dict)  # docs-relative path -> file stamp


def _stamp(st: os.stat_result) -> str:
    """inode:size:mtime_ns, or "" when the file system's clock is too coarse to tell two writes apart."""
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}" if st.st_mtime_ns % 1_000_000 else ""


def read_sources(docs_dir: Path, previous: Manifest | None = None) -> Sources:
    """Every source file's SHA-256; a file whose stamp is the one the previous manifest recorded is not
    read again (the emit stage rewrites a changed file, which changes its modification time)."""
    old = previous.entries if previous is not None else {}
    hashes: dict[str, str] = {}
    linking: set[str] = set()
    stamps: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file():
            src, stamp = path.relative_to(docs_dir).as_posix(), _stamp(path.stat())
            known = old.get(src)
            if stamp and known is not None and known.stamp == stamp:
                hashes[src], links = known.sha, known.links
            else:
                data = path.read_bytes()
                hashes[src] = _sha(data)
                links = is_page(src) and b".md" in data and bool(_MD_LINK.search(data))
            stamps[src] = stamp
            if links:
                linking.add(src)
    return Sources(hashes, frozenset(linking), stamps)


def is_page(src: str) -> bool:
    return src.endswith(".md")


_VERSION = f"render-manifest {FORMAT}"


def load(cache_dir: Path) -> Manifest | None:
    """The last render's manifest (the work cache's state file), if its pristine output is still there."""
    if not (cache_dir / SITE).is_dir():
        return None
    found = load_state(cache_dir / MANIFEST, _VERSION)
    return found if isinstance(found, Manifest) else None


def save(cache_dir: Path, manifest: Manifest) -> None:
    save_state(cache_dir / MANIFEST, _VERSION, manifest)


def forget(cache_dir: Path) -> None:
    save_state(cache_dir / MANIFEST, _VERSION, None)


def plan(previous: Manifest | None, current_fingerprint: str, sources: Sources) -> Plan:
    hashes = sources.hashes
    pages = tuple(src for src in hashes if is_page(src))
    if previous is None or previous.fingerprint != current_fingerprint:
        return Plan(True, pages, ())
    old = previous.entries
    media_changed = any(not is_page(src) and old.get(src, Entry("", "")).sha != sha for src, sha in hashes.items())
    media_removed = any(not is_page(src) and src not in hashes for src in old)
    if media_changed or media_removed:
        return Plan(True, pages, ())
    changed = tuple(src for src in pages if src not in old or old[src].sha != hashes[src])
    removed = tuple(sorted(src for src in old if is_page(src) and src not in hashes))
    if removed or any(src not in old for src in changed):
        changed = tuple(src for src in pages if src in changed or src in sources.linking)
    return Plan(False, changed, removed)
