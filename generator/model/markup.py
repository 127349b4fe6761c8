"""What editor text may become on a page: an allow-list, checked on the HTML the text renders to.

Editor text reaches the page through Jinja (HTML-escaped) and then Python-Markdown with the page's
extensions (`PAGE_EXTENSIONS`, the renderer's list). So the text is rendered here the same way and the
result compared with what a sanitiser (nh3) keeps under the allow-list: *invalid if sanitising would
change it* (RELIABILITY.md §2.2, Govspeak's rule), never a list of bad things.

- A Markdown field (`MarkdownText`: answers, interpretation, announcement and audit bodies) may give
  paragraphs, line breaks, bold, italics, lists and absolute links (`https://`, `http://`, `mailto:`,
  `tel:`); anything else (an image, a heading, a table, code, a `style` or `ping` attribute, a `//host`
  link, a relative link or `#anchor`, which would point elsewhere on each page showing the text and
  break unseen) is H404, at the field's line. Links within the site come from citations (`basis`).
- Any other text field is plain text: it must render to nothing but its own words (H403), so `*重要*`
  or `_x_` never turn into italics; `*` and backquotes are refused outright, because one `*` in each
  of two fields that share a paragraph would pair up.
- `{ … }` in the attribute-list syntax is refused in every field (H405): the page's Markdown keeps
  attr_list for gongkai's own headings, and in editor text it would add attributes (`style`, `ping`,
  `href`) to whatever element the text lands next to, depending on the template around it.

Only text holding a character Markdown gives a meaning to is rendered, so ordinary text costs a regex.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import markupsafe

PAGE_EXTENSIONS = ("attr_list", "md_in_html", "tables", "admonition", "def_list")
MARKDOWN_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a"})
MARKDOWN_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
# Only absolute links: a relative one (`../policies/x/`, `#art-19`) means something else on each page the
# text appears on, and a broken one would only be found in the built HTML, far from the YAML line.
_SAFE_HREF = re.compile(r"(?:https?://[^/\s\\][^\s\\]*|mailto:[^\s/\\]+|tel:[0-9+() -]+)")
# attr_list's own pattern (markdown.extensions.attr_list): `{` + optional `:` + something + `}`
ATTR_LIST = re.compile(r"\{:?[ ]*[^}\n ][^}\n]*[ ]*\}")
_PLAIN_TRIGGER = re.compile(r"[_\[\n\t]|^\s*(?:[#+-]|\d+[.)]|!!!|={3})|^ {4}")
_MARKDOWN_TRIGGER = re.compile(r"[\[\]{}!`&<|:#\n\t\\]|^ {4}|^\s*[-*_]{3}")
_NAMES = {"em": "斜体", "strong": "加粗", "a": "链接", "img": "图片", "code": "代码", "ul": "列表", "ol": "列表",
          "li": "列表", "table": "表格", "hr": "分隔线", "pre": "代码块", "blockquote": "引用", "dl": "定义列表",
          "div": "提示框", "br": "换行", **{f"h{n}": "标题" for n in range(1, 7)}}


@functools.cache
def _markdown() -> object:
    import markdown

    return markdown.Markdown(extensions=list(PAGE_EXTENSIONS))


def render(text: str) -> str:
    """The HTML `text` becomes on a page: escaped as the templates do, then Markdown."""
    md = _markdown()
    return md.reset().convert(str(markupsafe.escape(text)))  # type: ignore[attr-defined, no-any-return]


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("<", tag, *sorted(f"{k}={v or ''}" for k, v in attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # `<br />` and `<br>` are the same element

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("</", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.tokens.append(("", data.strip()))


def tokens(html: str) -> list[tuple[str, ...]]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def _href_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not _SAFE_HREF.fullmatch(value):
        return None
    return value


def sanitised(html: str) -> str:
    import nh3

    return nh3.clean(html, tags=set(MARKDOWN_TAGS), attributes={k: set(v) for k, v in MARKDOWN_ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True, attribute_filter=_href_filter)


def _first_difference(before: list[tuple[str, ...]], after: list[tuple[str, ...]]) -> tuple[str, ...]:
    for token in before:
        if token not in after:
            return token
        after = after[after.index(token) + 1:]
    return ("", "")


def describe(token: tuple[str, ...]) -> str:
    """A token of rendered HTML, in words an editor understands."""
    tag = token[1] if len(token) > 1 else ""
    name = _NAMES.get(tag, f"<{tag}>")
    extra = [a for a in token[2:] if not (tag == "a" and a.startswith("href=") and _SAFE_HREF.fullmatch(a[5:]))]
    if token[0] == "<" and tag in MARKDOWN_TAGS and extra:
        if tag == "a" and extra[0].startswith("href="):
            return f"链接地址“{extra[0][5:65]}”（只能链接到 https:// 或 http:// 开头的完整网址、mailto: 邮箱或 tel: 电话）"
        return f"{name}上的属性 {extra[0][:60]}"
    return name


def markdown_problem(text: str) -> str | None:
    """What a Markdown field's text would produce that the allow-list does not allow, or None."""
    if not _MARKDOWN_TRIGGER.search(text):
        return None
    html = render(text)
    before, after = tokens(html), tokens(sanitised(html))
    if before == after:
        return None
    return describe(_first_difference(before, after))


def plain_problem(text: str) -> str | None:
    """What a plain-text field's text would turn into on a page (any element but a paragraph), or None."""
    for char, what in (("*", "星号 *（会被当作斜体或加粗的记号）"), ("`", "反引号 `（会被当作代码的记号）")):
        if char in text:
            return what
    if not _PLAIN_TRIGGER.search(text):
        return None
    found = [t for t in tokens(render(text)) if t[0] == "<" and t[1] != "p"]
    return describe(found[0]) if found else None


def attr_list_syntax(text: str) -> str | None:
    m = ATTR_LIST.search(text)
    return m.group()[:40] if m else None
