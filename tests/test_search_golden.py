"""Golden search queries (tests/search_golden.yml) over the bundled site, run as real searches in Chromium.

Each query goes through the search page's own code path (gkSearch = what the form's submit does) and
the test reads the result links that were rendered, so index, tokeniser, ranking and page agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import serve_dir

GOLDEN = yaml.safe_load((Path(__file__).parent / "search_golden.yml").read_text(encoding="utf-8"))


def test_golden_set_is_large_and_varied():
    assert len(GOLDEN) >= 40
    assert sum(1 for g in GOLDEN if g.get("nothing")) >= 3
    assert len({e for g in GOLDEN for e in g.get("expect", [])}) >= 25, "expectations must not all be one page"


@pytest.fixture(scope="module")
def search_page(browser, bundled_site: Path) -> Iterator[object]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(serve_dir(bundled_site) + "search/")
    yield page
    page.close()
    assert not errors


def results(page: object, q: str, type_: str = "", area: str = "") -> list[str]:
    page.evaluate("([q, f]) => window.gkSearch(q, f)", [q, {"type": type_, "area": area}])
    assert page.get_attribute("html", "data-gk-search") == "done"
    hrefs = page.eval_on_selector_all(".gk-search-result__title a", "els => els.map(e => e.getAttribute('href'))")
    return [h.removeprefix("../") for h in hrefs]


@pytest.mark.parametrize("case", GOLDEN, ids=[f"{g['q']}|{g.get('type', '')}|{g.get('area', '')}" for g in GOLDEN])
def test_golden_query(search_page: object, bundled_site: Path, case: dict[str, object]):
    found = results(search_page, str(case["q"]), str(case.get("type", "")), str(case.get("area", "")))
    if case.get("nothing"):
        assert found == []
        return
    expected = case["expect"]
    assert isinstance(expected, list)
    for url in expected:
        assert (bundled_site / url / "index.html").is_file(), f"golden expectation {url} is not a page any more"
    assert set(found[:3]) & set(expected), f"top 3 for {case['q']}: {found[:3]}"
