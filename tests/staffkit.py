"""What the staff-workflow tests share (a plain module: test files never import conftest)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def confirm_scaffold(path: Path, scale: dict[str, str] | None = None) -> None:
    """Play the staff member: drop every `confirmed = false`, and scale some coefficients (key → factor)."""
    text = path.read_text(encoding="utf-8").replace("confirmed = false\n", "")
    for key, factor in (scale or {}).items():
        head = f"[values.{key}]\n"
        i = text.index(head)
        j = text.index("value = ", i)
        k = text.index("\n", j)
        old = Decimal(text[j + len("value = "):k])
        text = text[:j] + f"value = {(old * Decimal(factor)).quantize(Decimal('0.000001'))}" + text[k:]
    path.write_text(text, encoding="utf-8")
