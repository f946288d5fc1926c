"""Dated parameter tables: one TOML file per period, every value with its legal reference.

Layout, inside the package (so Pyodide has it too):

    calc/data/<set>/schema.toml      what the set holds: keys, types, bounds, Turkish labels
    calc/data/<set>/<period>.toml    one period: id, title, valid_from, values with references

A value is a table: `value`, `reference` (the article or circular, required), `source` (URL,
optional), `confirmed` (false while a scaffolded value awaits its official figure).
Decimals are read as `Decimal`, never float (`tomllib` with `parse_float=Decimal`).

A set may `extend` another (`[set] extends = "salary_law"`): its period files hold only what each
circular changes, and the table in force on a day is that period's values together with the base
set's values in force on the same day (by-law values written once, dated, changed only when the law
changes). The two schemas may not share a key.

`table_for(set, on)` returns the table in force on a date. `validate_all()` checks every
shipped table and names the file and key of each problem.
"""

from __future__ import annotations

import tomllib
import os
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from .errors import InputError, ParameterError

VALUE_TYPES = ("decimal", "rate", "money", "integer", "text", "date", "bool",
               "decimal_list", "mapping", "matrix", "brackets", "records")
PERIOD_KEYS = {"id", "title", "valid_from", "valid_until", "source", "values", "notes", "acknowledge"}
VALUE_KEYS = {"value", "reference", "source", "confirmed", "note"}


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    value: object
    reference: str
    source: str
    unit: str
    type: str
    note: str = ""


@dataclass(frozen=True)
class ParameterTable:
    """The values of one set for one period."""

    set: str
    id: str
    title: str
    valid_from: date
    valid_until: date | None
    source: str
    params: dict[str, Parameter]
    file: str
    acknowledged: tuple[str, ...] = ()
    notes: str = ""
    reasons: dict[str, str] = field(default_factory=dict)  # acknowledge key → why (see _acknowledged)
    parts: tuple[tuple[str, str, str], ...] = ()  # (set, id, title) of every table merged into this one

    @property
    def sources(self) -> tuple[tuple[str, str, str], ...]:
        """The (set, id, title) of each table this one is made of: itself, then its base (if any)."""
        return ((self.set, self.id, self.title),) + self.parts

    def __getitem__(self, key: str):
        return self.params[key].value

    def ref(self, key: str) -> str:
        return self.params[key].reference

    def get(self, key: str) -> Parameter:
        return self.params[key]

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


@dataclass(frozen=True)
class KeySpec:
    key: str
    label: str
    type: str
    unit: str = ""
    min: Decimal | None = None
    max: Decimal | None = None
    max_change: Decimal | None = None
    required: bool = True
    fields: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class SetSchema:
    name: str
    title: str
    description: str
    periodic: bool
    keys: dict[str, KeySpec]
    max_change: Decimal = Decimal("0.5")
    extends: str = ""


def _data_root():
    return resources.files("calc") / "data"


def _read_toml(node, display_name: str) -> dict:
    try:
        return tomllib.loads(node.read_text(encoding="utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ParameterError(display_name, None, f"TOML okunamadı: {exc}") from exc


def set_names(root=None) -> list[str]:
    root = root or _data_root()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "schema.toml").is_file())


def load_schema(name: str, root=None) -> SetSchema:
    root = root or _data_root()
    fname = f"{name}/schema.toml"
    raw = _read_toml(root / name / "schema.toml", fname)
    meta = raw.get("set", {})
    keys = {}
    for key, spec in raw.get("keys", {}).items():
        if spec.get("type") not in VALUE_TYPES:
            raise ParameterError(fname, key, f"bilinmeyen tür {spec.get('type')!r}; geçerli türler: {', '.join(VALUE_TYPES)}")
        if not spec.get("label"):
            raise ParameterError(fname, key, "Türkçe etiket (label) eksik")
        keys[key] = KeySpec(
            key=key, label=spec["label"], type=spec["type"], unit=spec.get("unit", ""),
            min=_dec_or_none(spec.get("min")), max=_dec_or_none(spec.get("max")),
            max_change=_dec_or_none(spec.get("max_change")), required=spec.get("required", True),
            fields=tuple(spec.get("fields", ())), help=spec.get("help", ""),
        )
    extends = meta.get("extends", "")
    if extends:
        if not isinstance(extends, str) or not (root / extends / "schema.toml").is_file():
            raise ParameterError(fname, "extends", f"temel set {extends!r} yok (calc/data/{extends}/schema.toml bulunamadı)")
        shared = sorted(set(keys) & set(load_schema(extends, root).keys))
        if shared:
            raise ParameterError(fname, shared[0], f"hem bu sette hem temel sette ({extends}) tanımlı: bir değerin tek yeri olmalı")
    return SetSchema(name, meta.get("title", name), meta.get("description", ""), meta.get("periodic", False), keys,
                     _dec_or_none(meta.get("max_change")) or DEFAULT_MAX_CHANGE, extends)


