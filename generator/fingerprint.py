"""Asset fingerprints: theme files get a content hash in their name so servers may cache them for a year.

Material's own assets are already named `main.<hash>.min.css`; gongkai's (`gongkai.css`, `gk-prefs.js`, the
share image ...) are not. This post-processor copies each unhashed file directly under `assets/stylesheets`,
`assets/javascripts` and `assets/images` to `<name>.<hash8><ext>` and points every HTML page at the copy.
The original stays, so a script that builds an asset URL itself still finds it. It must run after every
other post-processor that writes HTML (it is the last entry of `pipeline.POSTPROCESSORS`).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from .diagnostics import Diagnostic
from .pages import Page
from .references import Site

FOLDERS = ("assets/stylesheets", "assets/javascripts", "assets/images")
KINDS = frozenset({".css", ".js", ".png", ".jpg", ".svg", ".webp", ".ico"})
HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.[a-z0-9]+$")


def hashed_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    return f"{path.stem}.{digest}{path.suffix}"


def fingerprint(staged: Path) -> dict[str, str]:
    """Copy each unhashed asset to its hashed name; returns old -> new paths relative to the site root."""
    renames: dict[str, str] = {}
    for folder in FOLDERS:
        base = staged / folder
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir()):
            if path.is_file() and path.suffix in KINDS and not HASHED.search(path.name):
                target = path.with_name(hashed_name(path))
                shutil.copyfile(path, target)
                renames[f"{folder}/{path.name}"] = f"{folder}/{target.name}"
    return renames


def rewrite(text: str, pattern: re.Pattern[str], renames: dict[str, str]) -> str:
    return pattern.sub(lambda m: renames[m.group(0)], text)


def fingerprint_assets(site: Site, pages: tuple[Page, ...], staged: Path) -> list[Diagnostic]:
    renames = fingerprint(staged)
    if not renames:
        return []
    names = "|".join(re.escape(old) for old in sorted(renames, key=len, reverse=True))
    pattern = re.compile(rf"(?<=[\"'/(])(?:{names})(?=[\"'?#)])")
    for html in sorted(staged.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        new = rewrite(text, pattern, renames)
        if new != text:
            html.write_text(new, encoding="utf-8")
    return []
