"""Atomic publish (RELIABILITY rows 26-28): a build killed with SIGKILL before, inside or right after the swap, a
build of bad content and a build whose post-check fails all leave the published site byte-for-byte
as it was; the next good build removes the leftovers and publishes."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline, publish
from generator.diagnostics import error
from generator.publish import STAGING_SUFFIX

SYNTHETIC_QUESTIONS = 20


def tree_hash(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file (and the set of directories, as empty hashes)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


def synthetic_project(dest: Path, questions: int) -> Path:
    """The mini project plus more FAQ pages."""
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


# A build stopped at a named point of publish.swap (the `pause_point` test hook) and killed there.
STOPPER = """
import signal, sys
from pathlib import Path
from generator import publish
from generator.commands.cli import main
point, marker = sys.argv[1], Path(sys.argv[2])
def pause(name):
    if name == point:
        marker.write_text(name)
        signal.pause()  # until the test's SIGKILL
publish.pause_point = pause
sys.exit(main(sys.argv[3:]))
"""


def _kill_at(project: Path, out: Path, point: str) -> None:
    """Run `gongkai build` in a subprocess, stop it at `point` of the swap, SIGKILL it there."""
    marker = project.parent / f"paused-{point}"
    marker.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", STOPPER, point, str(marker), "build", "--root", str(project),
                             "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not marker.exists():  # polling for the state, no fixed delay
            assert proc.poll() is None, f"the build ended without reaching the pause point {point!r}"
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


def _edit(project: Path, old: str, new: str) -> None:
    faq = project / "content" / "faq" / "questions.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_sigkill_inside_and_around_the_swap_leaves_a_whole_site(published: tuple[Path, Path, dict[str, str]]):
    """Killed before the swap: the old site, byte for byte; killed right after the exchange (before the old
    site is moved away) or after the swap: the new site, whole. Never a mix, never no site."""
    project, out, before = published
    _edit(project, "过渡费给多久", "过渡费到底给多久")
    complete = project.parent / "complete"
    assert pipeline.build(copy_project(project, complete / "project"), complete / "site").published
    after = tree_hash(complete / "site")
    assert after != before
    _kill_at(project, out, "before-swap")
    assert tree_hash(out) == before
    assert _staging_dirs(out), "the killed build leaves its staging folder behind"
    for point in ("exchanged", "swapped"):
        _kill_at(project, out, point)
        assert tree_hash(out) == after, f"killed at {point}: the published site must be the new one, whole"
        _edit(project, "过渡费到底给多久", "过渡费给多久")
        _kill_at(project, out, "before-swap")
        assert tree_hash(out) == after
        _edit(project, "过渡费给多久", "过渡费到底给多久")
    result = pipeline.build(project, out)
    assert result.published
    assert _staging_dirs(out) == [], "the next build must remove leftovers"
    assert "过渡费到底给多久" in (out / "faq" / "transition-fee" / "index.html").read_text(encoding="utf-8")


def _kernel_exchanges(tmp_path: Path) -> bool:
    a, b = tmp_path / "probe-a", tmp_path / "probe-b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    return publish._exchange(a, b) and (b / "x").is_file()


def test_the_swap_is_one_exchange_system_call_where_the_kernel_offers_it(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    if not _kernel_exchanges(tmp_path):
        pytest.skip("this kernel or C library has no renameat2(RENAME_EXCHANGE)")
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    out = tmp_path / "public"
    assert pipeline.build(project, out).published
    calls: list[tuple[str, str]] = []
    real = publish._exchange

    def recording(a: Path, b: Path) -> bool:
        calls.append((Path(a).name, Path(b).name))
        return real(a, b)

    points: list[str] = []
    monkeypatch.setattr(publish, "_exchange", recording)
    monkeypatch.setattr(publish, "pause_point", points.append)
    _edit(project, "过渡费给多久", "过渡费给几个月")
    assert pipeline.build(project, out).published
    assert len(calls) == 1 and calls[0][1] == "public" and calls[0][0].startswith("public" + STAGING_SUFFIX)
    assert points == ["before-swap", "exchanged", "swapped"], "the published folder is never absent"
    assert "过渡费给几个月" in (out / "faq" / "transition-fee" / "index.html").read_text(encoding="utf-8")


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
