"""The household estimator (estimate/household-*/) in Chromium: ≥ 300 generated households filled into the
real form, each total equal to the 分 to `estimate_household` in Python; and journey 1 of issue 11 on a
375×812 phone, normal and 大字: tap from the home page to the household estimator, fill it, read the total,
open the shared link and find the form restored."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache

import pytest
from conftest import REPO, serve_dir, source_copy
from explain_project import situation_from_form
from test_a11y import axe_violations
from test_estimate_browser import _number

from generator.estimate import calculator_for
from generator.estimate.calculator import Calculator
from generator.estimate.household import estimate_household, household_standards
from generator.model.standard import Household
from generator.pipeline import analyse

HOUSEHOLDS = {"land_collective": ("household-collective", 200), "house_state": ("household-state", 110)}
FILL_AND_READ = """
(cases) => {
  const box = document.querySelector('.gk-household');
  const form = box.querySelector('form');
  return cases.map((c) => {
    form.reset();
    if (c.mode) form.querySelector(`input[name=mode][value=${c.mode}]`).checked = true;
    for (const [name, value] of Object.entries(c.values)) {
      const el = form.elements[name];
      if (el.type === 'checkbox') el.checked = value === '1'; else el.value = value;
    }
    form.dispatchEvent(new Event('input', {bubbles: true}));
    const total = box.querySelector('[data-household-total]');
    return {total: total ? total.dataset.householdTotal : '0',
            invalid: form.querySelectorAll('[aria-invalid="true"]').length,
            sections: [...box.querySelectorAll('table[data-standard]')].map((t) => t.dataset.standard)};
  });
}
"""


@cache
def site():
    found, _ = analyse(source_copy(REPO))
    assert found is not None
    return found


def _fields(rng: random.Random, calc: Calculator, prefix: str) -> dict[str, str]:
    values: dict[str, str] = {}
    if calc.zones:
        zone = rng.choice(["", *(z.id for z in calc.zones)])
        values[f"{prefix}zone"] = zone
        for m in calc.zone_measures():
            values[f"{prefix}zone:{m.factor}"] = _number(rng, m.places) if zone else ""
    for m in calc.shared:
        values[f"{prefix}shared:{m.factor}"] = _number(rng, m.places)
    for line in calc.items:
        for m in line.measures:
            if not line.minimum_for and not m.shared:
                values[f"{prefix}line:{line.id}:{m.factor}"] = rng.choice(["1", ""]) if m.flag else _number(rng, m.places)
    return values


def _case(rng: random.Random, regime: str) -> dict:
    values: dict[str, str] = {}
    for s in household_standards(site(), regime):
        if rng.random() < 0.75:
            values.update(_fields(rng, calculator_for(site(), s, "x.md"), f"{s.id}|"))
    return {"mode": rng.choice(["", "monetary", "property_swap"]), "values": values}


def _python_total(regime: str, case: dict) -> int:
    standards = {}
    for s in household_standards(site(), regime):
        prefix = f"{s.id}|"
        own = {k[len(prefix):]: v for k, v in case["values"].items() if k.startswith(prefix)}
        if any(own.values()):
            zone = own.pop("zone", "")
            standards[s.id] = situation_from_form(zone, own).model_dump(mode="json")
    household = Household.model_validate({"regime": regime, "compensation_mode": case["mode"] or None,
                                          "standards": standards})
    return estimate_household(site(), household).total_fen


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("regime", sorted(HOUSEHOLDS))
def test_browser_household_total_equals_python(tab, bundled_url, regime):
    slug, count = HOUSEHOLDS[regime]
    rng = random.Random(f"household-{regime}")
    cases = [_case(rng, regime) for _ in range(count)]
    tab.goto(bundled_url + f"estimate/{slug}/", wait_until="networkidle")
    tab.wait_for_selector(".gk-household[data-ready]")
    got = tab.evaluate(FILL_AND_READ, cases)
    for case, result in zip(cases, got, strict=True):
        assert result["invalid"] == 0, case
        assert int(result["total"]) == _python_total(regime, case), case
    assert sum(r["total"] != "0" for r in got) > count // 2
    if regime == "land_collective":
        by_mode = {m: [r for c, r in zip(cases, got, strict=True) if c["mode"] == m] for m in ("monetary", "property_swap")}
        assert not any("temporary-resettlement-rural-sample" in r["sections"] for r in by_mode["monetary"])
        assert any("temporary-resettlement-rural-sample" in r["sections"] for r in by_mode["property_swap"])


@pytest.mark.parametrize("mode", ["normal", "large"])
def test_journey_how_much_will_my_household_get(browser, bundled_url, mode):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN")
    page = context.new_page()
    page.goto(bundled_url)
    if mode == "large":
        page.click("[data-gk-pref=large]")
    link = page.locator("a", has_text="我家能补多少钱（集体土地）").first
    link.scroll_into_view_if_needed()
    with page.expect_navigation():
        link.click()
    page.wait_for_selector(".gk-household[data-ready]")
    page.locator("label[for='gk-mode-property_swap']").click()
    for name, value in [("rural-house-sample|line:brick-concrete:平方米", "１２０平方米"),
                        ("temporary-resettlement-rural-sample|line:monthly-per-area:平方米", "120"),
                        ("temporary-resettlement-rural-sample|shared:月", "6")]:
        field = page.locator(f"[name='{name}']")
        field.scroll_into_view_if_needed()
        field.fill(value)
    total = page.locator("[data-household-total]")
    assert total.inner_text() == "164,640.00 元"  # 1300 × 120 + 12 × 120 × 6
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shared = page.url
    assert "#" in shared and "mode=property_swap" in shared
    other = context.new_page()
    other.goto(shared)
    other.wait_for_selector(".gk-household[data-ready]")
    assert other.locator("[data-household-total]").inner_text() == "164,640.00 元"
    assert axe_violations(other, Axe()) == ""
    context.close()


@pytest.mark.parametrize("mode", ["normal", "large"])
def test_journey_on_another_district(browser, other_district_site, mode):
    """tests/fixtures/other-district (one 集体土地 standard with zones): tap, choose a zone, type an area, read."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN")
    page = context.new_page()
    page.goto(serve_dir(other_district_site))
    if mode == "large":
        page.click("[data-gk-pref=large]")
    link = page.locator("a", has_text="我家能补多少钱（集体土地）").first
    link.scroll_into_view_if_needed()
    with page.expect_navigation():
        link.click()
    page.wait_for_selector(".gk-household[data-ready]")
    select = page.locator(".gk-household select").first
    select.select_option(index=1)
    area = page.locator(".gk-household input[name$='zone:亩']").first
    area.fill("２.５亩")
    total = page.locator("[data-household-total]").inner_text()
    assert re.fullmatch(r"[0-9,]+\.[0-9]{2} 元", total) and total != "0.00 元"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_the_result_prints_on_one_a4_page(tab, bundled_url):
    """Every line of every 集体土地 standard filled in (24 rows in six sections) still prints on one A4 page."""
    tab.goto(bundled_url + "estimate/household-collective/", wait_until="networkidle")
    tab.wait_for_selector(".gk-household[data-ready]")
    tab.evaluate("""() => { const f = document.querySelector('.gk-household form');
      f.querySelector('#gk-mode-property_swap').checked = true;
      for (const el of f.querySelectorAll('input[data-places]')) el.value = '10';
      for (const el of f.querySelectorAll('input[type=checkbox]')) el.checked = true;
      for (const s of f.querySelectorAll('select')) s.selectedIndex = 1;
      f.dispatchEvent(new Event('input', {bubbles: true})); }""")
    assert tab.locator(".gk-household tbody tr").count() >= 20
    assert "产权调换" in tab.locator(".gk-household__total").inner_text()
    pdf = tab.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
