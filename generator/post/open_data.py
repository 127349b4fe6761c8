"""Post-processor: the open data files (`pages/open_data.py`) written next to the 开放数据 page."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..pages import Page
from ..pages.open_data import SECTION, open_data
from ..rules.references import Site


def write_open_data(site: Site, pages: tuple[Page, ...], staging: Path) -> list[Diagnostic]:
    folder = staging / SECTION
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(open_data(site).files.items()):
        (folder / name).write_bytes(data)
    return []
