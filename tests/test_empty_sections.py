"""A section with no content says so to the resident instead of showing an empty list."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline


def test_empty_section_index_says_nothing_is_published_yet(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    shutil.rmtree(project / "content" / "remedies")
    (project / "content" / "remedies").mkdir()
    result = pipeline.build(project, project / "site")
    assert result.published, [d.format() for d in result.diagnostics]
    empty = (project / "site" / "remedies" / "index.html").read_text(encoding="utf-8")
    assert "本栏目暂无内容" in empty
    full = (project / "site" / "faq" / "index.html").read_text(encoding="utf-8")
    assert "本栏目暂无内容" not in full
