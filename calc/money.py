"""Money and rounding: Decimal only, and every rounding is a named rule.

A result never holds a float. The rounding rules are named after the texts that use them,
so a step can say which rule it applied.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation
from enum import Enum

KURUS = Decimal("0.01")
UNIT = Decimal("1")
MILLIONTH = Decimal("0.000001")
BASIS_POINT = Decimal("0.0001")  # a hundredth of a percent, as a ratio


class Rounding(Enum):
    """Named rounding rules; `.label` is the Turkish wording shown in steps."""

    KURUS_HALF_UP = ("kuruşa yuvarlama (yarım yukarı)", KURUS, ROUND_HALF_UP)
    TRUNCATE_2 = ("virgülden sonra iki hane, kalan atılır", KURUS, ROUND_DOWN)
    WHOLE_HALF_UP = ("tam sayıya yuvarlama (yarım yukarı)", UNIT, ROUND_HALF_UP)
    WHOLE_DOWN = ("tam sayıya, kalan atılır", UNIT, ROUND_DOWN)
    # HMB Ocak/Temmuz genelgeleri: katsayılar altı hanede, kalan ne olursa olsun yukarı (pay/raise-forecast)
    COEFFICIENT_UP_6 = ("virgülden sonra altı haneye, kalan varsa yukarı", MILLIONTH, ROUND_UP)
    # zam ve enflasyon farkı oranları yüzde olarak iki hanede yayımlanır (%6,85): oran dört haneye, yarım yukarı
    PERCENT_2_HALF_UP = ("yüzde olarak iki haneye yuvarlama (yarım yukarı)", BASIS_POINT, ROUND_HALF_UP)

    def __init__(self, label: str, quantum: Decimal, mode: str):
        self.label = label
        self.quantum = quantum
        self.mode = mode

    def apply(self, value: Decimal) -> Decimal:
        return to_decimal(value).quantize(self.quantum, rounding=self.mode)


def to_decimal(value: object) -> Decimal:
    """Decimal from int, Decimal or str; a float is refused so no binary error can enter."""
    if isinstance(value, bool):
        raise TypeError("bool is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal: {value!r}") from exc
    raise TypeError(f"{type(value).__name__} is not accepted as money (floats never are)")


def kurus(value: object) -> Decimal:
    """Round to the kuruş, half up: the default rule for an amount of money."""
    return Rounding.KURUS_HALF_UP.apply(to_decimal(value))


def truncate2(value: object) -> Decimal:
    """Cut to two decimals without rounding, as the döner sermaye texts do for coefficients."""
    return Rounding.TRUNCATE_2.apply(to_decimal(value))


def plain(value: Decimal) -> str:
    """Plain decimal notation with a dot, never an exponent: the contract's JSON form."""
    if value.is_zero():  # -0.00 (e.g. a tiny negative rounded to the kuruş) is shown as 0.00
        value = value.copy_abs()
    text = format(value, "f")
    return "0" if text in ("-0", "") else text
