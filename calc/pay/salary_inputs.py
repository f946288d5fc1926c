"""What the pay calculators share about their inputs: the month that picks the salary and tax tables,
and the person as read off a payslip (pay/salary, pay/raise-difference, pay/on-call)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .. import params
from . import raise_forecast
from ..dates import MONTHS_TR
from ..errors import InputError
from ..explain import Explanation
from ..fields import Field
from .title_presets import field_presets

SET = "salary"
# The articles a month's payslip is computed under (pay/salary adds 4688 s.K. for the union dues).
PAYSLIP_REFERENCES = ("657 DMK md.43, 152, 154, 202", "375 s. KHK ek md.9, ek md.40", "5510 s.K. md.80, 81",
                      "GVK md.23/18, 63, 103", "488 s. DVK (1) ve (2) sayılı tablolar")
TAX_SET = "income_tax"

TITLES = (
    ("uzman_tabip", "Uzman tabip"),
    ("tabip", "Tabip (pratisyen hekim)"),
    ("dis_tabibi", "Diş tabibi"),
    ("eczaci", "Eczacı"),
    ("hemsire", "Hemşire"),
    ("ebe", "Ebe"),
    ("saglik_teknikeri", "Sağlık teknikeri / tekniker"),
    ("saglik_memuru", "Sağlık memuru (lise dengi)"),
    ("diger", "Diğer (sağlık hizmetleri sınıfı dışı)"),
)
EMPLOYMENT = (("4a", "Kadrolu memur (657 DMK 4/A)"), ("4b", "Sözleşmeli personel (657 DMK 4/B)"))
PENSION = (("5510", "5510 s.K. 4/c (1 Ekim 2008 ve sonrası girenler)"),
           ("5434", "5434 s.K. emekli keseneği (1 Ekim 2008 öncesi girenler)"))

@dataclass(frozen=True)
class Person:
    """What a member reads off their own payslip; the same person across months."""

    title: str = "hemsire"
    employment: str = "4a"
    grade: int = 1                 # derece
    step: int = 4                  # kademe
    service_years: int = 0
    additional_indicator: int = 0  # ek gösterge
    side_payment_points: int = 0   # yan ödeme puanı
    special_service_rate: Decimal = Decimal(0)   # özel hizmet tazminatı oranı, %
    extra_payment_rate: Decimal = Decimal(0)     # 375 KHK ek 9 ek ödeme oranı, %
    contract_wage: Decimal | None = None         # 4/B brüt sözleşme ücreti
    spouse_not_working: bool = False
    children_under_6: int = 0
    children_over_6: int = 0
    union_member: bool = False
    union_dues: Decimal = Decimal(0)
    collective_bonus: Decimal | None = None      # when the table has no sourced indicator
    pension_scheme: str = "5510"


def fail(field: str, label: str, message: str):
    raise InputError(field, f"“{label}”: {message}")


# ---------------------------------------------------------------- months and tables

def parse_month(text: str) -> tuple[int, int]:
    """`2026-07` → (2026, 7); the Turkish message names the field."""
    parts = str(text).strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise InputError("month", f"“{text}” YYYY-AA biçiminde bir ay değil (örnek: 2026-07)")
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        raise InputError("month", f"ay 1 ile 12 arasında olmalı, {month} yazılmış")
    return year, month


def check_month(text: str) -> None:
    parse_month(text)


def month_label(year: int, month: int) -> str:
    return f"{MONTHS_TR[month - 1]} {year}"


def available_periods(set_name: str = SET) -> str:
    tables = params.periods(set_name)
    return ", ".join(f"{t.title} ({t.valid_from:%m.%Y}–{t.valid_until:%m.%Y})" if t.valid_until else f"{t.title} ({t.valid_from:%m.%Y}–)"
                     for t in tables)


MONTH_FIELD_LABELS = {"month": "Bordro ayı", "month_before": "Önceki ay", "month_after": "Sonraki ay",
                      "cumulative_base_before": "Önceki aylardan devreden kümülatif vergi matrahı"}


def tables_for(year: int, month: int, field: str = "month") -> tuple[params.ParameterTable, params.ParameterTable]:
    """The salary and income-tax tables in force in a month; a month outside them names `field` and the missing set."""
    on = date(year, month, 1)
    found, missing = [], []
    for set_name in (SET, TAX_SET):
        try:
            found.append(params.table_for(set_name, on))
        except InputError:
            missing.append(set_name)
    if missing == [TAX_SET]:  # the circular is out, the year's tariff not yet: a marked forecast if one was asked for
        tax = raise_forecast.forecast_tax(year, month)
        if tax is not None:
            return found[0], tax
    if missing:
        forecast = raise_forecast.forecast_tables(year, month)  # only past the newest table, only with an inflation input
        if forecast is not None:
            return forecast
        label = MONTH_FIELD_LABELS.get(field, "Ay")
        what = " ve ".join(f"“{params.schema(n).title}” tablosu" for n in missing)
        have = "; ".join(f"{params.schema(n).title}: {available_periods(n)}" for n in (SET, TAX_SET))
        raise InputError(field, f"“{label}”: {month_label(year, month)} için {what} yok. Mevcut dönemler — "
                                f"{have}{raise_forecast.missing_hint(year, month)}")
    return found[0], found[1]


def month_tables(v: dict, ctx, field: str = "month") -> tuple[int, int, params.ParameterTable, params.ParameterTable]:
    """The pay calculators' prelude: the month of `field`, its salary and tax tables, both recorded as used."""
    year, month = parse_month(v[field])
    table, tax_table = tables_for(year, month, field)
    ctx.use(table)
    ctx.use(tax_table)
    return year, month, table, tax_table


