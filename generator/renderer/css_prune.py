"""Material's stylesheet without the components gongkai never renders.

A third of Material's main CSS styles things no gongkai page can contain: its search dialog (the search
plugin is off), tabs, "back to top", version and language selectors, the repository widget, the cookie
consent, blog posts, tags, code blocks and their annotations, content tabs, task lists, diagrams and
formulas (page Markdown has no code, no pymdownx extensions: `model.markup.PAGE_EXTENSIONS`; editor text
is checked against it). That is 9 KB gzip of the 60 KB page budget, and CSS the phone parses before the
first paint. So a rule is left out of the bundle when every one of its selectors needs an element of such
a component (a class starting with one of UNUSED, outside any `:is()`/`:not()`/`:where()`, so a rule
that may still match is always kept). tests/test_page_weight.py checks that no built page has an element
of a left-out component.
"""

from __future__ import annotations

import re

UNUSED = (".md-search", ".md-tabs", ".md-annotation", ".md-tooltip", ".md-consent", ".md-source", ".md-version",
          ".md-top", ".md-clipboard", ".md-progress", ".md-social", ".md-code__", ".md-status", ".md-tag",
          ".md-post", ".md-author", ".md-select", ".md-feedback", ".highlight", ".tabbed-", ".task-list",
          ".critic", ".arithmatex", ".mermaid", ".keys")
NESTING = ("@media", "@supports", "@container", "@layer")
_UNUSED = re.compile("|".join(re.escape(prefix) for prefix in UNUSED))


def _blocks(css: str) -> list[str]:
    """The top-level statements of a stylesheet (`selector{...}`, `@media ...{...}`, `@x ...;`), with strings
    and nested braces respected."""
    out, depth, start, quote, i = [], 0, 0, "", 0
    while i < len(css):
        c = css[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                out.append(css[start:i + 1])
                start = i + 1
        elif c == ";" and depth == 0:
            out.append(css[start:i + 1])
            start = i + 1
        i += 1
    rest = css[start:].strip()
    return out + ([rest] if rest else [])


_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/', re.S)


def _without_comments(css: str) -> str:
    return _TOKENS.sub(lambda m: "" if m.group(0).startswith("/*") else m.group(0), css)


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(a,b)` or `[x="a,b"]`)."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return parts + [prelude[start:]]


def _top_level(selector: str) -> str:
    """The selector with every parenthesised argument removed."""
    previous = None
    while previous != selector:
        previous, selector = selector, re.sub(r"\([^()]*\)", "", selector)
    return selector


def _rule(block: str) -> str:
    head, body = block.split("{", 1)
    if head.lstrip().startswith(NESTING):
        inner = "".join(_rule(b) for b in _blocks(body[:-1]))
        return f"{head}{{{inner}}}" if inner.strip() else ""
    if head.lstrip().startswith("@"):
        return block
    kept = [s for s in _selectors(head) if not _UNUSED.search(_top_level(s))]
    return ",".join(kept) + "{" + body if kept else ""


def prune(css: str) -> str:
    """`css` without comments and without the rules only unused components match (module docstring)."""
    return "".join(_rule(b) if "{" in b else b for b in _blocks(_without_comments(css)))
