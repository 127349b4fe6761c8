"""Open data tables derived from the content model (renderer-independent).

A table is declared in one line (`DATASETS` below): either one row per item of a content type
(`ItemTable`) or one row per element of a list field of its items (`ChildTable`, e.g. the rates of
a standard). Columns come from the model itself: every scalar field (text, exact decimal, date,
integer, yes/no, choice), nested models of scalars flattened with a prefix (`source_document`), lists of
scalars joined with “；”; lists of models become their own child tables. Titles and descriptions of
the columns are the model's Chinese field titles and descriptions, so nothing is described twice.
Decimals stay the exact strings the editor typed (`Decimal` -> `str`), never floats.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..model import TYPES_BY_KEY
from ..model.fields import is_editor_only
from ..rules.compliance import assess
from ..rules.references import Site
from .history import versions
from .links import page_path, page_url
from .text import article_label

Value = str | int | bool | None


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, number, integer, date, boolean
    title: str
    description: str
    choices: tuple[str, ...] = ()  # the allowed values of a choice field (Table Schema enum)


@dataclass(frozen=True)
class Table:
    """A finished table: columns and rows of plain values (str for text, decimals and dates)."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    updated: dt.date
    primary_key: tuple[str, ...] = ()
    parent: str = ""  # the table holding this one's `<parent>_id` (foreign key), "" if none
    parent_key: str = ""


Extra = tuple[Column, Callable[[Site, Any, Any], Value]]  # a computed column: (column, f(site, item, element))


def _base(annotation: Any) -> tuple[Any, bool]:
    """The annotation without Annotated/Optional wrappers, and whether it is a list."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            inner, _ = _base(typing.get_args(annotation)[0])
            return inner, True
        else:
            return annotation, False


def _schema_type(annotation: Any) -> str | None:
    """Table Schema type of a scalar annotation, None for models and mappings."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None
    if typing.get_origin(annotation) is dict or annotation is dict:
        return None
    if annotation is Decimal:
        return "number"
    if annotation is dt.date:
        return "date"
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "integer"
    return "string"


def _plain(value: Any) -> Value:
    if isinstance(value, Enum):
        return str(value.value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)  # exactly as typed: 1350.00 stays 1350.00
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _choices(annotation: Any) -> tuple[str, ...]:
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(m.value) for m in annotation)
    return ()


def _fields(model: type[BaseModel], prefix: str = "", label: str = "") -> Iterator[tuple[Column, tuple[str, ...]]]:
    """Columns of a model's scalar fields (nested models of scalars flattened), with their attribute paths."""
    for name, info in model.model_fields.items():
        if is_editor_only(info):
            continue  # sources and research notes are for editors only
        annotation, is_list = _base(info.annotation)
        kind = _schema_type(annotation)
        title = f"{label}·{info.title}" if label else (info.title or name)
        column_name = f"{prefix}{name.rstrip('_')}"
        if kind is not None:
            choices = () if is_list else _choices(annotation)
            yield Column(column_name, "string" if is_list else kind, title, _general(info.description or ""), choices), (name,)
        elif not is_list and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            for column, path in _fields(annotation, f"{column_name}_", title):
                yield column, (name, *path)


def _get(obj: Any, path: tuple[str, ...]) -> Value:
    for attr in path:
        if obj is None:
            return None
        obj = getattr(obj, attr)
    if isinstance(obj, list | tuple):
        return "；".join(str(_plain(v)) for v in obj)
    return _plain(obj)


def _absolute(site: Site, section: str, item_id: str, anchor: str = "") -> str:
    return site.config.base_url + page_url(page_path(section, item_id)) + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class ItemTable:
    """One row per item of a content type."""

    type_key: str
    description: str
    extras: tuple[Extra, ...] = ()
    with_url: bool = True

    @property
    def name(self) -> str:
        return item_table_name(self.type_key)

    def build(self, site: Site) -> Table:
        ctype = TYPES_BY_KEY[self.type_key]
        fields = sorted((f for f in _fields(ctype.model) if f[0].name != "former_ids"),
                        key=lambda f: f[0].name in ("updated", "review_by"))  # id first, dates of the record last
        columns = [c for c, _ in fields] + [c for c, _ in self.extras]
        if self.with_url:
            columns.append(Column("url", "string", "网址", "本条内容在本站的页面"))
        rows = []
        for item in site.of(self.type_key):
            row = [_get(item, path) for _, path in fields] + [f(site, item, None) for _, f in self.extras]
            if self.with_url:
                row.append(_absolute(site, ctype.section, item.id))
            rows.append(tuple(row))
        updated = max((i.updated for i in site.of(self.type_key)), default=site.config.updated)
        return Table(self.name, ctype.label, self.description, tuple(columns), tuple(rows), updated, ("id",))


