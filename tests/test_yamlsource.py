"""Load stage: scalars stay strings with positions; unsafe or ambiguous YAML becomes diagnostics."""

from __future__ import annotations

import pytest
from counting import count_parsing

from generator.load.yamlsource import Map, Scalar, Seq, locate, parse, plain


def codes(diags):
    return [d.code for d in diags]


def test_scalars_are_kept_as_typed():
    root, diags = parse("a.yml", b"code: 0571\nrate: 12.10\nflag: no\ntime: 12:30\nd: 2024-01-05\nsci: 1e3\n")
    assert diags == []
    assert plain(root) == {"code": "0571", "rate": "12.10", "flag": "no", "time": "12:30", "d": "2024-01-05",
                           "sci": "1e3"}


def test_positions_are_one_based_line_and_column():
    root, _ = parse("a.yml", b"a: 1\nitems:\n  - name: x\n    amount: '5'\n")
    assert isinstance(root, Map)
    pos, exact = locate(root, ("items", 0, "amount"))
    assert exact and (pos.line, pos.column) == (4, 13)
    key_pos, _ = locate(root, ("items", 0, "amount"), want_key=True)
    assert (key_pos.line, key_pos.column) == (4, 5)


def test_duplicate_key_reports_both_lines():
    _, diags = parse("a.yml", b"rate: 1200\nother: 1\nrate: 12000\n")
    assert codes(diags) == ["Y102"]
    assert diags[0].line == 3 and "第 1 行" in diags[0].message


def test_tab_indentation():
    _, diags = parse("a.yml", b"a:\n\tb: 1\n")
    assert codes(diags) == ["Y103"] and diags[0].line == 2


def test_invalid_utf8_names_the_line():
    _, diags = parse("a.yml", b"a: 1\nb: " + "补偿".encode("gbk") + b"\n")
    assert codes(diags) == ["Y104"] and diags[0].line == 2


def test_bom_is_a_warning_and_ignored():
    root, diags = parse("a.yml", b"\xef\xbb\xbfa: 1\n")
    assert codes(diags) == ["Y110"] and plain(root) == {"a": "1"}


def test_zero_width_and_control_characters():
    _, diags = parse("a.yml", "a: 补\u200b偿\nb: x\x07\n".encode())
    assert codes(diags) == ["Y109", "Y109"]
    assert [(d.line, d.column) for d in diags] == [(1, 5), (2, 5)]


def test_alias_bomb_is_rejected_without_expanding(monkeypatch: pytest.MonkeyPatch):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join(["*" + chr(96 + i)] * 9) + "]")
    count = count_parsing(monkeypatch, limit=200)  # ~110 events as written; 9^9 if aliases were followed
    root, diags = parse("bomb.yml", "\n".join(lines).encode())
    assert set(codes(diags)) == {"Y105"}
    assert count.parses == 1 and count.events <= 200
    assert nodes(root) <= count.events, "an alias was expanded into copies"


def nodes(node: object) -> int:
    if isinstance(node, Map):
        return 1 + sum(nodes(value) for _, value in node.entries.values())
    if isinstance(node, Seq):
        return 1 + sum(nodes(item) for item in node.items)
    return 1


def test_python_tag_is_rejected():
    _, diags = parse("a.yml", b"a: !!python/object/apply:os.system ['echo hacked']\n")
    assert "Y106" in codes(diags)


def test_deep_nesting_does_not_recurse():
    _, diags = parse("deep.yml", ("[" * 5000 + "]" * 5000).encode())
    assert codes(diags) == ["Y108"]


def test_oversized_file_rejected_before_parsing(monkeypatch: pytest.MonkeyPatch):
    count = count_parsing(monkeypatch, limit=0)
    _, diags = parse("big.yml", b"a: " + b"x" * 2_000_000)
    assert codes(diags) == ["Y107"] and count.parses == 0


def test_syntax_error_has_position_and_chinese_message():
    _, diags = parse("a.yml", b"a: [1, 2\nb: 3\n")
    assert codes(diags) == ["Y101"] and diags[0].line >= 1 and "YAML 语法错误" in diags[0].message


def test_empty_and_null_scalars_become_none():
    root, _ = parse("a.yml", b"a:\nb: ~\nc: 'null'\nd: \"\"\n")
    assert plain(root) == {"a": None, "b": None, "c": "null", "d": ""}


def test_sequence_root():
    root, diags = parse("a.yml", b"- a: 1\n- a: 2\n")
    assert diags == [] and isinstance(root, Seq) and isinstance(root.items[0], Map)
    assert isinstance(root.items[0].entries["a"][1], Scalar)


def test_empty_file():
    _, diags = parse("a.yml", b"")
    assert codes(diags) == ["Y108"]
