"""A whole city in one command: every district site project built on all cores, under one address,
with a city index page linking them and a city-wide search.

    city/city.yml            the city settings and its districts (model/city.py)
    city/<district>/...      one ordinary site project per district

`build_city(root, out)` stages the whole city beside `out`: each district is built by the ordinary
pipeline (one worker process per district, `generator/commands/city_worker.py`; a district's renderer gets
the cores left over) into `<staging>/<id>/`; then the city pages (index and search, rendered by the
same renderer and theme) and the city-wide search index (the district pages' text, through
generator/post/search's own index builder, with the district as the area filter) are added, and the
staging folder is swapped in atomically. Nothing is published unless every district built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import pipeline
from ..diagnostics import Diagnostic, error, has_errors
from ..emit.emit import render_pages, write_tree
from ..load.content import CONFIG_FILE
from ..load.validation import validate_node
from ..load.yamlsource import parse
from ..model.city import RENDERER_DEFAULTS, CityConfig
from ..model.site import SiteConfig
from ..pages import Page, derive_pages
from ..pages.links import page_path, relative
from ..pages.navigation import NAV
from ..post.manifest import write_manifest
from ..post.search import documents
from ..post.search.index import Facets, build_index
from ..post.search.postings import Doc
from ..post.search.synonyms import synonyms
from ..publish import discard, staging, swap
from ..renderer import mkdocs_material

CITY_FILE = "city.yml"
CITY_NAV = (("全市首页", page_path("")), ("全市搜索", page_path("search")))
_ROOT = Path(__file__).resolve().parents[2]


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
    name: str  # the district, e.g. 淮北市杜集区
    title: str  # its site's name
    description: str
    published: bool
    diagnostics: list[Diagnostic]
    page_count: int = 0
    updated: dt.date | None = None
    docs: tuple[Doc, ...] = ()
    synonyms: dict[str, list[str]] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class CityResult:
    published: bool
    diagnostics: list[Diagnostic]
    districts: tuple[DistrictResult, ...] = ()


def load_city(root: Path) -> tuple[CityConfig | None, list[Diagnostic]]:
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
        if not (root / d.path / CONFIG_FILE).is_file():
            pos = located.pos("districts", i, "path")
            diags.append(error(CITY_FILE, pos.line, pos.column, "Y100", f"区县目录“{d.path}”中找不到站点设置文件 site_config.yml",
                               "请检查 path 是否写对，目录中应有 site_config.yml 和 content/。"))
    return located.item, diags


def build_district(job: DistrictJob) -> DistrictResult:
    """One district: the ordinary build, then its pages' text for the city-wide search."""
    result = pipeline.build(job.root, job.out, production=job.production, strict=job.strict, jobs=job.jobs)
    site, _ = pipeline.analyse(job.root)
    name, title = (site.config.district, site.config.name) if site else (job.id, job.id)
    prefix = job.root.name
    diags = [dataclasses.replace(d, path=f"{prefix}/{d.path}") for d in result.diagnostics]
    if not result.published or site is None:
        return DistrictResult(job.id, name, title, "", False, diags)
    pages = derive_pages(site)
    docs, more = documents(pages, job.out)
    city_docs = tuple(dataclasses.replace(d, url=f"{job.id}/{d.url}", areas=(name,)) for d in docs)
    table, _ = synonyms(site)
    return DistrictResult(job.id, name, title, site.config.description, not has_errors(more), diags + more,
                          result.page_count, max(p.updated for p in pages), city_docs, table)


