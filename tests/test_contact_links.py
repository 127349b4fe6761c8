"""Whom to ask is one tap away wherever a page names them (issue 11): contact names in running text link
to their entry, any other 向…咨询 links to the contacts page (B635 guards the rest), and the footer of
every page gives the center's own contact and the national hotlines, never a district government address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from generator.pages.contact_links import Linker, link_page, short_names
from generator.rules.ask_links import unlinked_asks

ASK = re.compile(r"向[^，。；：！？<>\n]{0,40}?(?:咨询|反映|询问)")


def test_short_names_drop_the_district_place_name_only():
    assert short_names("淮北市杜集区", "杜集区征收中心") == ("区征收中心", "征收中心")
    assert short_names("青河市西山区", "西山区征收服务中心") == ("区征收服务中心", "征收服务中心")
    assert short_names("某某县", "某某县征收办公室") == ("县征收办公室", "征收办公室")
    assert short_names("淮北市杜集区", "段园镇人民政府") == ()


def _linker() -> Linker:
    pattern = re.compile("《[^》\n]*》|示范区征收中心|(?<![省市州盟区县旗镇乡])区征收中心")
    return Linker({"示范区征收中心": "center", "区征收中心": "center"}, pattern)


def test_names_and_asks_in_running_text_are_linked():
    md = ("---\ntitle: x\n---\n# 向区征收中心咨询\n\n有疑问可以向区征收中心咨询，也可以向有关部门反映。\n\n"
          "《区征收中心工作规则》由市征收中心制定。\n\n<a href=\"x/\">区征收中心</a>\n")
    out = link_page("faq/a.md", md, _linker())
    assert "# 向区征收中心咨询\n" in out  # headings are left alone
    assert '可以向<a class="gk-contact-link" href="../../contacts/#center">区征收中心</a>咨询' in out
    assert '向<a class="gk-contact-link" href="../../contacts/">有关部门</a>反映' in out
    assert "《区征收中心工作规则》由市征收中心制定" in out  # titles and another place's center
    assert '<a href="x/">区征收中心</a>' in out  # never a link inside a link
    assert unlinked_asks({"faq/a.md": out}) == []


def test_an_ask_left_without_a_link_is_found():
    diags = unlinked_asks({"faq/a.md": "---\ntitle: x\n---\n\n有疑问可以向**财政局**咨询。\n"})
    assert [(d.code, d.line) for d in diags] == [("B635", 5)]


def _articles(site: Path):
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if "<article" in html and "contacts/index.html" not in str(page):
            yield page, html[html.index("<article"):html.index("</article>")], html


@pytest.mark.parametrize("which", ["bundled", "other"])
def test_every_ask_links_and_the_footer_gives_the_center(which: str, bundled_site: Path,
                                                       other_district_site: Path):
    site = bundled_site if which == "bundled" else other_district_site
    asks = 0
    for page, article, html in _articles(site):
        body = re.sub(r"<h[1-6][^>]*>.*?</h[1-6]>", "", article, flags=re.S)
        body = re.sub(r"<[^>]+>", lambda t: "\x01" if t.group(0).startswith("<a ") else "", body)  # links marked
        for sentence in re.split(r"[。；！？]", body):
            if ASK.search(sentence.replace("\x01", "")):
                asks += 1
                assert "\x01" in sentence, f"{page}: {sentence.strip()[:60]}"
        footer = html[html.index('<footer class="md-footer gk-footer"'):]
        assert "区政府驻地" not in footer
        assert re.search(r'咨询：<a href="[^"]*contacts/#[a-z0-9-]+">[^<]*征收[^<]*中心</a>', footer), page
        assert 'href="tel:12345"' in footer and 'href="tel:12348"' in footer
    assert asks >= (5 if which == "bundled" else 1)


def test_unverified_center_says_so_in_the_footer(bundled_site: Path):
    html = (bundled_site / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer gk-footer"'):]
    assert "地址、电话、办公时间正在核实" in footer
    assert (REPO / "site_config.yml").read_text(encoding="utf-8").count("区政府驻地") == 0


def test_verified_center_shows_its_contact_in_the_footer(other_district_site: Path):
    html = (other_district_site / "faq" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer gk-footer"'):]
    assert "地址：青河市西山区石桥路8号" in footer and 'href="tel:09997654321"' in footer
    assert "正在核实" not in footer
    assert (FIXTURES / "other-district" / "site_config.yml").exists()
    footer = footer[: footer.index("</footer>")]
    assert footer.count("0999-7654321") == 1  # site_config's footer line repeating the center's phone is not shown twice
