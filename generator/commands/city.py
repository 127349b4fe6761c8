"""A whole city under one address: every district's ordinary site, a city index page linking them and a
city-wide search; a configuration of the pipeline, not a second one.

    city/city.yml            the city settings and its districts (model/city.py)
    city/<district>/...      one ordinary site project per district

Two steps, which a province can run on different machines (docs/ci/):

1. Each district is built by `pipeline.build(..., city_part=True)` into its own published folder; the
   site also carries `city-part.json` (post/search/city.py), what the city needs of it.
2. `merge_city` stages the city: each district's published folder is linked in under its id, the city
   index and search pages are rendered by the same renderer and theme, and the search package's
   `city_index` makes one index from the districts' published pages; then `pipeline.publish_staged`
   checks the whole city and swaps it in, or discards it.

`build_city` does both on one machine: the districts on every core (`parallel.fan_out`, one fresh
interpreter per share; a district's renderer gets the cores left over) into a folder beside `out`,
then the merge. Nothing is published unless every district built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import pipeline
from ..diagnostics import Diagnostic, error, has_errors
from ..emit import render_pages, write_tree
from ..load import CONFIG_FILE, parse, validate_node
from ..model.city import RENDERER_DEFAULTS, CityConfig
from ..model.site import SiteConfig
from ..pages import NAV, Page
from ..pages.links import page_path, relative
from ..parallel import Work, cores, fan_out
from ..post import CityPart, city_index, read_part
from ..renderer import mkdocs_config, render, write_config

CITY_FILE = "city.yml"
CITY_NAV = (("全市首页", page_path("")), ("全市搜索", page_path("search")))
DISTRICTS_TASK = "generator.commands.city:build_districts"


@dataclass(frozen=True)
class DistrictJob:
    id: str
    root: Path
    out: Path
    jobs: int
    production: bool
    strict: bool


@dataclass(frozen=True)
class DistrictResult:
    id: str
    published: bool
    diagnostics: list[Diagnostic]
    page_count: int = 0


@dataclass(frozen=True)
class CityResult:
    published: bool
    diagnostics: list[Diagnostic]
    districts: tuple[DistrictResult, ...] = ()


def load_city(root: Path, check_paths: bool = True) -> tuple[CityConfig | None, list[Diagnostic]]:
    """The city settings; `check_paths`: each district's project must be there (not when merging sites
    built elsewhere)."""
    path = root / CITY_FILE
    if not path.is_file():
        return None, [error(CITY_FILE, 0, 0, "Y100", f"找不到全市设置文件 {CITY_FILE}", "请在全市目录中运行，或用 --root 指定。")]
    node, diags = parse(CITY_FILE, path.read_bytes())
    if node is None:
        return None, diags
    located, more = validate_node(CityConfig, CITY_FILE, node)
    diags += more
    if located is None or has_errors(more):  # a repaired city (load/salvage.py) would build the wrong set
        return None, diags
    for i, d in enumerate(located.item.districts):
        if check_paths and not (root / d.path / CONFIG_FILE).is_file():
            pos = located.pos("districts", i, "path")
            diags.append(error(CITY_FILE, pos.line, pos.column, "Y100", f"区县目录“{d.path}”中找不到站点设置文件 site_config.yml",
                               "请检查 path 是否写对，目录中应有 site_config.yml 和 content/。"))
    return located.item, diags


def build_districts(jobs: list[DistrictJob]) -> list[DistrictResult]:
    """A fan-out task: each district built by the ordinary pipeline, with what the city needs of it."""
    results = []
    for job in jobs:
        result = pipeline.build(job.root, job.out, production=job.production, strict=job.strict, jobs=job.jobs,
                                city_part=True)
        diags = [dataclasses.replace(d, path=f"{job.root.name}/{d.path}") for d in result.diagnostics]
        results.append(DistrictResult(job.id, result.published, diags, result.page_count))
    return results


def build_city(root: Path, out: Path, jobs: int | None = None, production: bool = False,
               strict: bool = False) -> CityResult:
    """Every district on every core into a folder beside `out`, then `merge_city`."""
    city, diags = load_city(root)
    diags += pipeline.out_diagnostics(root, out)  # before minutes of district builds (checked again at the swap)
    if city is None or has_errors(diags, strict):
        return CityResult(False, diags)
    count = jobs or cores()
    workers = min(count, len(city.districts))
    built = Path(tempfile.mkdtemp(prefix=f".{out.name}.districts-", dir=out.resolve().parent))
    try:
        district_jobs = [DistrictJob(d.id, (root / d.path).resolve(), built / d.id, max(1, count // workers),
                                     production, strict) for d in city.districts]
        results = tuple(fan_out(DISTRICTS_TASK, district_jobs, workers, 1, work=Work.INDEPENDENT))
        for r in results:
            diags += r.diagnostics
        if not all(r.published for r in results) or has_errors(diags, strict):
            return CityResult(False, diags, results)
        published, more = merge_city(root, out, built, strict)
        return CityResult(published, diags + more, results)
    finally:
        shutil.rmtree(built, ignore_errors=True)


def merge_city(root: Path, out: Path, sites: Path, strict: bool = False) -> tuple[bool, list[Diagnostic]]:
    """Publish the city at `out` from each district's published site `sites/<id>/` (built on this machine
    or by a CI job each); every district must carry its `city-part.json`."""
    city, diags = load_city(root, check_paths=False)
    if city is None or has_errors(diags, strict):
        return False, diags
    parts: list[tuple[str, CityPart, Path]] = []
    for d in city.districts:
        part = read_part(sites / d.id)
        if part is None:
            diags.append(error(CITY_FILE, 0, 0, "Y100", f"找不到区县“{d.id}”的构建结果 {sites / d.id}/city-part.json",
                               "请先用 gongkai build --city-part 构建该区县，并把输出放在这个目录下。"))
        else:
            parts.append((d.id, part, sites / d.id))
    if has_errors(diags):
        return False, diags

    def fill(staged: Path) -> tuple[list[Diagnostic], bool]:
        for folder, _, site in parts:
            shutil.copytree(site, staged / folder, copy_function=_link)
        return city_pages(root, city, parts, staged), True

    published, more = pipeline.publish_staged(root, out, fill, strict, None, check=False)
    return published, diags + more


def _link(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def city_pages(root: Path, city: CityConfig, parts: list[tuple[str, CityPart, Path]], staged: Path) -> list[Diagnostic]:
    """The city index and search pages, rendered like a district's, and the city-wide search index."""
    updated = max([city.updated, *(part.updated for _, part, _ in parts)])
    pages = (_index_page(city, parts, updated), _search_page(city, parts))
    work = root / pipeline.WORK_DIR
    write_tree(render_pages(pages), work / "docs")
    assets = pipeline.write_theme(root, work)
    settings = SiteConfig.model_construct(
        name=city.name, short_name=city.short_name, description=city.description, district=city.name,
        sponsor=city.sponsor, organiser=city.organiser, base_url=city.base_url, contacts=city.contacts, areas=[],
        sample_data=city.sample_data, updated=city.updated, **RENDERER_DEFAULTS)
    config = mkdocs_config(settings, city.sample_data, CITY_NAV, (work / "docs").resolve(), staged,
                           (work / "overrides").resolve(), assets)
    write_config(config, work / "mkdocs.yml")
    return render(work / "mkdocs.yml", updated, jobs=1) + city_index(parts, staged)


