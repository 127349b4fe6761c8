"""Diagnostics as values: every problem found in content or in the build is a Diagnostic.

Stages never print or raise for content problems; they return diagnostics, the CLI prints them all
and decides the exit code. The catalogue of codes lives in `generator/codes.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located as precisely as we can (1-based line and column; 0 = unknown)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.severity.label} {self.code} {self.message}"
        if self.hint:
            text += f"\n    提示：{self.hint}"
        return text

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def error(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, hint, Severity.ERROR)


def warning(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, hint, Severity.WARNING)


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Deterministic order: by file, position, then code; duplicates removed."""
    return sorted(set(diags), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def has_errors(diags: Iterable[Diagnostic], strict: bool = False) -> bool:
    return any(d.severity is Severity.ERROR or strict for d in diags)


def to_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_json() for d in diags], ensure_ascii=False, indent=2)


def mandatory_as_errors(diags: Iterable[Diagnostic], mandatory: Iterable[str]) -> list[Diagnostic]:
    """Warnings of rules the law makes mandatory, as errors (what `--production` publishes under)."""
    codes = set(mandatory)
    return [replace(d, severity=Severity.ERROR) if d.code in codes else d for d in diags]
