"""Public pages hold only public text (issue 11, STYLE §14): research notes, source codes and reminders for
editors live in YAML comments or editor-only fields (e.g. a disclosure item's `note` and `sources`), never on
a page. This check reads the Markdown every page is rendered from and fails the build (B631) on the marks
such notes leave: a research document's section sign or name, a source register code (P2, P8), 来源截断, and
an item's own identifier (`house-audit`) shown where its title belongs."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ..diagnostics import Diagnostic, error

_MARKUP = re.compile(r"<[^>]*>|\]\([^)\n]*\)|\{[^}\n]*\}")  # tags, link targets, attribute lists
_INTERNAL = re.compile(r"DOMAIN|§|来源截断|研究备注|(?<![A-Za-z0-9_./#-])P\d{1,2}(?![A-Za-z0-9_])")
_NOTE_HINT = "来源编号、研究记录写在 YAML 注释或编辑备注（note、sources）中；给群众看的说明写在公开字段里。"
_ID_HINT = "标识（id）只用于网址，群众看不懂；正文里请写名称或标题。如果不是正文里写的，请把这条信息转给维护人员。"
_FRONT_END = re.compile(r"\A---\n.*?\n---\n", re.S)


def internal_notes(files: Mapping[str, str], ids: Collection[str] = ()) -> list[Diagnostic]:
    """B631 at the first internal mark of each page; `ids` are the content's identifiers (those with a hyphen:
    a one-word id such as `center` could be an ordinary word)."""
    ids = {i for i in ids if "-" in i}
    diags = []
    for path, text in sorted(files.items()):
        if not path.endswith(".md"):
            continue
        for n, line in enumerate(_MARKUP.sub(" ", text).splitlines(), 1):
            m = _first_mark(line, ids)
            if m:
                diags.append(error(path, n, m.start() + 1, "B631",
                                   f"网页上出现了给编辑看的内部信息“{m.group(0)}”：{line.strip()[:40]}",
                                   _ID_HINT if "-" in m.group(0) else _NOTE_HINT))
                break
    return diags


_SLUG = re.compile(r"(?<![A-Za-z0-9_./#-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9_-])")


def _first_mark(line: str, ids: Collection[str]) -> re.Match[str] | None:
    """The first research mark or identifier on a line of visible text (an identifier only if it is one)."""
    found = [m for m in (_INTERNAL.search(line),) if m]
    if ids and "-" in line:
        found += [m for m in _SLUG.finditer(line) if m.group(0) in ids][:1]
    return min(found, key=lambda m: m.start(), default=None)
