"""What each content file gave when it was last checked, kept in the work folder between runs.

Parsing and validating a file depends only on its path, its type and its bytes (and on the code), so
its result (`content.Checked`: the valid items and the diagnostics) is stored under the SHA-256 of
those; the store's version names the code and the YAML and pydantic versions, so any change to them
empties it. A hit is exactly what checking the file again would give, diagnostics included.

The entries are spread over SHARDS files by the first hex digit of their key
(`<cache>/content/<digit>.pickle`), so a run after one edit rewrites two small files, not the whole
site's worth. A shard is replaced atomically (written under a unique temporary name, then renamed),
so two runs at once or an interrupted run never leave a half-written file; a missing, stale or
unreadable shard is simply empty, and a shard that cannot be written is not written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from ..parallel.work_cache import read_entries

FOLDER = "content"
SHARDS = 16


def key_of(path: str, type_key: str, data: bytes) -> str:
    h = hashlib.sha256(f"{path}\0{type_key}\0".encode())
    h.update(data)
    return h.hexdigest()


class ContentStore:
    """key -> checked file, loaded from and saved to the shards (or in memory only when `folder` is None)."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder / FOLDER if folder is not None else None
        self.version = version
        self.old: dict[str, dict[str, Any]] = {f"{n:x}": self._load(f"{n:x}") for n in range(SHARDS)}
        self.used: dict[str, dict[str, Any]] = {shard: {} for shard in self.old}

    def _load(self, shard: str) -> dict[str, Any]:
        return read_entries(self.folder / f"{shard}.pickle", self.version) if self.folder is not None else {}

    def get(self, key: str) -> Any | None:
        shard = key[0]
        value = self.old[shard].get(key)
        if value is not None:
            self.used[shard][key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.used[key[0]][key] = value

    def save(self) -> None:
        """Keep exactly the entries this run used; rewrite only the shards whose keys changed."""
        if self.folder is None:
            return
        for shard, entries in self.used.items():
            if entries.keys() != self.old[shard].keys():
                self._write(shard, entries)

    def _write(self, shard: str, entries: dict[str, Any]) -> None:
        assert self.folder is not None
        target = self.folder / f"{shard}.pickle"
        tmp = self.folder / f".{shard}.{os.getpid()}.tmp"
        try:
            if not entries:
                target.unlink(missing_ok=True)
                return
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(pickle.dumps({"version": self.version, "entries": entries},
                                         protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, target)
        except OSError:  # a read-only project, a full disk: the next run checks these files again
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
