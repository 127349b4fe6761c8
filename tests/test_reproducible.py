"""Reproducible output (RELIABILITY row 29): the same content gives byte-identical sites whatever
the clock, time zone, locale, environment or folder; dates in the output come from the content."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, copy_project, source_copy
from test_publish_atomic import tree_hash

from generator import pipeline
from generator.pages import derive_pages


def test_two_builds_at_different_times_are_byte_identical(tmp_path: Path, monkeypatch):
    first = copy_project(FIXTURES / "mini", tmp_path / "a" / "project")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    monkeypatch.setenv("TZ", "UTC")
    assert pipeline.build(first, first / "site").published
    assert os.environ["SOURCE_DATE_EPOCH"] == "86400", "the renderer must restore the environment"
    time.sleep(1.1)  # a different second on the clock

    second = copy_project(FIXTURES / "mini", tmp_path / "elsewhere" / "deeper" / "project")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "2000000000", "TZ": "Asia/Shanghai", "LC_ALL": "C.UTF-8",
           "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "generator.commands.cli", "build", "--root", str(second)], env=env, check=True,
                   capture_output=True)
    env.pop("SOURCE_DATE_EPOCH")
    env["PYTHONHASHSEED"] = "999"
    out3 = tmp_path / "third-site"
    subprocess.run([sys.executable, "-m", "generator.commands.cli", "build", "--root", str(second), "--out", str(out3)],
                   env=env, check=True, capture_output=True)

    a, b, c = tree_hash(first / "site"), tree_hash(second / "site"), tree_hash(out3)
    assert a == b == c, sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def test_dates_in_the_output_come_from_the_content(mini_site: Path):
    sitemap = (mini_site / "sitemap.xml").read_text(encoding="utf-8")
    site, _ = pipeline.analyse(source_copy(FIXTURES / "mini"))
    assert site is not None
    latest = max(p.updated for p in derive_pages(site)).isoformat()  # the latest content date
    assert f"<lastmod>{latest}</lastmod>" in sitemap
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {latest}
    with gzip.open(mini_site / "sitemap.xml.gz") as f:
        assert f.read().decode("utf-8") == sitemap
    header_mtime = int.from_bytes((mini_site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert time.strftime("%Y-%m-%d", time.gmtime(header_mtime)) == latest
    today = time.strftime("%Y-%m-%d")
    for path in mini_site.rglob("*"):
        if path.suffix in (".html", ".xml"):
            assert today not in path.read_text(encoding="utf-8") or today == latest, f"{path} shows the build date"