# ---------------------------------------------------------------- inputs shared with pay/raise-difference

def person_from(v: dict) -> Person:
    return Person(
        title=v["title"], employment=v["employment"], grade=v["grade"], step=v["step"],
        service_years=v["service_years"], additional_indicator=v["additional_indicator"],
        side_payment_points=v["side_payment_points"], special_service_rate=v["special_service_rate"],
        extra_payment_rate=v["extra_payment_rate"], contract_wage=v["contract_wage"],
        spouse_not_working=v["spouse_not_working"], children_under_6=v["children_under_6"],
        children_over_6=v["children_over_6"], union_member=v["union_member"],
        union_dues=v["union_dues"] if v["union_dues"] is not None else Decimal(0),
        collective_bonus=v["collective_bonus"], pension_scheme=v["pension_scheme"],
    )


def warn_inputs(p: Person, v: dict, ex: Explanation) -> None:
    """Say which amounts were not given: they come from the member's payslip, never from us."""
    missing = []
    if p.employment == "4a":
        for key, label in (("additional_indicator", "ek gösterge"), ("side_payment_points", "yan ödeme puanı"),
                           ("special_service_rate", "özel hizmet tazminatı oranı")):
            if not v[key]:
                missing.append(label)
    if not p.extra_payment_rate:
        missing.append("375 KHK ek 9 ek ödeme oranı")
    if missing:
        ex.warn("Şunlar 0 alındı: " + ", ".join(missing) + ". Bordronuzda yazan değeri girin (ek gösterge unvan ve "
                "dereceden 657 DMK cetveliyle önerilir; diğerlerinin cetvelini doğrulayamadık, Bordro kontrolü sayfası "
                "bunları bir bordrodan bulur).")
    if p.union_member and not p.union_dues:
        ex.warn("Sendika üyesi seçildi ama aidat tutarı girilmedi: aidat 0 alındı.")
    if p.pension_scheme == "5434":
        ex.warn("5434 emekli keseneği tahmindir: kesenek matrahına eklenen tazminat payı ve GSS payı kaynaklanamadı; "
                "5510 prime esas kazancı üzerinden hesaplandı.")


def newest_month() -> str:
    """First month of the newest salary table: defaults follow a new period with no code change."""
    return f"{params.periods(SET)[-1].valid_from:%Y-%m}"


def month_before_newest() -> str:
    """Last month of the period before the newest one (the “before” of a raise)."""
    return f"{params.periods(SET)[-1].valid_from - timedelta(days=1):%Y-%m}"


MONTH_HELP = ("YYYY-AA biçiminde ay; o ayda yürürlükte olan tablo kullanılır. Tablosu olan dönemler: "
              + ", ".join(t.title for t in params.periods(SET)) + "; " + raise_forecast.picker_note() + ".")


def cumulative_base_field(note: str = "") -> Field:
    """The payslip's carried-over income-tax base (GVK md.103: the tariff applies to the year's cumulative base)."""
    return Field("cumulative_base_before", "money", MONTH_FIELD_LABELS["cumulative_base_before"], min=0, max=100_000_000,
                 unit="TL", help="Bordronuzda önceki ayın “kümülatif vergi matrahı”. Boş bırakılırsa Ocak'tan bu aya kadar "
                                 f"her ay aynı bordro varsayılır (tahmin){note}.")


def month_field(name: str, label: str, default: str) -> Field:
    """A YYYY-AA month that picks the salary and tax tables (every pay calculator declares it the same way)."""
    return Field(name, "text", label, default=default, required=True, help=MONTH_HELP, check=check_month)


def _steps_help(rows: dict) -> str:
    """How many kademe each derece has, from the I Numaralı Cetvel in the table."""
    counts: dict[int, list[str]] = {}
    for grade, row in rows.items():
        counts.setdefault(len(row), []).append(grade)
    common = max(counts, key=lambda n: len(counts[n]))
    parts = [f"{', '.join(g + '.' for g in grades)} derecede {n}" for n, grades in counts.items() if n != common]
    return "; ".join(parts + [f"diğerlerinde {common} kademe vardır"]).capitalize() + "."


