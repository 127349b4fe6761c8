"""The browser estimator (gk-estimator.js in Chromium) equals the Python reference on generated
cases: every line (rate, quantity, amount) and the total, plus the incomplete lines and the
refusal of invalid numbers. The cases are filled into the real form and read from the rendered table."""

from __future__ import annotations

import random

import pytest
from conftest import serve_dir
from explain_project import built_explain_site, explain_site, situation_from_form

from generator.estimate import calculator_for, estimate, problems
from generator.estimate.arithmetic import format_fen
from generator.estimate.calculator import Calculator

CASES_PER_STANDARD = 130  # two estimable standards in the fixture: 260 cases
FILL_AND_READ = """
(cases) => {
  const box = document.querySelector('.gk-estimator');
  const form = box.querySelector('form');
  return cases.map((c) => {
    form.reset();
    if (form.elements.zone) form.elements.zone.value = c.zone;
    for (const [name, value] of Object.entries(c.values)) {
      const el = form.elements[name];
      if (el.type === 'checkbox') el.checked = value === '1'; else el.value = value;
    }
    form.dispatchEvent(new Event('input', {bubbles: true}));
    const out = box.querySelector('.gk-estimator__result');
    const rows = [...out.querySelectorAll('tbody tr[data-line]')].map((tr) => [
      tr.dataset.line, tr.dataset.kind, tr.querySelector('.gk-est-rate').textContent,
      tr.querySelector('.gk-est-qty').textContent, tr.querySelector('.gk-est-amount').textContent]);
    const total = out.querySelector('[data-total]');
    const incomplete = out.querySelector('[data-incomplete]');
    return {rows, total: total ? total.textContent : null,
            incomplete: incomplete ? incomplete.dataset.incomplete.split(' ') : [],
            invalid: form.querySelectorAll('[aria-invalid="true"]').length};
  });
}
"""


def _number(rng: random.Random, places: int) -> str:
    kind = rng.random()
    if kind < 0.2:
        return ""
    whole = rng.choice([0, 1, 2, 7, 40, 120, 999, rng.randint(0, 10**rng.randint(1, 9) - 1)])
    if places == 0 or rng.random() < 0.3:
        return str(whole) if whole or rng.random() < 0.5 else ""
    frac = str(rng.randint(0, 10**places - 1)).rjust(places, "0")
    frac = frac[: rng.randint(1, places)]
    if rng.random() < 0.2:
        frac += "0"  # trailing zero the display drops
    return f"{whole}.{frac[:places]}"


def _case(rng: random.Random, calc: Calculator) -> dict:
    zone = rng.choice(["", *(z.id for z in calc.zones)]) if calc.zones else ""
    values: dict[str, str] = {}
    for m in calc.zone_measures():
        values[f"zone:{m.factor}"] = _number(rng, m.places) if zone else ""
    for m in calc.shared:
        values[f"shared:{m.factor}"] = _number(rng, m.places)
    for line in calc.items:
        if line.minimum_for:
            continue
        for m in line.measures:
            if not m.shared:
                name = f"line:{line.id}:{m.factor}"
                values[name] = rng.choice(["1", ""]) if m.flag else _number(rng, m.places)
    return {"zone": zone, "values": values}


def _largest(calc: Calculator) -> dict:
    """Every field at its largest allowed value (9 integer digits, all decimals)."""
    case = _case(random.Random(0), calc)
    case["zone"] = calc.zones[0].id if calc.zones else ""
    for name in case["values"]:
        line = calc.line(name.split(":")[1]) if name.startswith("line:") else None
        m = next((m for m in (line.measures if line else [*calc.shared, *calc.zone_measures()])
                  if m.factor == name.split(":")[-1]), None)
        assert m is not None
        case["values"][name] = "1" if m.flag else "999999999" + ("." + "9" * m.places if m.places else "")
    return case


def _expected(calc: Calculator, case: dict) -> dict:
    b = estimate(calc, situation_from_form(case["zone"], case["values"]))
    rows = [[i.line.id, i.kind, f"{format_fen(i.line.rate_fen)} {i.line.unit}", i.quantity_text,
             format_fen(i.amount_fen)] for i in b.items]
    return {"rows": rows, "total": format_fen(b.total_fen) if rows else None, "incomplete": list(b.incomplete),
            "invalid": 0}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("standard_id", ["land", "house"])
