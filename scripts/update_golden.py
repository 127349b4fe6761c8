"""Regenerate the golden Markdown files (tests/golden/) after a reviewed template change."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from golden_pages import GOLDEN, update  # noqa: E402

print(f"wrote {update()} golden pages to {GOLDEN}")
