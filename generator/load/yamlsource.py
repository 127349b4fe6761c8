"""Load stage: bytes of a YAML file -> a tree of positioned nodes, scalars kept as strings.

PyYAML's resolvers turn `0571` into 377, `12.10` into 12.1 and `no` into False, and its composer keeps
the last of two duplicate keys and recurses once per nesting level. We therefore read only the
*event* stream (C parser when available) and build our own tree iteratively: every scalar stays the
exact text the editor typed, with its line and column; the content model converts it.

Rejected here, each with a diagnostic: files over the size cap, non-UTF-8 bytes, control and
zero-width characters, tab indentation, anchors and aliases (alias bombs), explicit tags (`!!python`),
duplicate keys, nesting deeper than the cap, and YAML syntax errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from ..diagnostics import Diagnostic, error, warning
from .characters import FORBIDDEN, describe
from .yamlerrors import colon_slip, explain

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40

try:  # the C parser is ~2x faster and not recursive
    LOADER: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the libyaml build
    LOADER = yaml.SafeLoader

_LEADING_TAB = re.compile(r"^( *)\t", re.MULTILINE)
# An IME's full-width space (U+3000) before a key or a list dash: indentation meant as spaces. Inside a
# block of text (a notice's paragraphs start with 　　) it is followed by Chinese, not by `key:` or `- `.
_LEADING_IDEOGRAPHIC = re.compile(r"^[ \u3000]*\u3000[ \u3000]*(?=-[ \n]|[A-Za-z_][A-Za-z0-9_]*[ ]*:(?:[ \n]|$))", re.MULTILINE)
QUOTED_STYLES = frozenset(("'", '"', "|", ">"))
NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class Pos(NamedTuple):  # a tuple: built for every node, three times cheaper than a frozen dataclass
    path: str
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Scalar:
    value: str | None  # None for an empty plain scalar, `~` or `null`
    pos: Pos
    quoted: bool = False


@dataclass
class Seq:
    items: list[Node]
    pos: Pos


@dataclass
class Map:
    entries: dict[str, tuple[Pos, Node]] = field(default_factory=dict)  # key -> (key position, value)
    pos: Pos = Pos("", 0, 0)


Node = Scalar | Seq | Map


def _pos(path: str, mark: Any) -> Pos:  # yaml.error.Mark or the C parser's Mark
    if mark is None:
        return Pos(path, 0, 0)
    return Pos(path, mark.line + 1, mark.column + 1)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def decode(path: str, data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text, or diagnostics explaining why the file cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        return None, [error(path, 0, 0, "Y107", f"文件过大（{len(data)} 字节，上限 {MAX_FILE_BYTES} 字节）",
                            "请把内容拆分为多个文件。")]
    diags: list[Diagnostic] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        diags.append(warning(path, 1, 1, "Y110", "文件以 BOM（字节顺序标记）开头，已忽略",
                             "请在编辑器中另存为“UTF-8（无 BOM）”。"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.append(error(path, line, col, "Y104", "文件不是 UTF-8 编码（可能是 GBK 或其他编码）",
                           "请在编辑器中把文件另存为 UTF-8 编码。"))
        return None, diags
    for m in FORBIDDEN.finditer(text):
        line, col = _line_col(text, m.start())
        diags.append(error(path, line, col, "Y109",
                           f"含有不可见的控制字符或零宽字符（{describe(m.group())}）",
                           "这类字符常来自网页或 Word 复制，请删除该位置的不可见字符后重新输入。"))
    for m in _LEADING_TAB.finditer(text):
        line, col = _line_col(text, m.end() - 1)
        diags.append(error(path, line, col, "Y103", f"第 {line} 行使用了制表符（Tab）缩进",
                           "YAML 只能用空格缩进，请把 Tab 改为空格。"))
    for m in _LEADING_IDEOGRAPHIC.finditer(text):
        line, col = _line_col(text, m.start() + m.group().index("\u3000"))
        diags.append(error(path, line, col, "S216", f"第 {line} 行用了全角空格缩进，请改成半角空格",
                           "中文输入法下按空格会打出全角空格“　”，看起来和半角空格一样，YAML 却不认：请切换到英文输入，"
                           "把这一行开头的空格删掉重新输入。"))
    if any(d.code in ("Y109", "Y103", "S216") for d in diags):
        return None, diags
    return text, diags


class _Builder:
    """Builds the node tree from parser events without recursion."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diags: list[Diagnostic] = []
        self.stack: list[tuple[Map | Seq, list[tuple[str, Pos]]]] = []  # container, pending key holder
        self.root: Node | None = None

    def _reject_anchor_tag(self, event: yaml.Event) -> bool:
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        pos = _pos(self.path, event.start_mark)
        if anchor is not None:
            self.diags.append(error(self.path, pos.line, pos.column, "Y105",
                                    f"不允许使用锚点或别名（&{anchor}）",
                                    "请把需要重复的内容直接写出来。"))
            return True
        implicit = getattr(event, "implicit", None)
        is_plain_scalar = isinstance(event, yaml.ScalarEvent) and implicit is not None and (implicit[0] or implicit[1])
        if tag is not None and tag != "!" and not is_plain_scalar:
            self.diags.append(error(self.path, pos.line, pos.column, "Y106",
                                    f"不允许使用 YAML 标签（{tag}）",
                                    "请删除以 ! 或 !! 开头的标签，直接写值。"))
            return True
        return False

    def _attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        container, pending = self.stack[-1]
        if isinstance(container, Seq):
            container.items.append(node)
            return
        if not pending:  # this node is a key
            if not isinstance(node, Scalar) or node.value is None:
                self.diags.append(error(self.path, node.pos.line, node.pos.column, "Y108",
                                        "键（字段名）必须是简单的文字", "请把键写成 `字段名: 值` 的形式。"))
                pending.append(("", node.pos))
                return
            pending.append((node.value, node.pos))
            return
        key, key_pos = pending.pop()
        if not key:
            return
        if key in container.entries:
            first = container.entries[key][0]
            self.diags.append(error(self.path, key_pos.line, key_pos.column, "Y102",
                                    f"重复的键“{key}”（第一次出现在第 {first.line} 行）",
                                    "同一层级中每个字段只能写一次；请删除或合并重复的那一行。"))
            return
        container.entries[key] = (key_pos, node)

    def build(self, events: Iterable[yaml.Event]) -> None:
        """Feed every event; scalars (nine events in ten) take the short path with no method call."""
        path, stack = self.path, self.stack
        for event in events:
            if type(event) is not yaml.ScalarEvent:
                self.feed(event)
                continue
            if event.anchor is not None or event.tag is not None:
                self._reject_anchor_tag(event)
            mark = event.start_mark
            pos = Pos(path, mark.line + 1, mark.column + 1) if mark is not None else Pos(path, 0, 0)
            value: str | None = event.value
            quoted = event.style in QUOTED_STYLES
            if not quoted and value in NULLS:
                value = None
            if event.style == '"' and value and FORBIDDEN.search(value):
                self._escaped_char(value, pos)
            if stack:
                container, pending = stack[-1]
                if type(container) is Seq:
                    container.items.append(Scalar(value, pos, quoted))
                    continue
                if type(container) is Map:
                    if not pending and value is not None:  # a key: keep only its text and position
                        pending.append((value, pos))
                        continue
                    if pending and pending[-1][0] and pending[-1][0] not in container.entries:
                        key, key_pos = pending.pop()
                        container.entries[key] = (key_pos, Scalar(value, pos, quoted))
                        continue
            self._attach(Scalar(value, pos, quoted))

    def _escaped_char(self, value: str, pos: Pos) -> None:
        """Y109 for a character a double-quoted escape (`"\\x1b"`, `"\\u202e"`) wrote: the raw-text check
        cannot see it."""
        char = FORBIDDEN.search(value).group()  # type: ignore[union-attr]
        self.diags.append(error(self.path, pos.line, pos.column, "Y109",
                                f"双引号中的转义写出了不可见的控制字符或零宽字符（{describe(char)}）",
                                "请删除双引号里以反斜杠“\\”开头的转义写法，直接写文字。"))

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.AliasEvent):
            pos = _pos(self.path, event.start_mark)
            self.diags.append(error(self.path, pos.line, pos.column, "Y105",
                                    f"不允许使用锚点或别名（*{event.anchor}）", "请把需要重复的内容直接写出来。"))
            self._attach(Scalar(None, pos))
            return
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._reject_anchor_tag(event)
        pos = _pos(self.path, event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            value: str | None = event.value
            quoted = event.style in QUOTED_STYLES
            if not quoted and value in NULLS:
                value = None
            self._attach(Scalar(value, pos, quoted))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise _TooDeep(pos)
            node: Map | Seq = Map({}, pos) if isinstance(event, yaml.MappingStartEvent) else Seq([], pos)
            self._attach(node)
            self.stack.append((node, []))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
        elif isinstance(event, yaml.DocumentStartEvent) and self.root is not None:
            self.diags.append(error(self.path, pos.line, pos.column, "Y108", "一个文件只能包含一个 YAML 文档",
                                    "请删除多余的 `---` 分隔线，或拆成多个文件。"))


class _TooDeep(Exception):
    def __init__(self, pos: Pos) -> None:
        self.pos = pos


def parse(path: str, data: bytes) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML file. Returns the root node (None if unusable) and diagnostics."""
    text, diags = decode(path, data)
    if text is None:
        return None, diags
    builder = _Builder(path)
    try:
        loader = LOADER(text)
        try:  # get_event directly: yaml.parse's generator costs a tenth of the parse
            builder.build(iter(loader.get_event, None))
        finally:
            loader.dispose()
    except _TooDeep as exc:
        diags.append(error(path, exc.pos.line, exc.pos.column, "Y108",
                           f"嵌套层级过深（超过 {MAX_DEPTH} 层）", "请检查缩进或括号是否写错。"))
        return None, diags + builder.diags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(path, mark)
        problem = (exc.problem or "").strip()
        if "nesting depth" in problem:
            diags.append(error(path, pos.line, pos.column, "Y108", f"嵌套层级过深（超过 {MAX_DEPTH} 层）",
                               "请检查缩进或括号是否写错。"))
            return None, diags + builder.diags
        slip = colon_slip(text, pos.line) if problem.startswith("could not find expected ':'") else None
        if slip:
            diags.append(error(path, slip[0], slip[1], "Y101", f"YAML 语法错误：{slip[2]}",
                               "字段名后面要写英文冒号加一个空格，如 question: 过渡费给多久？"))
            return None, diags + builder.diags
        opened = _pos(path, exc.context_mark) if "quoted scalar" in (exc.context or "") else None
        if opened is not None and opened.line and opened.line != pos.line:
            diags.append(error(path, opened.line, opened.column, "Y101",
                               f"YAML 语法错误：第 {opened.line} 行第 {opened.column} 列开始的引号没有闭合，"
                               f"直到第 {pos.line} 行{'（文件末尾）' if 'end of stream' in problem else ''}"
                               "都没有找到配对的引号", "请在这一行的值末尾补上配对的引号，或去掉开头的引号。"))
            return None, diags + builder.diags
        diags.append(error(path, pos.line, pos.column, "Y101", f"YAML 语法错误：{explain(problem)}",
                           "请检查这一行及上一行的缩进、冒号、引号和括号。"))
        return None, diags + builder.diags
    except (yaml.YAMLError, RecursionError) as exc:
        diags.append(error(path, 0, 0, "Y101", f"YAML 语法错误：{exc.__class__.__name__}",
                           "请检查缩进、冒号、引号和括号。"))
        return None, diags
    diags.extend(builder.diags)
    if builder.root is None:
        diags.append(error(path, 1, 1, "Y108", "文件是空的", "请填写内容，或删除这个文件。"))
    return builder.root, diags


def plain(node: Node | None) -> object:
    """Node tree -> plain Python (dict/list/str/None), iteratively enough for MAX_DEPTH."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [plain(item) for item in node.items]
    return {key: plain(value) for key, (_, value) in node.entries.items()}


def locate(node: Node | None, loc: tuple[object, ...], want_key: bool = False) -> tuple[Pos | None, bool]:
    """Position of the value at `loc` (a pydantic error location), or of the nearest ancestor.

    Returns (position, exact). For a key that exists, the key's position is returned so the
    editor's cursor lands on the field name.
    """
    current = node
    best: Pos | None = node.pos if node is not None else None
    for part in loc:
        if isinstance(current, Map) and isinstance(part, str) and part in current.entries:
            key_pos, current = current.entries[part]
            best = key_pos
        elif isinstance(current, Seq) and isinstance(part, int) and 0 <= part < len(current.items):
            current = current.items[part]
            best = current.pos
        else:
            return best, False
    if isinstance(current, Scalar) and not want_key:
        best = current.pos
    return best, True
