"""Post-processor: the open data files (`pages/open_data.py`) written next to the 开放数据 page."""

from __future__ import annotations

import json
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


KEPT_DIR = "published"  # in the work folder: the figures of the last published build
FIGURE_TABLES = ("compensation-zones", "compensation-items")
FIGURE_KEYS = ("compensation_standard_id", "id", "name", "amount", "unit")


def keep_figures(site: Site, work: Path) -> None:
    """After a publish: keep the figures it published, for the next build's B620 check."""
    rows = []
    for table in open_data(site).tables:
        if table.name in FIGURE_TABLES:
            names = [c.name for c in table.columns]
            rows += [{k: row[names.index(k)] for k in FIGURE_KEYS} for row in table.rows]
    folder = work / KEPT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "figures.json.tmp"
    tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(folder / "figures.json")


def published_figures(work: Path) -> list[dict[str, object]]:
    """The figures the last published build showed ([] before the first, or if the copy is unreadable)."""
    try:
        rows = json.loads((work / KEPT_DIR / "figures.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def previous_site_figures(site_dir: Path) -> list[dict[str, object]] | None:
    """The figures a published site shows, read from its open data (`data/compensation-*.json`): what CI
    compares with when it has no work folder (`--previous`); None when the folder holds none of them."""
    rows: list[dict[str, object]] = []
    found = False
    for table in FIGURE_TABLES:
        try:
            data = json.loads((site_dir / SECTION / f"{table}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found = True
        rows += [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
    return rows if found else None
