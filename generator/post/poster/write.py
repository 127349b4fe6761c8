"""Post-processor: the 一图读懂 posters of every standard, procedure, interpretation and project page.

For each page with a poster (`pages/posters.py`) it writes, beside the page: `poster.svg` (the phone
layout, 750 px wide), `poster-a4.svg` (the same fitted onto A4 for the notice board) and `poster.png`
(the phone layout for WeChat, which takes no SVG: the page's 保存图片 link and `og:image`). The text
is set in the shipped Noto Sans CJK SC (`font.py`): a build subsets it to the characters its posters
use, once, as `assets/fonts/gk-poster-<hash>.woff`, which the SVGs load (they fall back to the
reader's own CJK fonts when opened elsewhere); resvg reads the shipped font itself. PNGs are kept in a
file cache keyed by their SVG
(and the code, font, resvg and Pillow versions) and hard-linked into staging; only missing ones are
rendered, on every core (`parallel.fanout`). A character the font lacks is a warning (F707).
"""

from __future__ import annotations

import tempfile
from importlib import metadata
from pathlib import Path

from ...diagnostics import Diagnostic, warning
from ...pages import Page
from ...pages.links import page_url
from ...pages.posters import A4_SVG, PHONE_PNG, PHONE_SVG, Poster, poster_for
from ...parallel.fanout import fan_out
from ...parallel.work_cache import FileCache, code_version, digest
from ...rules.references import Site
from . import font, layout, raster

TASK = "generator.post.poster.raster:render"
FONT_DIR = "assets/fonts"


def _version() -> str:
    from ...pages import posters
    from ...renderer import qr

    libs = "|".join(metadata.version(name) for name in ("resvg-py", "pillow", "fonttools", "segno"))
    return code_version(layout, raster, font, posters, qr, extra=libs + font.font_digest())


def _store(files: FileCache, key: str, data: bytes) -> None:
    """Put `data` into the cache under `key`: complete or not at all."""
    target = files.path(key)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f"{key}.part")
    part.write_bytes(data)
    part.replace(target)


def _font_face(svg: str, href: str) -> str:
    face = (f'<style>@font-face{{font-family:"{font.FAMILY}";src:url("{href}") format("woff"),'
            f'local("Noto Sans CJK SC"),local("Source Han Sans SC")}}</style>')
    return svg.replace("</title>", "</title>" + face, 1)


def write_posters(site: Site, pages: tuple[Page, ...], staging: Path, cache: Path | None = None) -> list[Diagnostic]:
    found = [(page, poster) for page in pages if page.share_image
             for poster in [poster_for(site, page)] if poster is not None]
    if not found:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        files = FileCache(cache if cache is not None else Path(scratch), "posters", _version())
        diags = _write(found, staging, files)
        files.save()
    return diags


def _write(found: list[tuple[Page, Poster]], staging: Path, files: FileCache) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    chars: set[str] = set()
    svgs = []
    for page, poster in found:
        phone = layout.svg(poster)
        used = layout.characters(poster)
        chars.update(used)
        missing = font.metrics().missing(used)
        if missing:
            diags.append(warning(page.path, 0, 0, "F707", f"一图读懂中有字库没有的字：{missing}，图片中会显示为方框",
                                 "可改用常用字或写法；页面文字不受影响。"))
        svgs.append((page, poster, phone))
    text = "".join(sorted(chars))
    woff = f"gk-poster-{digest(text)[:16]}.woff"
    (staging / FONT_DIR).mkdir(parents=True, exist_ok=True)
    if not files.link(woff, staging / FONT_DIR / woff):
        _store(files, woff, font.subset(text, flavor="woff"))
        files.link(woff, staging / FONT_DIR / woff)
    todo = []
    for page, poster, phone in svgs:
        folder = staging / page_url(page.path)
        folder.mkdir(parents=True, exist_ok=True)
        href = "../" * page_url(page.path).count("/") + f"{FONT_DIR}/{woff}"
        (folder / PHONE_SVG).write_text(_font_face(phone, href), encoding="utf-8")
        (folder / A4_SVG).write_text(_font_face(layout.svg(poster, a4=True), href), encoding="utf-8")
        key = digest(phone) + ".png"
        if not files.link(key, folder / PHONE_PNG):
            todo.append((key, phone, folder / PHONE_PNG))
    rendered = fan_out(TASK, [(svg, str(font.FONT_FILE)) for _, svg, _ in todo], min_items=4) if todo else []
    for (key, _, dest), data in zip(todo, rendered, strict=True):
        _store(files, key, data)
        files.link(key, dest)
    return diags
