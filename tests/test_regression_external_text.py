"""Editor text cannot pull in outside resources: Markdown images from other hosts, file: and data: URLs
are refused at the line where they are written (before, only the post-build check caught them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline


@pytest.mark.parametrize("snippet", ["![图](http://img.example.com/a.png)", "![图](//img.example.com/a.png)",
                                     "[原文](file:///etc/passwd)", "![图](data:image/png;base64,AAAA)"])
def test_outside_resources_in_text_are_refused_with_their_line(snippet: str, tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("或者提供周转用房。", f"或者提供周转用房。{snippet}"), encoding="utf-8")
    diags = pipeline.check(project)
    assert [(d.code, d.path, d.line) for d in diags] == [("H401", "content/faq/questions.yml", 3)]


def test_plain_links_to_official_sites_stay_allowed(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    faq = project / "content" / "faq" / "questions.yml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("或者提供周转用房。", "或者提供周转用房。详见[国务院网站](https://www.gov.cn/)。"),
                   encoding="utf-8")
    assert pipeline.check(project) == []
