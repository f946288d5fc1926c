"""Printable records (tutanak) of the election calculators: heading, the inputs, a table, signatures.

Python writes them as plain text so that the page, the command line and a printer show the same thing.
"""

from __future__ import annotations

from datetime import date

from ..dates import format_date
from ..explain import text_table


def signature_block(roles) -> list[str]:
    """One column per signer: role, then lines for the name and the signature."""
    roles = list(roles)
    width = max(24, *(len(r) + 2 for r in roles))
    return ["".join(r.ljust(width) for r in roles).rstrip(),
            "".join("Adı soyadı: ".ljust(width) for _ in roles).rstrip(),
            "".join("İmza:".ljust(width) for _ in roles).rstrip()]


def heading(title: str, name: str | None, held_on: date | None) -> list[str]:
    return [title, *( [name] if name else []),
            f"Tarih: {format_date(held_on) if held_on else '....................'}"]


def document(title: str, name: str | None, held_on: date | None, references: list[str], facts: list[tuple[str, str]],
             table: tuple | None, closing: list[str], signatures) -> str:
    """A whole record: heading, the rules it applies, the inputs and results as `label: value` lines,
    the table (columns, rows), closing lines and the signature block."""
    lines = heading(title, name, held_on) + [""]
    lines += [f"Dayanak: {r}" for r in dict.fromkeys(references)] + [""]
    lines += [f"{label}: {value}" for label, value in facts]
    if table is not None:
        lines += ["", text_table(*table)]
    lines += [""] + closing + ["", "İşbu tutanak kurul üyelerince okunup imza altına alınmıştır.", ""]
    lines += signature_block(signatures)
    return "\n".join(lines)
