"""pay/on-call: nöbet ve icap ücreti (657 DMK ek md.33) for one month.

Hourly rate = nöbet göstergesi (by staff group) × aylık katsayısı × the increases that apply
(riskli birim ×1,5; bayram ×1,25; from 2026, gece 20.00–08.00 ×1,10), rounded to the kuruş
half up, then × hours. İcap: 40 % of the nöbet göstergesi. Only damga vergisi is deducted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import params
from ..fields import Field
from ..money import kurus
from ..numbers import format_money, format_number
from ..calculator import Calculator, Context, Output
from .salary_inputs import month_tables, SET, fail, month_field, month_label, newest_month

REF_EK33 = "657 DMK ek md.33: nöbet ücreti = gösterge × aylık katsayısı (saat başına)"
REF_DAMGA = "488 s. DVK (1) sayılı tablo IV-1: nöbet ücretinden yalnız damga vergisi kesilir"

GROUPS = (
    ("uzman_tabip", "Eğitim görevlisi, başasistan, uzman tabip"),
    ("tabip", "Tabip; araştırma görevlisi; tıpta uzmanlık belgesi olanlar"),
    ("dis_tabibi_eczaci", "Diş tabibi, eczacı"),
    ("lisans", "Lisans/önlisans mezunu sağlık personeli (hemşire, ebe, sağlık teknikeri…)"),
    ("lise", "Lise dengi sağlık personeli"),
    ("diger", "Diğer personel"),
)


@dataclass(frozen=True)
class Kind:
    """One kind of nöbet hour and the increases that apply to it."""

    field: str
    label: str
    risky: bool = False
    holiday: bool = False
    night: bool = False


# Ordered from the highest increase to the lowest: hours above the cap are cut from the end.
KINDS = (
    Kind("hours_holiday_risky", "Bayram, riskli birim", risky=True, holiday=True),
    Kind("hours_risky_night", "Riskli birim, gece", risky=True, night=True),
    Kind("hours_risky", "Riskli birim, gündüz", risky=True),
    Kind("hours_holiday", "Bayram", holiday=True),
    Kind("hours_normal_night", "Normal, gece", night=True),
    Kind("hours_normal", "Normal, gündüz"),
)


def multiplier(kind: Kind, table) -> Decimal:
    m = Decimal(1)
    if kind.risky:
        m *= table["on_call_risky_multiplier"]
    if kind.holiday:
        m *= table["on_call_holiday_multiplier"]
    if kind.night and "on_call_night_multiplier" in table.params:
        m *= table["on_call_night_multiplier"]
    return m


def hourly_rate(indicator: Decimal, coefficient: Decimal, factor: Decimal) -> Decimal:
    """Brüt saat ücreti: gösterge × katsayı × artış, kuruşa yuvarlanır (yarım yukarı)."""
    return kurus(indicator * coefficient * factor)


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    year, month, table, tax_table = month_tables(v, ctx)
    indicators = table["on_call_indicators"]
    group = v["staff_group"]
    if group not in indicators:
        fail("staff_group", "Unvan grubu", f"“{group}” için {table.title} tablosunda nöbet göstergesi yok; "
                                           f"tanımlı gruplar: {', '.join(indicators)}")
    g = indicators[group]
    k = table["monthly_coefficient"]
    ex.add("Bordro ayı ve parametre dönemi", f"{month_label(year, month)} — {table.title}", table.ref("monthly_coefficient"))
    ex.add("Nöbet göstergesi (saat başına)", g, table.ref("on_call_indicators"), "points")
    ex.add("Aylık katsayısı", k, table.ref("monthly_coefficient"), "decimal")

    has_night = "on_call_night_multiplier" in table.params
    cap = table["on_call_primary_care_cap_hours"] if v["primary_care"] else table["on_call_monthly_cap_hours"]
    cap_ref = table.ref("on_call_primary_care_cap_hours" if v["primary_care"] else "on_call_monthly_cap_hours")
    total_hours = sum((v[kd.field] for kd in KINDS), Decimal(0))
    ex.add("Tutulan nöbet saati (toplam)", total_hours, "Girdi", "hours")
    ex.add("Ödenebilecek en çok nöbet saati", cap, cap_ref, "hours")
    left = Decimal(cap)
    rows = []
    amount = Decimal(0)
    for kd in KINDS:
        hours = v[kd.field]
        if not hours:
            continue
        if kd.night and not has_night:
            ex.warn(f"{table.title} döneminde gece nöbeti artırımı yok: “{kd.label}” saatleri artırımsız ödendi.")
        paid = min(hours, left)
        left -= paid
        factor = multiplier(kd, table)
        rate = hourly_rate(g, k, factor)
        line = kurus(rate * paid)
        amount += line
        ex.add(f"{kd.label}: saat ücreti ({g} × {format_number(k, None)} × {format_number(factor, None)})", rate,
               REF_EK33 + "; artırımlar: " + ", ".join(
                   table.ref(key) for key, on in (("on_call_risky_multiplier", kd.risky), ("on_call_holiday_multiplier", kd.holiday),
                                                  ("on_call_night_multiplier", kd.night and has_night)) if on) if factor != 1 else REF_EK33,
               "money")
        ex.add(f"{kd.label}: {format_number(paid, None)} saat × {format_money(rate)}", line, "kuruşa yuvarlanır (yarım yukarı)", "money")
        rows.append({"kind": kd.field, "label": kd.label, "hours": hours, "paid_hours": paid, "multiplier": factor,
                     "hourly_rate": rate, "amount": line})
    unpaid = total_hours - min(total_hours, Decimal(cap))
    if unpaid:
        ex.add("Tavanı aşan, ödenmeyen nöbet saati", unpaid, cap_ref, "hours")
        ex.warn(f"{format_number(total_hours, None)} saat nöbetin {format_number(cap, None)} saati ödenir; "
                f"{format_number(unpaid, None)} saat ödenmez. Okuma: önce en yüksek artırımlı saatler ödendi.")

    # icap nöbeti
    standby = v["standby_hours"]
    standby_amount = Decimal(0)
    standby_rate = Decimal(0)
    standby_paid = Decimal(0)
    if standby:
        share = table["standby_share"]
        standby_cap = table["standby_monthly_cap_hours"]
        standby_paid = min(standby, Decimal(standby_cap))
        standby_rate = hourly_rate(g * share, k, Decimal(1))
        ex.add(f"İcap saat ücreti ({g} × {format_number(share, None)} × {format_number(k, None)})", standby_rate,
               table.ref("standby_share"), "money")
        standby_amount = kurus(standby_rate * standby_paid)
        ex.add(f"İcap: {format_number(standby_paid, None)} saat × {format_money(standby_rate)}", standby_amount,
               table.ref("standby_monthly_cap_hours"), "money")
        if standby > standby_cap:
            ex.warn(f"İcap nöbeti ayda en çok {standby_cap} saat ödenir; {format_number(standby - standby_cap, None)} saat ödenmez.")

    gross = amount + standby_amount
    ex.add("Brüt nöbet + icap ücreti", gross, REF_EK33, "money")
    stamp_before = kurus(gross * tax_table["stamp_duty_rate"])
    ex.add("Hesaplanan damga vergisi", stamp_before, tax_table.ref("stamp_duty_rate") + " — kuruşa yuvarlanır", "money")
    exempt = min(stamp_before, v["stamp_exemption_left"])
    if exempt:
        ex.add("Bu aya kalan asgari ücret damga istisnasından düşülen", exempt,
               "DVK (2) sayılı tablo IV/15: istisna aynı aydaki bütün ücret ödemeleri için tek havuzdur", "money")
    stamp = stamp_before - exempt
    net = gross - stamp
    ex.add("Ödenecek damga vergisi", stamp, REF_DAMGA, "money")
    ex.add("Net nöbet ücreti", net, "Brüt − damga vergisi (gelir vergisi ve SGK kesilmez)", "money")
    return {"net": net, "gross": gross, "stamp_tax": stamp, "stamp_tax_exemption": exempt,
            "on_call_amount": amount, "standby_amount": standby_amount, "paid_hours": min(total_hours, Decimal(cap)),
            "unpaid_hours": unpaid, "cap_hours": cap, "indicator": g, "standby_hourly_rate": standby_rate,
            "standby_paid_hours": standby_paid, "period": table.id, "lines": rows}


# ---------------------------------------------------------------- texts built from the tables (never typed figures)

def _newest() -> params.ParameterTable:
    return params.periods(SET)[-1]


def _group_help() -> str:
    t = _newest()
    names = dict(GROUPS)
    shown = "; ".join(f"{names.get(g, g).split(' (')[0]}: {format_number(v, None)}" for g, v in t["on_call_indicators"].items())
    return f"Saat başına nöbet göstergesi ({t.title}): {shown}."


def _night_help() -> tuple[str, str]:
    """Which periods raise night hours (the optional on_call_night_multiplier), from the tables."""
    with_night = [t for t in params.periods(SET) if "on_call_night_multiplier" in t.params]
    if not with_night:
        return "", "Gece artırımı olan dönem yok: gece saatleri de gündüz ücretiyle ödenir."
    first = with_night[0]
    rate = format_number(((first["on_call_night_multiplier"] - 1) * 100).normalize(), None)
    return (f"{first.title} öncesi dönemlerde gece saatlerini de buraya yazın.",
            f"{first.title} döneminden itibaren %{rate} artırımlı.")


def _description() -> str:
    t = _newest()
    f = lambda key: format_number(t[key], None)  # noqa: E731
    night = ""
    if "on_call_night_multiplier" in t.params:
        night = f", gece (20.00–08.00) saatlerinde ayrıca ×{f('on_call_night_multiplier')} (çarpımsal okundu)"
    return (
        "657 DMK ek md.33'e göre bir ayın nöbet ve icap ücretini hesaplar: saat ücreti = nöbet göstergesi × aylık katsayısı, "
        f"riskli birimlerde ×{f('on_call_risky_multiplier')}, bayramda ×{f('on_call_holiday_multiplier')}{night}. "
        f"Aylık tavan {t['on_call_monthly_cap_hours']} saat (aile/toplum sağlığı merkezlerinde "
        f"{t['on_call_primary_care_cap_hours']}), icap için nöbet göstergesinin %{format_number((t['standby_share'] * 100).normalize(), None)}'ı "
        f"ve ayda en çok {t['standby_monthly_cap_hours']} saat (değerler {t.title} tablosundan; her dönemin değeri parametre "
        "tablosundadır). Yalnız damga vergisi kesilir; maaş bordrosu asgari ücret damga istisnasını genellikle tüketir, kalan "
        "varsa girilebilir. Okumalar: tavanı aşan saatlerde önce en yüksek artırımlı saatler ödenmiş sayılır; saat ücreti "
        "kuruşa yuvarlanıp saatle çarpılır. Nöbet göstergeleri yayımlanmış tablolardan türetilmiştir; kanun metni ayrıca açılmadı."
    )


def _hours(name: str, label: str, help: str = "") -> Field:
    return Field(name, "decimal", label, default=0, min=0, max=744, unit="saat", places=2, help=help)


CALCULATOR = Calculator(
    id="pay/on-call",
    title="Nöbet ve icap ücreti",
    description=_description(),
    inputs=(
        month_field("month", "Nöbet ayı", newest_month()),
        Field("staff_group", "choice", "Unvan grubu", default="lisans", choices=GROUPS,
              help=_group_help()),
        Field("primary_care", "bool", "Aile/toplum sağlığı merkezinde", default=False,
              help=f"Bu birimlerde aylık tavan {_newest()['on_call_primary_care_cap_hours']} saattir."),
        _hours("hours_normal", "Normal nöbet (gündüz)", _night_help()[0]),
        _hours("hours_normal_night", "Normal nöbet (gece 20.00–08.00)", _night_help()[1]),
        _hours("hours_risky", "Riskli birim nöbeti (gündüz)", "Yoğun bakım, acil, ameliyathane, 112 gibi birimler."),
        _hours("hours_risky_night", "Riskli birim nöbeti (gece)"),
        _hours("hours_holiday", "Bayram nöbeti"),
        _hours("hours_holiday_risky", "Bayram nöbeti, riskli birim"),
        _hours("standby_hours", "İcap nöbeti",
               f"Evde çağrıya hazır beklenen süre; ayda en çok {_newest()['standby_monthly_cap_hours']} saat ödenir."),
        Field("stamp_exemption_left", "money", "Bu aya kalan asgari ücret damga istisnası", default=0, min=0, max=100_000, unit="TL",
              help="Maaş bordronuz istisnayı tüketmişse 0 (çoğu durumda). Maaş hesaplayıcısı kalanı gösterir."),
    ),
    outputs=(
        Output("net", "Net nöbet ücreti", "money", main=True),
        Output("gross", "Brüt nöbet + icap ücreti", "money", main=True),
        Output("stamp_tax", "Damga vergisi", "money", main=True),
        Output("on_call_amount", "Nöbet ücreti (brüt)", "money"),
        Output("standby_amount", "İcap ücreti (brüt)", "money"),
        Output("paid_hours", "Ödenen nöbet saati", "hours"),
        Output("unpaid_hours", "Tavan nedeniyle ödenmeyen saat", "hours"),
        ),
    compute=compute,
    parameter_set=SET,
    period_input="month",
    references=("657 DMK ek md.33", "8. dönem Sağlık ve Sosyal Hizmetler hizmet kolu toplu sözleşmesi", "488 s. DVK"),
    example={"month": "2026-07", "staff_group": "lisans", "hours_normal": 48, "hours_normal_night": 40, "hours_risky": 24,
             "hours_holiday": 16},
)
