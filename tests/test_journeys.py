"""A resident's journeys, walked in Chromium on a 375×812 phone the way a resident walks them: starting
from the home page and only tapping links (never typing a URL), in the normal and the 大字 (large text)
mode, on the bundled 杜集区 site and on another district (tests/fixtures/other-district). Issue 11.

One browser for the module (the session's), one built site per district (session fixtures).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from conftest import serve_dir

PHONE = {"width": 375, "height": 812}


@dataclass(frozen=True)
class District:
    fixture: str
    area: str  # id of a town with a project
    town: str  # that town's contact
    center: str  # the expropriation center's contact
    center_tel: str  # its tel: link, "" while its phone is not verified
    decision_area: str  # id of a town with a project whose 房屋征收决定 is announced
    reconsideration_body: str  # the 复议机关 the content names for that decision
    next_area: str  # id of a town with a project whose next step is known
    next_dated: bool  # whether that next step comes with a computed date
    open_now: bool  # whether that project has a step open now (a period running on the content's day)


DISTRICTS = {
    "bundled": District("bundled_site", "duanyuan", "段园镇人民政府", "杜集区征收中心", "", "gaoyue", "淮北市人民政府",
                       "shitai", True, False),
    "other": District("other_district_site", "shiqiao", "石桥街道办事处", "西山区征收服务中心", "tel:09997654321",
                      "shiqiao", "青河市人民政府", "shiqiao", False, True),
}


@pytest.fixture(params=sorted(DISTRICTS), scope="module")
def district(request: pytest.FixtureRequest) -> tuple[District, str]:
    d = DISTRICTS[request.param]
    return d, serve_dir(request.getfixturevalue(d.fixture))


@pytest.fixture(params=["normal", "large"])
def phone(request: pytest.FixtureRequest, browser: object, district: tuple[District, str]) -> Iterator[object]:
    """A phone on the district's home page; in large mode the resident taps 大字 first."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(district[1])
    if request.param == "large":
        page.click("[data-gk-pref=large]")
        assert page.evaluate("document.documentElement.classList.contains('gk-large')")
    yield page
    context.close()


def tap(page, selector: str, text: str = "") -> None:
    """Tap the first link matching `selector` (holding `text`), and wait for the next page."""
    link = page.locator(selector, has_text=text).first if text else page.locator(selector).first
    link.scroll_into_view_if_needed()
    with page.expect_navigation():
        link.click()
    fits_the_phone(page)


def home(page) -> None:
    """Back to the home page the way a phone user does: the menu, then 首页."""
    page.click("label.gk-menu")
    tap(page, ".md-sidebar--primary a.md-nav__link", "首页")


def fits_the_phone(page) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url}: {width}px wide, scrolls sideways"


def ask_block(page) -> dict[str, object]:
    return page.eval_on_selector("#ask + .gk-ask", """ul => ({
        names: [...ul.querySelectorAll('.gk-ask__name')].map(a => a.textContent.trim()),
        tels: [...ul.querySelectorAll('a.gk-tel')].map(a => a.getAttribute('href')),
        unverified: [...ul.querySelectorAll('.gk-ask__unverified')].map(s => s.textContent.trim()),
        text: ul.innerText })""")


def test_whom_do_i_ask_from_a_project_and_a_standard(phone, district) -> None:
    d, _ = district
    page = phone
    tap(page, "article .gk-card a", "我的项目到哪一步了")
    tap(page, f"article h2#{d.area} + ul a")
    ask = ask_block(page)
    assert ask["names"] == [d.town, d.center], ask  # the project's town first, then the center
    assert {"tel:12345", "tel:12348"} <= set(ask["tels"]), ask
    assert "政务服务便民热线" in ask["text"] and "公共法律服务热线" in ask["text"]
    if d.center_tel:
        assert d.center_tel in ask["tels"]
    assert any("还在核实" in u for u in ask["unverified"]), "an unverified phone is said plainly"
    box = page.locator("#ask + .gk-ask a.gk-tel[href='tel:12345']").bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 44, "a thumb can tap the number"
    tap(page, ".gk-ask a.gk-ask__name", d.town)
    entry = page.url.rsplit("#", 1)[1]
    assert d.town in page.inner_text(f"[id='{entry}']")
    # A standard concerns the whole district: the center only, and the hotlines.
    home(page)
    tap(page, "article .gk-card a", "补偿标准")
    tap(page, "article a:not([href^='#']):not([href^='.']):not([href^='tel:'])")  # the first standard
    ask = ask_block(page)
    assert ask["names"] == [d.center], ask
    assert {"tel:12345", "tel:12348"} <= set(ask["tels"])
    narrow = page.evaluate("""() => [...document.querySelectorAll('.gk-figures th, .gk-figures td')]
        .filter(c => c.offsetParent && c.textContent.trim() && !c.closest('thead'))  // the header row is hidden
        .filter(c => c.getBoundingClientRect().width < 3 * parseFloat(getComputedStyle(c).fontSize))
        .map(c => c.textContent.trim())""")
    assert narrow == [], f"rate table cells narrower than three characters: {narrow}"


