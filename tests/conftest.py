"""Shared fixtures: project copies, built sites, a loopback HTTP server and a Chromium browser.

Builds are session-scoped and cached; tests must not modify what they receive (copy first).
"""

from __future__ import annotations

import atexit
import functools
import http.server
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from generator import pipeline

REPO = Path(__file__).resolve().parent.parent
# hypothesis keeps its character tables under ./.hypothesis by default: keep the source tree clean
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="gongkai-hypothesis-")
set_hypothesis_home_dir(_HYPOTHESIS_HOME)
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, True)
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like "
             "Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 "
             "MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def copy_project(src: Path, dest: Path) -> Path:
    """Copy a site project (settings, content, overrides) without build leftovers."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / "site_config.yml", dest / "site_config.yml")
    shutil.copytree(src / "content", dest / "content")
    if (src / "overrides").is_dir():
        shutil.copytree(src / "overrides", dest / "overrides")
    return dest


@functools.cache
def _copies() -> Path:
    """The folder of this process's source copies, made on first use and deleted at exit."""
    folder = Path(tempfile.mkdtemp(prefix="gk-tests-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@functools.cache
def source_copy(src: Path) -> Path:
    """A private copy of a project in the source tree (the repository or a fixture), made once per session
    and deleted at exit: analysing the original would write its cache (.gongkai-build) into the source tree.
    Callers must not modify it."""
    return copy_project(src, _copies() / f"{len(list(_copies().iterdir()))}-{src.name}")


@pytest.fixture(scope="session")
def bundled_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the repository's bundled 杜集区 project."""
    return copy_project(REPO, tmp_path_factory.mktemp("bundled") / "project")


@pytest.fixture(scope="session")
def bundled_site(bundled_project: Path) -> Path:
    """The bundled site, built once per session."""
    out = bundled_project / "site"
    result = pipeline.build(bundled_project, out)
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    return out


def build_fixture(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copy tests/fixtures/<name> and build it; returns the published site folder."""
    project = copy_project(FIXTURES / name, tmp_path_factory.mktemp(name) / "project")
    out = project / "site"
    result = pipeline.build(project, out)
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    return out


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture("mini", tmp_path_factory)


@pytest.fixture(scope="session")
def other_district_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/other-district (青河市西山区: no sample data, verified phone numbers), built once."""
    return build_fixture("other-district", tmp_path_factory)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@functools.cache
def _serve(directory: str) -> str:
    port = free_port()
    handler = functools.partial(_QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/"


def serve_dir(directory: Path) -> str:
    """Serve a directory on 127.0.0.1 (free port) for the rest of the session; returns the base URL."""
    return _serve(str(directory))


@pytest.fixture(scope="session")
def bundled_url(bundled_site: Path) -> str:
    return serve_dir(bundled_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/setup.sh --test` (installs Debian chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _source_tree_entries() -> set[str] | None:
    """Untracked and ignored entries of the checkout (None outside a git checkout): what tests must not add."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--ignored=matching"], cwd=REPO, capture_output=True,
                             text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {line[3:] for line in out.splitlines()
            if line[:2] in ("??", "!!") and not any(p in line for p in ("__pycache__", ".pytest_cache"))}


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_ENTRIES] = _source_tree_entries()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when tests left caches (.gongkai-build), sites or temporary folders in the source tree."""
    before = session.config.stash.get(_ENTRIES, None)
    after = _source_tree_entries()
    if before is None or after is None:
        return
    added = sorted(after - before)
    if added:
        print("\ntests wrote into the source tree (analyse or build a copy: conftest.source_copy):\n  "
              + "\n  ".join(added), file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_ENTRIES = pytest.StashKey[set[str] | None]()
