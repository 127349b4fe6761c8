"""Publish stage: build beside the target, swap it in atomically only after every check passed.

`staging(out)` gives a fresh sibling directory; `swap(staging, out)` exchanges the two directory
entries with one `renameat2(RENAME_EXCHANGE)` system call where the kernel offers it (Linux), so a
reader or a crash sees either the old site or the new one, never a mix; elsewhere it falls back to
two renames. A failed or killed build leaves only a staging directory, which the next build removes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
STAGING_SUFFIX = ".gongkai-staging"
RETIRED_SUFFIX = ".gongkai-retired"


def replaceable(root: Path, out: Path) -> bool:
    """Whether publishing may replace `out`: absent, empty, or a site published before (it has a home
    page) — never the project itself or a folder holding it."""
    root, out = root.resolve(), out.resolve()
    if out == root or out in root.parents:
        return False
    if not out.exists():
        return True
    if not out.is_dir():
        return False
    return not any(out.iterdir()) or (out / "index.html").is_file()


def staging(out: Path) -> Path:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for leftover in out.parent.glob(f"{out.name}{STAGING_SUFFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.parent.glob(f"{out.name}{RETIRED_SUFFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    path = out.parent / f"{out.name}{STAGING_SUFFIX}-{os.getpid()}"
    path.mkdir()
    return path


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def swap(staged: Path, out: Path) -> None:
    """Make `staged` the published `out`; the previous site is removed afterwards."""
    out = out.resolve()
    if not out.exists():
        os.replace(staged, out)
        return
    if _exchange(staged, out):
        shutil.rmtree(staged)  # now holds the previous site
        return
    retired = out.parent / f"{out.name}{RETIRED_SUFFIX}-{os.getpid()}"
    os.replace(out, retired)
    os.replace(staged, out)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
