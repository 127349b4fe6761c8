"""Hostile input (RELIABILITY rows 1, 2, 12-17): generated and mutated YAML gives diagnostics, never
a traceback, and quickly; alias bombs, `!!python` tags, deep nesting and oversized files are
refused in well under a second; script or event-handler HTML never reaches a page as live markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, copy_project
from counting import count_parsing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.diagnostics import Diagnostic
from generator.emit.emit import environment, render_pages
from generator.load.content import Source, read_sources, validate_sources
from generator.model import CONTENT_TYPES
from generator.pages import derive_pages
from generator.rules.references import resolve

MINI = FIXTURES / "mini"
SOURCES, _ = read_sources(MINI)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
HOSTILE_SNIPPETS = [
    b"<script>alert(1)</script>", b"\" onerror=alert(1) x=\"", b"{: onclick=alert(1) }", b"javascript:alert(1)",
    b"&#106;avascript:", b"!!python/object/apply:os.system [\"true\"]", b"&a [1, 2]", b"*a", b"? [a, b]\n: c",
    b"\t", b"\x00", b"\xe2\x80\x8b", b"\xff\xfe", b"---\n", b"key: value\nkey: value\n", b"[[[[[[[[", b"{{{{",
    b"!custom x", b"%YAML 1.1\n---\n", b"|\n  \xe6\x96\x87", b"1e3", b"0571", b"no", b"12:30", b"~",
]


ENV = environment()  # templates compiled once: compiling them is most of a run's time


def run_stages(sources: list[Source]) -> list[Diagnostic]:
    """Load, validate, resolve; when that is clean, derive and render the Markdown too."""
    content, diags = validate_sources(sources)
    if content is None:
        return diags
    site, more = resolve(content)
    diags += more
    if not any(d.severity.value == "error" for d in diags):
        render_pages(derive_pages(site), ENV)
    return diags


def _with(index: int, data: bytes) -> list[Source]:
    sources = list(SOURCES)
    old = sources[index]
    sources[index] = Source(old.path, old.type_key, data)
    return sources


def _assert_diagnostics(diags: list[Diagnostic]) -> None:
    for d in diags:
        assert isinstance(d, Diagnostic) and d.code and d.message and d.path


@st.composite
def mutated(draw: st.DrawFn) -> tuple[int, bytes]:
    index = draw(st.integers(0, len(SOURCES) - 1))
    data = bytearray(SOURCES[index].data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "delete_line", "duplicate_line", "insert"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        lines = bytes(data).split(b"\n")
        line_no = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[pos:]
        elif kind == "delete_line":
            data = bytearray(b"\n".join(lines[:line_no] + lines[line_no + 1:]))
        elif kind == "duplicate_line":
            data = bytearray(b"\n".join(lines[: line_no + 1] + lines[line_no:]))
        else:
            data[pos:pos] = draw(st.sampled_from(HOSTILE_SNIPPETS))
    return index, bytes(data)


@FAST
@given(mutated())
def test_mutated_content_gives_diagnostics_never_a_traceback(case: tuple[int, bytes]):
    index, data = case
    _assert_diagnostics(run_stages(_with(index, data)))


KEYS = sorted({name for t in CONTENT_TYPES for name in t.model.model_fields} | {"from", "x", "amout", "<b>"})
SCALARS = st.one_of(st.text(max_size=30), st.sampled_from(["2025-01-01", "2025-02-30", "0571", "12.10", "-5", "NaN",
                                                           "true", "是", "house-regulation", "east", ""]),
                    st.integers(-10**6, 10**6), st.booleans(), st.none())
TREES = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS), children, max_size=6)), max_leaves=25)


@FAST
@given(st.integers(0, len(SOURCES) - 1), TREES)
def test_generated_yaml_gives_diagnostics_never_a_traceback(index: int, tree: object):
    data = yaml.safe_dump(tree, allow_unicode=True).encode("utf-8")
    _assert_diagnostics(run_stages(_with(index, data)))


def _in_faq(data: bytes) -> list[Diagnostic]:
    faq = next(i for i, s in enumerate(SOURCES) if s.type_key == "faq")
    return run_stages(_with(faq, data))


EARLY_EVENTS = 20_000  # the whole mini project is ~3,000 events; a followed alias bomb would be 9^9

BOMB = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(9))


@pytest.mark.parametrize(("name", "data", "code"), [
    ("alias bomb", BOMB, "Y105"),
    ("python tag", b"- !!python/object/apply:os.system [\"touch /tmp/gongkai-pwned\"]\n", "Y106"),
    ("custom tag", b"id: !custom x\n", "Y106"),
    ("deep flow nesting", b"[" * 5000 + b"]" * 5000, None),
    ("deep block nesting", b"".join(b"  " * i + b"k:\n" for i in range(300)), None),
    ("10 MB file", b"# " + b"x" * 10_000_000 + b"\n", "Y107"),
    ("GBK bytes", "问题：补偿".encode("gbk"), "Y104"),
    ("NUL byte", b"id: a\x00b\n", "Y109"),
    ("zero-width space", "id: a\u200bb\n".encode(), "Y109"),
    ("duplicate keys", b"- id: a\n  id: b\n", "Y102"),
])
def test_hostile_file_is_refused_early(name: str, data: bytes, code: str | None, monkeypatch: pytest.MonkeyPatch):
    count = count_parsing(monkeypatch, limit=EARLY_EVENTS)  # the rest of the project is small and plain
    diags = _in_faq(data)
    assert count.events <= EARLY_EVENTS, name
    if name in ("10 MB file", "GBK bytes", "NUL byte", "zero-width space"):
        assert count.parses <= len(SOURCES) - 1, f"{name} must be refused before the YAML parser sees it"
    codes = {d.code for d in diags}
    assert code in codes if code else codes & {"Y101", "Y108"}, (name, codes)
    assert not Path("/tmp/gongkai-pwned").exists()


def test_oversized_file_on_disk_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = copy_project(MINI, tmp_path / "p")
    (project / "content" / "faq" / "huge.yml").write_bytes(b"- id: x\n" * 1_400_000)
    count = count_parsing(monkeypatch, limit=EARLY_EVENTS)  # 1.4 million items would be 4 million events
    diags = pipeline.check(project)
    assert count.events <= EARLY_EVENTS
    assert [(d.code, d.path) for d in diags if d.severity.value == "error"] == [("Y107", "content/faq/huge.yml")]


SCRIPTED = ["<script>gkxss()</script>", "<img src=x onerror=gkxss()>", "[点这里](javascript:gkxss())",
            "[链接](#a){ onmouseover=gkxss() }", "点我 {: onclick=gkxss() }", "&#60;script&#62;gkxss()",
            "<iframe src=//gkxss.example>", "[x](JaVaScRiPt:gkxss())", "<svg/onload=gkxss()>",
            'x" http-equiv="refresh" content="0;url=https://gkxss.example/']


@pytest.mark.parametrize("payload", SCRIPTED)
def test_script_in_text_is_refused_at_its_line(payload: str, tmp_path: Path):
    project = copy_project(MINI, tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    lines = faq.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  answer:"))
    value = lines[number].removeprefix("  answer:").strip()
    lines[number] = "  answer: " + json.dumps(f"{value} {payload}", ensure_ascii=False)  # a YAML quoted scalar
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    diags = pipeline.check(project)
    code = "H401" if "<" in payload or "gkxss(" in payload else "H402"  # H402: a " would end a theme attribute
    assert [(d.code, d.path, d.line) for d in diags] == [(code, "content/faq/questions.yml", number + 1)]


class LiveMarkup(HTMLParser):
    """Collects every way a page could run code: handler attributes, script-ish URLs, injected tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name == "http-equiv" or name == "srcdoc":
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "data") and value.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "script" and "gkxss" in value:
                self.problems.append(f"<script {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "base") or (tag != "script" and "gkxss" in tag):
            self.problems.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._script and "gkxss" in data:
            self.problems.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


PASSING = ["&lt;script&gt;gkxss()&lt;/script&gt;",
           "javascript&colon;gkxss()", "x' autofocus x='gkxss", "gkxss}", "a_gkxss_b", "\\gkxss", "{gkxss"]
# `*{gkxss}*` and `{: #gkxss .gkxss }` used to pass: plain text with markup is H403, attribute lists H405
# (tests/test_editor_markup.py).


TEXT_KEYS = {"title", "question", "answer", "summary", "gloss", "what_it_means", "what_i_can_do", "by_when", "name",
             "short_name", "description", "sponsor", "organiser", "heading", "body", "term", "what_happens", "actor"}


def _poison(node: object, counter: list[int]) -> object:
    """Every free-text value gets all the accepted payloads in front (values stay strings)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                counter[0] += 1
                value = f"{' '.join(PASSING)} {value}"
            out[key] = _poison(value, counter)
        return out
    if isinstance(node, list):
        return [_poison(v, counter) for v in node]
    return node


def test_text_that_passes_validation_never_becomes_live_markup(tmp_path: Path):
    """Payloads the model accepts (quotes, named entities, attr_list ids) are put into every free-text
    field of the mini project: the built site has no handler, no script URL, no injected tag."""
    project = copy_project(MINI, tmp_path / "p")
    counter = [0]
    for file in sorted((project / "content").rglob("*.yml")) + [project / "site_config.yml"]:
        tree = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - strings only
        file.write_text(yaml.safe_dump(_poison(tree, counter), allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert counter[0] > 40
    out = tmp_path / "public"
    result = pipeline.build(project, out)
    assert result.published, [d.format() for d in result.diagnostics if d.severity.value == "error"]
    problems = []
    for html in sorted(out.rglob("*.html")):
        scan = LiveMarkup()
        scan.feed(html.read_text(encoding="utf-8"))
        problems += [f"{html.relative_to(out)}: {p}" for p in scan.problems]
    assert problems == []
