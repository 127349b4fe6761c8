"""Nothing marked unverified is published as official (P509, `--production` only).

An editor marks a period or amount not yet checked against its source with `（待核实）` in the text or
`basis_kind: 待核实` on a structured time limit (rules/basis.py). The page shows the mark, but a remedy
deadline a resident may act on must not reach the public site while it says so: verify it and give its
basis, or call it the center's own practice (本中心做法). Editors' own fields (`editor_only`) are not
published and may keep their notes. The national layer's rows are the catalogue's own text, not the
district's, and are left to the layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from ..diagnostics import Diagnostic, error
from ..load.layers import PREFIX
from ..model import CONTENT_TYPES
from ..model.fields import is_editor_only
from .references import Site

UNVERIFIED = "待核实"
_MARK = re.compile(r"[（(]\s*待核实\s*[）)]")


def _marks(value: object, loc: tuple[object, ...]) -> Iterator[tuple[tuple[object, ...], str]]:
    """(field path, what) for each unverified mark in `value`, a model or a value inside one."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if is_editor_only(info):
                continue
            field = getattr(value, name)
            if name == "basis_kind" and field == UNVERIFIED:
                yield (*loc, name), "basis_kind: 待核实"
            else:
                yield from _marks(field, (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _marks(v, (*loc, i))
    elif isinstance(value, str) and _MARK.search(value):
        start = max(0, _MARK.search(value).start() - 20)  # type: ignore[union-attr]
        yield loc, f"“…{value[start:_MARK.search(value).end()]}”"  # type: ignore[union-attr]


def unverified_diagnostics(site: Site) -> list[Diagnostic]:
    diags = []
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            located = site.located[(ctype.key, item.id)]
            if located.path.startswith(PREFIX):
                continue
            for loc, what in _marks(item, ()):
                pos = located.pos(*loc)
                diags.append(error(pos.path, pos.line, pos.column, "P509",
                                   f"正式发布时不允许标为待核实的内容：{ctype.label}“{item.id}”的 {'.'.join(map(str, loc))} 写着 {what}",
                                   "居民会按网站上的期限和金额办事：核实后写明依据（依据：《文件标题》第X条），或改标（本中心做法）"
                                   "/ basis_kind: 本中心做法；核实之前不能正式发布。"))
    return diags
