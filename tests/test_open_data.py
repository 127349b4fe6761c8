"""Open data (开放数据): the package validates with frictionless, and every figure in the data is the
one on the page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from frictionless import validate

from generator import pipeline
from generator.pages.datasets import DATASETS
from generator.pages.open_data import open_data

ROW_RE = re.compile(r'<tr id="rate-([a-z0-9-]+)"[^>]*>.*?<data value="([0-9.]+)"', re.S)


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_package_validates_with_frictionless(bundled_site: Path):
    report = validate(str(bundled_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])[:5]
    names = {task.name for task in report.tasks}
    assert {spec.name for spec in DATASETS} <= names
    assert all(task.stats.get("rows") for task in report.tasks if task.name.startswith(("compensation-items", "compensation-zones")))


def test_every_figure_equals_the_page(bundled_site: Path):
    data = bundled_site / "data"
    rows = _csv(data / "compensation-items.csv") + _csv(data / "compensation-zones.csv")
    assert len(rows) > 20
    pages: dict[str, dict[str, str]] = {}
    for row in rows:
        standard = row["compensation_standard_id"]
        if standard not in pages:
            html = (bundled_site / "standards" / standard / "index.html").read_text(encoding="utf-8")
            pages[standard] = dict(ROW_RE.findall(html))
        assert pages[standard][row["id"]] == row["amount"], (standard, row["id"])
        assert row["url"].endswith(f"/standards/{standard}/#rate-{row['id']}")
        assert row["source"].startswith("《")
    assert sum(len(p) for p in pages.values()) == len(rows), "every figure on a page is in the data"


def test_json_equals_csv_and_amounts_are_strings(bundled_site: Path):
    data = bundled_site / "data"
    for spec in DATASETS:
        from_json = json.loads((data / f"{spec.name}.json").read_text(encoding="utf-8"))
        from_csv = _csv(data / f"{spec.name}.csv")
        assert len(from_json) == len(from_csv)
        for j, c in zip(from_json, from_csv, strict=True):
            assert list(j) == list(c)
            for key, value in j.items():
                assert not isinstance(value, float), (spec.name, key)
                shown = "" if value is None else ("true" if value is True else "false" if value is False else str(value))
                assert shown == c[key]
    items = json.loads((data / "compensation-items.json").read_text(encoding="utf-8"))
    assert any(i["amount"].endswith(".00") for i in items), "1300.00 stays 1300.00, not 1300.0 or 1300"


def test_page_lists_every_file_with_its_size(bundled_site: Path, bundled_project: Path):
    html = (bundled_site / "data" / "index.html").read_text(encoding="utf-8")
    site, _ = pipeline.analyse(bundled_project)
    assert site is not None
    files = open_data(site).files
    for name, data in files.items():
        if name.endswith(".csv"):
            assert f'href="{name}"' in html
            assert (bundled_site / "data" / name).read_bytes() == data
    assert "datapackage.json" in html and "注明来源" in html
    assert open_data(site).files == files, "the same content gives the same bytes"


def test_every_time_limit_and_announcement_date_equals_the_page(bundled_site: Path):
    data = bundled_site / "data"
    for row in _csv(data / "procedure-steps.csv"):
        if not row["time_limit_value"]:
            continue
        html = (bundled_site / "procedures" / row["procedure_id"] / "index.html").read_text(encoding="utf-8")
        step = html[html.index(f'id="{row["id"]}"'):]
        limit = re.search(r'class="gk-step__limit">([^<]*)<', step).group(1)
        assert row["time_limit_value"] in limit, (row["procedure_id"], row["id"], limit)
    rows = _csv(data / "project-announcements.csv")
    assert rows
    for row in rows:
        html = (bundled_site / "projects" / row["project_id"] / "index.html").read_text(encoding="utf-8")
        section = html[html.index(f'id="{row["id"]}"'):]
        assert row["date"] in section[:4000] and row["display_start"] in section[:4000], (row["project_id"], row["id"])
