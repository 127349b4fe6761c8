"""Printing for the village notice board (公开栏): Chromium prints a page to an A4 PDF holding the title, the
content, the source, the date and the QR code, and none of the navigation, header, footer or buttons."""

# ruff: noqa: F811  (test functions take the imported bundled_origin fixture as an argument)

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from nginx_site import bundled_origin, page_types  # noqa: F401  (bundled_origin is a fixture)

A4_POINTS = (595, 842)
RADICALS = "[\u2e80-\u2fdf]"  # PDF text may give a Han character as its look-alike radical (民 -> ⺠)


def contains(text: str, expected: str) -> bool:
    """`expected` occurs in the PDF text, allowing look-alike radicals in place of Han characters."""
    parts = (f"(?:{re.escape(c)}|{RADICALS})" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
             for c in normal(expected))
    return re.search("".join(parts), text) is not None


def normal(text: str) -> str:
    # NFKC maps Kangxi radicals (示 -> U+2F70) back and unifies full-width punctuation.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def printed(browser, url: str, mode: str = "") -> tuple[str, tuple[int, int], dict]:
    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    if mode:
        context.add_init_script(f"localStorage.setItem('gk-{mode}', '1')")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    facts = page.evaluate("""() => {
        const qr = document.querySelector('.gk-print-info__code');
        const r = qr.getBoundingClientRect();
        return {qrLoaded: qr.tagName.toLowerCase() === 'svg' && !!qr.querySelector('path[stroke]'), qrWidth: r.width, qrHeight: r.height,
                title: document.querySelector('h1').textContent.trim(),
                color: getComputedStyle(document.querySelector('.md-content__inner')).color,
                background: getComputedStyle(document.body).backgroundColor};
    }""")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    context.close()
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    text = "\n".join(p.extract_text() for p in reader.pages)
    return normal(text), (round(float(box.width)), round(float(box.height))), facts


@pytest.mark.parametrize("kind", ["standards/<page>", "policies/<page>"])
def test_printed_page_has_title_content_source_date_and_qr_only(browser, bundled_site: Path,
                                                                bundled_origin: str, kind: str):
    path = page_types(bundled_site)[kind]
    text, size, facts = printed(browser, f"{bundled_origin}/zsgk/{path}")
    assert size == A4_POINTS
    markdown = bundled_site.parent / ".gongkai-build" / "docs" / (path.rstrip("/") + ".md")
    updated = re.search(r'^updated: "([^"]+)"', markdown.read_text(encoding="utf-8"), re.M)
    assert contains(text, facts["title"])
    assert contains(text, "来源：") and contains(text, "更新日期：")
    assert updated and updated.group(1) in text
    assert f"https://example.gov.cn/zsgk/{path}" in text
    assert facts["qrLoaded"] and facts["qrWidth"] > 100 and facts["qrHeight"] > 100  # 35 mm at 96 dpi
    for chrome in ("栏目导航", "大字", "高对比", "扫码/打印", "搜索本站", "主办单位", "跳转至"):
        assert not contains(text, chrome), f"{chrome} printed"


def test_print_is_black_on_white_even_in_high_contrast_mode(browser, bundled_site: Path,
                                                           bundled_origin: str):
    path = page_types(bundled_site)["procedures/<page>"]
    text, _, facts = printed(browser, f"{bundled_origin}/zsgk/{path}", mode="contrast")
    assert facts["background"] == "rgb(255, 255, 255)"
    red, green, blue = (int(v) for v in re.findall(r"\d+", facts["color"])[:3])
    assert max(red, green, blue) < 100, f"text must print dark, not {facts['color']}"
    assert contains(text, "来源：")
