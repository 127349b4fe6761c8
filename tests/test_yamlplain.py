"""The load stage's fast path (plain values, no positions) gives exactly what the full loader gives, or
hands the file to it: never a different value, never a lost diagnostic."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given
from test_hostile import FAST, SOURCES, mutated

from generator.load.content import Source, _check_plain, _check_tree, check_source, read_sources
from generator.load.yamlplain import NEEDS_TREE, plain_values
from generator.load.yamlsource import MAX_DEPTH, decode, parse, plain

REPO = Path(__file__).resolve().parent.parent


def same_as_full(path: str, data: bytes) -> object:
    """The fast value when it is given, after checking it is the full loader's."""
    value = plain_values(data.decode("utf-8"))
    root, diags = parse(path, data)
    if value is not NEEDS_TREE:
        assert diags == [] and plain(root) == value
    return value


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: 2\n", "a: [1, *x]\n", "a: !!python/object:os.system x\n", "a: !custom x\n", "a: 1\na: 2\n",
    "? [a, b]\n: c\n", ": no key\n", "'': empty key\n", "a: 1\n---\nb: 2\n", "", "# only a comment\n",
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "a: [1, 2\n", "a: 'x\n", "a:\n  - b\n c: d\n",
])
def test_what_the_full_loader_reports_leaves_the_fast_path(text: str):
    assert plain_values(text) is NEEDS_TREE


@pytest.mark.parametrize("text", [
    "a: 1\nb: ~\nc: null\nd: ''\ne: \"~\"\nf:\n", "- {id: a, n: [1, '2', \"3\"]}\n- id: b\n", "x\n", "~\n",
    "a: |\n  two\n  lines\n", "a: >\n  folded\n  text\n", "code: 0571\nrate: 12.10\nflag: no\ntime: 12:30\n",
    "---\na: 1\n...\n", "a: {b: {c: [d, {e: f}]}}\n", "[" * MAX_DEPTH + "]" * MAX_DEPTH,
])
def test_plain_files_get_the_full_loaders_values(text: str):
    assert same_as_full("a.yml", text.encode()) is not NEEDS_TREE


def test_every_fixture_and_bundled_file_checks_the_same_on_both_paths():
    files = sorted(FIXTURES.rglob("*.yml")) + sorted((REPO / "content").rglob("*.yml"))
    assert len(files) > 50
    fast = 0
    for file in files:
        source = Source(file.name, file.parent.name if file.name != "site_config.yml" else "site_config",
                        file.read_bytes())
        if source.type_key not in {s.type_key for s in read_sources(FIXTURES / "mini")[0]}:
            continue
        quick = _check_plain(source)
        fast += quick is not None
        assert quick is None or quick == _check_tree(source), file
        assert check_source(source) == _check_tree(source), file
    assert fast > 30, "the fast path is taken for ordinary files"


@FAST
@given(mutated())
def test_mutated_files_check_the_same_on_both_paths(case: tuple[int, bytes]):
    index, data = case
    source = Source(SOURCES[index].path, SOURCES[index].type_key, data)
    quick = _check_plain(source)
    assert quick is None or quick == _check_tree(source)
    text, _ = decode(source.path, data)
    value = plain_values(text) if text is not None else NEEDS_TREE
    if value is not NEEDS_TREE:
        root, diags = parse(source.path, data)
        assert plain(root) == value and not [d for d in diags if d.code != "Y110"]
