"""pay/salary: one month's payslip of a civil servant (657 DMK 4/A, or 4/B contracted), gross to net.

The engine is a set of pure functions: `payments` lists the payslip lines of a month from the
parameter table in force; `payslip` adds the deductions, the cumulative income tax and the
minimum-wage exemptions. pay/raise-difference calls the same functions for two months.

Rounding: every line is rounded to the kuruş, half up (`kurus`), before it is added up; an
amount per person (a child) is rounded before it is multiplied by the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..explain import Explanation
from ..money import kurus
from ..numbers import format_money, format_number
from ..calculator import Calculator, Context, Output
from . import income_tax as gv
from . import raise_forecast
from ..dates import MONTHS_TR
from .salary_inputs import (PAYSLIP_REFERENCES, cumulative_base_field, month_tables, SET, Person, fail, month_field, month_label, newest_month, person_fields, person_from,
                            tables_for, warn_inputs)

# Legal references of the payslip lines
REF_AYLIK = "657 DMK md.43/A: gösterge (I Numaralı Cetvel, derece/kademe) × aylık katsayısı (md.154)"
REF_EK_GOSTERGE = "657 DMK md.43/B: ek gösterge (I sayılı cetvel, unvan ve dereceye göre) × aylık katsayısı"
REF_YAN_ODEME = "657 DMK md.152; Zam ve Tazminatlar Kararı (BKK 2006/10344): yan ödeme puanı × yan ödeme katsayısı"
REF_OHT = "657 DMK md.152; BKK 2006/10344: özel hizmet tazminatı = oran × en yüksek Devlet memuru aylığı"
REF_EK9 = "375 s. KHK ek md.9: ek ödeme = oran × en yüksek Devlet memuru aylığı"
REF_AILE = "657 DMK md.202: aile yardımı (gelir ve damga vergisine tabi değil)"
REF_TS = "4688 s.K. ve toplu sözleşme: sendika üyelerine üç ayda bir toplu sözleşme ikramiyesi (yalnız damga vergisi)"
REF_4B = "657 DMK md.4/B; Sözleşmeli Personel Çalıştırılmasına İlişkin Esaslar: brüt sözleşme ücreti"
REF_PRIME = "5510 s.K. md.80/1-b: prime esas kazanç (aylık, ek gösterge, taban, kıdem, özel hizmet tazminatı)"
REF_SENDIKA = "4688 s.K. md.25; GVK md.63/4: sendika aidatı ücretten kesilir ve gelir vergisi matrahından indirilir"
REF_GV_BASE = "GVK md.61, md.63: vergiye tabi ücret − sosyal güvenlik kesintileri − sendika aidatı"
REF_DAMGA = "488 s. DVK (1) sayılı tablo IV-1: ücret ödemelerinden binde 7,59 (aile yardımı hariç)"


@dataclass(frozen=True)
class Line:
    """One payslip line; the flags say which deductions it bears."""

    name: str
    label: str
    amount: Decimal
    reference: str
    income_tax: bool = False   # in the gelir vergisi matrahı
    premium: bool = False      # in the prime esas kazanç (5510 md.80)
    stamp: bool = True         # bears damga vergisi
    note_missing: bool = False  # an amount we could not source and the member did not give

    def as_result(self) -> dict:
        return {"name": self.name, "label": self.label, "amount": self.amount, "reference": self.reference}


# ---------------------------------------------------------------- payments

def indicator(table, grade: int, step: int) -> int:
    """657 DMK md.43/A I Numaralı Cetvel: the gösterge of a derece/kademe; out of range names the field."""
    rows = table["indicator_table"]
    if str(grade) not in rows:
        fail("grade", "Derece", f"{grade}. derece gösterge tablosunda yok; derece 1 ile {len(rows)} arasında olmalı")
    row = rows[str(grade)]
    if not 1 <= step <= len(row):
        fail("step", "Kademe", f"{grade}. derecede kademe 1 ile {len(row)} arasında olmalı, {step} yazılmış "
                               "(657 DMK md.43/A, I Numaralı Cetvel)")
    return int(row[step - 1])


def payments(p: Person, table, month: int) -> list[Line]:
    """The payment lines of one month's payslip (before deductions)."""
    k = table["monthly_coefficient"]
    lines: list[Line] = []
    highest = table["highest_civil_servant_indicator"] * k  # en yüksek Devlet memuru aylığı, unrounded
    if p.employment == "4b":
        if p.contract_wage is None:
            fail("contract_wage", "Brüt sözleşme ücreti", "sözleşmeli (4/B) personel için bordrodaki brüt sözleşme ücretini yazın")
        lines.append(Line("contract_wage", "Brüt sözleşme ücreti (4/B)", p.contract_wage, REF_4B, income_tax=True, premium=True))
    else:
        g = indicator(table, p.grade, p.step)
        lines.append(Line("monthly_salary", f"Aylık ({p.grade}/{p.step}: {g} gösterge × {format_number(k, None)})",
                          kurus(g * k), REF_AYLIK, income_tax=True, premium=True))
        lines.append(Line("additional_indicator", f"Ek gösterge aylığı ({p.additional_indicator} × {format_number(k, None)})",
                          kurus(p.additional_indicator * k), REF_EK_GOSTERGE, income_tax=True, premium=True))
        taban = table["base_salary_indicator"]
        lines.append(Line("base_salary", f"Taban aylık ({taban} × {format_number(table['base_salary_coefficient'], None)})",
                          kurus(taban * table["base_salary_coefficient"]), table.ref("base_salary_coefficient"),
                          income_tax=True, premium=True))
        years = min(p.service_years, table["seniority_max_years"])
        kidem = years * table["seniority_indicator_per_year"]
        lines.append(Line("seniority_salary", f"Kıdem aylığı ({years} yıl × {table['seniority_indicator_per_year']} = {kidem} gösterge)",
                          kurus(kidem * k), table.ref("seniority_indicator_per_year") + " × aylık katsayısı", income_tax=True, premium=True))
        lines.append(Line("side_payment", f"Yan ödeme ({p.side_payment_points} puan × {format_number(table['side_payment_coefficient'], None)})",
                          kurus(p.side_payment_points * table["side_payment_coefficient"]), REF_YAN_ODEME, income_tax=True))
        # 657 md.152: ÖHT bears damga only; it is in the prime esas kazanç (5510 md.80)
        lines.append(Line("special_service", f"Özel hizmet tazminatı (%{format_number(p.special_service_rate, None)} × en yüksek DM aylığı)",
                          kurus(highest * p.special_service_rate / 100), REF_OHT, premium=True))
    lines.append(Line("extra_payment", f"Ek ödeme, 375 KHK ek 9 (%{format_number(p.extra_payment_rate, None)} × en yüksek DM aylığı)",
                      kurus(highest * p.extra_payment_rate / 100), REF_EK9))
    lines.append(Line("additional_payment_ek40", f"İlave ödeme, 375 KHK ek 40 ({table['ek40_indicator']} × {format_number(k, None)})",
                      kurus(table["ek40_indicator"] * k), table.ref("ek40_indicator")))
    if p.spouse_not_working:
        lines.append(Line("family_spouse", f"Aile yardımı: eş ({table['family_spouse_indicator']} gösterge)",
                          kurus(table["family_spouse_indicator"] * k), REF_AILE, stamp=False))
    if p.children_under_6:
        each = kurus(table["family_child_under6_indicator"] * k)
        lines.append(Line("family_children_under_6", f"Aile yardımı: 0–6 yaş çocuk ({p.children_under_6} × {format_money(each)})",
                          each * p.children_under_6, REF_AILE, stamp=False))
    if p.children_over_6:
        each = kurus(table["family_child_over6_indicator"] * k)
        lines.append(Line("family_children_over_6", f"Aile yardımı: 6 yaş üstü çocuk ({p.children_over_6} × {format_money(each)})",
                          each * p.children_over_6, REF_AILE, stamp=False))
    bonus = collective_bonus(p, table, month)
    if bonus is not None:
        lines.append(bonus)
    return lines


