"""Serving: the built site through Debian's nginx with docs/nginx.conf, as the column /zsgk/ — compression,
caching, security headers, the 404 page, and a Content-Security-Policy the browser never reports broken."""

# ruff: noqa: F811  (test functions take the imported bundled_origin fixture as an argument)

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

from counting import poll
from nginx_site import bundled_origin, page_types  # noqa: F401  (bundled_origin is a fixture)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as exc:
        response = exc
    body = response.read()
    headers = {k.lower(): v for k, v in response.headers.items()}
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, headers, body


def test_pages_are_compressed_revalidated_and_carry_security_headers(bundled_origin: str):
    status, headers, body = fetch(f"{bundled_origin}/zsgk/")
    assert status == 200 and "杜集" in body.decode("utf-8")
    assert headers["content-encoding"] == "gzip" and "accept-encoding" in headers["vary"].lower()
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-cache"
    csp = headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                      "frame-ancestors 'self'"):
        assert directive in csp
    assert "unsafe" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["referrer-policy"] and headers["permissions-policy"]
    assert headers["server"] == "nginx", "no version in the Server header"


def test_hashed_assets_are_cached_for_a_year_and_others_briefly(bundled_site: Path, bundled_origin: str):
    html = (bundled_site / "index.html").read_text(encoding="utf-8")
    hashed = re.findall(r'src="(assets/javascripts/gk-prefs\.[0-9a-f]{8}\.js)"', html)
    bundle = re.findall(r'href="(assets/stylesheets/gk-bundle\.[0-9a-f]{8}\.css)"', html)
    assert hashed and bundle, "gk-prefs.js is fingerprinted, the stylesheets bundled"
    for path in (hashed[0], bundle[0], "assets/stylesheets/main.57a0d79d.min.css"):
        status, headers, _ = fetch(f"{bundled_origin}/zsgk/{path}")
        assert status == 200 and headers["content-encoding"] == "gzip"
        assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
        assert headers["x-content-type-options"] == "nosniff"
    status, headers, body = fetch(f"{bundled_origin}/zsgk/feed.xml")
    assert status == 200 and body.startswith(b"<?xml")
    assert headers["cache-control"] == "max-age=600"


def test_missing_pages_get_the_404_page_and_the_bare_column_redirects(bundled_origin: str):
    status, headers, body = fetch(f"{bundled_origin}/zsgk/no/such/page/")
    assert status == 404
    assert "页面不存在" in body.decode("utf-8")
    assert "content-security-policy" in headers
    status, headers, _ = fetch(f"{bundled_origin}/zsgk")
    assert status == 301 and headers["location"] == "/zsgk/"
    status, headers, _ = fetch(f"{bundled_origin}/zsgk/standards")
    assert status == 301 and headers["location"] == "/zsgk/standards/"


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));
"""


def test_the_browser_reports_no_csp_violation_on_any_page_or_interaction(browser, bundled_site: Path,
                                                                           bundled_origin: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    violations: dict[str, list[str]] = {}
    for name, path in page_types(bundled_site).items():
        page.goto(f"{bundled_origin}/zsgk/{path}", wait_until="networkidle")
        if name == "standards/<page>":
            page.get_by_role("button", name="大字").click()
            page.get_by_role("button", name="高对比").click()
            page.locator(".gk-qr summary").click()
            page.locator(".gk-menu").click()
            page.keyboard.press("Escape")
        if name == "search/":
            page.fill("#gk-q", "过渡费")
            page.press("#gk-q", "Enter")
            page.wait_for_selector(".gk-search-results a", timeout=10_000)
        found = page.evaluate("window.__csp")
        if found:
            violations[name] = found
    reported = list(console)
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = '1'; document.head.append(s); }")
    poll(page, "() => Boolean(window.__csp && window.__csp.length)", "the CSP report")  # it arrives as an event
    canary = page.evaluate("window.__csp")  # an inline script must be refused and reported: the listener works
    context.close()
    assert violations == {} and reported == []
    assert canary and "script-src" in canary[0]
