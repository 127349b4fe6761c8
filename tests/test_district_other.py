"""Another district's project (tests/fixtures/other-district: 青河市西山区, no sample data, no overrides/,
a sub-path base_url): what the bundled 杜集区 content would hide."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_fixture, serve_dir


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture("other-district", tmp_path_factory)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_sample_banner_without_sample_data(other_site: Path, mini_site: Path) -> None:
    # Material shows its (yellow) banner whenever the announce block renders anything, even a newline.
    with_banner = [p.relative_to(other_site) for p in _pages(other_site) if "md-banner" in p.read_text("utf-8")]
    assert with_banner == []
    assert "gk-sample-banner" in (mini_site / "faq" / "index.html").read_text("utf-8")  # sample sites keep it
    assert "gk-sample-banner" not in (mini_site / "index.html").read_text("utf-8")  # (the page's own notice there)


def test_bundled_district_does_not_leak(other_site: Path) -> None:
    leaks = []
    for p in sorted(other_site.rglob("*")):
        if p.is_file() and p.suffix in {".html", ".xml", ".json", ".js", ".svg"}:
            text = p.read_text("utf-8", errors="replace")
            leaks += [f"{p.relative_to(other_site)}: {w}" for w in ("杜集", "淮北", "段园") if w in text]
            # no sample notice of any kind (the open data's `sample` column may be titled 示例数据)
            leaks += [f"{p.relative_to(other_site)}: {w}" for w in SAMPLE_NOTICES if w in text]
    assert leaks == []


SAMPLE_NOTICES = ("gk-sample-banner", "<strong>示例数据</strong>", "（示例数据）", "，示例数据）", "数字不是官方数字。")


def test_example_caption_spans_the_card_on_a_phone(other_site: Path, browser: object) -> None:
    base = serve_dir(other_site)
    page = browser.new_page(viewport={"width": 375, "height": 740})  # type: ignore[attr-defined]
    try:
        for path in ("standards/xishan-relocation/", "estimate/xishan-relocation/"):
            page.goto(base + path)
            caption, table = page.eval_on_selector(
                ".gk-example caption",
                "e => [e.getBoundingClientRect().width, e.closest('table').getBoundingClientRect().width]")
            assert caption >= 0.9 * table, f"{path}: caption {caption}px in a {table}px table"
    finally:
        page.close()


def test_estimator_understands_what_a_phone_keyboard_types(other_site: Path, browser: object) -> None:
    """Full-width digits, a unit, spaces and a full stop are understood (issue 11); anything else gets words a
    70-year-old understands, next to the field."""
    page = browser.new_page(viewport={"width": 375, "height": 740})  # type: ignore[attr-defined]
    field, error = "[id='gk-line:transition:平方米']", "[id='gk-line:transition:平方米-error']"
    try:
        page.goto(serve_dir(other_site) + "estimate/xishan-relocation/")
        totals = set()
        for typed in ("８０", "80平方米", "80 ㎡", " 80 。", "８０平方米。"):
            page.fill(field, typed)
            assert page.inner_text(error) == "", typed
            totals.add(page.inner_text("[data-total]"))
        assert len(totals) == 1, totals  # the same 80 every time
        said = {}
        for typed in ("1,200", "八十"):
            page.fill(field, typed)
            page.wait_for_function("s => document.querySelector(s).textContent !== ''", arg=error)
            said[typed] = page.inner_text(error)
        assert "逗号" in said["1,200"] and "只写数字" in said["八十"], said
        assert "区片" not in page.inner_text(".gk-estimator__result")  # this form has no 区片 to choose
    finally:
        page.close()
