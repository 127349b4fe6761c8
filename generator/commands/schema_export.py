"""JSON Schemas for editors' YAML editors, generated from the content model (never written by hand).

`gongkai schema` writes one schema per content type plus one for site_config.yml into `schemas/`
(committed; a test fails when they are stale). An editor using the YAML extension (yaml-language-
server) gets completion, the Chinese label of every field and inline errors by adding to a file:

    # yaml-language-server: $schema=../../schemas/compensation_standards.schema.json

Schemas describe what editors type: YAML 1.2 sees `2024-03-01` as text and `1350.00` as a number,
which is why amounts accept both. gongkai's own validation stays the authority (exact decimals,
ids, references), the schema only helps while typing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..model import CONTENT_TYPES, SiteConfig

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _item_or_list(key: str, label: str, model: type[BaseModel]) -> dict[str, Any]:
    """A content file holds one item (a mapping) or a list of items."""
    item = model.model_json_schema(by_alias=True, mode="validation")
    defs = item.pop("$defs", {})
    name = model.__name__
    defs[name] = item
    return {
        "$schema": DIALECT,
        "$id": f"{key}.schema.json",
        "title": f"{label}（content/{key}/*.yml）",
        "description": f"gongkai 内容类型“{label}”：一个文件写一条（键值结构）或多条（列表）。由 gongkai schema 生成，请勿手改。",
        "anyOf": [{"$ref": f"#/$defs/{name}"}, {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}],
        "$defs": dict(sorted(defs.items())),
    }


def schemas() -> dict[str, str]:
    """File name -> schema text, for every content type and for site_config.yml."""
    files = {f"{t.key}.schema.json": _dump(_item_or_list(t.key, t.label, t.model)) for t in CONTENT_TYPES}
    config = SiteConfig.model_json_schema(by_alias=True, mode="validation")
    config = {"$schema": DIALECT, "$id": "site_config.schema.json", **config,
              "title": "站点设置（site_config.yml）"}
    files["site_config.schema.json"] = _dump(config)
    return dict(sorted(files.items()))


def write_schemas(dest: Path) -> list[str]:
    """Write the schemas, remove stale ones; returns the names of files that changed."""
    dest.mkdir(parents=True, exist_ok=True)
    wanted = schemas()
    changed = []
    for name, text in wanted.items():
        target = dest / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    for old in sorted(dest.glob("*.schema.json")):
        if old.name not in wanted:
            old.unlink()
            changed.append(old.name)
    return changed


def stale_schemas(dest: Path) -> list[str]:
    """Names of schema files that are missing, different or no longer generated."""
    wanted = schemas()
    stale = [n for n, text in wanted.items()
             if not (dest / n).is_file() or (dest / n).read_text(encoding="utf-8") != text]
    stale += [p.name for p in sorted(dest.glob("*.schema.json")) if p.name not in wanted]
    return stale
