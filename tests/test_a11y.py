"""适老化 and accessibility: axe-core (WCAG 2.1 AA) finds nothing on any page type (every type the built
site has: scripts/page_weight.py) nor in the interactive states (search results, an estimate computed,
both household estimators with a computed result, an explanation panel open), on a phone in the normal
view and both reading modes and on a desktop in the normal view,
and every form control has a visible label; the modes switch on every page and are remembered;
text is large with generous line height; lang is zh-CN; everything is reachable by keyboard.

Pages are served by nginx under /zsgk/ (docs/nginx.conf), so the 404 page and the CSP are the real ones.
"""

# ruff: noqa: F811  (test functions take the imported bundled_origin fixture as an argument)

from __future__ import annotations

from pathlib import Path

import pytest
from nginx_site import bundled_origin, page_types  # noqa: F401  (bundled_origin is a fixture)

from scripts import page_weight

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
MODES = ["normal", "large", "contrast"]


def context_for(browser, viewport: str, mode: str):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
    if mode != "normal":
        context.add_init_script(f"localStorage.setItem('gk-{mode}', '1')")
    return context


def all_page_types(site: Path) -> dict[str, str]:
    """page_types() plus every other page type the site has (scripts/page_weight.py: the heaviest page of
    each, e.g. a project, an estimator, both household estimators, an audit, an allocation rule)."""
    types = page_types(site)
    for kind, weight in page_weight.heaviest_by_type(site).items():
        types.setdefault(kind, weight.page)
    for kind in ("projects/<page>", "estimate/<page>", *HOUSEHOLD.values()):
        assert kind in types, f"no {kind} page to check"
    return types


def _search_results(page) -> None:
    page.fill("#gk-q", "过渡费")
    page.press("#gk-q", "Enter")
    page.wait_for_selector("#gk-search-results li")


def _estimate_computed(page) -> None:
    page.wait_for_selector(".gk-estimator[data-ready]")
    page.evaluate("""() => {
      const form = document.querySelector('.gk-estimator form');
      if (form.elements.zone && form.elements.zone.options.length > 1) form.elements.zone.selectedIndex = 1;
      for (const el of form.querySelectorAll('input[type=text]')) el.value = el.dataset.places === '0' ? '2' : '12.5';
      for (const el of form.querySelectorAll('input[type=checkbox]')) el.checked = true;
      form.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    page.wait_for_selector(".gk-estimator__result [data-total]")


HOUSEHOLD = {"collective": "estimate/household-collective (集体土地)", "state": "estimate/household-state (国有土地)"}


def _household_computed(mode: str):
    """Every line of every standard filled in, a mode chosen: each section's table and the total show."""
    def enter(page) -> None:
        page.wait_for_selector(".gk-household[data-ready]")
        page.evaluate("""(mode) => { const f = document.querySelector('.gk-household form');
          f.querySelector('#gk-mode-' + mode).checked = true;
          for (const el of f.querySelectorAll('input[data-places]')) el.value = el.dataset.places === '0' ? '3' : '10';
          for (const el of f.querySelectorAll('input[type=checkbox]')) el.checked = true;
          for (const s of f.querySelectorAll('select')) s.selectedIndex = s.options.length > 1 ? 1 : 0;
          f.dispatchEvent(new Event('input', {bubbles: true})); }""", mode)
        page.wait_for_selector("[data-household-total]")
    return enter


def _explanation_open(page) -> None:
    term = page.locator("button.gk-term").first
    term.click()
    page.wait_for_selector("#" + term.get_attribute("aria-controls"), state="visible")


# Interactive states: (name, page type, what puts the page in that state).
STATES = (("search results", "search/", _search_results),
          ("estimate computed", "estimate/<page>", _estimate_computed),
          ("explanation panel open", "standards/<page>", _explanation_open),
          ("household estimate computed, 产权调换", HOUSEHOLD["collective"], _household_computed("property_swap")),
          ("household estimate computed, 货币补偿", HOUSEHOLD["state"], _household_computed("monetary")))
# Every page type and state in each reading mode on a phone; the desktop layout in the normal mode.
RUNS = [("phone", mode) for mode in MODES] + [("desktop", "normal")]


UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter((e) => e.getClientRects().length && !(e.labels && [...e.labels].some((l) => l.textContent.trim()))
                 && !e.getAttribute('aria-labelledby'))
  .map((e) => e.outerHTML.slice(0, 120))"""


def axe_violations(page, axe) -> str:
    """axe-core's report, plus form controls without a visible <label>: axe accepts a placeholder as a
    name (its non-empty-placeholder check), but a placeholder vanishes as soon as someone types."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    report = results.generate_report() if results.violations_count else ""
    unlabelled = page.evaluate(UNLABELLED)
    if unlabelled:
        report += "\nform controls without a visible label:\n" + "\n".join(unlabelled)
    return report


@pytest.mark.parametrize(("viewport", "mode"), RUNS)
def test_axe_finds_no_violation_on_any_page_type_or_state(browser, bundled_site: Path, bundled_origin: str,
                                                          viewport: str, mode: str):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = context_for(browser, viewport, mode)
    page = context.new_page()
    types = all_page_types(bundled_site)
    failures = []
    checked = 0
    for name, path in types.items():
        page.goto(f"{bundled_origin}/zsgk/{path}")
        if mode != "normal":
            assert page.evaluate(f"document.documentElement.classList.contains('gk-{mode}')")
        report = axe_violations(page, axe)
        checked += 1
        if report:
            failures.append(f"== {name} (/{path}) ==\n{report}")
    for name, kind, enter in STATES:
        page.goto(f"{bundled_origin}/zsgk/{types[kind]}")
        enter(page)
        report = axe_violations(page, axe)
        checked += 1
        if report:
            failures.append(f"== {name} (/{types[kind]}) ==\n{report}")
    context.close()
    assert checked == len(types) + len(STATES)
    assert not failures, "\n".join(failures)


def font_px(page, selector: str) -> float:
    return float(page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)"))


def line_ratio(page, selector: str) -> float:
    return float(page.eval_on_selector(
        selector, "e => { const s = getComputedStyle(e); return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }"))


def test_reading_modes_switch_on_every_page_and_are_remembered(browser, bundled_site: Path,
                                                               bundled_origin: str):
    types = page_types(bundled_site)
    context = context_for(browser, "phone", "normal")
    page = context.new_page()
    page.goto(f"{bundled_origin}/zsgk/{types['standards/<page>']}")
    text = ".md-content__inner"  # the article's base text size
    normal = font_px(page, text)
    assert normal >= 18
    page.get_by_role("button", name="大字").click()
    assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    assert font_px(page, text) >= max(24, normal * 1.2)
    page.get_by_role("button", name="高对比").click()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    for path in (types["policies/<page>"], types["home"], types["404"]):  # full page loads keep the choice
        page.goto(f"{bundled_origin}/zsgk/{path}")
        classes = page.evaluate("document.documentElement.className")
        assert "gk-large" in classes and "gk-contrast" in classes, path
        assert page.get_by_role("button", name="高对比").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="大字").click()
    page.reload()
    assert "gk-large" not in page.evaluate("document.documentElement.className")
    context.close()


