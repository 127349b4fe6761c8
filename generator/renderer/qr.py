"""QR codes: each page's canonical URL as a QR code drawn inline in the page (no file, no request).

The theme draws the code in the 扫码/打印 panel and on the printed notice-board copy
(`overrides/partials/gk-qr.html`) through the `gk_qr` filter that `renderer/theme_hooks.py` registers
with mkdocs; segno builds the code offline with one fixed mask (`mask=MASK` skips segno's search for
the best of eight, ≈ 5 ms a code; every mask gives a valid code), and `svg_path` draws its dark modules
as one stroke path (segno's own SVG writer takes ≈ 2 ms a code, this ≈ 0.08 ms). The output is
deterministic. It used to be a `qr.svg` file next to every page: thousands of files to create on every
build, and one more request on every page view. A URL too long for any QR code is reported before the
render (`too_long`, B604).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, cast

import segno
from segno import consts

from ..diagnostics import Diagnostic, error

if TYPE_CHECKING:
    from ..pages import Page
    from ..rules.references import Site

BORDER = 4  # the standard quiet zone, in modules
MASK = 2  # the mask segno chose most often for this site's URLs; any of the eight is valid
# The longest address a code holds: byte mode at level M in version 40 (4 bits of mode, 16 of length).
MAX_BYTES = (cast("dict[int, dict[int, int]]", consts.SYMBOL_CAPACITY)[40][consts.ERROR_LEVEL_M] - 4 - 16) // 8


def canonical_url(base_url: str, page: Page) -> str:
    """The page's public address: the site's base URL (with its sub-path) plus the page's directory URL."""
    return base_url.rstrip("/") + "/" + page.url


@lru_cache(maxsize=8)  # the theme draws each page's code twice (panel and print copy)
def qr_parts(url: str) -> tuple[int, str]:
    """(side of the code with its quiet zone, in modules; the SVG path of its dark modules): the smallest
    version holding the URL (UTF-8, byte mode) at level M, the level raised while it still fits."""
    code = segno.make(url.encode("utf-8"), error="m", boost_error=True, mask=MASK, micro=False, mode="byte")
    size = len(code.matrix)
    return size + 2 * BORDER, svg_path(size, b"".join(code.matrix), BORDER)


_RUNS = re.compile(rb"(\x00*)(\x01+)")  # light modules before a run of dark ones


class _Moves(dict[tuple[bytes, bytes], str]):
    """(light run, dark run) -> "m<light> 0h<dark>": a line after a gap, made once per pair of lengths."""

    def __missing__(self, key: tuple[bytes, bytes]) -> str:
        self[key] = f"m{len(key[0])} 0h{len(key[1])}"
        return self[key]


_MOVES = _Moves()


def svg_path(size: int, modules: bytes, border: int) -> str:
    """A stroke path drawing each row's runs of dark modules (`modules`: row after row, 1 = dark) as
    lines of width 1, a row's runs found by one `findall`."""
    parts = []
    for y in range(size):
        runs = _RUNS.findall(modules, y * size, (y + 1) * size)
        if runs:
            light, dark = runs[0]
            parts.append(f"M{len(light) + border} {y + border}.5h{len(dark)}")
            parts.extend(map(_MOVES.__getitem__, runs[1:]))
    return "".join(parts)


def qr_svg(url: str, attributes: str = "") -> str:
    """A scannable SVG element: black on white with the quiet zone, sized by its viewBox."""
    side, path = qr_parts(url)
    extra = f" {attributes}" if attributes else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}"{extra}><title>{escape(url)}</title>'
            f'<path fill="#fff" d="M0 0h{side}v{side}H0z"/><path stroke="#000" d="{path}"/></svg>')


def too_long(site: Site, pages: tuple[Page, ...]) -> list[Diagnostic]:
    """B604 for every page whose address no QR code can hold."""
    diags = []
    for page in pages:
        url = canonical_url(site.config.base_url, page)
        if len(url.encode("utf-8")) > MAX_BYTES:
            diags.append(error(page.path, 0, 0, "B604", f"网址过长，无法生成二维码：{url}",
                               "请缩短站点地址或内容标识（id）。"))
    return diags
