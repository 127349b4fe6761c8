"""Reading past a YAML syntax error, so one slip does not hide the other problems of the file.

After a Y101 the lines at fault (the reported line and the lines indented under it) are blanked and
the file parsed again, up to a few times. If that yields a clean tree, the rest of the file is
validated as usual: the editor sees the syntax error *and* every other problem the file still shows.
Fields that were on blanked lines are missing from the recovered tree; the validate stage drops the
"missing field" errors they cause (they would only repeat the syntax error).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic, Severity
from .yamlsource import Node, decode, parse

MAX_ROUNDS = 5


@dataclass(frozen=True)
class Recovered:
    root: Node
    blanked: frozenset[int]  # 1-based line numbers left out


def _blank(lines: list[str], line: int) -> set[int]:
    """Blank `line` and the lines indented under it (its block); the numbers blanked."""
    index = line - 1
    if not 0 <= index < len(lines):
        return set()
    base = len(lines[index]) - len(lines[index].lstrip(" "))
    done = {line}
    lines[index] = ""
    for j in range(index + 1, len(lines)):
        text = lines[j]
        if text.strip() and len(text) - len(text.lstrip(" ")) <= base:
            break
        lines[j] = ""
        done.add(j + 1)
    return done


def _only_syntax(diags: list[Diagnostic]) -> list[int] | None:
    errors = [d for d in diags if d.severity is Severity.ERROR]
    if not errors or any(d.code != "Y101" or not d.line for d in errors):
        return None
    return [d.line for d in errors]


def recover(path: str, data: bytes, diags: list[Diagnostic]) -> Recovered | None:
    """The tree of the file without its broken lines, or None when the error is not a plain syntax slip."""
    at = _only_syntax(diags)
    text, _ = decode(path, data)
    if at is None or text is None:
        return None
    lines = text.split("\n")
    blanked: set[int] = set()
    for _ in range(MAX_ROUNDS):
        for line in at:
            blanked |= _blank(lines, line)
        root, more = parse(path, "\n".join(lines).encode("utf-8"))
        if root is not None and not any(d.severity is Severity.ERROR for d in more):
            return Recovered(root, frozenset(blanked))
        at = _only_syntax(more) or []
        if not at or set(at) <= blanked:
            return None
    return None


def parse_recovering(path: str, data: bytes) -> Node | None:
    """The file's tree, recovered past a syntax error when it can be (for positions of kept items)."""
    root, diags = parse(path, data)
    if root is not None and not any(d.severity is Severity.ERROR for d in diags):
        return root
    recovered = recover(path, data, diags)
    return recovered.root if recovered else root
