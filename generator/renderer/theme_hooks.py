"""mkdocs hooks (the generated config's `hooks:`): what gongkai's theme templates call from Python.

Loaded by mkdocs itself, so a plain `mkdocs build` of the generated config renders the same pages as
gongkai's renderer does. `gk_qr` draws a URL's QR code inline (generator/renderer/qr.py).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.renderer.qr import qr_svg  # a mkdocs hook file is loaded by path: no relative imports


def gk_qr(url: str, css_class: str, size: int) -> Markup:
    """The QR code of `url` as an inline SVG image of `size` CSS pixels."""
    return Markup(qr_svg(url, f'class="{css_class}" width="{size}" height="{size}" role="img" '
                              f'aria-label="本页二维码"'))


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["gk_qr"] = gk_qr
    return env
