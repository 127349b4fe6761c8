"""B635: a sentence that sends the resident somewhere to ask (向…咨询/反映/询问) must carry a link there.

pages.contact_links links every contact's name and, in any other 向…咨询, the phrase between 向 and 咨询
to the contacts page; a sentence still without a link wrote the name in a way that cannot be linked
(bold, split by other markup). Headings, such as a question 向谁反映？, are not instructions and are not
read. The check reads the Markdown every page is rendered from, after that linking.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Diagnostic, error

_FRONT_END = re.compile(r"\A---\n.*?\n---\n", re.S)
_SENTENCE = re.compile(r"[^。；！？!?;\n]+")
_ASK = re.compile(r"向[^，。；：！？,!?;:\n]{1,24}?(?:咨询|反映|询问)")
_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"<a\b[^>]*\bhref=")
_MD_LINK = re.compile(r"\]\([^)\n]*\)")
_LINKED = "\x01"
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|.*<h[1-6][\s>]")


def unlinked_asks(files: Mapping[str, str]) -> list[Diagnostic]:
    """B635 at the first 向…咨询 of each page that has no link in its sentence."""
    diags = []
    for path, text in sorted(files.items()):
        if not path.endswith(".md"):
            continue
        front = _FRONT_END.match(text)
        lines = text[front.end() if front else 0:].splitlines()
        offset = text.count("\n", 0, front.end()) if front else 0
        for n, line in enumerate(lines, offset + 1):
            if _HEADING.match(line):
                continue
            plain = _TAG.sub(lambda t: _LINKED if _LINK.match(t.group(0)) else "", _MD_LINK.sub(_LINKED, line))
            found = [a for s in _SENTENCE.findall(plain) if _LINKED not in s for a in _ASK.findall(s)]
            if found:
                diags.append(error(path, n, 1, "B635", f"页面让群众“{found[0]}”，这句话却没有链接到咨询办理",
                                   "向谁咨询，就写 content/contacts/ 中那个单位的名称（本区的单位也可以写“区…”的简称），"
                                   "不要加粗或加其他格式，页面会自动链接到它的联系方式。"))
                break
    return diags
