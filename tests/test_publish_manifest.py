"""`build --out DIR` replaces only a folder gongkai published (issue 12, RELIABILITY rows 26-28): the
published site carries `SHA256SUMS` (every file with its SHA-256, `sha256sum -c` format, the upload
manifest), and any existing non-empty folder whose contents do not match it is refused (B605), naming
the first foreign entry, and left exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main
from generator.post.manifest import MANIFEST, foreign_entry, manifest_text, read_manifest, write_manifest


def fake_site(folder: Path) -> Path:
    """A published-looking folder: a few files in folders, with the manifest gongkai would write."""
    (folder / "assets" / "css").mkdir(parents=True)
    (folder / "faq" / "p1").mkdir(parents=True)
    (folder / "index.html").write_text("<html>首页</html>", encoding="utf-8")
    (folder / "assets" / "css" / "site.css").write_text("body{}", encoding="utf-8")
    (folder / "faq" / "p1" / "index.html").write_text("<html>问答</html>", encoding="utf-8")
    write_manifest(folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = path.read_bytes()
        else:
            found[rel] = "dir"
    return found


def _top_level(site: Path) -> str:
    (site / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    return "thesis.docx"


def _nested(site: Path) -> str:
    (site / "faq" / "p1" / "草稿.txt").write_text("编辑的笔记", encoding="utf-8")
    return "faq/p1/草稿.txt"


def _new_folder(site: Path) -> str:
    (site / "backup" / "old").mkdir(parents=True)
    (site / "backup" / "old" / "data.xlsx").write_bytes(b"x")
    return "backup/old/data.xlsx"


def _modified(site: Path) -> str:
    with open(site / "assets" / "css" / "site.css", "a", encoding="utf-8") as f:
        f.write("/* edited by hand */")
    return "assets/css/site.css"


def _replaced_same_size(site: Path) -> str:
    path = site / "index.html"
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data[:-1] + b"!")
    return "index.html"


def _symlink_file(site: Path) -> str:
    os.symlink("/etc/hostname", site / "faq" / "link.txt")
    return "faq/link.txt"


def _symlink_folder(site: Path) -> str:
    os.symlink(str(site.parent), site / "home")
    return "home"


def _dangling_symlink(site: Path) -> str:
    os.symlink("nowhere", site / "a-dangling")
    return "a-dangling"


def _fifo(site: Path) -> str:
    os.mkfifo(site / "assets" / "pipe")
    return "assets/pipe"


def _no_manifest(site: Path) -> str:
    (site / MANIFEST).unlink()
    return "assets/css/site.css"  # the first file in path order


def _damaged_manifest(site: Path) -> str:
    (site / MANIFEST).write_text("not a manifest\n", encoding="utf-8")
    return "assets/css/site.css"


def _manifest_lists_foreign(site: Path) -> str:
    """A hand-written manifest line does not make a file gongkai's if its hash is wrong."""
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    with open(site / MANIFEST, "a", encoding="utf-8") as f:
        f.write("0" * 64 + "  notes.txt\n")
    return "notes.txt"


FOREIGN: dict[str, Callable[[Path], str]] = {
    "top-level file": _top_level, "nested file": _nested, "new folder": _new_folder, "modified file": _modified,
    "replaced file": _replaced_same_size, "symlink to a file": _symlink_file, "symlink to a folder": _symlink_folder,
    "dangling symlink": _dangling_symlink, "fifo": _fifo, "no manifest": _no_manifest,
    "damaged manifest": _damaged_manifest, "wrong hash listed": _manifest_lists_foreign,
}


@pytest.mark.parametrize("case", sorted(FOREIGN))
def test_a_folder_that_is_not_exactly_a_published_site_is_refused(case: str, tmp_path: Path):
    site = fake_site(tmp_path / "out")
    assert foreign_entry(site) is None
    expected = FOREIGN[case](site)
    before = snapshot(site)
    found = foreign_entry(site)
    assert found is not None and found[0] == expected, found
    diags = pipeline.out_diagnostics(tmp_path / "project", site)
    assert [(d.code, d.path) for d in diags] == [("B605", str(site / expected))]
    assert expected in diags[0].message and "不能被替换" in diags[0].message
    assert snapshot(site) == before


def test_plain_folders_and_files_are_refused_but_empty_and_absent_ones_are_not(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "index-only").mkdir()
    (tmp_path / "index-only" / "index.html").write_text("<html>", encoding="utf-8")
    assert foreign_entry(tmp_path / "absent") is None
    assert foreign_entry(tmp_path / "empty") is None
    assert foreign_entry(tmp_path / "file.txt") == ("file.txt", "它不是文件夹")
    assert foreign_entry(tmp_path / "index-only")[0] == "index.html"  # type: ignore[index]


def test_manifest_is_sha256sum_compatible_sorted_and_escapes_odd_names(tmp_path: Path):
    site = fake_site(tmp_path / "out")
    (site / "a\\b").write_text("x", encoding="utf-8")
    (site / "line\nbreak").write_text("y", encoding="utf-8")
    write_manifest(site)
    text = (site / MANIFEST).read_text(encoding="utf-8")
    assert text == manifest_text(site)  # the manifest never lists itself
    assert set(read_manifest(site) or {}) == {"index.html", "assets/css/site.css", "faq/p1/index.html", "a\\b",
                                              "line\nbreak"}
    assert foreign_entry(site) is None
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--strict", "--quiet", "-c", MANIFEST], cwd=site, check=True)


def test_build_publishes_a_manifest_and_refuses_a_foreign_folder_with_its_file_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text("<html>", encoding="utf-8")
    (mine / "thesis.docx").write_text("data", encoding="utf-8")
    assert main(["build", "--root", str(project), "--out", str(mine)]) == 1
    err = capsys.readouterr().err
    assert "B605" in err and "Traceback" not in err and "index.html" in err
    assert sorted(p.name for p in mine.iterdir()) == ["index.html", "thesis.docx"]

    out = tmp_path / "public"
    assert main(["build", "--root", str(project), "--out", str(out)]) == 0
    listed = read_manifest(out)
    assert listed is not None and {"index.html", "feed.xml", ".well-known/security.txt"} <= set(listed)
    files = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} - {MANIFEST}
    assert set(listed) == files
    first = (out / MANIFEST).read_bytes()
    assert main(["build", "--root", str(project), "--out", str(out)]) == 0  # its own site: replaced
    assert (out / MANIFEST).read_bytes() == first  # reproducible
    (out / "faq" / "notes.md").write_text("编辑的笔记", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--root", str(project), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "faq/notes.md" in err and "B605" in err
    assert (out / "faq" / "notes.md").read_text(encoding="utf-8") == "编辑的笔记"


def test_ci_examples_check_the_upload_manifest_before_switching():
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        text = (Path(__file__).resolve().parent.parent / "docs" / "ci" / name).read_text(encoding="utf-8")
        check, switch = text.find("sha256sum --strict --quiet -c SHA256SUMS"), text.find("mv -Tf current.tmp current")
        assert 0 < check < switch, name


def test_city_build_refuses_a_foreign_folder_before_building(tmp_path: Path):
    from generator.commands.city import build_city
    from generator.synthetic.synthetic import write_city

    root = tmp_path / "city"
    write_city(root, 20)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text("<html>", encoding="utf-8")
    (mine / "论文.docx").write_text("data", encoding="utf-8")
    result = build_city(root, mine)
    assert not result.published and [d.code for d in result.diagnostics] == ["B605"]
    assert sorted(p.name for p in mine.iterdir()) == ["index.html", "论文.docx"]
