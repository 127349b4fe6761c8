"""一图读懂: every standard, procedure, interpretation and project page has a poster (phone SVG, A4 SVG,
PNG under 300 KB) whose QR code reads as the page's address, whose SVG holds the key figures as text,
and whose words are also on the page (alt text)."""

from __future__ import annotations

import html as htmllib
import io
import re
from pathlib import Path

import zxingcpp
from PIL import Image

from generator import pipeline
from generator.pages.posters import Line, Poster
from generator.pages.text import format_amount
from generator.post.poster.layout import wrap

BASE = "https://example.gov.cn/zsgk/"
KINDS = ("standards", "procedures", "interpretations", "projects")


def _pages(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)) + "/" for kind in KINDS for p in (site / kind).glob("*/index.html"))


def test_every_poster_page_has_its_files_and_share_image(bundled_site: Path):
    urls = _pages(bundled_site)
    assert len(urls) >= 15
    for url in urls:
        folder = bundled_site / url
        png = (folder / "poster.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) < 300_000, (url, len(png))
        assert (folder / "poster.svg").read_text(encoding="utf-8").startswith("<svg ")
        assert 'width="210mm" height="297mm"' in (folder / "poster-a4.svg").read_text(encoding="utf-8")
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert f'<meta property="og:image" content="{BASE}{url}poster.png">' in page
        assert 'href="poster.png" download' in page and 'href="poster-a4.svg"' in page


def test_qr_code_in_every_png_reads_as_the_page_url(bundled_site: Path):
    for url in _pages(bundled_site):
        image = Image.open(bundled_site / url / "poster.png")
        assert image.width == 750
        found = [r.text for r in zxingcpp.read_barcodes(image)]
        assert found == [BASE + url], url


def test_key_figures_are_svg_text_and_page_text(bundled_site: Path, bundled_project: Path):
    site, _ = pipeline.analyse(bundled_project)
    assert site is not None
    for s in site.of("compensation_standards"):
        folder = bundled_site / "standards" / s.id
        svg = htmllib.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", (folder / "poster.svg").read_text("utf-8"))))
        alt = htmllib.unescape(re.search(r'<img src="poster.png" alt="([^"]*)"', (folder / "index.html").read_text("utf-8")).group(1))
        for rate in [*s.zones, *s.items]:
            figure = f"{format_amount(rate.amount)} {rate.unit}"
            assert figure in svg and figure in alt, (s.id, figure)
        assert s.summary in alt and "示例数据" in svg


def test_wrapping_keeps_numbers_whole_and_punctuation_off_line_starts():
    lines = wrap("砖混结构补偿单价为 1,350.00 元/平方米，自 2026-03-01 起执行。（示例）", 30, 300)
    joined = "".join(lines)
    assert "1,350.00" in joined and all("1,350.00" in ln or "1,3" not in ln for ln in lines)
    assert not any(ln[0] in "，。）" for ln in lines)
    assert not any(ln.endswith("（") for ln in lines)


def test_same_poster_same_bytes(tmp_path: Path):
    from generator.post.poster import layout
    from generator.post.poster.font import subset
    from generator.post.poster.raster import png

    poster = Poster("补偿标准", "测试标准", "一句话", "关键数字", (Line("砖混结构", "1,350.00 元/平方米"),),
                    (("问谁", "征收中心"),), "", BASE + "standards/x/", "2026-01-01", True, "测试站")
    svg = layout.svg(poster)
    assert svg == layout.svg(poster) and "1,350.00 元/平方米" in svg
    font = tmp_path / "f.otf"
    font.write_bytes(subset(layout.characters(poster)))
    assert subset(layout.characters(poster)) == font.read_bytes()
    first = png(svg, str(font))
    assert first == png(svg, str(font))
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(first)))] == [BASE + "standards/x/"]
