"""The page QR codes: segno with one fixed mask makes them, the SVG path draws exactly segno's modules
with a light quiet zone, a barcode reader decodes them from that path, and an address no code can hold
is reported before the render."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno

from generator.renderer import qr

BASE = "https://www.example.gov.cn/zsgk/duji/"
# lengths that reach versions 1-40, each error level, version information (>= 7) and 16-bit lengths (>= 10)
LENGTHS = [1, 9, 14, 26, 40, 60, 85, 110, 150, 200, 270, 330, 420, 520, 650, 800, 1000, 1300, 1700, 2100, 2331]


def url_of(length: int) -> str:
    return (BASE + "projects/" + "abcdefghij-" * 300)[:length]


def segno_code(url: str) -> segno.QRCode:
    return segno.make(url.encode(), error="m", boost_error=True, mask=qr.MASK, micro=False, mode="byte")


@pytest.mark.parametrize("length", LENGTHS)
def test_the_path_draws_exactly_segnos_modules(length: int):
    url = url_of(length)
    side, grid = modules_of_svg(qr.qr_svg(url))
    code, border = segno_code(url), qr.BORDER
    assert side == len(code.matrix) + 2 * border
    assert [row[border:side - border] for row in grid[border:side - border]] == [list(r) for r in code.matrix]
    assert code.mask == qr.MASK and code.mode == "byte"


def test_the_longest_address_a_code_holds():
    segno_code(url_of(qr.MAX_BYTES))
    with pytest.raises(segno.DataOverflowError):
        segno_code(url_of(qr.MAX_BYTES + 1))


def modules_of_svg(svg: str) -> tuple[int, list[list[int]]]:
    """The dark modules drawn by qr.qr_svg's path, quiet zone included."""
    text = svg
    side = int(re.search(r'viewBox="0 0 (\d+) \1"', text).group(1))
    grid = [[0] * side for _ in range(side)]
    x = y = 0
    for op, a, b in re.findall(r"([Mmh])(\d+)(?: (\d+)\.5)?", re.search(r'stroke="#000" d="([^"]*)"', text).group(1)):
        if op == "M":
            x, y = int(a), int(b)
        elif op == "m":
            x += int(a)
        else:
            for i in range(int(a)):
                grid[y][x + i] = 1
            x += int(a)
    return side, grid


@pytest.mark.parametrize("url", [BASE, BASE + "faq/question-12/", url_of(150), url_of(420),
                                 "https://例子.中国/征收/公告/"])
def test_the_svg_path_scans_to_the_url(url: str):
    import zxingcpp
    from PIL import Image

    svg = qr.qr_svg(url)
    side, grid = modules_of_svg(svg)
    border = qr.BORDER
    assert all(grid[y][x] == 0 for y in range(side) for x in range(side)
               if not (border <= x < side - border and border <= y < side - border)), "the quiet zone is light"
    scale = 4
    image = Image.new("L", (side * scale, side * scale), 255)
    for y, row in enumerate(grid):
        for x, dark in enumerate(row):
            if dark:
                image.paste(0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [url]


def test_the_svg_is_deterministic_and_escapes_its_title():
    url = BASE + "faq/?a=1&b=<2>"
    svg = qr.qr_svg(url)
    assert svg == qr.qr_svg(url)
    assert "<title>https://www.example.gov.cn/zsgk/duji/faq/?a=1&amp;b=&lt;2&gt;</title>" in svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')


def test_a_url_no_code_can_hold_is_reported_before_the_render(tmp_path: Path):
    from conftest import FIXTURES, copy_project

    from generator import pipeline

    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    config = project / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    long_base = "https://example.gov.cn/" + "a" * 2400 + "/"
    config.write_text(re.sub(r"base_url: .*", f"base_url: {long_base}", text), encoding="utf-8")
    result = pipeline.build(project, tmp_path / "out")
    assert not result.published
    assert "B604" in {d.code for d in result.diagnostics}
    assert not (tmp_path / "out").exists()
