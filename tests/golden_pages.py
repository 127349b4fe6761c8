"""Golden Markdown: the pages the generator emits for the mini fixture project, kept under
tests/golden/mini/. Regenerate after a reviewed template change with:

    .venv/bin/python scripts/update_golden.py
"""

from __future__ import annotations

from pathlib import Path

from conftest import source_copy

from generator.pages import derive_pages
from generator.pipeline import analyse, markdown_files

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden" / "mini"


def emitted() -> dict[str, str]:
    site, diags = analyse(source_copy(PROJECT))  # a copy: analysing writes a cache beside the content
    assert site is not None, diags
    return markdown_files(site, derive_pages(site))


def update() -> int:
    files = emitted()
    for old in GOLDEN.rglob("*.md"):
        old.unlink()
    for rel, text in files.items():
        target = GOLDEN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(files)
