"""`--out` pointing at the wrong folder must not delete it: publishing swaps the output directory for the
new site, so `--out content`, `--out .` or `--out /` once replaced (or crashed on) whatever was there."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "other-district", tmp_path / "project")


def listing(project: Path) -> list[str]:
    """The project's files, without the work folder (analyse keeps its per-file cache there)."""
    return sorted(str(p.relative_to(project)) for p in project.rglob("*") if pipeline.WORK_DIR not in p.parts)


@pytest.mark.parametrize("out", ["content", ".", "..", "/", "notes"])
def test_build_refuses_to_replace_what_is_not_a_site(project: Path, out: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "草稿.txt").write_text("编辑的笔记", "utf-8")
    before = listing(project)
    target = out if out == "/" else str(project / out)
    assert main(["build", "--root", str(project), "--out", target]) == 1
    assert "B605" in capsys.readouterr().err
    assert listing(project) == before


def test_build_replaces_its_own_site_and_fills_an_empty_folder(project: Path) -> None:
    (project / "empty").mkdir()
    assert main(["build", "--root", str(project), "--out", str(project / "empty")]) == 0
    assert main(["build", "--root", str(project), "--out", str(project / "empty")]) == 0
    assert (project / "empty" / "index.html").is_file()