@pytest.mark.parametrize("mode", MODES)
def test_text_is_large_with_line_height_at_least_1_5(browser, bundled_site: Path, bundled_origin: str,
                                                     mode: str):
    context = context_for(browser, "phone", mode)
    page = context.new_page()
    page.goto(f"{bundled_origin}/zsgk/{page_types(bundled_site)['procedures/<page>']}")
    for selector in (".md-content__inner p", ".md-content__inner li", ".md-nav__link", ".gk-footer__inner p"):
        assert line_ratio(page, selector) >= 1.5, selector
    assert font_px(page, ".md-content__inner") >= (24 if mode == "large" else 18)
    context.close()


def test_every_page_declares_zh_cn(bundled_site: Path):
    for html in sorted(bundled_site.rglob("*.html")):
        head = html.read_text(encoding="utf-8")[:200]
        assert '<html lang="zh-CN"' in head, html


FOCUSABLE = ("a[href], button:not([hidden]), summary, input:not([type=hidden]):not(.md-toggle), select, "
             "textarea, [tabindex='0']")


@pytest.mark.parametrize("kind", ["home", "standards/<page>", "procedures/<page>"])
def test_keyboard_reaches_every_control(browser, bundled_site: Path, bundled_origin: str, kind: str):
    context = context_for(browser, "desktop", "normal")
    page = context.new_page()
    page.goto(f"{bundled_origin}/zsgk/{page_types(bundled_site)[kind]}")
    page.eval_on_selector_all("details", "ds => ds.forEach(d => d.open = true)")
    page.evaluate(f"""() => document.querySelectorAll({FOCUSABLE!r}).forEach((e, i) => {{
        if (e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden') e.dataset.gkWant = i; }})""")
    wanted = page.eval_on_selector_all("[data-gk-want]", "es => es.map(e => e.dataset.gkWant)")
    assert len(wanted) >= 10, f"only {len(wanted)} visible controls on {kind}: the selector or the page is wrong"
    reached: set[str] = set()
    for _ in range(len(wanted) * 2 + 10):
        page.keyboard.press("Tab")
        mark = page.evaluate("document.activeElement && document.activeElement.dataset.gkWant")
        if mark is not None:
            reached.add(mark)
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", "focus must be visible: " + page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        if reached == set(wanted):
            break
    missing = page.eval_on_selector_all(
        "[data-gk-want]", "(es, got) => es.filter(e => !got.includes(e.dataset.gkWant)).map(e => e.outerHTML.slice(0, 100))",
        sorted(reached))
    context.close()
    assert missing == [], "not reachable by Tab"
