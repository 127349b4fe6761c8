"""`gongkai serve`: previews on localhost, rebuilds on change, keeps the last good preview on a bad edit."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURES, copy_project, free_port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, needle: str, timeout: float = 120.0) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} not served at {url} within {timeout}s")


def test_serve_rebuilds_on_change_and_survives_bad_edit(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.commands.cli", "serve", "--root", str(project), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err: list[str] = []
    reader = threading.Thread(target=lambda: err.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        url = f"http://127.0.0.1:{port}/faq/transition-fee/"
        wait_for(url, "过渡费给多久")
        faq = project / "content" / "faq" / "questions.yml"
        faq.write_text(faq.read_text(encoding="utf-8").replace("过渡费给多久？", "过渡费到底给多久？"), encoding="utf-8")
        wait_for(url, "过渡费到底给多久")
        faq.write_text("- id: [broken\n", encoding="utf-8")
        deadline = time.monotonic() + 120  # a bound on a hang, not a speed test: polling returns at once
        while not any("Y101" in line for line in err):  # the failed rebuild has reported: poll for that state
            assert time.monotonic() < deadline and proc.poll() is None, "the bad edit was never checked"
            time.sleep(0.1)
        assert "过渡费到底给多久" in fetch(url), "a bad edit must keep the previous preview"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        reader.join(timeout=10)
