"""Public pages hold only public text (issue 11, STYLE §14): research notes, source codes and reminders for
editors live in YAML comments or editor-only fields (e.g. a disclosure item's `note` and `sources`), never on
a page. This check reads the Markdown every page is rendered from and fails the build (B631) on the marks
such notes leave: a research document's section sign or name, a source register code (P2, P8), 来源截断."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Diagnostic, error

_MARKUP = re.compile(r"<[^>]*>|\]\([^)\n]*\)|\{[^}\n]*\}")  # tags, link targets, attribute lists
_INTERNAL = re.compile(r"DOMAIN|§|来源截断|研究备注|(?<![A-Za-z0-9_./#-])P\d{1,2}(?![A-Za-z0-9_])")
_FRONT_END = re.compile(r"\A---\n.*?\n---\n", re.S)


def internal_notes(files: Mapping[str, str]) -> list[Diagnostic]:
    diags = []
    for path, text in sorted(files.items()):
        if not path.endswith(".md"):
            continue
        for n, line in enumerate(_MARKUP.sub(" ", text).splitlines(), 1):
            m = _INTERNAL.search(line)
            if m:
                diags.append(error(path, n, m.start() + 1, "B631",
                                   f"网页上出现了给编辑看的内部信息“{m.group(0)}”：{line.strip()[:40]}",
                                   "来源编号、研究记录写在 YAML 注释或编辑备注（note、sources）中；给群众看的说明写在公开字段里。"))
                break
    return diags
