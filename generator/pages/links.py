"""Page paths and URLs. Every page lives at `<section>/<id>.md` and is served at `<section>/<id>/`.

All links the generator writes are relative directory URLs computed here, so the site works under
any sub-path (e.g. /zsgk/) and from a file server.
"""

from __future__ import annotations

from functools import lru_cache


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
    return _relative_url(page_url(from_path), page_url(to_path)) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _relative_url(here: str, there: str) -> str:
    """From directory URL `here` to directory URL `there` (both relative to the root, "" or ending in /)."""
    a, b = here.split("/")[:-1], there.split("/")[:-1]
    common = 0
    while common < len(a) and common < len(b) and a[common] == b[common]:
        common += 1
    rel = "../" * (len(a) - common) + "".join(part + "/" for part in b[common:])
    return rel or "./"


def to_root(from_path: str) -> str:
    """Relative prefix from a page to the site root, e.g. '../../'."""
    depth = page_url(from_path).count("/")
    return "../" * depth if depth else "./"
