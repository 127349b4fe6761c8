"""Characters that must never reach a page, whatever way the YAML spells them.

Control characters (C0, DEL, C1), format characters (zero-width spaces and joiners, bidi embeddings,
overrides and isolates U+2066-U+2069, the BOM, soft hyphens, invisible operators, tag characters),
line and paragraph separators, surrogates, private-use characters (gongkai's own placeholders live
there) and the non-characters U+FFFE/U+FFFF: invisible on a page, they spoof text, break search, and
several make `feed.xml` invalid XML. Tab, line feed and carriage return are the only controls allowed.

The check runs on the raw text of a file and again on every double-quoted scalar after YAML decoded
its escapes (`"\\x1b"`, `"\\u202e"`, `"\\0"`, `"\\e"`, `"\\N"`, `"\\L"`), so no spelling gets past it.
`tests/test_characters.py` checks the class against `unicodedata` for every code point.
"""

from __future__ import annotations

import re

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls, DEL
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"  # Cf in the BMP's scripts
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"  # zero-width, separators, bidi, invisible operators
    "\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff"  # surrogates, private use, BOM
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000f0000-\U0010ffff]")  # tags, supplementary private use

_NAMES = {0x1B: "ESC 转义", 0x00: "NUL 空字符", 0x07: "BEL 响铃", 0x202E: "从右到左覆盖", 0x202D: "从左到右覆盖",
          0x200B: "零宽空格", 0x200D: "零宽连接符", 0xFEFF: "BOM 零宽不换行空格", 0x2066: "从左到右隔离",
          0x2067: "从右到左隔离", 0x2068: "首强隔离", 0x2069: "隔离结束", 0x00AD: "软连字符", 0x2028: "行分隔符"}


def describe(char: str) -> str:
    """U+XXXX and, for the common ones, what it is."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X}，{name}" if name else f"U+{code:04X}"
