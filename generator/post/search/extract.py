"""Page text for the index: the `<article>` of a built page, without navigation, header or footer.

Inside the article, boilerplate that repeats on many pages (update date, "back" links, the sample
data notice) and anything marked `data-search="skip"` is left out too.

The pages are the renderer's own well-formed HTML, so one regular expression splits the article at its
tags (≈ 5× faster than `html.parser`, which was most of the index's cost, when it walked tag by tag;
≈ 20 % faster again split in one call); `<script>`/`<style>` bodies
are left out first, character references are decoded with `html.unescape`.
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
_RAW = re.compile(r"<(?:script|style)", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


@dataclass(frozen=True)
class PageText:
    title: str
    headings: tuple[str, ...]
    blocks: tuple[str, ...]  # body text, one string per block element (headings included)


def _flush(current: list[str], blocks: list[str]) -> str:
    """The text gathered since the last block boundary, whitespace collapsed, as a block."""
    text = "".join(current)
    text = " ".join((html.unescape(text) if "&" in text else text).split())
    current.clear()
    if text:
        blocks.append(text)
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


def _without_raw_bodies(source: str) -> str:
    """The article with the bodies of <script> and <style> left out (their text is not markup)."""
    out, at, tags, lower = [], 0, _TAG.finditer(source), source.lower()
    while (m := next(tags, None)) is not None:
        closing, tag, attrs = m.groups()
        if tag is None or closing or tag.lower() not in RAW_TAGS or attrs.rstrip().endswith("/"):
            continue
        close = lower.find(f"</{tag.lower()}", m.end())
        close = len(source) if close < 0 else close
        out.append(source[at: m.end()])
        at = close
        tags = _TAG.finditer(source, close)
    out.append(source[at:])
    return "".join(out)


def page_text(page: str) -> PageText | None:
    """The indexable text of a built page, or None if it has no <article>. The article is split at its
    tags in one call and walked with no call per tag (a project page has ≈ 470 tags; this walk was most
    of the index's cost)."""
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < start:
        return None
    source = page[start: end + len("</article>")]
    parts = _TAG.split(_without_raw_bodies(source) if _RAW.search(source) else source)
    depth = skip = 0  # open elements inside <article> (itself included); > 0: inside a skipped one (its depth)
    heading = ""
    titles: list[str] = []
    headings: list[str] = []
    blocks: list[str] = []
    current: list[str] = [parts[0]]
    rest = iter(parts[1:])
    for closing, tag, attrs, text in zip(rest, rest, rest, rest, strict=True):  # each tag, then the text after it
        if tag is not None:  # else a comment, doctype or processing instruction
            tag = tag.lower()
            if tag in VOID_TAGS:
                if not closing and not skip and tag in BLOCK_TAGS:
                    _flush(current, blocks)
            else:
                if not closing:
                    depth += 1
                    if skip:
                        skip += 1
                    elif tag in SKIP_TAGS or (_MAYBE_SKIPPED.search(attrs) and _skipped(attrs)):
                        skip = 1
                    elif tag in BLOCK_TAGS:
                        _flush(current, blocks)
                        if tag in HEADINGS:
                            heading = tag
                if closing or attrs.rstrip().endswith("/"):  # closed here (<x/>: opened and closed)
                    depth -= 1
                    if skip:
                        skip -= 1
                    elif tag in BLOCK_TAGS:
                        closed = _flush(current, blocks)
                        if tag == heading:
                            (titles if tag == "h1" else headings).append(closed)
                            heading = ""
                    if closing and depth == 0:
                        break
        if not skip:
            current.append(text)
    _flush(current, blocks)
    title = titles[0] if titles else ""
    return PageText(title, tuple(headings), tuple(b for b in blocks if b != title) if title else tuple(blocks))


def article_text(page: bytes) -> PageText | None:
    """`page_text` of a page's bytes, decoding only its article."""
    start, end = page.find(b"<article"), page.rfind(b"</article>")
    if start < 0 or end < start:
        return None
    return page_text(page[start: end + len(b"</article>")].decode("utf-8"))


def file_texts(paths: list[str]) -> list[PageText | None]:
    """A fanout task: the text of each HTML file."""
    return [page_text(Path(path).read_text(encoding="utf-8")) for path in paths]
