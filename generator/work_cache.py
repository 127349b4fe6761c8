"""Per-page results kept in the work folder between builds, keyed by a hash of their inputs.

A post-processor that does the same work for every page (a QR code per URL, the text of a page's HTML)
asks the cache first and computes only what is missing, so a rebuild after one edit touches only the
pages that changed. One file per cache (`<work>/cache/<name>.pickle`). The stored version includes a
hash of the source of the modules that compute the values, so a change to that code empties the
cache. A hit returns exactly what a miss would compute, so the cache never changes the output; a
missing, stale or unreadable file is simply an empty cache. `save` keeps only the entries this build
used, so the file never grows beyond one site's worth.
"""

from __future__ import annotations

import hashlib
import pickle
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


class WorkCache:
    """key -> value, loaded from and saved to one file (or kept in memory only when `folder` is None)."""

    def __init__(self, folder: Path | None, name: str, version: str) -> None:
        self.path = folder / f"{name}.pickle" if folder is not None else None
        self.version = version
        self.old: dict[str, Any] = self._load()
        self.used: dict[str, Any] = {}

    def _load(self) -> dict[str, Any]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = pickle.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - a damaged cache is an empty cache
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

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
