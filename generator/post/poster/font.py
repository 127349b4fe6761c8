"""The poster font: Noto Sans CJK SC shipped in `generator/assets/fonts/` (OFL), never a system font.

`metrics()` gives advance widths for laying text out; `subset(chars)` the font cut down to the
characters a poster (or a whole build's posters) uses, with fixed timestamps so the same characters
always give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

FONT_FILE = Path(__file__).resolve().parent.parent.parent / "assets" / "fonts" / "NotoSansCJKsc-Regular.otf"
FAMILY = "Noto Sans CJK SC"


class Metrics:
    """Advance widths in em (1.0 = the font size) of the characters the font has."""

    def __init__(self, path: Path) -> None:
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        scale = float(font["head"].unitsPerEm)
        hmtx = font["hmtx"]
        self.advance = {cp: hmtx[name][0] / scale for cp, name in font.getBestCmap().items()}

    def width(self, text: str) -> float:
        return sum(self.advance.get(ord(ch), 1.0) for ch in text)

    def missing(self, text: str) -> str:
        return "".join(sorted({ch for ch in text if ord(ch) not in self.advance and not ch.isspace()}))


@lru_cache(maxsize=1)
def metrics() -> Metrics:
    return Metrics(FONT_FILE)


@lru_cache(maxsize=1)
def font_digest() -> str:
    return hashlib.sha256(FONT_FILE.read_bytes()).hexdigest()


def subset(chars: str, source: bytes | None = None, flavor: str | None = None) -> bytes:
    """The font (or `source`, an earlier subset of it) cut down to `chars`; WOFF when flavor="woff"."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(source) if source is not None else str(FONT_FILE), recalcTimestamp=False)
    options = ft_subset.Options()
    options.layout_features = ["kern", "palt", "locl", "vert"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    sub = ft_subset.Subsetter(options)
    sub.populate(text="".join(sorted(set(chars + " "))))
    sub.subset(font)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
