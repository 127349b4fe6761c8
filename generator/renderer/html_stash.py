"""Keep gongkai's own HTML away from Python-Markdown, and put it back afterwards.

The emitted pages are Markdown with a lot of HTML written by gongkai's templates (definition lists,
timelines, tables, figures, tap-to-read glossary links). Python-Markdown feeds every byte of a page through
a pure-Python HTML parser twice (its raw-HTML preprocessor and mkdocs' anchor collector) although that
HTML passes through unchanged; at 3,000 pages this was about half the render's CPU time.

So before conversion (`stash`), each such piece is replaced by a placeholder that Markdown treats as plain
text, and after conversion (`restore`) the placeholders are replaced by the very same HTML:

- an HTML block: it starts at the beginning of a line after a blank line (or right after the opening
  tag of a `markdown` container), with an opening tag of `BLOCK_TAGS` that has no `markdown` attribute,
  and ends with its matching closing tag at the end of a line followed by a blank line, the end, or a
  closing tag's line. Its placeholder is a paragraph of its own, and
  `<p>placeholder</p>` becomes the block again;
- a glossary link (`<a class="gk-term" ...>...</a>`) anywhere but in a heading line (Markdown builds the
  table of contents and the heading's id from the heading's text);
- a plain paragraph: a block between blank lines whose every line starts with a non-ASCII character and
  that holds no character Markdown gives a meaning to (but for a leading `**label**`), not followed by a
  `:` definition line; it may sit right after the opening tag of a `markdown` container or right before
  a closing tag. Markdown would only wrap it in `<p>` (and the label in `<strong>`), so that is the piece.

Consecutive block placeholders are merged into one (Markdown's cost is mostly per paragraph). Anything
that does not match exactly is left for Markdown, so a surprise costs time, not correctness.
Editor text never holds HTML (H401), so all HTML seen here is the templates'. Tests compare whole pages
rendered with and without the stash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Not headings: inside a `markdown` container, md_in_html puts an HTML heading in the table of contents.
BLOCK_TAGS = ("dl", "ol", "ul", "table", "p", "figure", "nav", "form", "details", "div", "section", "aside")
OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: never in editor text, no meaning to Markdown
_BLOCK_START = re.compile(r"^<(" + "|".join(BLOCK_TAGS) + r")\b([^>]*)>", re.ASCII | re.MULTILINE)
_TERM = re.compile(r'<a class="gk-term" [^>]*>[^<]*</a>')
_HEADING_LINE = re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE)
_TOKEN = re.compile(OPEN + r"(\d+)" + CLOSE)
_BLOCK_TOKEN = re.compile("<p>" + OPEN + r"(\d+)" + CLOSE + "</p>")
_ID = re.compile(r'\sid="([^"]+)"')
_TEXT = r"[^\n*_\[\]`<>&\\!|{}#]"  # no character with a meaning in Markdown (inline or at a line's end)
_LINE = rf"[^\x00-\x7f]{_TEXT}*(?<![ \t])"  # starts with a non-ASCII character, no trailing blanks
_PLAIN = re.compile(rf"(?:\*\*(?P<label>[^\x00-\x7f]{_TEXT}*)\*\*)?(?P<text>{_LINE}(?:\n{_LINE})*)")
_BLOCK_TAG = re.compile(r"<(/?)(" + "|".join(BLOCK_TAGS) + r")\b([^>]*)>", re.ASCII)
_OPENING = re.compile(r"<[a-z]+\b[^>\n]*\bmarkdown\b[^>\n]*>\n")
_CLOSING = re.compile(r"\n</[a-z]+>")
_CLOSING_LINE = re.compile(r"\n</[a-z0-9]+>(?:\n|\Z)")
_CONTAINER_LINE = re.compile(r"<[a-z]+\b[^>\n]*\bmarkdown\b[^>\n]*>")
_RUN = re.compile(rf"{OPEN}\d+{CLOSE}(?:\n\n{OPEN}\d+{CLOSE})+")
_LONE_TOKEN = re.compile(OPEN + r"\d+" + CLOSE)


def _block_end(text: str, tag: str, start: int) -> int | None:
    """End of the block opened at `start` (after its closing tag), or None if it is not a clean block."""
    tags = re.compile(rf"<(/?){tag}\b[^>]*>")
    depth = 0
    for m in tags.finditer(text, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            end = m.end()
            rest = text[end:end + 2]
            if rest in ("\n\n", "") or (rest == "\n" and end + 1 == len(text)) or _CLOSING_LINE.match(text, end):
                return end  # then a blank line, the end, or the closing tag of the container it is in
            return None
    return None


def _starts_block(text: str, start: int) -> bool:
    """Whether a block can start here: at the start, after a blank line, or first in a markdown container."""
    if start == 0 or text[start - 2:start] == "\n\n":
        return True
    line_start = text.rfind("\n", 0, start - 1) + 1
    return bool(_CONTAINER_LINE.fullmatch(text, line_start, start - 1))


def _stash_blocks(text: str, stash: list[str]) -> str:
    out: list[str] = []
    pos = 0
    for m in _BLOCK_START.finditer(text):
        if m.start() < pos or "markdown" in m.group(2) or not _starts_block(text, m.start()):
            continue
        end = _block_end(text, m.group(1), m.start())
        if end is None:
            continue
        out.append(text[pos:m.start()])
        out.append(f"{OPEN}{len(stash)}{CLOSE}")
        stash.append(text[m.start():end])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _stash_terms(text: str, stash: list[str]) -> str:
    headings = [(m.start(), m.end()) for m in _HEADING_LINE.finditer(text)]

    def replace(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in headings):
            return m.group(0)
        stash.append(m.group(0))
        return f"{OPEN}{len(stash) - 1}{CLOSE}"

    return _TERM.sub(replace, text)


def _paragraph(block: str, stash: list[str]) -> str:
    """The block with its plain paragraph (if any) replaced by a placeholder."""
    opening = _OPENING.match(block)
    start = opening.end() if opening else 0
    size = len(block.rstrip("\n"))  # the page's last block ends with a newline
    closing = _CLOSING.search(block, start)
    end = closing.start() if closing and closing.end() == size else size
    m = _PLAIN.fullmatch(block, start, end)
    if m is None or _LONE_TOKEN.fullmatch(block, start, end):
        return block
    label = f"<strong>{m.group('label')}</strong>" if m.group("label") is not None else ""
    stash.append(f"<p>{label}{m.group('text')}</p>")
    return f"{block[:start]}{OPEN}{len(stash) - 1}{CLOSE}{block[end:]}"


def _stash_paragraphs(text: str, stash: list[str]) -> str:
    """Plain paragraphs, except inside raw HTML (an element without `markdown` still open: Markdown would
    leave its text as it is)."""
    blocks = text.split("\n\n")
    open_tags: list[bool] = []  # block elements still open: True for a `markdown` container
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else ""
        if all(open_tags) and not following.startswith(":"):
            blocks[i] = _paragraph(block, stash)
        for m in _BLOCK_TAG.finditer(block):
            if m.group(1):
                if open_tags:
                    open_tags.pop()
            elif not m.group(3).endswith("/"):
                open_tags.append("markdown" in m.group(3))
    return "\n\n".join(blocks)


def stash(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with gongkai's HTML replaced by placeholders, and the pieces replaced."""
    if OPEN in markdown or CLOSE in markdown:  # cannot tell ours from the page's own: leave it all to Markdown
        return markdown, []
    pieces: list[str] = []
    text = _stash_terms(markdown, pieces)
    first_block = len(pieces)
    text = _stash_blocks(text, pieces)
    text = _stash_paragraphs(text, pieces)
    return _merge_runs(text, pieces, first_block), pieces


def _merge_runs(text: str, stash: list[str], first_block: int) -> str:
    """Consecutive block placeholders become one: Markdown's cost is per paragraph, however short."""
    def merge(m: re.Match[str]) -> str:
        tokens = m.group(0).split("\n\n")
        if any(int(t[1:-1]) < first_block for t in tokens):
            return m.group(0)
        stash.append("\n".join(tokens))
        return f"{OPEN}{len(stash) - 1}{CLOSE}"

    return _RUN.sub(merge, text)


def restore(html: str, pieces: list[str]) -> str:
    """The converted HTML with every placeholder replaced by its piece (pieces may hold placeholders)."""
    if not pieces:
        return html
    for _ in range(4):  # runs of blocks, blocks, glossary links in them: at most three levels
        html = _BLOCK_TOKEN.sub(lambda m: pieces[int(m.group(1))], html)
        html = _TOKEN.sub(lambda m: pieces[int(m.group(1))], html)
        if OPEN not in html:
            break
    return html


def anchor_ids(pieces: Iterable[str]) -> set[str]:
    """The ids the stashed HTML defines (mkdocs checks links to anchors against a page's ids)."""
    return {m.group(1) for piece in pieces for m in _ID.finditer(piece)}
