"""The `where` filter of a catalogue place (`type: funds` + `where: {project.regime: house_state}`).

A key is a field of the type (`level: normative_document`) or, for a field that references items of
another type (`RefTo`), that field, a dot and a field of the referenced item: `project.regime` keeps the
funds whose project is a 国有土地上房屋征收 project, `projects.regime` the audits covering at least one
such project. So a row can be filtered by what its items point at without copying the value into them.
"""

from __future__ import annotations

from typing import Any

from ..model import TYPES_BY_KEY
from .references import Site, _ref_target


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value))


def filter_problem(type_key: str, where: dict[str, str]) -> str:
    """Why `where` cannot filter items of `type_key`, in Chinese; "" when every key is usable."""
    ctype = TYPES_BY_KEY[type_key]
    fields = ctype.model.model_fields
    for key in where:
        head, _, attr = key.partition(".")
        if head not in fields:
            return f"{ctype.label}没有字段“{head}”，无法按它筛选"
        if not attr:
            continue
        target = _ref_target(fields[head])
        if target is None or target not in TYPES_BY_KEY:
            return f"{ctype.label}的字段“{head}”不是对其他内容的引用，不能写“{key}”"
        if attr not in TYPES_BY_KEY[target].model.model_fields:
            return f"{TYPES_BY_KEY[target].label}没有字段“{attr}”，无法按“{key}”筛选"
    return ""


def matches(site: Site, item: Any, where: dict[str, str]) -> bool:
    for key, wanted in where.items():
        head, _, attr = key.partition(".")
        value = getattr(item, head, None)
        if not attr:
            if shown(value) != wanted:
                return False
            continue
        if not any(shown(getattr(ref, attr, None)) == wanted for ref in _referenced(site, item, head, value)):
            return False
    return True


def _referenced(site: Site, item: Any, head: str, value: Any) -> list[Any]:
    target = _ref_target(type(item).model_fields[head])
    ids = value if isinstance(value, list | tuple) else [value]
    known = site.by_id.get(target or "", {})
    return [known[i] for i in ids if i in known]


def project_filter(where: dict[str, str]) -> dict[str, str]:
    """The part of `where` that speaks of the referenced projects (`project.regime` -> `regime`)."""
    return {key.partition(".")[2]: wanted for key, wanted in where.items()
            if key.partition(".")[0] in ("project", "projects") and "." in key}
