"""The previous site is renamed aside and deleted by a detached process: the swap never waits for it."""

from __future__ import annotations

import time
from pathlib import Path

from generator.publish import RETIRED_SUFFIX, staging, swap


def _retired(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f"{out.name}{RETIRED_SUFFIX}*"))


def test_swap_publishes_at_once_and_the_old_site_goes_away_in_the_background(tmp_path: Path):
    out = tmp_path / "site"
    for build in ("old", "new"):
        staged = staging(out)
        for i in range(200):
            (staged / f"{i}.html").write_text(build, encoding="utf-8")
        swap(staged, out)
    assert {p.read_text(encoding="utf-8") for p in out.iterdir()} == {"new"}
    deadline = time.monotonic() + 20
    while _retired(out) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _retired(out) == [], "the detached deleter removes the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_leftover_retired_folder_is_removed_by_the_next_build(tmp_path: Path):
    out = tmp_path / "site"
    leftover = tmp_path / f"site{RETIRED_SUFFIX}-left"
    (leftover / "site").mkdir(parents=True)
    (leftover / "site" / "index.html").write_text("old", encoding="utf-8")
    staged = staging(out)
    deadline = time.monotonic() + 20
    while leftover.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not leftover.exists()
    assert staged.is_dir()
