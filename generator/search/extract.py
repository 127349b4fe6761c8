"""Page text for the index: the `<article>` of a built page, without navigation, header or footer.

Inside the article, boilerplate that repeats on many pages (update date, "back" links, the sample
data notice) and anything marked `data-search="skip"` is left out too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
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
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class PageText:
    title: str
    headings: tuple[str, ...]
    blocks: tuple[str, ...]  # body text, one string per block element (headings included)


@dataclass
class _ArticleParser(HTMLParser):
    depth: int = 0  # > 0 while inside <article>
    skip: int = 0  # > 0 while inside a skipped element (counts its depth)
    heading: str = ""  # the heading tag being read, if any
    title: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    found: bool = False

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" and not self.depth:
            self.depth, self.found = 1, True
            return
        if not self.depth or tag in VOID_TAGS:
            if self.depth and not self.skip and tag in BLOCK_TAGS:
                self._flush()
            return
        self.depth += 1
        values = {k: v or "" for k, v in attrs}
        classes = set(values.get("class", "").split())
        if self.skip:
            self.skip += 1
        elif tag in SKIP_TAGS or _furniture(classes) or values.get("data-search") == "skip":
            self.skip = 1
        elif tag in BLOCK_TAGS:
            self._flush()
            if tag == "h1" or tag in HEADINGS:
                self.heading = tag

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in VOID_TAGS:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
            return
        if tag in BLOCK_TAGS:
            text = self._flush()
            if tag == self.heading:
                (self.title if tag == "h1" else self.headings).append(text)
                self.heading = ""

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.current.append(data)

    def _flush(self) -> str:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.blocks.append(text)
        return text


def _furniture(classes: set[str]) -> bool:
    return bool(classes & SKIP_CLASSES) or any(c.startswith(SKIP_PREFIXES) for c in classes)


def page_text(html: str) -> PageText | None:
    """The indexable text of a built page, or None if it has no <article>."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return None
    parser = _ArticleParser()
    parser.feed(html[start: end + len("</article>")])  # the rest of the page is never indexed
    parser.close()
    if not parser.found:
        return None
    parser._flush()
    title = parser.title[0] if parser.title else ""
    blocks = [b for b in parser.blocks if b != title] if title else parser.blocks
    return PageText(title, tuple(parser.headings), tuple(blocks))


def file_texts(paths: list[str]) -> list[PageText | None]:
    """A fanout task: the text of each HTML file."""
    return [page_text(Path(path).read_text(encoding="utf-8")) for path in paths]
