"""A poster laid out as SVG: a long phone image 750 px wide, and the same drawing fitted onto A4.

Text is wrapped with the shipped font's advance widths (font.py), so the layout is the same on every
machine; numbers and Latin runs (1,350.00, 元/平方米 stays whole only where it fits) are never split, and
closing punctuation never starts a line. Everything is drawn from the Poster value alone.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from ...pages.posters import Line, Poster
from ...renderer.qr import qr_parts
from .font import FAMILY, metrics

WIDTH = 750
MARGIN = 40
INNER = WIDTH - 2 * MARGIN
BLUE, DARK, MUTED, RED, PALE, AMBER = "#0b4f9c", "#1b1b1b", "#4d4d4d", "#b3261e", "#eef3fa", "#fff4d6"
A4_W, A4_H = 794, 1123  # A4 at 96 dpi
_TOKEN = re.compile(r"[A-Za-z0-9.,:/%#?=&_+\-~@]+|\s+|.", re.S)
_NO_START = set("，。、；：？！）》」』】〕…,.;:!?)%·")
_NO_END = set("（《「『【〔(")


def wrap(text: str, size: float, width: float, url: bool = False) -> list[str]:
    """Lines of at most `width` px; a URL may break after any “/”."""
    m = metrics()
    lines: list[str] = []
    line, used = "", 0.0
    tokens = [t for t in re.findall(r"[^/]*/?", text) if t] if url else _TOKEN.findall(" ".join(text.split()))
    for token in tokens:
        w = m.width(token) * size
        if used + w > width and line.strip() and token not in _NO_START:
            carry = ""
            while line and line[-1] in _NO_END:  # an opening bracket goes with what it opens
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line.rstrip())
            line = "" if token.isspace() else carry + token
            used = m.width(line) * size
            continue
        line, used = line + token, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


@dataclass
class Canvas:
    y: float = 0.0
    parts: list[str] = field(default_factory=list)
    chars: set[str] = field(default_factory=set)

    def text(self, x: float, y: float, s: str, size: float, fill: str = DARK, bold: bool = False,
             anchor: str = "start") -> None:
        self.chars.update(s)
        weight = f' stroke="{fill}" stroke-width="{size * 0.035:.2f}"' if bold else ""
        end = ' text-anchor="end"' if anchor == "end" else ""
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{fill}"{weight}{end}>'
                          f"{escape(s, quote=False)}</text>")

    def para(self, s: str, size: float, fill: str = DARK, bold: bool = False, x: float = MARGIN,
             width: float = INNER, gap: float = 1.5, url: bool = False) -> None:
        for line in wrap(s, size, width, url):
            self.y += size * gap
            self.text(x, self.y - size * 0.3, line, size, fill, bold)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, rx: float = 0) -> None:
        self.parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx:g}" fill="{fill}"/>')

    def boxed(self, draw: Callable[[], None], fill: str, pad: float = 18) -> None:
        """Draw `draw()` on a tinted box sized to what it drew."""
        start, at = self.y, len(self.parts)
        self.y += pad
        draw()
        self.y += pad
        self.parts.insert(at, f'<rect x="{MARGIN - 12}" y="{start:.1f}" width="{INNER + 24}" '
                              f'height="{self.y - start:.1f}" rx="14" fill="{fill}"/>')


def _header(c: Canvas, p: Poster) -> None:
    c.rect(0, 0, WIDTH, 170, BLUE)
    c.text(MARGIN, 52, p.site, 24, "#ffffff")
    c.text(MARGIN, 128, "一图读懂", 60, "#ffffff", bold=True)
    c.text(WIDTH - MARGIN, 128, p.kind, 30, "#ffffff", anchor="end")
    c.y = 190
    c.para(p.title, 40, DARK, bold=True)
    c.y += 12
    if p.sample:
        c.boxed(lambda: c.para("示例数据：本图的内容是演示用示例，不是官方数字或真实项目，不能作为依据。", 26, RED, bold=True),
                "#fdecea")
        c.y += 16
    if p.change:
        c.boxed(lambda: c.para(f"本版修订：{p.change}", 26, DARK), AMBER)
        c.y += 16
    def summary() -> None:
        c.para("一句话看懂", 28, BLUE, bold=True)
        c.para(p.summary, 30)

    c.boxed(summary, PALE)


def _heading(c: Canvas, s: str) -> None:
    c.y += 30
    c.rect(MARGIN, c.y + 6, 8, 36, BLUE, 3)
    c.text(MARGIN + 20, c.y + 36, s, 32, DARK, bold=True)
    c.y += 52


def _line(c: Canvas, ln: Line) -> None:
    m = metrics()
    value_w = m.width(ln.value) * 32 if ln.value else 0.0
    label_w = INNER - value_w - 24 if ln.value and value_w < INNER * 0.55 else INNER
    top = c.y
    c.para(ln.label, 30, DARK, bold=True, width=label_w)
    if ln.value:
        if label_w == INNER:
            c.para(ln.value, 32, BLUE, bold=True)
        else:
            c.text(WIDTH - MARGIN, top + 30 * 1.5 - 9, ln.value, 32, BLUE, bold=True, anchor="end")
    if ln.note:
        c.para(ln.note, 24, MUTED, gap=1.4)
    c.y += 12
    c.parts.append(f'<path d="M{MARGIN} {c.y:.1f}H{WIDTH - MARGIN}" stroke="#d0d7e2" stroke-width="1.5"/>')


def _footer(c: Canvas, p: Poster) -> None:
    c.y += 36
    side, path = qr_parts(p.url)
    scale = max(1, 220 // side)
    top = c.y
    c.parts.append(f'<g transform="translate({MARGIN} {top:.1f}) scale({scale})"><path fill="#fff" d="M0 0h{side}v{side}H0z"/>'
                   f'<path stroke="#000" d="{path}"/></g>')
    x, width = MARGIN + side * scale + 24, INNER - side * scale - 24
    c.y = top + 10
    c.para("微信扫一扫，看全文和最新内容", 28, DARK, bold=True, x=x, width=width)
    c.para(p.url, 20, MUTED, x=x, width=width, url=True)
    c.para(f"更新日期 {p.date}", 24, MUTED, x=x, width=width)
    c.para(p.site, 22, MUTED, x=x, width=width)
    c.y = max(c.y, top + side * scale) + MARGIN


def draw(p: Poster) -> Canvas:
    c = Canvas()
    _header(c, p)
    _heading(c, p.heading)
    for ln in p.lines:
        _line(c, ln)
    for head, body in p.sections:
        _heading(c, head)
        c.para(body, 28)
    if p.source:
        c.y += 20
        c.para(f"{p.source_label}：{p.source}", 24, MUTED)
    _footer(c, p)
    return c


def _font_face(font: bytes | None) -> str:
    if font is None:
        return ""
    data = base64.b64encode(font).decode("ascii")
    return f'<style>@font-face{{font-family:"{FAMILY}";src:url(data:font/woff;base64,{data}) format("woff")}}</style>'


def svg(p: Poster, font: bytes | None = None, a4: bool = False) -> str:
    """The poster as a standalone SVG; `font` (WOFF of the characters used) is embedded when given."""
    c = draw(p)
    height = round(c.y)
    body = f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>' + "".join(c.parts)
    head = f'<title>{escape(p.text(), quote=False)}</title>{_font_face(font)}'
    attrs = f'xmlns="http://www.w3.org/2000/svg" font-family="{FAMILY}" role="img"'
    if not a4:
        return f'<svg {attrs} width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">{head}{body}</svg>\n'
    scale = min((A4_W - 80) / WIDTH, (A4_H - 80) / height)
    dx, dy = (A4_W - WIDTH * scale) / 2, 40
    return (f'<svg {attrs} width="210mm" height="297mm" viewBox="0 0 {A4_W} {A4_H}">{head}'
            f'<rect width="{A4_W}" height="{A4_H}" fill="#ffffff"/>'
            f'<g transform="translate({dx:.2f} {dy}) scale({scale:.4f})">{body}</g></svg>\n')


def characters(p: Poster) -> str:
    return "".join(sorted(draw(p).chars))
