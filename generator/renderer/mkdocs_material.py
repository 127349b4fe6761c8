"""The mkdocs + mkdocs-material renderer: a thin adapter over finished Markdown pages.

It receives a docs folder written by the emit stage, the site settings and the navigation, writes a
generated `mkdocs.yml`, and runs `mkdocs build --strict` in-process, turning every warning mkdocs
logs into a diagnostic. Nothing in the core imports this module.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..diagnostics import Diagnostic, error
from ..model.site import SiteConfig

# Theme assets under overrides/assets/, loaded on every page. One file per feature; keep them small.
EXTRA_CSS: tuple[str, ...] = ("assets/stylesheets/gongkai.css", "assets/stylesheets/gk-a11y.css")
EXTRA_JAVASCRIPT: tuple[str, ...] = ()
# Plain-language explainers: tap-to-open glossary terms and citations; the compensation estimator.
EXTRA_CSS += ("assets/stylesheets/gk-explain.css",)
EXTRA_JAVASCRIPT += ("assets/javascripts/gk-explain.js", "assets/javascripts/gk-estimator.js")
# Projects timeline and the 公开事项对照表.
EXTRA_CSS += ("assets/stylesheets/gk-projects.css",)


def mkdocs_config(config: SiteConfig, has_sample: bool, nav: tuple[tuple[str, str], ...], docs_dir: Path,
                  site_dir: Path, overrides_dir: Path) -> dict[str, Any]:
    domain = urlsplit(config.base_url).netloc
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
                "sample_data": has_sample,
            },
        },
        "extra_css": list(EXTRA_CSS),
        "extra_javascript": list(EXTRA_JAVASCRIPT),
        "plugins": [],
        "nav": [{label: path} for label, path in nav],
        "not_in_nav": "/*/*.md\n",
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "tables",
            "admonition",
            "def_list",
        ],
        "validation": {
            "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
            "links": {"not_found": "warn", "anchors": "warn", "absolute_links": "warn", "unrecognized_links": "info"},
        },
    }


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


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


@contextmanager
def _source_date(day: dt.date) -> Iterator[None]:
    """mkdocs stamps sitemap.xml with the build date: pin it to a content date (reproducible builds),
    whatever the clock or the caller's environment says, and restore the environment afterwards."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def render(config_file: Path, source_date: dt.date) -> list[Diagnostic]:
    """Run mkdocs build on a generated config; warnings become diagnostics (B601).

    `source_date` (the latest content date) stands in for "today" wherever mkdocs writes a date."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    previous = logger.level
    logger.setLevel(logging.INFO)  # never let -q/-v style levels hide warnings (mkdocs#4126)
    diags: list[Diagnostic] = []
    try:
        cfg = load_config(config_file=str(config_file), strict=True)
        with _source_date(source_date):
            build(cfg)
    except (Abort, MkDocsException) as exc:
        if not collector.messages:
            diags.append(error("mkdocs", 0, 0, "B601", f"渲染失败：{exc}", "这是生成器或主题的问题，请联系维护人员。"))
    except Exception as exc:  # a template or plugin bug must fail the build as a diagnostic, not a traceback
        diags.append(error("mkdocs", 0, 0, "B601", f"渲染失败：{type(exc).__name__}: {exc}",
                           "这是生成器或主题的问题，请联系维护人员。"))
    finally:
        logger.removeHandler(collector)
        logger.setLevel(previous)
    for message in collector.messages:
        diags.append(error("mkdocs", 0, 0, "B601", f"渲染警告：{message}", "这是生成器或主题的问题，请联系维护人员。"))
    return diags
