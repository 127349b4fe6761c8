"""Each diagnostic code has a fixture that triggers exactly it, and is documented.

A fixture is tests/fixtures/diagnostics/<CODE>/: files overlaid on the mini project, plus optional
markers: REMOVE (paths to delete), LARGE (a path to pad past the size cap), PRODUCTION (check with
--production), PREVIOUS (check with --previous <that folder of the project>), LINKS (symbolic links to make), SPARSE (a sparse file of a given size), TODAY (check as of that day), EXTERNAL (found by the nightly
external-link check, `gongkai links`). B6xx codes need a build; the others are found by `gongkai check`.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.codes import CODES
from generator.commands.cli import main
from generator.diagnostics import Severity
from generator.post import external_links

CASES = FIXTURES / "diagnostics"
MARKERS = {"REMOVE", "LARGE", "PRODUCTION", "LINKS", "TODAY", "EXTERNAL", "SPARSE", "PREVIOUS"}
WARNING_CODES = {"Y110", "R322", "Y113", "R323", "R325", "B607", "B608", "H406", "D964", "F708", "R307", "D966", "D967", "D968"}  # warnings (R323, R325: outside --production)


def make_project(code: str, dest: Path) -> Path:
    project = copy_project(FIXTURES / "mini", dest)
    case = CASES / code
    for file in sorted(case.rglob("*")):
        rel = file.relative_to(case)
        if file.is_dir() or str(rel) in MARKERS:
            continue
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, target)
    if (case / "REMOVE").exists():
        for rel in (case / "REMOVE").read_text().split():
            (project / rel).unlink()
    if (case / "LINKS").exists():  # symbolic links git cannot hold portably: "path -> target" per line
        for line in (case / "LINKS").read_text().splitlines():
            rel, _, target = line.partition(" -> ")
            (project / rel).symlink_to(target)
    if (case / "SPARSE").exists():  # "path bytes": a sparse file of that size (no disk, never read past its size)
        rel, size = (case / "SPARSE").read_text().split()
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as f:
            f.truncate(int(size))
    if (case / "LARGE").exists():
        target = project / (case / "LARGE").read_text().strip()
        target.write_bytes(target.read_bytes() + b"# " + b"x" * 1_000_100 + b"\n")
    return project


def diagnostics_for(code: str, project: Path):
    if (CASES / code / "EXTERNAL").exists():
        return external_links.check(project, timeout=5)
    if (CASES / code / "TODAY").exists():  # judged on a given day, like freshness: found by check
        return pipeline.check(project, today=dt.date.fromisoformat((CASES / code / "TODAY").read_text().strip()))
    if code.startswith("B"):
        result = pipeline.build(project, project / "site")
        assert not result.published
        return result.diagnostics
    previous = CASES / code / "PREVIOUS"  # a folder, relative to the project, passed as --previous
    return pipeline.check(project, production=(CASES / code / "PRODUCTION").exists(),
                          previous=project / previous.read_text().strip() if previous.exists() else None)


def test_every_code_has_a_fixture():
    fixtures = {p.name for p in CASES.iterdir() if p.is_dir()}
    core = {c for c in CODES if c[0] in "YSRHPB"}
    assert core - fixtures == set(), "codes without a fixture"
    assert fixtures - set(CODES) == set(), "fixtures for unknown codes"


@pytest.mark.parametrize("code", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_fixture_triggers_exactly_its_code(code: str, tmp_path: Path):
    project = make_project(code, tmp_path / "project")
    diags = diagnostics_for(code, project)
    found = {d.code for d in diags}
    assert found == {code}, "\n".join(d.format() for d in diags)
    for d in diags:
        assert d.message and d.path
        assert any("\u4e00" <= ch <= "\u9fff" for ch in d.message), "messages for editors are in Chinese"
        if code[0] in "YSRH" and code not in ("Y100", "Y107", "S213", "Y111", "Y112", "Y113"):
            assert d.line > 0, f"{code} must name the line: {d.format()}"
    severity = Severity.WARNING if code in WARNING_CODES else Severity.ERROR
    assert {d.severity for d in diags} == {severity}


def test_check_command_prints_all_problems_then_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = make_project("S201", tmp_path / "p")
    more = project / "content" / "faq" / "dup.yml"
    more.write_text("id: a\nid: b\n", encoding="utf-8")
    code = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == 1
    assert "content/faq/questions.yml:5:3: 错误 S201 未知字段“topc”" in err
    assert "content/faq/dup.yml:2:1: 错误 Y102" in err
    assert "是不是想写“topic”" in err


def test_valid_project_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert main(["check", "--root", str(project)]) == 0
