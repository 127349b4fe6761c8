"""The reader never hangs, exhausts memory, crashes or reads outside the project (issue 12): content files
must be regular files inside the project, read with a size cap; every OSError is a Chinese diagnostic
at that path (Y111), special files and links out of the project are not read (Y112), skipped entries
are reported (Y113), and the rest of the project is still checked."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main
from generator.load import reader

SECRET = "gk-secret-value-do-not-echo"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "mini", tmp_path / "p")


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.yml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"- id: {SECRET}\n  question: {SECRET}\n  topic: {SECRET}\n", encoding="utf-8")
    return secret


def _fifo(p: Path, tmp: Path) -> str:
    os.mkfifo(p / "content" / "faq" / "f.yml")
    return "content/faq/f.yml"


def _dev_zero(p: Path, tmp: Path) -> str:
    (p / "content" / "faq" / "zero.yml").symlink_to("/dev/zero")
    return "content/faq/zero.yml"


def _dev_null(p: Path, tmp: Path) -> str:
    (p / "content" / "glossary" / "null.yml").symlink_to("/dev/null")
    return "content/glossary/null.yml"


def _dangling(p: Path, tmp: Path) -> str:
    (p / "content" / "faq" / "gone.yml").symlink_to("missing.yml")
    return "content/faq/gone.yml"


def _loop(p: Path, tmp: Path) -> str:
    (p / "content" / "faq" / "a.yml").symlink_to("loop/a.yml")
    (p / "content" / "faq" / "loop").symlink_to(".")  # a folder link (Y112) the file link runs through
    return "content/faq/a.yml"


def _outside_file(p: Path, tmp: Path) -> str:
    (p / "content" / "faq" / "secret.yml").symlink_to(_outside(tmp))
    return "content/faq/secret.yml"


def _outside_relative(p: Path, tmp: Path) -> str:
    _outside(tmp)
    (p / "content" / "faq" / "up.yml").symlink_to("../../../elsewhere/secret.yml")
    return "content/faq/up.yml"


def _type_folder_link(p: Path, tmp: Path) -> str:
    outside = _outside(tmp).parent
    os.rename(p / "content" / "glossary", tmp / "glossary-moved")
    (p / "content" / "glossary").symlink_to(outside)
    return "content/glossary"


def _nested_folder_link(p: Path, tmp: Path) -> str:
    (p / "content" / "faq" / "etc").symlink_to(_outside(tmp).parent)
    return "content/faq/etc"


def _socket(p: Path, tmp: Path) -> str:
    import socket

    path = p / "content" / "faq" / "s.yml"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return "content/faq/s.yml"


def _config_fifo(p: Path, tmp: Path) -> str:
    (p / "site_config.yml").unlink()
    os.mkfifo(p / "site_config.yml")
    return "site_config.yml"


REFUSED: dict[str, tuple[Callable[[Path, Path], str], str]] = {
    "fifo": (_fifo, "Y112"), "link to /dev/zero": (_dev_zero, "Y112"), "link to /dev/null": (_dev_null, "Y112"),
    "dangling link": (_dangling, "Y111"), "link loop": (_loop, "Y111"), "link out of the project": (_outside_file, "Y112"),
    "relative link out": (_outside_relative, "Y112"), "type folder linked to /etc-like folder": (_type_folder_link, "Y112"),
    "nested folder link": (_nested_folder_link, "Y112"), "socket": (_socket, "Y112"), "fifo as settings": (_config_fifo, "Y112"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_an_entry_that_is_not_a_regular_file_inside_the_project_is_reported_not_read(
        case: str, project: Path, tmp_path: Path):
    make, code = REFUSED[case]
    where = make(project, tmp_path)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(pipeline.check(project)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), f"{case}: check hangs"
    diags = result[0]
    mine = [d for d in diags if d.path == where]
    assert [d.code for d in mine] == [code], [d.format() for d in diags]
    assert all(SECRET not in d.format() and "elsewhere" not in d.format() for d in diags)
    if where != "site_config.yml":  # the rest of the project is still checked
        others = [d for d in diags if d.path != where and d.severity.value == "error"]
        assert all(d.code == "Y112" for d in others) if case in ("link loop", "type folder linked to /etc-like folder") \
            else others == [], [d.format() for d in others]


def test_a_link_to_a_file_inside_the_project_is_read(project: Path):
    shared = project / "shared"
    shared.mkdir()
    os.rename(project / "content" / "faq" / "questions.yml", shared / "questions.yml")
    (project / "content" / "faq" / "questions.yml").symlink_to("../../shared/questions.yml")
    assert pipeline.check(project) == []


def test_hidden_entries_are_reported_as_skipped(project: Path):
    (project / "content" / "faq" / ".questions.yml.swp").write_bytes(b"\x00\x01vim swap")
    (project / "content" / ".drafts").mkdir()
    (project / "content" / "faq" / ".old").mkdir()
    (project / "content" / "faq" / ".old" / "x.yml").write_text("- id: x\n", encoding="utf-8")
    diags = pipeline.check(project)
    assert sorted((d.code, d.path, d.severity.value) for d in diags) == [
        ("Y113", "content/.drafts", "warning"), ("Y113", "content/faq/.old", "warning"),
        ("Y113", "content/faq/.questions.yml.swp", "warning")]


@pytest.mark.parametrize("err", [errno.EACCES, errno.EIO, errno.ENAMETOOLONG, errno.EMFILE])
def test_every_os_error_on_open_or_read_is_a_chinese_diagnostic(err: int, project: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]):
    """Root reads anything, so unreadable files are simulated: the failure of open() for one file."""
    real_open = os.open

    def failing_open(path: str, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith("questions.yml") and "faq" in str(path):
            raise OSError(err, os.strerror(err), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.os, "open", failing_open)
    assert main(["check", "--root", str(project)]) == 1
    err_text = capsys.readouterr().err
    assert "content/faq/questions.yml: 错误 Y111 无法读取" in err_text and "Traceback" not in err_text


def test_unlistable_folder_is_reported(project: Path, monkeypatch: pytest.MonkeyPatch):
    real_scandir = os.scandir

    def failing(path: str) -> object:
        if str(path).endswith("glossary"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(reader.os, "scandir", failing)
    diags = pipeline.check(project)
    assert [(d.code, d.path) for d in diags if d.code == "Y111"] == [("Y111", "content/glossary")]


def test_a_file_larger_than_the_cap_is_refused_before_it_is_read(project: Path):
    big = project / "content" / "faq" / "big.yml"
    with open(big, "wb") as f:
        f.truncate(5_000_000_000)  # sparse: 5 GB that reading whole would put in memory
    diags = pipeline.check(project)
    assert [(d.code, d.path) for d in diags if d.severity.value == "error"] == [("Y107", "content/faq/big.yml")]


@pytest.mark.parametrize("make", ["fifo", "link out", "dev zero"])
def test_urls_lock_is_read_like_a_content_file(make: str, project: Path, tmp_path: Path):
    lock = project / "urls.lock"
    lock.unlink(missing_ok=True)
    if make == "fifo":
        os.mkfifo(lock)
    else:
        lock.symlink_to(_outside(tmp_path) if make == "link out" else Path("/dev/zero"))
    result: list = []
    worker = threading.Thread(target=lambda: result.append(pipeline.check(project)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    assert [d.code for d in result[0] if d.path == "urls.lock"][:1] == ["Y112"]
    assert all(SECRET not in d.format() for d in result[0])
