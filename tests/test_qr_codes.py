"""The page QR codes: the fixed-mask encoder makes the symbols segno makes (module for module), a
barcode reader decodes them from the SVG path, and the codes are kept in and linked from a file cache
without ever writing through a staged file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno
from segno import consts

from generator.renderer import qr, qr_symbol

BASE = "https://www.example.gov.cn/zsgk/duji/"
# lengths that reach versions 1-40, each error level, version information (>= 7) and 16-bit lengths (>= 10)
STANDARD_CODEWORDS = qr_symbol.data_codewords
LENGTHS = [1, 9, 14, 26, 40, 60, 85, 110, 150, 200, 270, 330, 420, 520, 650, 800, 1000, 1300, 1700, 2100, 2331]


def url_of(length: int) -> str:
    return (BASE + "projects/" + "abcdefghij-" * 300)[:length]


def with_segno_padding(data: bytes, version: int, level: int) -> bytes:
    """segno 1.6.6 writes 8 more zero bits after the terminator when it already ends on a byte boundary
    (it always does in byte mode), where the standard puts the first pad codeword; both are valid."""
    out = STANDARD_CODEWORDS(data, version, level)
    used = (4 + (8 if version < 10 else 16) + 8 * len(data) + 4) // 8
    return out[:used] + b"\0" + out[used:-1] if used < consts.SYMBOL_CAPACITY[version][level] // 8 else out


@pytest.mark.parametrize("length", LENGTHS)
def test_symbols_equal_segnos_for_the_same_mask(length: int, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(qr_symbol, "data_codewords", with_segno_padding)
    url = url_of(length)
    ours = qr_symbol.make(url.encode())
    theirs = segno.make(url, error="m", micro=False, mask=qr_symbol.MASK, mode="byte")
    assert (ours.size - 17) // 4 == theirs.version
    assert ours.modules == bytes(bit for row in theirs.matrix for bit in row)


def test_data_codewords_follow_the_standard():
    data = qr_symbol.data_codewords(b"AB", 1, consts.ERROR_LEVEL_M)  # 16 data codewords
    assert data == bytes([0x40, 0x24, 0x14, 0x20]) + b"\xec\x11" * 6
    with pytest.raises(qr_symbol.TooLong):
        qr_symbol.choose(2332)


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
    symbol = qr_symbol.make(url.encode())
    border = qr.BORDER
    assert side == symbol.size + 2 * border
    assert all(grid[y][x] == 0 for y in range(side) for x in range(side)
               if not (border <= x < side - border and border <= y < side - border)), "the quiet zone is light"
    assert [row[border:side - border] for row in grid[border:side - border]] == [list(r) for r in symbol.rows()]
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
