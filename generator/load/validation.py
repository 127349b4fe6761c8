"""Validate stage: positioned YAML trees -> typed model objects, every error located in the file."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, error
from ..model.fields import LABELS
from .salvage import salvage
from .yamlrecover import parse_recovering
from .yamlsource import Map, Node, Pos, Seq, locate, plain

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, eq=False)
class Located(Generic[M]):
    """A validated item with where it came from, so later stages can point at its lines.

    `found` is the item's node, or a function that finds it again (parsing the file's bytes once more):
    items kept between runs carry no tree, and most of them are never asked for a position.
    """

    item: M
    path: str
    found: Node | Callable[[], Node]

    @property
    def node(self) -> Node:
        return self.found() if callable(self.found) else self.found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Located):
            return NotImplemented
        return (self.item, self.path, self.node) == (other.item, other.path, other.node)

    __hash__ = None  # type: ignore[assignment]  # nodes are mutable: like them, not hashable

    def pos(self, *loc: object) -> Pos:
        found, _ = locate(self.node, tuple(loc))
        return found or Pos(self.path, 0, 0)


_BUILTIN_MESSAGES = {
    "missing": ("S202", "缺少必填字段“{field}”"),
    "extra_forbidden": ("S201", "未知字段“{field}”"),
    "string_type": ("S203", "字段“{field}”应为文字"),
    "list_type": ("S203", "字段“{field}”应为列表（每项以“- ”开头）"),
    "dict_type": ("S203", "字段“{field}”应为键值结构（字段名: 值）"),
    "model_type": ("S203", "字段“{field}”应为键值结构（字段名: 值）"),
    "model_attributes_type": ("S203", "字段“{field}”应为键值结构（字段名: 值）"),
    "int_parsing": ("S203", "字段“{field}”应为整数（当前为“{input}”）"),
    "int_type": ("S203", "字段“{field}”应为整数"),
    "bool_parsing": ("S203", "字段“{field}”应为 true 或 false（当前为“{input}”）"),
    "enum": ("S210", "字段“{field}”的值“{input}”不在可选范围内，可选：{expected}"),
    "literal_error": ("S210", "字段“{field}”的值“{input}”不在可选范围内，可选：{expected}"),
    "greater_than_equal": ("S211", "字段“{field}”的值“{input}”太小"),
    "less_than_equal": ("S211", "字段“{field}”的值“{input}”太大"),
    "too_short": ("S212", "字段“{field}”至少要有一项"),
}

_HINTS = {
    "S201": "请检查拼写；允许的字段：{allowed}",
    "S202": "请补上这个字段；政策文件、解读和联系方式中暂时不清楚的内容，可把字段名列入 pending（待补充），页面会标注“待补充”。",
    "S203": "请对照内容指南（docs/content-guide.md）检查这个字段的写法。",
    "S204": "日期请写成 2024-03-01 这样的格式。",
    "S205": "金额只写阿拉伯数字，最多两位小数，不写单位和逗号，如 1350.00。",
    "S206": "金额必须大于 0。",
    "S207": "单位写成“元/亩”这样的形式。",
    "S208": "标识用于网址，例如 house-2024。",
    "S209": "网址以 https:// 开头。",
    "S210": "请从可选值中选择一个；写英文代码或括号里的中文名称都可以。",
    "S211": "请检查数值范围。",
    "S212": "请至少填写一项。",
    "H401": "请删除 HTML 标签和脚本，改用 Markdown 写法（如 **加粗**、- 列表）。",
    "H403": "请删除 * _ ` [ ] # 等排版记号，或改用中文标点（乘号写 ×）；需要列表、加粗、链接的内容请写在支持 Markdown 的字段（如问答的回答）。",
    "H404": "回答、正文等字段只能用段落、加粗、斜体、列表和链接（https://、mailto:、tel: 或站内地址）；请删除图片、标题、表格、代码等写法。",
    "H405": "请删除英文花括号 { }，或改用中文括号（）。",
    "R301": "同一标准、项目、程序内的标识，同一文件内的条号，都不能重复；请改正或删除重复的那一项。",
    "F704": "versions 按施行日期从早到晚写，现行版本的施行日期（effective_from）最晚。",
    "F705": "amounts 写成 项目标识: \"旧金额\"，标识照抄 items 或 zones 中的 id。",
    "F706": "写上 changes: 本版改了什么（如 砖混结构单价上调），并写明现行版本的施行日期。",
}


def _field_label(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """Chinese label and key of the field at loc, e.g. “金额（amount）”."""
    current: Any = model
    name = ""
    title = ""
    for part in loc:
        if isinstance(part, int):
            continue
        name = str(part)
        fields = getattr(current, "model_fields", {}) if isinstance(current, type) else {}
        info = fields.get(name) or next((f for f in fields.values() if f.alias == name), None)
        if info is None:
            title = ""
            current = None
            continue
        title = info.title or ""
        current = _inner_model(info.annotation)
    return f"{title}（{name}）" if title else name


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = current.model_fields
        info = fields.get(str(part)) or next((f for f in fields.values() if f.alias == part), None)
        current = _inner_model(info.annotation) if info else None
    if current is None:
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _choices(expected: str) -> str:
    """Pydantic lists choices in English ("'a', 'b' or 'c'"); editors read a（甲） / b（乙）, code or label."""
    codes = re.findall(r"'([^']*)'", expected)
    return " / ".join(f"{c}（{LABELS[c]}）" if c in LABELS else c for c in codes) or expected


def diagnostics_from(exc: ValidationError, model: type[BaseModel], path: str, node: Node) -> list[Diagnostic]:
    diags = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        field = _field_label(model, loc)
        ctx = err.get("ctx") or {}
        code, template = _BUILTIN_MESSAGES.get(kind, (kind if kind[:1] in "SHRYDF" else "S203", err["msg"]))
        if kind in _BUILTIN_MESSAGES:
            raw_input = err.get("input")
            message = template.format(field=field, input=raw_input if isinstance(raw_input, str) else "",
                                      expected=_choices(str(ctx.get("expected", ""))))
        else:
            message = f"字段“{field}”：{err['msg']}" if loc else err["msg"]
        hint = str(ctx["hint_text"]) if "hint_text" in ctx else _HINTS.get(code, "")  # a field type's own hint
        if code == "S201":
            allowed = _allowed_fields(model, loc[:-1])
            near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = hint.format(allowed="、".join(allowed))
            if near:
                hint = f"是不是想写“{near[0]}”？" + hint
        lookup = loc if kind != "missing" else loc[:-1]
        pos, _ = locate(node, lookup, want_key=code == "S201")
        pos = pos or Pos(path, 0, 0)
        diags.append(error(pos.path or path, pos.line, pos.column, code, message, hint))
    return diags


def validate_node(model: type[M], path: str, node: Node) -> tuple[Located[M] | None, list[Diagnostic]]:
    if not isinstance(node, Map):
        pos = node.pos
        return None, [error(path, pos.line, pos.column, "S203", "这里应为一条内容（字段名: 值 的结构）",
                            "请对照内容指南检查文件结构。")]
    data = plain(node)
    try:
        item = model.model_validate(data)
    except ValidationError as exc:
        repaired = salvage(model, data, exc)  # the valid parts still take part in every other check
        return (Located(repaired, path, node) if repaired is not None else None), diagnostics_from(exc, model, path, node)
    return Located(item, path, node), []


def items_of(root: Node) -> list[Node]:
    """A file holds one item (a mapping) or several (a list of mappings)."""
    return list(root.items) if isinstance(root, Seq) else [root]


class Reparse:
    """A file's item nodes, parsed again from its bytes the first time one of them is asked for
    (items kept between runs carry no tree). The same bytes give the same tree, so the same positions."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.nodes: list[Node] | None = None

    def item(self, index: int) -> Node:
        if self.nodes is None:
            root = parse_recovering(self.path, self.data)
            self.nodes = items_of(root) if root is not None else []
        return self.nodes[index]
