"""Every table on a page, made ready to become stacked cards on a phone and in 大字 mode (issue 11).

One pass over a page's Markdown, after its template rendered it (`emit.render_pages`), whatever template
or fragment wrote the table:

- a column that no row fills (every cell of it in the body and footer empty) is dropped, header included
  (a spanning cell over it loses one column);
- each data cell gets `data-label="<its column's header>"`, which the stacked card shows before the value
  (`gk-tables.css`), so a cell never has to be read against a header scrolled out of sight;
- a table without column headers (label and value rows, like 文件信息) is marked `data-pairs`, drawn as
  plain rows rather than one card per row;
- every part gets its explicit ARIA role (table, rowgroup, row, columnheader, rowheader, cell): a browser
  that lays a table out as blocks (the cards) may otherwise drop its table semantics (WebKit does), and
  the hidden header row keeps naming each cell for a screen reader.

Tables are gongkai's own HTML (editor text never holds a table: H404), written without nesting, so a
small tokenizer is enough; attributes a template wrote itself (a `data-label`, a `role`) are kept.
The result depends on the input only (byte-reproducible builds). The estimator's result table, drawn in
the browser by gk-estimator.js, follows the same conventions there.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1>", re.S)
_SPAN = re.compile(r'\s(col|row)span="(\d+)"')
_TAGS = re.compile(r"<[^>]*>")
_CONTENT_TAGS = re.compile(r"<(?:img|svg|input|select|textarea|button|iframe|object|video|audio)\b")
_OPEN_TABLE = re.compile(r"<table\b([^>]*)>")
_OPEN_GROUP = re.compile(r"<(thead|tbody|tfoot)\b([^>]*)>")
_OPEN_ROW = re.compile(r"<tr\b([^>]*)>")


@dataclass
class _Cell:
    tag: str
    attrs: str
    inner: str
    start: int = 0  # first column it covers
    span: int = 1

    @property
    def empty(self) -> bool:
        return not _TAGS.sub("", self.inner).strip() and not _CONTENT_TAGS.search(self.inner)

    def text(self) -> str:
        return " ".join(html.unescape(_TAGS.sub(" ", self.inner)).split())


@dataclass
class _Row:
    open: str
    cells: list[_Cell]
    close: str
    head: bool
    between: list[str] = field(default_factory=list)  # what stands before each cell, and after the last


def _spans(attrs: str) -> tuple[int, int]:
    found = {kind: int(n) for kind, n in _SPAN.findall(attrs)}
    return max(found.get("col", 1), 1), max(found.get("row", 1), 1)


def _rows(table: str) -> list[_Row]:
    """The rows of a table with each cell's columns (row spans and column spans taken into account)."""
    heads = [(m.start(), m.end()) for m in re.finditer(r"<thead\b.*?</thead>", table, re.S)]
    rows: list[_Row] = []
    taken: dict[int, int] = {}  # column -> rows it is still covered by a row span from above
    for m in _ROW.finditer(table):
        row = _Row(m.group(1), [], m.group(3), any(a <= m.start() < b for a, b in heads))
        pos, col, inner = 0, 0, m.group(2)
        for c in _CELL.finditer(inner):
            row.between.append(inner[pos:c.start()])
            pos = c.end()
            while taken.get(col, 0) > 0:
                col += 1
            span, down = _spans(c.group(2))
            row.cells.append(_Cell(c.group(1), c.group(2), c.group(3), col, span))
            for k in range(col, col + span):
                taken[k] = max(taken.get(k, 0), down)
            col += span
        row.between.append(inner[pos:])
        taken = {k: n - 1 for k, n in taken.items() if n > 1}
        rows.append(row)
    return rows


def _empty_columns(rows: list[_Row]) -> set[int]:
    body = [r for r in rows if not r.head]
    if not body:
        return set()
    columns = {k for r in rows for c in r.cells for k in range(c.start, c.start + c.span)}
    filled = {c.start for r in body for c in r.cells if not c.empty and c.span == 1}
    for c in (c for r in body for c in r.cells if not c.empty and c.span > 1):
        if filled.isdisjoint(range(c.start, c.start + c.span)):
            filled.add(c.start)  # a spanning cell (合计) keeps one of its columns, not all of them
    return columns - filled


def _labels(rows: list[_Row], dropped: set[int]) -> dict[int, str]:
    """Each column's header text (from the header rows; a later header row names its columns last)."""
    labels: dict[int, str] = {}
    for r in rows:
        if r.head:
            for c in r.cells:
                if c.span == 1 and c.start not in dropped and c.text():
                    labels[c.start] = c.text()
    return labels


def _with(attrs: str, name: str, value: str) -> str:
    """attrs with ` name="value"` added unless the template already set that attribute."""
    if re.search(rf"\s{name}=", attrs):
        return attrs
    return f'{attrs} {name}="{html.escape(value, quote=True)}"'


def _cell_attrs(cell: _Cell, head: bool, labels: dict[int, str], dropped: set[int]) -> str:
    attrs = cell.attrs
    gone = sum(1 for k in dropped if cell.start <= k < cell.start + cell.span)
    if gone:
        attrs = _SPAN.sub(lambda m: m.group(0) if m.group(1) != "col" else "", attrs)
        if cell.span - gone > 1:
            attrs += f' colspan="{cell.span - gone}"'
    if cell.tag == "th":
        return _with(attrs, "role", "columnheader" if head or 'scope="col"' in attrs else "rowheader")
    if cell.span == 1 and cell.start in labels:
        attrs = _with(attrs, "data-label", labels[cell.start])
    return _with(attrs, "role", "cell")


def _row_html(row: _Row, labels: dict[int, str], dropped: set[int]) -> str:
    out = [_OPEN_ROW.sub(lambda m: "<tr" + _with(m.group(1), "role", "row") + ">", row.open, count=1)]
    for cell, before in zip(row.cells, row.between, strict=False):
        out.append(before)
        if cell.span == 1 and cell.start in dropped:
            continue
        attrs = _cell_attrs(cell, row.head, labels, dropped)
        out.append(f"<{cell.tag}{attrs}>{cell.inner}</{cell.tag}>")
    out.append(row.between[-1])
    out.append(row.close)
    return "".join(out)


def card_table(table: str) -> str:
    """One `<table>…</table>`: empty columns dropped, cells labelled, roles explicit."""
    rows = _rows(table)
    dropped = _empty_columns(rows)
    labels = _labels(rows, dropped)
    rebuilt = iter([_row_html(r, labels, dropped) for r in rows])
    table = _ROW.sub(lambda m: next(rebuilt), table)
    pairs = not any(r.head for r in rows)  # no column headers: label and value rows

    def opening(m: re.Match[str]) -> str:
        attrs = _with(m.group(1), "role", "table")
        return "<table" + attrs + (" data-pairs" if pairs and " data-pairs" not in attrs else "") + ">"

    table = _OPEN_TABLE.sub(opening, table, count=1)
    return _OPEN_GROUP.sub(lambda m: f"<{m.group(1)}" + _with(m.group(2), "role", "rowgroup") + ">", table)


def card_tables(text: str) -> str:
    """A page's Markdown with every table in it made ready for stacked cards (see the module's docstring)."""
    if "<table" not in text:
        return text
    return _TABLE.sub(lambda m: card_table(m.group(0)), text)
