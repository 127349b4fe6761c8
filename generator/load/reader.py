"""Reading content files from disk without trusting the disk.

A content file must be a regular file inside the project. A FIFO would block the reader forever, a
link to `/dev/zero` would fill the memory, a link out of the project would read (and a diagnostic
might echo) someone else's file, a dangling link, a link loop or an unreadable file would raise. So:

- every entry is looked at with `lstat` first; a symbolic link is followed only when its final target
  is a regular file inside the project (the target's path is never named when it is outside);
- only regular files are opened, non-blocking and without following a link, checked again with
  `fstat` on the open descriptor (the entry may have changed in between), and read up to the size cap
  (a file growing while read is cut at the cap, and the cap reports it);
- a symbolic link to a folder is never entered, and hidden entries (`.name`) are skipped;
- every `OSError` becomes a diagnostic at that path, and every skipped entry is reported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostic, error, os_reason, warning


def os_problem(rel: str, exc: OSError) -> Diagnostic:
    """Y111 for an OSError met at `rel` (its Chinese reason; the English one only when unknown)."""
    return error(rel, 0, 0, "Y111", f"无法读取：{os_reason(exc)}",
                 "请检查这个文件是否存在、能否用编辑器打开，以及文件权限；符号链接请改为真实文件。")


def _not_regular(rel: str, what: str) -> Diagnostic:
    return error(rel, 0, 0, "Y112", f"{what}，不会读取", "内容文件必须是站点项目里的普通 .yml 文件；请换成真实文件。")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "这是一个命名管道（FIFO），不是普通文件"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是一个设备文件，不是普通文件"
    if stat.S_ISSOCK(mode):
        return "这是一个套接字，不是普通文件"
    if stat.S_ISDIR(mode):
        return "这是一个目录，不是文件"
    return "这不是普通文件"


def _oversized(rel: str, size: int, limit: int) -> Diagnostic:
    return error(rel, 0, 0, "Y107", f"文件过大（{size} 字节，上限 {limit} 字节）", "请把内容拆分为多个文件。")


def _target(root: Path, path: str, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """The path to open for `path`: itself, or the target of a link that ends inside the project."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return None, [os_problem(rel, exc)]
    if not stat.S_ISLNK(st.st_mode):
        return (path, []) if stat.S_ISREG(st.st_mode) else (None, [_not_regular(rel, _kind(st.st_mode))])
    try:
        real = Path(os.path.realpath(path, strict=True))
        st = os.stat(real)
    except OSError as exc:
        return None, [os_problem(rel, exc)]
    if not real.is_relative_to(root):
        return None, [_not_regular(rel, "这是指向站点项目之外的符号链接")]
    if not stat.S_ISREG(st.st_mode):
        return None, [_not_regular(rel, "这是符号链接，" + _kind(st.st_mode))]
    return str(real), []


def read_file(root: Path, path: str, rel: str, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of one content file (`root`: the project, resolved), or None and why not."""
    target, diags = _target(root, path, rel)
    if target is None:
        return None, diags
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, [os_problem(rel, exc)]
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, [_not_regular(rel, _kind(st.st_mode))]
        if st.st_size > limit:
            return None, [_oversized(rel, st.st_size, limit)]
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError as exc:
        return None, [os_problem(rel, exc)]
    finally:
        os.close(fd)
    if len(data) > limit:
        return None, [_oversized(rel, len(data), limit)]
    return data, []


def skipped(rel: str, why: str) -> Diagnostic:
    return warning(rel, 0, 0, "Y113", f"已跳过：{why}", "隐藏的文件和目录（名字以 . 开头）不会发布；如需发布，请去掉开头的点。")


def files_below(folder: str, rel: str) -> tuple[list[tuple[tuple[str, ...], str]], list[Diagnostic]]:
    """(path parts below `folder`, path on disk) of every entry to read below it, sorted by parts, and
    what was left out: hidden entries (Y113), links to folders and special folders (Y112), folders that
    cannot be listed (Y111). Links to files are listed; `read_file` decides about them."""
    found: list[tuple[tuple[str, ...], str]] = []
    diags: list[Diagnostic] = []
    todo: list[tuple[tuple[str, ...], str]] = [((), folder)]
    while todo:
        parts, current = todo.pop()
        try:
            with os.scandir(current) as scan:
                entries = list(scan)
        except OSError as exc:
            diags.append(os_problem("/".join((rel, *parts)), exc))
            continue
        for entry in entries:
            below = (*parts, entry.name)
            where = "/".join((rel, *below))
            if entry.name.startswith("."):
                diags.append(skipped(where, "隐藏的文件或目录"))
            elif entry.is_dir(follow_symlinks=False):
                todo.append((below, entry.path))
            elif entry.is_symlink() and _is_dir(entry.path):
                diags.append(_not_regular(where, "这是指向目录的符号链接"))
            else:
                found.append((below, entry.path))
    return sorted(found), diags


def _is_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False