def collective_bonus(p: Person, table, month: int) -> Line | None:
    """Toplu sözleşme ikramiyesi: union members, in the quarter months; the sourced gösterge or the input."""
    months = {int(m) for m in table["collective_bonus_months"]}
    if not p.union_member or month not in months:
        return None
    if p.collective_bonus is not None:
        return Line("collective_bonus", "Toplu sözleşme ikramiyesi (girilen tutar)", kurus(p.collective_bonus), REF_TS)
    if "collective_bonus_indicator" in table.params:
        g = table["collective_bonus_indicator"]
        return Line("collective_bonus", f"Toplu sözleşme ikramiyesi ({g} gösterge × {format_number(table['monthly_coefficient'], None)})",
                    kurus(g * table["monthly_coefficient"]), table.ref("collective_bonus_indicator"))
    return Line("collective_bonus", "Toplu sözleşme ikramiyesi (bu dönem için kaynaklı tutar yok: 0 alındı)", Decimal("0.00"), REF_TS,
                note_missing=True)


# ---------------------------------------------------------------- deductions

@dataclass(frozen=True)
class Deductions:
    premium_base: Decimal
    lines: tuple[Line, ...]          # employee deductions before taxes
    employer: tuple[Line, ...]       # employer shares (cost, not deducted)


