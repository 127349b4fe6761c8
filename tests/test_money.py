"""Money and homes (issue 14): funds, audits and resettlement housing as content, checked at their
line, shown in plain words on the project page, counted by `gongkai report` — never one household."""

from __future__ import annotations

import contextlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project, source_copy

from generator import pipeline
from generator.commands.cli import main
from generator.model.household import house_with_amount
from generator.pages import derive_pages
from generator.pages.money_views import funds_sentence


@pytest.fixture(scope="module")
def bundled_markdown() -> dict[str, str]:
    site, diags = pipeline.analyse(source_copy(REPO))
    assert site is not None, diags
    return pipeline.markdown_files(site, derive_pages(site))


def words(markdown: str) -> str:
    """The text a resident reads: tags (links, glossary terms) removed."""
    return re.sub(r"<[^>]+>", "", markdown)


def test_project_page_says_where_the_money_and_homes_are(bundled_markdown: dict[str, str]):
    page = bundled_markdown["projects/sample-gaoyue-old-district.md"]
    block = page[page.index("## 补偿款和安置房"): page.index("## 我的项目到哪一步了")]
    text = words(block)
    assert "补偿款已全部存入专户（2025年8月8日）；已有 120 户中的 108 户领取补偿。（示例数据）" in block
    assert "来源：（示例）区财政局征收补偿资金专户对账单（2026年5月8日）" in text
    assert "（示例）高岳安置小区共 480 套，已建成 480 套，已分配 62 套，2025年6月30日已交房" in text
    assert "安置房2025年6月30日交房，2025年12月1日开始拆除，做到了先安置后拆迁" in text
    for step in ("足额到位", "拨付", "审计"):  # the progress view, in this order
        assert f"</span> {step}</p>" in block
    assert block.index("足额到位") < block.index("</span> 拨付") < block.index("</span> 审计")
    assert '<a href="../../audits/sample-duji-audit-2025/">' in block
    assert '<a href="../../funds/sample-gaoyue-old-district/">' in block


def test_audit_pages_link_the_projects_they_cover(bundled_markdown: dict[str, str]):
    audit = bundled_markdown["audits/sample-duji-audit-2025.md"]
    for project in ("sample-gaoyue-old-district", "sample-duanyuan-logistics-road"):
        assert f'<a href="../../projects/{project}/">' in audit
        assert '"../../audits/sample-duji-audit-2025/"' in bundled_markdown[f"projects/{project}.md"]
    assert "示例数据" in audit and "审计发现了什么" in words(audit)


def test_project_without_money_shows_no_block(bundled_markdown: dict[str, str]):
    assert "补偿款和安置房" not in bundled_markdown["projects/sample-shitai-school.md"]


def test_funds_page_figures_are_exact(bundled_markdown: dict[str, str]):
    page = bundled_markdown["funds/sample-gaoyue-old-district.md"]
    assert '<data value="52800000.00">52,800,000.00</data> 元' in page  # required
    assert '<data value="47940000.00">47,940,000.00</data> 元' in page  # disbursed: sum of three batches
    assert "2026-01-15：区财政局、区审计局、区住房和城乡建设局、区征收中心" in words(page)  # joint review of a batch


def test_partly_deposited_funds_say_what_is_missing():
    from generator.model.funds import Funds

    funds = Funds.model_validate({
        "id": "x", "project": "x", "required": "100.10", "required_basis": "方案", "source": "对账单",
        "account": {"bank": "某银行", "account": "1234****5678"}, "updated": "2026-01-01",
        "deposits": [{"date": "2026-01-01", "amount": "0.10"}]})
    assert funds.deposited == Decimal("0.10") and isinstance(funds.required, Decimal)
    assert funds_sentence(funds) == "补偿款已存入专户 0.10 元，还差 100.00 元未到位"
    assert funds.funded() is None


