"""Regenerate generator/rules/laws/*.json, the national laws and regulations shipped with gongkai.

Usage: .venv/bin/python scripts/update_laws.py [LAWS_DIR]   (default: ../shared/reference/laws)

Each reference file is Markdown: `# 标题`, the adoption and amendment lines, `<!-- INFO END -->`,
then chapter headings (`## 第一章 …`, `### 第一节 …`) and articles, each starting a line with
`第…条 ` and running until the next article or heading; paragraphs are separated by blank lines.
The JSON keeps the title, the 文号 when the information block names one (国务院令第N号, the last
one), and every article's text with its paragraphs joined by a blank line. tests/test_national_laws.py
checks that the committed data is what this script makes of the reference files.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "generator" / "rules" / "laws"
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "laws"
ARTICLE_RE = re.compile(r"^第([零一二三四五六七八九十百]+)条[\s\u3000]+(.*)$")
ORDER_RE = re.compile(r"国务院令第(\d+)号")
DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_to_int(text: str) -> int:
    """一百二十三 -> 123 (the numerals article numbers use: up to 九百九十九)."""
    total, digit = 0, 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += digit * 100
            digit = 0
    return total + digit


def parse(text: str) -> dict[str, object]:
    lines = text.splitlines()
    title = lines[0].removeprefix("# ").strip()
    info, _, body = text.partition("<!-- INFO END -->")
    orders = ORDER_RE.findall(info)
    articles: dict[int, list[str]] = {}
    current: list[str] | None = None
    for raw in body.splitlines():
        line = raw.strip(" \t\u3000")
        if not line:
            continue
        if line.startswith("#"):
            current = None
            continue
        m = ARTICLE_RE.match(line)
        if m:
            number = chinese_to_int(m.group(1))
            if number != len(articles) + 1:
                raise ValueError(f"{title}: article {number} follows {len(articles)}")
            current = articles[number] = [m.group(2).strip(" \t\u3000")]
        elif current is not None:
            current.append(line)
    return {"title": title, "doc_number": f"国务院令第{orders[-1]}号" if orders else None,
            "articles": {str(n): "\n\n".join(paras) for n, paras in articles.items()}}


def generate(source: Path) -> dict[str, str]:
    """File name -> JSON text for every reference law in `source`."""
    return {f"{path.stem}.json": json.dumps(parse(path.read_text(encoding="utf-8")), ensure_ascii=False, indent=1) + "\n"
            for path in sorted(source.glob("*.md"))}


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    files = generate(source)
    if not files:
        print(f"no *.md in {source}", file=sys.stderr)
        return 1
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.json"):
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        (OUT / name).write_text(data, encoding="utf-8")
        print(f"{name}: {len(json.loads(data)['articles'])} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