def _dec_or_none(v):
    return None if v is None else Decimal(str(v))


def _period_files(name: str, root) -> list:
    return sorted((p for p in (root / name).iterdir() if p.name.endswith(".toml") and p.name != "schema.toml"),
                  key=lambda p: p.name)


class _Checker:
    """Checks one value of one key; the messages are for staff, in Turkish, naming file and key."""

    def __init__(self, fname: str, key: str, spec: KeySpec):
        self.fname, self.key, self.spec = fname, key, spec

    def bad(self, msg: str):
        raise ParameterError(self.fname, self.key, msg)

    def number(self, v, what: str = "değer") -> Decimal:
        spec = self.spec
        if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
            self.bad(f"{what} sayı olmalı, {type(v).__name__} bulundu: {v!r}")
        d = Decimal(v)
        if spec.min is not None and d < spec.min:
            self.bad(f"{what} {d} en az {spec.min} olmalı")
        if spec.max is not None and d > spec.max:
            self.bad(f"{what} {d} en çok {spec.max} olmalı")
        if spec.type == "rate" and not (0 <= d <= 1):
            self.bad(f"oran {d} 0 ile 1 arasında olmalı (yüzde 15 için 0.15 yazın)")
        return d

    def integer(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(f"tam sayı olmalı: {value!r}")
        self.number(value)

    def text(self, value):
        if not isinstance(value, str) or not value.strip():
            self.bad("metin olmalı ve boş olmamalı")

    def date(self, value):
        if not isinstance(value, date):
            self.bad(f"tarih olmalı (YYYY-AA-GG): {value!r}")

    def bool(self, value):
        if not isinstance(value, bool):
            self.bad("true ya da false olmalı")

    def decimal_list(self, value):
        if not isinstance(value, list) or not value:
            self.bad("boş olmayan bir sayı listesi olmalı")
        for v in value:
            self.number(v, "liste öğesi")

    def mapping(self, value):
        if not isinstance(value, dict) or not value:
            self.bad("boş olmayan bir tablo (ad = sayı) olmalı")
        for k, v in value.items():
            self.number(v, f"“{k}”")

    def matrix(self, value):
        if not isinstance(value, dict) or not value:
            self.bad("boş olmayan bir tablo (satır = [sayılar]) olmalı")
        for k, row in value.items():
            if not isinstance(row, list) or not row:
                self.bad(f"“{k}” satırı boş olmayan bir sayı listesi olmalı")
            for v in row:
                self.number(v, f"“{k}” satırındaki değer")

    def brackets(self, value):
        """GVK md.103 style: ascending limits (`upto`), rates within 0–1, only the last bracket open."""
        if not isinstance(value, list) or not value:
            self.bad("boş olmayan bir dilim listesi olmalı")
        last = Decimal(-1)
        for i, b in enumerate(value, 1):
            if not isinstance(b, dict) or "rate" not in b:
                self.bad(f"{i}. dilimde rate eksik")
            if isinstance(b["rate"], bool) or not isinstance(b["rate"], (int, Decimal)):
                self.bad(f"{i}. dilimin oranı sayı olmalı: {b['rate']!r}")
            if not (0 <= Decimal(b["rate"]) <= 1):
                self.bad(f"{i}. dilimin oranı {Decimal(b['rate'])} 0 ile 1 arasında olmalı")
            upto = b.get("upto")
            if upto is None:
                if i != len(value):
                    self.bad(f"yalnız son dilim üst sınırsız olabilir ({i}. dilimde upto eksik)")
                continue
            if isinstance(upto, bool) or not isinstance(upto, (int, Decimal)):
                self.bad(f"{i}. dilimin sınırı (upto) sayı olmalı: {upto!r}")
            if Decimal(upto) <= last:
                self.bad(f"dilim sınırları artan olmalı: {i}. dilimin sınırı {upto}, öncekinden büyük değil")
            last = Decimal(upto)
        if value[-1].get("upto") is not None:
            self.bad("son dilim üst sınırsız olmalı (upto yazılmaz)")

    def records(self, value):
        """Named records (presets), each with the schema's fields and its own reference; shares and rates in 0–1."""
        if not isinstance(value, dict) or not value:
            self.bad("boş olmayan bir kayıt tablosu olmalı")
        for name, rec in value.items():
            if not isinstance(rec, dict):
                self.bad(f"“{name}” kaydı tablo olmalı")
            missing = [f for f in self.spec.fields if f not in rec]
            if missing:
                self.bad(f"“{name}” kaydında eksik alan: {', '.join(missing)}")
            if not str(rec.get("reference", "")).strip():
                self.bad(f"“{name}” kaydının dayanağı (reference) yazılmamış")
            for f, v in rec.items():
                if f.endswith(("_share", "_rate")) and (isinstance(v, bool) or not isinstance(v, (int, Decimal))
                                                        or not 0 <= v <= 1):
                    self.bad(f"“{name}.{f}” 0 ile 1 arasında bir oran olmalı: {v!r}")


_CHECKS = {"decimal": _Checker.number, "rate": _Checker.number, "money": _Checker.number,
           "integer": _Checker.integer, "text": _Checker.text, "date": _Checker.date, "bool": _Checker.bool,
           "decimal_list": _Checker.decimal_list, "mapping": _Checker.mapping, "matrix": _Checker.matrix,
           "brackets": _Checker.brackets, "records": _Checker.records}
assert set(_CHECKS) == set(VALUE_TYPES)


def _check_value(fname: str, key: str, spec: KeySpec, value) -> None:
    """Type and bound checks, one checker per value type (`_CHECKS`)."""
    _CHECKS[spec.type](_Checker(fname, key, spec), value)


def _normalise(spec: KeySpec, value):
    if spec.type == "brackets":
        return tuple((None if b.get("upto") is None else Decimal(b["upto"]), Decimal(b["rate"])) for b in value)
    if spec.type == "decimal_list":
        return tuple(Decimal(v) for v in value)
    if spec.type == "matrix":
        return {k: tuple(Decimal(v) for v in row) for k, row in value.items()}
    if spec.type == "mapping":
        return {k: Decimal(v) for k, v in value.items()}
    if spec.type in ("decimal", "rate", "money"):
        return Decimal(value)
    return value


def _load_period(name: str, schema: SetSchema, node, *, allow_unconfirmed: bool) -> ParameterTable:  # noqa: C901 (one check per rule of a period file, in the order staff read the file)
    fname = f"{name}/{node.name}"
    raw = _read_toml(node, fname)
    unknown = set(raw) - PERIOD_KEYS
    if unknown:
        raise ParameterError(fname, None, f"bilinmeyen alan: {', '.join(sorted(unknown))}")
    for k in ("id", "title", "valid_from"):
        if k not in raw:
            raise ParameterError(fname, k, "eksik")
    if raw["id"] != node.name[:-5]:
        raise ParameterError(fname, "id", f"dosya adıyla aynı olmalı ({node.name[:-5]!r}), {raw['id']!r} yazılmış")
    vf, vu = raw["valid_from"], raw.get("valid_until")
    if not isinstance(vf, date) or (vu is not None and not isinstance(vu, date)):
        raise ParameterError(fname, "valid_from", "tarih YYYY-AA-GG biçiminde olmalı (tırnaksız)")
    if vu is not None and vu < vf:
        raise ParameterError(fname, "valid_until", f"geçerlilik sonu {vu} başlangıçtan ({vf}) önce")
    values = raw.get("values", {})
    params = {}
    for key in values:
        if key not in schema.keys:
            raise ParameterError(fname, key, f"şemada olmayan anahtar (yazım hatası mı?); {name}/schema.toml içinde tanımlı değil")
    for key, spec in schema.keys.items():
        entry = values.get(key)
        if entry is None:
            if spec.required:
                raise ParameterError(fname, key, f"eksik: “{spec.label}” bu dönem için yazılmamış")
            continue
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterError(fname, key, "değer bir tablo olmalı: value = …, reference = \"…\"")
        extra = set(entry) - VALUE_KEYS
        if extra:
            raise ParameterError(fname, key, f"bilinmeyen alan: {', '.join(sorted(extra))}")
        if not isinstance(entry.get("reference", ""), str) or not entry.get("reference", "").strip():
            raise ParameterError(fname, key, "kaynaksız değer: dayanağı (reference) yazılmamış")
        if entry.get("confirmed", True) is not True and not allow_unconfirmed:
            raise ParameterError(fname, key, "“teyit edilecek” olarak işaretli: resmî kaynağından teyit edip confirmed satırını silin")
        _check_value(fname, key, spec, entry["value"])
        params[key] = Parameter(key, spec.label, _normalise(spec, entry["value"]), entry["reference"].strip(),
                                entry.get("source", raw.get("source", "")), spec.unit, spec.type, entry.get("note", ""))
    ack, reasons = _acknowledged(fname, schema, raw.get("acknowledge", []))
    notes = raw.get("notes", "")
    if not isinstance(notes, str):
        raise ParameterError(fname, "notes", "metin olmalı (okura gösterilecek dönem notu)")
    return ParameterTable(name, raw["id"], raw["title"], vf, vu, raw.get("source", ""), params, fname, ack,
                          notes.strip(), reasons=reasons)


def _acknowledged(fname: str, schema: SetSchema, ack) -> tuple[tuple[str, ...], dict[str, str]]:
    """`acknowledge`: a list of keys whose large change is intended, or a table key → why (and
    `unchanged` → why every value equals the previous period's)."""
    if isinstance(ack, list) and all(isinstance(k, str) and k in schema.keys for k in ack):
        return tuple(ack), {}
    if isinstance(ack, dict):
        for k, why in ack.items():
            if k != "unchanged" and k not in schema.keys:
                raise ParameterError(fname, f"acknowledge.{k}", "şemada olmayan anahtar (yazım hatası mı?)")
            if not isinstance(why, str) or not why.strip():
                raise ParameterError(fname, f"acknowledge.{k}", "nedeni yazılmamış: k = \"neden\" biçiminde yazın")
        return tuple(k for k in ack if k != "unchanged"), {k: v.strip() for k, v in ack.items()}
    raise ParameterError(fname, "acknowledge", "şemadaki anahtarların listesi ya da anahtar = \"neden\" tablosu olmalı, "
                                               "örneğin acknowledge = [\"monthly_coefficient\"]")


def load_set(name: str, root=None, *, allow_unconfirmed: bool = False) -> list[ParameterTable]:
    """All periods of a set, oldest first, with their validity closed and checked for overlaps."""
    root = root or _data_root()
    schema = load_schema(name, root)
    tables = [_load_period(name, schema, f, allow_unconfirmed=allow_unconfirmed) for f in _period_files(name, root)]
    if not tables:
        raise ParameterError(f"{name}/", None, "bu sette hiç dönem dosyası yok")
    tables.sort(key=lambda t: t.valid_from)
    closed = []
    for i, t in enumerate(tables):
        nxt = tables[i + 1] if i + 1 < len(tables) else None
        if nxt is not None:
            if nxt.valid_from == t.valid_from:
                raise ParameterError(nxt.file, "valid_from", f"{t.file} ile aynı günde başlıyor")
            if t.valid_until is not None and t.valid_until >= nxt.valid_from:
                raise ParameterError(t.file, "valid_until", f"{t.valid_until} sonraki dönemle ({nxt.file}, {nxt.valid_from}) çakışıyor")
            expected_end = nxt.valid_from - timedelta(days=1)
            if schema.periodic and t.valid_until is not None and t.valid_until != expected_end:
                raise ParameterError(t.file, "valid_until", f"dönemler arasında boşluk: {t.valid_until} ile {nxt.valid_from} arası hiçbir tabloda yok")
            if t.valid_until is None:
                t = replace(t, valid_until=expected_end)
            check_changes(schema, t, nxt)
        closed.append(t)
    return closed


DEFAULT_MAX_CHANGE = Decimal("0.5")


def _numbers(value) -> dict[str, Decimal]:
    """Every number inside a value, by a readable path: `3` for a list item, `2/4` in a matrix row."""
    if isinstance(value, bool) or value is None:
        return {}
    if isinstance(value, (int, Decimal)):
        return {"": Decimal(value)}
    if isinstance(value, dict):
        return {f"{k}{'/' + p if p else ''}": v for k, item in value.items() for p, v in _numbers(item).items()}
    if isinstance(value, (list, tuple)):
        return {f"{i}{'/' + p if p else ''}": v for i, item in enumerate(value, 1) for p, v in _numbers(item).items()}
    return {}


def check_changes(schema: SetSchema, old: ParameterTable, new: ParameterTable) -> None:
    """Refuse an implausible jump from one period to the next (a typo like 15,75512 for 1,575512).

    Each number may change by at most `max_change` (relative; schema key or set default 0,5) unless the
    new period lists the key in `acknowledge`. The message names file, key, old and new value.
    """
    for key, spec in schema.keys.items():
        if key in new.acknowledged or key not in old.params or key not in new.params:
            continue
        limit = spec.max_change if spec.max_change is not None else schema.max_change
        before, after = _numbers(old.params[key].value), _numbers(new.params[key].value)
        for path, a in before.items():
            b = after.get(path)
            if b is None or a == b:
                continue
            change = (b - a) / abs(a) if a else Decimal(1)
            if abs(change) > limit:
                where = f"{key}[{path}]" if path else key
                raise ParameterError(
                    new.file, where,
                    f"önceki dönemden ({old.file}) bu yana %{abs(change) * 100:.0f} değişmiş: {a} → {b}. "
                    f"Yazım hatası olabilir (izin verilen en çok %{limit * 100:.0f}). Değer doğruysa dosyanın "
                    f"başına acknowledge = [\"{key}\"] ekleyin.")


def preview_mode() -> bool:
    """A staff preview build accepts values still marked `confirmed = false` (never a published build)."""
    return os.environ.get("HESAP_PREVIEW") == "1" or (_data_root() / "PREVIEW").is_file()


def _in_force(tables, on: date) -> ParameterTable | None:
    for t in reversed(tables):
        if t.covers(on):
            return t
    return None


def merge(table: ParameterTable, base: ParameterTable) -> ParameterTable:
    """A period's own values with its base set's values (the schemas share no key)."""
    return replace(table, params={**table.params, **base.params}, parts=base.sources)


def compose_set(name: str, root=None, *, allow_unconfirmed: bool = False) -> list[ParameterTable]:
    """The periods of a set as the engine uses them: each merged with the base table in force when it starts."""
    tables = load_set(name, root, allow_unconfirmed=allow_unconfirmed)
    base_name = load_schema(name, root or _data_root()).extends
    if not base_name:
        return tables
    base = compose_set(base_name, root, allow_unconfirmed=allow_unconfirmed)
    out = []
    for t in tables:
        b = _in_force(base, t.valid_from)
        if b is None:
            raise ParameterError(t.file, "valid_from", f"{t.valid_from} tarihinde yürürlükte bir {base_name} tablosu yok "
                                                       f"(calc/data/{base_name}/ içindeki dönemlere bakın)")
        out.append(merge(t, b))
    return out


@lru_cache(maxsize=None)
def _cached_set(name: str) -> tuple[ParameterTable, ...]:
    return tuple(compose_set(name, allow_unconfirmed=preview_mode()))


@lru_cache(maxsize=None)
def _cached_own(name: str) -> tuple[ParameterTable, ...]:
    return tuple(load_set(name, allow_unconfirmed=preview_mode()))


@lru_cache(maxsize=None)
def schema(name: str) -> SetSchema:
    return load_schema(name)


def periods(name: str) -> tuple[ParameterTable, ...]:
    """Every shipped period of a set, oldest first (merged with its base set as in force at each start)."""
    return _cached_set(name)


def own_periods(name: str) -> tuple[ParameterTable, ...]:
    """The periods of a set with only its own values (a parameter page shows a base set apart)."""
    return _cached_own(name)


def table_for(name: str, on: date) -> ParameterTable:
    """The table of `name` in force on `on`; a Turkish InputError naming `tarih` when none is.

    For a set that extends another, the base values are those in force on `on` itself."""
    tables = periods(name)
    found = _in_force(tables, on)
    if found is not None:
        base_name = schema(name).extends
        if base_name:
            own = _in_force(_cached_own(name), on)
            return merge(own, table_for(base_name, on))
        return found
    have = ", ".join(f"{t.title} ({t.valid_from.isoformat()}–{t.valid_until.isoformat() if t.valid_until else '…'})" for t in tables)
    raise InputError("tarih", f"{on.isoformat()} tarihi için {schema(name).title} tablosu yok; mevcut dönemler: {have}")


def table_by_id(name: str, period_id: str) -> ParameterTable:
    for t in periods(name):
        if t.id == period_id:
            return t
    raise InputError("donem", f"“{period_id}” diye bir dönem yok; mevcut dönemler: {', '.join(t.id for t in periods(name))}")


def validate_all(root=None) -> list[str]:
    """Load and check every set; returns the set names, raises ParameterError on the first problem."""
    names = set_names(root)
    for name in names:
        compose_set(name, root)
    return names
