"""Publish stage: build beside the target, swap it in atomically only after every check passed.

`staging(out)` gives a fresh sibling directory; `swap(staging, out)` exchanges the two directory
entries with one `renameat2(RENAME_EXCHANGE)` system call where the kernel offers it (Linux), so a
reader or a crash sees either the old site or the new one, never a mix; elsewhere it falls back to
two renames. A failed or killed build leaves only a staging directory, which the next build removes.

Deleting a site's thousands of files takes seconds on some disks (4 ms a file here), so the previous
site and any leftovers are renamed aside (`<out>.gongkai-retired-*`, instant, never the published
path) and deleted by a detached process; the build does not wait for it. A retired folder that
outlives its deleter is deleted by the next build the same way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .diagnostics import Diagnostic, error, os_path, os_reason
from .post import foreign_entry

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
STAGING_SUFFIX = ".gongkai-staging"


def _no_pause(point: str) -> None:
    """Test hook: tests/test_publish_atomic.py replaces `pause_point` to stop a build at a named point of the
    swap ("before-swap", "exchanged", "retired", "swapped") and kill it there."""


pause_point: Callable[[str], None] = _no_pause
RETIRED_SUFFIX = ".gongkai-retired"


def replaceable(root: Path, out: Path, cache: Path | None = None) -> tuple[str, str] | None:
    """Why publishing may not replace `out` ((entry, reason in Chinese)), or None: `out` must be absent,
    empty, or a site gongkai published (every file listed in its manifest, unchanged), and never the
    project itself or a folder holding it."""
    root, out = root.resolve(), out.resolve()
    if out == root or out in root.parents:
        return "", "它是站点项目本身或包含项目的目录"
    return foreign_entry(out, cache)


def staging(out: Path) -> Path:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for leftover in sorted(out.parent.glob(f"{out.name}{STAGING_SUFFIX}*")):
        retire(leftover, out)
    for leftover in sorted(out.parent.glob(f"{out.name}{RETIRED_SUFFIX}*")):
        remove_later(leftover)
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
    pause_point("before-swap")
    if not out.exists():
        os.replace(staged, out)
    elif _exchange(staged, out):
        pause_point("exchanged")
        retire(staged, out)  # now holds the previous site
    else:
        retire(out, out)
        pause_point("retired")  # the one moment without a published site: only where the kernel has no exchange
        os.replace(staged, out)
    pause_point("swapped")


def retire(path: Path, out: Path) -> Path:
    """Rename `path` aside, next to `out`, and have it deleted in the background."""
    holder = Path(tempfile.mkdtemp(prefix=f"{out.name}{RETIRED_SUFFIX}-", dir=out.parent))
    os.replace(path, holder / "site")
    return remove_later(holder)


def remove_later(path: Path) -> Path:
    """Delete `path` in a detached process, so neither this build nor an interrupt waits for it."""
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                      str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
    return path


def discard(staged: Path) -> None:
    """Drop an unpublished staging folder: renamed aside at once, deleted in the background (it may hold
    thousands of folders, and deleting them is slow on some disks)."""
    if not staged.exists():
        return
    out_name = staged.name.split(STAGING_SUFFIX)[0]
    holder = Path(tempfile.mkdtemp(prefix=f"{out_name}{RETIRED_SUFFIX}-", dir=staged.parent))
    os.replace(staged, holder / "site")
    remove_later(holder)


def write_failure(exc: OSError, out: Path) -> Diagnostic:
    """B606: the build could not write (a full disk, no permission, a read-only folder); nothing was
    published, so the site at `out` is unchanged."""
    where = os_path(exc) or str(out)
    return error(where, 0, 0, "B606", f"无法写入：{os_reason(exc)}（{type(exc).__name__}）",
                 f"已发布的站点（{out}）保持不变。请腾出磁盘空间、检查输出目录及其上级目录的写入权限，"
                 "或用 --out 指定其他目录后重试。")
