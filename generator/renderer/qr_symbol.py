"""QR code symbols (ISO/IEC 18004) for the site's page addresses, fast: byte mode, one fixed data mask.

segno makes the same symbols but spends ≈ 5 ms on each choosing its mask (it tries all eight and
scores them) and ≈ 1 ms building it in pure Python; a site of 3,000 pages paid seconds for that.
Any of the eight masks gives a valid symbol every reader scans (the scoring only avoids patterns that
could confuse a poor reader), so this module uses one mask, and precomputes per version what never
changes: the function patterns (finders, timing, alignment, format and version information), the
order in which data modules are placed, and the mask over them. Making a code is then the data
codewords, Reed-Solomon error correction (one table lookup per codeword), and one gather.

The version is the smallest that holds the URL at error correction level M, and the level is then
raised to Q or H while the data still fits that version, as segno does (`boost_error`); the tests
compare every module with segno's symbol for the same mask. segno's tables (ISO/IEC 18004 tables
7, 9, C.1, D.1 and E.1) are the source of the constants.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any, cast

from segno import consts

MASK = 2  # the mask segno chose most often for this site's URLs; any of the eight is valid
LEVELS = (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)
_CAPACITY = cast("dict[int, dict[int, int]]", consts.SYMBOL_CAPACITY)  # version -> level -> data bits
_BLOCKS = cast("dict[int, dict[int, tuple[Any, ...]]]", consts.ECC)  # version -> level -> block groups
_ALIGNMENT = cast("tuple[tuple[int, ...], ...]", consts.ALIGNMENT_POS)  # from version 2
_BITS = tuple(bytes((b >> (7 - i)) & 1 for i in range(8)) for b in range(256))
_EXP = [0] * 512
_LOG = [0] * 256


def _fill_field() -> None:
    value = 1
    for i in range(255):
        _EXP[i] = _EXP[i + 255] = value
        _LOG[value] = i
        value <<= 1
        if value & 0x100:
            value ^= 0x11D


_fill_field()


class TooLong(ValueError):
    """The data does not fit the largest QR code (version 40)."""


@dataclass(frozen=True)
class Symbol:
    """A QR code as its modules, row by row, 1 = dark; no quiet zone."""

    size: int
    modules: bytes

    def rows(self) -> list[bytes]:
        return [self.modules[y * self.size:(y + 1) * self.size] for y in range(self.size)]


def make(data: bytes) -> Symbol:
    """The QR code of `data` in byte mode, error correction M or better, mask `MASK`."""
    version, level = choose(len(data))
    layout = _layout(version, level)
    bits = b"".join(map(_BITS.__getitem__, final_message(data, version, level)))
    bits += bytes(len(layout.mask) - len(bits))  # remainder bits
    masked = (int.from_bytes(bits, "big") ^ layout.mask_int).to_bytes(len(bits), "big")
    return Symbol(layout.size, bytes(layout.gather(layout.template + masked)))


def _count_bits(version: int) -> int:
    return 8 if version < 10 else 16


def choose(length: int) -> tuple[int, int]:
    """(version, error level) for `length` bytes of data."""
    for version in range(1, 41):
        need = 4 + _count_bits(version) + 8 * length
        if _CAPACITY[version][consts.ERROR_LEVEL_M] >= need:
            level = consts.ERROR_LEVEL_M
            for better in LEVELS[1:]:
                if _CAPACITY[version][better] < need:
                    break
                level = better
            return version, level
    raise TooLong(f"{length} bytes do not fit a QR code")


def data_codewords(data: bytes, version: int, level: int) -> bytes:
    """Mode, length, data, terminator and padding (ISO/IEC 18004 7.4)."""
    capacity = _CAPACITY[version][level]
    value = (0b0100 << _count_bits(version)) | len(data)
    value = (value << 8 * len(data)) | int.from_bytes(data, "big")
    used = 4 + _count_bits(version) + 8 * len(data)
    pad = min(4, capacity - used)
    pad += -(used + pad) % 8
    out = (value << pad).to_bytes((used + pad) // 8, "big")
    fill = capacity // 8 - len(out)
    return out + (b"\xec\x11" * (fill // 2 + 1))[:fill]


def final_message(data: bytes, version: int, level: int) -> bytes:
    """Data codewords cut into blocks, each block's error correction, both interleaved (7.5, 7.6)."""
    message = data_codewords(data, version, level)
    blocks, ecc = [], []
    start = 0
    for group in _BLOCKS[version][level]:
        table = _ecc_table(group.num_total - group.num_data)
        for _ in range(group.num_blocks):
            block = message[start:start + group.num_data]
            start += group.num_data
            blocks.append(block)
            ecc.append(_remainder(block, table, group.num_total - group.num_data))
    return _interleave(blocks) + _interleave(ecc)


def _interleave(blocks: list[bytes]) -> bytes:
    longest = max(map(len, blocks))
    return bytes(b[i] for i in range(longest) for b in blocks if i < len(b))


def _remainder(block: bytes, table: tuple[int, ...], n: int) -> bytes:
    """The block times x^n modulo the generator polynomial: a shift register held in one int."""
    top, full, rem = 8 * (n - 1), (1 << 8 * n) - 1, 0
    for byte in block:
        rem = ((rem << 8) & full) ^ table[byte ^ (rem >> top)]
    return rem.to_bytes(n, "big")