def test_what_if_i_disagree_from_an_announcement_and_from_a_standard(phone, district) -> None:
    d, _ = district
    page = phone
    tap(page, "article .gk-card a", "我的项目到哪一步了")
    tap(page, f"article h2#{d.decision_area} + ul a")
    box = page.locator(".gk-disagree").first
    text = box.inner_text()
    assert f"向{d.reconsideration_body}提出" in text, text  # the 复议机关 named from content
    assert re.search(r"最后一天约为 \d{4}-\d{2}-\d{2}", text), text  # a date, not "60日"
    assert "从您知道这个决定之日算起" in text  # said to be an estimate: the law counts from knowing
    tap(page, ".gk-disagree a", "行政复议")  # one tap
    assert page.locator("article h1").inner_text().strip() == "行政复议"
    home(page)
    tap(page, "article .gk-card a", "补偿标准")
    tap(page, "article a:not([href^='#']):not([href^='.']):not([href^='tel:'])")
    group = page.locator("h3.gk-onward__label", has_text="不同意怎么办")
    assert group.count() == 1, "a standard leads to what to do when one disagrees"
    tap(page, "h3.gk-onward__label:has-text('不同意怎么办') + ul a", "行政复议")
    assert page.locator("article h1").inner_text().strip() == "行政复议"
    # From a standard too, the 复议机关 is named (from the content's bodies) and the counting explained.
    assert d.reconsideration_body in page.inner_text(".gk-bodies")
    counting = page.inner_text("article")
    assert "最后一天怎么算" in counting and "当天不算" in counting and "只扣除了周末" not in counting


def test_what_happens_next_in_my_project(phone, district) -> None:
    d, _ = district
    page = phone
    tap(page, "article .gk-card a", "我的项目到哪一步了")
    tap(page, f"article h2#{d.next_area} + ul a")
    timeline = page.inner_text(".gk-timeline:not(.gk-money-progress)")  # the steps, not the money
    assert "未记录" not in page.inner_text("article") and "未开始" not in timeline, "no step reads as skipped"
    nxt = page.locator(".gk-timeline__step--next")
    assert nxt.count() == 1
    window = nxt.locator(".gk-timeline__window").inner_text()
    assert window.strip(), "the next step says when"
    if d.next_dated:
        assert re.search(r"\d{4}-\d{2}-\d{2}", window), window
    assert "没有公告记录" not in timeline and "没有人申请听证" not in timeline
    for passed in page.locator(".gk-timeline__step--passed").all():  # it happened; only its notice is missing
        assert "已过这一步，本站没有它的公告" in passed.inner_text()
    conditional = page.locator(".gk-timeline__step--conditional")
    assert conditional.count() >= 1, "a step that only happens in some cases says so"
    for step in conditional.all():
        assert "就没有这一步" in step.inner_text(), step.inner_text()
    if d.open_now:  # e.g. the 签约期限 runs now: 进行中 with its last day, said at the top too
        now = page.locator(".gk-timeline__step--now").last
        assert re.search(r"最后一天是 \d{4}-\d{2}-\d{2}", now.inner_text()), now.inner_text()
        assert "正在进行" in page.inner_text(".gk-plain")
        assert "进行中，最后一天是" in window, window
    # Each recorded event leads to its announcement on the page, which says what it is about in one sentence.
    event = page.locator(".gk-timeline__events a").last
    target = event.get_attribute("href")
    event.click()
    announcement = page.locator(f"[id='{target.lstrip('#')}']")
    assert "一句话看懂" in announcement.inner_text()
    tap(page, ".gk-timeline__step--next .gk-timeline__title a")  # what the next step means, in the procedure
    assert page.url.split("#")[1] and "procedures/" in page.url


def test_an_announcement_has_its_full_text_and_checkable_attachments(phone, district) -> None:
    """Journey 2: the project page folds each announcement's full text (one tap opens it) and lists its
    attachments with type, size and SHA-256; the file served at the link is exactly that file."""
    d, _ = district
    page = phone
    tap(page, "article .gk-card a", "我的项目到哪一步了")
    tap(page, f"article h2#{d.decision_area} + ul a")
    full = page.locator("details.gk-fulltext").first
    assert not full.evaluate("e => e.open"), "folded, so the page stays short"
    full.locator("summary").click()
    assert full.evaluate("e => e.open") and "公告" in full.inner_text()
    fits_the_phone(page)
    missing = page.locator("p.gk-fulltext")
    assert missing.count() >= 1 and "全文还没有录入" in missing.first.inner_text()
    item = page.locator(".gk-attachments li").first
    item.scroll_into_view_if_needed()
    link = item.locator("a")
    data = page.request.get(link.evaluate("a => a.href")).body()  # what the download link serves
    digest = hashlib.sha256(data).hexdigest()
    assert link.get_attribute("data-sha256") == digest and int(link.get_attribute("data-bytes")) == len(data)
    shown = item.inner_text()
    assert digest in shown and f"{(len(data) * 10 + 512) // 1024 / 10:.1f} KB" in shown, shown
    assert re.search(r"（(PDF|JPG|PNG)，", shown), shown
