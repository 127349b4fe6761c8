"""Exact money arithmetic in integers: amounts in 分 (fen), quantities as scaled integers.

amount (分) = rate (分) × q1 × q2 … / 10^(places1 + places2 …), rounded half up to the 分 —
the same integer steps gk-estimator.js performs with BigInt, so both give identical results.
No binary floats anywhere; Decimal is used only to read the rate the model already holds exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .typed_input import TypedInputError, read_quantity


@dataclass(frozen=True)
class Scaled:
    """An exact non-negative quantity: value = units / 10**places."""

    units: int
    places: int

    @property
    def is_zero(self) -> bool:
        return self.units == 0

    def text(self) -> str:
        """Shortest exact decimal text: 120.50 -> 120.5, 2.0000 -> 2."""
        if self.places == 0:
            return str(self.units)
        whole, frac = divmod(self.units, 10**self.places)
        digits = str(frac).rjust(self.places, "0").rstrip("0")
        return f"{whole}.{digits}" if digits else str(whole)


class QuantityError(ValueError):
    """A quantity the resident typed is not a valid number for its measure (message in Chinese)."""


def parse_quantity(text: str, places: int) -> Scaled:
    """'120.5' with 2 places -> Scaled(12050, 2), read as typed_input reads what a resident types
    (full-width digits, a unit, a final 。 are understood); QuantityError with the browser's message."""
    try:
        units, scale = read_quantity(text, places)
    except TypedInputError as exc:
        raise QuantityError(str(exc)) from None
    return Scaled(units, scale)


def to_fen(amount: Decimal) -> int:
    """An exact money figure (at most 2 decimal places, as the model guarantees) in 分."""
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"amount {amount} has more than two decimal places")
    return int(fen)


def line_fen(rate_fen: int, quantities: tuple[Scaled, ...]) -> int:
    """rate × quantities, rounded half up to the 分 (all values non-negative)."""
    product = rate_fen
    scale = 1
    for q in quantities:
        product *= q.units
        scale *= 10**q.places
    return (2 * product + scale) // (2 * scale)


def format_fen(fen: int) -> str:
    """12345678 -> '123,456.78' (the display used on the site and in the browser)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def plain_fen(fen: int) -> str:
    """12345678 -> '123456.78' (machine-readable, for JSON and <data value>)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"