@cache
def _ecc_table(n: int) -> tuple[int, ...]:
    """factor -> factor times the generator polynomial of degree n (without its leading 1), as an int."""
    poly = [1]  # coefficients, highest degree first
    for i in range(n):
        poly = [a ^ _mul(b, _EXP[i]) for a, b in zip(poly + [0], [0] + poly, strict=True)]
    return tuple(int.from_bytes(bytes(_mul(f, c) for c in poly[1:]), "big") for f in range(256))


def _mul(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


@dataclass(frozen=True)
class _Layout:
    size: int
    template: bytes  # function modules in place, data modules 0
    mask: bytes  # the mask over the data modules, in placement order
    mask_int: int
    gather: itemgetter[tuple[int, ...]]  # (template + placed bits) -> modules


@cache
def _layout(version: int, level: int) -> _Layout:
    size = 17 + 4 * version
    grid, function = function_patterns(version, level)
    order = placement_order(size, function)
    mask = bytes(_masked(i % size, i // size) for i in order)
    rank = {index: n for n, index in enumerate(order)}
    sources = [size * size + rank[i] if i in rank else i for i in range(size * size)]
    return _Layout(size, bytes(grid), mask, int.from_bytes(mask, "big"), itemgetter(*sources))


def _masked(x: int, y: int) -> int:
    """Mask 2 (7.8.2): every third column, x mod 3 = 0, is flipped."""
    return int(x % 3 == 0)


def function_patterns(version: int, level: int) -> tuple[bytearray, set[int]]:
    """The modules of the function patterns and the set of their indices (6.3, 7.9, 7.10)."""
    size = 17 + 4 * version
    grid = bytearray(size * size)
    function: set[int] = set()

    def put(x: int, y: int, dark: int) -> None:
        grid[y * size + x] = dark
        function.add(y * size + x)

    for i in range(size):  # timing patterns
        put(6, i, int(i % 2 == 0))
        put(i, 6, int(i % 2 == 0))
    for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):  # finders with their separators
        for dy in range(-4, 5):
            for dx in range(-4, 5):
                if 0 <= cx + dx < size and 0 <= cy + dy < size:
                    put(cx + dx, cy + dy, int(max(abs(dx), abs(dy)) not in (2, 4)))
    centres = _ALIGNMENT[version - 2] if version > 1 else ()
    for cx in centres:
        for cy in centres:
            if (cx, cy) not in ((6, 6), (6, centres[-1]), (centres[-1], 6)):
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        put(cx + dx, cy + dy, int(max(abs(dx), abs(dy)) != 1))
    _format_information(put, size, consts.FORMAT_INFO[level * 8 + MASK])
    if version >= 7:
        bits = consts.VERSION_INFO[version - 7]
        for i in range(18):
            put(size - 11 + i % 3, i // 3, (bits >> i) & 1)
            put(i // 3, size - 11 + i % 3, (bits >> i) & 1)
    return grid, function


def _format_information(put: Callable[[int, int, int], None], size: int, bits: int) -> None:
    """15 bits, twice: around the top-left finder, and split between the other two (7.9.1)."""
    first = [(8, i) for i in range(6)] + [(8, 7), (8, 8), (7, 8)] + [(14 - i, 8) for i in range(9, 15)]
    second = [(size - 1 - i, 8) for i in range(8)] + [(8, size - 15 + i) for i in range(8, 15)]
    for i in range(15):
        put(*first[i], (bits >> i) & 1)
        put(*second[i], (bits >> i) & 1)
    put(8, size - 8, 1)  # the dark module


def placement_order(size: int, function: set[int]) -> list[int]:
    """Data module indices in placement order: two-module columns from the right, up then down (7.7.3)."""
    order = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1  # skip the vertical timing pattern
        upward = (right + 1) & 2 == 0
        for vertical in range(size):
            y = size - 1 - vertical if upward else vertical
            for x in (right, right - 1):
                if y * size + x not in function:
                    order.append(y * size + x)
    return order


_RUNS = re.compile(rb"(\x00*)(\x01+)")  # light modules before a run of dark ones


class _Moves(dict[tuple[bytes, bytes], str]):
    """(light run, dark run) -> "m<light> 0h<dark>": a line after a gap, made once per pair of lengths."""

    def __missing__(self, key: tuple[bytes, bytes]) -> str:
        self[key] = f"m{len(key[0])} 0h{len(key[1])}"
        return self[key]


_MOVES = _Moves()


def svg_path(symbol: Symbol, border: int) -> str:
    """A stroke path drawing each row's runs of dark modules as lines of width 1."""
    parts = []
    size, modules = symbol.size, symbol.modules
    for y in range(size):
        runs = _RUNS.findall(modules, y * size, (y + 1) * size)
        if runs:
            light, dark = runs[0]
            parts.append(f"M{len(light) + border} {y + border}.5h{len(dark)}")
            parts.extend(map(_MOVES.__getitem__, runs[1:]))
    return "".join(parts)