def _index_page(city: CityConfig, parts: list[tuple[str, CityPart, Path]], updated: dt.date) -> Page:
    path = page_path("")
    entries = [{"name": p.name, "title": p.title, "description": p.description, "pages": p.page_count,
                "updated": p.updated.isoformat(), "href": f"{folder}/"} for folder, p, _ in parts]
    return Page(path=path, title=city.name, section="首页", kind="home", description=city.description,
                updated=updated, template="city_index.md.j2",
                context={"city": city, "districts": entries, "search": relative(path, page_path("search"))},
                sample=city.sample_data)


def _search_page(city: CityConfig, parts: list[tuple[str, CityPart, Path]]) -> Page:
    """The search package's own search page, over the whole city: the area filter lists the districts."""
    path = page_path("search")
    sections = [{"label": p.name, "href": f"../{folder}/", "blurb": p.description} for folder, p, _ in parts]
    types = [label for label, _ in NAV if any(h.section == label for _, p, _ in parts for h in p.heads)]
    return Page(path=path, title="全市搜索", section="搜索", kind="index",
                description="按关键词搜索全市各区县的补偿标准、征收程序、项目公告、政策文件和问答。",
                updated=city.updated, template="search.md.j2",
                context={"sections": sections, "types": types, "towns": [{"name": p.name, "villages": []} for _, p, _ in parts],
                         "root": "../", "data": "data/"})

