"""Renderers: outer layers that turn emitted Markdown into HTML. Today only mkdocs-material."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .mkdocs_material import mkdocs_config as mkdocs_config
    from .mkdocs_material import plan_theme_assets as plan_theme_assets
    from .mkdocs_material import prepare_site_dir as prepare_site_dir
    from .mkdocs_material import render as render
    from .mkdocs_material import write_config as write_config
    from .qr import too_long as too_long
    from .theme_assets import ThemeAssets as ThemeAssets

__all__, __getattr__ = exports(__name__, __file__)
