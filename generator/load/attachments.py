"""Announcement attachments (公告附件): the scans and images a project's announcements name, read safely.

An attachment's `file` is a path from the site project's root, inside the project's own folder
(`content/projects/<id>/…`). It is read with `reader.read_file` (a regular file inside the site project,
never a FIFO, a device or a link out of it) up to `LIMIT` bytes, and must be a PDF, JPG or PNG by its
name *and* its first bytes (a renamed Word file is not a PDF). Each fault is reported at the `file:`
line of the announcement: D960 missing, D961 outside the project's folder or not a regular file,
D962 too large, D963 not a PDF/JPG/PNG. The bytes are kept, by path, for the pages (size, SHA-256)
and for the copy into the built site.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from ..diagnostics import Diagnostic, error
from ..model.project import ATTACHMENT_TYPES
from .reader import read_file
from .validation import Located

LIMIT = 20 * 1024 * 1024  # a scanned multi-page notice is a few MB; a video or an archive is not one
MAGIC = {"PDF": (b"%PDF-",), "JPG": (b"\xff\xd8\xff",), "PNG": (b"\x89PNG\r\n\x1a\n",)}
HINT_FOLDER = "把文件放进本项目的文件夹（如 content/projects/{id}/files/），file 写从站点根目录起的路径。"


def read_attachments(root: Path, projects: Iterable[Located]) -> tuple[Mapping[str, bytes], list[Diagnostic]]:
    files: dict[str, bytes] = {}
    diags: list[Diagnostic] = []
    for located in projects:
        project = located.item
        for i, a in enumerate(project.announcements):
            for j, att in enumerate(a.attachments):
                data, found = _one(root, project.id, att.file, located.pos("announcements", i, "attachments", j, "file"))
                diags += found
                if data is not None:
                    files[att.file] = data
    return files, diags


def _one(root: Path, project_id: str, file: str, pos: Any) -> tuple[bytes | None, list[Diagnostic]]:
    def fault(code: str, message: str, hint: str) -> tuple[None, list[Diagnostic]]:
        return None, [error(pos.path, pos.line, pos.column, code, message, hint)]

    rel = PurePosixPath(file)
    folder = PurePosixPath("content", "projects", project_id)
    if rel.is_absolute() or ".." in rel.parts or "\\" in file or not rel.is_relative_to(folder) or rel == folder:
        return fault("D961", f"附件“{file}”不在本项目的文件夹 {folder}/ 里", HINT_FOLDER.format(id=project_id))
    kind = ATTACHMENT_TYPES.get(rel.suffix.lower())
    if kind is None:
        return fault("D963", f"附件“{file}”不是 PDF、JPG 或 PNG 文件", "请把扫描件另存为 PDF，或把图片存为 JPG、PNG 后再引用。")
    path = root / rel
    if not os.path.lexists(path):
        return fault("D960", f"找不到附件文件“{file}”", "检查文件名和路径（区分大小写），并确认文件已放进项目文件夹。")
    data, problems = read_file(root.resolve(), str(path), file, LIMIT)
    if data is None:
        if any(d.code == "Y107" for d in problems):
            return fault("D962", f"附件“{file}”太大（上限 {LIMIT // (1024 * 1024)} MB）",
                         "请降低扫描分辨率（200 dpi 足够）或拆成几个附件。")
        return fault("D961", f"附件“{file}”不是本项目里的普通文件，不会读取", HINT_FOLDER.format(id=project_id))
    if not data.startswith(MAGIC[kind]):
        return fault("D963", f"附件“{file}”的内容不是 {kind} 文件（只是改了扩展名？）",
                     "请用扫描软件或图片软件另存为真正的 PDF、JPG 或 PNG。")
    return data, []
