"""Shared fixtures: project copies, built sites, a loopback HTTP server and a Chromium browser.

Builds are session-scoped and cached; tests must not modify what they receive (copy first).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
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
