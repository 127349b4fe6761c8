"""Sharing from WeChat and from the notice board: every page has a short title, a description, Open Graph
tags with its canonical URL and the site share image, and a QR code of that URL that a phone can scan."""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path

from generator.renderer.qr import qr_svg

BASE = "https://example.gov.cn/zsgk/"


def page_urls(site: Path) -> list[str]:
    """Every generated page (from the emitted Markdown), as its URL relative to the site root."""
    docs = site.parent / ".gongkai-build" / "docs"
    urls = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        urls.append("" if rel == "index.md" else rel[: -len("index.md")] if rel.endswith("/index.md")
                    else rel[: -len(".md")] + "/")
    return urls


def tag(html: str, attr: str, name: str) -> str | None:
    found = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def front_matter_title(site: Path, url: str) -> str:
    docs = site.parent / ".gongkai-build" / "docs"
    md = docs / ("index.md" if not url else url.rstrip("/") + ".md")
    if not md.exists():
        md = docs / url / "index.md"
    return re.search(r'^title: "(.*)"$', md.read_text(encoding="utf-8"), re.M).group(1)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_page_has_short_title_description_and_open_graph_tags(bundled_site: Path):
    urls = page_urls(bundled_site)
    assert len(urls) > 50
    short = "杜集征收公开"
    for url in urls:
        html = (bundled_site / url / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        page_title = front_matter_title(bundled_site, url)
        assert title == (short if url == "" else f"{page_title} - {short}"), url
        description = tag(html, "name", "description")
        assert description and tag(html, "property", "og:description") == description
        assert tag(html, "property", "og:title") == (short if url == "" else page_title)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical == BASE + url == tag(html, "property", "og:url")
        image = tag(html, "property", "og:image")
        assert image and image.startswith(BASE), url
        assert (bundled_site / image[len(BASE):]).is_file()
    assert min(png_size(bundled_site / image[len(BASE):])) >= 300


def test_every_page_draws_the_qr_code_of_its_canonical_url_inline(bundled_site: Path):
    for url in page_urls(bundled_site):
        html = (bundled_site / url / "index.html").read_text(encoding="utf-8")
        for css_class, size in (("gk-qr__code", 180), ("gk-print-info__code", 120)):
            expected = qr_svg(BASE + url, f'class="{css_class}" width="{size}" height="{size}" role="img" '
                                          f'aria-label="本页二维码"')
            assert expected in html, (url, css_class)
        assert not (bundled_site / url / "qr.svg").exists(), "no file, no request"


def test_the_qr_code_in_the_panel_scans_to_the_page_address(browser, bundled_site: Path):
    import zxingcpp
    from conftest import serve_dir
    from PIL import Image

    origin = serve_dir(bundled_site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2)
    page = context.new_page()
    for url in ("", "procedures/house-state/"):
        page.goto(origin + url)
        page.locator(".gk-qr summary").click()
        shot = page.locator(".gk-qr__code").screenshot()
        found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]
        assert found == [BASE + url]
    context.close()