def _bonus_help() -> str:
    """Where the bonus comes from: the indicator in the periods whose table has one, the payslip elsewhere."""
    with_indicator = [t for t in params.periods(SET) if "collective_bonus_indicator" in t.params]
    months = ", ".join(MONTHS_TR[int(m) - 1] for m in params.periods(SET)[-1]["collective_bonus_months"])
    text = f"Yalnız ikramiye aylarında ({months}) ve tablosunda gösterge bulunmayan dönemlerde: bordronuzdaki tutarı yazın."
    if with_indicator:
        shown = ", ".join(f"{t.title} ({t['collective_bonus_indicator']} gösterge × aylık katsayısı)" for t in with_indicator)
        text += f" Şu dönemlerde boş bırakın, tablodan hesaplanır: {shown}."
    return text


def person_fields() -> tuple[Field, ...]:
    newest = params.periods(SET)[-1]
    rows = newest["indicator_table"]
    return (
        Field("title", "choice", "Unvan", default="hemsire", choices=TITLES,
              help="Unvan ve derece seçilince resmî metinden doğrulanan değerler (bugün ek gösterge, 657 DMK I sayılı cetvel) "
                   "doldurulur; değiştirebilirsiniz. Diğerlerini bordronuzdan girin."),
        Field("employment", "choice", "İstihdam biçimi", default="4a", choices=EMPLOYMENT),
        Field("grade", "integer", "Derece", default=1, min=1, max=len(rows),
              help=f"Kadro derecesi (1–{len(rows)}), bordroda “derece/kademe”."),
        Field("step", "integer", "Kademe", default=4, min=1, max=max(len(r) for r in rows.values()),
              help=_steps_help(rows)),
        Field("service_years", "integer", "Hizmet yılı", default=10, min=0, max=60, unit="yıl",
              help=f"Kıdem aylığı için: her yıl {newest['seniority_indicator_per_year']} gösterge, en çok "
                   f"{newest['seniority_max_years']} yıl."),
        Field("additional_indicator", "integer", "Ek gösterge", default=0, min=0, max=8000, unit="gösterge",
              help="Unvan ve dereceden doldurulur (657 DMK I sayılı cetvel); bordronuzdaki değer farklıysa onu yazın.",
              presets=field_presets("additional_indicator", len(rows))),
        Field("side_payment_points", "integer", "Yan ödeme puanı", default=0, min=0, max=10000, unit="puan",
              help="Bordronuzda yazar (iş güçlüğü + iş riski + temininde güçlük + mali sorumluluk puanları toplamı).",
              presets=field_presets("side_payment_points", len(rows))),
        Field("special_service_rate", "decimal", "Özel hizmet tazminatı oranı", default=0, min=0, max=1000, unit="%", places=2,
              help="Bordronuzda yazar (%; en yüksek Devlet memuru aylığına uygulanır).",
              presets=field_presets("special_service_rate", len(rows))),
        Field("extra_payment_rate", "decimal", "Ek ödeme oranı (375 KHK ek 9)", default=0, min=0, max=1000, unit="%", places=2,
              help="Bordronuzda yazar (%; en yüksek Devlet memuru aylığına uygulanır).",
              presets=field_presets("extra_payment_rate", len(rows))),
        Field("contract_wage", "money", "Brüt sözleşme ücreti (yalnız 4/B)", min=0, max=10_000_000, unit="TL",
              help="Sözleşmeli personel için bordrodaki brüt sözleşme ücreti; aylık, ek gösterge, taban, kıdem, yan ödeme ve "
                   "özel hizmet satırlarının yerine geçer."),
        Field("spouse_not_working", "bool", "Eşim çalışmıyor (aile yardımı)", default=False),
        Field("children_under_6", "integer", "0–6 yaş çocuk sayısı", default=0, min=0, max=20),
        Field("children_over_6", "integer", "6 yaş üstü çocuk sayısı", default=0, min=0, max=20),
        Field("union_member", "bool", "Sendika üyesiyim", default=True,
              help="Toplu sözleşme ikramiyesi (Ocak, Nisan, Temmuz, Ekim) ve sendika aidatı kesintisi için."),
        Field("union_dues", "money", "Aylık sendika aidatı", min=0, max=100_000, unit="TL", help="Bordronuzdaki aidat kesintisi."),
        Field("collective_bonus", "money", "Toplu sözleşme ikramiyesi tutarı", min=0, max=100_000, unit="TL",
              help=_bonus_help()),
        Field("pension_scheme", "choice", "Emeklilik sistemi", default="5510", choices=PENSION),
    )
