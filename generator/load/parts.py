"""Announcements as files of their project's folder, so two editors never edit the same file.

A project is `content/projects/<id>.yml`; each of its announcements may also be a file of its own,
`content/projects/<id>/announcements/<announcement-id>.yml` (what `gongkai new announcement --project
<id>` writes), holding one announcement (the fields of an item of `announcements:`). Announcements
written inside the project file keep working; a project may use both.

Each announcement file is parsed and validated on its own (and kept between runs like any file); the
load stage then appends the valid ones to their project, in file-name order, and splices their nodes
into the project's tree, so every later check reports a fault in an announcement file at its own
line of its own file.
"""

from __future__ import annotations

import functools
from typing import Any

from ..diagnostics import Diagnostic, error
from ..model.project import Announcement
from .validation import Located
from .yamlsource import Map, Node, Seq

PROJECTS = "projects"
ANNOUNCEMENTS = "announcements"  # the folder under a project's folder, and the key of the part type
PART_MODELS: dict[str, Any] = {ANNOUNCEMENTS: Announcement}


def part_type(type_key: str, parts: tuple[str, ...]) -> str:
    """The type key of a file at `content/<type_key>/<parts…>`: a part type for a project's announcement."""
    if type_key == PROJECTS and len(parts) == 3 and parts[1] == ANNOUNCEMENTS:
        return ANNOUNCEMENTS
    return type_key


def owner_id(path: str) -> str:
    """content/projects/<id>/announcements/x.yml -> <id>."""
    return path.split("/")[2]


def _spliced(project: Located, parts: list[Located]) -> Node:
    node = project.node
    if not isinstance(node, Map):
        return node
    entries = dict(node.entries)
    key_pos, inline = entries.get(ANNOUNCEMENTS, (node.pos, Seq([], node.pos)))
    items = list(inline.items) if isinstance(inline, Seq) else []
    entries[ANNOUNCEMENTS] = (key_pos, Seq(items + [p.node for p in parts], inline.pos))
    return Map(entries, node.pos)


def merge_parts(projects: list[Located], parts: list[Located], unread: set[str] | frozenset[str] = frozenset()
                ) -> list[Diagnostic]:
    """Append announcement files to their projects (in place); diagnostics for orphans and clashes. The
    announcements of a project whose file failed to load (`unread`) wait for it, silently: its own error says why."""
    diags: list[Diagnostic] = []
    by_id = {located.item.id: i for i, located in enumerate(projects)}
    grouped: dict[str, list[Located]] = {}
    for part in sorted(parts, key=lambda p: p.path):
        pid = owner_id(part.path)
        if pid not in by_id and pid in unread:
            continue
        if pid not in by_id:
            pos = part.pos("id")
            diags.append(error(part.path, pos.line, pos.column, "R303",
                               f"公告文件所在的文件夹“{pid}”没有对应的项目（content/projects/{pid}.yml）",
                               "公告文件要放在 content/projects/项目标识/announcements/ 下；请检查文件夹名是否与项目的 id 相同。"))
            continue
        grouped.setdefault(pid, []).append(part)
    for pid, group in grouped.items():
        index = by_id[pid]
        project = projects[index]
        taken = {a.id for a in project.item.announcements}
        kept = []
        for part in group:
            if part.item.id in taken:
                pos = part.pos("id")
                diags.append(error(part.path, pos.line, pos.column, "R301",
                                   f"本项目内公告标识重复：{part.item.id}", "同一项目的公告标识不能重复；请改一个。"))
                continue
            taken.add(part.item.id)
            kept.append(part)
        item = project.item.model_copy(update={"announcements": [*project.item.announcements,
                                                                 *(p.item for p in kept)]})
        projects[index] = Located(item, project.path, functools.partial(_spliced, project, kept))
    return diags

