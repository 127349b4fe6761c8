"""The disclosure catalogue (公开事项对照表), `gongkai report` and 三同步."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project, source_copy

from generator import pipeline
from generator.commands.cli import main
from generator.diagnostics import Severity
from generator.rules.compliance import assess, district_name

LOCAL_DOC = """id: east-measures
title: 示范区房屋征收补偿办法
doc_number: 示范政〔2025〕1号
issuer: 示范区人民政府
level: normative_document
published_date: 2025-01-03
validity: 有效
summary: 本区的房屋征收补偿办法。
what_it_means: 本区征收按这个办法补偿。
what_i_can_do: 对照办法核对补偿。
by_when: 无固定期限
updated: 2025-01-05
"""
INTERPRETATION = """id: east-measures-qa
title: 《示范区房屋征收补偿办法》解读
document: east-measures
kind: 问答
interpreter: 示范区征收中心
published_date: {date}
summary: 用问答讲清楚办法。
updated: 2025-01-05
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "mini", tmp_path / "mini")


def report_json(root: Path, *extra: str) -> tuple[int, dict]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["report", "--root", str(root), "--format", "json", *extra])
    return code, json.loads(out.getvalue())


def test_district_name_is_the_last_unit():
    assert district_name("淮北市杜集区") == "杜集区"
    assert district_name("示范市示范区") == "示范区"
    assert district_name("某某县") == "某某县"


def test_complete_catalogue_passes_strict(mini: Path):
    code, data = report_json(mini, "--strict")
    assert code == 0 and data["failures"] == 0
    row = data["rows"][0]
    assert row["state"] == "已公开" and row["required"] is True
    assert [p["url"] for p in row["published"]] == ["projects/east-old-street/#consultation", "policies/house-regulation/"]
    assert row["updated"] == "2025-01-08"


def test_missing_element_fails_strict(mini: Path):
    for rel in ("projects/east-old-street.yml", "funds/east-old-street.yml", "resettlement/east-old-street.yml",
                "audits/east-2025.yml", "estates/east-garden.yml"):  # the project, and what refers to it
        (mini / "content" / rel).unlink()
    assert main(["check", "--root", str(mini)]) == 0  # a gap is not a content error
    code, data = report_json(mini, "--strict")
    assert code == 1
    row = data["rows"][0]
    assert row["state"] == "部分缺失" and row["failing"]
    assert row["gaps"] == ["要素“征收补偿方案（征求意见稿）”未在本站公开"]
    assert report_json(mini)[0] == 0  # without --strict the report only informs


def test_late_when_review_date_passed(mini: Path):
    rows = mini / "content" / "disclosure_items" / "rows.yml"
    rows.write_text(rows.read_text(encoding="utf-8").replace("  updated: 2025-01-08", "  updated: 2025-01-08\n  review_by: 2025-06-30"),
                    encoding="utf-8")
    assert report_json(mini, "--strict", "--as-of", "2025-06-30")[0] == 0
    code, data = report_json(mini, "--strict", "--as-of", "2025-07-01")
    assert code == 1 and data["rows"][0]["state"] == "逾期"
    assert "已过复核期限" in data["rows"][0]["late"][0]


def test_missing_interpretation_is_reported(mini: Path):
    doc = mini / "content" / "policy_documents" / "east-measures.yml"
    doc.write_text(LOCAL_DOC, encoding="utf-8")
    diags = [d for d in pipeline.check(mini) if d.code == "D901"]
    assert len(diags) == 1 and diags[0].severity is Severity.WARNING
    assert diags[0].path == "content/policy_documents/east-measures.yml" and diags[0].line == 1
    assert "示范区房屋征收补偿办法" in diags[0].message and "三同步" in diags[0].message
    assert main(["check", "--root", str(mini)]) == 0
    assert main(["check", "--root", str(mini), "--strict"]) == 1
    code, data = report_json(mini, "--strict")
    assert code == 1 and data["sync"] == [{"document": "east-measures", "title": "示范区房屋征收补偿办法", "ok": False,
                                           "interpretations": []}]
    qa = mini / "content" / "interpretations" / "east-measures-qa.yml"
    qa.write_text(INTERPRETATION.format(date="2025-01-03"), encoding="utf-8")
    assert not [d for d in pipeline.check(mini) if d.code.startswith("D9")]
    assert report_json(mini, "--strict")[0] == 0
    qa.write_text(INTERPRETATION.format(date="2025-01-04"), encoding="utf-8")
    late = [d for d in pipeline.check(mini) if d.code == "D902"]
    assert len(late) == 1 and late[0].line == 6


def test_national_documents_need_no_local_interpretation(mini: Path):
    doc = mini / "content" / "policy_documents" / "east-measures.yml"
    doc.write_text(LOCAL_DOC.replace("issuer: 示范区人民政府", "issuer: 示范市人民政府"), encoding="utf-8")
    assert not [d for d in pipeline.check(mini) if d.code == "D901"]


def test_unresolvable_places_are_errors_at_their_line(mini: Path):
    rows = mini / "content" / "disclosure_items" / "rows.yml"
    text = rows.read_text(encoding="utf-8")
    text = text.replace("    - page: policies/house-regulation\n      covers: [2]",
                        "    - page: policies/no-such-page\n    - type: policy_documents\n      where: {colour: red}\n"
                        "    - page: policies\n      covers: [9]")
    rows.write_text(text, encoding="utf-8")
    found = sorted((d.code, d.line) for d in pipeline.check(mini) if d.code.startswith("D94"))
    assert found == [("D941", 27), ("D941", 28), ("D941", 30)]
    rows.write_text(text.replace("    - page: policies/no-such-page\n", "    - page: policies\n      offline: 公示栏\n"),
                    encoding="utf-8")
    assert "D940" in {d.code for d in pipeline.check(mini)}


def test_bundled_report_text_and_json_agree(capsys: pytest.CaptureFixture[str]):
    assert main(["report", "--root", str(source_copy(REPO)), "--as-of", "2026-11-21"]) == 0
    text = capsys.readouterr().out
    site, _ = pipeline.analyse(source_copy(REPO))
    assert site is not None
    report = assess(site)
    assert text.startswith("公开事项对照表（截至 2026-11-21）")
    for row in report.rows:
        assert f"({row.item.id})" in text
    assert "[缺解读]" in text or all(s.ok for s in report.sync)
    assert len(report.rows) == len(site.of("disclosure_items")) >= 15
    inferred = [r for r in report.rows if r.item.inferred]
    assert inferred and all(r.item.note or not r.item.sources for r in inferred)


def test_built_catalogue_page(bundled_site: Path):
    html = (bundled_site / "disclosure" / "index.html").read_text(encoding="utf-8")
    site, _ = pipeline.analyse(source_copy(REPO))
    assert site is not None
    for row in site.of("disclosure_items"):
        assert f'id="{row.id}"' in html
    assert "公开事项对照表" in html and "三同步" in html and "最后更新" in html
    assert 'href="../projects/sample-duanyuan-logistics-road/#pre-announcement"' in html
    calendars = (bundled_site / "calendars" / "index.html").read_text(encoding="utf-8")
    assert "国办发明电〔2024〕12号" in calendars and "第二百零三条" in calendars


@pytest.mark.parametrize("root", [REPO, FIXTURES / "other-district"], ids=["bundled", "other-district"])
def test_every_row_has_a_public_explanation(root: Path):
    """Editors' notes are never shown, so each row says in plain words what is published, where and why (D964)."""
    diags = pipeline.check(source_copy(root))
    assert [d.format() for d in diags if d.code == "D964"] == []
