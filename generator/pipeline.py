"""The pipeline, read top to bottom: load -> validate -> resolve -> derive -> emit -> render ->
post-process -> check -> publish.

Each stage takes an immutable value and returns one plus diagnostics. Only emit (Markdown into the
work folder) and publish (the atomic swap) touch the disk; nothing replaces the published site
unless every stage reported no error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .codes import MANDATORY
from .diagnostics import Diagnostic, error, has_errors, mandatory_as_errors
from .emit import cached_markdown, render_pages, write_tree
from .estimate import check_examples, typed_input
from .load import Content, drop_followups, load_content, read_attachments
from .pages import (
    NAV,
    Page,
    best_bet_diagnostics,
    derive_pages,
    explain_terms,
    footer_ask,
    link_contacts,
    onward_diagnostics,
)
from .parallel import Work, fan_out
from .post import (
    check_lock,
    check_site,
    expiry_diagnostics,
    inject_question_words,
    keep_figures,
    plan_redirects,
    previous_site_figures,
    published_figures,
    search_index,
    write_attachments,
    write_city_part,
    write_feed,
    write_manifest,
    write_open_data,
    write_posters,
    write_redirects,
    write_security_txt,
)
from .publish import discard, replaceable, staging, swap, write_failure
from .renderer import (
    ThemeAssets,
    mkdocs_config,
    plan_theme_assets,
    prepare_site_dir,
    render,
    too_long,
    write_config,
)
from .rules import (
    Site,
    basis_diagnostics,
    compliance_diagnostics,
    freshness_diagnostics,
    help_diagnostics,
    internal_notes,
    missing_procedures,
    period_diagnostics,
    place_diagnostics,
    plain_language_diagnostics,
    production_rules,
    resolve,
    sample_claims,
    stale_summaries,
    step_period_diagnostics,
    summary_diagnostics,
    traditional_diagnostics,
    unknown_national_reviews,
    unlinked_asks,
    unrecorded_changes,
)

WORK_DIR = ".gongkai-build"

# Post-processors run on the rendered HTML in the staging folder, before the site checks and the
# swap: (site, pages, staging dir) -> diagnostics. Register new ones here, in order.
PostProcessor = Callable[[Site, tuple[Page, ...], Path], list[Diagnostic]]
# A post-processor only adds files: a rendered page in staging may be linked to the render cache, so
# it is never rewritten (asset names are settled before the render: renderer/theme_assets.py).
POSTPROCESSORS: tuple[PostProcessor, ...] = (write_feed, write_open_data, write_attachments, write_posters, write_redirects,
                                              write_security_txt, search_index)
# Post-processors that keep per-page results between builds take `cache=`: their folder in the work folder.
CACHE_DIR = "cache"
CACHING: frozenset[Callable[..., list[Diagnostic]]] = frozenset({search_index, write_posters})
DEFAULT_OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


def theme_files(root: Path) -> dict[str, bytes]:
    """gongkai's default theme overrides with the project's own overrides laid on top, so a district
    can replace one partial or stylesheet without copying the rest."""
    files: dict[str, bytes] = {}
    for layer in (DEFAULT_OVERRIDES, root / "overrides"):
        if layer.is_dir():
            for path in sorted(layer.rglob("*")):
                if path.is_file():
                    files[path.relative_to(layer).as_posix()] = path.read_bytes()
    # the estimator's rules for typed quantities and the search's question words, from Python
    return inject_question_words(typed_input.inject(files))


@dataclass(frozen=True)
class BuildResult:
    published: bool
    diagnostics: list[Diagnostic]
    page_count: int = 0


def analyse(root: Path, production: bool = False,
            today: dt.date | None = None) -> tuple[Site | None, list[Diagnostic]]:
    """Load, validate and resolve a site project; every diagnostic is collected. Freshness (review
    dates, land price age) is judged only when the caller says what day it is."""
    loaded, load_diags = load_content(root, root / WORK_DIR / CACHE_DIR)  # files checked before: from the cache
    site, diags = analyse_content(loaded, load_diags, production, today)
    if site is None:
        return site, diags
    keys = [("projects", p.id) for p in site.of("projects")]
    files, more = read_attachments(root, [site.located[k] for k in keys if k in site.located])
    return dataclasses.replace(site, files=files), diags + more


def analyse_content(loaded: Content | None, load_diags: list[Diagnostic], production: bool = False,
                    today: dt.date | None = None) -> tuple[Site | None, list[Diagnostic]]:
    """`analyse` after the load: resolve and every rule, on content already in memory (also what the
    fuzz test drives, tests/test_fuzz.py)."""
    if loaded is None:
        return None, load_diags
    site, diags = resolve(loaded)
    diags += check_examples(site) + plain_language_diagnostics(site) + basis_diagnostics(site, production)
    diags += compliance_diagnostics(site) + sample_claims(site) + place_diagnostics(site)
    diags += period_diagnostics(site) + unknown_national_reviews(site) + step_period_diagnostics(site)
    diags += summary_diagnostics(site) + traditional_diagnostics(site)
    if not has_errors(load_diags + diags):
        diags += missing_procedures(site) + help_diagnostics(site)
    if production:
        diags += production_rules(site)
    if today is not None:
        diags += freshness_diagnostics(site, today) + expiry_diagnostics(site, today) + stale_summaries(site, today)
    # items with a fault were repaired to take part in every check (load/salvage.py): what they find on
    # a line already reported is that same fault again
    found = load_diags + drop_followups(load_diags, diags)
    return site, mandatory_as_errors(found, MANDATORY) if production else found


def url_diagnostics(root: Path, site: Site, pages: tuple[Page, ...], production: bool) -> list[Diagnostic]:
    """Old ids redirect (former_ids), no URL listed in urls.lock vanishes (generator/post/redirects.py), and
    every URL fits a QR code (generator/renderer/qr.py)."""
    redirects, diags = plan_redirects(site, pages)
    diags += onward_diagnostics(site, pages)  # every explaining page leads somewhere (issue 11)
    diags += best_bet_diagnostics(site, pages)  # best bets pin pages that exist
    return diags + check_lock(root, pages, redirects, production) + too_long(site, pages)


def history_diagnostics(root: Path, site: Site, previous: Path | None = None) -> list[Diagnostic]:
    """B620: a figure the last published build showed has changed without its old value in `versions`
    (generator/rules/figure_history.py). The published figures are those of `previous`, a copy of the
    published site (CI: a fresh checkout has no work folder), else those kept in the work folder."""
    if previous is None:
        return unrecorded_changes(site, published_figures(root / WORK_DIR))
    rows = previous_site_figures(previous)
    if rows is None:
        return [error(str(previous), 0, 0, "P510", f"--previous 指定的 {previous} 中没有上次发布的金额"
                      f"（data/compensation-items.json、compensation-zones.json）",
                      "--previous 要指向上次发布的站点（正在对外发布的那一份：它的根目录下有 data/）；"
                      "站点第一次发布时还没有，去掉 --previous。")]
    return unrecorded_changes(site, rows)


def check(root: Path, production: bool = False, today: dt.date | None = None,
          previous: Path | None = None) -> list[Diagnostic]:
    site, diags = analyse(root, production, today)
    if site is not None and not has_errors(diags):
        diags += history_diagnostics(root, site, previous)
        diags += url_diagnostics(root, site, derive_pages(site), production)
    return diags


def markdown_files(site: Site, pages: tuple[Page, ...], cache: Path | None = None) -> dict[str, str]:
    """The Markdown of every page, glossary terms explained inline (what emit writes, what golden tests
    read); with a `cache` folder, only pages whose Page value changed since the last build are rendered,
    on every core in forked children when there are many (generator/parallel/fanout.py)."""
    def batch(todo: Sequence[Page]) -> list[str]:
        files = explain_terms(site, link_contacts(site, render_pages(tuple(todo))))
        return [files[page.path] for page in todo]

    def make(todo: tuple[Page, ...]) -> dict[str, str]:
        return dict(zip((page.path for page in todo), fan_out(batch, todo, work=Work.IN_MEMORY), strict=True))

    return cached_markdown(site, pages, cache, make)


def write_theme(root: Path, work: Path) -> ThemeAssets:
    """The theme (defaults + project overrides) plus its stylesheet bundle and hashed asset copies."""
    theme = theme_files(root)
    assets = plan_theme_assets(theme)
    write_tree({**theme, **assets.files}, work / "overrides")
    return assets


def emit(site: Site, root: Path, work: Path) -> tuple[tuple[Page, ...], ThemeAssets, list[Diagnostic]]:
    """Pages, theme assets, B631 for any editors' note that reached a page's Markdown and B635 for a
    向…咨询 sentence left without a link."""
    pages = derive_pages(site)
    files = markdown_files(site, pages, work / CACHE_DIR)
    write_tree(files, work / "docs")
    notes = internal_notes(files, {i for ids in site.by_id.values() for i in ids})
    return pages, write_theme(root, work), notes + unlinked_asks(files)


def _cache_for(post: PostProcessor, work: Path) -> dict[str, Path]:
    return {"cache": work / CACHE_DIR} if inspect.unwrap(post) in CACHING else {}


def out_diagnostics(root: Path, out: Path, cache: Path | None = None) -> list[Diagnostic]:
    """B605 when publishing into `out` would delete something gongkai did not publish there."""
    found = replaceable(root, out, cache)
    if found is None:
        return []
    entry, reason = found
    what = f"其中的“{entry}”{reason}" if entry else reason
    return [error(str(out / entry), 0, 0, "B605", f"输出目录 {out} 不能被替换：{what}；为免删掉文件，构建不会覆盖这个目录",
                  "gongkai 只替换它自己发布过、且未被改动的站点（根目录有发布清单 SHA256SUMS）。请用 --out 指定一个新的"
                  "或空的目录；若这是旧版 gongkai 生成的站点，请先自行删除或改名。")]


Fill = Callable[[Path], tuple[list[Diagnostic], bool]]  # staging folder -> diagnostics, whether it was filled


def publish_staged(root: Path, out: Path, fill: Fill, strict: bool, cache: Path | None,
                   check: bool = True) -> tuple[bool, list[Diagnostic]]:
    """The publishing sequence every build shares (a district's site, a city's): `fill` a staging folder
    beside `out`, check the site (`check`: a city's districts were each checked by their own build, and
    a district's 404 page links absolutely), write its upload manifest, then swap it in, or discard it
    when it was not filled or on any error (any warning under `strict`)."""
    try:
        staged = staging(out)
    except OSError as exc:  # a read-only or full parent folder
        return False, [write_failure(exc, out)]
    diags: list[Diagnostic] = []
    try:
        diags, filled = fill(staged)
        if not filled:
            discard(staged)
            return False, diags
        if check and not has_errors(diags):
            diags += check_site(staged, cache)
        if not has_errors(diags, strict):
            write_manifest(staged, cache)
            diags += out_diagnostics(root, out, cache)  # again: the folder may have changed meanwhile
        if has_errors(diags, strict):
            discard(staged)
            return False, diags
        swap(staged, out)
    except OSError as exc:  # a full disk, a folder made read-only: a diagnostic, the site untouched
        with contextlib.suppress(OSError):
            discard(staged)
        return False, diags + [write_failure(exc, out)]
    except BaseException:
        discard(staged)
        raise
    return True, diags


def _build(root: Path, out: Path, production: bool, strict: bool, today: dt.date | None,
           jobs: int | None, city_part: bool = False, previous: Path | None = None) -> BuildResult:
    site, diags = analyse(root, production, today)
    gc.freeze()  # the loaded site lives until the end: later collections need not walk it again and again
    diags += out_diagnostics(root, out, root / WORK_DIR / CACHE_DIR)
    if site is not None and not has_errors(diags):
        diags += history_diagnostics(root, site, previous)
    if site is None or has_errors(diags, strict):
        return BuildResult(False, diags)
    work = root / WORK_DIR
    pages: tuple[Page, ...] = ()

    def fill(staged: Path) -> tuple[list[Diagnostic], bool]:
        nonlocal pages
        skeleton = prepare_site_dir(work, staged)  # the page folders, while emit runs
        try:
            pages, assets, notes = emit(site, root, work)
            more = notes + url_diagnostics(root, site, pages, production)
            if has_errors(diags + more, strict):
                return more, False
            config = mkdocs_config(site.config, site.has_sample, NAV, (work / "docs").resolve(), staged,
                                   (work / "overrides").resolve(), assets, ask=footer_ask(site))
            write_config(config, work / "mkdocs.yml")
            more += render(work / "mkdocs.yml", max(p.updated for p in pages), jobs, skeleton)
            for post in POSTPROCESSORS + ((write_city_part,) if city_part else ()):
                if has_errors(more):
                    break
                more += post(site, pages, staged, **_cache_for(post, work))
            return more, True
        finally:
            skeleton.join()

    published, more = publish_staged(root, out, fill, strict, work / CACHE_DIR)
    if published:
        keep_figures(site, work)  # what the next build compares its figures with (B620)
    return BuildResult(published, diags + more, len(pages))


def build(root: Path, out: Path, production: bool = False, strict: bool = False,
          today: dt.date | None = None, jobs: int | None = None, city_part: bool = False,
          previous: Path | None = None) -> BuildResult:
    """Build and publish atomically. `jobs`: processes the renderer may use (default: every core);
    `city_part`: also publish what a city's index needs of this district (post/search/city.py);
    `previous`: a copy of the published site, whose figures B620 compares with."""
    try:
        return _build(root, out, production, strict, today, jobs, city_part, previous)
    finally:
        gc.unfreeze()  # a long-running caller (serve) gets the memory of this build's site back
