"""What the election calculators share: the union preset, unit lists, fractions of a body."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .. import params
from ..errors import InputError
from ..fields import Field
from ..money import Rounding
from ..numbers import format_number
from ..calculator import Context
from ..text import sort_key, sort_turkish, tr_lower, tr_upper
from . import lot
from .apportion import Apportionment, assign_lot

SET = "election"
DEFAULT_PRESET = "bak-sen"


def preset_choices(key: str) -> tuple[tuple[str, str], ...]:
    """One choice per union in the newest table: adding a union needs no code."""
    records = params.periods(SET)[-1][key]
    return tuple((name, rec.get("title", tr_upper(name))) for name, rec in records.items())


def preset_field(key: str) -> Field:
    return Field("preset", "choice", "Sendika (yönetmelik)", default=DEFAULT_PRESET, choices=preset_choices(key),
                 help="Sayılar bu sendikanın seçim yönetmeliğinden gelir.")


def rule(ctx: Context, key: str, preset: str) -> dict:
    """The preset's record for one rule group (each record carries its article in `reference`)."""
    records = ctx.table(SET)[key]
    if preset not in records:
        raise InputError("preset", f"“Sendika”: “{preset}” için {key} kuralı tanımlı değil; tanımlı olanlar: {', '.join(records)}")
    return records[preset]


def fraction(text: str) -> Fraction:
    """A fraction written in the parameter file, "1/3"."""
    return Fraction(str(text))


def at_least(total: int, part: Fraction) -> int:
    """The smallest whole number of people that is at least `part` of `total` (üçte bir → ⌈n/3⌉)."""
    return math.ceil(total * part)


def more_than(total: int, part: Fraction) -> int:
    """The smallest whole number of people that is more than `part` of `total` (salt çoğunluk → ⌊n/2⌋ + 1)."""
    return math.floor(total * part) + 1


def unit_field(name: str, label: str, *, with_kind: bool = False, min_items: int = 1, help: str = "") -> Field:
    items = [Field("name", "text", "Ad", required=True),
             Field("members", "integer", "Üye sayısı", required=True)]
    if with_kind:
        items.append(Field("kind", "choice", "Tür", default="sube",
                           choices=(("sube", "Şube"), ("il_temsilciligi", "İl temsilciliği"))))
    return Field(name, "list", label, required=min_items > 0, items=tuple(items), min_items=min_items, multiline=True,
                 help=help or ("Her satır bir birim: ad ve üye sayısı" + (" ve türü (Şube ya da İl temsilciliği; "
                               "yazılmazsa şube)" if with_kind else "") + ". Tablodan kendi başlık satırınızla "
                               "yapıştırabilirsiniz, örneğin “Birim;Üye sayısı”, sonra “Merkez Şube;1.250” gibi satırlar."))


def check_units(units: list[dict], field: str, label: str) -> dict[str, int]:
    """Names unique (Turkish case-insensitive), members positive; the error names the row."""
    def fail(path: str, msg: str):
        raise InputError(path, f"“{label}”: {msg}")

    seen: dict[str, int] = {}
    out: dict[str, int] = {}
    for i, u in enumerate(units):
        name = " ".join(u["name"].split())
        if not name:
            fail(f"{field}[{i}].name", f"{i + 1}. satır: ad boş bırakılamaz")
        key = tr_lower(name)
        if key in seen:
            fail(f"{field}[{i}].name", f"{i + 1}. satır (“{name}”): bu ad {seen[key] + 1}. satırda da var; her birim bir kez yazılmalı")
        seen[key] = i
        if u["members"] <= 0:
            fail(f"{field}[{i}].members", f"{i + 1}. satır (“{name}”): üye sayısı sıfırdan büyük olmalı, {u['members']} yazılmış")
        out[name] = u["members"]
    return out


def approx(value: Fraction, places: int = 4) -> Decimal:
    """A fraction shown as a decimal, rounded half up to `places` (display only; comparisons stay exact)."""
    scaled = value * 10 ** places
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(whole).scaleb(-places)


