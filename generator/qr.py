"""QR codes: each page's canonical URL as an SVG file (`<page dir>/qr.svg`) next to the page.

A post-processor (see `pipeline.POSTPROCESSORS`): it runs on the rendered site in the staging folder, so
the codes never depend on the renderer. The theme shows the file in the 扫码/打印 panel and on the printed
notice-board copy. segno builds the code offline; the output is deterministic (no timestamps).
Choosing a code's mask costs ≈ 5 ms, so codes are kept in the work folder's cache by URL
(`work_cache`) and the missing ones are made on every core (`fanout`).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import segno

from .diagnostics import Diagnostic, error
from .fanout import fan_out
from .work_cache import WorkCache, code_version, digest

if TYPE_CHECKING:  # kept light: fanout workers import this module
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


def qr_svgs(urls: list[str]) -> list[bytes | None]:
    """A fanout task: each URL's code, None for a URL too long for any QR code."""
    out: list[bytes | None] = []
    for url in urls:
        try:
            out.append(qr_svg(url))
        except segno.DataOverflowError:
            out.append(None)
    return out


def codes(urls: list[str], cache: WorkCache) -> dict[str, bytes | None]:
    found = {url: cache.get(digest(url)) for url in urls}
    missing = [url for url, data in found.items() if data is None]
    for url, data in zip(missing, fan_out("generator.qr:qr_svgs", missing), strict=True):
        found[url] = data
        if data is not None:
            cache.put(digest(url), data)
    return found


def write_codes(site: Site, pages: tuple[Page, ...], staged: Path, cache: Path | None = None) -> list[Diagnostic]:
    """Post-processor; `cache`: a folder where codes are kept between builds."""
    store = WorkCache(cache, "qr", code_version(sys.modules[__name__], extra=segno.__version__))
    ordered = sorted(pages, key=lambda p: p.path)
    made = codes([canonical_url(site.config.base_url, page) for page in ordered], store)
    diags: list[Diagnostic] = []
    for page in ordered:
        url = canonical_url(site.config.base_url, page)
        data = made[url]
        if data is None:
            diags.append(error(page.path, 0, 0, "B604", f"网址过长，无法生成二维码：{url}",
                               "请缩短站点地址或内容标识（id）。"))
            continue
        folder = staged / page.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / FILE_NAME).write_bytes(data)
    store.save()
    return diags
