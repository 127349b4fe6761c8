"""Announcement attachments on the project page: title, type, size and SHA-256, and where the copy lives.

The file `content/projects/<id>/<rest>` is published at `projects/<id>/attachments/<rest>` (the project
page is `projects/<id>/`, so its link is `attachments/<rest>`): the same path on every build, so the
publish manifest (SHA256SUMS) lists it like any other file. The bytes were read by `load/attachments.py`.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from ..model.project import ATTACHMENT_TYPES, Announcement
from ..rules.references import Site

FOLDER = "attachments"


def attachment_site_path(file: str) -> str:
    """Where a content file is published, relative to the site root: projects/<id>/attachments/<rest>."""
    parts = PurePosixPath(file).parts  # content, projects, <id>, rest…
    return "/".join(("projects", parts[2], FOLDER, *parts[3:]))


def size_text(size: int) -> str:
    """Bytes in words a phone user reads: 3.2 KB, 1.5 MB (one decimal, rounded half up, exact integers)."""
    if size < 1024 * 1024:
        tenths = (size * 10 + 512) // 1024
        return f"{tenths // 10}.{tenths % 10} KB"
    tenths = (size * 10 + 512 * 1024) // (1024 * 1024)
    return f"{tenths // 10}.{tenths % 10} MB"


def attachment_views(site: Site, a: Announcement) -> list[dict[str, Any]]:
    views = []
    for att in a.attachments:
        data = site.files.get(att.file)
        if data is None:  # reported (D960-D963); nothing to link to
            continue
        rest = PurePosixPath(file_rest(att.file))
        views.append({"title": att.title, "href": quote(f"{FOLDER}/{rest}"), "name": rest.name,
                      "type": ATTACHMENT_TYPES[rest.suffix.lower()], "size": size_text(len(data)), "bytes": len(data),
                      "sha256": hashlib.sha256(data).hexdigest()})
    return views


def file_rest(file: str) -> str:
    return "/".join(PurePosixPath(file).parts[3:])
