"""Glossary terms in running Chinese text become inline explanations.

Python-Markdown's `abbr` cannot match inside Chinese text (it relies on `\\b`, and Han characters
are word characters), so the generator does it: after the pages are rendered to Markdown, the first
occurrence of each glossary term (or alias) on the page (once per page, issue 11) is wrapped in a link to its
glossary entry that carries the plain gloss. gk-explain.js turns that link into a button that opens
the gloss on tap (and keyboard); without JavaScript it stays a link to the glossary.

Never touched: front matter, headings, HTML tags and their attributes, links, buttons, form labels,
table headers, code, Markdown link syntax and attribute lists, and the glossary page itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader

from ..model.reference import Term
from ..rules.references import Site
from .links import page_path, relative

GLOSSARY_PATH = page_path("glossary")
MIN_SURFACE = 2  # one-character aliases would match everywhere
_SKIP = {"a", "button", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "label", "legend",
         "option", "select", "textarea", "caption", "th", "dt", "nav", "abbr", "summary", "time", "data", "noscript",
         "svg", "figcaption"}
# official metadata (issuer, 文号, 类别) as published, and old -> new figures (history.py); "gk-" first
_SKIP_CLASSES = {"gk-docmeta", "gk-meta", "gk-change", "gk-onward"}
_CLASS = re.compile(r'\bclass="([^"]*)"')
_TOKEN = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9]*)\b[^>]*>)"
    r"|(?P<heading>^[ \t]{0,3}(?P<hashes>#{1,6})[ \t][^\n]*)"
    r"|(?P<mdlink>!?\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<code>`[^`\n]*`)"
    r"|(?P<attrs>\{[^}\n]*\})",
    re.S | re.M,
)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass(frozen=True)
class Glossary:
    """Every surface form (term or alias) -> its term, and one regex matching the longest first."""

    by_surface: Mapping[str, Term]
    pattern: re.Pattern[str] | None
    surfaces: re.Pattern[str] | None = None  # any surface form: where the pattern can match at all

    @classmethod
    def of(cls, terms: tuple[Term, ...]) -> Glossary:
        by_surface: dict[str, Term] = {}
        for t in terms:
            for surface in (t.term, *t.aliases):
                if len(surface) >= MIN_SURFACE:
                    by_surface.setdefault(surface, t)
        ordered = sorted(by_surface, key=lambda s: (-len(s), s))
        # A document title in 《》 is matched as a whole and left alone: terms inside titles are not explained.
        pattern = re.compile("《[^》\n]*》|" + "|".join(re.escape(s) for s in ordered)) if ordered else None
        surfaces = re.compile("|".join(re.escape(s) for s in ordered)) if ordered else None
        return cls(by_surface, pattern, surfaces)


def _environment() -> Environment:
    return Environment(loader=PackageLoader("generator", "templates/fragments"), autoescape=True,
                       keep_trailing_newline=False)


class _Page:
    """One page being annotated: the section's already-explained terms and the skip stack."""

    def __init__(self, path: str, glossary: Glossary, env: Environment, links: dict[tuple[str, str], str]) -> None:
        self.path = path
        self.glossary = glossary
        self.template = env.get_template("term.html.j2")
        self.links = links  # (surface, glossary href) -> the link's HTML, shared by every page of a build
        self.seen: set[str] = set()
        self.skipping: list[str] = []
        self.href = relative(path, GLOSSARY_PATH)

    def text(self, segment: str) -> str:
        if self.skipping or self.glossary.pattern is None:
            return segment
        return self.glossary.pattern.sub(self._replace, segment)

    def _replace(self, match: re.Match[str]) -> str:
        surface = match.group(0)
        if surface.startswith("《"):
            return surface
        term = self.glossary.by_surface[surface]
        if term.id in self.seen:
            return surface
        self.seen.add(term.id)
        key = (surface, self.href)
        if key not in self.links:
            self.links[key] = self.template.render(text=surface, href=f"{self.href}#{term.id}", term=term.term,
                                                   gloss=term.gloss)
        return self.links[key]

    def tag(self, raw: str, name: str) -> None:
        name = name.lower()
        if raw[1] == "/":
            if self.skipping and name in self.skipping:
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(name):]
            return
        if raw.endswith("/>"):
            return
        if name in _SKIP or ("gk-" in raw and _skipped_class(raw)):
            self.skipping.append(name)

def _skipped_class(raw: str) -> bool:
    m = _CLASS.search(raw)
    return bool(m and _SKIP_CLASSES & set(m.group(1).split()))


def annotate(path: str, markdown: str, glossary: Glossary, env: Environment,
             links: dict[tuple[str, str], str] | None = None) -> str:
    """The page's Markdown with the first occurrence of each term per section explained inline."""
    front = _FRONT_MATTER.match(markdown)
    start = front.end() if front else 0
    page = _Page(path, glossary, env, {} if links is None else links)
    if glossary.surfaces is None or not glossary.surfaces.search(markdown, start):
        return markdown
    # Where a surface form starts: a text segment holding none is copied as it is. Surface forms never
    # span a token (they hold no <, [, `, { or line break), so a term the pattern finds in a segment
    # starts at or after one of these positions inside that segment.
    hints = [m.start() for m in glossary.surfaces.finditer(markdown, start)]
    hint, count = 0, len(hints)
    out = [markdown[:start]]
    copied = pos = start  # the output holds markdown[:copied] (or its explained form)
    tag = page.tag
    for m in _TOKEN.finditer(markdown, start):
        segment_end = m.start()
        if hint < count and hints[hint] < segment_end:
            while hint < count and hints[hint] < pos:
                hint += 1
            if hint < count and hints[hint] < segment_end:
                out += [markdown[copied:pos], page.text(markdown[pos:segment_end])]
                copied = segment_end
        kind = m.lastgroup
        if kind == "tag":
            tag(m.group("tag"), m.group("name"))
        pos = m.end()
    out += [markdown[copied:pos], page.text(markdown[pos:])]
    return "".join(out)


def explain_terms(site: Site, files: Mapping[str, str]) -> dict[str, str]:
    """Annotate every emitted page except the glossary itself."""
    glossary = Glossary.of(site.of("glossary"))
    env = _environment()
    links: dict[tuple[str, str], str] = {}
    return {path: (text if path == GLOSSARY_PATH or not path.endswith(".md")
                   else annotate(path, text, glossary, env, links))
            for path, text in files.items()}
