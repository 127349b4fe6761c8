"""The few Markdown forms a stashed page still holds, converted without Python-Markdown.

After `html_stash`, most pages are only headings (`## 标题 { #id }`), `markdown` containers
(`<section ... markdown>` … `</section>`), placeholders and short paragraphs with `**bold**`, a link
written as HTML, or a placeholder. For such a page Python-Markdown's cost is mostly fixed work per block
and per text node; `convert` produces the same HTML (but for blank lines) and the same table of contents
directly. It accepts a page only if every line is one of these forms, with nothing in it Markdown
could read otherwise; any other page returns None and goes through Python-Markdown as before.

Heading ids follow Python-Markdown's toc extension: an explicit `{ #id }` is kept; otherwise the
configured slugify of the heading's text, made unique against every id of the page's elements
(headings and containers; not raw HTML, which Markdown does not parse) with `_1`, `_2` ….
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, unique

from .html_stash import CLOSE, OPEN

_PLAIN = r"[^\n*_\[\]`<>&\\!|{}#]"  # no character with a meaning in Markdown
_HEADING = re.compile(rf"(#{{1,6}}) ({_PLAIN}*?[^\s*_\[\]`<>&\\!|{{}}#])(?: \{{ #([^\s{{}}\"<>&]+) \}})?")
_ATTRS = r'(?: [a-z-]+="[^"<>&]*")*'
_OPEN = re.compile(rf"<(div|section|aside|figure|nav)({_ATTRS}) markdown>")
_CLOSE = re.compile(r"</(div|section|aside|figure|nav)>")
_INLINE = re.compile(rf"(?:{_PLAIN}|{OPEN}\d+{CLOSE}|\*\*{_PLAIN}+\*\*|<a href=\"[^\"<>&]*\">{_PLAIN}+</a>)+")
_BOLD = re.compile(rf"\*\*({_PLAIN}+)\*\*")
_ID = re.compile(r' id="([^"]*)"')
_LINE_START = re.compile(rf"[^\x00-\x7f]|\*\*|{OPEN}|<a ")


def _paragraph(lines: list[str]) -> str:
    return "<p>" + _BOLD.sub(r"<strong>\1</strong>", "\n".join(lines)) + "</p>"


def convert(text: str, slugify: Callable[[str, str], str]) -> tuple[str, list[dict[str, Any]]] | None:
    """(HTML, nested toc tokens) of a page made only of the simple forms, else None."""
    out: list[str] = []
    headings: list[tuple[int, str, str | None]] = []  # (level, text, explicit id), in order
    ids: list[str] = []
    stack: list[str] = []
    para: list[str] = []
    after_blank = True
    for line in text.split("\n"):
        if not line:
            if para:
                out.append(_paragraph(para))
                para = []
            after_blank = True
            continue
        heading, opening, closing = _HEADING.fullmatch(line), _OPEN.fullmatch(line), _CLOSE.fullmatch(line)
        if heading or opening or closing:
            if para:
                if not closing:
                    return None  # a paragraph line right before a heading or container: leave it to Markdown
                out.append(_paragraph(para))
                para = []
        if heading:
            level = len(heading.group(1))
            headings.append((level, heading.group(2), heading.group(3)))
            out.append(f"\0{len(headings) - 1}\0")
            if heading.group(3):
                ids.append(heading.group(3))
        elif opening:
            if not after_blank and not stack:
                return None
            stack.append(opening.group(1))
            ids += _ID.findall(opening.group(2))
            out.append(f"<{opening.group(1)}{opening.group(2)}>")
        elif closing:
            if not stack or stack.pop() != closing.group(1):
                return None
            out.append(line)
        elif _LINE_START.match(line) and _INLINE.fullmatch(line) and not line[-1].isspace():  # "  " is <br>
            para.append(line)
        else:
            return None
        after_blank = bool(opening)
    if para:
        out.append(_paragraph(para))
    if stack:
        return None
    return _with_headings("\n".join(out), headings, set(ids), slugify)


def _with_headings(html: str, headings: list[tuple[int, str, str | None]], used: set[str],
                   slugify: Callable[[str, str], str]) -> tuple[str, list[dict[str, Any]]]:
    tokens: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    rendered: list[str] = []
    for level, text, explicit in headings:
        hid = explicit or unique(slugify(text, "-"), used, counters)
        rendered.append(f'<h{level} id="{hid}">{text}</h{level}>')
        tokens.append({"level": level, "id": hid, "name": text, "html": text, "data-toc-label": ""})
    html = re.sub(r"\0(\d+)\0", lambda m: rendered[int(m.group(1))], html)
    return html, nest_toc_tokens(tokens)
