"""On a phone (390×844, touch): tapping a glossary term or a citation shows its text; the panel keeps
the link to the glossary entry or the article anchor; keyboard and Escape work; no script errors."""

from __future__ import annotations

import pytest
from conftest import serve_dir
from explain_project import built_explain_site


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, errors
    context.close()


def _open(phone, path: str):
    page, errors = phone
    page.goto(serve_dir(built_explain_site()) + path, wait_until="networkidle")
    return page, errors


def _inside_viewport(page, locator) -> None:
    box = locator.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844


def test_tapping_a_glossary_term_shows_its_explanation(phone):
    page, errors = _open(phone, "standards/house/")
    term = page.locator("button.gk-term", has_text="临时安置费").first
    panel = page.locator("#" + term.get_attribute("aria-controls"))
    assert term.get_attribute("aria-expanded") == "false" and panel.is_hidden()
    term.tap()
    assert term.get_attribute("aria-expanded") == "true" and panel.is_visible()
    assert "安置房交付前自行租房过渡的补贴。" in panel.inner_text()
    assert panel.locator("a").get_attribute("href") == "../../glossary/#temporary-resettlement-fee"
    _inside_viewport(page, panel)
    page.locator("h1").tap()  # tapping elsewhere closes it
    assert panel.is_hidden() and term.get_attribute("aria-expanded") == "false"
    assert errors == []


def test_tapping_a_citation_shows_the_article_and_links_to_its_anchor(phone):
    page, errors = _open(phone, "procedures/house/")
    cite = page.locator("button.gk-cite", has_text="第十条").first
    cite.tap()
    panel = page.locator("#" + cite.get_attribute("aria-controls"))
    assert panel.is_visible()
    assert "征求意见期限不得少于30日" in panel.inner_text()
    link = panel.locator("a.gk-pop__more")
    assert link.get_attribute("href") == "../../policies/house-regulation/#art-10"
    _inside_viewport(page, panel)
    link.tap()
    page.wait_for_url("**/policies/house-regulation/#art-10")
    assert page.locator("#art-10").is_visible()
    assert errors == []


def test_keyboard_opens_and_escape_closes_returning_focus(phone):
    page, errors = _open(phone, "faq/transition-fee/")
    toggle = page.locator("button.gk-pop__toggle").first
    toggle.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert panel.is_visible()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == toggle.get_attribute("aria-controls")
    page.keyboard.press("Space")
    assert panel.is_visible()
    panel.locator(".gk-pop__close").tap()
    assert panel.is_hidden()
    assert errors == []


def test_without_javascript_terms_and_citations_are_plain_links(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(serve_dir(built_explain_site()) + "standards/house/", wait_until="networkidle")
    assert page.locator("a.gk-term").count() > 0 and page.locator("button.gk-term").count() == 0
    assert page.locator("a.gk-cite[href$='#art-22']").count() > 0
    context.close()
