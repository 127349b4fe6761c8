"""Quantities typed as a phone keyboard types them are read by ONE rule list (estimate/typed_input.py):
Python (`gongkai estimate --input` / `--household`) and gk-estimator.js in Chromium give the same
number or the same message for every input of one table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, serve_dir, source_copy
from explain_project import PROJECT

from generator.commands.cli import main
from generator.estimate.typed_input import MARKER, RULES, SCRIPT, TypedInputError, read_quantity, tidy

# (typed text, decimal places the field allows)
CASES: list[tuple[str, int]] = [
    # plain and valid
    ("120", 2), ("120.5", 2), ("120.50", 2), ("0", 2), ("007", 0), ("3", 0), ("2.5", 2), ("999999999", 2),
    # full-width digits and point, as a Chinese IME types them
    ("１２０", 2), ("１２０．５", 2), ("３", 0), ("１２０。", 2),
    # units after the number
    ("120平方米", 2), ("120平米", 2), ("120平方", 2), ("120㎡", 2), ("120 ㎡", 2), ("120m²", 2), ("120M2", 2),
    ("2.5亩", 2), ("3个", 0), ("12棵", 0), ("12株", 0), ("6月", 0), ("6个月", 0), ("1户", 0), ("１２０平方米。", 2),
    # spaces (ASCII, full-width, no-break) and a final full stop
    (" 120 ", 2), ("1 2 0", 2), ("120\u3000", 2), ("\u00a0120", 2), ("120。", 2), ("120.", 2), ("120．。", 2),
    ("12。5", 2),
    # refused: separators, signs, decimals, words, empty
    ("1,200", 2), ("1，200", 2), ("1、200", 2), ("-5", 2), ("－5", 2), ("-5平方米", 2), ("+5", 2),
    ("1.234", 2), ("1.5", 0), ("3.0", 0), ("1.2.3", 2), ("1234567890", 2), ("0001234567890", 2), ("", 2), ("   ", 2),
    ("abc", 2), ("一百二十", 2), ("120平方米多", 2), ("约120", 2), ("1e3", 2), (".5", 2), ("120元/平方米", 2),
    ("٣", 2), ("120平方米平方米", 2),
]
# (typed text, places, the field's unit): a typed unit must measure what the field asks
UNIT_CASES: list[tuple[str, int, str]] = [
    ("120平", 2, "平方米"), ("120平方米", 2, "平方米"), ("120 ㎡", 2, "平方米"), ("3亩", 2, "平方米"), ("120㎡", 4, "亩"),
    ("2.5亩", 4, "亩"), ("6个月", 0, "月"), ("6次", 0, "月"), ("12棵", 0, "株"), ("12个", 0, "株"), ("3方", 2, "立方米"),
    ("120元", 2, "平方米"), ("120", 2, "平方米"), ("1,200亩", 2, "平方米"), ("1.234平方米", 2, "平方米"),
]


def python_result(text: str, places: int, factor: str = "") -> dict[str, object]:
    try:
        units, scale = read_quantity(text, places, factor)
    except TypedInputError as exc:
        return {"error": str(exc)}
    return {"units": str(units), "places": scale}


BROWSER = """
(cases) => cases.map(([text, places, factor]) => {
  try {
    const q = window.gkTypedInput.readQuantity(text, places, factor || "");
    return {units: q.units.toString(), places: q.places};
  } catch (e) { return {error: e.message}; }
})
"""


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN")
    yield context.new_page()
    context.close()


def test_table_is_broad():
    assert len(CASES) >= 40
    outcomes = [python_result(t, p) for t, p in CASES]
    assert sum("error" in o for o in outcomes) >= 15 and sum("units" in o for o in outcomes) >= 25
    assert {str(o["error"]) for o in outcomes if "error" in o} >= {
        RULES["messages"][k] for k in ("not_number", "comma", "negative", "too_big", "integer")}


def test_python_and_browser_agree_on_every_case(page, mini_site: Path):
    page.goto(serve_dir(mini_site) + "estimate/relocation/", wait_until="networkidle")  # estimators load the script
    browser = page.evaluate(BROWSER, [list(c) for c in CASES])
    tidied = page.evaluate("(texts) => texts.map((t) => window.gkTypedInput.tidy(t))", [t for t, _ in CASES])
    for (text, places), js, js_tidy in zip(CASES, browser, tidied, strict=True):
        assert js == python_result(text, places), (text, places)
        assert js_tidy == tidy(text), text
    browser = page.evaluate(BROWSER, [list(c) for c in UNIT_CASES])
    for (text, places, factor), js in zip(UNIT_CASES, browser, strict=True):
        assert js == python_result(text, places, factor), (text, factor)


def test_a_unit_that_does_not_fit_its_field_is_refused_never_read_as_if_it_did():
    outcomes = {(t, f): python_result(t, p, f) for t, p, f in UNIT_CASES}
    assert outcomes[("3亩", "平方米")] == {"error": "这里按平方米填写，您写的是亩；请换算成平方米后只写数字"}
    assert "error" in outcomes[("120㎡", "亩")] and "error" in outcomes[("120元", "平方米")]
    assert outcomes[("120平", "平方米")] == {"units": "12000", "places": 2}
    assert outcomes[("12个", "株")] == {"units": "12", "places": 0}


def test_estimate_input_refuses_a_unit_that_does_not_fit_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    situation = tmp_path / "me.yml"
    situation.write_text('lines:\n  simple:\n    平方米: "3亩"\n', encoding="utf-8")
    code = main(["estimate", "--root", str(source_copy(PROJECT)), "--standard", "house", "--input", str(situation)])
    err = capsys.readouterr().err
    assert code == 1 and f"{situation}:3:" in err and "R305" in err and "您写的是亩" in err


def test_rules_live_only_in_python():
    """The script holds the marker, not its own unit list; the build writes the rules in."""
    script = (REPO / "overrides" / SCRIPT).read_bytes()
    assert MARKER in script
    text = script.decode("utf-8")
    assert "平方米|平米" not in text and '"平方米"' not in text  # no unit list of its own
    assert not [m for m in RULES["messages"].values() if m.split("{")[0] in text]  # nor messages


def test_built_script_carries_the_rules(mini_site: Path):
    built = next((mini_site / "assets" / "javascripts").glob("gk-estimator.*.js")).read_text("utf-8")
    assert json.dumps(RULES, ensure_ascii=False, sort_keys=True, separators=(",", ":")) in built


@pytest.mark.parametrize("typed", ["１２０", "120平方米", "120 ㎡", " 120 。", "１２０平方米。"])
def test_estimate_input_reads_what_a_phone_types(tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str):
    situation = tmp_path / "me.yml"
    situation.write_text(f'lines:\n  simple: {{平方米: "{typed}"}}\n', encoding="utf-8")
    code = main(["estimate", "--root", str(source_copy(PROJECT)), "--standard", "house",
                 "--input", str(situation)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["lines"][0]["quantity_text"] == "120 平方米"


def test_estimate_input_explains_a_bad_number_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    situation = tmp_path / "me.yml"
    situation.write_text('lines:\n  simple: {平方米: "1.234平方米"}\n', encoding="utf-8")
    code = main(["estimate", "--root", str(source_copy(PROJECT)), "--standard", "house",
                 "--input", str(situation)])
    err = capsys.readouterr().err
    assert code == 1 and f"{situation}:2:" in err and "小数点后最多写 2 位" in err
