"""Traditional characters in simplified text (国家通用语言文字法 第九条、第十七条; RELIABILITY row 18).

Every text value of every item and of the site settings is compared with its OpenCC `t2s` conversion
(phrase-aware, so 皇后, 乾隆, 著作 stay as they are); a value that would change is a warning (H406) at its
line naming the characters (補→补). Only values holding a character that `t2s` changes on its own are
converted, so ordinary text costs one regex search.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, warning
from ..model import CONTENT_TYPES
from .references import Site


@functools.cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@functools.cache
def _candidates() -> re.Pattern[str]:
    """Every CJK character (basic block and extension A) that t2s changes when it stands alone."""
    chars = [chr(c) for c in range(0x3400, 0xA000)]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = [c for c, o in zip(chars, converted, strict=False) if c != o] if len(converted) == len(chars) else chars
    return re.compile("[" + "".join(changed) + "]")


def strings(value: object, loc: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], str]]:
    """(field path, text) of every string in a model, its lists and nested models."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from strings(item, (*loc, i))
    elif isinstance(value, str):
        yield loc, value


def traditional_chars(text: str) -> list[str]:
    """`繁→简` for each character of `text` that t2s changes, in order, without repeats."""
    if not _candidates().search(text):
        return []
    converted = _converter().convert(text)
    if converted == text:
        return []
    if len(converted) != len(text):
        return [f"{text[:20]}→{converted[:20]}"]
    return list(dict.fromkeys(f"{a}→{b}" for a, b in zip(text, converted, strict=True) if a != b))


def traditional_diagnostics(site: Site) -> list[Diagnostic]:
    diags = []
    for loc, text in strings(site.config):
        found = traditional_chars(text)
        if found:
            diags.append(_warn("site_config.yml", 0, 0, ".".join(map(str, loc)), found))
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            for loc, text in strings(item):
                found = traditional_chars(text)
                if found:
                    pos = site.located[(ctype.key, item.id)].pos(*loc)
                    diags.append(_warn(pos.path, pos.line, pos.column, ".".join(map(str, loc)), found))
    return diags


def _warn(path: str, line: int, column: int, field: str, found: list[str]) -> Diagnostic:
    return warning(path, line, column, "H406", f"{field} 中有繁体字：{'、'.join(found[:6])}",
                   "政府网站应使用规范汉字（国家通用语言文字法 第九条）；请改为简体字。引用的原文确为繁体时，请注明出处后改为简体。")