@dataclass(frozen=True)
class ChildTable:
    """One row per element of a list field of a content type's items, keyed by the item's id."""

    type_key: str
    field: str
    name: str
    title: str
    description: str
    extras: tuple[Extra, ...] = ()
    anchor: str = ""  # an element's page anchor is this prefix + its id (rate-brick, or the step id itself)

    def build(self, site: Site) -> Table:
        ctype = TYPES_BY_KEY[self.type_key]
        element, _ = _base(ctype.model.model_fields[self.field].annotation)
        parent_key = f"{self.type_key.rstrip('s')}_id"
        fields = list(_fields(element))
        columns = [Column(parent_key, "string", f"所属{ctype.label}", f"所属{ctype.label}的标识（id）"),
                   Column("position", "integer", "序号", "在所属内容中的先后次序，从 1 开始")]
        columns += [c for c, _ in fields] + [c for c, _ in self.extras]
        has_id = any(c.name == "id" for c, _ in fields)
        if has_id:
            columns.append(Column("url", "string", "网址", "本条在本站页面上的位置"))
        rows = []
        for item in site.of(self.type_key):
            for position, value in enumerate(getattr(item, self.field), start=1):
                row: list[Value] = [item.id, position]
                row += [_get(value, path) for _, path in fields] + [f(site, item, value) for _, f in self.extras]
                if has_id:
                    row.append(_absolute(site, ctype.section, item.id, self.anchor + value.id))
                rows.append(tuple(row))
        updated = max((i.updated for i in site.of(self.type_key)), default=site.config.updated)
        key = (parent_key, "id") if has_id else (parent_key, "position")
        return Table(self.name, self.title, self.description, tuple(columns), tuple(rows), updated, key,
                     parent=item_table_name(self.type_key), parent_key=parent_key)


@dataclass(frozen=True)
class ChangesTable:
    """One row per figure changed by a new version of a standard: old and new amount, since when."""

    type_key: str = "compensation_standards"
    name: str = "compensation-changes"

    def build(self, site: Site) -> Table:
        columns = (Column("compensation_standard_id", "string", "所属补偿标准", "补偿标准的标识（id）"),
                   Column("rate_id", "string", "项目标识", "补偿项目或区片的标识"),
                   Column("name", "string", "项目", "补偿项目或区片的名称"),
                   Column("old_amount", "number", "原金额", "修改前的金额"),
                   Column("new_amount", "number", "新金额", "修改后的金额"),
                   Column("unit", "string", "单位", "金额的单位"),
                   Column("effective_from", "date", "施行日期", "新金额开始执行的日期"),
                   Column("changes", "string", "修改内容", "这一版改了什么"))
        rows = tuple((s.id, c.rate_id, c.name, str(c.old), str(c.new), c.unit, c.since.isoformat(), v.changes)
                     for s in site.of(self.type_key) for v in versions(s) for c in v.figure_changes)
        updated = max((s.updated for s in site.of(self.type_key) if versions(s)), default=site.config.updated)
        return Table(self.name, "补偿金额修订记录", "补偿标准每次修订中改动的金额：原金额、新金额和施行日期。",
                     columns, rows, updated, ("compensation_standard_id", "rate_id", "effective_from"),
                     parent=item_table_name(self.type_key), parent_key="compensation_standard_id")


def item_table_name(type_key: str) -> str:
    """The name of the item table of a content type (foreign keys of child tables point to it)."""
    return type_key.replace("_", "-")


def _rate_source(site: Site, standard: Any, rate: Any) -> Value:
    doc = site.document(standard.source.document)
    article = rate.article or standard.source.article
    return f"《{doc.title}》" + (article_label(article) if article else "")


