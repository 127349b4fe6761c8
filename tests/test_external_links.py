"""Dead external links (reliability matrix row 24): `gongkai links` finds them at the YAML line where the
editor wrote them, against real HTTP servers on 127.0.0.1; a build never fetches anything."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main
from generator.post import external_links


class Handler(http.server.BaseHTTPRequestHandler):
    """/ok answers; /gone is 404; /no-head refuses HEAD (405) but answers GET."""

    def _answer(self, body: bool) -> None:
        if self.path == "/ok" or (self.path == "/no-head" and self.command == "GET"):
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if body:
                self.wfile.write(b"ok")
            return
        self.send_response(405 if self.path == "/no-head" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def origin() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def silent() -> Iterator[str]:
    """A server that accepts the connection and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/wait"
    sock.close()


def project_with(tmp_path: Path, answer: str) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    (project / "content" / "faq" / "links.yml").write_text(
        "# 编辑备注：旧地址 http://127.0.0.1:9/never-checked 已不用\n"
        "- id: where-is-the-notice\n"
        "  question: 征收决定公告在哪里能看到原文？\n"
        f"  answer: {answer}\n"
        "  topic: 信息公开\n"
        "  basis:\n    - document: house-regulation\n      article: 22\n"
        "  updated: 2025-01-09\n", encoding="utf-8")
    return project


def test_dead_links_are_reported_at_their_line_and_live_ones_pass(tmp_path: Path, origin: str):
    answer = (f"先看[公告]({origin}/ok)，再看[附件]({origin}/gone)；"
              f"旧服务器只认 GET：{origin}/no-head 。")
    project = project_with(tmp_path, answer)
    diags = external_links.check(project, timeout=5)
    assert [(d.code, d.path, d.line) for d in diags] == [("B608", "content/faq/links.yml", 4)]
    line = (project / "content" / "faq" / "links.yml").read_text(encoding="utf-8").splitlines()[3]
    assert line[diags[0].column - 1:].startswith(f"{origin}/gone")
    assert "404" in diags[0].message and "页面不存在" in diags[0].message


def test_comments_and_the_sites_own_address_are_not_fetched(tmp_path: Path):
    project = project_with(tmp_path, "见本站 https://example.gov.cn/projects/ 。")
    asked: list[str] = []
    own = external_links.own_site(project)
    assert own.startswith("https://")
    (project / "content" / "faq" / "links.yml").write_text(
        (project / "content" / "faq" / "links.yml").read_text(encoding="utf-8").replace("https://example.gov.cn/", own),
        encoding="utf-8")
    diags = external_links.check(project, opener=lambda url, timeout: asked.append(url) or None)
    assert diags == [] and "http://127.0.0.1:9/never-checked" not in asked
    assert all(not url.startswith(own) for url in asked)


def test_a_server_that_never_answers_costs_only_the_timeout(tmp_path: Path, silent: str):
    project = project_with(tmp_path, f"见 {silent} 。")
    diags = external_links.check(project, timeout=0.5)
    assert [d.code for d in diags] == ["B608"] and "秒内没有答复" in diags[0].message


def test_each_address_is_fetched_once(tmp_path: Path):
    url = "https://example.org/law.html"
    project = project_with(tmp_path, f"{url} 和 {url}（同一个）")
    asked: list[str] = []
    diags = external_links.check(project, opener=lambda u, t: asked.append(u) or "服务器答复 404（页面不存在）")
    assert asked == [url] and len(diags) == 2 and {d.column for d in diags} == {11, 11 + len(url) + 3}


def test_command_exit_codes(tmp_path: Path, origin: str, capsys: pytest.CaptureFixture[str]):
    good = project_with(tmp_path / "good", f"见[公告]({origin}/ok)")
    assert main(["links", "--root", str(good), "--timeout", "5"]) == 0
    bad = project_with(tmp_path / "bad", f"见[公告]({origin}/gone)")
    assert main(["links", "--root", str(bad), "--timeout", "5", "--format", "github"]) == 1
    out = capsys.readouterr()
    assert "::warning file=content/faq/links.yml,line=4" in out.out and "B608" in out.out
    assert main(["links", "--root", str(bad), "--timeout", "0"]) == 2


def test_a_build_never_opens_an_external_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = project_with(tmp_path, "见[公告](http://127.0.0.1:9/gone)")

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a build must not fetch anything")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert pipeline.build(project, project / "site").published
