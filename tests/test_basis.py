"""Every period or amount residents read has a basis (rules/basis.py), sample standards claim no force,
and resident-facing explanations carry a legal review tied to their text (rules/legal_review.py).

One case per way the basis check can fail, each on the mini project with one edit, plus the cases
that must pass (a declared kind, a number the cited article holds)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project

from generator import pipeline
from generator.diagnostics import Severity
from generator.rules.basis import quantities, statements
from generator.synthetic.synthetic import write_project

FAQ = "content/faq/questions.yml"
PROCEDURE = "content/procedures/house.yml"
ROWS = "content/disclosure_items/rows.yml"
ANSWER = "征收部门应当支付临时安置费或者提供周转用房。"


def edited(tmp_path: Path, path: str, old: str, new: str) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return project


def basis_codes(project: Path, production: bool = False) -> list[tuple[str, Severity]]:
    return [(d.code, d.severity) for d in pipeline.check(project, production=production)
            if d.code in ("R323", "R324", "R325")]


FAILURES = {
    "number missing from the cited article": (FAQ, ANSWER, "征收部门应当在15日内支付临时安置费或者提供周转用房。", "R323"),
    "Chinese numeral missing too": (FAQ, ANSWER, "征收部门应当在十五日内支付临时安置费或者提供周转用房。", "R323"),
    "an amount the article does not hold": (FAQ, ANSWER, "征收部门每月支付临时安置费800元。", "R323"),
    "qualifier changed (不得少于 -> 以内)": (FAQ, ANSWER, ANSWER + "征求意见在30日以内（依据：《国有土地上房屋征收与补偿条例》第十条）。", "R325"),
    "qualifier dropped": (FAQ, ANSWER, ANSWER + "征求意见期限为30日（依据：《国有土地上房屋征收与补偿条例》第十条）。", "R325"),
    "mark names an unknown document": (FAQ, ANSWER, ANSWER[:-1] + "（依据：《城市房屋拆迁管理条例》第十三条）。", "R324"),
    "mark without an article": (FAQ, ANSWER, ANSWER[:-1] + "（依据：《国有土地上房屋征收与补偿条例》）。", "R324"),
    "mark names an article the law lacks": (FAQ, ANSWER, ANSWER[:-1] + "（依据：《国有土地上房屋征收与补偿条例》第九十九条）。", "R324"),
    "mark's article holds another number": (FAQ, ANSWER, "征收部门应当在15日内支付临时安置费（依据：国务院令第590号第十条）。", "R323"),
    "structured time limit not in its article": (PROCEDURE, "      value: 30\n", "      value: 20\n", "R323"),
    "structured time limit of another kind": (PROCEDURE, "      kind: min\n", "      kind: within\n", "R325"),
    "disclosure time limit not in the row's basis": (ROWS, "    value: 30\n", "    value: 20\n", "R323"),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_each_failure_is_reported(case: str, tmp_path: Path):
    path, old, new, code = FAILURES[case]
    project = edited(tmp_path, path, old, new)
    assert basis_codes(project) == [(code, Severity.ERROR if code == "R324" else Severity.WARNING)]


PASSES = {
    "number in the implicit basis, Chinese numerals": (FAQ, ANSWER, ANSWER + "征求意见期限不得少于三十日（依据：《国有土地上房屋征收与补偿条例》第十条）。"),
    "marked as the center's practice": (FAQ, ANSWER, "征收部门应当在15日内支付临时安置费（本中心做法）。"),
    "marked as not yet verified, mark after the full stop": (FAQ, ANSWER, "征收部门应当在15日内支付临时安置费。（待核实）"),
    "short title in the mark": (FAQ, ANSWER, ANSWER + "征求意见不少于30日（依据：国务院令第590号第十条）。"),
    "declared kind on a time limit": (PROCEDURE, "      value: 30\n", "      value: 20\n      basis_kind: 本中心做法\n"),
    "a date is not a period": (FAQ, ANSWER, ANSWER + "本条于2025年1月9日更新。"),
}


@pytest.mark.parametrize("case", sorted(PASSES))
def test_based_statements_pass(case: str, tmp_path: Path):
    path, old, new = PASSES[case]
    assert basis_codes(edited(tmp_path, path, old, new)) == []


def test_production_makes_unbased_numbers_errors(tmp_path: Path):
    project = edited(tmp_path, *FAILURES["number missing from the cited article"][:3])
    assert ("R323", Severity.ERROR) in basis_codes(project, production=True)


def test_quantities_read_digits_numerals_and_qualifiers():
    found = [(q.value, q.unit, q.qualifier) for q in quantities(
        "不少于三十日；15个工作日内；六个月内；最长不得超过一年；第三年；2024年3月1日；百分之；20%；1350.50元；两年")]
    assert found == [(Decimal(30), "日", "min"), (Decimal(15), "个工作日", "max"), (Decimal(6), "个月", "max"),
                     (Decimal(1), "年", "max"), (Decimal(20), "%", None), (Decimal("1350.5"), "元", None),
                     (Decimal(2), "年", None)]
    assert statements("甲30日。（待核实）乙；丙") == ["甲30日。（待核实）", "乙；", "丙"]


@pytest.mark.parametrize("make", ["bundled", "other-district", "generated"])
def test_no_unbased_number_anywhere(make: str, tmp_path: Path):
    if make == "generated":
        project = tmp_path / "p"
        write_project(project, 200)
    else:
        project = copy_project(REPO if make == "bundled" else FIXTURES / make, tmp_path / "p")
    found = [d.format() for d in pipeline.check(project, production=True) if d.code in ("R323", "R324", "R325")]
    assert found == []


def test_sample_standard_shows_no_force(tmp_path: Path):
    site, _ = pipeline.analyse(copy_project(REPO, tmp_path / "p"))
    assert site is not None
    pages = {p.path: p for p in pipeline.derive_pages(site)}
    files = pipeline.markdown_files(site, tuple(p for p in pages.values() if p.path.startswith("standards/")))
    page = next(text for path, text in files.items() if "land-zone-price-sample" in path)
    assert "<dt>状态</dt><dd>示例数据，不是现行标准，没有施行</dd>" in page
    assert "<dt>施行日期</dt><dd>无（示例数据）</dd>" in page
    assert "安徽省人民政府" not in page.split("<dl class=\"gk-meta\">")[1].split("</dl>")[0]


def test_legal_review_is_tied_to_the_text(tmp_path: Path):
    """Other district (not sample): production refuses unreviewed text; a review with the text's fingerprint
    satisfies it; any edit afterwards makes it pending again, and the page says so."""
    project = copy_project(FIXTURES / "other-district", tmp_path / "p")
    pending = [d for d in pipeline.check(project, production=True) if d.code == "R326"]
    assert {d.path for d in pending} == {"content/faq/faq.yml", "content/interpretations/qinghe-measures-qa.yml",
                                         "content/procedures/house.yml"}
    procedure = project / "content" / "procedures" / "house.yml"
    message = next(d.message for d in pending if d.path.endswith("house.yml"))
    fingerprint = message.rsplit("当前文字指纹 ", 1)[1].rstrip("）")
    procedure.write_text(procedure.read_text(encoding="utf-8") + "legal_review:\n  reviewer: 某律师事务所 王律师\n"
                         f"  date: 2026-03-02\n  text_hash: {fingerprint}\n", encoding="utf-8")
    assert not any(d.path.endswith("house.yml") for d in pipeline.check(project, production=True) if d.code == "R326")
    site, _ = pipeline.analyse(project)
    assert site is not None
    page = _markdown(site, "procedures/house")
    assert '法律顾问审核：<time datetime="2026-03-02">2026-03-02，某律师事务所 王律师</time>' in page
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("政府正式决定征收。", "政府决定征收。"),
                         encoding="utf-8")
    assert any(d.path.endswith("house.yml") for d in pipeline.check(project, production=True) if d.code == "R326")
    site, _ = pipeline.analyse(project)
    assert site is not None
    assert "法律顾问审核：待审核（2026-03-02 审核后文字有改动）" in _markdown(site, "procedures/house")


def test_sample_site_needs_no_review(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    (project / FAQ).write_text((project / FAQ).read_text(encoding="utf-8").replace("过渡费给多久？", "过渡费给多长时间？"),
                               encoding="utf-8")
    assert not [d for d in pipeline.check(project, production=True) if d.code == "R326"]


def _markdown(site, path: str) -> str:
    pages = tuple(p for p in pipeline.derive_pages(site) if p.path == f"{path}.md")
    assert pages, path
    return next(iter(pipeline.markdown_files(site, pages).values()))


def test_review_command_lists_fingerprints(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from generator.commands.cli import main

    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert main(["review", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert "content/faq/questions.yml\t问答\ttransition-fee\ttext_hash: e80256c960ab\t法律顾问审核：2025-01-10" in out
