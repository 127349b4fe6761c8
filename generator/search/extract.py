"""Page text for the index: the `<article>` of a built page, without navigation, header or footer.

Inside the article, boilerplate that repeats on many pages (update date, "back" links, the sample
data notice) and anything marked `data-search="skip"` is left out too.

The pages are the renderer's own well-formed HTML, so one regular expression walks the article's tags
(≈ 5× faster than `html.parser`, which was most of the index's cost); `<script>`/`<style>` bodies
are skipped whole, character references are decoded with `html.unescape`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "form", "svg", "template", "button", "select"})
SKIP_CLASSES = frozenset({"gk-updated", "gk-back", "gk-sample", "headerlink"})
# Page furniture other features add inside the article (QR code, print footer, share, reading mode).
SKIP_PREFIXES = ("gk-qr", "gk-print", "gk-share", "gk-prefs")
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                       "track", "wbr"})
BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "thead",
                        "tbody", "blockquote", "pre", "section", "details", "summary", "figure", "figcaption",
                        "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "caption", "article", "aside"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
RAW_TAGS = frozenset({"script", "style"})  # their bodies are text, not markup

_TAG = re.compile(r"<(?:(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|!--.*?-->|![^>]*>|\?[^>]*>)", re.S)
_MAYBE_SKIPPED = re.compile("|".join(sorted(SKIP_CLASSES | set(SKIP_PREFIXES) | {"data-search"})))  # cheap test before reading attributes
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


@dataclass(frozen=True)
class PageText:
    title: str
    headings: tuple[str, ...]
    blocks: tuple[str, ...]  # body text, one string per block element (headings included)


class _Article:
    """The walk over one article: block texts, headings and the title."""

    def __init__(self) -> None:
        self.depth = 0  # open elements inside <article>, the article itself included
        self.skip = 0  # > 0 while inside a skipped element (counts its depth)
        self.heading = ""
        self.title: list[str] = []
        self.headings: list[str] = []
        self.blocks: list[str] = []
        self.current: list[str] = []

    def start(self, tag: str, attrs: str) -> None:
        if tag in VOID_TAGS:
            if not self.skip and tag in BLOCK_TAGS:
                self.flush()
            return
        self.depth += 1
        if self.skip:
            self.skip += 1
        elif tag in SKIP_TAGS or (_MAYBE_SKIPPED.search(attrs) and _skipped(attrs)):
            self.skip = 1
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag in HEADINGS:
                self.heading = tag

    def end(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        elif tag in BLOCK_TAGS:
            text = self.flush()
            if tag == self.heading:
                (self.title if tag == "h1" else self.headings).append(text)
                self.heading = ""

    def data(self, text: str) -> None:
        if not self.skip and text:
            self.current.append(text)

    def flush(self) -> str:
        text = "".join(self.current)
        text = " ".join((html.unescape(text) if "&" in text else text).split())
        self.current = []
        if text:
            self.blocks.append(text)
        return text


def _skipped(attrs: str) -> bool:
    for m in _ATTR.finditer(attrs):
        name, value = m.group(1).lower(), html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        if name == "class":
            classes = set(value.split())
            if classes & SKIP_CLASSES or any(c.startswith(SKIP_PREFIXES) for c in classes):
                return True
        elif name == "data-search" and value == "skip":
            return True
    return False


def page_text(page: str) -> PageText | None:
    """The indexable text of a built page, or None if it has no <article>."""
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < start:
        return None
    source, walk = page[start: end + len("</article>")], _Article()
    at = 0
    while walk.depth >= 0:
        m = _TAG.search(source, at)
        if m is None:
            walk.data(source[at:])
            break
        walk.data(source[at: m.start()])
        at = m.end()
        tag = (m.group(2) or "").lower()
        if not tag:
            continue  # comment, doctype, processing instruction
        if m.group(1):
            walk.end(tag)
            if walk.depth == 0:
                break
        elif m.group(3).rstrip().endswith("/"):  # <x/>: opened and closed
            walk.start(tag, m.group(3))
            walk.end(tag)
        else:
            walk.start(tag, m.group(3))
            if tag in RAW_TAGS:
                close = source.lower().find(f"</{tag}", at)
                at = len(source) if close < 0 else close
    walk.flush()
    title = walk.title[0] if walk.title else ""
    blocks = [b for b in walk.blocks if b != title] if title else walk.blocks
    return PageText(title, tuple(walk.headings), tuple(blocks))


def file_texts(paths: list[str]) -> list[PageText | None]:
    """A fanout task: the text of each HTML file."""
    return [page_text(Path(path).read_text(encoding="utf-8")) for path in paths]
