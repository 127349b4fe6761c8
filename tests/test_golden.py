"""The emitted Markdown for one example of each content type equals the reviewed golden files."""

from __future__ import annotations

import difflib

from golden_pages import GOLDEN, emitted


def test_golden_markdown_matches():
    files = emitted()
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(files) == sorted(golden), "page set changed: run scripts/update_golden.py and review"
    for rel, text in files.items():
        if text != golden[rel]:
            diff = "\n".join(difflib.unified_diff(golden[rel].splitlines(), text.splitlines(), rel, rel, lineterm=""))
            raise AssertionError(f"{rel} differs from golden (run scripts/update_golden.py and review):\n{diff}")


def test_golden_covers_every_content_type():
    kinds = {line.split(": ", 1)[1].strip('"') for p in GOLDEN.rglob("*.md")
             for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("kind: ")}
    from generator.model import CONTENT_TYPES

    no_page = {"best_bets"}  # best bets go into the search index (meta.json), not onto a page
    assert {t.key for t in CONTENT_TYPES} - no_page <= kinds
