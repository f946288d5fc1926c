"""Explanations: the ordered steps that lead a reader from the inputs to the result."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .dates import format_date, format_datetime
from .money import plain
from .numbers import format_money, format_number, format_percent

KINDS = ("money", "decimal", "rate", "integer", "date", "datetime", "text", "hours", "days", "points", "table", "list", "rows", "download")


@dataclass(frozen=True)
class Step:
    """One line of an explanation: what was done, its value, and the rule behind it."""

    label: str
    value: object
    reference: str = ""
    kind: str = "text"
    note: str = ""

    def as_json(self) -> dict:
        out = {"label": self.label, "value": json_value(self.value), "reference": self.reference,
               "display": display(self.value, self.kind)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Explanation:
    """Steps in order, plus warnings for the reader."""

    steps: list[Step] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, label: str, value: object, reference: str = "", kind: str | None = None, note: str = "") -> object:
        """Record a step and hand its value back, so a computation reads top to bottom."""
        self.steps.append(Step(label, value, reference, kind or guess_kind(value), note))
        return value

    def money(self, label: str, value: Decimal, reference: str = "", note: str = "") -> Decimal:
        return self.add(label, value, reference, "money", note)

    def warn(self, text: str) -> None:
        self.warnings.append(text)


def cell_value(value, kind: str):
    """A table cell back from its JSON form (money strings) to a value `display` can format."""
    if kind in ("money", "decimal", "rate", "points") and isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    if kind in ("date", "datetime") and isinstance(value, str):
        try:
            # a date-only value in a date-and-time column is a day, not midnight (“18 Ekim 2026 Pazar”, no 00:00)
            return datetime.fromisoformat(value) if kind == "datetime" and "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
    return value


def guess_kind(value: object) -> str:
    if isinstance(value, bool):
        return "text"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, Decimal):
        return "decimal"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    return "text"


def json_value(value: object):
    """The contract's JSON form: decimals as plain strings, dates ISO, counts as ints."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def display(value: object, kind: str = "text", columns: tuple = ()) -> str:  # noqa: C901 (one branch per output kind)
    """Turkish display of a value of a given kind (`1.234,56 TL`, `%65`, `23 Kasım 2026 Pazartesi`)."""
    if value is None:
        return "—"
    if kind == "download":
        return f"indirilebilir dosya ({len(str(value).encode('utf-8'))} bayt)"
    if kind == "rows" and columns and isinstance(value, (list, tuple)):
        return "\n".join("  " + " · ".join(display(cell_value(row.get(k), kd), kd) for k, _, kd in columns) for row in value)
    if isinstance(value, bool):
        return "evet" if value else "hayır"
    if kind == "money":
        return format_money(value)
    if kind == "rate":
        return format_percent(value)
    if kind in ("decimal", "points"):
        return format_number(value, None)
    if kind == "hours":
        return f"{format_number(value, None)} saat"
    if kind == "days":
        return f"{format_number(value, None)} gün"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_number(value, None)
    if isinstance(value, int):
        return format_number(value, None)
    if kind == "table" and isinstance(value, (list, tuple)) and all(isinstance(v, dict) for v in value):
        return "\n".join(" — ".join(display(x) for x in row.values()) for row in value)
    if isinstance(value, (list, tuple)):
        return ", ".join(display(v, kind) for v in value) if value else "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {display(v, kind)}" for k, v in value.items())
    return str(value)


NUMERIC_KINDS = ("money", "decimal", "rate", "integer", "points", "hours", "days")


def text_table(columns: tuple, rows) -> str:
    """Rows as a plain-text table for a terminal or a printed record: a header line, columns aligned,
    numbers to the right."""
    cells = [[label for _, label, _ in columns]]
    cells += [[display(cell_value(row.get(k), kd), kd) for k, _, kd in columns] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]

    def line(r):
        return "  " + "  ".join(c.rjust(w) if kd in NUMERIC_KINDS else c.ljust(w)
                                for c, w, (_, _, kd) in zip(r, widths, columns, strict=True)).rstrip()
    rule = "  " + "  ".join("-" * w for w in widths)
    body = []
    for row, r in zip(rows, cells[1:], strict=True):
        if isinstance(row, dict) and row.get("total") is True:  # a total row is set apart
            body.append(rule)
        body.append(line(r))
    return "\n".join([line(cells[0]), rule] + body)


def csv_cell(value, kind: str = "text") -> str:
    """A spreadsheet cell as Turkish spreadsheets read it: `1234,56` (no thousands dots, no unit), dates
    `GG.AA.YYYY`, yes/no as `evet`/`hayır`, a missing value empty."""
    value = cell_value(value, kind)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "evet" if value else "hayır"
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, (int, Decimal)):
        d = Decimal(value) * 100 if kind == "rate" else Decimal(value)
        if kind == "money":
            d = d.quantize(Decimal("0.01"))
        return plain(d).replace(".", ",")
    if isinstance(value, (list, tuple)):
        return ", ".join(csv_cell(v) for v in value)
    return str(value)


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """`;`-separated UTF-8 text, a header row first (RFC 4180 quoting where a cell holds `;`, quotes or lines)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def rows_csv(columns: tuple, rows) -> str:
    """A declared table (`Output.columns`) as CSV: Turkish headings, one line per row."""
    return csv_text([label for _, label, _ in columns], [[csv_cell(row.get(k), kd) for k, _, kd in columns] for row in rows])
