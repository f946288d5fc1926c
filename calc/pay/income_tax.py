"""Ücret gelir vergisi: the tariff on the cumulative annual base, and the minimum-wage exemption.

Pure functions over the `income_tax` parameter set (one table per calendar year):

- `bracket_tax(base, brackets)`: the tariff of GVK md.103 applied to a yearly base, unrounded;
- `monthly_tax(before, month_base, brackets)`: a month's tax is the tax on the cumulative base
  after this month minus the tax on the base before it (GVK md.103; ücretlerde kümülatif matrah);
- `min_wage_exemption(table, month)`: GVK md.23/18 — the tax the minimum wage would bear in that
  month on its own cumulative base, computed month by month, never hard-coded;
- `stamp_exemption(table)`: DVK (2) sayılı tablo IV/15 — damga on the gross minimum wage.

Rounding: a month's tax is rounded to the kuruş, half up, after the subtraction; the bracket
tax itself is exact (rates have two decimals, bases two decimals).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..money import kurus
from ..params import ParameterTable

REF_TARIFF = "GVK md.103 (ücretlerde yıllık kümülatif matrah üzerinden tarife)"
REF_MIN_WAGE_EXEMPTION = "GVK md.23/18: asgari ücrete isabet eden gelir vergisi kadar istisna (aylık, kümülatif)"
REF_STAMP_EXEMPTION = "488 s. DVK (2) sayılı tablo IV/15: asgari ücrete isabet eden damga vergisi istisnası"

Brackets = tuple[tuple[Decimal | None, Decimal], ...]


def bracket_tax(base: Decimal, brackets: Brackets) -> Decimal:
    """Tax on a yearly base by the tariff, unrounded (GVK md.103)."""
    if base <= 0:
        return Decimal(0)
    tax, lower = Decimal(0), Decimal(0)
    for upto, rate in brackets:
        top = base if upto is None else min(base, upto)
        if top > lower:
            tax += (top - lower) * rate
        if upto is None or base <= upto:
            break
        lower = upto
    return tax


def marginal_rate(base: Decimal, brackets: Brackets) -> Decimal:
    """The rate of the bracket a yearly base ends in (a base exactly on a limit stays in the lower one)."""
    for upto, rate in brackets:
        if upto is None or base <= upto:
            return rate
    return brackets[-1][1]


@dataclass(frozen=True)
class Slice:
    """The part of a month's base taxed at one rate."""

    rate: Decimal
    amount: Decimal
    upto: Decimal | None


@dataclass(frozen=True)
class MonthTax:
    before: Decimal          # cumulative base carried in from earlier months of the year
    base: Decimal            # this month's base
    after: Decimal           # cumulative base after this month
    tax: Decimal             # this month's tax, kuruş half up
    slices: tuple[Slice, ...]  # how this month's base falls into the brackets

    @property
    def crosses(self) -> tuple[Decimal, ...]:
        """Bracket limits the cumulative base passes this month."""
        return tuple(s.upto for s in self.slices[:-1] if s.upto is not None)


def monthly_tax(before: Decimal, month_base: Decimal, brackets: Brackets) -> MonthTax:
    """This month's tax on the cumulative base: T(before + base) − T(before), rounded to the kuruş."""
    month_base = max(month_base, Decimal(0))
    after = before + month_base
    slices, lower = [], Decimal(0)
    for upto, rate in brackets:
        lo = max(before, lower)
        hi = after if upto is None else min(after, upto)
        if hi > lo:
            slices.append(Slice(rate, hi - lo, upto))
        if upto is None or after <= upto:
            break
        lower = upto
    tax = kurus(bracket_tax(after, brackets) - bracket_tax(before, brackets))
    return MonthTax(before, month_base, after, tax, tuple(slices))


def min_wage_base(table: ParameterTable) -> Decimal:
    """The minimum wage's monthly GV base: gross − employee SGK and unemployment shares (kuruş)."""
    gross = table["min_wage_gross"]
    return gross - kurus(gross * table["min_wage_employee_share"])


def min_wage_exemption(table: ParameterTable, month: int) -> MonthTax:
    """GVK md.23/18: the month's exemption is the minimum wage's own cumulative tax for that month."""
    base = min_wage_base(table)
    return monthly_tax(base * (month - 1), base, table["wage_brackets"])


def stamp_exemption(table: ParameterTable) -> Decimal:
    """DVK (2) sayılı tablo IV/15: damga on the gross minimum wage, kuruş half up."""
    return kurus(table["min_wage_gross"] * table["stamp_duty_rate"])
