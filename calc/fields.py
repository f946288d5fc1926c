"""Input declarations and their reading: one declaration serves the CLI, the page, the docs and the tests."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Callable

from .dates import parse_iso_date
from .errors import InputError
from .explain import json_value
from .numbers import NumberFormatError, format_number, parse_number
from .text import tr_lower

_THOUSANDS_ONLY = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+")

INPUT_TYPES = ("money", "decimal", "integer", "date", "datetime", "text", "choice", "bool", "list")


@dataclass(frozen=True)
class Field:
    """One input: its name (contract), type, Turkish label, bounds, default and help."""

    name: str
    type: str
    label: str
    default: object = None
    required: bool = False
    unit: str = ""
    min: object = None
    max: object = None
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    items: tuple["Field", ...] = ()
    min_items: int = 0
    max_items: int | None = None
    line: Callable[[str], dict] | None = None  # for a list: how one line of plain text becomes an item
    places: int | None = None
    multiline: bool = False
    check: Callable[[object], None] | None = None
    # values the page fills from other inputs (title and derece → ek gösterge): see calc/pay/title_presets.py
    presets: dict | None = dc_field(default=None, compare=False)
    personal: bool = False  # a name, T.C. kimlik no, address or phone: never written into a shared link

    def __post_init__(self):
        if self.type not in INPUT_TYPES:
            raise ValueError(f"{self.name}: unknown input type {self.type!r}")

    def schema(self) -> dict:
        """The JSON declaration of the contract's `schema` command."""
        out = {"name": self.name, "type": self.type, "label": self.label,
               "default": json_value(self.default), "required": self.required}
        for key in ("unit", "help"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.min is not None:
            out["min"] = json_value(_as_bound(self.min))
        if self.max is not None:
            out["max"] = json_value(_as_bound(self.max))
        if self.places is not None:
            out["places"] = self.places
        if self.choices:
            out["choices"] = [{"value": v, "label": l} for v, l in self.choices]
        if self.items:
            out["items"] = [f.schema() for f in self.items]
            out["min_items"] = self.min_items
            if self.max_items is not None:
                out["max_items"] = self.max_items
        if self.multiline:
            out["multiline"] = True
        if self.presets is not None:
            out["presets"] = self.presets
        if self.personal:
            out["personal"] = True
        return out


def _as_bound(v):
    return Decimal(str(v)) if isinstance(v, (str, float)) else v


def _fail(path: str, label: str, message: str):
    """The reader sees the field's label, never its internal name (the page places the message by `path`)."""
    raise InputError(path, f"“{label}”: {message}")


def read_inputs(fields: tuple[Field, ...], raw: dict) -> dict:
    """Check and convert the raw inputs (JSON values) into Python values; defaults filled in."""
    if not isinstance(raw, dict):
        raise InputError(None, "girdiler bir JSON nesnesi olmalı, örneğin {\"aidat\": \"100\"}")
    names = {f.name for f in fields}
    unknown = [k for k in raw if k not in names]
    if unknown:
        raise InputError(unknown[0], f"bilinmeyen girdi “{unknown[0]}”; geçerli girdiler: {', '.join(sorted(names))}")
    return {f.name: read_value(f, raw.get(f.name), f.name) for f in fields}


def read_value(field: Field, raw, path: str):
    """One input: a required one missing or empty is an error, never its default (the default only fills a
    fresh form); an optional one missing or empty takes its rule's default (e.g. a 30-day month)."""
    blank = isinstance(raw, str) and raw.strip() == ""
    if blank and field.type == "choice" and any(v == "" for v, _ in field.choices):
        raw, blank = "", False  # "" is an offered choice (e.g. "— oran yazacağım —"), not a missing value
    if raw is None or blank:
        if field.required:
            _fail(path, field.label, "zorunlu, boş bırakılamaz")
        if blank and field.type == "text":
            return ""
        raw = field.default
        if raw is None:
            return [] if field.type == "list" else None
    value = _convert(field, raw, path)
    _check_bounds(field, value, path)
    if field.check is not None:
        try:
            field.check(value)
        except InputError as exc:
            _fail(path, field.label, exc.message)
    return value


def _convert(field: Field, raw, path: str):  # noqa: C901 (one branch per input type; a dispatch table is the next step)
    t = field.type
    if t in ("money", "decimal"):
        return _to_decimal(field, raw, path)
    if t == "integer":
        d = _to_decimal(field, raw, path)
        if d != d.to_integral_value():
            _fail(path, field.label, f"tam sayı olmalı, {format_number(d, None)} yazılmış")
        return int(d)
    if t == "date":
        if isinstance(raw, date):
            return raw
        try:
            return parse_iso_date(str(raw))
        except (ValueError, IndexError):
            _fail(path, field.label, f"“{raw}” geçerli bir tarih değil (örnek: 2026-07-15 ya da 15.07.2026)")
    if t == "datetime":
        if isinstance(raw, datetime):
            return raw
        try:
            s = str(raw).strip().replace(" ", "T")
            return datetime.fromisoformat(s) if "T" in s else datetime.combine(parse_iso_date(s), datetime.min.time())
        except ValueError:
            _fail(path, field.label, f"“{raw}” geçerli bir tarih ve saat değil (örnek: 2026-07-15T09:00)")
    if t == "bool":
        if isinstance(raw, bool):
            return raw
        s = str(raw).strip().lower()
        if s in ("true", "1", "evet", "e", "on"):
            return True
        if s in ("false", "0", "hayır", "hayir", "h", "off"):
            return False
        _fail(path, field.label, f"evet ya da hayır olmalı, “{raw}” yazılmış")
    if t == "choice":
        allowed = [v for v, _ in field.choices]
        raw = _choice_by_label(field, raw)
        if raw not in allowed:
            labels = "; ".join(f"“{label}”" for v, label in field.choices if v != "")
            _fail(path, field.label, f"“{raw}” seçeneklerden biri değil; seçenekler: {labels}")
        return raw
    if t == "text":
        if not isinstance(raw, str):
            _fail(path, field.label, "metin olmalı")
        value = raw.strip()
        if field.required and not value:
            _fail(path, field.label, "zorunlu, boş bırakılamaz")
        return value
    if t == "list":
        return _to_list(field, raw, path)
    raise AssertionError(t)


def _choice_by_label(field: Field, raw):
    """A choice typed as people write it in a pasted row or a spreadsheet: its Turkish label (case-insensitive,
    `_` as a space, the part before a parenthesis is enough: “süt izni” for “Süt izni (657 DMK md.104/D)”),
    else `raw` unchanged."""
    if not isinstance(raw, str) or raw in (v for v, _ in field.choices):
        return raw
    typed = tr_fold(raw)
    for value, label in field.choices:
        full = tr_fold(label)
        if typed and typed in (full, full.split(" (")[0].strip(), tr_fold(value)):
            return value
    return raw


def tr_fold(text: str) -> str:
    """A choice as a person may type it: Turkish lower case, `_` as a space, spaces collapsed."""
    return " ".join(tr_lower(text.replace("_", " ")).split())


def _places(field: Field) -> int | None:
    if field.type == "integer":
        return 0
    return field.places if field.places is not None else (2 if field.type == "money" else None)


def _to_decimal(field: Field, raw, path: str) -> Decimal:
    places = _places(field)
    if isinstance(raw, bool):
        _fail(path, field.label, "sayı olmalı")
    if isinstance(raw, Decimal):
        d = raw
    elif isinstance(raw, int):
        d = Decimal(raw)
    elif isinstance(raw, float):
        if not math.isfinite(raw):
            _fail(path, field.label, "sonlu bir sayı olmalı")
        d = Decimal(repr(raw))
    elif isinstance(raw, str):
        try:
            # with at most two decimal places a dot before exactly three digits can only group thousands: 40.000
            d = parse_number(raw, thousands=places is not None and places < 3,
                             example="1.250" if field.type == "integer" else "1.234,56")
        except NumberFormatError as exc:
            _fail(path, field.label, str(exc))
    else:
        _fail(path, field.label, "sayı olmalı")
    if not d.is_finite():
        _fail(path, field.label, "sonlu bir sayı olmalı")
    if field.type == "integer":
        return d  # _convert says “tam sayı olmalı”
    try:
        too_precise = places is not None and d != d.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:  # more digits than the decimal context holds (e.g. 1e30)
        _fail(path, field.label, f"çok büyük bir sayı: {raw}")
    if too_precise:
        _fail(path, field.label, f"en çok {places} ondalık basamak olabilir ({'kuruş' if field.type == 'money' else 'hane'})")
    return d


def _check_bounds(field: Field, value, path: str) -> None:
    if value is None or field.type not in ("money", "decimal", "integer", "date", "datetime"):
        if field.type == "list" and value is not None:
            if len(value) < field.min_items:
                _fail(path, field.label, f"en az {field.min_items} satır olmalı")
            if field.max_items is not None and len(value) > field.max_items:
                _fail(path, field.label, f"en çok {field.max_items} satır olabilir")
        return
    lo, hi = _as_bound(field.min), _as_bound(field.max)
    if lo is not None and value < lo:
        _fail(path, field.label, f"en az {_show(lo)} olmalı, {_show(value)} yazılmış")
    if hi is not None and value > hi:
        _fail(path, field.label, f"en çok {_show(hi)} olabilir, {_show(value)} yazılmış")


def _show(v) -> str:
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return format_number(v, None)
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def _to_list(field: Field, raw, path: str) -> list:
    if isinstance(raw, str):
        raw = parse_rows(raw, field, path)
    if isinstance(raw, dict) and len(field.items) == 2 and not set(raw) & {f.name for f in field.items}:
        # {"Ayşe Kaya": 12}: key → first column, value → second
        raw = [{field.items[0].name: k, field.items[1].name: v} for k, v in raw.items()]
    if not isinstance(raw, list):
        _fail(path, field.label, "bir liste olmalı")
    out = []
    for i, item in enumerate(raw):
        row_path = f"{path}[{i}]"
        if not field.items:
            out.append(item)
            continue
        if not isinstance(item, dict):
            if len(field.items) == 1:
                item = {field.items[0].name: item}
            else:
                _fail(row_path, field.label, f"{i + 1}. satır bir nesne olmalı")
        try:
            out.append(read_inputs(field.items, item))
        except InputError as exc:
            name = item.get("name") if isinstance(item.get("name"), str) else None
            row = f"{i + 1}. satır" + (f" (“{name}”)" if name else "")
            raise InputError(f"{row_path}.{exc.field}" if exc.field else row_path, f"“{field.label}”, {row}: {exc.message}") from None
    return out


def parse_rows(text: str, field: Field, path: str) -> list[dict]:
    """Rows pasted from a spreadsheet: an optional header line, then `name;members` (also tab or comma).

    A list of one column (candidate names) is one entry per line, with no separator to guess; a field
    with its own `line` reader reads each line with it. Text that starts with `[` or `{` is JSON.
    A header is recognised by its names or labels, or, in any wording, by a first line whose number
    columns hold no numbers ("İş yeri;Üye sayısı"). Trailing optional columns may be left out.
    Rows are counted without the header line.
    """
    if text.lstrip().startswith(("[", "{")):
        try:
            return json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            if field.line is None:  # a line reader may start a line with “[” (an envelope “[boş]”)
                raise InputError(path, f"“{field.label}”: JSON olarak okunamadı ({exc.lineno}. satır, {exc.colno}. sütun)") from None
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return []
    if field.line is not None:
        return _read_lines(lines, field, path)
    if len(field.items) == 1:
        only = field.items[0]
        if lines[0].strip().lower() in (only.name, only.label.lower()):
            lines = lines[1:]
        return [{only.name: ln.strip()} for ln in lines]
    sample = lines[0]
    delimiter = ";" if ";" in sample else ("\t" if "\t" in sample else ",")
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    names = [f.name for f in field.items]
    header = [h.strip().lower() for h in rows[0]]
    labels = {f.label.lower(): f.name for f in field.items} | {n: n for n in names}
    if all(h in labels for h in header):
        keys, body = [labels[h] for h in header], rows[1:]
    elif _is_header(rows[0], field.items):
        keys, body = names[:len(rows[0])], rows[1:]
    else:
        keys, body = names, rows
    needed = max([i + 1 for i, f in enumerate(field.items) if f.name in keys and f.required] or [1])
    shown = {";": "“;”", ",": "“,”", "\t": "sekme"}[delimiter]
    out = []
    for n, row in enumerate(body, 1):
        if not needed <= len(row) <= len(keys):
            first = row[0].strip() if row and row[0].strip() else ""
            where = f"{n}. satır" + (f" (“{first}”)" if first else "")
            raise InputError(f"{path}[{n - 1}]", f"“{field.label}”, {where}: {len(keys)} sütun bekleniyordu ({shown} ile ayrılmış), {len(row)} bulundu")
        out.append({k: v.strip() for k, v in zip(keys, row, strict=False)})  # a short row leaves optional columns out
    return out


def _read_lines(lines: list[str], field: Field, path: str) -> list[dict]:
    """Each line through the field's own reader, which raises ValueError with a Turkish message."""
    out = []
    for n, ln in enumerate(lines, 1):
        try:
            out.append(field.line(ln.strip()))
        except ValueError as exc:
            raise InputError(f"{path}[{n - 1}]", f"“{field.label}”, {n}. satır: {exc}") from None
    return out


def _is_header(cells: list[str], items: tuple[Field, ...]) -> bool:
    """A first line whose number columns hold words, not numbers, is a header in the reader's own words."""
    numeric = [c.strip() for c, f in zip(cells, items, strict=False) if f.type in ("integer", "money", "decimal")]
    if not numeric or len(cells) > len(items):
        return False
    for c in numeric:
        try:
            parse_number(c)
            return False
        except NumberFormatError:
            if not c:
                return False
    return True
