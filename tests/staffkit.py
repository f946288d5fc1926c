"""What the staff-workflow tests share (a plain module: test files never import conftest).

Nothing here names a period literally: the next period and "a month with no table" are derived from the
shipped data, so adding next period's files never turns a test red."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from calc import params
from calc.staff import PLACEHOLDER

ROOT = Path(__file__).resolve().parent.parent


def next_period(set_name: str, root=None) -> str:
    """The id of the period after the newest one: a half-year (`2027-01`), a year (`2027`) or a day a year on."""
    newest = params.load_set(set_name, root, allow_unconfirmed=True)[-1]
    start = newest.valid_from
    if re.fullmatch(r"\d{4}", newest.id):
        return str(start.year + 1)
    if re.fullmatch(r"\d{4}-\d{2}", newest.id):
        month = start.month + 6
        return f"{start.year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"
    return date(start.year + 1, start.month, start.day).isoformat()


def month_after_every_table() -> str:
    """A `YYYY-MM` month that no salary or income-tax table covers (a year after the last one)."""
    last = max(t.valid_until or t.valid_from for name in ("salary", "income_tax") for t in params.periods(name))
    later = last + timedelta(days=366)
    return f"{later:%Y-%m}"


def confirm_scaffold(path: Path, scale: dict[str, str] | None = None, source: str | None = None) -> None:
    """Play the staff member: drop every `confirmed = false`, scale some coefficients (key → factor) and, when
    `source` is given, replace the scaffold's placeholders with it (as staff write the circular's name)."""
    text = path.read_text(encoding="utf-8").replace("confirmed = false\n", "")
    for key, factor in (scale or {}).items():
        head = f"[values.{key}]\n"
        i = text.index(head)
        j = text.index("value = ", i)
        k = text.index("\n", j)
        old = Decimal(text[j + len("value = "):k])
        text = text[:j] + f"value = {(old * Decimal(factor)).quantize(Decimal('0.000001'))}" + text[k:]
    if source is not None:
        text = re.sub(rf'"{PLACEHOLDER}: [^"\n]*"', f'"{source}"', text)
    path.write_text(text, encoding="utf-8")
