"""The page budget, as far as a test can hold it: the heaviest page of every page type of the bundled site
loads at most 60 KB (gzip, response headers allowed for), computed from the built files by
scripts/page_weight.py. Bytes are deterministic; first paint is not, so it is measured by
scripts/bench_pages.py (which also checks these figures against what Chromium transfers) and never
asserted here.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts import page_weight

# Page types every district with the bundled sections has (a type missing means the discovery broke).
EXPECTED = {"home", "404", "search/", "contacts/", "disclosure/", "data/", "glossary/", "recent/", "estimate/",
            "estimate/<page>", "estimate/household-collective (集体土地)", "estimate/household-state (国有土地)",
            "standards/<page>", "procedures/<page>", "policies/<page>", "interpretations/<page>", "faq/<page>",
            "remedies/<page>", "projects/<page>", "funds/<page>", "audits/<page>", "estates/<page>",
            "resettlement/", "allocation/<page>", "calendars/"}


def test_every_page_type_of_the_bundled_site_stays_within_60_kb(bundled_site: Path):
    heaviest = page_weight.heaviest_by_type(bundled_site)
    assert EXPECTED <= set(heaviest), f"page types not found: {EXPECTED - set(heaviest)}"
    over = {kind: w for kind, w in heaviest.items() if w.total > page_weight.BUDGET}
    assert not over, "\n".join(
        f"{kind} /{w.page}: {w.total / 1024:.1f} KB = " + ", ".join(f"{load.path} {load.wire / 1024:.1f}"
                                                                    for load in w.loads)
        for kind, w in over.items())


def test_only_estimator_pages_load_the_estimator_script(bundled_site: Path):
    root = page_weight.site_path(bundled_site)
    for html in page_weight.pages(bundled_site):
        weight = page_weight.weigh(bundled_site, html, root)
        loads = {Path(load.path).name.split(".")[0] for load in weight.loads}
        estimator = 'class="gk-estimator' in html.read_text(encoding="utf-8")
        assert ("gk-estimator" in loads) == estimator, weight.page
        assert "gk-prefs" in loads and "gk-explain" in loads, weight.page


def test_page_types_from_paths():
    cases = {"index.html": "home", "404.html": "404", "faq/index.html": "faq/",
             "faq/cash-or-house/index.html": "faq/<page>",
             "estimate/household-state/index.html": "estimate/household-state (国有土地)",
             "estimate/crops/index.html": "estimate/<page>",
             "standards/relocation/2025-01-01/index.html": "standards/<page>/<version>",
             "projects/p/notes/index.html": "projects/<page>/<page>"}
    assert {path: page_weight.page_type(path) for path in cases} == cases


PAGE = """<html><head>
<link rel="canonical" href="https://example.gov.cn/zsgk/a/">
<link rel="icon" href="../i.png">
<link rel="stylesheet" href="../s.css">
<link rel="stylesheet" href="../p.css" media="print">
<link rel="alternate" type="application/atom+xml" href="../feed.xml">
<script src="/zsgk/h.js"></script>
</head><body>
<img src="lazy.png" loading="lazy"><img src="eager.png"><a href="../other.html">x</a>
<script src="../h.js"></script><script src="../b.js" defer></script>
</body></html>"""


def test_weight_counts_what_a_page_makes_the_browser_fetch(tmp_path: Path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "index.html").write_text(PAGE.replace("/zsgk/a/", "/zsgk/"), encoding="utf-8")
    big = ("body { color: red }\n" * 200).encode()
    for name, data in {"i.png": b"p" * 100, "s.css": big, "p.css": b"x{}", "h.js": b"1", "b.js": b"2",
                       "a/eager.png": b"e" * 700, "a/lazy.png": b"l" * 9000, "feed.xml": b"f" * 9000}.items():
        (site / name).write_bytes(data)
    weight = page_weight.weigh(site, site / "a" / "index.html", page_weight.site_path(site))
    assert [(load.path, load.blocking) for load in weight.loads] == [
        ("a/index.html", True), ("i.png", False), ("s.css", True), ("p.css", False), ("h.js", True),
        ("a/eager.png", False), ("b.js", False)]
    sizes = {load.path: load.body for load in weight.loads}
    assert sizes["s.css"] < len(big) // 10 and sizes["a/eager.png"] == 700 and sizes["p.css"] == 3
    assert weight.total == sum(sizes.values()) + page_weight.HEADERS["html"] + 6 * page_weight.HEADERS["asset"]
    assert weight.before_paint < weight.total


def test_no_page_has_an_element_of_a_component_left_out_of_the_stylesheet(bundled_site: Path):
    from generator.renderer.css_prune import UNUSED

    for html in page_weight.pages(bundled_site):
        for attribute in re.findall(r'class="([^"]*)"', html.read_text(encoding="utf-8")):
            used = [c for c in attribute.split() if ("." + c).startswith(UNUSED)]
            assert not used, f"{html}: {used} is styled by rules css_prune leaves out"


def test_pruning_keeps_every_rule_that_may_still_match():
    from generator.renderer.css_prune import prune

    css = ('@charset "UTF-8";.a,.md-search__form{color:red}.md-tabs{x:1}'
           '@media screen{.md-top{y:1}.b .highlight code,:is(.c,.md-search) p{z:1}}@media print{.md-tag{w:0}}'
           '.md-typeset :is(.highlight,pre)>code{v:"}{"}/* .md-search{ */.tabbed-set[data-x="a,b"]{u:1}')
    assert prune(css) == ('@charset "UTF-8";.a{color:red}@media screen{:is(.c,.md-search) p{z:1}}'
                          '.md-typeset :is(.highlight,pre)>code{v:"}{"}')
