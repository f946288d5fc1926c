"""Turkish number input and display.

Accepted: `1.234,56` (Turkish), `1234,56`, `1234.56`, `1234`, `-12,5`, and `1.234.567`
(several dot groups of three can only be thousands). `1.234` is a thousands dot where the field
cannot hold three decimals (money, counts, percentages with two places: `thousands=True`); elsewhere it is
refused with a reason (a thousands dot or a decimal point? we will not guess). Refused too: mixed or
misplaced separators, letters, blanks inside the number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .money import Rounding, to_decimal

_TURKISH = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?")      # 1.234,56 / 1.234.567
_COMMA = re.compile(r"[+-]?\d+(,\d+)?")                     # 1234,56
_DOT = re.compile(r"[+-]?\d+\.\d+")                         # 1234.56
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")             # 1.234
_SPACED = re.compile(r"[+-]?[1-9]\d{0,2}( \d{3})+(,\d+)?")        # 1 234,56


class NumberFormatError(ValueError):
    """Text that is not a number we can read unambiguously; the message is Turkish."""


def parse_number(text: str, thousands: bool = False, example: str = "1.234,56") -> Decimal:
    """Read a number typed by a Turkish reader; `example` is shown when the text is not a number."""
    if not isinstance(text, str):
        raise NumberFormatError("sayı bekleniyordu")
    s = text.strip().replace("\u00a0", " ").replace("\u2212", "-")
    if not s:
        raise NumberFormatError("boş bırakılamaz")
    if " " in s:  # spaces only as thousands groups: 1 234,56
        if not _SPACED.fullmatch(s):
            raise NumberFormatError(f"“{s}” bir sayı değil (örnek: {example})")
        s = s.replace(" ", "")
        if "." in s:
            raise NumberFormatError(f"“{text.strip()}” bir sayı değil (örnek: {example})")
    if _AMBIGUOUS.fullmatch(s) and not thousands:
        # each suggestion says which reading it is: “9,500” alone would read as nine and a half to some, 9500 to others
        decimal = format_number(Decimal(s).normalize(), None)
        raise NumberFormatError(
            f"“{s}” belirsiz: nokta binlik ayırıcı mı, ondalık mı anlaşılmıyor. "
            f"Binlik ayırıcıysa “{s.replace('.', '')}”, ondalıksa “{decimal}” yazın"
        )
    if _TURKISH.fullmatch(s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if _COMMA.fullmatch(s):
        return Decimal(s.replace(",", "."))
    if _DOT.fullmatch(s):
        return Decimal(s)
    raise NumberFormatError(f"“{s}” bir sayı değil (örnek: {example})")


def format_number(value: object, places: int | None = 2, rounding: Rounding = Rounding.KURUS_HALF_UP) -> str:
    """`1.234,56`: dot thousands, decimal comma. `places=None` keeps the value's own digits."""
    d = to_decimal(value)
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=rounding.mode)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    if out.strip("0.,") == "":
        sign = ""
    return sign + out


def format_money(value: object) -> str:
    """`1.234,56 TL`, rounded half up to the kuruş."""
    return format_number(value, 2) + " TL"


def format_percent(value: object) -> str:
    """`%65`, `%0,759`: the sign comes first in Turkish; a ratio of 0,65 is shown as %65."""
    return "%" + format_number((to_decimal(value) * 100).normalize(), None)
