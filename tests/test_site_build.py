"""The bundled 杜集区 site, built for real: DOM facts, figures equal to their YAML, sample notices,
last-updated dates, nothing external, and --production refusing sample data."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, copy_project

from generator.commands.cli import main
from generator.pipeline import analyse


class Dom(HTMLParser):
    """Collects the few facts the tests look at, without a dependency."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.data: list[dict[str, str]] = []
        self.classes: list[str] = []
        self.external: list[str] = []
        self.html_lang = ""
        self._in: str | None = None
        self._data_attrs: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang", "")
        if tag in ("title", "h1"):
            self._in = tag
        if tag == "data":
            self._data_attrs = {**a, "text": ""}
        self.classes.extend(a.get("class", "").split())
        for attr in ("src", "href"):
            url = a.get(attr, "")
            if url.startswith(("http://", "https://", "//")) and (tag != "a" and not (tag == "link" and a.get("rel") == "canonical")):
                self.external.append(f"{tag} {url}")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None
        if tag == "data" and self._data_attrs is not None:
            self.data.append(self._data_attrs)
            self._data_attrs = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data
        if self._data_attrs is not None:
            self._data_attrs["text"] += data


def dom(path: Path) -> Dom:
    d = Dom()
    d.feed(path.read_text(encoding="utf-8"))
    return d


@pytest.fixture(scope="module")
def site_model(bundled_project: Path):
    site, diags = analyse(bundled_project)
    assert site is not None, diags
    return site


def page_file(site_dir: Path, section: str, item_id: str) -> Path:
    return site_dir / section / item_id / "index.html"


def test_every_page_has_title_h1_lang_and_updated_date(bundled_site: Path):
    pages = sorted(bundled_site.rglob("index.html"))
    assert len(pages) > 60
    for path in pages:
        d = dom(path)
        assert d.html_lang == "zh-CN", path
        assert d.title.strip(), path
        assert d.h1.strip(), path
        assert "gk-updated" in d.classes, f"{path} shows no last-updated date"


def test_updated_dates_come_from_content(bundled_site: Path, site_model):
    for doc in site_model.of("policy_documents"):
        html = page_file(bundled_site, "policies", doc.id).read_text(encoding="utf-8")
        assert f'更新日期：<time datetime="{doc.updated.isoformat()}">' in html


def test_policy_pages_show_the_government_metadata_block(bundled_site: Path, site_model):
    for doc in site_model.of("policy_documents"):
        html = page_file(bundled_site, "policies", doc.id).read_text(encoding="utf-8")
        block = html[html.index('<table class="gk-docmeta"'): html.index("</table>", html.index("gk-docmeta"))]
        for label in ("索引号", "发文机关", "文号", "成文日期", "发布日期", "施行日期", "有效性"):
            assert f"<th scope=\"row\" role=\"rowheader\">{label}</th>" in block, (doc.id, label)
        assert doc.issuer in re.sub(r"<[^>]+>", "", block)  # a contact's name in it links to its entry
        if doc.doc_number:
            assert doc.doc_number in block
        for name in doc.pending:
            assert "待补充" in block, (doc.id, name)
        for article in doc.articles:
            assert f'id="art-{article.number}"' in html


def test_every_figure_equals_its_yaml_value(bundled_project: Path, bundled_site: Path, site_model):
    standards = site_model.of("compensation_standards")
    assert standards, "the bundled site must have compensation standards"
    seen = 0
    for s in standards:
        d = dom(page_file(bundled_site, "standards", s.id))
        rates = [*s.zones, *s.items]
        assert len(d.data) == len(rates), s.id
        for element, rate in zip(d.data, rates, strict=True):
            assert Decimal(element["value"]) == rate.amount
            assert element["text"].replace(",", "") == element["value"]
            path, line = element["data-src"].rsplit(":", 1)
            yaml_line = (bundled_project / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
            typed = re.search(r"amount:\s*['\"]?([0-9.]+)", yaml_line)
            assert typed, yaml_line
            assert Decimal(typed.group(1)) == Decimal(element["value"]), (s.id, yaml_line)
            seen += 1
    assert seen >= 20


def test_sample_notice_on_every_page_showing_sample_figures(bundled_site: Path, site_model):
    assert site_model.config.sample_data
    for path in bundled_site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        banner, notice = "gk-sample-banner" in html, 'class="gk-sample"' in html
        assert banner != notice, f"{path}: exactly one sample notice on the first screen (banner or the page's own)"
        if "<data value=" in html:
            article = html[html.index("<article"):]
            assert 'class="gk-sample"' in article and "不是官方补偿标准" in article, path


def test_no_page_loads_anything_external(bundled_site: Path):
    for path in list(bundled_site.rglob("*.html")):
        assert dom(path).external == [], path


def test_production_build_refuses_sample_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = copy_project(REPO, tmp_path / "p")
    out = tmp_path / "published"
    out.mkdir()
    (out / "index.html").write_text("old site", encoding="utf-8")
    assert main(["build", "--root", str(project), "--out", str(out), "--production"]) == 1
    err = capsys.readouterr().err
    assert "P501" in err and "示例数据" in err
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "old site"


INJECTIONS = {
    "duplicate key": ("content/procedures/house-state.yml", lambda t: t.replace("\nupdated:", "\nupdated: 2020-01-01\nupdated:", 1), "Y102"),
    "unknown field": ("content/remedies/administrative-reconsideration.yml", lambda t: t + "remark: 备注\n", "S201"),
    "tab indentation": ("content/glossary/terms.yml", lambda t: t.replace("\n  term:", "\n\tterm:", 1), "Y103"),
    "invalid utf-8": ("content/faq/compensation.yml", None, "Y104"),
}


@pytest.mark.parametrize("fault", sorted(INJECTIONS))
def test_injected_fault_names_file_and_line(fault: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = copy_project(REPO, tmp_path / "p")
    rel, change, code = INJECTIONS[fault]
    target = project / rel
    if change is None:
        target.write_bytes(target.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    else:
        changed = change(target.read_text(encoding="utf-8"))
        assert changed != target.read_text(encoding="utf-8")
        target.write_text(changed, encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"{re.escape(rel)}:\d+:\d+: 错误 {code}", err), err
