"""Compact text encodings for index files (JSON-safe, no escaping needed, decoded by gk-search.js).

- varint: 5 bits per character, lowest bits first; bit 0x20 of a character's value means "more follows".
- weight: one character, the value 0..63 itself.
- A sparse posting list is, per page in ascending id: varint(id gap - 1), weight, varint(part).
- A dense posting list (for keys on many pages) on a site of up to RICH_PAGES pages is DENSE
  followed by one character per page: level * 16 + min(part, 15), level 0 meaning "not on this page".
  On larger sites it is PACKED followed by one character per three pages, two bits of level each
  (lowest bits first page); the part is then unknown (0), so such a list costs a third of a byte a page.
- A list is dense when it has more postings than a third of the dense size (a sparse posting takes at
  least three characters): the count alone decides, so update.py can patch a dense list in place.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
DENSE = "~"
PACKED = "!"
RICH_PAGES = 1000
MAX_WEIGHT = 63
MAX_DENSE_PART = 15
# Weights of dense levels 1..3 and the lowest weight of each level.
DENSE_WEIGHTS = (0, 8, 26, 50)
DENSE_FLOORS = (1, 16, 40)


def varint(value: int) -> str:
    if 0 <= value < _SMALL:
        return _VARINTS[value]
    return _varint(value)


def _varint(value: int) -> str:
    if value < 0:
        raise ValueError(value)
    out = []
    while True:
        low = value & 0x1F
        value >>= 5
        if value:
            out.append(ALPHABET[low | 0x20])
        else:
            out.append(ALPHABET[low])
            return "".join(out)


def varints(values: Iterable[int]) -> str:
    return "".join(varint(v) for v in values)


def gaps(ids: Iterable[int]) -> str:
    """Ascending ids as gaps (first id counted from -1), each minus one."""
    prev = -1
    out = []
    for i in ids:
        out.append(varint(i - prev - 1))
        prev = i
    return "".join(out)


def decode_varints(text: str) -> list[int]:
    values, value, shift = [], 0, 0
    for ch in text:
        n = ALPHABET.index(ch)
        value |= (n & 0x1F) << shift
        if n & 0x20:
            shift += 5
        else:
            values.append(value)
            value, shift = 0, 0
    return values


def level(weight: int) -> int:
    return _LEVELS[weight] if 0 <= weight <= MAX_WEIGHT else sum(1 for floor in DENSE_FLOORS if weight >= floor)


_SMALL = 1 << 11  # values below this are looked up, not computed (nearly all gaps and windows; a small table keeps the import quick for fan-out workers)
_VARINTS = [_varint(v) for v in range(_SMALL)]
_LEVELS = [sum(1 for floor in DENSE_FLOORS if w >= floor) for w in range(MAX_WEIGHT + 1)]


_DOC_SHIFT = 22  # a posting as one integer (see postings.merge): page id, weight (bits 16-21), part (0-15)
_TO_ALPHABET = bytes.maketrans(bytes(range(64)), ALPHABET.encode())
_CODE = {ch: i for i, ch in enumerate(ALPHABET)}
_PACKED_COUNT = bytes.maketrans(ALPHABET.encode(), bytes(sum(1 for k in range(3) if v >> 2 * k & 3) for v in range(64)))
_TIMES = {k: bytes.maketrans(bytes(range(4)), bytes(v << k for v in range(4))) for k in (2, 4)}


def sparse(values: Sequence[int]) -> str:
    """Postings (ascending page ids) as (gap, weight, part) varints."""
    out, prev = [], -1
    for v in values:
        doc = v >> _DOC_SHIFT
        out.append(varint(doc - prev - 1) + ALPHABET[v >> 16 & 0x3F] + varint(v & 0xFFFF))
        prev = doc
    return "".join(out)


def dense(values: Sequence[int], pages: int) -> str:
    cells = bytearray(pages)
    for v in values:
        cells[v >> _DOC_SHIFT] = _LEVELS[v >> 16 & 0x3F] << 4 | min(v & 0xFFFF, MAX_DENSE_PART)
    return DENSE + cells.translate(_TO_ALPHABET).decode()


def packed(values: Sequence[int], pages: int) -> str:
    """Two bits of level per page, three pages a character (lowest bits first page)."""
    size = (pages + 2) // 3
    levels = bytearray(size * 3)
    for v in values:
        levels[v >> _DOC_SHIFT] = _LEVELS[v >> 16 & 0x3F]
    total = (int.from_bytes(levels[0::3], "big") + int.from_bytes(levels[1::3].translate(_TIMES[2]), "big")
             + int.from_bytes(levels[2::3].translate(_TIMES[4]), "big"))  # no carries: each byte stays < 64
    return PACKED + total.to_bytes(size, "big").translate(_TO_ALPHABET).decode()


def encode(values: Sequence[int], pages: int) -> str:
    """Sparse when three characters a posting fit in the dense size, else dense: the choice depends on the
    number of postings alone, so one page's change can be patched into a dense list (`patch`)."""
    if len(values) * 3 <= dense_size(pages):  # a sparse posting takes at least three characters
        return sparse(values)
    return dense(values, pages) if pages <= RICH_PAGES else packed(values, pages)


