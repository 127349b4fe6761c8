"""A city: several districts built in one command, a city index linking them, a city-wide search."""

from __future__ import annotations

import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
import yaml
from conftest import serve_dir

from generator.commands.city import CITY_FILE, build_city, load_city
from generator.commands.cli import main as cli
from generator.synthetic.synthetic import CITY_DISTRICTS, write_city

PAGES_EACH = 80


@pytest.fixture(scope="session")
def city_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("city") / "huaibei"
    write_city(root, PAGES_EACH)
    return root


@pytest.fixture(scope="session")
def city_site(city_root: Path) -> Path:
    out = city_root / "site"
    result = build_city(city_root, out, jobs=2)
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    assert [d.id for d in result.districts] == [d.id for d in CITY_DISTRICTS]
    return out


def test_city_index_links_every_district_site(city_site: Path):
    html = (city_site / "index.html").read_text(encoding="utf-8")
    for district in CITY_DISTRICTS:
        assert f'href="{district.id}/"' in html
        assert district.name in html
        home = city_site / district.id / "index.html"
        assert home.is_file() and f"{district.name}征收信息公开专栏" in home.read_text(encoding="utf-8")
        assert len(list((city_site / district.id).rglob("index.html"))) >= PAGES_EACH * 0.7
    assert 'href="search/"' in html and (city_site / "search" / "data" / "meta.json").is_file()


def _unique_village(city_root: Path, district: str) -> tuple[str, str]:
    """A village name written in one question of one district, and that question's id."""
    question = sorted((city_root / district / "content" / "faq").glob("*.yml"))[2]
    text = yaml.safe_load(question.read_text(encoding="utf-8"))["question"]
    village = re.match(r"^(.+?)(的|征收)", text)
    assert village
    return village.group(1), question.stem


def test_city_wide_search_finds_a_page_of_another_district(city_root: Path, city_site: Path, browser: object):
    village, question = _unique_village(city_root, "lieshan")
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(serve_dir(city_site) + "search/?q=" + urllib.parse.quote(village), wait_until="networkidle")
        page.wait_for_selector("#gk-search-results a")
        hrefs = [a.get_attribute("href") for a in page.query_selector_all("#gk-search-results a")]
        assert hrefs[0] == f"../lieshan/faq/{question}/", hrefs
        page.click("#gk-search-results a >> nth=0")
        page.wait_for_load_state()
        assert page.url.endswith(f"/lieshan/faq/{question}/")
    finally:
        page.close()


def test_a_failing_district_publishes_nothing_and_says_where(city_root: Path, tmp_path: Path):
    root = tmp_path / "city"
    root.mkdir()
    shutil.copy2(city_root / CITY_FILE, root / CITY_FILE)
    for d in CITY_DISTRICTS:
        shutil.copytree(city_root / d.id, root / d.id, ignore=shutil.ignore_patterns("site", ".gongkai-build"))
    bad = sorted((root / "xiangshan" / "content" / "faq").glob("*.yml"))[0]
    bad.write_text(bad.read_text(encoding="utf-8").replace("topic:", "topik:"), encoding="utf-8")
    out = tmp_path / "out"
    result = build_city(root, out, jobs=2)
    assert not result.published and not out.exists()
    assert any(d.code == "S201" and d.path == f"xiangshan/content/faq/{bad.name}" for d in result.diagnostics)
    assert not list(tmp_path.glob("out.gongkai-staging*"))


def test_city_settings_are_checked_with_positions(tmp_path: Path):
    (tmp_path / "duji").mkdir()
    (tmp_path / CITY_FILE).write_text(
        "name: 全市\nshort_name: 全市\ndescription: 说明\nsponsor: 市政府\nbase_url: https://example.gov.cn/\n"
        "districts:\n  - id: duji\n    path: duji\n  - id: assets\n    path: assets\nupdated: 2025-01-10\n",
        encoding="utf-8")
    city, diags = load_city(tmp_path)
    assert city is None and [(d.code, d.line) for d in diags] == [("S208", 9)]
    (tmp_path / CITY_FILE).write_text((tmp_path / CITY_FILE).read_text(encoding="utf-8").replace("assets", "lieshan"),
                                      encoding="utf-8")
    city, diags = load_city(tmp_path)
    assert city is not None
    assert [(d.code, d.path, d.line) for d in diags] == [("Y100", CITY_FILE, 8), ("Y100", CITY_FILE, 10)]


def test_city_commands(tmp_path: Path):
    assert cli(["synth", "--city", "--pages", "40", "--out", str(tmp_path / "c")]) == 0
    assert cli(["city", "--root", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "duji" / "index.html").is_file() and (tmp_path / "o" / "index.html").is_file()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_districts_built_separately_merge_into_the_same_city(city_root: Path, city_site: Path, tmp_path: Path):
    """A province's CI: one job per district (`gongkai build --city-part`), each on its own machine
    with its own copy, then one merge job that has only city.yml and the districts' published sites."""
    sites = tmp_path / "artifacts"
    for d in CITY_DISTRICTS:
        project = tmp_path / "jobs" / d.id
        shutil.copytree(city_root / d.id, project, ignore=shutil.ignore_patterns("site", ".gongkai-build"))
        assert cli(["build", "--root", str(project), "--out", str(sites / d.id), "--city-part", "--jobs", "1"]) == 0
    merge = tmp_path / "merge"
    merge.mkdir()
    shutil.copy2(city_root / CITY_FILE, merge / CITY_FILE)  # no district projects here
    assert cli(["city", "--root", str(merge), "--sites", str(sites), "--out", str(tmp_path / "city")]) == 0
    merged, whole = _tree(tmp_path / "city"), _tree(city_site)
    assert merged.keys() == whole.keys()
    assert [name for name in merged if merged[name] != whole[name]] == []
    (sites / "lieshan" / "city-part.json").unlink()
    assert cli(["city", "--root", str(merge), "--sites", str(sites), "--out", str(tmp_path / "city")]) == 1
    assert _tree(tmp_path / "city") == merged, "a district without its part publishes nothing"
