"""Phone screenshots of the 一图读懂 posters for the README (docs/posters.png), offline.

Builds the bundled project into a scratch folder (or uses --site), serves it on 127.0.0.1, opens a
compensation standard, a procedure and a project page in Debian's Chromium at 390x844 with a WeChat
user agent, opens each page's 一图读懂 panel and photographs it, and puts the three shots side by side.

Usage: python scripts/make_poster_screenshots.py [--site DIR] [--out docs/posters.png]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402

PAGES = ("standards/rural-house-sample/", "procedures/land-collective/", "projects/sample-duanyuan-logistics-road/")
WECHAT = ("Mozilla/5.0 (Linux; Android 14; V2307A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
          "Chrome/130.0.6723.103 Mobile Safari/537.36 MicroMessenger/8.0.54.2760(0x28003637) NetType/WIFI Language/zh_CN")


def serve(folder: Path) -> str:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def shots(base: str) -> list[Image.Image]:
    from playwright.sync_api import sync_playwright

    images = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                      user_agent=WECHAT, locale="zh-CN")
        page = context.new_page()
        for url in PAGES:
            page.goto(base + url, wait_until="networkidle")
            page.evaluate("document.getElementById('poster').open = true")
            page.locator("#poster img").scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('#poster img').complete")
            page.locator("#poster summary").evaluate("e => e.scrollIntoView({block: 'start'})")
            images.append(Image.open(io.BytesIO(page.screenshot())))
        browser.close()
    return images


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "posters.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            result = pipeline.build(REPO, site)
            assert result.published, [d.format() for d in result.diagnostics]
        images = shots(serve(site))
    gap, scale = 24, 0.5
    w, h = int(images[0].width * scale), int(images[0].height * scale)
    sheet = Image.new("RGB", (len(images) * w + (len(images) + 1) * gap, h + 2 * gap), "#e8edf4")
    for i, image in enumerate(images):
        sheet.paste(image.convert("RGB").resize((w, h), Image.Resampling.LANCZOS), (gap + i * (w + gap), gap))
    sheet.quantize(colors=128, method=Image.Quantize.FASTOCTREE).save(args.out, optimize=True)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
