"""Synonyms for query expansion, derived from the glossary: each alias residents use (俗称) leads
to the term the documents use (过渡费 -> 临时安置费, 拆迁 -> 征收, 被拆迁人 -> 被征收人)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic, warning
from .tokens import normalise

if TYPE_CHECKING:  # kept light: fanout workers import the search package
    from ...model.reference import Term
    from ...rules.references import Site


def synonyms(site: Site) -> tuple[dict[str, list[str]], list[Diagnostic]]:
    """alias -> terms (search forms, sorted), and a Q802 warning for an alias shared by several terms."""
    terms: tuple[Term, ...] = site.of("glossary")
    table: dict[str, set[str]] = {}
    for t in terms:
        term = normalise(t.term)
        for alias in t.aliases:
            key = normalise(alias)
            if len(key) >= 2 and key != term and "\n" not in key:
                table.setdefault(key, set()).add(term)
    diags = []
    for alias, targets in sorted(table.items()):
        if len(targets) > 1:
            located = next(site.located[("glossary", t.id)] for t in terms if normalise(t.term) in targets)
            pos = located.pos("aliases")
            diags.append(warning(located.path, pos.line, pos.column, "Q802",
                                 f"俗称“{alias}”同时对应多个术语：{'、'.join(sorted(targets))}",
                                 "搜索这个词会同时查找这些术语；如果不是有意为之，请只在一个术语下列出它。"))
    return {alias: sorted(targets) for alias, targets in sorted(table.items())}, diags


def best_bets(site: Site) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Editors' best bets (content/best_bets): each phrase in search form -> the pinned page URLs, in order;
    a phrase in two entries keeps the pages of both, the earlier entry's first."""
    table: dict[str, list[str]] = {}
    for bet in site.of("best_bets"):
        for phrase in bet.phrases:
            key = normalise(phrase)
            if len(key) >= 2 and "\n" not in key:
                urls = table.setdefault(key, [])
                urls += [u for u in bet.pages if u not in urls]
    return tuple((k, tuple(v)) for k, v in sorted(table.items()))
