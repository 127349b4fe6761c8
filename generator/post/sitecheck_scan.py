"""What the site check needs of one HTML page: its ids, its links, and what it loads from other hosts.

A scanner, not a parser: a few regular expressions that split the page into tokens the way a browser's
tokenizer does (HTML Standard 13.2.5), ≈ 10 times faster than html.parser. What it follows:
- comments (`<!-- … -->`, also `<!-->`, `--!>` and an unclosed one running to the end), doctypes,
  processing instructions and bogus comments (`<!x>`, `<?x>`, `</ x>`) hide what is inside them;
- a start tag's attributes: names up to whitespace, `/`, `>` or `=`; a value quoted only right after
  `=` (so a `>` inside quotes does not end the tag); unquoted values; character references decoded;
  names and tag names compared in lower case; of two attributes of the same name the first counts,
  though both are checked for outside loads;
- raw text (`script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`, `noframes`) runs to
  its end tag; it defines no ids or links, but markup in it is still checked for outside loads (inside
  `<svg>` such markup is live), and a `style` element's CSS is checked like a stylesheet.
Where it cannot know what a browser would do (an unclosed quote, a tag cut off by the end of the file)
it reads the page so that more, never less, is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

# What each element loads by itself (links to other pages are not loads).
RESOURCE_ATTRS = {
    "script": ("src", "href", "xlink:href"), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
    "object": ("data",), "track": ("src",), "input": ("src",), "base": ("href",),
    "image": ("src", "href", "xlink:href"),  # <image src> in HTML is an <img>; <image href> in SVG
    "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"),
    "body": ("background",), "table": ("background",), "td": ("background",), "th": ("background",),
}
# A tag's attributes (13.2.5.32-39): separators, a name, and a value quoted only right after `=`.
_ATTRS = r"""(?:[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+)*+[\s/]*+"""
# The same, without an attribute named `id` or `style`: a tag of no element in RESOURCE_ATTRS, `a` or
# `link` with only such attributes has nothing to check, and is matched without being captured.
_PLAIN_ATTRS = _ATTRS.replace(r"[^\s/>][^\s/>=]", r"(?!(?i:id|style)(?=[\s/=>]|\Z))[^\s/>][^\s/>=]", 1)
_RAW = "script|style|textarea|title|xmp|iframe|noembed|noframes"
_CHECKED = "|".join([_RAW, "a", "link", *RESOURCE_ATTRS])
_TOKEN = re.compile(rf"""
    </[a-zA-Z][^\s/>]*+{_ATTRS}(?:>|\Z)
  | <(?!(?i:{_CHECKED})[\s/>])[a-zA-Z][^\s/>]*+{_PLAIN_ATTRS}(?:>|\Z)
  | <(?P<raw>(?i:{_RAW}))(?=[\s/>])(?P<rawattrs>{_ATTRS})
      (?:>(?P<text>.*?)(?:</(?i:(?P=raw))(?=[\s/>]){_ATTRS}(?:>|\Z)|\Z)|\Z)
  | <(?P<tag>[a-zA-Z][^\s/>]*+)(?P<attrs>{_ATTRS})(?:>|\Z)
  | <!--(?:-?>|.*?(?:--!?>|\Z))
  | <(?:[!?]|/(?![a-zA-Z]))[^>]*+(?:>|\Z)
""", re.DOTALL | re.VERBOSE)
_PAIR = re.compile(r"""([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_LINK_RELS_NOT_LOADED = {"canonical", "alternate"}
_WANTED = {"id", "name", "href", "rel", "style", "srcdoc"}
CSS_EXTERNAL = re.compile(r"""(?:url\(|image-set\(|@import)\s*['"]?\s*((?:https?:|ftp:)?(?://|\\\\)[^'")\s]*)""",
                          re.IGNORECASE)
_URL_SPACE = re.compile(r"[\t\n\r]")
_EXTERNAL_URL = re.compile(r"(?://|(?:https?|ftp|wss?):)", re.IGNORECASE)


def external(url: str) -> bool:
    """Whether a browser would fetch `url` from another host: it ignores surrounding spaces, tabs and
    newlines anywhere, reads `\\` as `/`, and takes the scheme in any case."""
    return bool(_EXTERNAL_URL.match(_URL_SPACE.sub("", url.strip(" \t\n\r\f\x00")).replace("\\", "/")))


@dataclass(frozen=True)
class Scan:
    """What the checks need of one page."""

    ids: frozenset[str]
    links: tuple[str, ...]  # every <a href>, in order
    external: tuple[str, ...]  # every load from another host, as the markup that makes it


def scan_html(html: str) -> Scan:
    ids: set[str] = set()
    links: list[str] = []
    loads: list[str] = []
    for raw, raw_attrs, text, tag, attrs in _TOKEN.findall(html):
        if tag:
            tag = tag.lower()
            if attrs:
                _start_tag(tag, attrs, ids, links, loads)
        elif raw:
            raw = raw.lower()
            if raw_attrs:
                _start_tag(raw, raw_attrs, ids, links, loads)
            if text:
                loads += external_loads(text, css=raw == "style")
    return Scan(frozenset(ids), tuple(links), tuple(loads))


def external_loads(html: str, css: bool = False) -> list[str]:
    """Only the outside loads of a piece of markup (or of CSS, when `css`)."""
    if css:
        return CSS_EXTERNAL.findall(html) + (external_loads(html) if "<" in html else [])
    return list(scan_html(html).external) if "<" in html else []


def _start_tag(tag: str, attrs: str, ids: set[str], links: list[str], loads: list[str]) -> None:
    values: dict[str, str] = {}
    loaded = RESOURCE_ATTRS.get(tag, ())
    for name, double, single, bare in _PAIR.findall(attrs):
        name = name.lower()
        if name not in _WANTED and name not in loaded:
            continue
        value = double or single or bare
        if "&" in value:
            value = unescape(value)
        if name in loaded:
            for part in value.split(","):
                url = part.strip().split(" ")[0]
                if url and external(url):
                    loads.append(f"<{tag} {name}={url}>")
        elif name == "style":
            loads += CSS_EXTERNAL.findall(value)
        elif name == "srcdoc":
            loads += external_loads(value)
        values.setdefault(name, value)
    if "id" in values:
        ids.add(values["id"])
    if tag == "a":
        if "name" in values:
            ids.add(values["name"])
        if values.get("href"):
            links.append(values["href"])
    elif tag == "link" and external(values.get("href", "")):
        rel = values.get("rel", "")
        if not rel.split() or not set(rel.lower().split()) <= _LINK_RELS_NOT_LOADED:
            loads.append(f"<link rel={rel} href={values['href']}>")