def run_districts(jobs: list[DistrictJob], workers: int) -> list[DistrictResult]:
    """Each district in its own interpreter (`python -m generator.commands.city_worker`), `workers` at a time."""
    with tempfile.TemporaryDirectory(prefix="gongkai-city-") as tmp:
        def one(job: DistrictJob) -> DistrictResult:
            request, answer = Path(tmp) / f"{job.id}.in", Path(tmp) / f"{job.id}.out"
            request.write_bytes(pickle.dumps(job))
            proc = subprocess.run([sys.executable, "-m", "generator.commands.city_worker", str(request), str(answer)], cwd=_ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
            if proc.returncode == 0 and answer.is_file():
                found: DistrictResult = pickle.loads(answer.read_bytes())
                return found
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return DistrictResult(job.id, job.id, job.id, "", False, [error(
                str(job.root.name), 0, 0, "B601", f"区县构建进程异常退出（退出码 {proc.returncode}）：{tail[0]}",
                "这是生成器的问题，请联系维护人员。")])

        with ThreadPoolExecutor(max(1, workers)) as pool:
            return list(pool.map(one, jobs))


def build_city(root: Path, out: Path, jobs: int | None = None, production: bool = False,
               strict: bool = False) -> CityResult:
    city, diags = load_city(root)
    diags += pipeline.out_diagnostics(root, out)
    if city is None or has_errors(diags, strict):
        return CityResult(False, diags)
    from ..renderer.parallel import default_jobs

    cores = jobs or default_jobs()
    workers = min(cores, len(city.districts))
    staged = staging(out)
    try:
        district_jobs = [DistrictJob(d.id, (root / d.path).resolve(), staged / d.id, max(1, cores // workers),
                                     production, strict) for d in city.districts]
        results = run_districts(district_jobs, workers)
        for r in results:
            diags += r.diagnostics
        if not all(r.published for r in results) or has_errors(diags, strict):
            discard(staged)
            return CityResult(False, diags, tuple(results))
        diags += city_pages(root, city, tuple(results), staged)
        if not has_errors(diags, strict):
            write_manifest(staged)
            diags += pipeline.out_diagnostics(root, out)
        if has_errors(diags, strict):
            discard(staged)
            return CityResult(False, diags, tuple(results))
        swap(staged, out)
    except BaseException:
        discard(staged)
        raise
    return CityResult(True, diags, tuple(results))


def city_pages(root: Path, city: CityConfig, districts: tuple[DistrictResult, ...], staged: Path) -> list[Diagnostic]:
    """The city index and search pages, rendered like a district's, and the city-wide search index."""
    updated = max([city.updated, *(d.updated for d in districts if d.updated)])
    pages = (_index_page(city, districts, updated), _search_page(city, districts))
    work = root / pipeline.WORK_DIR
    write_tree(render_pages(pages), work / "docs")
    assets = pipeline.write_theme(root, work)
    settings = SiteConfig.model_construct(
        name=city.name, short_name=city.short_name, description=city.description, district=city.name,
        sponsor=city.sponsor, organiser=city.organiser, base_url=city.base_url, contacts=city.contacts, areas=[],
        sample_data=city.sample_data, updated=city.updated, **RENDERER_DEFAULTS)
    config = mkdocs_material.mkdocs_config(settings, city.sample_data, CITY_NAV, (work / "docs").resolve(), staged,
                                           (work / "overrides").resolve(), assets)
    mkdocs_material.write_config(config, work / "mkdocs.yml")
    diags = mkdocs_material.render(work / "mkdocs.yml", updated, jobs=1)
    table: dict[str, list[str]] = {}
    for d in districts:
        for alias, terms in d.synonyms.items():
            table[alias] = sorted(set(table.get(alias, [])) | set(terms))
    facets = Facets(tuple(label for label, _ in NAV), tuple(d.name for d in districts))
    docs = [doc for d in districts for doc in d.docs]
    for rel, data in sorted(build_index(docs, dict(sorted(table.items())), facets).items()):
        (staged / rel).parent.mkdir(parents=True, exist_ok=True)
        (staged / rel).write_bytes(data)
    return diags


def _index_page(city: CityConfig, districts: tuple[DistrictResult, ...], updated: dt.date) -> Page:
    path = page_path("")
    entries = [{"name": d.name, "title": d.title, "description": d.description, "pages": d.page_count,
                "updated": d.updated.isoformat() if d.updated else "", "href": f"{d.id}/"} for d in districts]
    return Page(path=path, title=city.name, section="首页", kind="home", description=city.description,
                updated=updated, template="city_index.md.j2",
                context={"city": city, "districts": entries, "search": relative(path, page_path("search"))},
                sample=city.sample_data)


def _search_page(city: CityConfig, districts: tuple[DistrictResult, ...]) -> Page:
    """generator/post/search's own search page, over the whole city: the area filter lists the districts."""
    path = page_path("search")
    sections = [{"label": d.name, "href": f"../{d.id}/", "blurb": d.description} for d in districts]
    types = [label for label, _ in NAV if any(doc.section == label for d in districts for doc in d.docs)]
    return Page(path=path, title="全市搜索", section="搜索", kind="index",
                description="按关键词搜索全市各区县的补偿标准、征收程序、项目公告、政策文件和问答。",
                updated=city.updated, template="search.md.j2",
                context={"sections": sections, "types": types, "areas": [d.name for d in districts],
                         "root": "../", "data": "data/"})

