"""Helpers shared by the döner sermaye calculators (pay/active-days, sick-report, net-performance,
performance-month): the `performance` parameter set and its number display."""

from __future__ import annotations

from decimal import Decimal

from ..errors import InputError
from ..numbers import format_number

SET = "performance"


def num(value) -> str:
    """A number inside a step label, in Turkish notation (`1,25`)."""
    return format_number(tidy(value) if isinstance(value, Decimal) else value, None)


def fail(field: str, label: str, message: str):
    """Refuse an input the rule does not allow, naming the field as the form does."""
    raise InputError(field, f"“{label}”: {message}")


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros (20978.00000 → 20978), never in exponent form in JSON."""
    return value.normalize() if value else Decimal(0)


def add_points(ex, label: str, value: Decimal, reference: str) -> Decimal:
    """A points step; the value handed back is the exact one, the step shows it without trailing zeros."""
    ex.add(label, tidy(value), reference, "points")
    return value
