"""Stage 4, emit: `Page` values -> Markdown with front matter (strict Jinja, autoescape), written into
the work folder only where it changed; per-page results cached by their inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .emit import render_pages as render_pages
    from .emit import write_tree as write_tree
    from .page_cache import cached_markdown as cached_markdown

__all__, __getattr__ = exports(__name__, __file__)