def members_per_delegate(members: int, delegates: int) -> Decimal:
    """Members per delegate, two decimals, half up (Rounding.KURUS_HALF_UP: iki ondalık hane, yarım yukarı)."""
    exact = Fraction(members, delegates)
    return Rounding.KURUS_HALF_UP.apply(Decimal(exact.numerator) / Decimal(exact.denominator))


def explain_apportionment(ex, result: Apportionment, members: dict[str, int], reference_b: str, reference_c: str,
                          seat_word: str = "delege") -> None:
    """Steps (b) and (c): quota, each unit's share, whole quotas, remainders, remainder seats, any tie."""
    if result.quota is None:
        return
    for name, m in members.items():
        ex.add(f"{name}: {format_number(m, None)} ÷ {format_number(approx(result.quota), None)} = "
               f"{format_number(approx(result.shares[name]), None)}",
               f"{result.whole[name]} tam kota, artık {format_number(approx(result.remainders[name]), None)}",
               reference_b, "text")
    whole_total = sum(result.whole.values())
    ex.add(f"Tam kotalarla dağıtılan {seat_word}", whole_total, reference_b, "integer")
    by_remainder = result.seats_left - whole_total
    ex.add(f"En büyük artıklara kalan {seat_word}", by_remainder, reference_c, "integer")
    if by_remainder:
        ranked = sorted(members, key=lambda n: (-result.remainders[n], sort_key(n)))
        order = ", ".join(f"{n} ({format_number(approx(result.remainders[n]), None)})" for n in ranked)
        ex.add("Artıkların büyükten küçüğe sırası (kesin kesirle karşılaştırılır)", order, reference_c, "text")
        if result.remainder_winners:
            ex.add(f"Artıktan birer {seat_word} alanlar", ", ".join(result.remainder_winners), reference_c, "text")
        if result.tied:
            ex.add(f"Son {result.tied_seats} {seat_word} için artıkları eşit olanlar", ", ".join(sort_turkish(result.tied)),
                   reference_c + "; eşitlikte kura", "text")


def lot_winners_field(what: str = "delegelik") -> Field:
    return Field("lot_winners", "list", "Kura sonucu: kurulun elle çektiği adlar (isteğe bağlı)", multiline=True,
                 items=(Field("name", "text", "Ad", required=True),),
                 help=f"Kura torbadan elle çekildiyse kazananlar, her satıra bir ad: yalnız eşit durumdakiler "
                      f"arasından, kura ile belirlenecek {what} sayısı kadar. Doluysa kura tohumu boş kalır.")


def record_fields() -> tuple[Field, Field]:
    """What a printed record (tutanak) names besides the numbers: the election and its date."""
    return (Field("election_name", "text", "Seçimin adı (tutanak için, isteğe bağlı)",
                  help="Örneğin “Merkez Şube 5. Olağan Genel Kurulu, 1 No'lu sandık”. Tutanakların başlığına yazılır."),
            Field("election_date", "date", "Seçim tarihi (tutanak için, isteğe bağlı)",
                  help="Boş bırakılırsa tutanakta tarih yeri elle doldurulmak üzere boş kalır."))


def hand_drawn(v: dict) -> list[str]:
    """The names of `lot_winners`; refused together with a seed (a lot is drawn one way)."""
    names = [" ".join(row["name"].split()) for row in v.get("lot_winners") or []]
    seen: set[str] = set()
    for name in names:
        if tr_lower(name) in seen:
            raise InputError("lot_winners", f"“Kura sonucu”: “{name}” iki kez yazılmış; her ad bir kez yazılır")
        seen.add(tr_lower(name))
    if names and v.get("lot_seed"):
        raise InputError("lot_winners", "“Kura sonucu”: kura ya elle çekilir ya tohumla; elle çekildiyse “Kura tohumu” "
                                        "alanını boş bırakın")
    return names


def no_lot_needed(names: list[str]) -> None:
    if names:
        raise InputError("lot_winners", "“Kura sonucu”: eşitlik yok, kura gerekmiyor; bu alanı boş bırakın")


