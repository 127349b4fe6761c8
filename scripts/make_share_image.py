"""Draw the site share image (overrides/assets/images/gk-share.png, 600x600) and the favicon offline.

WeChat and other share cards show a square thumbnail; Open Graph asks for at least 300x300. The image is
drawn with Pillow from plain shapes and the Noto Sans CJK font of Debian's fonts-noto-cjk (installed by
`scripts/setup.sh --test`); no network. The favicon (32x32, a few hundred bytes instead of Material's 1.8 KB)
replaces Material's assets/images/favicon.png through the theme overrides. Both PNGs are committed, so
builds never run this script.

Usage: python scripts/make_share_image.py [--font PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "overrides" / "assets" / "images"
OUT = IMAGES / "gk-share.png"
FAVICON = IMAGES / "favicon.png"
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
FONT_INDEX_SC = 2  # Simplified Chinese face in the Noto Sans CJK collection
SIZE = 600
BLUE = (29, 95, 191)
DARK = (11, 61, 145)
WHITE = (255, 255, 255)


def centred(draw: ImageDraw.ImageDraw, y: int, text: str, font: ImageFont.FreeTypeFont) -> None:
    left, _, right, _ = draw.textbbox((0, 0), text, font=font)
    draw.text(((SIZE - (right - left)) / 2 - left, y), text, font=font, fill=WHITE)


def house(draw: ImageDraw.ImageDraw) -> None:
    """A house with a document: what the site is about, readable at thumbnail size."""
    draw.polygon([(300, 70), (440, 190), (160, 190)], fill=WHITE)
    draw.rectangle((190, 190, 410, 300), fill=WHITE)
    draw.rectangle((275, 225, 325, 300), fill=BLUE)
    draw.rectangle((215, 215, 255, 250), fill=BLUE)
    draw.rectangle((345, 215, 385, 250), fill=BLUE)


def draw_image(font_path: Path) -> Image.Image:
    image = Image.new("RGB", (SIZE, SIZE), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, SIZE, SIZE), fill=DARK)
    house(draw)
    title = ImageFont.truetype(str(font_path), 76, index=FONT_INDEX_SC)
    small = ImageFont.truetype(str(font_path), 38, index=FONT_INDEX_SC)
    centred(draw, 330, "征收信息公开", title)
    centred(draw, 500, "政策 · 标准 · 程序 · 问答", small)
    return image.quantize(colors=16)


def draw_favicon() -> Image.Image:
    """The house of the share image on the site blue, at 4x then scaled down for smooth edges."""
    big = Image.new("RGB", (128, 128), BLUE)
    draw = ImageDraw.Draw(big)
    draw.polygon([(64, 14), (116, 60), (12, 60)], fill=WHITE)
    draw.rectangle((26, 60, 102, 112), fill=WHITE)
    draw.rectangle((54, 76, 74, 112), fill=BLUE)
    return big.resize((32, 32), Image.Resampling.LANCZOS).quantize(colors=8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", type=Path, default=FONT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    draw_image(args.font).save(args.out, optimize=True)
    draw_favicon().save(FAVICON, optimize=True)
    for path in (args.out, FAVICON):
        print(f"{path} {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