@pytest.mark.parametrize(("text", "found"), [
    ("老街18号 补偿 36.5万元已发放。", "老街18号"),
    ("3号楼2单元301室 86000元", "3号楼2单元301室"),
    ("5栋302 12万元", "5栋302"),
    ("杜政〔2024〕12号 拨付 100万元", None),  # a document number is not a house
    ("共 8 栋 480 套，投资 1.2亿元", None),  # buildings and units, not one home
    ("18号楼已交付；补偿 5 万元", None),  # different clauses
])
def test_house_number_with_an_amount_identifies_a_household(text: str, found: str | None):
    assert house_with_amount(text) == found


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _report(root: Path, as_of: str) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["report", "--root", str(root), "--format", "json", "--as-of", as_of])
    return {row["id"]: row for row in json.loads(out.getvalue())["rows"]}


@pytest.fixture()
def other(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "other-district", tmp_path / "p")


def test_decision_without_published_funds_is_late(other: Path):
    (other / "content" / "funds" / "shiqiao-lane.yml").unlink()  # its 房屋征收决定 is dated 2026-04-01
    row = _report(other, "2026-04-10")["house-funds"]
    assert row["state"] == "未公开" and row["failing"]  # nothing published at all: a gap, and late
    assert "还没有公布补偿资金到位情况" in row["late"][0]


def test_decision_before_funds_are_in_is_an_error_at_the_deposit_line(other: Path):
    funds = other / "content" / "funds" / "shiqiao-lane.yml"
    _write(funds, funds.read_text(encoding="utf-8").replace("  - date: 2026-03-20\n", "  - date: 2026-04-05\n"))
    found = [d for d in pipeline.check(other) if d.code == "D970"]
    assert [(d.path, d.line) for d in found] == [("content/funds/shiqiao-lane.yml", 17)]
    assert "房屋征收决定（2026-04-01）早于补偿资金足额到位的 2026-04-05" in found[0].message


def test_an_audit_older_than_a_year_while_paying_out_is_late(other: Path):
    funds = other / "content" / "funds" / "shiqiao-lane.yml"
    batch = ("batches:\n  - id: first\n    date: 2026-05-01\n    period: 2026年5月\n    total: 1000000.00\n"
             "    amounts: [{category: 住宅, amount: 1000000.00}]\n"
             "    review: {departments: [区财政局, 区审计局], meeting_date: 2026-04-28}\n")
    _write(funds, funds.read_text(encoding="utf-8").replace("source:", batch + "source:"))
    assert _report(other, "2026-12-01")["house-audit"]["state"] == "已公开"
    late = _report(other, "2027-03-01")["house-audit"]
    assert late["state"] == "逾期" and "超过一年没有新的审计结果" in late["late"][0]


def test_funds_rows_list_only_their_regimes_projects(tmp_path: Path):
    """Issue 14's gap: `where: {project.regime: …}` filters funds by their project's regime, so the house
    row lists the house project's funds only and the land row the land project's."""
    rows = _report(copy_project(REPO, tmp_path / "p"), "2026-12-01")
    assert [p["url"] for p in rows["house-funds"]["published"]] == ["funds/sample-gaoyue-old-district/"]
    assert [p["url"] for p in rows["land-funds"]["published"]] == ["funds/sample-duanyuan-logistics-road/"]


def test_a_land_project_without_funds_is_not_late_on_the_house_row(tmp_path: Path):
    project = copy_project(REPO, tmp_path / "p")
    (project / "content" / "funds" / "sample-duanyuan-logistics-road.yml").unlink()
    rows = _report(project, "2026-12-01")
    assert rows["house-funds"]["late"] == [] and rows["house-funds"]["state"] == "已公开"
    assert rows["land-funds"]["state"] != "已公开"
    assert any("还没有公布补偿资金到位情况" in line for line in rows["land-funds"]["late"])


@pytest.mark.parametrize(("key", "said"), [("project.nonsense", "没有字段“nonsense”"),
                                            ("required_basis.regime", "不是对其他内容的引用")])
def test_a_derived_filter_on_a_missing_field_is_d941(other: Path, key: str, said: str):
    items = other / "content" / "disclosure_items" / "items.yml"
    _write(items, items.read_text(encoding="utf-8").replace("{project.regime: house_state}", "{" + key + ": x}"))
    found = [d for d in pipeline.check(other) if d.code == "D941"]
    assert len(found) == 1 and found[0].path == "content/disclosure_items/items.yml" and said in found[0].message