def _rate_article(site: Site, standard: Any, rate: Any) -> Value:
    return rate.article or standard.source.article


def _covers(site: Site, standard: Any, zone: Any) -> Value:
    return "；".join(site.areas[a].name for a in zone.covers)


def _disclosure_state(site: Site, item: Any, _: Any) -> Value:
    states = _states(site)
    return states.get(item.id, "")


_STATE_CACHE: dict[int, tuple[Site, dict[str, str]]] = {}


def _states(site: Site) -> dict[str, str]:
    cached = _STATE_CACHE.get(id(site))
    if cached is None or cached[0] is not site:
        _STATE_CACHE.clear()
        cached = _STATE_CACHE[id(site)] = (site, {r.item.id: r.state for r in assess(site).rows})
    return cached[1]


_SOURCE = (Column("source", "string", "依据", "本项金额的依据：政策文件和条款"), _rate_source)
_ARTICLE = (Column("source_article", "integer", "适用条号", "本项金额依据的条号：本项单列条号时取本项的，否则取标准的"), _rate_article)
_COVERS = (Column("covers_names", "string", "覆盖镇街名称", "本区片覆盖的镇街"), _covers)
_STATE = (Column("state", "string", "公开情况", "本站对照检查的结果（按内容中最新的日期判断）"), _disclosure_state)

# The published tables, in this order. Adding one is one line: an ItemTable for a content type, or a
# ChildTable for a list field of it (issue 14's funds and housing types can be added the same way).
DATASETS: tuple[ItemTable | ChildTable | ChangesTable, ...] = (
    ItemTable("compensation_standards", "每个补偿标准：类别、制定机关、依据、施行日期和状态。"),
    ChildTable("compensation_standards", "zones", "compensation-zones", "区片综合地价",
               "每个区片的价格、单位、覆盖镇街和依据。", (_COVERS, _ARTICLE, _SOURCE), anchor="rate-"),
    ChildTable("compensation_standards", "items", "compensation-items", "补偿项目",
               "每个补偿项目的金额、单位、规格、适用条件和依据。", (_ARTICLE, _SOURCE), anchor="rate-"),
    ChangesTable(),
    ItemTable("procedures", "每个征收程序：适用的征收类型和一句话概括。"),
    ChildTable("procedures", "steps", "procedure-steps", "程序步骤",
               "每个步骤：谁来做、法定时限（类型、数值、单位、起算）和法律依据。"),
    ItemTable("projects", "每个征收项目：镇街、村、范围、用途、批准文件和进展状态。"),
    ChildTable("projects", "announcements", "project-announcements", "项目公告",
               "每个项目的每份公告：种类、文号、落款日期和公告期。"),
    ItemTable("disclosure_items", "公开事项标准目录中适用于本中心的每一行，及本站对照检查的结果。",
              (_STATE,), with_url=False),
    ItemTable("policy_documents", "本站引用的法律、法规、规章和规范性文件的元数据：文号、发文机关、效力层级、日期和有效性。"),
    ItemTable("interpretations", "政策解读的元数据：所解读的文件、解读形式、解读单位和发布日期。"),
    ItemTable("funds", "每个项目的补偿资金：所需资金、专户和足额到位情况。"),
    ChildTable("funds", "deposits", "fund-deposits", "资金存入", "每个项目补偿资金每次存入专户的日期和金额。"),
    ChildTable("funds", "batches", "fund-batches", "资金拨付", "每个项目补偿资金每一批拨付的日期、期间、合计和领取户数。",
               anchor="batch-"),
    ItemTable("audits", "审计结果：审计机关、日期、涉及项目和发现的问题。"),
    ItemTable("estates", "安置小区：位置、交付时间和房源。"),
    ChildTable("estates", "bands", "estate-bands", "安置房户型", "每个安置小区各面积段的套数、已建成、在建和已分配。"),
)


def tables(site: Site) -> tuple[Table, ...]:
    return tuple(spec.build(site) for spec in DATASETS if spec.type_key in TYPES_BY_KEY)


def _general(description: str) -> str:
    """A field's description without its example (“如 杜集区…” names the bundled district, which another
    district's published data must not)."""
    return "" if description.startswith("如") else re.split(r"[，；。]\s*如[ 　]", description)[0]
