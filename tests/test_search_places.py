"""The search page's area filter is nested: a town first, then one of its villages (issue 13's gap: villages
were flat “镇 · 村” entries). On a 375 px phone with touch, in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, serve_dir

from generator import pipeline

PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def village_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site with two villages under 东镇; its project names 老街社区."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("villages") / "project")
    config = project / "site_config.yml"
    text = config.read_text("utf-8")
    assert "    name: 东镇\n    kind: 镇\n" in text
    config.write_text(text.replace("    name: 东镇\n    kind: 镇\n", "    name: 东镇\n    kind: 镇\n    villages:\n"
                                   "      - {id: laojie, name: 老街社区}\n      - {id: xincun, name: 新村}\n"), "utf-8")
    out = project / "site"
    result = pipeline.build(project, out)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    return out


def _options(page: object, name: str) -> list[str]:
    return page.locator(f"select[name={name}] option").all_inner_texts()  # type: ignore[attr-defined]


def test_villages_are_chosen_after_their_town_on_a_phone(browser, village_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, locale="zh-CN", has_touch=True, is_mobile=True)
    page = context.new_page()
    base = serve_dir(village_site) + "search/"
    page.goto(base)
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'ready'")
    assert _options(page, "area") == ["全部镇街", "东镇", "西街道"]  # towns only, no “镇 · 村” entries
    village = page.locator("select[name=village]")
    assert not village.is_visible()
    page.select_option("select[name=area]", "东镇")
    assert village.is_visible() and _options(page, "village") == ["全部村（社区）", "老街社区", "新村"]
    page.select_option("select[name=area]", "西街道")  # a street without villages: no second choice
    assert not village.is_visible()
    page.select_option("select[name=area]", "东镇")
    page.select_option("select[name=village]", "东镇 · 老街社区")
    page.fill("#gk-q", "征收")
    page.locator("#gk-search-form button[type=submit]").tap()
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
    assert "area=" in page.url and "%E8%80%81%E8%A1%97" in page.url  # 老街 in the shared link
    assert "已按条件筛选" in page.locator("#gk-search-status").inner_text()
    links = page.locator(".gk-search-result__title a").evaluate_all("as => as.map(a => a.href)")
    assert links and all("east-old-street" in href for href in links), links
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.reload()  # the shared link restores both choices
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
    assert page.locator("select[name=area]").input_value() == "东镇"
    assert village.is_visible() and village.input_value() == "东镇 · 老街社区"
    page.select_option("select[name=village]", "东镇 · 新村")  # no page names 新村: nothing found
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
    assert "%E6%96%B0%E6%9D%91" in page.url and page.locator(".gk-search-result").count() == 0  # 新村
    context.close()


def test_a_village_no_page_names_leads_to_its_town(browser, village_site: Path) -> None:
    """新村 is on no page: its town's project (东镇) comes up, as typed by a resident."""
    page = browser.new_page(viewport=PHONE)
    page.goto(serve_dir(village_site) + "search/")
    page.evaluate("([q, f]) => window.gkSearch(q, f)", ["新村", {"type": "", "area": ""}])
    hrefs = page.eval_on_selector_all(".gk-search-result__title a", "els => els.map(e => e.getAttribute('href'))")
    page.close()
    assert any("projects/east-old-street/" in h for h in hrefs[:3]), hrefs
