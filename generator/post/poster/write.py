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


# PNGs this process drew lately, by the same key as the file cache (a hit is exactly what a miss draws):
# a long-running `serve`, or a test session building copies of one project, draws each poster once.
_RECENT: dict[str, bytes] = {}
_RECENT_MAX = 512


def _remember(key: str, data: bytes) -> None:
    if len(_RECENT) >= _RECENT_MAX:
        del _RECENT[next(iter(_RECENT))]
    _RECENT[key] = data


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
        version = _version()
        files = FileCache(cache if cache is not None else Path(scratch), "posters", version)
        diags = _write(found, staging, files, version)
        files.save()
    return diags


def _write(found: list[tuple[Page, Poster]], staging: Path, files: FileCache, version: str) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    chars: set[str] = set()
    for page, poster in found:
        used = layout.characters(poster)
        chars.update(used)
        lacking = font.metrics().missing(used)
        if lacking:
            diags.append(warning(page.path, 0, 0, "F707", f"一图读懂中有字库没有的字：{lacking}，图片中会显示为方框",
                                 "可改用常用字或写法；页面文字不受影响。"))
    woff = _font_file(files, staging, "".join(sorted(chars)), version)
    todo = []
    for page, poster in found:
        folder = staging / page_url(page.path)
        folder.mkdir(parents=True, exist_ok=True)
        href = "../" * page_url(page.path).count("/") + f"{FONT_DIR}/{woff}"
        phone = layout.svg(poster)
        (folder / PHONE_SVG).write_text(_font_face(phone, href), encoding="utf-8")
        (folder / A4_SVG).write_text(_font_face(layout.svg(poster, a4=True), href), encoding="utf-8")
        key = digest(phone) + ".png"
        if not files.link(key, folder / PHONE_PNG):
            todo.append((key, phone, folder / PHONE_PNG))
    _draw(files, todo, version)
    return diags


def _font_file(files: FileCache, staging: Path, text: str, version: str) -> str:
    """The WOFF of the posters' characters in staging's assets/fonts/; returns its name."""
    woff = f"gk-poster-{digest(text)[:16]}.woff"
    (staging / FONT_DIR).mkdir(parents=True, exist_ok=True)
    if not files.link(woff, staging / FONT_DIR / woff):
        if version + woff not in _RECENT:
            _remember(version + woff, font.subset(text, flavor="woff"))
        _store(files, woff, _RECENT[version + woff])
        files.link(woff, staging / FONT_DIR / woff)
    return woff


def _draw(files: FileCache, todo: list[tuple[str, str, Path]], version: str) -> None:
    """The PNGs the file cache lacks: from this process's memory, else drawn on every core."""
    missing = [(key, svg) for key, svg, _ in todo if version + key not in _RECENT]
    drawn = fan_out(TASK, [(svg, str(font.FONT_FILE)) for _, svg in missing], min_items=4) if missing else []
    fresh = {key: data for (key, _), data in zip(missing, drawn, strict=True)}
    found = [(key, dest, fresh[key] if key in fresh else _RECENT[version + key]) for key, _, dest in todo]
    for key, dest, data in found:  # all taken before any is remembered: remembering may evict
        _remember(version + key, data)
        _store(files, key, data)
        files.link(key, dest)
