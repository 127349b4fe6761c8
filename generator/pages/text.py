"""Small pure helpers for Chinese text and exact figures: numerals, dates, amounts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """19 -> 十九, 101 -> 一百零一, 110 -> 一百一十 (as used in article numbers, 1..9999)."""
    if not 0 < n < 10000:
        raise ValueError(n)
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    out = ""
    zero = False
    for size, name in units:
        digit = n // size % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (size == 10 and digit == 1 and not out) else _DIGITS[digit]) + name
    return out


def article_label(number: int) -> str:
    return f"第{chinese_number(number)}条"


def article_anchor(number: int) -> str:
    return f"art-{number}"


def iso_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def format_amount(amount: Decimal) -> str:
    """Exact display of a money figure: 1350 -> 1,350.00. Never rounds: refuses more than 2 places."""
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"amount {amount} has more than two decimal places")
    return format(amount.quantize(Decimal("0.01")), ",.2f")


def amount_value(amount: Decimal) -> str:
    """Machine-readable exact value for <data value>: 1350 -> 1350.00."""
    return str(amount.quantize(Decimal("0.01")))