def test_browser_estimator_equals_python_on_generated_cases(phone, standard_id):
    site = explain_site()
    calc = calculator_for(site, site.by_id["compensation_standards"][standard_id], f"estimate/{standard_id}.md")
    rng = random.Random(f"gongkai-{standard_id}")
    cases = [_case(rng, calc) for _ in range(CASES_PER_STANDARD)] + [_largest(calc)]
    phone.goto(serve_dir(built_explain_site()) + f"estimate/{standard_id}/", wait_until="networkidle")
    phone.wait_for_selector(".gk-estimator[data-ready]")
    got = phone.evaluate(FILL_AND_READ, cases)
    counted = 0
    for case, result in zip(cases, got, strict=True):
        assert result == _expected(calc, case), case
        counted += bool(result["rows"])
    assert counted > CASES_PER_STANDARD // 2, "most generated cases should produce lines"
    if standard_id == "house":
        assert any(r["incomplete"] for r in got), "some cases leave a line half filled in"
        assert any(row[1] == "top_up" and row[4] != "0.00" for r in got for row in r["rows"])
        assert int(got[-1]["total"].replace(",", "").replace(".", "")) > 2**53, \
            "the largest case exceeds 2**53 fen, where binary floats would lose the fen"


def test_browser_refuses_what_python_refuses(phone):
    site = explain_site()
    calc = calculator_for(site, site.by_id["compensation_standards"]["house"], "estimate/house.md")
    phone.goto(serve_dir(built_explain_site()) + "estimate/house/", wait_until="networkidle")
    bad = ["1.234", "-5", "1,000", "1e3", ".5", "1234567890"]
    cases = [{"zone": "", "values": {"line:brick-concrete:平方米": text}} for text in bad]
    cases += [{"zone": "", "values": {"shared:月": "1.5"}}]
    for case, result in zip(cases, phone.evaluate(FILL_AND_READ, cases), strict=True):
        assert result["invalid"] == 1 and result["rows"] == [], case
        with pytest.raises(ValueError):
            problems_or_raise(calc, case)


def test_browser_understands_what_a_phone_keyboard_types(phone):
    """Full-width digits, a unit, spaces and a final 。 (issue 11) give the same rows as the plain number."""
    phone.goto(serve_dir(built_explain_site()) + "estimate/house/", wait_until="networkidle")
    typed = ["12", "１２", "12平方米", "12 ㎡", " 12 。", "１２平方米。"]
    cases = [{"zone": "", "values": {"line:brick-concrete:平方米": text}} for text in typed]
    results = phone.evaluate(FILL_AND_READ, cases)
    assert all(r["invalid"] == 0 for r in results), results
    assert all(r["rows"] == results[0]["rows"] and r["rows"] for r in results), results


def problems_or_raise(calc: Calculator, case: dict) -> None:
    from pydantic import ValidationError

    try:
        situation = situation_from_form(case["zone"], case["values"])
    except ValidationError as exc:  # the content model itself refuses it (sign, separators, full-width)
        raise ValueError(str(exc)) from None
    if problems(calc, situation):
        raise ValueError("refused")


def test_notice_and_examples_on_the_estimator_page(phone):
    phone.goto(serve_dir(built_explain_site()) + "estimate/house/", wait_until="networkidle")
    notice = phone.locator(".gk-estimate-notice").inner_text()
    assert "不是补偿决定" in notice and "评估" in notice and "协议" in notice
    example = phone.locator(".gk-example").first
    assert "合计" in example.inner_text() and example.locator("[data-total]").inner_text() == "188,492.00"


def test_bundled_estimators_agree_with_python(bundled_url, browser):
    from conftest import REPO, source_copy

    from generator.pipeline import analyse

    site, _ = analyse(source_copy(REPO))
    assert site is not None
    page = browser.new_page(viewport={"width": 390, "height": 844})
    rng = random.Random("gongkai-bundled")
    checked = 0
    for s in site.of("compensation_standards"):
        if not s.estimator:
            continue
        calc = calculator_for(site, s, f"estimate/{s.id}.md")
        cases = [_case(rng, calc) for _ in range(8)]
        page.goto(bundled_url + f"estimate/{s.id}/", wait_until="networkidle")
        for case, result in zip(cases, page.evaluate(FILL_AND_READ, cases), strict=True):
            assert result == _expected(calc, case), (s.id, case)
            checked += 1
    page.close()
    assert checked >= 8


def test_a_missing_zone_is_said_next_to_the_zone_choice(bundled_url, browser):
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(bundled_url + "estimate/land-zone-price-sample/", wait_until="networkidle")
    field = page.locator("input[name='zone:亩']")
    field.click()
    page.keyboard.type("２.５亩")
    select = page.locator("select[name='zone']")
    box = page.locator("#" + select.get_attribute("aria-describedby"))
    assert select.get_attribute("aria-invalid") == "true" and "选您家所在的区片" in box.inner_text()
    select.select_option(index=1)
    assert select.get_attribute("aria-invalid") is None and box.inner_text() == ""
    assert page.locator(".gk-estimator__result [data-total]").count() == 1
    page.close()
