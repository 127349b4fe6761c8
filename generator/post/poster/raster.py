"""SVG -> PNG with resvg (resvg-py, pinned), set only in the given font file (the shipped font: resvg reads
only the glyphs it needs, as fast as from a subset), never a system font; then
reduced to a 32-colour palette with Pillow (no dithering: text stays crisp) so a long poster stays well
under 300 KB. A fan-out task: `render([(svg, font file), …]) -> [png bytes, …]`."""

from __future__ import annotations

import io

FAMILY = "Noto Sans CJK SC"  # font.FAMILY; not imported, so a fan-out worker imports only what it uses
COLOURS = 32


def png(svg: str, font_file: str) -> bytes:
    import resvg_py
    from PIL import Image

    raw = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=[font_file],
                                      font_family=FAMILY, sans_serif_family=FAMILY, background="#ffffff"))
    image = Image.open(io.BytesIO(raw)).convert("RGB")
    small = image.quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def render(items: list[tuple[str, str]]) -> list[bytes]:
    return [png(svg, font_file) for svg, font_file in items]
