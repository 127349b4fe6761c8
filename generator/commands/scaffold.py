"""`gongkai new TYPE ID`: a new content file laid out from the content model.

Decision: the scaffold is valid YAML with every required field present, each still to be filled
written as `TODO` (with the field's Chinese label and description in a comment above it), and the
optional fields as comments. `TODO` never validates (S215, or the type's own error for numbers and
choices), so a half-filled file cannot be published by accident, and `gongkai check` lists exactly
the lines still to fill. Nothing here reads the clock: `updated` is a TODO as well.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model import TYPES_BY_KEY
from ..model.fields import Reviewed

PLACEHOLDER = "TODO"
INDENT = "  "


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _list_element(annotation: Any) -> Any | None:
    return get_args(annotation)[0] if get_origin(annotation) is list else None


def _choices(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(a) for a in get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, str) and hasattr(annotation, "__members__"):
        return [m.value for m in annotation]  # type: ignore[attr-defined]
    if get_origin(annotation) in (Union, types.UnionType):
        return [c for arg in get_args(annotation) for c in _choices(arg)]
    return []


def _comment(info: FieldInfo, required: bool) -> str:
    choices = _choices(info.annotation)
    extra = f"（可选：{' / '.join(choices)}）" if choices else ""
    need = "必填" if required else "选填"
    return f"# {info.title}（{need}）：{info.description}{extra}"


def _min_items(info: FieldInfo) -> int:
    return max((getattr(m, "min_length", 0) or 0 for m in info.metadata), default=0)


def _ordered(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    """The type's own fields first, then the shared dates (updated, review_by, former_ids)."""
    shared = Reviewed.model_fields if issubclass(model, Reviewed) else {}
    own = [(n, f) for n, f in model.model_fields.items() if n not in shared]
    return own + [(n, model.model_fields[n]) for n in shared]


def model_lines(model: type[BaseModel], values: dict[str, str], indent: str = "") -> list[str]:
    """YAML lines for one item of `model`: required fields as TODO, optional ones commented out."""
    lines: list[str] = []
    for name, info in _ordered(model):
        key = info.alias or name
        required = info.is_required()
        lines.append(indent + _comment(info, required))
        nested = _model_in(info.annotation)
        element = _list_element(info.annotation)
        if key in values:
            lines.append(f"{indent}{key}: {values[key]}")
        elif not required and not _min_items(info):
            lines.append(f"{indent}# {key}:")
        elif nested is not None:
            lines.append(f"{indent}{key}:")
            lines += model_lines(nested, {}, indent + INDENT)
        elif element is not None and _model_in(element) is not None:
            inner = model_lines(_model_in(element), {}, indent + INDENT + INDENT)  # type: ignore[arg-type]
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = f"{indent}{INDENT}- " + inner[first].lstrip()
            lines += [f"{indent}{key}:"] + inner
        elif element is not None:
            lines += [f"{indent}{key}:", f"{indent}{INDENT}- {PLACEHOLDER}"]
        else:
            lines.append(f"{indent}{key}: {PLACEHOLDER}")
    return lines


def scaffold(type_key: str, item_id: str, schema_path: str = "") -> str:
    ctype = TYPES_BY_KEY[type_key]
    header = [f"# {ctype.label}：由 gongkai new 生成。把每个 TODO 换成真实内容；以 # 开头的选填字段需要时去掉 # 再填写。",
              "# 填写完成后运行 gongkai check，没有错误才能发布。"]
    if schema_path:
        header.insert(0, f"# yaml-language-server: $schema={schema_path}")
    return "\n".join(header + model_lines(ctype.model, {"id": item_id})) + "\n"


def new_file(root: Path, type_key: str, item_id: str) -> Path:
    """Write content/<type>/<id>.yml; refuses to overwrite. Raises FileExistsError."""
    target = root / "content" / type_key / f"{item_id}.yml"
    if target.exists():
        raise FileExistsError(target)
    schema = root / "schemas" / f"{type_key}.schema.json"
    text = scaffold(type_key, item_id, "../../schemas/" + schema.name if schema.is_file() else "")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def new_announcement(root: Path, project_id: str, item_id: str | None = None) -> Path:
    """Write content/projects/<project>/announcements/<id>.yml (load/parts.py): one announcement in its
    own file. Without an id, the next free announcement-N. Raises FileNotFoundError for an unknown
    project, FileExistsError rather than overwrite."""
    from ..load.parts import ANNOUNCEMENTS
    from ..model.project import Announcement

    projects = root / "content" / "projects"
    if not (projects / f"{project_id}.yml").is_file():
        raise FileNotFoundError(projects / f"{project_id}.yml")
    folder = projects / project_id / ANNOUNCEMENTS
    if item_id is None:
        n = 1
        while (folder / f"announcement-{n}.yml").exists():
            n += 1
        item_id = f"announcement-{n}"
    target = folder / f"{item_id}.yml"
    if target.exists():
        raise FileExistsError(target)
    header = [f"# 项目“{project_id}”的一份公告：由 gongkai new announcement 生成。把每个 TODO 换成公告上的内容；",
              "# 以 # 开头的选填字段需要时去掉 # 再填写。填写完成后运行 gongkai check，没有错误才能发布。"]
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(header + model_lines(Announcement, {"id": item_id})) + "\n", encoding="utf-8")
    return target
