"""The build's one cache: results kept in the work folder between builds, content-addressed.

A stage that does the same work for many inputs (a content file's check, a page's Markdown, a page's
search text or site-check facts) keys each result by a hash of its inputs (`digest`), asks the cache
first and computes only what is missing, so a rebuild after one edit touches only what changed. Every
cache has a version naming the code that computes its values (`code_version`: a hash of those modules'
source, plus any library versions or data the caller adds), so a change to that code empties it. A hit
is exactly what a miss computes, so the cache never changes the output.

Two shapes, and a state:

- `WorkCache`: key -> value, in one pickle file (`<work>/cache/<name>.pickle`) or, for many entries that
  change a few at a time, spread over 16 files by the key's first hex digit (`<name>/<digit>.pickle`,
  `shards=16`), so a rebuild after one edit rewrites one or two small files.
- `FileCache`: key -> one finished file, hard-linked into the staging folder, so a warm build copies no
  bytes. A staged file may then share its inode with the cache, so nothing may open a staged file for
  writing (the staging rule); a cache file appears under its name only once complete.
- `load_state`/`save_state`: the one value a build leaves for the next (the render manifest, the search
  index's layout), in the same file format.

One policy for both: a missing, damaged, stale or unreadable file is an empty cache; a file is replaced
atomically (written under a unique temporary name, then renamed), so two runs at once or an interrupted
run never leave half a file; one that cannot be written (a read-only project, a full disk) is not
written, and the next build computes its entries again; `save` keeps exactly the entries this build used,
so a cache never grows beyond one site's worth.
"""

from __future__ import annotations

import contextlib
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
STATE = "state"


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


def write_entries(path: Path, version: str, entries: dict[str, Any]) -> None:
    """Replace `path` atomically (no entries: remove it); a file that cannot be written is left alone."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if not entries:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickle.dumps({"version": version, "entries": entries}, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:  # the next build computes these entries again
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def load_state(path: Path | None, version: str) -> Any | None:
    """The one value a build left for the next (the render manifest, the search index's layout): not
    content-addressed, since it describes the last build, but kept in the same file format and policy."""
    return read_entries(path, version).get(STATE) if path is not None else None


def save_state(path: Path | None, version: str, value: Any | None) -> None:
    """Replace the state (None: remove it, so a half-updated state is never trusted)."""
    if path is not None:
        write_entries(path, version, {STATE: value} if value is not None else {})


class WorkCache:
    """key -> value, loaded from and saved to one file, or `shards` (16) files by the key's first hex
    digit; kept in memory only when `folder` is None. Keys are hex digests of the inputs."""

    def __init__(self, folder: Path | None, name: str, version: str, shards: int = 1) -> None:
        self.path = folder / f"{name}.pickle" if folder is not None and shards == 1 else None
        self.folder = folder / name if folder is not None and shards > 1 else None
        self.shards = [f"{n:x}" for n in range(shards)] if shards > 1 else [""]
        self.version = version
        self.old: dict[str, Any] = {}
        for shard in self.shards:
            self.old.update(self._read(shard))
        self.used: dict[str, Any] = {}

    def _file(self, shard: str) -> Path | None:
        return self.path if self.folder is None else self.folder / f"{shard}.pickle"

    def _read(self, shard: str) -> dict[str, Any]:
        path = self._file(shard)
        return read_entries(path, self.version) if path is not None else {}

    def get(self, key: str) -> Any | None:
        if key in self.used:
            return self.used[key]
        value = self.old.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        """Keep exactly the entries this build used; rewrite only the files whose keys changed (a key
        names its value)."""
        if self.path is None and self.folder is None:
            return
        if len(self.shards) == 1:
            if self.used.keys() != self.old.keys():
                write_entries(self.path, self.version, self.used)  # type: ignore[arg-type]
            return
        for shard in self.shards:
            used = {k: v for k, v in self.used.items() if k[:1] == shard}
            if used.keys() != {k for k in self.old if k[:1] == shard}:
                write_entries(self.folder / f"{shard}.pickle", self.version, used)  # type: ignore[operator]


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