def dense_size(pages: int) -> int:
    return pages + 1 if pages <= RICH_PAGES else (pages + 2) // 3 + 1


def sparse_values(text: str) -> list[int]:
    """A sparse posting list back as the integers `encode` takes (sparse lists are lossless)."""
    out, i, doc, code = [], 0, -1, _CODE
    while i < len(text):
        gap, i = _read(text, i)
        doc += gap + 1
        weight = code[text[i]]
        part, i = _read(text, i + 1)
        out.append(doc << _DOC_SHIFT | weight << 16 | part)
    return out


def count(text: str, pages: int) -> int:
    """How many pages an encoded posting list names."""
    if text.startswith(PACKED):
        return sum(text[1:].encode().translate(_PACKED_COUNT))
    if text.startswith(DENSE):
        return pages - sum(text.count(ALPHABET[v]) for v in range(16))
    return len(sparse_values(text))


def patch(text: str, pages: int, doc: int, value: int | None) -> str | None:
    """`text` with page `doc`'s posting replaced by `value` (None: the page no longer holds the key):
    what `encode` gives for the changed list, or None when only the whole list can tell (a dense list
    becoming sparse). '' means no page holds the key."""
    if not text.startswith((PACKED, DENSE)):
        values = [v for v in sparse_values(text) if v >> _DOC_SHIFT != doc]
        if value is not None:
            insort(values, value)
        return encode(values, pages) if values else ""
    at = doc // 3 + 1 if text[0] == PACKED else doc + 1
    cell = _CODE[text[at]]
    held = bool(cell >> 2 * (doc % 3) & 3) if text[0] == PACKED else bool(cell >> 4)
    if (count(text, pages) - held + (value is not None)) * 3 <= dense_size(pages):
        return None
    if text[0] == PACKED:
        shift = 2 * (doc % 3)
        cell = cell & ~(3 << shift) | (_LEVELS[value >> 16 & 0x3F] << shift if value is not None else 0)
    else:
        cell = _LEVELS[value >> 16 & 0x3F] << 4 | min(value & 0xFFFF, MAX_DENSE_PART) if value is not None else 0
    return text[:at] + ALPHABET[cell] + text[at + 1:]


def posting_values(postings: Iterable[tuple[int, int, int]]) -> list[int]:
    """(page id, weight, part) triples as the integers `encode` takes."""
    return [doc << _DOC_SHIFT | weight << 16 | part for doc, weight, part in postings]


def postings_text(postings: list[tuple[int, int, int]], pages: int) -> str:
    return encode(posting_values(postings), pages)


def decode_postings(text: str) -> list[tuple[int, int, int]]:
    """Inverse of `postings_text` (dense weights come back as their level's weight); used by tests."""
    if text.startswith(PACKED):
        out = []
        for i, ch in enumerate(text[1:]):
            n = ALPHABET.index(ch)
            for k in range(3):
                if (n >> 2 * k) & 3:
                    out.append((3 * i + k, DENSE_WEIGHTS[(n >> 2 * k) & 3], 0))
        return out
    if text.startswith(DENSE):
        out = []
        for doc, ch in enumerate(text[1:]):
            n = ALPHABET.index(ch)
            if n >> 4:
                out.append((doc, DENSE_WEIGHTS[n >> 4], n & 15))
        return out
    out, i, doc = [], 0, -1
    while i < len(text):
        gap, i = _read(text, i)
        doc += gap + 1
        weight = ALPHABET.index(text[i])
        part, i = _read(text, i + 1)
        out.append((doc, weight, part))
    return out


def _read(text: str, i: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        n = _CODE[text[i]]
        i += 1
        value |= (n & 0x1F) << shift
        if not n & 0x20:
            return value, i
        shift += 5
