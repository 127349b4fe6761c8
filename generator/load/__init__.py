"""Stage 1, load and validate: `content/*.yml` and `site_config.yml` bytes -> positioned node trees ->
typed models (`generator.model`), with located Chinese diagnostics. Nothing is coerced by YAML; every
file's result is cached by its SHA-256."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .attachments import read_attachments as read_attachments
    from .content import CONFIG_FILE as CONFIG_FILE
    from .content import Content as Content
    from .content import load_content as load_content
    from .salvage import drop_followups as drop_followups
    from .validation import validate_node as validate_node
    from .yamlsource import parse as parse

__all__, __getattr__ = exports(__name__, __file__)
