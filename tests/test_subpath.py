"""A column of the district portal: the site works under /zsgk/ (links, assets, search, the 404 page), and
the footer and the <meta> tags government sites carry come from site_config.yml."""

# ruff: noqa: F811  (test functions take the imported bundled_origin fixture as an argument)

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import FIXTURES, copy_project
from nginx_site import bundled_origin, page_types  # noqa: F401  (bundled_origin is a fixture)

from generator import pipeline

BASE = "https://example.gov.cn/zsgk/"
URL_ATTR = re.compile(r'<(a|link|script|img|meta)\b[^>]*?\b(href|src|content)="([^"]*)"')


def local_target(page_url: str, url: str) -> str | None:
    """The file path (relative to the column) a URL on page `page_url` (e.g. /zsgk/faq/) points at, or None
    if it leaves the site."""
    if url.startswith(BASE):
        url = "/zsgk/" + url[len(BASE):]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("#", "mailto:", "tel:", "data:")) or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), unquote(parts.path)))
    assert path == "/zsgk" or path.startswith("/zsgk/"), f"{url} on {page_url} leaves the column"
    rel = path[len("/zsgk/"):] if path != "/zsgk" else ""
    return rel if not (parts.path.endswith("/") or rel == "") else posixpath.join(rel, "index.html")


def test_every_link_and_asset_resolves_under_the_column(bundled_site: Path):
    broken = []
    for html in sorted(bundled_site.rglob("*.html")):
        rel = html.relative_to(bundled_site).as_posix()
        page_url = "/zsgk/" + ("404.html" if rel == "404.html" else rel[: -len("index.html")])
        base = "/zsgk/x/y/z/missing.html" if rel == "404.html" else page_url + "index.html"
        for tag, attr, url in URL_ATTR.findall(html.read_text(encoding="utf-8")):
            if tag == "meta" and not url.startswith(BASE):
                continue
            if rel == "404.html" and not url.startswith(("/", "https:", "#", "mailto:", "tel:")):
                broken.append(f"{rel}: {url} is relative; the 404 page is served at any depth")
                continue
            target = local_target(base, url)
            if target is not None and not (bundled_site / target).is_file():
                broken.append(f"{rel}: <{tag} {attr}={url}>")
    assert broken == []


def test_404_page_works_at_any_depth(browser, bundled_origin: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.request.resource_type != "document" else None)
    response = page.goto(f"{bundled_origin}/zsgk/a/b/c/missing/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "页面不存在"
    assert failed == []
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(29, 95, 191)", "the theme's stylesheets loaded"
    page.locator(".md-content a", has_text="补偿标准").click()
    assert urlsplit(page.url).path == "/zsgk/standards/"
    context.close()


def test_search_works_under_the_column(browser, bundled_site: Path, bundled_origin: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{bundled_origin}/zsgk/{page_types(bundled_site)['policies/<page>']}")
    page.fill("#gk-searchbar-q", "过渡费")
    page.press("#gk-searchbar-q", "Enter")
    page.wait_for_selector(".gk-search-results a", timeout=10_000)
    assert urlsplit(page.url).path == "/zsgk/search/"
    first = page.locator(".gk-search-results a").first
    first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.startswith("/zsgk/") and page.locator("h1").count() == 1
    context.close()


GOV = {"site_id_code": "3406030001", "icp_no": "皖ICP备00000000号", "psb_no": "皖公网安备 00000000000000号",
       "error_report_url": "https://zfwzzc.www.gov.cn/check_web/errorInfo_querySearch.action?term=3406030001",
       "parent_portal_url": "https://www.example.gov.cn/"}


@pytest.fixture(scope="module")
def government_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project with every footer field of a government site filled in."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("gov") / "project")
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump(GOV, allow_unicode=True), encoding="utf-8")
    result = pipeline.build(project, project / "site")
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    return project / "site"


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta name="{name}" content="([^"]*)"', html)
    return found.group(1) if found else None


def test_government_meta_tags_and_footer_come_from_site_config(government_site: Path):
    config = yaml.safe_load((FIXTURES / "mini" / "site_config.yml").read_text(encoding="utf-8"))
    page = (government_site / "standards" / "relocation" / "index.html").read_text(encoding="utf-8")
    assert meta(page, "SiteName") == config["name"]
    assert meta(page, "SiteDomain") == "example.gov.cn"
    assert meta(page, "SiteIDCode") == GOV["site_id_code"]
    assert meta(page, "ColumnName") == "补偿标准"
    assert meta(page, "ArticleTitle") == "搬迁费和临时安置费（示例）"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta(page, "PubDate") or "")
    assert meta(page, "ContentSource") == config["organiser"]
    footer = page[page.index('<footer class="md-footer gk-footer"'):]
    for text in (config["sponsor"], config["organiser"], "网站标识码：" + GOV["site_id_code"], GOV["icp_no"],
                 GOV["psb_no"], "我为政府网站找错", "返回门户网站", config["contacts"][0]["value"]):
        assert text in footer
    home = (government_site / "index.html").read_text(encoding="utf-8")
    assert meta(home, "SiteName") == config["name"] and meta(home, "ColumnName") is not None
