"""Regenerate the national layer (generator/defaults/national/) from the bundled site's content.

The national layer holds what is the same for every district because it comes from national law:
the national laws and regulations as policy documents, the two statutory procedures, the remedies of
national law (without the district's bodies), the official holiday calendars and the glossary terms whose sources are national law only. A site whose
site_config.yml says `national_layer: true` (what `gongkai init` writes) gets them without copying;
its own content/ overrides any item with the same id (load/layers.py).

Usage: .venv/bin/python scripts/update_national_layer.py
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LAYER = ROOT / "generator" / "defaults" / "national"
NATIONAL_LEVELS = ("law", "administrative_regulation", "judicial_interpretation", "departmental_rule")
LOCAL = re.compile(r"duji-|anhui-|杜集|淮北|安徽|段园|高岳|石台|朔里|矿山集")
# Sentences of the bundled site about its own sample figures, not true of another district.
DROP = ("本栏目“补偿标准”中的数字目前只是示例，以正式公布的文件为准。",)


def _clean(text: str) -> str:
    for sentence in DROP:
        text = text.replace(sentence, "")
    return re.sub(r"(?m)^ *- document: (?:duji|anhui)-[a-z0-9-]*\n(?! +article:)", "", text)  # a local source cited


def _copy(layer: Path, folder: str) -> list[str]:
    written = []
    for path in sorted((CONTENT / folder).glob("*.yml")):
        text = path.read_text("utf-8")
        level = re.search(r"^level: (\S+)", text, re.MULTILINE)
        if folder == "policy_documents" and (level is None or level.group(1) not in NATIONAL_LEVELS):
            continue
        text = _clean(text)
        if LOCAL.search(text):
            continue
        target = layer / folder / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
        written.append(f"{folder}/{path.name}")
    return written


def _remedies(layer: Path) -> list[str]:
    """The national remedies (行政复议, 行政诉讼, 申请政府信息公开: periods and articles of national law),
    without what only the bundled district can say: its `bodies` and the sentence naming its own
    authorities ("据此，…"). A district names its bodies in its own file with the same id (D966 says so)."""
    written = []
    for path in sorted((CONTENT / "remedies").glob("*.yml")):
        text = path.read_text("utf-8")
        text = re.sub(r"(?m)^bodies:\n(?:  .*\n)*", "", text)
        text = re.sub(r"(?m)^#.*\n", "", text)
        text = re.sub(r"据此，[^。]*。", "", text)
        if LOCAL.search(text):
            continue
        target = layer / "remedies" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
        written.append(f"remedies/{path.name}")
    return written


def _glossary(layer: Path) -> str:
    text = (CONTENT / "glossary" / "terms.yml").read_text("utf-8")
    blocks = re.split(r"(?m)^(?=- id: )", text)
    terms = blocks[1:]
    kept = [b for b in terms if not LOCAL.search(b)]
    target = layer / "glossary" / "national.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# 全国通用术语（出自国家法律法规）：由 scripts/update_national_layer.py 从本仓库内容生成。\n"
                      + "".join(kept), "utf-8")
    return f"glossary/national.yml ({len(kept)} of {len(terms)} terms)"


def _keep_places(block: str, pages: set[str]) -> str:
    """A catalogue row without the places that are pages of the bundled site only."""
    out, skipping = [], False
    for line in block.split("\n"):
        m = re.match(r"^    - page: (\S+)", line)
        if m:
            skipping = m.group(1) not in pages
        elif not line.startswith("      "):
            skipping = False
        if not skipping:
            out.append(line)
    return re.sub(r"(?m)^  published_in:\n(?!    - )", "", "\n".join(out))


def _catalogue(layer: Path) -> list[str]:
    """The national catalogue rows (标准目录) that apply to every district, each row its places on pages
    the layer has, or by type and announcement kind (a district's own content fulfils them)."""
    pages = {f"policies/{p.stem}" for p in (layer / "policy_documents").glob("*.yml")}
    pages |= {f"procedures/{p.stem}" for p in (layer / "procedures").glob("*.yml")}
    written = []
    for path in sorted((CONTENT / "disclosure_items").glob("*.yml")):
        blocks = re.split(r"(?m)^(?=- id: )", path.read_text("utf-8"))
        # "本站在…公布（本中心做法）" is this site's practice; on another district's site it is that site's own
        # way of working, not a claim about its center: the mark goes (tests/test_national_layer_neutral.py)
        kept = [_keep_places(b, pages).replace("（本中心做法）", "") for b in blocks[1:] if not LOCAL.search(b)]
        target = layer / "disclosure_items" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("# 全国通用的公开事项标准目录行：由 scripts/update_national_layer.py 从本仓库内容生成。\n"
                          "# 本区不适用的行，在 site_config.yml 的 not_applicable 中写明标识和理由。\n" + "".join(kept), "utf-8")
        written.append(f"disclosure_items/{path.name} ({len(kept)} of {len(blocks) - 1} rows)")
    return written


def write_layer(layer: Path) -> list[str]:
    if layer.exists():
        shutil.rmtree(layer)
    written = _copy(layer, "policy_documents") + _copy(layer, "procedures") + _copy(layer, "calendars")
    written += _remedies(layer)
    return written + [_glossary(layer)] + _catalogue(layer)


def stale(scratch: Path) -> list[str]:
    """Layer files that differ from what the bundled content gives now (a test calls this)."""
    write_layer(scratch)
    mine = {p.relative_to(LAYER): p.read_bytes() for p in LAYER.rglob("*.yml")}
    fresh = {p.relative_to(scratch): p.read_bytes() for p in scratch.rglob("*.yml")}
    return sorted(str(k) for k in mine.keys() | fresh.keys() if mine.get(k) != fresh.get(k))


def main() -> None:
    print("national layer:", ", ".join(write_layer(LAYER)))


if __name__ == "__main__":
    main()
