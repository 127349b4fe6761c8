"""Diagnostics for machines: the stable JSON that `--format json` prints, and GitHub Actions
workflow commands (`--format github`) that show each problem as an annotation on its line.

JSON: a list, sorted like the text output, each object with exactly these keys:
file, line, column (1-based; 0 = unknown), code, severity ("error"|"warning"), title (the code's
Chinese title from the catalogue), message, hint.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence

from ..codes import CODES
from ..diagnostics import Diagnostic, Severity, printable, sort_diagnostics

JSON_KEYS = ("file", "line", "column", "code", "severity", "title", "message", "hint")


def record(d: Diagnostic) -> dict[str, object]:
    values: dict[str, object] = {
        "file": printable(d.path), "line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
        "title": CODES[d.code][0] if d.code in CODES else "", "message": printable(d.message), "hint": printable(d.hint),
    }
    return {k: values[k] for k in JSON_KEYS}


def as_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([record(d) for d in diags], ensure_ascii=False, indent=2)


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def as_github(diags: Iterable[Diagnostic]) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` line per diagnostic."""
    lines = []
    for d in diags:
        kind = "error" if d.severity is Severity.ERROR else "warning"
        props = [f"file={_escape(printable(d.path), True)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column or 1}"]
        props.append(f"title={_escape(d.code + ' ' + (CODES[d.code][0] if d.code in CODES else ''), True)}")
        body = printable(d.message) + (f"\n提示：{printable(d.hint)}" if d.hint else "")  # values cannot add lines
        lines.append(f"::{kind} {','.join(props)}::{_escape(body)}")
    return "\n".join(lines)


def print_diagnostics(diags: Sequence[Diagnostic], fmt: str = "text") -> None:
    """Every diagnostic in `fmt` (text and github also on stderr), sorted, with a count."""
    ordered = sort_diagnostics(diags)
    if fmt == "json":
        print(as_json(ordered))
        return
    if fmt == "github" and ordered:
        print(as_github(ordered))
    for d in ordered:
        print(d.format(), file=sys.stderr)
    errors = sum(1 for d in ordered if d.severity is Severity.ERROR)
    warnings = len(ordered) - errors
    if ordered:
        print(f"共 {errors} 个错误，{warnings} 个警告。", file=sys.stderr)
