"""The publish manifest: every file of a published site with its SHA-256, in `SHA256SUMS` at its root.

It has two jobs. It is the upload manifest: `sha256sum --strict -c SHA256SUMS` in the uploaded folder
proves the upload complete before the live site is switched (docs/ci/). And it marks the folder as
published by gongkai: a build replaces `--out` only when it is absent, empty, or holds exactly what its
manifest lists (`foreign_entry`), so a folder of someone's own files is never deleted, even when it has
an `index.html`.

The text is GNU `sha256sum` output (`<hex>  <path>`), one line per file, sorted by path, so the same
site gives the same bytes. A path holding a backslash or a newline is written the way `sha256sum`
escapes it. Hashes are kept in the work cache by file identity (device, inode, size, mtime): a rendered
page linked unchanged from the render cache, and the previous site checked before it is replaced, are
not read again.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from ..parallel.work_cache import WorkCache, code_version

MANIFEST = "SHA256SUMS"
MAX_MANIFEST_BYTES = 64_000_000
_CHUNK = 1 << 20


def _identity(st: os.stat_result) -> str | None:
    if st.st_mtime_ns % 1_000_000 == 0:  # coarse timestamps: two writes in one tick look the same
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


class Hasher:
    """SHA-256 of files, remembered by identity in the work cache (or in memory only)."""

    def __init__(self, cache: Path | None) -> None:
        self.store = WorkCache(cache, "manifest", code_version(sys.modules[__name__]))

    def of(self, path: str, st: os.stat_result) -> str:
        key = _identity(st)
        found = self.store.get(key) if key else None
        if isinstance(found, str):
            return found
        h = hashlib.sha256()
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
        value = h.hexdigest()
        if key:
            self.store.put(key, value)
        return value

    def save(self) -> None:
        self.store.save()


def walk(folder: Path) -> Iterator[tuple[str, str, os.stat_result]]:
    """(site-relative path, path on disk, lstat) of every entry below `folder`, folders too, depth first
    in name order; symbolic links are listed, never followed."""
    todo: list[Iterator[os.DirEntry[str]]] = [iter(_sorted_entries(str(folder)))]
    prefixes = [""]
    while todo:
        entry = next(todo[-1], None)
        if entry is None:
            todo.pop()
            prefixes.pop()
            continue
        st = entry.stat(follow_symlinks=False)
        rel = prefixes[-1] + entry.name
        yield rel, entry.path, st
        if stat.S_ISDIR(st.st_mode):
            todo.append(iter(_sorted_entries(entry.path)))
            prefixes.append(rel + "/")


def _sorted_entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as scan:
        return sorted(scan, key=lambda e: e.name)


def _line(digest: str, rel: str) -> str:
    """One `sha256sum` line; a path holding a backslash or a line break is escaped as `sha256sum` does."""
    if "\\" in rel or "\n" in rel or "\r" in rel:
        rel = rel.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{digest}  {rel}\n"
    return f"{digest}  {rel}\n"


def _parse(line: str) -> tuple[str, str] | None:
    escaped = line.startswith("\\")
    digest, sep, rel = (line[1:] if escaped else line).partition("  ")
    if not sep or len(digest) != 64 or digest.strip("0123456789abcdef") or not rel:
        return None
    if escaped:
        rel = rel.replace("\\\\", "\0").replace("\\n", "\n").replace("\\r", "\r").replace("\0", "\\")
    return rel, digest


def manifest_text(site_dir: Path, cache: Path | None = None) -> str:
    """The manifest of `site_dir`: every regular file but the manifest itself, sorted by path."""
    hasher = Hasher(cache)
    lines = [(rel.encode("utf-8", "surrogateescape"), _line(hasher.of(path, st), rel))
             for rel, path, st in walk(site_dir) if stat.S_ISREG(st.st_mode) and rel != MANIFEST]
    hasher.save()
    return "".join(line for _, line in sorted(lines))


def write_manifest(site_dir: Path, cache: Path | None = None) -> None:
    (site_dir / MANIFEST).write_text(manifest_text(site_dir, cache), encoding="utf-8", newline="\n")


def read_manifest(site_dir: Path) -> dict[str, str] | None:
    """path -> SHA-256 listed in the folder's manifest; None when it has none or it is not one."""
    path = site_dir / MANIFEST
    try:
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_MANIFEST_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    listed: dict[str, str] = {}
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        parsed = _parse(line)
        if parsed is None:
            return None
        listed[parsed[0]] = parsed[1]
    return listed


def foreign_entry(out: Path, cache: Path | None = None) -> tuple[str, str] | None:
    """The first entry of an existing, non-empty folder that gongkai did not publish there, and why (in
    Chinese); None when the folder may be replaced (absent, empty, or exactly what its manifest lists)."""
    if not out.exists() and not out.is_symlink():
        return None
    if not out.is_dir():
        return out.name, "它不是文件夹"
    try:
        if not any(os.scandir(out)):
            return None
        listed = read_manifest(out)
        if listed is None:
            why = ("文件夹中没有 gongkai 的发布清单（SHA256SUMS），无法确认它是生成的文件"
                   if not (out / MANIFEST).exists() else "所在文件夹的发布清单 SHA256SUMS 已损坏，无法确认它是生成的文件")
            first = next((rel for rel, _, st in walk(out) if not stat.S_ISDIR(st.st_mode) and rel != MANIFEST), MANIFEST)
            return first, why
        hasher = Hasher(cache)
        for rel, path, st in walk(out):
            problem = _entry_problem(rel, path, st, listed, hasher)
            if problem:
                return rel, problem
    except OSError as exc:
        return str(exc.filename or out), f"无法读取（{exc.strerror or exc.__class__.__name__}），不能确认它可以删除"
    return None


def _entry_problem(rel: str, path: str, st: os.stat_result, listed: dict[str, str], hasher: Hasher) -> str:
    """Why the entry is not gongkai's, or "" (folders are judged by what they hold)."""
    if rel == MANIFEST or stat.S_ISDIR(st.st_mode):
        return ""
    if stat.S_ISLNK(st.st_mode):
        return "它是符号链接，gongkai 不发布符号链接"
    if not stat.S_ISREG(st.st_mode):
        return "它不是普通文件"
    expected = listed.get(rel)
    if expected is None:
        return "它不在发布清单（SHA256SUMS）中，不是 gongkai 生成的文件"
    if hasher.of(path, st) != expected:
        return "它在发布后被改动过（与发布清单中的 SHA-256 不符）"
    return ""
