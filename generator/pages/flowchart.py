"""A procedure's flow diagram, laid out at build time and drawn as inline SVG by a template
(templates/pages/_flowchart.svg.j2): numbered boxes top to bottom, one per step, each with the step
name and its statutory time limit, joined by arrows. No JavaScript, no library, no network.

The layout is a narrow column (phones first); SVG has no text wrapping, so names are wrapped here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.procedure import KIND_LABELS, UNIT_LABELS, Procedure, TimeLimit

WIDTH = 340
BOX_X = 10
BOX_WIDTH = WIDTH - 2 * BOX_X
TEXT_X = 58
LINE_HEIGHT = 21
PADDING = 12
GAP = 30
CHARS_PER_LINE = 15  # CJK characters at 15px in the space right of the number


@dataclass(frozen=True)
class Box:
    number: int
    anchor: str
    lines: tuple[str, ...]
    limit: str  # short time limit, e.g. 不少于 30日 ("" if none)
    y: int
    height: int

    @property
    def center_y(self) -> int:
        return self.y + self.height // 2

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def line_y(self, i: int) -> int:
        return self.y + PADDING + LINE_HEIGHT * i + 15


@dataclass(frozen=True)
class Flowchart:
    width: int
    height: int
    boxes: tuple[Box, ...]
    label: str  # the whole diagram in words, for screen readers
    box_x: int = BOX_X
    box_width: int = BOX_WIDTH
    text_x: int = TEXT_X

    @property
    def arrows(self) -> tuple[tuple[int, int], ...]:
        """(y from, y to) of the arrow below each box but the last."""
        return tuple((a.bottom, b.y) for a, b in zip(self.boxes, self.boxes[1:], strict=False))


def wrap(text: str, width: int = CHARS_PER_LINE) -> tuple[str, ...]:
    """Break a (mostly Chinese) name into lines of at most `width` characters, keeping ASCII runs whole."""
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        if current and len(current) + len(token) > width:
            lines.append(current)
            current = ""
        current += token
    if current:
        lines.append(current)
    return tuple(lines) or ("",)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for ch in text:
        if ch.isascii() and ch.isalnum() and tokens and tokens[-1][-1:].isascii() and tokens[-1][-1:].isalnum():
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def short_limit(limit: TimeLimit | None) -> str:
    if limit is None:
        return ""
    amount = f"{limit.value}{UNIT_LABELS[limit.unit]}"
    return f"{amount}{KIND_LABELS['within']}" if limit.kind == "within" else f"{KIND_LABELS[limit.kind]} {amount}"


def flowchart(procedure: Procedure) -> Flowchart:
    boxes: list[Box] = []
    y = BOX_X
    for number, step in enumerate(procedure.steps, start=1):
        lines = wrap(step.title)
        limit = short_limit(step.time_limit)
        height = 2 * PADDING + LINE_HEIGHT * (len(lines) + (1 if limit else 0))
        boxes.append(Box(number, step.id, lines, limit, y, height))
        y += height + GAP
    words = "；".join(f"第{b.number}步 {''.join(b.lines)}" + (f"（{b.limit}）" if b.limit else "") for b in boxes)
    return Flowchart(WIDTH, y - GAP + BOX_X, tuple(boxes), f"{procedure.title}流程图：{words}")
