"""Serve a built site through Debian's nginx with the shipped docs/nginx.conf, as the column /zsgk/.

The server block is used as written; only `listen` (127.0.0.1 and a free port) and `root` (a temporary
folder whose `zsgk` entry points at the built site) change. nginx runs as the test user with a temporary
prefix, pid file and temp paths, and stops when the context ends.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO, free_port

CONF = REPO / "docs" / "nginx.conf"
COLUMN = "zsgk"
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def server_block(site_root: Path, port: int) -> str:
    text = CONF.read_text(encoding="utf-8")
    assert "listen 80;" in text and "root /srv/gongkai;" in text, "docs/nginx.conf changed shape"
    return text.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("root /srv/gongkai;", f"root {site_root};")


def nginx_conf(prefix: Path, site_root: Path, port: int) -> str:
    temp = "\n".join(f"    {kind}_temp_path {prefix}/tmp/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root root;" if os.geteuid() == 0 else ""  # workers must read the test's private tmp dirs
    return f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
{temp}
{server_block(site_root, port)}
}}
"""


def _wait_for(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited: {log.read_text() if log.exists() else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start listening")


@contextmanager
def nginx_site(site_dir: Path, prefix: Path) -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:<port>/zsgk/ (yields the origin, e.g. http://127.0.0.1:8123)."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is missing: run `bash scripts/setup.sh --test` (installs Debian nginx)")
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / "www").mkdir(exist_ok=True)
    link = prefix / "www" / COLUMN
    if not link.exists():
        link.symlink_to(site_dir.resolve(), target_is_directory=True)
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(prefix, prefix / "www", port), encoding="utf-8")
    proc = subprocess.Popen([binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf),
                             "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, proc, prefix / "error.log")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# Content sections whose first page stands for its page type (a standard, a procedure, ...).
LEAF_SECTIONS = ("standards", "procedures", "policies", "interpretations", "faq", "remedies", "funds", "estates")


def page_types(site_dir: Path) -> dict[str, str]:
    """One URL path (relative to the site root) per page type: the home page, every section index, the
    first page of each content section, and a URL that does not exist (served the 404 page)."""
    types = {"home": ""}
    for folder in sorted(p for p in site_dir.iterdir() if (p / "index.html").is_file()):
        types[f"{folder.name}/"] = f"{folder.name}/"
    for section in LEAF_SECTIONS:
        leaves = sorted(p.name for p in (site_dir / section).iterdir() if (p / "index.html").is_file())
        types[f"{section}/<page>"] = f"{section}/{leaves[0]}/"
    types["404"] = "no-such-page/"
    return types


@pytest.fixture(scope="session")
def bundled_origin(bundled_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled site served by nginx with docs/nginx.conf; yields the origin (the site is at /zsgk/)."""
    with nginx_site(bundled_site, tmp_path_factory.mktemp("nginx")) as origin:
        yield origin
