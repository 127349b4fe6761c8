"""`gongkai serve`: build, serve on localhost, rebuild when content, settings or overrides change.

The preview serves the last successful build; a bad edit prints its diagnostics and keeps the
previous preview, exactly like the published site.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .. import pipeline
from ..diagnostics import os_reason, sort_diagnostics

Report = Callable[[str], None]


def _snapshot(root: Path) -> dict[str, float]:
    watched = [root / "site_config.yml", *sorted((root / "content").rglob("*")), *sorted((root / "overrides").rglob("*"))]
    stamps = {}
    for path in watched:
        try:
            st = path.lstat()
        except OSError:  # deleted meanwhile
            continue
        stamps[str(path)] = st.st_mtime
    return stamps


def _rebuild(root: Path, out: Path, report: Report) -> None:
    try:
        result = pipeline.build(root, out)
    except Exception as exc:  # noqa: BLE001 - a generator bug must not stop the preview server
        report(f"[gongkai] 构建出错（gongkai 内部错误 {type(exc).__name__}），继续显示上一次的预览")
        return
    for d in sort_diagnostics(result.diagnostics):
        report(d.format())
    state = "已更新预览" if result.published else "构建失败，继续显示上一次的预览"
    report(f"[gongkai] {state}（{result.page_count} 个页面）")


def serve(root: Path, report: Report, host: str = "127.0.0.1", port: int = 8000, interval: float = 1.0) -> int:
    """Preview loop; every message goes through `report` (the CLI prints it). Returns the exit code: 0 when
    stopped with Ctrl+C, 3 when the address cannot be used. The preview folders are removed on the way out."""
    holder = Path(tempfile.mkdtemp(prefix="gongkai-preview-"))
    with contextlib.suppress(ValueError):  # `kill` stops the preview like Ctrl+C, so the cleanup runs
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _serve(root, report, host, port, interval, holder / "site")
    finally:
        shutil.rmtree(holder, ignore_errors=True)  # the preview, its staging and retired folders are all in it


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve(root: Path, report: Report, host: str, port: int, interval: float, out: Path) -> int:
    out.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        report(f"[gongkai] 无法在 {host}:{port} 上预览：{os_reason(exc)}。请用 --port 换一个端口（如 --port {port + 1}），"
               "或关闭占用它的程序。")
        return 3
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _rebuild(root, out, report)
        report(f"[gongkai] 预览地址 http://{host}:{server.server_address[1]}/ （Ctrl+C 退出）")
        seen = _snapshot(root)
        while True:
            time.sleep(interval)
            now = _snapshot(root)
            if now != seen:
                seen = now
                _rebuild(root, out, report)
    except KeyboardInterrupt:
        report("[gongkai] 预览已停止，临时文件已删除。")
    finally:
        server.shutdown()
        server.server_close()
    return 0
