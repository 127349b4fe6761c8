"""On a phone (375 px, normal and large text), a resident taps from the home page to a project and
reads where its compensation money and resettlement homes are, in plain words, without scrolling
sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve_dir

PHONE = {"width": 375, "height": 740}
PROJECT = "（示例）高岳街道老旧片区改建房屋征收项目"
MONEY = "补偿款已全部存入专户（2025年8月8日）；已有 120 户中的 108 户领取补偿"
HOMES = "（示例）高岳安置小区共 480 套，已建成 480 套，已分配 62 套，2025年6月30日已交房"


@pytest.fixture(scope="module")
def origin(bundled_site: Path) -> str:
    return serve_dir(bundled_site)


def phone(browser, mode: str):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    if mode == "large":
        context.add_init_script("localStorage.setItem('gk-large', '1')")
    return context


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("mode", ["normal", "large"])
def test_money_and_homes_on_the_project_page_after_tapping_from_home(browser, origin: str, mode: str):
    context = phone(browser, mode)
    page = context.new_page()
    page.goto(origin)
    if mode == "large":
        assert page.evaluate("document.documentElement.classList.contains('gk-large')")
    page.locator(".gk-card a", has_text="我的项目到哪一步了").tap()
    page.wait_for_url("**/projects/")
    page.get_by_role("link", name=PROJECT).first.tap()
    page.wait_for_url("**/projects/sample-gaoyue-old-district/")
    block = page.locator("#money").locator("xpath=..")  # the heading's section
    text = block.inner_text()
    assert MONEY in text and HOMES in text
    assert "来源：（示例）区财政局征收补偿资金专户对账单（2026年5月8日）" in text
    steps = block.locator(".gk-money-progress li").all_inner_texts()
    assert [s.split()[1] for s in steps] == ["足额到位", "拨付", "审计"]
    assert steps[0].startswith("已完成") and steps[2].startswith("已完成")
    assert block.get_by_text(MONEY, exact=False).is_visible()
    assert fits_the_screen(page)
    block.get_by_role("link", name="看每一批拨付和审核").tap()
    page.wait_for_url("**/funds/sample-gaoyue-old-district/")
    assert MONEY in page.locator("article").inner_text()
    assert fits_the_screen(page)  # wide batch tables scroll inside their own box
    context.close()


def test_funds_card_on_home_leads_to_the_same_status(browser, origin: str):
    context = phone(browser, "normal")
    page = context.new_page()
    page.goto(origin)
    page.locator(".gk-card a", has_text="补偿款到位了吗").tap()
    page.wait_for_url("**/funds/")
    assert MONEY in page.locator("article").inner_text()
    page.goto(origin)
    page.locator(".gk-card a", has_text="安置房什么时候交房").tap()
    page.wait_for_url("**/estates/")
    assert HOMES in page.locator("article").inner_text()
    context.close()
