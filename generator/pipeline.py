"""The pipeline, read top to bottom: load -> validate -> resolve -> derive -> emit -> render -> publish.

Each stage takes an immutable value and returns one plus diagnostics. Only `emit` and `publish`
touch the output disk; nothing is published unless every stage reported no error.
"""

from __future__ import annotations

from pathlib import Path

from .content import load_content
from .diagnostics import Diagnostic, has_errors
from .references import Site, resolve
from .rules import production_rules


def analyse(root: Path, production: bool = False) -> tuple[Site | None, list[Diagnostic]]:
    """Load, validate and resolve a site project; every diagnostic is collected."""
    content, diags = load_content(root)
    if content is None:
        return None, diags
    site, more = resolve(content)
    diags += more
    if production:
        diags += production_rules(site)
    return site, diags


def check(root: Path, production: bool = False) -> list[Diagnostic]:
    _, diags = analyse(root, production)
    return diags


__all__ = ["analyse", "check", "has_errors"]
