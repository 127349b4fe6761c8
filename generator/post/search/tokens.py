"""Search tokens: how text and queries are cut into index keys.

Chinese has no spaces, so instead of guessing word boundaries the index keeps every character
bigram (and every single character, for one-character queries). Any substring of two or more
characters is then found by construction: a phrase matches a page that holds all its bigrams.

The rules here are mirrored exactly by `overrides/assets/javascripts/gk-search.js` (normalise,
isWord, keysOf, bucket); tests/test_search_tokens.py runs both on the same strings.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

BREAK = "\n"  # a run boundary: punctuation, block boundaries

# Code point ranges that are never part of a word (punctuation and symbols).
_NON_WORD = ((0x80, 0xBF), (0x2000, 0x2BFF), (0x3000, 0x303F), (0xE000, 0xF8FF), (0xFE10, 0xFE6F),
             (0xFF00, 0xFFFF))


def is_word(ch: str) -> bool:
    cp = ord(ch)
    if cp < 0x80:
        return ch.isascii() and (ch.isdigit() or "a" <= ch <= "z")
    return not any(lo <= cp <= hi for lo, hi in _NON_WORD)


@lru_cache(maxsize=65536)
def normalise_char(ch: str) -> str:
    """One character -> its search form: NFKC, lower case; "" for spaces, BREAK for punctuation."""
    norm = unicodedata.normalize("NFKC", ch).lower()
    out = ""
    for c in norm:
        if c.isspace():
            continue
        out += c if is_word(c) else BREAK
    return out


class _Table(dict[int, str]):
    """Code point -> search form, filled on first use (for `str.translate`)."""

    def __missing__(self, cp: int) -> str:
        self[cp] = normalise_char(chr(cp))
        return self[cp]


_TABLE = _Table()


def normalise(text: str) -> str:
    """Text -> search form. Spaces vanish (Chinese needs none); every non-word character breaks a run."""
    return text.translate(_TABLE)


def runs(text: str) -> list[str]:
    """The unbroken word runs of a text, normalised."""
    return [r for r in normalise(text).split(BREAK) if r]


def keys_of_run(run: str) -> Iterator[str]:
    """Index keys of one run: every character and every adjacent pair of characters."""
    for i, ch in enumerate(run):
        yield ch
        if i + 1 < len(run):
            yield run[i: i + 2]


def query_keys(term: str) -> list[str]:
    """The keys a query term must all match: its bigrams, or the character itself if it has one."""
    if len(term) == 1:
        return [term]
    return [term[i: i + 2] for i in range(len(term) - 1)]


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over the code points of a key (the JavaScript side hashes the same way)."""
    h = 0x811C9DC5
    for ch in key:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def bucket(key: str) -> int:
    """16-bit bucket of a key; shards hold contiguous bucket ranges."""
    return fnv1a(key) >> 16


# Question words and filler carry no topic (issue 11): the same steps as gk-search.js `queryTerms`, and this
# list, which the build writes into the script (`inject`). A longer word comes before the words inside it
# (什么时候 before 什么, 我家 before 我).
QUESTION_WORDS = ("怎么办", "怎么样", "怎么", "如何", "多少钱", "多少", "是不是", "能不能", "会不会", "有没有",
                  "要不要", "可不可以", "可以吗", "行不行", "中不中", "是否", "能否", "为什么", "什么时候", "啥时候",
                  "多会儿", "什么", "啥子", "啥", "咋办", "咋样", "咋整", "咋弄", "咋个", "怎么整", "怎么弄", "啷个", "咋",
                  "哪里", "哪儿", "哪个", "哪些", "哪块", "哪", "请问", "想问", "问一下", "一下", "我家", "我们", "俺们",
                  "俺家", "咱家", "咱们", "我的", "我", "俺", "吗", "呢", "吧", "啊", "呀", "的")


YEAR = re.compile(r"([0-9]+)年度?")


def query_terms(query: str) -> list[str]:
    """A query's search terms, as the browser makes them: runs cut after a year's number and at question words,
    keeping the pieces of two or more characters, at most 8; a query of nothing but question words keeps its runs."""
    terms: list[str] = []
    plain: list[str] = []
    for piece in query.split():
        for run in runs(piece):
            plain.append(run)
            cut = YEAR.sub("\\1" + BREAK, run)  # 2025年 -> 2025: pages write dates as 2025-03-01 as often
            for word in QUESTION_WORDS:
                cut = cut.replace(word, BREAK)
            terms += [p for p in cut.split(BREAK) if len(p) >= 2] if cut != run else [run]
    return list(dict.fromkeys(terms or plain))[:8]


SCRIPT = "assets/javascripts/gk-search.js"
MARKER = b"/*gk:question-words*/[]/*gk:end*/"


def inject_question_words(theme: dict[str, bytes]) -> dict[str, bytes]:
    """The theme with QUESTION_WORDS written into gk-search.js where it holds the marker (a district's own copy
    of the script without the marker is left as it is)."""
    script = theme.get(SCRIPT)
    if script is None or MARKER not in script:
        return theme
    words = json.dumps(QUESTION_WORDS, ensure_ascii=False, separators=(",", ":")).encode()
    return {**theme, SCRIPT: script.replace(MARKER, words)}
