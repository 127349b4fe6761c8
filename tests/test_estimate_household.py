"""`gongkai estimate --household`: every estimator-enabled standard of a regime in one itemised result,
the compensation mode leaving out lines that do not apply, an exact total, Chinese diagnostics at file:line."""

from __future__ import annotations

import json
from functools import cache

import pytest
from conftest import REPO, source_copy

from generator.commands.cli import main
from generator.estimate import calculator_for, estimate
from generator.estimate.household import estimate_household, household_standards
from generator.model.standard import Household, Situation
from generator.pages.links import page_path
from generator.pipeline import analyse

HOUSE = {"rural-house-sample": {"lines": {"brick-concrete": {"平方米": "120"}}},
         "temporary-resettlement-rural-sample": {"lines": {"monthly-per-area": {"平方米": "120"}}, "shared": {"月": "6"}},
         "crops-sample": {"lines": {"wheat": {"亩": "1.5"}}}}


@cache
def site():
    found, _ = analyse(source_copy(REPO))
    assert found is not None
    return found


def run(tmp_path, capsys, text: str) -> tuple[int, dict | None, str]:
    path = tmp_path / "household.yml"
    path.write_text(text, encoding="utf-8")
    code = main(["estimate", "--root", str(source_copy(REPO)), "--household", str(path)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def household(mode: str | None, standards: dict = HOUSE, regime: str = "集体土地") -> Household:
    return Household.model_validate({"regime": regime, "compensation_mode": mode, "standards": standards})


def test_regime_lists_only_its_estimator_standards():
    ids = [s.id for s in household_standards(site(), "land_collective")]
    assert "rural-house-sample" in ids and "crops-sample" in ids and "temporary-resettlement-rural-sample" in ids
    assert not any("house-state" in i for i in ids)
    assert all("house-state" in s.id for s in household_standards(site(), "house_state"))


@pytest.mark.parametrize("label", ["集体土地", "集体土地征收", "land_collective"])
def test_regime_by_code_or_chinese_label(label):
    assert household(None, regime=label).regime == "land_collective"
    assert household("产权调换").compensation_mode == household("property_swap").compensation_mode == "property_swap"


def test_sections_match_per_standard_estimates_and_total_is_their_sum():
    result = estimate_household(site(), household(None))
    alone_totals = []
    for section in result.sections:
        standard = site().by_id["compensation_standards"][section.calc.standard_id]
        alone = estimate(calculator_for(site(), standard, page_path("standards", standard.id)),
                         Situation.model_validate(HOUSE[standard.id]))
        assert [(i.line.id, i.amount_fen) for i in section.items] == [(i.line.id, i.amount_fen) for i in alone.items]
        alone_totals.append(alone.total_fen)
    assert len(result.sections) == 3
    assert result.total_fen == sum(alone_totals) == sum(s.total_fen for s in result.sections)
    assert [s.calc.standard_id for s in result.sections] == [
        s.id for s in household_standards(site(), "land_collective") if s.id in HOUSE]


def test_monetary_mode_leaves_out_temporary_resettlement():
    swap = estimate_household(site(), household("产权调换"))
    cash = estimate_household(site(), household("货币补偿"))
    assert "temporary-resettlement-rural-sample" in [s.calc.standard_id for s in swap.sections]
    assert "temporary-resettlement-rural-sample" not in [s.calc.standard_id for s in cash.sections]
    assert ("temporary-resettlement-rural-sample", "monthly-per-area") in cash.not_applicable
    assert swap.total_fen - cash.total_fen == 12_00 * 120 * 6  # 12.00 元/平方米·月 × 120 × 6


def test_cli_prints_sections_and_exact_total(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "regime: 集体土地\ncompensation_mode: 产权调换\nstandards:\n"
                                         "  rural-house-sample:\n    lines:\n      brick-concrete: {平方米: \"120.5\"}\n"
                                         "  temporary-resettlement-rural-sample:\n    lines:\n"
                                         "      monthly-per-area: {平方米: \"50\"}\n    shared: {月: \"3\"}\n")
    assert code == 0 and out is not None
    assert out["regime_label"] == "集体土地征收" and out["compensation_mode_label"] == "产权调换"
    house, temp = out["sections"]
    assert house["lines"][0]["rate"] == "1300.00" and house["lines"][0]["quantity_text"] == "120.5 平方米"
    assert house["lines"][0]["source"]["article_label"] == "第四十八条"
    assert [x["kind"] for x in temp["lines"]] == ["rate", "top_up"]  # 12 × 50 × 3 = 1800 < 800 × 3
    assert temp["total"] == "2400.00"
    assert out["total"] == "159050.00" and out["total_text"] == "159,050.00"
    assert "不是补偿决定" in out["notice"]


@pytest.mark.parametrize("text, line, words", [
    ("regime: 火星\nstandards: {}\n", 1, "regime"),
    ("regime: 国有土地\nstandards:\n  rural-house-sample: {}\n", 3, "国有土地上房屋征收没有可以估算的补偿标准"),
    ("regime: 集体土地\nstandards:\n  rural-house-sample:\n    lines:\n      brick-concrete: {平方米: \"1.234\"}\n",
     5, "小数点后最多写 2 位"),
    ("regime: 集体土地\nstandards:\n  rural-house-sample:\n    lines:\n      palace: {平方米: \"1\"}\n", 5, "palace"),
    ("regime: 集体土地\nstandards: [\n", 3, "YAML"),
])
def test_cli_reports_problems_in_chinese_at_file_and_line(tmp_path, capsys, text, line, words):
    code, _, err = run(tmp_path, capsys, text)
    assert code == 1
    assert f"household.yml:{line}:" in err and words in err
    assert "Traceback" not in err


def test_standard_page_says_which_mode_a_line_is_limited_to():
    from generator.pages import derive_pages

    page = next(p for p in derive_pages(site()) if p.path == "standards/temporary-resettlement-rural-sample.md")
    assert [f.condition for f in page.context["items"]] == [
        "只适用于产权调换", "按面积计算不足此数的，按此数发放；只适用于产权调换。"]


def test_quantities_are_read_as_a_phone_keyboard_types_them(tmp_path, capsys):
    """Full-width digits, a unit, spaces and a final 。 (as gk-estimator.js reads them) give the plain number."""
    totals = set()
    for typed in ["120", "１２０", "120平方米", "120 ㎡", " 120 。", "１２０平方米。"]:
        code, out, err = run(tmp_path, capsys, f"regime: 集体土地\nstandards:\n  rural-house-sample:\n"
                                               f"    lines:\n      brick-concrete: {{平方米: \"{typed}\"}}\n")
        assert code == 0, err
        assert out is not None
        totals.add(out["total"])
    assert totals == {"156000.00"}
    code, _, err = run(tmp_path, capsys, "regime: 集体土地\nstandards:\n  rural-house-sample:\n"
                                         "    lines:\n      brick-concrete: {平方米: \"一百二\"}\n")
    assert code == 1 and "household.yml:5:" in err


@pytest.mark.parametrize("regime", ["land_collective", "house_state"])
def test_sections_run_land_first_then_house_then_moving_and_rewards(regime):
    from generator.model.standard import CATEGORY_LABELS
    order = list(CATEGORY_LABELS)
    ranks = [order.index(s.category) for s in household_standards(site(), regime)]
    assert len(ranks) >= 3 and ranks == sorted(ranks)


def test_every_field_of_the_household_form_has_its_own_accessible_name():
    import re

    from generator.emit.emit import render_pages
    from generator.pages.derive import derive_pages
    pages = [p for p in derive_pages(site()) if p.path.startswith("estimate/household-")]
    assert len(pages) == 2
    for path, text in render_pages(tuple(pages)).items():
        names = re.findall(r'<input[^>]*type="text"[^>]*aria-label="([^"]+)"', text)
        assert len(names) >= 3, path
        assert all("：" in n for n in names)
        by_section = re.findall(r'name="([^"|]+)\|[^"]*"[^>]*aria-label="([^"]+)"', text)
        assert len(set(by_section)) == len(by_section), path  # no two fields of one standard share a name


def test_a_reward_limited_to_a_period_says_so_next_to_its_fields():
    from generator.emit.emit import render_pages
    from generator.pages.derive import derive_pages
    pages = [p for p in derive_pages(site()) if p.path in ("estimate/household-state.md", "estimate/reward-house-state-sample.md")]
    assert len(pages) == 2
    for text in render_pages(tuple(pages)).values():
        assert "只在这段期限内适用：（示例）" in text and "签约期限（示例） 2027-03-01 至 2027-04-15" in text


def test_project_and_standard_pages_lead_to_their_household_estimator():
    from generator.emit.emit import render_pages
    from generator.pages.derive import derive_pages
    want = {"land_collective": "household-collective/", "house_state": "household-state/"}
    pages = [p for p in derive_pages(site()) if p.kind in ("projects", "compensation_standards") and "p" in p.context
             or p.kind == "compensation_standards" and p.context.get("estimator_href")]
    assert len(pages) >= 5
    rendered = render_pages(tuple(pages))
    for page in pages:
        item = page.context.get("p") or page.context["s"]
        regimes = list(want) if item.regime == "both" else [item.regime]
        assert any(f"estimate/{want[r]}" in rendered[page.path] for r in regimes), page.path
