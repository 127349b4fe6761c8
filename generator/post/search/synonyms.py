"""Synonyms for query expansion, derived from the glossary: each alias residents use (俗称) leads
to the term the documents use (过渡费 -> 临时安置费, 拆迁 -> 征收, 被拆迁人 -> 被征收人); every site also gets
the everyday words of everyday.py (赔 -> 补偿, 庄稼 -> 青苗, 过度 -> 过渡), and each village of site_config leads
to its town (石门村 -> 龙岭镇: the town's zone price, projects and contacts, where no page names the village).
This is the one synonym table: the browser reads it from meta.json."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic, warning
from .everyday import EVERYDAY, SECTION_BETS, SLIPS
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
    for word, words in EVERYDAY.items():
        table.setdefault(normalise(word), set()).update(normalise(w) for w in words)
    for town in site.config.areas:  # a village leads to its town: its zone, its projects, its contacts
        for village in town.villages:
            key = normalise(village.name)
            if len(key) >= 2 and key != normalise(town.name):
                table.setdefault(key, set()).add(normalise(town.name))
    return {alias: sorted(targets) for alias, targets in sorted(with_slips(table).items())}, diags


def with_slips(table: dict[str, set[str]]) -> dict[str, set[str]]:
    """The table plus each keyboard slip (everyday.SLIPS): the slip leads to the word meant, and every alias
    or term holding the word meant is also found when typed with the slip (过度费 -> 临时安置费)."""
    out = {alias: set(targets) for alias, targets in table.items()}
    words = {w: {w} for targets in table.values() for w in targets} | table
    for slip, meant in SLIPS.items():
        slip, meant = normalise(slip), normalise(meant)
        out.setdefault(slip, set()).add(meant)
        for word, targets in words.items():
            if meant in word:
                out.setdefault(word.replace(meant, slip), set()).update(targets)
    return out


def best_bets(site: Site) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Editors' best bets (content/best_bets): each phrase in search form -> the pinned page URLs, in order;
    a phrase in two entries keeps the pages of both, the earlier entry's first; the sections everyday.py pins
    come after the editors' pages."""
    table: dict[str, list[str]] = {}
    entries = [(bet.phrases, bet.pages) for bet in site.of("best_bets")] + list(SECTION_BETS)
    for phrases, pages in entries:
        for phrase in phrases:
            key = normalise(phrase)
            if len(key) >= 2 and "\n" not in key:
                urls = table.setdefault(key, [])
                urls += [u for u in pages if u not in urls]
    for phrase, meant in with_slips({k: {k} for k in table}).items():  # 补尝标准 -> the pages of 补偿标准
        urls = list(dict.fromkeys(u for k in sorted(meant) if k in table for u in table[k]))
        if phrase not in table and urls:
            table[phrase] = urls
    return tuple((k, tuple(v)) for k, v in sorted(table.items()))
