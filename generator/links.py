"""Page paths and URLs. Every page lives at `<section>/<id>.md` and is served at `<section>/<id>/`.

All links the generator writes are relative directory URLs computed here, so the site works under
any sub-path (e.g. /zsgk/) and from a file server.
"""

from __future__ import annotations

import posixpath


def page_path(section: str, item_id: str | None = None) -> str:
    if not section:
        return "index.md"
    return f"{section}/index.md" if item_id is None else f"{section}/{item_id}.md"


def page_url(path: str) -> str:
    """Directory URL of a page, relative to the site root: policies/x.md -> policies/x/."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def relative(from_path: str, to_path: str, anchor: str = "") -> str:
    """Relative URL from one page to another (and an optional anchor)."""
    here = page_url(from_path)
    there = page_url(to_path)
    rel = posixpath.relpath(there or ".", here or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def to_root(from_path: str) -> str:
    """Relative prefix from a page to the site root, e.g. '../../'."""
    depth = page_url(from_path).count("/")
    return "../" * depth if depth else "./"
