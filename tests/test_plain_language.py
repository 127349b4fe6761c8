"""The plain-language lint's fast paths find what the plain definitions find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.rules.plain_language import (
    LEGAL_TERMS,
    MAX_SENTENCE,
    _longest_first,
    long_sentences,
    sentence_length,
)

SURFACES = sorted(set(LEGAL_TERMS) | {"征收补偿", "补偿", "过渡费", "拆迁", "周转"})
PIECES = [*SURFACES, "。", "，", "《房屋征收与补偿条例》", "**", " ", "的", "a", "\n", "征", "收"]


def alternation(surfaces: set[str]) -> re.Pattern[str]:
    """The plain definition: every surface, longest first."""
    return re.compile("|".join(re.escape(s) for s in sorted(surfaces, key=lambda s: (-len(s), s))))


@settings(max_examples=200, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sets(st.sampled_from(SURFACES), min_size=1))
def test_the_term_trie_finds_the_longest_term_at_each_place_like_the_alternation(pieces: list[str], terms: set[str]):
    text = "".join(pieces)
    assert re.compile(_longest_first(terms)).findall(text) == alternation(terms).findall(text)


@settings(max_examples=200, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_short_cuts_never_hide_a_long_sentence(pieces: list[str]):
    text = "".join(pieces)
    every = [(n, s.strip()) for s in re.split(r"[。！？；!?;\n]+", text) if (n := sentence_length(s)) > MAX_SENTENCE]
    assert list(long_sentences(text)) == every


def test_a_sentence_just_over_the_limit_is_found_and_one_at_it_is_not():
    over, at = "补" * (MAX_SENTENCE + 1), "补" * MAX_SENTENCE
    assert list(long_sentences(f"{at}。{over}，。")) == [(MAX_SENTENCE + 1, f"{over}，")]
    assert list(long_sentences(f"《{'长' * 100}》很短。")) == []