def social_security(p: Person, table, lines: list[Line]) -> Deductions:
    """5510 md.81 (4/c) or 5434 md.15 shares on the prime esas kazanç; rounded per line."""
    base = sum((l.amount for l in lines if l.premium), Decimal(0))
    own: list[Line] = []
    emp: list[Line] = []
    if p.pension_scheme == "5434":
        own.append(Line("retirement_5434", "Emekli keseneği, şahıs (5434)", kurus(base * table["retirement_5434_employee_rate"]),
                        table.ref("retirement_5434_employee_rate")))
        emp.append(Line("retirement_5434_employer", "Emekli keseneği, kurum (5434)", kurus(base * table["retirement_5434_employer_rate"]),
                        table.ref("retirement_5434_employer_rate")))
    else:
        own.append(Line("pension", "Malullük, yaşlılık, ölüm primi, sigortalı (5510 4/c)", kurus(base * table["pension_employee_rate"]),
                        table.ref("pension_employee_rate")))
        emp.append(Line("pension_employer", "Malullük, yaşlılık, ölüm primi, kurum (5510 4/c)", kurus(base * table["pension_employer_rate"]),
                        table.ref("pension_employer_rate")))
    own.append(Line("health", "Genel sağlık sigortası, sigortalı", kurus(base * table["health_employee_rate"]), table.ref("health_employee_rate")))
    emp.append(Line("health_employer", "Genel sağlık sigortası, kurum", kurus(base * table["health_employer_rate"]), table.ref("health_employer_rate")))
    return Deductions(base, tuple(own), tuple(emp))


def income_tax_base(p: Person, lines: list[Line], ded: Deductions) -> Decimal:
    """GVK md.61/63: taxable wage lines − social security − union dues; never below zero."""
    taxable = sum((l.amount for l in lines if l.income_tax), Decimal(0))
    dues = p.union_dues if p.union_member else Decimal(0)
    return max(Decimal(0), taxable - sum((d.amount for d in ded.lines), Decimal(0)) - dues)


def month_base(p: Person, year: int, month: int) -> Decimal:
    """The GV base of one month for the same person, from that month's table (no explanation)."""
    table, _ = tables_for(year, month, "cumulative_base_before")
    lines = payments(p, table, month)
    return income_tax_base(p, lines, social_security(p, table, lines))


def carried_base(p: Person, year: int, month: int) -> Decimal:
    """January .. month−1 of the same year, assuming the same payslip every month (an estimate)."""
    return sum((month_base(p, year, m) for m in range(1, month)), Decimal(0))


# ---------------------------------------------------------------- the payslip

