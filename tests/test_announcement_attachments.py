"""Announcement full text and attachments (issue 11, journey 2): the checks of `load/attachments.py`, the
Markdown allow-list and personal-data checks on `full_text`, and the page's size words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.pages.attachments import attachment_site_path, size_text

PROJECT = "content/projects/east-old-street.yml"
ANCHOR = "    summary: 补偿方案草稿公开征求意见。\n"
PNG = (FIXTURES / "other-district/content/projects/shiqiao-lane/files/notice-scan.png").read_bytes()


def mini_with(tmp_path: Path, extra: str) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    path = project / PROJECT
    path.write_text(path.read_text(encoding="utf-8").replace(ANCHOR, ANCHOR + extra, 1), encoding="utf-8")
    return project


def attached(file: str) -> str:
    return f"    attachments:\n      - title: 扫描件\n        file: {file}\n"


def codes(project: Path) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in pipeline.check(project)]


def test_a_good_attachment_is_read_and_kept_by_path(tmp_path: Path):
    file = "content/projects/east-old-street/files/scan.png"
    project = mini_with(tmp_path, attached(file))
    (project / file).parent.mkdir(parents=True)
    (project / file).write_bytes(PNG)
    site, diags = pipeline.analyse(project)
    assert [d for d in diags if d.code.startswith("D96")] == [] and site is not None
    assert site.files[file] == PNG


@pytest.mark.parametrize("make", ["outside", "fifo", "folder"])
def test_a_link_out_of_the_project_a_fifo_or_a_folder_is_never_read(tmp_path: Path, make: str):
    file = "content/projects/east-old-street/files/scan.png"
    project = mini_with(tmp_path, attached(file))
    target = project / file
    target.parent.mkdir(parents=True)
    if make == "outside":
        secret = tmp_path / "secret.png"
        secret.write_bytes(PNG)
        target.symlink_to(secret)
    elif make == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    found = codes(project)
    assert [c for c, _ in found] == ["D961"], found
    assert found[0][1] == 25  # the `file:` line of the announcement


@pytest.mark.parametrize("file", ["../secret.png", "/etc/passwd.png", "content/projects/east-old-street.yml.png",
                                  "content/projects/east-old-street"])
def test_paths_outside_the_project_folder_are_refused_before_any_read(tmp_path: Path, file: str):
    assert [c for c, _ in codes(mini_with(tmp_path, attached(file)))] == ["D961"]


def test_a_word_file_named_like_an_image_is_refused(tmp_path: Path):
    file = "content/projects/east-old-street/files/scan.jpg"
    project = mini_with(tmp_path, attached(file))
    (project / file).parent.mkdir(parents=True)
    (project / file).write_bytes(PNG)  # a PNG named .jpg
    assert [c for c, _ in codes(project)] == ["D963"]
    assert [c for c, _ in codes(mini_with(tmp_path / "b", attached("content/projects/east-old-street/files/a.docx")))] \
        == ["D963"]


@pytest.mark.parametrize(("text", "code"), [("# 标题", "H404"), ("<script>alert(1)</script>", "H401"),
                                            ("[点](javascript:alert(1))", "H401"),
                                            ("张三 身份证号 340602196001011234", "D920")])
def test_full_text_passes_the_markdown_allow_list_and_the_personal_data_check(tmp_path: Path, text: str, code: str):
    found = codes(mini_with(tmp_path, f"    full_text: |\n      第一段。\n\n      {text}\n"))
    assert found == [(code, 23)], found  # at the field's line


def test_sizes_read_as_kb_or_mb_and_files_keep_their_path():
    assert size_text(215) == "0.2 KB" and size_text(1024) == "1.0 KB" and size_text(1536 * 1024) == "1.5 MB"
    assert attachment_site_path("content/projects/x/files/2025 公告.pdf") == "projects/x/attachments/files/2025 公告.pdf"
