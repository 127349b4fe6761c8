"""QR codes: each page's canonical URL as an SVG file (`<page dir>/qr.svg`) next to the page.

A post-processor (see `pipeline.POSTPROCESSORS`): it runs on the rendered site in the staging folder, so
the codes never depend on the renderer. The theme shows the file in the 扫码/打印 panel and on the printed
notice-board copy. `qr_symbol` builds the code offline (≈ 0.2 ms, one fixed mask); the output is
deterministic (no timestamps). Finished files are kept in the work folder's cache by URL
(`work_cache.FileCache`) and hard-linked into staging, so a warm build writes no bytes; the missing
ones are made and written on every core (`fanout`). Creating a file costs more than making its code.
"""

from __future__ import annotations

import os
import sys
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import segno

from . import qr_symbol
from .diagnostics import Diagnostic, error
from .fanout import fan_out
from .work_cache import FileCache, code_version, digest, place

if TYPE_CHECKING:  # kept light: fanout workers import this module
    from .pages import Page
    from .references import Site

FILE_NAME = "qr.svg"
BORDER = 4  # the standard quiet zone, in modules


def canonical_url(base_url: str, page: Page) -> str:
    """The page's public address: the site's base URL (with its sub-path) plus the page's directory URL."""
    return base_url.rstrip("/") + "/" + page.url


def qr_svg(url: str) -> bytes:
    """A scannable SVG: black on white with the quiet zone, sized by its viewBox; raises qr_symbol.TooLong."""
    symbol = qr_symbol.make(url.encode("utf-8"))
    side = symbol.size + 2 * BORDER
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}"><title>{escape(url)}</title>'
            f'<path fill="#fff" d="M0 0h{side}v{side}H0z"/>'
            f'<path stroke="#000" d="{qr_symbol.svg_path(symbol, BORDER)}"/></svg>').encode()


def write_svgs(jobs: list[tuple[str, str, str]]) -> list[bool]:
    """A fanout task: (url, staged file, cache file or "") -> the code written as the new staged file
    (and kept in the cache); False for a URL too long for any QR code."""
    out = []
    for url, staged, cached in jobs:
        try:
            data = qr_svg(url)
        except qr_symbol.TooLong:
            out.append(False)
            continue
        target = Path(staged)
        _write_new(target, data)
        if cached:
            try:
                place(target, Path(cached))
            except FileExistsError:
                pass
        out.append(True)
    return out


def _write_new(path: Path, data: bytes) -> None:
    """`data` as the file `path`; an existing file (which may share its inode) is replaced, never opened."""
    try:
        with open(path, "xb") as out:
            out.write(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(path, data)
    except FileExistsError:
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(data)
        os.replace(part, path)


def version() -> str:
    return code_version(sys.modules[__name__], qr_symbol, extra=f"segno {segno.__version__}")  # its tables


def write_codes(site: Site, pages: tuple[Page, ...], staged: Path, cache: Path | None = None) -> list[Diagnostic]:
    """Post-processor; `cache`: a folder where codes are kept between builds."""
    store = FileCache(cache, "qr", version()) if cache is not None else None
    jobs: list[tuple[Page, str, Path, str]] = []  # the codes to make: page, url, staged file, cache file
    for page in sorted(pages, key=lambda p: p.path):
        url, target = canonical_url(site.config.base_url, page), staged / page.url / FILE_NAME
        key = digest(url)
        if store is None:
            jobs.append((page, url, target, ""))
        elif not store.link(key, target):
            jobs.append((page, url, target, str(store.path(key))))
    if store is not None and jobs:
        store.dir.mkdir(parents=True, exist_ok=True)
    made = fan_out("generator.qr:write_svgs", [(url, str(target), kept) for _, url, target, kept in jobs])
    diags = [error(page.path, 0, 0, "B604", f"网址过长，无法生成二维码：{url}", "请缩短站点地址或内容标识（id）。")
             for (page, url, _, _), ok in zip(jobs, made, strict=True) if not ok]
    if store is not None:
        store.save()
    return diags