@dataclass(frozen=True)
class Payslip:
    year: int
    month: int
    period: str
    lines: tuple[Line, ...]
    deductions: tuple[Line, ...]
    employer: tuple[Line, ...]
    gross: Decimal
    net: Decimal
    total_deductions: Decimal
    employer_cost: Decimal
    premium_base: Decimal
    tax: gv.MonthTax
    income_tax_before_exemption: Decimal
    income_tax_exemption: Decimal
    stamp_base: Decimal
    stamp_before_exemption: Decimal
    stamp_exemption: Decimal
    remaining_income_tax_exemption: Decimal
    remaining_stamp_exemption: Decimal
    carried_estimated: bool

    def result(self) -> dict:
        by_name = {d.name: d.amount for d in self.deductions}
        return {
            "net": self.net, "gross": self.gross, "total_deductions": self.total_deductions,
            "employer_cost": self.employer_cost, "month": f"{self.year:04d}-{self.month:02d}", "period": self.period,
            "lines": [l.as_result() for l in self.lines],
            "deductions": [d.as_result() for d in self.deductions],
            "employer_contributions": [e.as_result() for e in self.employer],
            "premium_base": self.premium_base,
            "social_security": sum((d.amount for d in self.deductions if d.name in ("pension", "retirement_5434", "health")), Decimal(0)),
            "income_tax_base": self.tax.base, "cumulative_base_before": self.tax.before,
            "cumulative_base_after": self.tax.after, "cumulative_base_estimated": self.carried_estimated,
            "bracket_rate": self.tax.slices[-1].rate if self.tax.slices else None,
            "income_tax_before_exemption": self.income_tax_before_exemption,
            "income_tax_exemption": self.income_tax_exemption, "income_tax": by_name["income_tax"],
            "stamp_tax_base": self.stamp_base, "stamp_tax_before_exemption": self.stamp_before_exemption,
            "stamp_tax_exemption": self.stamp_exemption, "stamp_tax": by_name["stamp_tax"],
            "union_dues": by_name.get("union_dues", Decimal(0)),
            "remaining_income_tax_exemption": self.remaining_income_tax_exemption,
            "remaining_stamp_tax_exemption": self.remaining_stamp_exemption,
        }


