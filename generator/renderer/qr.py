"""QR codes: each page's canonical URL as a QR code drawn inline in the page (no file, no request).

The theme draws the code in the 扫码/打印 panel and on the printed notice-board copy
(`overrides/partials/gk-qr.html`) through the `gk_qr` filter that `renderer/theme_hooks.py` registers
with mkdocs; `qr_symbol` builds the code offline (≈ 0.2 ms, one fixed mask) and the output is
deterministic. It used to be a `qr.svg` file next to every page: thousands of files to create on every
build, and one more request on every page view. A URL too long for any QR code is reported before the
render (`too_long`, B604).
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, error
from . import qr_symbol

if TYPE_CHECKING:
    from ..pages import Page
    from ..rules.references import Site

BORDER = 4  # the standard quiet zone, in modules


def canonical_url(base_url: str, page: Page) -> str:
    """The page's public address: the site's base URL (with its sub-path) plus the page's directory URL."""
    return base_url.rstrip("/") + "/" + page.url


@lru_cache(maxsize=8)  # the theme draws each page's code twice (panel and print copy)
def qr_parts(url: str) -> tuple[int, str]:
    """(side of the code with its quiet zone, in modules; the SVG path of its dark modules); raises
    qr_symbol.TooLong."""
    symbol = qr_symbol.make(url.encode("utf-8"))
    return symbol.size + 2 * BORDER, qr_symbol.svg_path(symbol, BORDER)


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
        try:
            qr_symbol.choose(len(url.encode("utf-8")))
        except qr_symbol.TooLong:
            diags.append(error(page.path, 0, 0, "B604", f"网址过长，无法生成二维码：{url}",
                               "请缩短站点地址或内容标识（id）。"))
    return diags
