"""Emit stage: pages -> Markdown files with front matter. The only stage besides publish that writes.

Rendering is pure (`render_pages`); writing (`write_tree`) only touches files whose bytes changed
and removes files no page produces, so unchanged pages keep their mtimes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from .pages import Page

FRONT_MATTER_KEYS = ("title", "description", "section", "kind", "updated", "published", "sample", "areas")


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
    }
    lines = [f"{key}: {json.dumps(values[key], ensure_ascii=False)}" for key in FRONT_MATTER_KEYS]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def render_pages(pages: tuple[Page, ...], env: Environment | None = None) -> dict[str, str]:
    env = env or environment()
    files = {}
    for page in pages:
        body = env.get_template(page.template).render(page=page, **page.context)
        files[page.path] = front_matter(page) + body.strip() + "\n"
    return files


def write_tree(files: Mapping[str, str | bytes], dest: Path) -> int:
    """Write files under dest if their bytes changed; delete files not in `files`. Returns files written."""
    dest.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = dest / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    wanted = {dest / rel for rel in files}
    for existing in sorted(dest.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written
