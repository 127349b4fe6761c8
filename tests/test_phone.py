"""Made for phones: light pages on a weak network, no horizontal scrolling, 44 px tap targets, a navigation
drawer that works by touch and by keyboard, and no Material JavaScript or inline script at all.

The byte budget is checked in Chromium through nginx (gzip, docs/nginx.conf) with the network throttled to
1.6 Mbps / 150 ms; timings (first contentful paint) are printed by scripts/bench_pages.py, not asserted here.
"""

# ruff: noqa: F811  (test functions take the imported bundled_origin fixture as an argument)

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from counting import poll
from nginx_site import bundled_origin, page_types  # noqa: F401  (bundled_origin is a fixture)

BUDGET = 60 * 1024
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 // 8, "uploadThroughput": 750_000 // 8}
PHONE = {"width": 390, "height": 844}
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
             "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin "
             "NetType/4G Language/zh_CN ABI/arm64")


def typical_pages(site: Path) -> list[str]:
    types = page_types(site)
    return [types["home"], types["standards/<page>"], types["procedures/<page>"], types["policies/<page>"]]


def cold_load(browser, url: str) -> tuple[int, list[str]]:
    """Bytes on the wire (gzip, headers included) and every URL requested, for one cold-cache page view."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN", user_agent=WECHAT_UA)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", THROTTLE)
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="networkidle")
    context.close()
    # Vacuous otherwise: a budget passes when nothing was recorded. Every request must have finished and
    # been counted, the page itself among them.
    assert urls and set(sizes) == set(urls), f"bytes not recorded for {set(urls) - set(sizes)}"
    assert url in urls.values() and sizes[next(k for k, u in urls.items() if u == url)] > 0
    return sum(sizes.values()), sorted(urls.values())


def test_typical_pages_stay_within_60_kb_and_the_site_host(browser, bundled_site: Path, bundled_origin: str):
    host = urlsplit(bundled_origin).netloc
    for path in typical_pages(bundled_site):
        total, urls = cold_load(browser, f"{bundled_origin}/zsgk/{path}")
        others = [u for u in urls if not u.startswith("data:") and urlsplit(u).netloc != host]
        assert others == [], f"/{path} contacts other hosts"
        assert total <= BUDGET, f"/{path} transfers {total / 1024:.1f} KB: " + ", ".join(urls)


def test_no_page_runs_material_javascript_or_inline_script(bundled_site: Path):
    for html in sorted(bundled_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        assert "javascripts/bundle." not in text and "__md_scope" not in text, html
        for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", text, re.S):
            assert "src=" in attrs and not body.strip(), f"inline script in {html}"
    config = (bundled_site.parent / ".gongkai-build" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  features: []\n" in config, "full page loads only: no instant navigation or other Material JS feature"


def test_each_page_blocks_on_one_stylesheet_holding_all_in_cascade_order(bundled_site: Path):
    from generator.renderer.mkdocs_material import EXTRA_CSS

    blocking = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
    bundles = set()
    for html in sorted(bundled_site.rglob("*.html")):
        links = blocking.findall(html.read_text(encoding="utf-8"))
        assert len(links) <= 1, f"{html}: {links}"
        bundles.update(Path(link).name for link in links)
    assert len(bundles) == 1 and re.fullmatch(r"gk-bundle\.[0-9a-f]{8}\.css", next(iter(bundles)))
    text = (bundled_site / "assets" / "stylesheets" / next(iter(bundles))).read_text(encoding="utf-8")
    parts = re.findall(r"^/\* (\S+\.css) \*/$", text, re.M)
    assert parts == ["main.57a0d79d.min.css"] + [Path(css).name for css in EXTRA_CSS]
    assert text.count("@charset") == 1 and "sourceMappingURL" not in text


@pytest.mark.parametrize("mode", ["", "large"])
@pytest.mark.parametrize("width", [390, 320])
def test_pages_never_scroll_sideways(browser, bundled_site: Path, bundled_origin: str, width: int, mode: str):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    if mode:
        context.add_init_script(f"localStorage.setItem('gk-{mode}', '1')")
    page = context.new_page()
    for name, path in page_types(bundled_site).items():
        page.goto(f"{bundled_origin}/zsgk/{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px {mode}"
    context.close()


TARGETS = (".md-header a, .md-header label, .md-header button, .gk-searchbar button, .gk-searchbar input, "
           ".md-sidebar--primary .md-nav__link, .gk-qr summary, .gk-qr button, .gk-card a, .gk-footer a")


def settle(page) -> None:
    """Wait until the drawer's transitions have ended (polling the page's animations, no fixed delay)."""
    poll(page, "() => document.getAnimations().every(a => a.playState !== 'running')", "transitions ended")


@pytest.mark.parametrize("mode", ["", "large"])
def test_tap_targets_are_at_least_44_px(browser, bundled_site: Path, bundled_origin: str, mode: str):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", has_touch=True, is_mobile=True)
    if mode:
        context.add_init_script(f"localStorage.setItem('gk-{mode}', '1')")
    page = context.new_page()
    types = page_types(bundled_site)
    for path in (types["home"], types["standards/<page>"]):
        page.goto(f"{bundled_origin}/zsgk/{path}")
        page.locator(".gk-menu").click()
        settle(page)
        page.locator(".gk-qr summary").evaluate("s => s.parentElement.open = true")
        sizes = page.eval_on_selector_all(TARGETS, """els => els
            .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
            .map(e => { const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 80), r.width, r.height]; })""")
        assert len(sizes) > 12
        small = [s for s in sizes if s[1] < 44 or s[2] < 44]
        assert small == [], f"/{path}: targets under 44 px: {small}"
    context.close()


def test_drawer_opens_by_keyboard_and_hides_its_links_while_closed(browser, bundled_site: Path, bundled_origin: str):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", user_agent=WECHAT_UA, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{bundled_origin}/zsgk/{page_types(bundled_site)['standards/<page>']}")
    nav_link = page.locator(".md-sidebar--primary .md-nav__list a").first
    assert not nav_link.is_visible(), "closed drawer links must not take keyboard focus"
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('gk-menu')"):
            break
    else:
        pytest.fail("the menu button is not reachable by Tab")
    assert page.locator(".gk-menu").get_attribute("aria-expanded") == "false"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.keyboard.press("Enter")
    settle(page)
    assert page.locator(".gk-menu").get_attribute("aria-expanded") == "true"
    assert nav_link.is_visible()
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    settle(page)
    assert page.evaluate("document.activeElement.classList.contains('gk-menu')")
    assert not nav_link.is_visible()
    context.close()
