"""QR codes: each page's canonical URL as an SVG file (`<page dir>/qr.svg`) next to the page.

A post-processor (see `pipeline.POSTPROCESSORS`): it runs on the rendered site in the staging folder, so
the codes never depend on the renderer. The theme shows the file in the 扫码/打印 panel and on the printed
notice-board copy. segno builds the code offline; the output is deterministic (no timestamps).
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from .diagnostics import Diagnostic, error
from .pages import Page
from .references import Site

FILE_NAME = "qr.svg"


def canonical_url(base_url: str, page: Page) -> str:
    """The page's public address: the site's base URL (with its sub-path) plus the page's directory URL."""
    return base_url.rstrip("/") + "/" + page.url


def qr_svg(url: str) -> bytes:
    """A scannable SVG: black on white with the standard 4-module quiet zone, sized by its viewBox."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", border=4, dark="#000", light="#fff", xmldecl=False, svgns=True,
              omitsize=True, nl=False, title=url)
    return out.getvalue()


def write_codes(site: Site, pages: tuple[Page, ...], staged: Path) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for page in sorted(pages, key=lambda p: p.path):
        url = canonical_url(site.config.base_url, page)
        try:
            data = qr_svg(url)
        except segno.DataOverflowError:
            diags.append(error(page.path, 0, 0, "B604", f"网址过长，无法生成二维码：{url}",
                               "请缩短站点地址或内容标识（id）。"))
            continue
        folder = staged / page.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / FILE_NAME).write_bytes(data)
    return diags
