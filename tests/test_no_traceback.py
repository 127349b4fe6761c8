"""No command prints a traceback (issue 12): a read-only or full output folder, a busy port, an internal
error end with a Chinese message and a documented exit code; the traceback only with --debug. Echoed
values cannot spoof the terminal or a CI log. Editor values that would break the build later are
reported at their YAML line."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project, free_port

from generator import pipeline
from generator.commands import cli
from generator.commands.cli import main

MINI = FIXTURES / "mini"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(MINI, tmp_path / "p")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


WRITE_FAILURES = {
    "full disk": OSError(errno.ENOSPC, "No space left on device", "/x/site.gongkai-staging-1/faq/index.html"),
    "quota": OSError(errno.EDQUOT, "Disk quota exceeded", "/x/site.gongkai-staging-1/a.html"),
    "read-only file system": OSError(errno.EROFS, "Read-only file system", "/x/site.gongkai-staging-1"),
    "no permission": PermissionError(errno.EACCES, "Permission denied", "/x/site.gongkai-staging-1"),
    "shutil.Error with many lines": shutil.Error([(f"/a/{i}", f"/b/{i}", "[Errno 28] No space left on device")
                                                 for i in range(300)]),
}
STAGES = {"emit": "generator.pipeline.emit", "manifest": "generator.pipeline.write_manifest",
          "staging": "generator.pipeline.staging"}


# Every failure where it is cheapest (before the render); each later stage once (a render each).
CASES = [(case, "staging") for case in sorted(WRITE_FAILURES)] + [
    ("full disk", "emit"), ("read-only file system", "emit"), ("shutil.Error with many lines", "manifest")]


@pytest.mark.parametrize(("case", "stage"), CASES)
def test_a_write_failure_is_a_diagnostic_and_the_site_stays(case: str, stage: str, project: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str],
                                                            published: tuple[Path, dict[str, bytes]]):
    out, before = published
    def fail(*args: object, **kwargs: object) -> None:
        raise WRITE_FAILURES[case]

    monkeypatch.setattr(STAGES[stage], fail)
    assert main(["build", "--root", str(project), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "B606" in err and "Traceback" not in err and len(err.splitlines()) < 8, err
    assert ("磁盘" in err) if case in ("full disk", "quota", "shutil.Error with many lines") else ("权限" in err or "只读" in err)
    assert snapshot(out) == before


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    project = copy_project(MINI, tmp_path_factory.mktemp("pub") / "p")
    out = project.parent / "site"
    assert pipeline.build(project, out).published
    return out, snapshot(out)


def test_an_os_error_anywhere_is_a_chinese_message_and_exit_3(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]):
    def fail(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(project / ".gongkai-build"))

    monkeypatch.setattr(cli.pipeline, "check", fail)
    assert main(["check", "--root", str(project)]) == cli.EXIT_SYSTEM
    err = capsys.readouterr().err
    assert "系统错误：没有权限" in err and "Traceback" not in err
    with pytest.raises(PermissionError):
        main(["--debug", "check", "--root", str(project)])
    with pytest.raises(PermissionError):
        main(["check", "--debug", "--root", str(project)])


def test_an_internal_error_is_exit_70_and_a_traceback_only_with_debug(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]):
    def bug(*args: object, **kwargs: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(cli.pipeline, "build", bug)
    assert main(["build", "--root", str(project)]) == cli.EXIT_BUG
    err = capsys.readouterr().err
    assert "内部错误" in err and "--debug" in err and "Traceback" not in err
    with pytest.raises(KeyError):
        main(["build", "--root", str(project), "--debug"])


def test_exit_codes_are_documented_in_the_help(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = capsys.readouterr().out
    assert "退出码" in out and all(code in out for code in ("3 系统问题", "70", "130"))


def _serve(project: Path, port: int, tmp: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "TMPDIR": str(tmp)}
    return subprocess.Popen([sys.executable, "-m", "generator.commands.cli", "serve", "--root", str(project),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=REPO)


def test_serve_on_a_busy_port_says_so_and_leaves_no_preview_folder(project: Path, tmp_path: Path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        proc = _serve(project, busy.getsockname()[1], tmp)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == cli.EXIT_SYSTEM and "端口已被占用" in err and "Traceback" not in err, err
    assert list(tmp.iterdir()) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM])  # SIGINT takes the same path (KeyboardInterrupt)
def test_serve_removes_its_preview_folders_when_stopped(sig: int, project: Path, tmp_path: Path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    proc = _serve(project, port, tmp)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/faq/", timeout=5) as r:
                    if r.status == 200 and b"faq" in r.read().lower():
                        break
            except OSError:
                time.sleep(0.3)
        assert any(tmp.iterdir())
    finally:
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert list(tmp.iterdir()) == []


SPOOF = "x\n检查通过。\x1b[2K\x1b[1A\u202e"


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_echoed_values_cannot_add_lines_or_terminal_escapes(fmt: str, project: Path,
                                                           capsys: pytest.CaptureFixture[str]):
    """A value with control characters is refused (Y109) before it is echoed, so the path is the vector
    left: a file name holding a line break, ESC and a bidi override."""
    (project / "content" / "faq" / f"{SPOOF}.txt").write_text("x", encoding="utf-8")
    assert main(["check", "--root", str(project), "--format", fmt]) == 1
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "\x1b" not in text and "\u202e" not in text
    assert not any(line.strip() == "检查通过。" for line in text.splitlines())
    assert "\\x1b" in text or "\\u001b" in text


def test_a_quantity_error_talks_about_quantities_not_money():
    from pydantic import TypeAdapter, ValidationError

    from generator.model.fields import Money, Quantity

    with pytest.raises(ValidationError) as quantity:
        TypeAdapter(Quantity).validate_python("12.34567")
    with pytest.raises(ValidationError) as money:
        TypeAdapter(Money).validate_python("12.345")
    assert "数量" in str(quantity.value) and "金额" not in str(quantity.value)
    assert "金额" in str(money.value)
    err = quantity.value.errors()[0]
    assert "金额" not in err["ctx"]["hint_text"]


@pytest.mark.parametrize("case", ["9999-12-31", "2100-01-01", "0001-01-01", "1899-12-31"])
def test_a_date_that_would_break_the_build_is_reported_at_its_line(case: str, project: Path):
    faq = project / "content" / "faq" / "questions.yml"
    lines = faq.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("updated:"))
    lines[number] = lines[number].split("updated:")[0] + f"updated: {case}"
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    diags = pipeline.check(project)
    assert [(d.code, d.path, d.line) for d in diags] == [("S204", "content/faq/questions.yml", number + 1)]
    assert "超出合理范围" in diags[0].message
