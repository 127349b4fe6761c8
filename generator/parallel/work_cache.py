"""Per-page results kept in the work folder between builds, keyed by a hash of their inputs.

A post-processor that does the same work for every page (a QR code per URL, the text of a page's HTML)
asks the cache first and computes only what is missing, so a rebuild after one edit touches only the
pages that changed. One file per cache (`<work>/cache/<name>.pickle`). The stored version includes a
hash of the source of the modules that compute the values, so a change to that code empties the
cache. A hit returns exactly what a miss would compute, so the cache never changes the output; a
missing, stale or unreadable file is simply an empty cache. `save` keeps only the entries this build
used, so the file never grows beyond one site's worth.

`FileCache` keeps finished files instead (one per key, e.g. a page's QR code) and hard-links them into
the staging folder, so a warm build copies no bytes. A staged file may then share its inode with the
cache, so nothing may open a staged file for writing (the staging rule); a cache file appears under
its name only once complete (it is linked in after being written), so a build interrupted half-way
leaves no truncated file behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

FORMAT = 1


def digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def code_version(*modules: ModuleType, extra: str = "") -> str:
    """A version naming the code that computes a cache's values."""
    h = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}|{extra}".encode())
    for module in modules:
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()


def read_entries(path: Path, version: str) -> dict[str, Any]:
    """The entries of a cache file written for `version`; {} if it is missing, damaged or stale."""
    try:
        data = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - a missing or damaged cache is an empty cache
        return {}
    if not isinstance(data, dict) or data.get("version") != version:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


class WorkCache:
    """key -> value, loaded from and saved to one file (or kept in memory only when `folder` is None)."""

    def __init__(self, folder: Path | None, name: str, version: str) -> None:
        self.path = folder / f"{name}.pickle" if folder is not None else None
        self.version = version
        self.old: dict[str, Any] = self._load()
        self.used: dict[str, Any] = {}

    def _load(self) -> dict[str, Any]:
        return read_entries(self.path, self.version) if self.path is not None else {}

    def get(self, key: str) -> Any | None:
        if key in self.used:
            return self.used[key]
        if key in self.old:
            self.used[key] = self.old[key]
            return self.used[key]
        return None

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        if self.path is None or self.used == self.old:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps({"version": self.version, "entries": self.used},
                                     protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(self.path)


class FileCache:
    """key -> one finished file in `<folder>/<name>/<version>/`, hard-linked to where a build needs it."""

    def __init__(self, folder: Path, name: str, version: str) -> None:
        self.root = folder / name
        self.dir = self.root / version[:32]
        self.used: set[str] = set()

    def path(self, key: str) -> Path:
        return self.dir / key

    def link(self, key: str, dest: Path) -> bool:
        """The file for `key` at `dest` (its folder exists); False when the cache does not hold it."""
        self.used.add(key)
        try:
            place(self.dir / key, dest)
        except FileNotFoundError:
            return False
        except FileExistsError:  # replaced, never opened: it may share its inode with another cache
            part = dest.with_name(f"{dest.name}.{os.getpid()}.part")
            place(self.dir / key, part)
            os.replace(part, dest)
        return True

    def save(self) -> None:
        """Drop the files this build did not use, and every other version's folder."""
        if not self.root.is_dir():
            return
        for entry in os.scandir(self.root):
            if entry.path != str(self.dir):
                shutil.rmtree(entry.path, ignore_errors=True) if entry.is_dir() else os.unlink(entry.path)
        if self.dir.is_dir():
            for entry in os.scandir(self.dir):
                if entry.name not in self.used:
                    os.unlink(entry.path)


def place(source: Path, dest: Path) -> None:
    """`source`'s bytes at the new path `dest`: a hard link, or a copy across file systems. Raises
    FileNotFoundError when `source` is missing and FileExistsError when `dest` exists."""
    try:
        os.link(source, dest)
    except (FileNotFoundError, FileExistsError):
        raise
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        part = dest.with_name(f"{dest.name}.{os.getpid()}.part")
        part.write_bytes(source.read_bytes())
        try:
            os.link(part, dest)  # appears complete or not at all
        finally:
            part.unlink()
