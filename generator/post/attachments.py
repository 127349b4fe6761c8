"""Post-processor: copies each announcement attachment into the built site (`pages/attachments.py` names
the path), byte for byte, so the page's size and SHA-256 are those of the file served."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..pages import Page
from ..pages.attachments import attachment_site_path
from ..rules.references import Site


def write_attachments(site: Site, pages: tuple[Page, ...], staging: Path) -> list[Diagnostic]:
    for file, data in sorted(site.files.items()):
        target = staging / attachment_site_path(file)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return []
