"""Staff tools for a new raise period: scaffold the next parameter file, and list what changed.

`scaffold_period` copies the newest period of a set into a new file where every value is marked
`confirmed = false` and every reference starts with `TEYİT EDİLECEK`. The engine refuses a value still
marked unconfirmed; the build (`check_publishable`) also refuses a period whose references or sources
still carry the placeholder, or whose values all equal the previous period's (a scaffold left as it
was), unless its `acknowledge` table says why. `changes` compares two consecutive periods for the
"Neler değişti?" page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from . import params
from .dates import MONTHS_TR
from .errors import ParameterError

PLACEHOLDER = "TEYİT EDİLECEK"

PERIOD_ID = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def period_start(period_id: str) -> date:
    """`2027-01` → 1 Ocak 2027; `2027` → 1 Ocak 2027; `2027-03-15` → that day."""
    m = PERIOD_ID.fullmatch(period_id)
    if not m:
        raise ValueError(f"“{period_id}” bir dönem adı değil: 2027-01 (ay), 2027 (yıl) ya da 2027-03-15 (gün) yazın")
    return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def period_title(period_id: str) -> str:
    m = PERIOD_ID.fullmatch(period_id)
    if m[3]:
        return f"{int(m[3])} {MONTHS_TR[int(m[2]) - 1]} {m[1]}"
    return f"{m[1]} {MONTHS_TR[int(m[2]) - 1]}" if m[2] else m[1]


def _toml_value(v, indent: str = "") -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f'"{k}" = {_toml_value(x)}' for k, x in v.items()) + " }"
    raise TypeError(type(v))


def _raw_value(p: params.Parameter):
    """Back from the engine's normalised form to what the TOML file holds."""
    if p.type == "brackets":
        return [{"rate": r} if u is None else {"upto": u, "rate": r} for u, r in p.value]
    return p.value


def _value_lines(key: str, p: params.Parameter) -> list[str]:
    """One value of a scaffold: marked to confirm, its old reference kept behind the placeholder."""
    lines = ["", f"[values.{key}]", "confirmed = false", f"reference = {_toml_value(f'{PLACEHOLDER}: {p.reference}')}",
             f"source = {_toml_value(f'{PLACEHOLDER}: yeni kaynağın adresi (önceki: {p.source})' if p.source else f'{PLACEHOLDER}: kaynağın adresi')}"]
    raw = _raw_value(p)
    if isinstance(raw, dict) and p.type in ("matrix", "mapping", "records"):
        lines.append(f"[values.{key}.value]")
        lines += [f'"{k}" = {_toml_value(v)}' for k, v in raw.items()]
    else:
        lines.append(f"value = {_toml_value(raw)}")
    return lines


def _same_length_end(latest: params.ParameterTable, start: date) -> date | None:
    """A period as long as the one before it (a half-year, a year), when that one had an end: a month after the
    new period then has no table, instead of silently reusing it."""
    if latest.valid_until is None:
        return None
    months = (latest.valid_until.year - latest.valid_from.year) * 12 + latest.valid_until.month - latest.valid_from.month + 1
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, 1) - timedelta(days=1)


def scaffold_period(set_name: str, period_id: str, root: Path) -> Path:
    """Write `root/<set>/<period_id>.toml` from the newest period, every value marked to confirm.

    For a set that extends another (salary → salary_law) only the set's own values are copied: the
    by-law values stay in their own dated files."""
    latest = params.load_set(set_name, root, allow_unconfirmed=True)[-1]
    start = period_start(period_id)
    if start <= latest.valid_from:
        raise ValueError(f"{period_id} en yeni dönemden ({latest.id}, {latest.valid_from}) sonra başlamalı")
    target = root / set_name / f"{period_id}.toml"
    if target.exists():
        raise ValueError(f"{target} zaten var")
    end = _same_length_end(latest, start)
    lines = [
        f"# {period_title(period_id)}: {latest.id} dönemi kopyalandı. Her değeri resmî kaynağından (Hazine ve Maliye",
        "# Bakanlığı genelgesi, Resmî Gazete, GİB) kontrol edin; değeri, dayanağını (reference) ve adresini (source)",
        f"# yazın, “{PLACEHOLDER}” sözlerini silin, sonra o değerin `confirmed = false` satırını silin. Bunlar",
        "# durdukça site yayımlanmaz. Okura gösterilecek bir dönem notu varsa notes = \"…\" satırına yazın.",
        f'id = "{period_id}"',
        f'title = "{period_title(period_id)}"',
        f"valid_from = {start.isoformat()}",
        *([f"valid_until = {end.isoformat()}"] if end else []),
        f'source = "{PLACEHOLDER}: bu dönemin genelgesinin adı"',
    ]
    for key, p in latest.params.items():
        lines += _value_lines(key, p)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _placeholder_at(t: params.ParameterTable) -> str | None:
    if PLACEHOLDER in t.source or PLACEHOLDER in t.title or PLACEHOLDER in t.notes:
        return "source"
    for key, p in t.params.items():
        if PLACEHOLDER in p.reference or PLACEHOLDER in p.source:
            return key
    return None


def check_publishable(root=None) -> list[str]:
    """What the build adds to `params.validate_all`: no scaffold reaches readers as it was written.

    Refused, naming file and key: a reference, source or title still carrying the placeholder, and a
    period whose own values all equal the previous period's (unless `acknowledge.unchanged` says why)."""
    names = params.validate_all(root)
    for name in names:
        tables = params.load_set(name, root)
        for old, new in zip(tables, tables[1:], strict=False):  # consecutive pairs
            key = _placeholder_at(new)
            if key is not None:
                raise ParameterError(new.file, key, f"taslaktaki “{PLACEHOLDER}” sözü duruyor: dayanağı ve kaynağı "
                                                    "resmî metinden yazın")
            same = old.params.keys() == new.params.keys() and all(
                old.params[k].value == p.value for k, p in new.params.items())
            if same and "unchanged" not in new.reasons:
                first = next(iter(new.params))
                raise ParameterError(new.file, first, f"bütün değerler önceki dönemle ({old.file}) aynı: taslak "
                                                      "güncellenmemiş görünüyor. Değerler gerçekten değişmediyse dosyaya "
                                                      "[acknowledge] tablosu ekleyip unchanged = \"neden\" yazın.")
        if len(tables) == 1 and _placeholder_at(tables[0]) is not None:
            raise ParameterError(tables[0].file, _placeholder_at(tables[0]), f"taslaktaki “{PLACEHOLDER}” sözü duruyor")
    return names


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    old: object
    new: object
    ratio: Decimal | None  # new / old − 1 for a single number, else None
    reference: str


def changes(old: params.ParameterTable, new: params.ParameterTable) -> list[Change]:
    """Every parameter whose value differs between two periods, in schema order."""
    out = []
    for key, p in new.params.items():
        before = old.params.get(key)
        if before is not None and before.value == p.value:
            continue
        ratio = None
        if before is not None and isinstance(p.value, (int, Decimal)) and not isinstance(p.value, bool) and before.value:
            ratio = Decimal(p.value) / Decimal(before.value) - 1
        out.append(Change(key, p.label, None if before is None else before.value, p.value, ratio, p.reference))
    return out
