"""Renderers: outer layers that turn emitted Markdown into HTML. Today only mkdocs-material."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .mkdocs_material import mkdocs_config, plan_theme_assets, prepare_site_dir, render, write_config
    from .qr import too_long
    from .theme_assets import ThemeAssets

__all__ = [
    "ThemeAssets", "mkdocs_config", "prepare_site_dir", "render", "plan_theme_assets", "too_long", "write_config",
]
__getattr__ = exports(__name__, {
    "mkdocs_config": ".mkdocs_material",
    "prepare_site_dir": ".mkdocs_material",
    "render": ".mkdocs_material",
    "plan_theme_assets": ".mkdocs_material",
    "write_config": ".mkdocs_material",
    "too_long": ".qr",
    "ThemeAssets": ".theme_assets",
})