def payslip(p: Person, year: int, month: int, cumulative_before: Decimal | None = None,
            ex: Explanation | None = None) -> Payslip:
    """One month's payslip, gross to net; every line a step in `ex` when given."""
    ex = ex or Explanation()
    table, tax_table = tables_for(year, month)
    ml = month_label(year, month)
    ex.add("Bordro ayı ve parametre dönemi", f"{ml} — {table.title} tablosu, {tax_table.title} vergi tarifesi", table.source or table.ref("monthly_coefficient"))
    ex.add("Aylık katsayısı", table["monthly_coefficient"], table.ref("monthly_coefficient"), "decimal")
    if p.employment == "4a":
        ex.add("Gösterge (derece/kademe)", indicator(table, p.grade, p.step), REF_AYLIK, "points")

    # payments, each rounded to the kuruş
    lines = payments(p, table, month)
    for l in lines:
        ex.add(l.label, l.amount, l.reference + " — kuruşa yuvarlanır (yarım yukarı)", "money")
        if l.note_missing:
            ex.warn(f"{ml} toplu sözleşme ikramiyesi ayı: bu dönemin tutarı kaynaklanamadı, 0 alındı. "
                    "Bordronuzdaki tutarı “Toplu sözleşme ikramiyesi tutarı” alanına yazın.")
    gross = sum((l.amount for l in lines), Decimal(0))
    ex.add("Brüt toplam (bütün ödemeler)", gross, "Bordro satırlarının toplamı", "money")

    # social security
    ded = social_security(p, table, lines)
    ex.add("Prime esas kazanç", ded.premium_base, REF_PRIME, "money")
    deductions: list[Line] = list(ded.lines)
    for d in ded.lines:
        ex.add(d.label, d.amount, d.reference, "money")
    if p.union_member:
        deductions.append(Line("union_dues", "Sendika aidatı", kurus(p.union_dues), REF_SENDIKA))
        ex.add("Sendika aidatı", kurus(p.union_dues), REF_SENDIKA, "money")

    # income tax on the cumulative base
    base = income_tax_base(p, lines, ded)
    ex.add("Bu ayın gelir vergisi matrahı", base, REF_GV_BASE, "money")
    estimated = cumulative_before is None
    if estimated:
        cumulative_before = carried_base(p, year, month)
        if month > 1:
            ex.add(f"Önceki ayların kümülatif matrahı (Ocak–{MONTHS_TR[month - 2]}, tahmin)", cumulative_before,
                   "Her ay aynı bordro varsayılarak o ayın tablosuyla hesaplandı: bordronuzdaki “kümülatif matrah”ı girerseniz o kullanılır",
                   "money")
            ex.warn(f"Kümülatif vergi matrahı tahmindir: Ocak–{MONTHS_TR[month - 2]} {year} aylarında aynı bordro varsayıldı. "
                    "Bordronuzdaki önceki ay kümülatif matrahını “Önceki aylardan devreden matrah” alanına yazın.")
        else:
            ex.add("Önceki ayların kümülatif matrahı", cumulative_before, "Ocak: yılın ilk ayı, devreden matrah yok", "money")
    else:
        ex.add("Önceki aylardan devreden kümülatif matrah (girilen)", cumulative_before, "Girdi (bordrodaki kümülatif GV matrahı)", "money")
    brackets = tax_table["wage_brackets"]
    mt = gv.monthly_tax(cumulative_before, base, brackets)
    for s in mt.slices:
        ex.add(f"Matrahın %{format_number((s.rate * 100).normalize(), None)} diliminde kalan kısmı", s.amount, tax_table.ref("wage_brackets"), "money")
    for limit in mt.crosses:
        ex.add(f"Dilim geçişi: kümülatif matrah bu ay {format_money(limit)} sınırını aşıyor", format_money(mt.after),
               f"{gv.REF_TARIFF}; {tax_table.ref('wage_brackets')}", "text")
    ex.add("Hesaplanan gelir vergisi (kümülatif tarifeyle)", mt.tax, gv.REF_TARIFF + "; T(önceki + bu ay) − T(önceki), kuruşa yuvarlanır", "money")

    # GVK md.23/18: the minimum wage's tax of this month, one pool for all wage payments of the month
    mw = gv.min_wage_exemption(tax_table, month)
    ex.add(f"Asgari ücret gelir vergisi istisnası ({MONTHS_TR[month - 1]}: asgari ücret kümülatif matrahı {format_money(mw.after)})",
           mw.tax, gv.REF_MIN_WAGE_EXEMPTION, "money")
    gv_exempt = min(mt.tax, mw.tax)
    income_tax = mt.tax - gv_exempt
    ex.add("Ödenecek gelir vergisi", income_tax, "Hesaplanan vergi − istisna (istisna vergiyi aşamaz)", "money")

    # damga vergisi
    rate = tax_table["stamp_duty_rate"]
    stamp_base = sum((l.amount for l in lines if l.stamp), Decimal(0))
    stamp_before = kurus(stamp_base * rate)
    ex.add("Damga vergisi matrahı (aile yardımı hariç bütün ödemeler)", stamp_base, REF_DAMGA, "money")
    ex.add("Hesaplanan damga vergisi", stamp_before, f"{tax_table.ref('stamp_duty_rate')} — kuruşa yuvarlanır", "money")
    dv_pool = gv.stamp_exemption(tax_table)
    ex.add("Asgari ücret damga vergisi istisnası", dv_pool, gv.REF_STAMP_EXEMPTION + " (brüt asgari ücret × binde 7,59)", "money")
    dv_exempt = min(stamp_before, dv_pool)
    stamp = stamp_before - dv_exempt
    ex.add("Ödenecek damga vergisi", stamp, "Hesaplanan damga − istisna", "money")
    deductions.append(Line("income_tax", "Gelir vergisi", income_tax, gv.REF_TARIFF))
    deductions.append(Line("stamp_tax", "Damga vergisi", stamp, REF_DAMGA))

    total = sum((d.amount for d in deductions), Decimal(0))
    net = gross - total
    employer_cost = gross + sum((e.amount for e in ded.employer), Decimal(0))
    for e in ded.employer:
        ex.add(e.label, e.amount, e.reference, "money")
    ex.add("Kesintiler toplamı", total, "Sosyal güvenlik + sendika aidatı + gelir vergisi + damga vergisi", "money")
    ex.add("Net ödenen", net, "Brüt toplam − kesintiler", "money")
    ex.add("İşverene maliyet (tahmin)", employer_cost, "Brüt toplam + kurum sosyal güvenlik payları", "money")
    return Payslip(year, month, table.id, tuple(lines), tuple(deductions), tuple(ded.employer), gross, net, total,
                   employer_cost, ded.premium_base, mt, mt.tax, gv_exempt, stamp_base, stamp_before, dv_exempt,
                   mw.tax - gv_exempt, dv_pool - dv_exempt, estimated)


# ---------------------------------------------------------------- the calculator

def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    with raise_forecast.assuming(v["forecast_inflation"], ex) as assumed:  # a forecast only for a month with no table
        year, month, table, tax_table = month_tables(v, ctx)
        p = person_from(v)
        warn_inputs(p, v, ex)
        slip = payslip(p, year, month, v["cumulative_base_before"], ex)
    return {**slip.result(), "forecast": raise_forecast.forecast_result(assumed)}


