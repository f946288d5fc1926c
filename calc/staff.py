"""Staff tools for a new raise period: scaffold the next parameter file, and list what changed.

`scaffold_period` copies the newest period of a set into a new file where every value is marked
`confirmed = false`: the build refuses to publish it until each value is checked against its official
source and the mark is removed. `changes` compares two consecutive periods for the "Neler değişti?" page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from . import params
from .dates import MONTHS_TR

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


def scaffold_period(set_name: str, period_id: str, root: Path) -> Path:
    """Write `root/<set>/<period_id>.toml` from the newest period, every value marked to confirm."""
    latest = params.load_set(set_name, root, allow_unconfirmed=True)[-1]
    start = period_start(period_id)
    if start <= latest.valid_from:
        raise ValueError(f"{period_id} en yeni dönemden ({latest.id}, {latest.valid_from}) sonra başlamalı")
    target = root / set_name / f"{period_id}.toml"
    if target.exists():
        raise ValueError(f"{target} zaten var")
    lines = [
        f"# {period_title(period_id)}: {latest.id} dönemi kopyalandı. Her değeri resmî kaynağından (Hazine ve Maliye",
        "# Bakanlığı genelgesi, Resmî Gazete, GİB) kontrol edin, değeri ve dayanağını (reference, source) güncelleyin,",
        "# sonra o değerin `confirmed = false` satırını silin. Bu satırlar durdukça site yayımlanmaz.",
        f'id = "{period_id}"',
        f'title = "{period_title(period_id)}"',
        f"valid_from = {start.isoformat()}",
        'source = "TEYİT EDİLECEK: bu dönemin genelgesi"',
    ]
    for key, p in latest.params.items():
        lines += ["", f"[values.{key}]", "confirmed = false", f"reference = {_toml_value(p.reference)}"]
        if p.source:
            lines.append(f"source = {_toml_value(p.source)}")
        raw = _raw_value(p)
        if isinstance(raw, dict) and p.type in ("matrix", "mapping", "records"):
            lines.append(f"[values.{key}.value]")
            for k, v in raw.items():
                lines.append(f'"{k}" = {_toml_value(v)}')
        else:
            lines.append(f"value = {_toml_value(raw)}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


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
