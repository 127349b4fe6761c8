"""Theme assets settled before rendering: one stylesheet bundle and content-hashed file names.

Material's own stylesheet enters the bundle without the components gongkai never renders (`css_prune`).

Every feature adds its own small CSS file (`EXTRA_CSS`), and Material's is one more; on a phone on a
150 ms network each file costs a request before the first paint. So the blocking stylesheets (Material's
main stylesheet, then `EXTRA_CSS` in order: the cascade is unchanged) are concatenated into one file,
`assets/stylesheets/gk-bundle.<hash>.css`. Every other unhashed theme asset directly under
`assets/stylesheets`, `assets/javascripts` and `assets/images` gets a copy named `<name>.<hash8><ext>`,
so servers may cache it for a year (docs/nginx.conf); the original stays for scripts that build an asset
URL themselves.

All of this is known from the theme files alone, so it is decided before the render: the extra files are
written into the work folder's theme, and the generated config and templates name the final files
(`config.extra.gongkai.assets[<original path>]`). No rendered page is rewritten afterwards, which keeps
the renderer's cached pages valid as they are (they are linked, not copied, into the staging folder).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files as package_files

from .css_prune import prune

# Material's main stylesheet for the pinned mkdocs-material 9.8.2; tests/test_subpath.py fails if the
# installed Material no longer ships it.
MATERIAL_CSS = "assets/stylesheets/main.57a0d79d.min.css"
FOLDERS = ("assets/stylesheets", "assets/javascripts", "assets/images")
KINDS = frozenset({".css", ".js", ".png", ".jpg", ".svg", ".webp", ".ico"})
HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.[a-z0-9]+$")
CHARSET = re.compile(r'@charset "[^"]*";')
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


@dataclass(frozen=True)
class ThemeAssets:
    files: dict[str, bytes]  # extra files to add to the theme: the bundle and the hashed copies
    names: dict[str, str]  # original theme path -> the path pages link to
    bundle: str  # the stylesheet bundle's path


def material_file(path: str) -> bytes:
    return package_files("material").joinpath("templates", *path.split("/")).read_bytes()


def _hash8(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:8]


def bundle_text(stylesheets: Sequence[tuple[str, bytes]]) -> bytes:
    parts = ['@charset "UTF-8";']
    for path, data in stylesheets:
        css = data.decode("utf-8")
        parts.append(f"/* {posixpath.basename(path)} */\n" + SOURCE_MAP.sub("", CHARSET.sub("", css)).strip())
    return ("\n".join(parts) + "\n").encode("utf-8")


def hashed_copies(theme: Mapping[str, bytes]) -> dict[str, str]:
    """Original -> hashed path of every unhashed asset directly under FOLDERS."""
    names: dict[str, str] = {}
    for path, data in sorted(theme.items()):
        folder, name = posixpath.split(path)
        stem, ext = posixpath.splitext(name)
        if folder in FOLDERS and ext in KINDS and not HASHED.search(name):
            names[path] = f"{folder}/{stem}.{_hash8(data)}{ext}"
    return names


def plan(theme: Mapping[str, bytes], extra_css: Sequence[str]) -> ThemeAssets:
    """The bundle of Material's stylesheet plus `extra_css` (theme paths), and hashed names for the rest."""
    material = prune(material_file(MATERIAL_CSS).decode("utf-8")).encode("utf-8")
    stylesheets = [(MATERIAL_CSS, material)] + [(path, theme[path]) for path in extra_css]
    bundle = bundle_text(stylesheets)
    bundle_path = f"assets/stylesheets/gk-bundle.{_hash8(bundle)}.css"
    names = hashed_copies(theme)
    files = {new: theme[old] for old, new in names.items()}
    files[bundle_path] = bundle
    return ThemeAssets(files, names, bundle_path)
