"""Journey 5 (issue 11): "I type my question the way I would say it." On a 375×812 phone with a WeChat user agent,
in the normal and the 大字 mode, on the bundled 杜集区 site and on another district (tests/fixtures/other-district):
from the home page the resident taps the search box, types a question in everyday words on the keyboard, finds
the page that answers among the first three results, taps it and reads the answer; then asks the next question
in the search page's own box.

What answers each question is derived from the site's content (its projects' villages, its audits' years, its
sections), so the same questions are asked of both districts. One browser context per district and mode.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import WECHAT_UA, serve_dir

PHONE = {"width": 375, "height": 812}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Question:
    text: str  # as the resident types it
    answers: Callable[[str, str], bool]  # (site-relative URL, title) -> does this page answer it
    shows: str  # what the answering page says (a regular expression, found in its article)


def _content(site: Path, kind: str) -> list[dict[str, object]]:
    """The site's content files of one kind (the built site sits in its project folder)."""
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((site.parent / "content" / kind).glob("*.yml"))]


def _plain(name: object) -> str:
    return re.sub(r"（示例）", "", str(name))


def questions(site: Path) -> list[Question]:
    """Everyday questions for a site: money, how it is paid, where to live, disagreeing, whom to ask, where the
    project stands (by village), a year (typed with full-width digits), a village name alone."""
    project = next(p for p in _content(site, "projects") if p.get("villages"))
    village, project_url = _plain(project["villages"][0]), f"projects/{project['id']}/"  # type: ignore[index]
    audit = _content(site, "audits")[0]
    year = re.search(r"\d{4}", str(audit["period"])).group()  # type: ignore[union-attr]

    def money(url: str, title: str) -> bool:
        return url.startswith(("estimate/", "standards/"))

    def housing(url: str, title: str) -> bool:
        return url.startswith(("estates/", "allocation/")) or any(w in title for w in ("安置房", "周转房"))

    def remedy(url: str, title: str) -> bool:
        return url.startswith("remedies/") or any(w in title for w in ("不服", "复议", "诉讼"))

    return [
        Question("拆迁款能拿多少钱", money, "元|估算"),  # a rate, or the estimator
        Question("我家房子怎么赔", money, "元|估算"),
        Question("拆了以后住哪里", housing, "安置"),
        Question("不同意补偿怎么办", remedy, "复议"),
        Question("有事找谁", lambda url, title: url == "contacts/", "12345"),
        Question(f"{village}的项目到哪一步了", lambda url, title: url == project_url, village),
        Question(f"{year.translate(FULL_WIDTH)}年的审计", lambda url, title: url == f"audits/{audit['id']}/", year),
        Question(village, lambda url, title: url == project_url, village),
    ]


@pytest.fixture(params=["bundled_site", "other_district_site"], scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["normal", "large"])
def phone(request: pytest.FixtureRequest, browser: object, site: Path) -> Iterator[object]:
    """A WeChat phone on the district's home page; in large mode the resident taps 大字 first."""
    context = browser.new_context(viewport=PHONE, user_agent=WECHAT_UA, is_mobile=True, has_touch=True,  # type: ignore[attr-defined]
                                  locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(serve_dir(site))
    if request.param == "large":
        page.tap("[data-gk-pref=large]")
        assert page.evaluate("document.documentElement.classList.contains('gk-large')")
    yield page
    context.close()
    assert not errors


def ask(page, box: str, question: str) -> list[tuple[str, str]]:
    """Tap the search box, type the question on the keyboard, send it; the first three results shown."""
    page.tap(box)
    page.fill(box, "")
    page.keyboard.type(question)
    with page.expect_navigation() if box == "#gk-searchbar-q" else nullcontext():
        page.keyboard.press("Enter")
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
    links = page.locator(".gk-search-result__title a")
    top = [links.nth(i) for i in range(min(3, links.count()))]
    assert all(a.is_visible() for a in top)
    return [(a.get_attribute("href").removeprefix("../"), a.inner_text()) for a in top]


def test_everyday_questions_find_their_page(phone, site: Path) -> None:
    page = phone
    box = "#gk-searchbar-q"  # the box under the header of the home page
    for q in questions(site):
        top = ask(page, box, q.text)
        hit = next(((url, title) for url, title in top if q.answers(url, title)), None)
        assert hit, f"{q.text}: the first three results are {top}"
        with page.expect_navigation():
            page.locator(".gk-search-result__title a", has_text=hit[1]).first.tap()
        assert page.url.endswith("/" + hit[0]) or hit[0] == "" and page.url.endswith("/")
        assert page.locator("article h1").first.inner_text().strip() == hit[1].strip()
        assert re.search(q.shows, page.locator("article").first.inner_text()), f"{q.text}: {hit[0]} lacks {q.shows}"
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
        page.go_back()  # the phone's back button: the search page with the question still in its box
        page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
        assert page.input_value("#gk-q") == q.text
        box = "#gk-q"  # the next question goes into the search page's own box
