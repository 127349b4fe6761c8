"""Every table on both sites, as a resident's phone draws it (issue 11, "Also"): on a 375×812 screen, in the
normal and the 大字 mode, no visible table cell is narrower than three characters, no column is empty in
every row, every data cell names its column, and no page scrolls sideways; on a wide screen a table stays
a table. The estimators are filled in, so the result tables their script draws are checked too. The pages are found in the
built sites (every page holding a table), not listed here.

The same visits check the rest of the family on one page of every page type (the largest of each section
and depth, besides the table pages): a 、 never starts a line (citations joined on one line), exactly one
sample-data notice on the first screen of a sample site (none elsewhere), and, over every page of both
sites, each glossary term explained at most once per page.

One browser context per site and mode, one tab reused for every page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import serve_dir

PHONE = {"width": 375, "height": 812}
SITES = {"bundled": ("bundled_site", 1), "other": ("other_district_site", 0)}  # fixture, sample notices

FACTS = """() => {
  const shown = (c) => { const r = c.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const clipped = (c) => { for (let e = c; e && e.tagName !== "TABLE"; e = e.parentElement) {
      if (getComputedStyle(e).clipPath !== "none") return true; } return false; };
  const facts = { tables: 0, cells: 0, narrow: [], empty: [], unlabelled: [], starts: [], notices: 0,
                  width: document.scrollingElement.scrollWidth };
  for (const t of document.querySelectorAll("table")) {
    facts.tables += 1;
    const head = t.tHead ? t.tHead.rows[t.tHead.rows.length - 1] : null;
    const names = [];
    if (head) for (const c of head.cells) for (let k = 0; k < c.colSpan; k++) names.push(c.textContent.trim());
    const filled = new Set();
    const rows = [...t.tBodies].flatMap((b) => [...b.rows]).concat(t.tFoot ? [...t.tFoot.rows] : []);
    for (const row of rows) {
      let col = 0;
      for (const c of row.cells) {
        const text = c.textContent.trim();
        if (text) for (let k = col; k < col + c.colSpan; k++) filled.add(k);
        if (head && text && c.tagName === "TD" && c.colSpan === 1 && names[col] && !c.dataset.label)
          facts.unlabelled.push(names[col] + ": " + text.slice(0, 20));
        col += c.colSpan;
      }
    }
    names.forEach((n, k) => { if (!filled.has(k)) facts.empty.push(n || "column " + k); });
    for (const c of t.querySelectorAll("th, td")) {
      if (!shown(c) || clipped(c) || !c.textContent.trim()) continue;
      facts.cells += 1;
      const size = parseFloat(getComputedStyle(c).fontSize), width = c.getBoundingClientRect().width;
      if (width < 3 * size - 0.5) facts.narrow.push(c.textContent.trim().slice(0, 20) + " (" + Math.round(width) + "px)");
    }
  }
  // A 、 never starts a line: it sits on the line of the visible character before it.
  const root = document.querySelector("article") || document.body;
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const box = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                             const b = r.getClientRects()[0]; return b && b.width ? b : null; };
  const before = (node, i) => {  // the box of the last visible character before (node, i)
    const back = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    back.currentNode = node;
    for (let n = node, k = i - 1; n; n = back.previousNode(), k = n ? n.data.length - 1 : -1) {
      for (; k >= 0; k--) { const b = n.data[k].trim() && box(n, k); if (b) return b; }
    }
    return null;
  };
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (let i = node.data.indexOf("、"); i >= 0; i = node.data.indexOf("、", i + 1)) {
      const b = box(node, i), last = b && before(node, i);
      if (last && b.top >= last.bottom - 2)
        facts.starts.push(node.data.slice(Math.max(0, i - 8), i + 8).trim() || node.parentElement.outerHTML.slice(0, 80));
    }
  }
  for (const n of document.querySelectorAll(".gk-sample, .gk-sample-banner")) {
    const r = n.getBoundingClientRect();
    if (r.height > 0 && r.top < innerHeight && r.bottom > 0) facts.notices += 1;
  }
  return facts;
}"""


ESTIMATE = """() => {
  for (const form of document.querySelectorAll(".gk-estimator form")) {
    for (const el of form.querySelectorAll("select")) if (el.options.length > 1) el.selectedIndex = 1;
    for (const el of form.querySelectorAll("input[type=text]")) el.value = el.dataset.places === "0" ? "2" : "12.5";
    for (const el of form.querySelectorAll("input[type=checkbox]")) el.checked = true;
    form.dispatchEvent(new Event("input", {bubbles: true}));
  }
}"""


def estimate(page) -> None:
    """Fill every estimator on the page (each zone, quantity and condition) so its result table is drawn."""
    page.wait_for_selector(".gk-estimator[data-ready]")
    page.evaluate(ESTIMATE)
    page.wait_for_selector(".gk-estimator__result table")


def site_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).parts[0] != "assets"]


def table_pages(site: Path) -> list[str]:
    """Pages holding a table as built, and the estimators, whose result table the browser draws."""
    return [url_of(site, p) for p in site_pages(site)
            if re.search(r'<table\b|class="gk-estimator\b', p.read_text(encoding="utf-8"))]


def one_page_per_type(site: Path) -> list[str]:
    """The largest page of each section and depth (home, section index, leaf, ...)."""
    kinds: dict[tuple[str, int], Path] = {}
    for p in site_pages(site):
        parts = p.parent.relative_to(site).parts
        key = (parts[0] if parts else "", len(parts))
        if key not in kinds or p.stat().st_size > kinds[key].stat().st_size:
            kinds[key] = p
    return [url_of(site, p) for p in kinds.values()]


def url_of(site: Path, page: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


@pytest.fixture(params=sorted(SITES), scope="module")
def site(request: pytest.FixtureRequest) -> tuple[str, Path, str]:
    fixture, _ = SITES[request.param]
    folder = request.getfixturevalue(fixture)
    return request.param, folder, serve_dir(folder)


@pytest.mark.parametrize("mode", ["normal", "large"])
def test_every_table_stacks_and_every_page_type_reads_cleanly_on_a_phone(browser, site, mode) -> None:
    name, folder, base = site
    tables = table_pages(folder)
    visits = sorted(set(tables) | set(one_page_per_type(folder)))
    assert len(tables) >= 10, tables
    context = browser.new_context(viewport=PHONE, locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base)
    if mode == "large":
        page.click("[data-gk-pref=large]")  # remembered for the rest of the visits
    problems: list[str] = []
    counted = Counter()
    for rel in visits:
        page.goto(base + rel)
        if page.locator(".gk-estimator form").count():
            estimate(page)
        assert page.evaluate("document.documentElement.classList.contains('gk-large')") == (mode == "large")
        facts = page.evaluate(FACTS)
        counted.update(tables=facts["tables"], cells=facts["cells"])
        if rel in tables and not facts["tables"]:
            problems.append(f"/{rel}: no table drawn")
        for key in ("narrow", "empty", "unlabelled", "starts"):
            if facts[key]:
                problems.append(f"/{rel}: {key}: {facts[key][:5]}")
        if facts["width"] > PHONE["width"]:
            problems.append(f"/{rel}: {facts['width']}px wide, scrolls sideways")
        if facts["notices"] != SITES[name][1]:
            problems.append(f"/{rel}: {facts['notices']} sample-data notices on the first screen")
    if mode == "normal":  # on a wide screen a table stays a table, its header row shown
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + tables[0])
        rows = page.evaluate("""() => [...document.querySelectorAll('table tr')].map(r => getComputedStyle(r).display
            + (r.closest('thead') ? ' ' + getComputedStyle(r.closest('thead')).clipPath : ''))""")
        assert rows and set(rows) <= {"table-row", "table-row none"}, (tables[0], set(rows))
    context.close()
    assert problems == [], "\n".join(problems)
    assert counted["cells"] > 10 * len(tables), counted


def test_each_glossary_term_is_explained_at_most_once_per_page(bundled_site: Path, other_district_site: Path):
    term = re.compile(r'class="gk-term"[^>]*\bdata-term="([^"]+)"')
    seen = 0
    for folder in (bundled_site, other_district_site):
        for p in site_pages(folder):
            counts = Counter(term.findall(p.read_text(encoding="utf-8")))
            twice = {t: n for t, n in counts.items() if n > 1}
            assert not twice, f"{p.relative_to(folder)}: explained more than once: {twice}"
            seen += sum(counts.values())
    assert seen > 100
