"""Fuzzing (issue 12, RELIABILITY §3 "Fuzzing"): random bytes, random YAML and random field values written
into the content files of the mini project, 2,100 examples in all, run in-process through the whole
check path (parse, validate, resolve, every rule, production rules, and the pages when the content is
valid): no exception, no example beyond 30 s, every diagnostic a documented code with a Chinese message
that prints on one line. A handful of examples also go through a full build into a published site,
which is replaced only by a build that succeeded and otherwise stays byte for byte."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.codes import CODES
from generator.diagnostics import Diagnostic, has_errors
from generator.emit.emit import environment, render_pages
from generator.load.content import Checked, Source, check_source, content_from, read_sources
from generator.pages import derive_pages
from generator.post.manifest import foreign_entry

MINI = FIXTURES / "mini"
SOURCES, _ = read_sources(MINI)
CHECKED = {s.path: check_source(s) for s in SOURCES}  # the files not mutated are not checked again
ENV = environment()
EXAMPLES = 700  # per strategy: three strategies, 2,100 examples
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
TREES = {s.path: yaml.load(s.data.decode("utf-8"), Loader=yaml.BaseLoader) for s in SOURCES}  # noqa: S506


def run_check(sources: list[Source], production: bool) -> list[Diagnostic]:
    checked: list[Checked] = [CHECKED.get(s.path) if s.data == _original(s.path) else check_source(s)
                              for s in sources]  # type: ignore[misc]
    content, diags = content_from(sources, checked)
    site, diags = pipeline.analyse_content(content, diags, production)
    if site is not None and not has_errors(diags):
        pages = derive_pages(site)
        diags += pipeline.url_diagnostics(MINI, site, pages, production)
        render_pages(pages, ENV)
    return diags


def _original(path: str) -> bytes:
    return next(s.data for s in SOURCES if s.path == path)


def check_invariants(sources: list[Source], production: bool) -> None:
    started = time.perf_counter()
    diags = run_check(sources, production)
    assert time.perf_counter() - started < 30, "an example took more than 30 s"
    for d in diags:
        assert isinstance(d, Diagnostic) and d.code in CODES, d
        assert d.path and any("\u4e00" <= ch <= "\u9fff" for ch in d.message), d
        text = d.format()
        assert "\x1b" not in text and len(text.splitlines()) <= 2 + d.hint.count("\n"), text


def _replace(index: int, data: bytes) -> list[Source]:
    sources = list(SOURCES)
    sources[index] = Source(SOURCES[index].path, SOURCES[index].type_key, data)
    return sources


@FUZZ
@given(st.integers(0, len(SOURCES) - 1), st.binary(max_size=1500), st.booleans())
def test_random_bytes(index: int, data: bytes, production: bool):
    check_invariants(_replace(index, data), production)


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


ALL_KEYS = sorted({k for tree in TREES.values() for k in _keys(tree)} | {"x", "<b>", "sample", "former_ids"})
ODD = ["", "0", "-1", "1e3", "NaN", "１２００", "1,200", "12.345", "0571", "no", "true", "~", "9999-12-31", "2025-02-30",
       "0001-01-01", "2025-01-09", "TODO", "a" * 300, "<script>x</script>", "*强调*", "{: style=x }", "[x](//e.example)",
       "\x1b[31m", "\u202e", "\u2066", "\ufeff", "\x00", "搬家\n- 列表", "# 标题", "`code`", "\\", '"', "'", "%",
       "（示例）", "x-sample", "https://example.org/", "javascript:alert(1)", "110101199003077777", "13800138000",
       "house-regulation", "east", "transition-fee", "安置", "元/平方米", "𠀀😀", "\u3000", "&amp;", "]]>"]
VALUES = st.one_of(st.sampled_from(ODD), st.text(max_size=40), st.integers(-10**13, 10**13).map(str))
TREE_VALUES = st.recursive(st.one_of(VALUES, st.none()), lambda c: st.one_of(
    st.lists(c, max_size=3), st.dictionaries(st.sampled_from(ALL_KEYS), c, max_size=5)), max_leaves=20)


@FUZZ
@given(st.integers(0, len(SOURCES) - 1), TREE_VALUES, st.booleans())
def test_random_yaml(index: int, tree: object, production: bool):
    data = yaml.safe_dump(tree, allow_unicode=True).encode("utf-8")
    check_invariants(_replace(index, data), production)


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [here] + [p for k, v in node.items() for p in _paths(v, (*here, k))]
    if isinstance(node, list):
        return [here] + [p for i, v in enumerate(node) for p in _paths(v, (*here, i))]
    return [here]


def _set(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[path[0]] = _set(copy[path[0]], path[1:], value)
    return copy


@st.composite
def field_edits(draw: st.DrawFn) -> tuple[int, bytes]:
    """A real file with one to three values replaced, a key added or a key dropped."""
    index = draw(st.integers(0, len(SOURCES) - 1))
    tree = TREES[SOURCES[index].path]
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(tree)
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["value", "value", "tree", "add", "drop"]))
        target = _get(tree, path)
        if kind == "add" and isinstance(target, dict):
            tree = _set(tree, path, {**target, draw(st.sampled_from(ALL_KEYS)): draw(VALUES)})
        elif kind == "drop" and isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target)))
            tree = _set(tree, path, {k: v for k, v in target.items() if k != key})
        else:
            tree = _set(tree, path, draw(VALUES if kind == "value" else TREE_VALUES))
    return index, yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


@FUZZ
@given(field_edits(), st.booleans())
def test_random_field_values(case: tuple[int, bytes], production: bool):
    index, data = case
    check_invariants(_replace(index, data), production)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = copy_project(MINI, tmp_path_factory.mktemp("fuzz") / "p")
    out = project.parent / "site"
    assert pipeline.build(project, out).published
    return project, out


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_full_build_with_random_edits_never_damages_the_published_site(seed: int, published: tuple[Path, Path]):
    project, out = published
    rng = random.Random(seed)
    index = rng.randrange(1, len(SOURCES))
    tree = TREES[SOURCES[index].path]
    path = rng.choice([p for p in _paths(tree) if p and not isinstance(_get(tree, p), (dict, list))])
    data = yaml.safe_dump(_set(tree, path, rng.choice(ODD)), allow_unicode=True, sort_keys=False)
    (project / SOURCES[index].path).write_text(data, encoding="utf-8")
    before = _tree(out)
    result = pipeline.build(project, out)
    if result.published:
        assert foreign_entry(out) is None  # a whole site, its manifest matching
    else:
        assert has_errors(result.diagnostics) and _tree(out) == before
    (project / SOURCES[index].path).write_bytes(SOURCES[index].data)
