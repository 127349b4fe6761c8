"""Validating what is valid in an item that failed validation, so one fault does not hide another.

An item with a bad field used to be dropped whole: a personal-data error (D920) in a project's summary
hid the display-period check (D910) of its announcements, a malformed amount (S205) hid a dangling
article (R304) of the same standard. Here the item's plain data is repaired just enough to validate:

- text refused for what it says (personal data, HTML, quotes, placeholders) becomes "…";
- a malformed or non-positive amount becomes 1 (no later check compares amounts with each other);
- an impossible date becomes 1970-01-01 (a later finding it causes is on its line, and dropped);
- an unknown field is left out; a missing text field at the top (its line lost to a syntax error) is "…";
- anything else inside a list (a bad date in one announcement, a bad rate) drops that list element;
- anything else at the top of the item cannot be repaired: the item stays out, as before.

The repaired item takes part in references and rules; the pipeline drops their findings on the lines
already reported (`drop_followups`), so an editor sees each fault once, where it is.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic

TEXT_CODES = frozenset({"D920", "H401", "H402", "S215"})
NUMBER_CODES = frozenset({"S205", "S206"})
MAX_ROUNDS = 4
M = TypeVar("M", bound=BaseModel)


def _parent(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _repair(data: Any, errors: list[Any]) -> bool:
    """Change `data` in place so these errors go away; False if one of them cannot be repaired."""
    drops: list[tuple[Any, ...]] = []
    for err in errors:
        loc, kind = tuple(err["loc"]), err["type"]
        parent = _parent(data, loc[:-1]) if loc else None
        key = loc[-1] if loc else None
        value = parent[key] if isinstance(parent, dict) and key in parent else None
        if kind == "extra_forbidden" and isinstance(parent, dict) and key in parent:
            del parent[key]
        elif kind in TEXT_CODES and isinstance(value, str):
            parent[key] = "…"  # type: ignore[index]
        elif kind in NUMBER_CODES and isinstance(value, str):
            parent[key] = "1"  # type: ignore[index]
        elif kind == "S204" and isinstance(value, str):
            parent[key] = "1970-01-01"  # type: ignore[index]  # what it causes is on the same line: dropped
        elif kind == "missing" and isinstance(parent, dict) and len(loc) == 1:
            parent[key] = "…"  # a text field on a line lost to a syntax error; any other kind fails next round
        else:
            last = max((i for i, part in enumerate(loc) if isinstance(part, int)), default=None)
            if last is None:
                return False
            drops.append(loc[: last + 1])
    for loc in sorted(set(drops), key=lambda lc: (len(lc), lc[-1]), reverse=True):
        holder = _parent(data, loc[:-1])
        if isinstance(holder, list) and loc[-1] < len(holder):
            del holder[loc[-1]]
    return True


def salvage(model: type[M], data: Any, exc: ValidationError) -> M | None:
    """The item with its faulty parts repaired or left out, or None if it cannot be made valid."""
    data = copy.deepcopy(data)
    for _ in range(MAX_ROUNDS):
        if not isinstance(data, dict) or not _repair(data, exc.errors(include_url=False)):
            return None
        try:
            return model.model_validate(data)
        except ValidationError as again:
            exc = again
    return None


def drop_followups(load: list[Diagnostic], later: list[Diagnostic]) -> list[Diagnostic]:
    """Later findings minus those on a line where loading already reported an error (a repaired value
    may cause them: a title replaced by "…" lacks its （示例） mark)."""
    reported = {(d.path, d.line) for d in load if d.line and d.severity.value == "error"}
    return [d for d in later if (d.path, d.line) not in reported]
