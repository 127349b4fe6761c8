"""One in-process `mkdocs build` of a generated config, rendering all pages or only some of them.

Rendering a subset is how the renderer works in parallel and incrementally: every run sees the whole
docs folder (so the navigation, the sitemap and every page's context are exactly those of a full
build) but writes only the pages it is given. It uses mkdocs' public plugin events only:

- `on_files`: pages outside the subset are marked excluded, so mkdocs neither reads nor writes them;
  in a run without assets, theme and media files are excluded too (another run copies them);
- `on_template_context`: the sitemap still lists every page;
- `on_post_template`: a run without templates writes no sitemap or 404 page;
- `on_env`: `gk_memo`, so the theme renders the navigation once per depth for leaf pages;
- `on_page_markdown` / `on_page_content`: gongkai's own HTML skips Markdown (`html_stash`), and a page
  left with only simple forms skips it altogether (`simple_markdown`);
- `on_post_page`: records which page was written to which file.

Every warning mkdocs logs becomes a B601 diagnostic (our --strict).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, error
from . import html_stash, simple_markdown

HINT = "这是生成器或主题的问题，请联系维护人员。"


@dataclass(frozen=True)
class Run:
    """What one mkdocs run renders: page sources (docs-relative; None = all), whether it copies the
    theme assets and media files, and whether it writes the site-wide templates (sitemap, 404 page)."""

    config_file: str
    site_dir: str
    source_date: dt.date
    pages: frozenset[str] | None = None
    assets: bool = True
    templates: bool = True
    bytecode_dir: str = ""  # where compiled templates are kept between runs ("" = nowhere)


@dataclass
class RunResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[tuple[str, str]] = field(default_factory=list)  # (page source, site-relative file written)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def source_date_epoch(day: dt.date) -> Iterator[None]:
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


def _subset_plugin(run: Run, result: RunResult) -> Any:
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    class SubsetPlugin(BasePlugin):  # type: ignore[type-arg]
        def __init__(self) -> None:
            super().__init__()
            self.stashed: dict[str, list[str]] = {}
            self.simple: dict[str, tuple[str, list[dict[str, Any]]]] = {}
            self.slugify: Any = None
            self.memos: dict[tuple[str, str], Any] = {}

        def on_config(self, config: Any) -> Any:
            if not run.templates:  # no sitemap or 404 page to write: do not render them at all
                config.theme.static_templates.clear()
            self.slugify = (config.mdx_configs.get("toc") or {}).get("slugify")  # heading ids, as Markdown's
            return config

        def on_files(self, files: Any, config: Any) -> Any:
            self.docs = [f for f in files if f.is_documentation_page() and f.inclusion.is_included()]
            for f in files:
                if f.is_documentation_page():
                    if run.pages is not None and f.src_uri not in run.pages:
                        f.inclusion = InclusionLevel.EXCLUDED
                elif not run.assets:
                    f.inclusion = InclusionLevel.EXCLUDED
            return files

        def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
            if template_name == "sitemap.xml" and run.pages is not None:
                for f in self.docs:
                    if f.page is None:
                        Page(None, f, config)
                context["pages"] = self.docs
            return context

        def on_post_template(self, output: str, template_name: str, config: Any) -> str:
            return output if run.templates else ""

        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            env.globals["gk_memo"] = self.memo
            if run.bytecode_dir:  # compiled theme templates kept between runs (keyed by their source)
                from jinja2 import FileSystemBytecodeCache

                os.makedirs(run.bytecode_dir, exist_ok=True)
                env.bytecode_cache = FileSystemBytecodeCache(run.bytecode_dir)
            return env

        def memo(self, name: str, key: str, caller: Any) -> Any:
            """Template output the same for every page with the same key (`{% call gk_memo(...) %}`)."""
            if (name, key) not in self.memos:
                self.memos[name, key] = caller()
            return self.memos[name, key]

        def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
            text, self.stashed[page.file.src_uri] = html_stash.stash(markdown)
            simple = simple_markdown.convert(text, self.slugify) if self.slugify is not None else None
            if simple is None:
                return text
            self.simple[page.file.src_uri] = simple  # Markdown gets nothing to do (simple_markdown)
            return ""

        def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
            from mkdocs.structure.toc import get_toc

            pieces = self.stashed.pop(page.file.src_uri, [])
            simple = self.simple.pop(page.file.src_uri, None)
            if simple is not None:
                html, tokens = simple
                page.toc = get_toc(tokens)  # type: ignore[arg-type]  # the toc extension's token dicts
            restored = html_stash.restore(html, pieces)
            if page.present_anchor_ids is not None:
                page.present_anchor_ids |= html_stash.anchor_ids([restored] if simple else pieces)
            return restored

        def on_post_page(self, output: str, page: Any, config: Any) -> str:
            result.written.append((page.file.src_uri, page.file.dest_uri))
            return output

    return SubsetPlugin()


def render_run(run: Run) -> RunResult:
    """Run mkdocs build for one Run; never raises for a build problem (it becomes a diagnostic)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    result = RunResult()
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    previous = logger.level
    logger.setLevel(logging.INFO)  # never let -q/-v style levels hide warnings (mkdocs#4126)
    try:
        cfg = load_config(config_file=run.config_file, site_dir=run.site_dir, strict=True)
        cfg.plugins["gongkai-subset"] = _subset_plugin(run, result)
        with source_date_epoch(run.source_date):
            build(cfg)
    except (Abort, MkDocsException) as exc:
        if not collector.messages:
            result.diagnostics.append(error("mkdocs", 0, 0, "B601", f"渲染失败：{exc}", HINT))
    except Exception as exc:  # a template or plugin bug must fail the build as a diagnostic, not a traceback
        result.diagnostics.append(error("mkdocs", 0, 0, "B601", f"渲染失败：{type(exc).__name__}: {exc}", HINT))
    finally:
        logger.removeHandler(collector)
        logger.setLevel(previous)
    for message in collector.messages:
        result.diagnostics.append(error("mkdocs", 0, 0, "B601", f"渲染警告：{message}", HINT))
    return result

