"""`gongkai serve`: build, serve on localhost, rebuild when content, settings or overrides change.

The preview serves the last successful build; a bad edit prints its diagnostics and keeps the
previous preview, exactly like the published site.
"""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .. import pipeline
from ..diagnostics import sort_diagnostics

Report = Callable[[str], None]


def _snapshot(root: Path) -> dict[str, float]:
    watched = [root / "site_config.yml", *sorted((root / "content").rglob("*")), *sorted((root / "overrides").rglob("*"))]
    return {str(p): p.stat().st_mtime for p in watched if p.is_file()}


def _rebuild(root: Path, out: Path, report: Report) -> None:
    try:
        result = pipeline.build(root, out)
    except Exception as exc:  # a generator bug must not stop the preview server
        report(f"[gongkai] 构建出错：{type(exc).__name__}: {exc}")
        return
    for d in sort_diagnostics(result.diagnostics):
        report(d.format())
    state = "已更新预览" if result.published else "构建失败，继续显示上一次的预览"
    report(f"[gongkai] {state}（{result.page_count} 个页面）")


def serve(root: Path, report: Report, host: str = "127.0.0.1", port: int = 8000, interval: float = 1.0) -> int:
    """Preview loop; every message goes through `report` (the CLI prints it)."""
    out = Path(tempfile.mkdtemp(prefix="gongkai-preview-")) / "site"
    _rebuild(root, out, report)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    report(f"[gongkai] 预览地址 http://{host}:{server.server_address[1]}/ （Ctrl+C 退出）")
    seen = _snapshot(root)
    try:
        while True:
            time.sleep(interval)
            now = _snapshot(root)
            if now != seen:
                seen = now
                _rebuild(root, out, report)
    except KeyboardInterrupt:
        server.shutdown()
    return 0