OUTPUTS = (
    Output("net", "Net ödenen", "money", main=True),
    Output("gross", "Brüt toplam", "money", main=True),
    Output("total_deductions", "Kesintiler toplamı", "money", main=True),
    Output("employer_cost", "İşverene maliyet (tahmin)", "money", main=True),
    Output("social_security", "Sosyal güvenlik kesintisi (sigortalı)", "money"),
    Output("income_tax_base", "Bu ayın gelir vergisi matrahı", "money"),
    Output("cumulative_base_after", "Kümülatif gelir vergisi matrahı (bu ay dâhil)", "money"),
    Output("bracket_rate", "Bu ayın son vergi dilimi", "rate"),
    Output("income_tax", "Gelir vergisi", "money"),
    Output("income_tax_exemption", "Asgari ücret gelir vergisi istisnası", "money"),
    Output("stamp_tax", "Damga vergisi", "money"),
    Output("stamp_tax_exemption", "Asgari ücret damga vergisi istisnası", "money"),
    Output("union_dues", "Sendika aidatı", "money"),
    Output("lines", "Bordro kalemleri (brüt)", "rows", columns=(("label", "Kalem", "text"), ("amount", "Tutar", "money")),
           chart="amounts"),
    Output("deductions", "Kesintiler", "rows", columns=(("label", "Kesinti", "text"), ("amount", "Tutar", "money"))),
)

CALCULATOR = Calculator(
    id="pay/salary",
    title="Memur maaşı: aylık bordro (brütten nete)",
    description=(
        "657 DMK'ya tabi memurun (önce sağlık hizmetleri sınıfı unvanları) ya da 4/B sözleşmeli personelin bir aylık "
        "bordrosunu satır satır hesaplar: aylık, ek gösterge, taban aylık, kıdem aylığı, yan ödeme, özel hizmet tazminatı, "
        "375 KHK ek 9 ek ödeme ve ek 40 ilave ödeme, aile yardımı, sendika üyelerine toplu sözleşme ikramiyesi; "
        "kesintiler: 5510 4/c (ya da 5434) ve GSS, kümülatif gelir vergisi, damga vergisi, asgari ücret istisnası, sendika aidatı. "
        "Katsayılar her Ocak/Temmuz genelgesinden, göstergeler ve oranlar kanundan gelir (dönemler parametre tablolarında). "
        "Okumalar: özel hizmet tazminatı, ek ödeme, ek 40 ilave ödeme ve toplu sözleşme ikramiyesi yalnız damga vergisine tabidir; "
        "prime esas kazanç aylık + ek gösterge + taban + kıdem + özel hizmet tazminatıdır; asgari ücret istisnası önce maaşa "
        "uygulanır, kalanı aynı aydaki diğer ödemelere (nöbet, döner sermaye) devreder. "
        "Tahminler: ek gösterge unvan ve dereceye göre 657 DMK cetvelinden önerilir; yan ödeme puanı, özel hizmet ve ek "
        "ödeme oranlarının cetvelleri doğrulanamadığı için bordronuzdan girilir (Bordro kontrolü sayfası bunları bir "
        "bordrodan bulur); önceki ayların matrahı girilmezse her ay aynı bordro varsayılır; 5434 keseneği, 4/B ücreti ve "
        "işveren maliyeti (kurum MYÖ payı %12 okunuşu) tahmindir; toplu sözleşme ikramiyesinin göstergesi kaynaklanamayan "
        "dönemlerde tutar bordrodan girilir."
    ),
    inputs=(
        month_field("month", "Bordro ayı", newest_month()),
        *person_fields(),
        cumulative_base_field(),
        raise_forecast.forecast_field(),
    ),
    outputs=OUTPUTS,
    compute=compute,
    parameter_set=SET,
    period_input="month",
    references=(*PAYSLIP_REFERENCES, "4688 s.K."),
    example={"month": "2026-07", "title": "hemsire", "grade": 1, "step": 4, "service_years": 15,
             "additional_indicator": 3600, "spouse_not_working": True, "children_under_6": 1, "children_over_6": 1,
             "union_member": True, "union_dues": "250"},
)
