"""The compensation estimator in Python: exact arithmetic, units -> measures, hand-checked cases for
every standard of the explain fixture, worked examples, input problems and `gongkai estimate`."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import REPO, source_copy
from explain_project import PROJECT, explain_site

from generator.commands.cli import main
from generator.estimate import applies, calculator_for, default_example, estimate, problems
from generator.estimate.arithmetic import QuantityError, Scaled, format_fen, line_fen, parse_quantity, to_fen
from generator.estimate.measures import measures
from generator.model.standard import CompensationStandard, Situation
from generator.pipeline import analyse


def calc(standard_id: str):
    site = explain_site()
    return calculator_for(site, site.by_id["compensation_standards"][standard_id], "standards/x.md")


def run(standard_id: str, lines: dict, shared: dict | None = None):
    situation = Situation.model_validate({"lines": lines, "shared": shared or {}})
    return estimate(calc(standard_id), situation)


def rows(breakdown) -> list[tuple[str, str, str, str]]:
    return [(i.line.id, i.kind, i.quantity_text, format_fen(i.amount_fen)) for i in breakdown.items]


@pytest.mark.parametrize("text, places, units, shown", [
    ("120", 2, 12000, "120"), ("120.50", 2, 12050, "120.5"), ("0.0001", 4, 1, "0.0001"), ("007", 0, 7, "7"),
    ("2.000", 0, 2, "2"), (" 3 ", 0, 3, "3"), ("999999999.99", 2, 99999999999, "999999999.99"),
])
def test_quantities_parse_exactly(text, places, units, shown):
    q = parse_quantity(text, places)
    assert (q.units, q.places, q.text()) == (units, places, shown)


@pytest.mark.parametrize("text, places", [
    ("1.5", 0), ("1.001", 2), ("-1", 2), ("1,000", 2), ("1e3", 2), ("", 2), ("abc", 2), (".5", 2),
    ("1234567890", 2),
])
def test_bad_quantities_are_refused(text, places):
    with pytest.raises(QuantityError):
        parse_quantity(text, places)


def test_rounding_is_half_up_to_the_fen_in_integers():
    assert line_fen(1, (Scaled(5, 1),)) == 1  # 0.01 元 × 0.5 = 0.005 -> 0.01
    assert line_fen(1, (Scaled(4, 1),)) == 0  # 0.004 -> 0.00
    assert line_fen(50007, (Scaled(405, 1),)) == 2025284  # 500.07 × 40.5 = 20252.835 -> 20252.84
    big = line_fen(10**14, (Scaled(99999999999, 2), Scaled(999999999, 0)))  # far beyond 2**53
    assert big == 10**14 * 99999999999 * 999999999 // 100
    assert to_fen(Decimal("1200.50")) == 120050
    assert format_fen(123456789) == "1,234,567.89" and format_fen(5) == "0.05"


@pytest.mark.parametrize("unit, expected", [
    ("元/亩", [("亩", 4, False, False)]),
    ("元/平方米·月", [("平方米", 2, False, False), ("月", 0, True, False)]),
    ("元/户·次", [("户", 0, False, True), ("次", 0, True, False)]),
    ("元/株", [("株", 0, False, False)]), ("元/眼", [("眼", 0, False, False)]),
    ("元/㎡", [("平方米", 2, False, False)]), ("元/延米", [("延米", 2, False, False)]),
])
def test_units_say_what_quantity_they_ask_for(unit, expected):
    assert [(m.factor, m.places, m.shared, m.flag) for m in measures(unit)] == expected


def test_hand_checked_land_zone_crops_and_attachments():
    b = run("land", {"zone-b": {"亩": "2.5"}, "wheat": {"亩": "2.5"}, "well": {"眼": "2"}, "tree": {"株": "3"}})
    assert rows(b) == [
        ("zone-b", "rate", "2.5 亩", "120,000.83"),  # 48000.33 × 2.5 = 120000.825 -> .83
        ("wheat", "rate", "2.5 亩", "3,000.00"),
        ("well", "rate", "2 眼", "6,000.00"),
        ("tree", "rate", "3 株", "451.65"),
    ]
    assert format_fen(b.total_fen) == "129,452.48"


def test_hand_checked_house_moves_transition_and_floor():
    b = run("house", {"brick-concrete": {"平方米": "120"}, "moving": {"平方米": "120"},
                      "moving-household": {"户": "1"}, "transition": {"平方米": "120"}, "sign-on-time": {"户": "1"}},
            {"月": "6", "次": "2"})
    assert rows(b) == [
        ("brick-concrete", "rate", "120 平方米", "156,000.00"),
        ("moving", "rate", "120 平方米 × 2 次", "3,600.00"),
        ("moving-household", "rate", "1 户 × 2 次", "4,000.00"),
        ("transition", "rate", "120 平方米 × 6 月", "8,892.00"),  # 12.35 × 120 × 6
        # transition-minimum: 4,800 < 8,892, nothing to top up, so no 0.00 row (it read as "you get nothing")
        ("sign-on-time", "rate", "1 户", "20,000.00"),
    ]
    assert format_fen(b.total_fen) == "192,492.00"


def test_floor_tops_up_a_small_house():
    b = run("house", {"simple": {"平方米": "40.5"}, "transition": {"平方米": "40.5"}}, {"月": "3"})
    assert rows(b) == [("simple", "rate", "40.5 平方米", "20,252.84"),
                       ("transition", "rate", "40.5 平方米 × 3 月", "1,500.53"),
                       ("transition-minimum", "top_up", "1 户 × 3 月", "899.47")]
    assert "补足差额 899.47 元" in b.items[-1].note
    assert format_fen(b.total_fen) == "22,652.84"


def test_partly_filled_lines_are_reported_not_counted():
    b = run("house", {"transition": {"平方米": "50"}, "brick-concrete": {"平方米": "10"}})
    assert [i.line.id for i in b.items] == ["brick-concrete"]
    assert b.incomplete == ("transition",)


def test_every_rate_times_one_of_each_unit_is_the_rate_itself_in_the_bundled_and_fixture_content():
    for root in (REPO, PROJECT):
        site, _ = analyse(source_copy(root))
        assert site is not None
        for s in site.of("compensation_standards"):
            if not applies(s):
                continue
            c = calculator_for(site, s, "standards/x.md")
            for line in c.lines:
                if line.minimum_for:
                    continue
                own = {m.factor: "1" for m in line.measures if not m.shared}
                shared = {m.factor: "1" for m in line.measures if m.shared}
                b = estimate(c, Situation.model_validate({"lines": {line.id: own}, "shared": shared}))
                counted = [i for i in b.items if i.line.id == line.id]
                assert counted and counted[0].amount_fen == line.rate_fen, (s.id, line.id)


def test_problems_name_what_is_wrong():
    c = calc("land")
    bad = Situation.model_validate({"lines": {"zone-a": {"亩": "1"}, "zone-b": {"亩": "1"}, "nope": {"亩": "1"},
                                              "well": {"亩": "1"}, "tree": {"株": "1.5"}},
                                    "shared": {"月": "2"}})
    messages = [m for _, m in problems(c, bad)]
    assert any("只能选一个区片" in m for m in messages)
    assert any("nope" in m for m in messages)
    assert any("不按“亩”计算" in m for m in messages)
    assert any("这里写整数" in m for m in messages)
    assert any("共用" in m for m in messages)
    with pytest.raises(ValueError):
        estimate(c, bad)


def test_default_example_uses_first_figure():
    ex = default_example(calc("land"))
    assert ex.title == "甲区片，2 亩" and ex.lines == {"zone-a": {"亩": Decimal("2")}}


def test_estimator_opt_out_and_floor_validation():
    site = explain_site()
    assert not applies(site.by_id["compensation_standards"]["social"])
    data = {k: v for k, v in site.by_id["compensation_standards"]["house"].model_dump(mode="json", by_alias=True).items()}
    data["items"][0]["minimum_for"] = "no-such-item"
    with pytest.raises(Exception, match="保底对象"):
        CompensationStandard.model_validate(data)


def test_cli_prints_the_same_breakdown_as_json(tmp_path, capsys):
    situation = tmp_path / "me.yml"
    situation.write_text('lines:\n  simple: {平方米: "40.5"}\n  transition: {平方米: "40.5"}\nshared: {月: "3"}\n',
                         encoding="utf-8")
    code = main(["estimate", "--root", str(source_copy(PROJECT)), "--standard", "house", "--input", str(situation)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(x["id"], x["rate"], x["quantity_text"], x["amount"]) for x in out["lines"]] == [
        ("simple", "500.07", "40.5 平方米", "20252.84"), ("transition", "12.35", "40.5 平方米 × 3 月", "1500.53"),
        ("transition-minimum", "800.00", "1 户 × 3 月", "899.47")]
    assert out["total"] == "22652.84"
    assert out["lines"][0]["source"] == {"label": "《国有土地上房屋征收与补偿条例》第二十二条",
                                         "document": "house-regulation", "article": 22, "article_label": "第二十二条"}
    assert "不是补偿决定" in out["notice"] and "示例数据" in out["notice"]


def test_cli_reports_problems_with_file_and_line(tmp_path, capsys):
    situation = tmp_path / "me.json"
    situation.write_text('{"lines": {"simple": {"平方米": "40.555"}},\n "shared": {"年": "1"}}', encoding="utf-8")
    code = main(["estimate", "--root", str(source_copy(PROJECT)), "--standard", "house", "--input", str(situation)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{situation}:1:" in err and "R305" in err and "小数点后最多写 2 位" in err
    assert f"{situation}:2:" in err and "共用" in err
    assert main(["estimate", "--root", str(source_copy(PROJECT)), "--standard", "social", "--input", str(situation)]) == 1
