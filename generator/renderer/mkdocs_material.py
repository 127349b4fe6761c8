"""The mkdocs + mkdocs-material renderer: a thin adapter over finished Markdown pages.

It receives a docs folder written by the emit stage, the site settings and the navigation, writes a
generated `mkdocs.yml`, and runs `mkdocs build --strict` in-process (in parallel shards, and only
for changed pages: `parallel.py`, `mkdocs_run.py`, `render_cache.py`), turning every warning mkdocs
logs into a diagnostic. Nothing in the core imports this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..diagnostics import Diagnostic
from ..model.markup import PAGE_EXTENSIONS
from ..model.site import SiteConfig
from .theme_assets import ThemeAssets
from .theme_assets import plan as plan_assets

# Theme assets under overrides/assets/, loaded on every page. One file per feature; keep them small.
EXTRA_CSS: tuple[str, ...] = ("assets/stylesheets/gongkai.css", "assets/stylesheets/gk-a11y.css",
                             "assets/stylesheets/gk-search.css")
EXTRA_JAVASCRIPT: tuple[str, ...] = ()
# Plain-language explainers: tap-to-open glossary terms and citations; the compensation estimator.
EXTRA_CSS += ("assets/stylesheets/gk-explain.css",)
EXTRA_JAVASCRIPT += ("assets/javascripts/gk-explain.js", "assets/javascripts/gk-estimator.js")
# Scripts only pages of one kind (front matter `kind`) load: the estimator's 5 KB (gzip) would otherwise
# count against the page budget of every page (scripts/bench_pages.py).
PAGE_KIND_JAVASCRIPT = {"assets/javascripts/gk-estimator.js": "estimator"}
# Projects timeline and the 公开事项对照表.
EXTRA_CSS += ("assets/stylesheets/gk-projects.css",)
# Onward links and whom to ask, at the end of every page (issue 11).
EXTRA_CSS += ("assets/stylesheets/gk-onward.css",)
# Every table: stacked cards on a phone and in 大字 mode (issue 11; cells labelled by emit/tables.py).
EXTRA_CSS += ("assets/stylesheets/gk-tables.css",)


def plan_theme_assets(theme: dict[str, bytes]) -> ThemeAssets:
    """The stylesheet bundle and hashed asset names for these theme files (see `theme_assets`)."""
    return plan_assets(theme, EXTRA_CSS)


def mkdocs_config(config: SiteConfig, has_sample: bool, nav: tuple[tuple[str, str], ...], docs_dir: Path,
                  site_dir: Path, overrides_dir: Path, assets: ThemeAssets,
                  ask: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The mkdocs configuration; `ask` is whom the footer of every page says to ask (pages.footer_ask)."""
    domain = urlsplit(config.base_url).netloc
    names = assets.names
    return {
        "site_name": config.short_name,
        "site_url": config.base_url,
        "site_description": config.description,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "strict": True,
        "theme": {
            "name": "material",
            "custom_dir": str(overrides_dir),
            "language": "zh-CN",
            "font": False,
            "features": [],
            "palette": {"scheme": "default", "primary": "blue", "accent": "blue"},
            "favicon": names.get("assets/images/favicon.png", "assets/images/favicon.png"),
        },
        "extra": {
            "generator": False,
            "gongkai": {
                "name": config.name,
                "short_name": config.short_name,
                "domain": domain,
                "sponsor": config.sponsor,
                "organiser": config.organiser or "",
                "site_id_code": config.site_id_code or "",
                "icp_no": config.icp_no or "",
                "psb_no": config.psb_no or "",
                "error_report_url": config.error_report_url or "",
                "parent_portal_url": config.parent_portal_url or "",
                "contacts": [{"label": c.label, "value": c.value} for c in config.contacts],
                "ask": dict(ask) if ask else {},
                "sample_data": has_sample,
                "assets": dict(sorted(names.items())),
                "page_scripts": {names.get(path, path): kind for path, kind in sorted(PAGE_KIND_JAVASCRIPT.items())},
            },
        },
        "extra_css": [assets.bundle],
        "extra_javascript": [names.get(path, path) for path in EXTRA_JAVASCRIPT],
        "plugins": [],
        "hooks": [str(Path(__file__).with_name("theme_hooks.py"))],
        "nav": [{label: path} for label, path in nav],
        "not_in_nav": "/*/*.md\n/*/*/*.md\n",  # leaves, and earlier versions of a standard (standards/<id>/<date>.md)
        "markdown_extensions": list(PAGE_EXTENSIONS),  # the editor-text check renders with the same list
        "validation": {
            "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
            "links": {"not_found": "warn", "anchors": "warn", "absolute_links": "warn", "unrecognized_links": "info"},
        },
    }


def write_config(config: dict[str, Any], path: Path) -> None:
    extensions = config["markdown_extensions"]
    rest = {k: v for k, v in config.items() if k != "markdown_extensions"}
    text = yaml.safe_dump(rest, allow_unicode=True, sort_keys=True)
    text += yaml.safe_dump({"markdown_extensions": extensions}, allow_unicode=True)
    # Unicode heading ids (default slugify drops Han characters and gives positional `_1` ids). The
    # slugify function must be a python tag, which safe_dump cannot write; mkdocs' own loader reads it.
    text += ("- toc:\n    permalink: false\n    slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
             "      kwds: {case: lower}\n")
    path.write_text(text, encoding="utf-8")


def prepare_site_dir(work: Path, site_dir: Path) -> Any:
    """Start making, in the background, the folders the render will fill in `site_dir` (a new staging
    folder); pass the handle to `render`, which waits for it."""
    from .parallel import CACHE_DIR
    from .parallel import prepare_site_dir as prepare

    return prepare(work / CACHE_DIR, site_dir)


def render(config_file: Path, source_date: dt.date, jobs: int | None = None, skeleton: Any = None) -> list[Diagnostic]:
    """Run mkdocs build on a generated config into its site_dir; warnings become diagnostics (B601).

    `source_date` (the latest content date) stands in for "today" wherever mkdocs writes a date.
    Pages are rendered on `jobs` processes (default: every core), and only the pages whose Markdown
    changed since the last render are rendered again (see `parallel` and `render_cache`)."""
    from .parallel import render_site

    return render_site(config_file, source_date, jobs, skeleton=skeleton)
