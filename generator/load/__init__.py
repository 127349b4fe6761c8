"""Stage 1, load and validate: `content/*.yml` and `site_config.yml` bytes -> positioned node trees ->
typed models (`generator.model`), with located Chinese diagnostics. Nothing is coerced by YAML; every
file's result is cached by its SHA-256."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .content import CONFIG_FILE, Content, load_content
    from .salvage import drop_followups
    from .validation import validate_node
    from .yamlsource import parse

__all__ = [
    "CONFIG_FILE", "Content", "drop_followups", "load_content", "parse", "validate_node",
]
__getattr__ = exports(__name__, {
    "CONFIG_FILE": ".content",
    "Content": ".content",
    "load_content": ".content",
    "drop_followups": ".salvage",
    "validate_node": ".validation",
    "parse": ".yamlsource",
})
