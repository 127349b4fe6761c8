"""Checks for CI (RELIABILITY rows 20, 21): stable JSON and GitHub annotations, documented exit
codes, --strict, and the built site's internal links and anchors, with canaries that must fail even
when mkdocs' logger is made quiet (-q) or verbose (-v)."""

from __future__ import annotations

import json
import logging
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO, copy_project

from generator import pipeline
from generator.commands.ci_format import JSON_KEYS
from generator.commands.cli import main, parser
from generator.post.sitecheck import check_site


def _bad_project(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("  topic: 安置", "  topc: 安置"), encoding="utf-8")
    (project / "content" / "faq" / "bom.yml").write_bytes(
        b"\xef\xbb\xbfid: bom\nquestion: \xe9\x97\xae\xef\xbc\x9f\nanswer: \xe7\xad\x94\xe3\x80\x82\n"
        b"topic: \xe5\x85\xb6\xe4\xbb\x96\nupdated: 2025-01-09\n")
    return project


def _topc_line(project: Path) -> int:
    lines = (project / "content" / "faq" / "questions.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith("  topc:"))


def test_json_output_is_stable_and_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = _bad_project(tmp_path)
    assert main(["check", "--root", str(project), "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert all(tuple(r) == JSON_KEYS for r in records)
    by_code = {r["code"]: r for r in records}
    assert by_code["S201"] == {
        "file": "content/faq/questions.yml", "line": _topc_line(project), "column": 3, "code": "S201", "severity": "error",
        "title": "未知字段", "message": "未知字段“topc”", "hint": by_code["S201"]["hint"]}
    assert "是不是想写“topic”" in by_code["S201"]["hint"]
    assert by_code["Y110"]["severity"] == "warning"
    assert records == sorted(records, key=lambda r: (r["file"], r["line"], r["column"], r["code"], r["message"]))
    main(["check", "--root", str(project), "--format", "json"])
    assert json.loads(capsys.readouterr().out) == records, "same input, same output"


def test_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = _bad_project(tmp_path)
    assert main(["check", "--root", str(project), "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    line = _topc_line(project)
    assert f"::error file=content/faq/questions.yml,line={line},col=3,title=S201 未知字段::未知字段“topc”%0A提示：" in "\n".join(out)
    assert any(line.startswith("::warning file=content/faq/bom.yml,line=1,col=1,title=Y110") for line in out)


def test_exit_codes_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert main(["check", "--root", str(project)]) == 0
    faq = project / "content" / "faq" / "questions.yml"
    faq.write_bytes(b"\xef\xbb\xbf" + faq.read_bytes())  # warning only
    assert main(["check", "--root", str(project)]) == 0
    assert main(["check", "--root", str(project), "--strict"]) == 1
    out = tmp_path / "public"
    assert main(["build", "--root", str(project), "--out", str(out), "--strict"]) == 1
    assert not out.exists(), "nothing is published by a failed strict build"
    assert main(["build", "--root", str(project), "--out", str(out)]) == 0
    for argv in (["check", "--no-such-option"], ["frobnicate"], []):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
    capsys.readouterr()


def test_sitecheck_catches_a_broken_anchor_and_page(mini_site: Path, tmp_path: Path):
    site = shutil.copytree(mini_site, tmp_path / "site")
    assert check_site(site) == []
    page = site / "faq" / "transition-fee" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../../policies/house-regulation/#art-999">x</a>'
                                      '<a href="../../policies/no-such-document/">y</a>'
                                      '<a href="#no-such-heading">z</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    found = sorted(d.message for d in check_site(site) if d.code == "B603")
    assert len(found) == 3, found
    assert any("锚点 #art-999 不存在" in m for m in found)
    assert any("no-such-document" in m and "页面不存在" in m for m in found)
    assert any("#no-such-heading" in m for m in found)


@pytest.mark.parametrize("level", [logging.ERROR, logging.DEBUG], ids=["quiet", "verbose"])
def test_broken_anchor_canary_fails_the_build_at_any_log_level(level: int, tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    # Editor text may not hold relative links at all (H404, issue 12), so the canary is in the theme.
    (project / "overrides").mkdir(exist_ok=True)
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}'
        '<a href="{{ base_url }}/policies/house-regulation/#art-999">x</a>{% endblock %}\n', encoding="utf-8")
    out = tmp_path / "public"
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.setLevel(level)  # what `mkdocs build -q` / `-v` do (mkdocs#4126, #3991)
    try:
        result = pipeline.build(project, out)
    finally:
        logger.setLevel(previous)
    assert not result.published
    assert not out.exists()
    assert {d.code for d in result.diagnostics} & {"B601", "B603"}, [d.format() for d in result.diagnostics]
    assert any("art-999" in d.message for d in result.diagnostics)


def test_ci_examples_use_real_commands():
    seen = set()
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        text = (REPO / "docs" / "ci" / name).read_text(encoding="utf-8")
        assert yaml.safe_load(text)
        for command in re.findall(r"gongkai (?:check|build|schema|urls|new)[^\n|>)&;]*", text):
            args = shlex.split(command)[1:]
            parser().parse_args(args)  # exits 2 on an option that does not exist
            seen.add(args[0])
    assert {"check", "build", "schema", "urls"} <= seen
    assert "--production" in (REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")


def test_reliability_matrix_lists_every_row_and_real_tests():
    text = (REPO / "docs" / "reliability-matrix.md").read_text(encoding="utf-8")
    rows = [int(m) for m in re.findall(r"^\| (\d+) \|", text, flags=re.MULTILINE)]
    assert rows == list(range(1, 41))
    for file, name in re.findall(r"`(test_\w+\.py)::(test_\w+)", text):
        if not (REPO / "tests" / file).is_file():  # another feature's tests, not committed yet
            assert not file.startswith(("test_publish", "test_reproducible", "test_hostile", "test_freshness",
                                        "test_redirects", "test_schema")), file
            continue
        source = (REPO / "tests" / file).read_text(encoding="utf-8")
        assert f"def {name}(" in source, f"{file}::{name} is cited in docs/reliability-matrix.md but does not exist"
