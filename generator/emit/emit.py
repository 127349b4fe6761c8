"""Emit stage: pages -> Markdown files with front matter. The only stage besides publish that writes.

Rendering is pure (`render_pages`); writing (`write_tree`) only touches files whose bytes changed
and removes files no page produces, so unchanged pages keep their mtimes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..pages import Page
from .tables import card_tables

FRONT_MATTER_KEYS = ("title", "description", "section", "kind", "updated", "published", "sample", "areas",
                     "share_image")


def environment() -> Environment:
    return Environment(
        loader=PackageLoader("generator", "templates/pages"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def front_matter(page: Page) -> str:
    values = {
        "title": page.title,
        "description": page.description,
        "section": page.section,
        "kind": page.kind,
        "updated": page.updated.isoformat(),
        "published": page.published.isoformat() if page.published else "",
        "sample": page.sample,
        "areas": list(page.areas),
        "share_image": page.share_image,
    }
    lines = [f"{key}: {json.dumps(values[key], ensure_ascii=False)}" for key in FRONT_MATTER_KEYS
             if values[key] != "" or key != "share_image"]  # share_image only on pages that have one
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def render_pages(pages: tuple[Page, ...], env: Environment | None = None) -> dict[str, str]:
    env = env or environment()
    files = {}
    for page in pages:
        body = env.get_template(page.template).render(page=page, **page.context)
        if "onward" in page.context:  # where to go next and whom to ask: the same block ends every page
            body = body.rstrip() + "\n\n" + env.get_template("_onward.md.j2").render(onward=page.context["onward"])
        files[page.path] = front_matter(page) + card_tables(body.strip()) + "\n"  # every table: cards on a phone
    return files


def write_tree(files: Mapping[str, str | bytes], dest: Path) -> int:
    """Write files under dest if their bytes changed; delete files not in `files`. Returns files written."""
    dest.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = dest / rel
        try:
            if target.read_bytes() == data:
                continue
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    _remove_others(dest, dest, set(files))
    return written


def _remove_others(folder: Path, dest: Path, wanted: set[str]) -> bool:
    """Delete files under folder not in `wanted` (dest-relative) and folders left empty; True if emptied."""
    empty = True
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            if _remove_others(Path(entry.path), dest, wanted):
                os.rmdir(entry.path)
            else:
                empty = False
        elif Path(entry.path).relative_to(dest).as_posix() not in wanted:
            os.unlink(entry.path)
        else:
            empty = False
    return empty