def lot_step(ex, drawn: lot.Lot, reference: str) -> None:
    """The step that records how a lot was decided."""
    if drawn.method == "hand":
        ex.add("Kura (kurul elle çekti) kazananı", ", ".join(drawn.winners), reference + "; " + lot.HAND, "text")
    elif drawn.method == "seed":
        ex.add(f"Kura (tohum “{drawn.drawn.seed}”) kazananı", ", ".join(drawn.winners), reference + "; " + lot.PROCEDURE, "text")


@dataclass(frozen=True)
class Settled:
    """Seats once a tie for the last seats is settled: by a drawn lot, or left unassigned and reported."""

    seats: dict[str, int]
    lot: dict | None
    record: str | None
    unassigned: int
    drawn: lot.Lot | None = None
    text: str | None = None


def settle_ties(result: Apportionment, v: dict, subject: str, reference: str, ex, *, heading=(),
                signatures=("Başkan", "Üye", "Üye")) -> Settled:
    """md.36/c, md.12: a tie for the last seats is decided by lot: the names the committee drew by hand
    (`lot_winners`), or a reproducible draw from `lot_seed`; without either nobody gets those seats and the
    result says so: the engine never invents a winner."""
    hand = hand_drawn(v)
    if not result.tied:
        no_lot_needed(hand)
        return Settled(dict(result.seats), None, None, 0)
    drawn = lot.decide(result.tied, result.tied_seats, v["lot_seed"], hand)
    record = lot.lot_record(drawn, subject, reference, "delegelik", heading, signatures)
    text = lot.summary(drawn, "delegelik")
    if not drawn.open:
        lot_step(ex, drawn, reference)
        return Settled(assign_lot(result, drawn.winners), drawn.as_json(), record, 0, drawn, text)
    ex.warn(f"Son {result.tied_seats} delegelik için artıkları eşit olanlar var ({', '.join(drawn.tied)}). "
            "Yönetmelik bu durumda kura öngörür: kura çekilmeden bu delegelikler kimseye yazılmadı. Kurul kurayı "
            "elle çektiyse kazananları “Kura sonucu” alanına yazın ya da kurulun belirlediği tohumu “Kura tohumu” "
            "alanına girin.")
    return Settled(dict(result.seats), drawn.as_json(), record, result.tied_seats, drawn, text)


def allocation_rows(result: Apportionment, members: dict[str, int], seats: dict[str, int], settled: Settled) -> list[dict]:
    """One row per unit: members, first seats, whole quotas, remainder (4 places, display only), the remainder
    seat (0 or 1), seats, and a note on any lot; a total row last (`total` true)."""
    tied = settled.drawn.tied if settled.drawn else ()
    won = settled.drawn.winners if settled.drawn else ()
    rows = []
    for n in members:
        note = ""
        if n in tied:
            note = "kura kazandı" if n in won else ("kura bekliyor" if settled.drawn.open else "kura kaybetti")
        rows.append({"name": n, "members": members[n], "first": result.minimum,
                     "whole_quotas": result.whole.get(n, 0),
                     "remainder": approx(result.remainders[n]) if result.remainders else None,
                     "remainder_seat": int(n in result.remainder_winners or n in won),
                     "seats": seats[n], "note": note, "total": False})
    return rows


def total_row(rows: list[dict], keys: tuple[str, ...], note: str = "") -> dict:
    """The total of `keys` over the unit rows, named “Toplam”."""
    out = {k: None for k in rows[0]} if rows else {}
    out.update({k: sum(r[k] for r in rows) for k in keys})
    out.update({"name": "Toplam", "note": note, "total": True})
    return out


def default_rule(key: str) -> dict:
    """The default preset's record in the newest table (for declarations: help texts, references)."""
    return params.periods(SET)[-1][key][DEFAULT_PRESET]


def rule_refs(key: str, *fields: str) -> tuple[str, ...]:
    """The articles a calculator applies, as the default preset's data cites them (for its declaration)."""
    rec = default_rule(key)
    return tuple(dict.fromkeys(rec[f] for f in fields))
