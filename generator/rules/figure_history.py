"""A published figure never changes silently: an amount that differs from the one the previous build
published must have the old amount recorded in the standard's earlier versions (B620).

The previous figures are the rows the last published build wrote to its open data
(`compensation-zones` and `compensation-items`, kept in the work folder by `post/open_data.py`);
the first build, or a standard or rate that no longer exists, has nothing to compare.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from ..diagnostics import Diagnostic, error
from ..pages.history import versions
from ..pages.text import format_amount
from .references import Site

Row = Mapping[str, object]


def _recorded(standard: object, rate_id: str, old: Decimal) -> bool:
    return any(v.amounts.get(rate_id) == old for v in versions(standard)[:-1])


def unrecorded_changes(site: Site, previous: Iterable[Row]) -> list[Diagnostic]:
    diags = []
    standards = site.by_id.get("compensation_standards", {})
    for row in previous:
        standard = standards.get(str(row.get("compensation_standard_id")))
        if standard is None:
            continue
        try:
            old = Decimal(str(row.get("amount")))
        except InvalidOperation:
            continue
        for field in ("zones", "items"):
            for i, rate in enumerate(getattr(standard, field)):
                if rate.id != row.get("id") or rate.amount == old or _recorded(standard, rate.id, old):
                    continue
                pos = site.located[("compensation_standards", standard.id)].pos(field, i, "amount")
                diags.append(error(
                    pos.path, pos.line, pos.column, "B620",
                    f"补偿标准“{standard.title}”中“{rate.name}”的金额已按 {format_amount(old)} {rate.unit} 公布，"
                    f"现改为 {format_amount(rate.amount)}，但没有登记新版本",
                    f"改已公布的金额，要保留旧版本：在 versions 中按时间顺序加一条（effective_from 写旧版的施行日期，"
                    f"changes 写旧版的修改内容，amounts 写 {rate.id}: \"{old}\"），把 effective_from 改为新金额的施行日期，"
                    f"并在 changes 中说明本次修改。如果是更正录入错误，请同样登记并在 changes 中写明“更正”。"))
    return diags
