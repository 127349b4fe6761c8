"""Open data (开放数据): every table of `datasets.py` as CSV (UTF-8 with BOM, for Excel) and JSON, a
Frictionless `datapackage.json` describing them, and the 开放数据 page listing them.

Everything here is bytes computed from the Site alone (no clock, sorted, fixed separators), so the
files are byte-identical on every rebuild; the post-processor `post/open_data.py` writes them next to
the pages, and the page shows their sizes and dates.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..rules.references import Site
from .datasets import Table, Value, tables
from .links import page_path
from .page import Page, latest

SECTION = "data"
LABEL = "开放数据"
PACKAGE_FILE = "datapackage.json"
BOM = "\ufeff"
LICENCE_NOTE = ("本栏目数据是依法主动公开的政府信息，可以自由下载、复制、转载和再利用（包括商业用途），"
                "请注明来源“{name}”，不得歪曲原意。")
SAMPLE_NOTE = "标为“示例数据”的数字不是官方数字。"


def licence(site: Site) -> str:
    """The licence note; the sample-data sentence only where the site holds sample data."""
    note = LICENCE_NOTE.format(name=site.config.name)
    return note + SAMPLE_NOTE if site.config.sample_data else note


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def json_bytes(table: Table) -> bytes:
    rows = [dict(zip((c.name for c in table.columns), row, strict=True)) for row in table.rows]
    return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for c in table.columns:
        field: dict[str, Any] = {"name": c.name, "type": c.type, "title": c.title}
        if c.description:
            field["description"] = c.description
        if c.choices:
            field["constraints"] = {"enum": list(c.choices)}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.parent:
        schema["foreignKeys"] = [{"fields": [table.parent_key],
                                  "reference": {"resource": table.parent, "fields": ["id"]}}]
    return schema


def _resource(table: Table, fmt: str, data: bytes) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": table.name if fmt == "csv" else f"{table.name}-json",
        "path": f"{table.name}.{fmt}",
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/json",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": _schema(table),
    }
    if fmt == "json":
        # frictionless reads JSON with a streaming parser that counts no bytes: size and hash are
        # declared for the CSV copies only (the 开放数据 page shows both sizes)
        del resource["bytes"], resource["hash"]
        if table.parent:  # a JSON copy's keys point to the JSON copy of the parent
            resource["schema"]["foreignKeys"][0]["reference"]["resource"] = f"{table.parent}-json"
    return resource


@dataclass(frozen=True)
class OpenData:
    tables: tuple[Table, ...]
    files: Mapping[str, bytes]  # file name -> bytes, datapackage.json included


def open_data(site: Site) -> OpenData:
    found = tables(site)
    files: dict[str, bytes] = {}
    resources = []
    for fmt, encode in (("csv", csv_bytes), ("json", json_bytes)):
        for table in found:
            data = encode(table)
            files[f"{table.name}.{fmt}"] = data
            if fmt == "csv" or table.rows:  # frictionless cannot read an empty JSON array as a table
                resources.append(_resource(table, fmt, data))
    updated = latest([t.updated for t in found], site.config.updated)
    package = {
        "profile": "tabular-data-package",
        "name": "gongkai-open-data",
        "title": f"{site.config.name} · {LABEL}",
        "description": licence(site),
        "homepage": site.config.base_url + f"{SECTION}/",
        "created": f"{updated.isoformat()}T00:00:00+08:00",
        "contributors": [{"title": site.config.organiser or site.config.sponsor, "role": "publisher"}],
        "resources": resources,
    }
    files[PACKAGE_FILE] = (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return OpenData(found, files)


def _size(n: int) -> str:
    return f"{n:,} 字节" if n < 10_240 else f"{n / 1024:,.1f} KB"


def open_data_page(site: Site) -> Page:
    data = open_data(site)
    rows = [{"name": t.name, "title": t.title, "description": t.description, "rows": len(t.rows),
             "updated": t.updated.isoformat(),
             "csv": {"href": f"{t.name}.csv", "size": _size(len(data.files[f'{t.name}.csv']))},
             "json": {"href": f"{t.name}.json", "size": _size(len(data.files[f'{t.name}.json']))},
             "columns": [{"name": c.name, "title": c.title, "type": c.type} for c in t.columns]}
            for t in data.tables]
    context = {"tables": rows, "licence": licence(site),
               "package": {"href": PACKAGE_FILE, "size": _size(len(data.files[PACKAGE_FILE]))}}
    return Page(path=page_path(SECTION), title=LABEL, section=LABEL, kind="index",
                description="补偿标准、征收程序、征收项目和公告、公开事项目录、政策文件的数据，CSV 和 JSON 格式，可自由下载再利用。",
                updated=latest([t.updated for t in data.tables], site.config.updated),
                template="open_data.md.j2", context=context,
                sample=any(getattr(i, "sample", False) for k in site.items for i in site.items[k]))
