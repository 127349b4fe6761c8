"""Atomic publish (RELIABILITY rows 26-28): a build killed with SIGKILL during the mkdocs render, a
build of bad content and a build whose post-check fails all leave the published site byte-for-byte
as it was; the next good build removes the leftovers and publishes."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.diagnostics import error
from generator.publish import STAGING_SUFFIX

SYNTHETIC_QUESTIONS = 150


def tree_hash(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file (and the set of directories, as empty hashes)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


def synthetic_project(dest: Path, questions: int) -> Path:
    """The mini project plus many FAQ pages, so that rendering takes a few seconds."""
    project = copy_project(FIXTURES / "mini", dest)
    lines = []
    for i in range(questions):
        lines += [f"- id: synthetic-{i:04d}", f"  question: 第 {i} 个常见问题？",
                  f"  answer: 这是第 {i} 个问题的回答，用于测试大站点的构建。", "  topic: 其他",
                  "  updated: 2025-01-09"]
    (project / "content" / "faq" / "synthetic.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """A synthetic project with a published site; returns (project, out, hashes of the site)."""
    project = synthetic_project(tmp_path_factory.mktemp("atomic") / "project", SYNTHETIC_QUESTIONS)
    out = project.parent / "public"
    result = pipeline.build(project, out)
    assert result.published, [d.format() for d in result.diagnostics]
    return project, out, tree_hash(out)


def _staging_dirs(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f"{out.name}{STAGING_SUFFIX}*"))


KILL_DELAYS = (0.1, 0.6, 1.2)  # seconds after the staging folder appears: render, copy, post-processing


def _kill_after(project: Path, out: Path, delay: float) -> bool:
    """Run `gongkai build` in a subprocess and SIGKILL it `delay` s into the render; False if it finished."""
    shutil.rmtree(project / pipeline.WORK_DIR, ignore_errors=True)  # no render cache: a full render
    for leftover in _staging_dirs(out):
        shutil.rmtree(leftover)
    proc = subprocess.Popen([sys.executable, "-m", "generator.commands.cli", "build", "--root", str(project), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not _staging_dirs(out):
        time.sleep(0.005)
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert not killed or proc.returncode == -signal.SIGKILL
    return killed


def test_sigkill_during_render_leaves_the_site_identical(published: tuple[Path, Path, dict[str, str]]):
    project, out, before = published
    (project / "content" / "faq" / "questions.yml").write_text(
        (project / "content" / "faq" / "questions.yml").read_text(encoding="utf-8").replace("过渡费给多久", "过渡费到底给多久"),
        encoding="utf-8")
    for delay in KILL_DELAYS:
        if not _kill_after(project, out, delay):  # this build completed and published: later kills are moot
            assert delay != KILL_DELAYS[0], "the build finished before it could be killed; use a larger project"
            break
        if tree_hash(out) != before:  # killed after the swap, while the process was ending: the new site is whole
            complete = project.parent / f"complete-{delay}"
            assert pipeline.build(copy_project(project, complete / "project"), complete / "site").published
            assert tree_hash(out) == tree_hash(complete / "site"), f"a build killed {delay} s in left a partial site"
            break
        assert _staging_dirs(out), "the killed build should have left its staging folder behind"

    result = pipeline.build(project, out)
    assert result.published
    assert _staging_dirs(out) == [], "the next build must remove leftovers"
    assert "过渡费到底给多久" in (out / "faq" / "transition-fee" / "index.html").read_text(encoding="utf-8")


def test_bad_content_leaves_the_site_identical(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    out = tmp_path / "public"
    assert pipeline.build(project, out).published
    before = tree_hash(out)
    faq = project / "content" / "faq" / "questions.yml"
    faq.write_text(faq.read_text(encoding="utf-8") + "  amout: 12\n", encoding="utf-8")
    result = pipeline.build(project, out)
    assert not result.published
    assert "S201" in {d.code for d in result.diagnostics}
    assert tree_hash(out) == before
    assert _staging_dirs(out) == []


def test_failing_post_check_leaves_the_site_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    out = tmp_path / "public"
    assert pipeline.build(project, out).published
    before = tree_hash(out)

    def failing_gate(site, pages, staging):  # a post-processor (e.g. a round-trip gate) that fails
        assert (staging / "index.html").is_file(), "post-processors run on the rendered staging folder"
        return [error("site", 0, 0, "B603", "模拟的发布前检查失败", "")]

    monkeypatch.setattr(pipeline, "POSTPROCESSORS", (*pipeline.POSTPROCESSORS, failing_gate))
    result = pipeline.build(project, out)
    assert not result.published
    assert tree_hash(out) == before
    assert _staging_dirs(out) == [], "a failed build removes its own staging folder"


def test_strict_warning_leaves_the_site_identical(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    out = tmp_path / "public"
    assert pipeline.build(project, out).published
    before = tree_hash(out)
    faq = project / "content" / "faq" / "questions.yml"
    faq.write_bytes(b"\xef\xbb\xbf" + faq.read_bytes())  # a BOM: warning Y110
    assert pipeline.build(project, out, strict=False).published
    after_lenient = tree_hash(out)
    assert after_lenient == before  # same content, same bytes
    faq.write_text(faq.read_text(encoding="utf-8-sig").replace("过渡费给多久", "过渡费给几个月"), encoding="utf-8-sig")
    result = pipeline.build(project, out, strict=True)
    assert not result.published and {d.code for d in result.diagnostics} == {"Y110"}
    assert tree_hash(out) == before
