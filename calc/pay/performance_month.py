"""pay/performance-month: a month's döner sermaye ek ödemesi estimate and what each absence cost.

Combines the AÇGK rule (active_days), the net performance score (net_performance), the ceiling and the
fixed payment of 209 s.K. md.5 and ek md.3, and the published report rule (sick_report).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from .. import params
from ..explain import Explanation
from ..fields import Field
from ..money import kurus
from ..numbers import format_money
from ..params import ParameterTable
from ..calculator import Calculator, Context, Output
from . import income_tax as gv
from .absences import MONTH, resolve_days
from .active_days import ACTIVE_DAYS_FIELDS, DATE_FIELDS, check_days, count_active_days
from .performance_common import SET, add_points, fail, num, tidy
from .net_performance import (NEGATIVE_RULE, POINT_FIELDS, POINT_VALUE as POINT_VALUE_OPTIONAL, dentist_score, extra_part,
                              facility_based_score, physician_score, points_in_tl)
from ..errors import InputError
from .salary_inputs import TAX_SET, available_periods, month_label, parse_month, tables_for
from .sick_report import REPORT_DAYS, report_deduction

FORMULAS = (
    ("physician", "Tabip: md.10 (a/l) formülü"),
    ("second_level_procedure", "İkinci basamak tabip, işlem puanıyla ödenen (izin günleri tesis ortalamasıyla)"),
    ("dentist_outside_centre", "Diş tabibi, ADSM/ADSH dışında (tesis ortalaması ya da kendi puanı, yüksek olanı)"),
    ("dentist_integrated_hospital", "Diş tabibi, ADSM/ADSH'den ödenip E2/E3 entegre hastanede (kendi puanı × 1,30)"),
    ("other_staff", "Tabip dışı personel: tesis ortalaması × katsayı × AÇGK"),
)
REPORT_METHODS = (
    ("published_daily", "Yayımlanan kural: her rapor günü aylık ödemenin 1/30'u performanstan düşer"),
    ("active_days", "Rapor günleri AÇGK'da çalışılmamış gün sayılır (ayrı kesinti yok)"),
)
REF_OTHER_STAFF = ("Tabip dışı personel formülü: 2006 Ek Ödeme Yön. md.17'deki biçim (RG 25.8.2007 değişik); "
                   "güncel yönetmelik metni doğrulanamadı")


def _title_choices() -> tuple[tuple[str, str], ...]:
    rates = params.periods(SET)[-1]["ceiling_rates"]
    return tuple((key, f"{r['title']} (tavan %{r['percent']})") for key, r in rates.items())


FORMULA = Field("formula", "choice", "Hesap biçimi", default="physician", choices=FORMULAS)
POINT_VALUE = replace(POINT_VALUE_OPTIONAL, required=True)
TITLE = Field("title", "choice", "Unvan (tavan oranı için)", default="uzman", choices=_title_choices(),
              help="209 s.K. md.5/2'deki tavan oranını ve 209 s.K. ek md.3 sabit ek ödeme oranını seçer.")
CEILING_BASE = Field("ceiling_base", "money", "Tavan matrahı (kendi aylığınız + yan ödeme + tazminatlar)", min=0,
                     max=10_000_000, unit="TL",
                     help="Bir aylık: aylık (ek gösterge dâhil) + yan ödeme + her türlü tazminat (makam, temsil, görev ve "
                          "yabancı dil tazminatı hariç), bordronuzdan. Boş bırakılırsa tavan uygulanmaz.")
FIXED_PAYMENT = Field("fixed_payment", "money", "Sabit kısım (bordronuzdan)", min=0, max=10_000_000, unit="TL",
                      help="Hekimlerde 209 s.K. ek md.3 sabit ek ödemesi, diğer personelde 375 KHK ek 9 ek ödemesi. "
                           "Hekimler boş bırakabilir: ay seçiliyse en yüksek Devlet memuru aylığı o ayın tablosundan "
                           "alınır.")
HIGHEST_SALARY = Field("highest_civil_servant_salary", "money", "En yüksek Devlet memuru aylığı (ek gösterge dâhil)",
                       min=0, max=10_000_000, unit="TL",
                       help="Sabit ek ödeme bunun yüzdesidir (209 s.K. ek md.3). Ay seçiliyse boş bırakın: o ayın maaş "
                            "tablosundan (9500 gösterge × aylık katsayısı) hesaplanır; yazarsanız yazdığınız kullanılır.")
REPORT_METHOD = Field("report_method", "choice", "Rapor günlerinin hesabı", default="published_daily",
                      choices=REPORT_METHODS,
                      help="İkisi birlikte uygulanmaz; yoksa rapor iki kez düşülmüş olur.")

CUMULATIVE_BASE = Field("cumulative_base_before", "money", "Bu ayın maaşı dâhil kümülatif gelir vergisi matrahı",
                        min=0, max=100_000_000, unit="TL",
                        help="Maaş bordronuzda bu ay yazan kümülatif vergi matrahı (maaşınız dâhil). Döner sermaye bunun "
                             "üstüne eklenir ve dilimi belirler. Boş bırakılırsa 0 alınır: vergi tahmindir. “Bu ay elime "
                             "ne geçer?” hesaplayıcısı bunu maaşınızdan kendisi bulur.")
GV_LEFT = Field("income_tax_exemption_left", "money", "Maaştan kalan asgari ücret gelir vergisi istisnası", default=0,
                min=0, max=100_000, unit="TL",
                help="Maaşınızın vergisi istisnayı çoğu ay tüketir (0). Maaş hesaplayıcısı kalanı gösterir.")
DV_LEFT = Field("stamp_exemption_left", "money", "Kalan asgari ücret damga vergisi istisnası", default=0, min=0,
                max=100_000, unit="TL", help="Maaş bordronuz istisnayı tüketmişse 0 (çoğu durumda).")
TAX_FIELDS = (CUMULATIVE_BASE, GV_LEFT, DV_LEFT)

INPUTS = DATE_FIELDS + ACTIVE_DAYS_FIELDS[:4] + (REPORT_DAYS, REPORT_METHOD) + ACTIVE_DAYS_FIELDS[4:] + (FORMULA,) + \
    POINT_FIELDS + (NEGATIVE_RULE, POINT_VALUE, TITLE, CEILING_BASE, FIXED_PAYMENT, HIGHEST_SALARY) + TAX_FIELDS


def leave_compensation_points(v: dict, protected_days: int, ex: Explanation) -> Decimal:
    """İkinci basamak: çalışılmış sayılan izin günleri, tesis puan ortalaması × birim katsayısı ile (günlük payı)."""
    if not protected_days:
        return Decimal(0)
    points = v["facility_average"] * v["unit_title_coefficient"] * protected_days / v["month_days"]
    add_points(ex, f"İzin günleri: tesis ort. {num(v['facility_average'])} × birim katsayısı "
                   f"{num(v['unit_title_coefficient'])} × {protected_days} ÷ {v['month_days']} gün", points,
               "Bakanlık uygulama rehberi: işlem puanıyla ödenen ikinci basamak tabibin izin günleri; acil servis 1,40")
    return points


def net_points(v: dict, acgk: Decimal, compensation_days: int, t: ParameterTable, ex: Explanation) -> Decimal:
    formula = v["formula"]
    if formula == "physician":
        return physician_score(v, acgk, t, ex)
    if formula.startswith("dentist_"):
        mode = "outside_centre" if formula == "dentist_outside_centre" else "integrated_hospital"
        return dentist_score(v, mode, acgk, t, ex)
    if formula == "other_staff":
        return facility_based_score(v, acgk, ex, REF_OTHER_STAFF, "Tabip dışı personel")
    # second_level_procedure: own points for the days worked, plus the protected leave days
    ref = "Bakanlık uygulama rehberi, ikinci basamak işlem puanıyla ödeme"
    own = add_points(ex, "Kendi muayene ve işlem puanı (çalışılan günler)", v["physician_points"], ref)
    total = own + v["science_points"] + leave_compensation_points(v, compensation_days, ex)
    total += extra_part(v["extra_points"], acgk, ex, ref)
    return add_points(ex, "Net performans puanı", total, ref)


def fixed_part(v: dict, rec: dict, t: ParameterTable, ex: Explanation) -> Decimal:
    group = rec["fixed_group"]
    if v["fixed_payment"] is not None:
        if v.get("fixed_from_payslip"):  # pay/month-total: the 375 KHK ek 9 line of the same month's payslip
            return v["fixed_payment"]
        ref = "Girdi (bordro); 209 s.K. ek md.3" if group != "none" else "Girdi (bordro); 375 KHK ek 9, 209 s.K. md.5/2"
        return ex.money("Sabit kısım (bordronuzdan)", v["fixed_payment"], ref)
    if group == "none":
        ex.add("Sabit kısım", "girilmedi: 375 KHK ek 9 tabanı uygulanmadı", "375 KHK ek 9; 209 s.K. md.5/2")
        return Decimal(0)
    rate = t["fixed_payment_rates"][group]
    highest = highest_salary(v, ex)
    if highest is None:
        fail(FIXED_PAYMENT.name, FIXED_PAYMENT.label,
             f"{rec['title']} için sabit ek ödeme (209 s.K. ek md.3, %{rate['percent']}) gerekli: bordronuzdaki tutarı "
             f"yazın ya da “{MONTH.label}” alanına ayı yazın (en yüksek Devlet memuru aylığı o ayın maaş tablosundan "
             f"alınır) ya da “{HIGHEST_SALARY.label}” alanını doldurun")
    amount = kurus(highest * rate["percent"] / 100)
    return ex.money(f"Sabit ek ödeme: en yüksek Devlet memuru aylığı {num(kurus(highest))} × %{rate['percent']}", amount,
                    rate["reference"], note="Aylığın tam değeriyle çarpılır, sonuç kuruşa yuvarlanır." if highest != kurus(highest) else "")


def month_tables(month_text: str, label: str = MONTH.label) -> tuple[ParameterTable, ParameterTable]:
    """The salary and income-tax tables of a `YYYY-AA` month; a month outside them names the field by `label`."""
    year, month = parse_month(month_text)
    try:
        return tables_for(year, month)
    except InputError:
        raise InputError("month", f"“{label}”: {month_label(year, month)} için maaş ve vergi tablosu yok; "
                                  f"tablosu olan dönemler: {available_periods()}") from None


def highest_salary(v: dict, ex: Explanation):
    """En yüksek Devlet memuru aylığı: the typed amount, else 9500 gösterge × the month's aylık katsayısı (unrounded)."""
    typed = v["highest_civil_servant_salary"]
    if not v.get("month"):
        if typed is not None:
            ex.money("En yüksek Devlet memuru aylığı (girilen)", typed, "Girdi; 657 DMK md.43")
        return typed
    year, month = parse_month(v["month"])
    table, _ = month_tables(v["month"])
    g, k = table["highest_civil_servant_indicator"], table["monthly_coefficient"]
    exact = g * k
    ref = f"{table.ref('highest_civil_servant_indicator')}; aylık katsayısı: {table.ref('monthly_coefficient')}"
    if typed is not None:
        ex.money("En yüksek Devlet memuru aylığı (girilen)", typed, "Girdi; 657 DMK md.43")
        if typed != kurus(exact):
            ex.warn(f"En yüksek Devlet memuru aylığı için yazdığınız {format_money(typed)} kullanıldı; "
                    f"{month_label(year, month)} tablosuna göre {g} × {num(k)} = {format_money(kurus(exact))}.")
        return typed
    ex.money(f"En yüksek Devlet memuru aylığı ({month_label(year, month)}: {g} gösterge × aylık katsayısı {num(k)})",
             kurus(exact), ref)
    return exact


def month_payment(v: dict, t: ParameterTable, ex: Explanation, compensation_days: int | None = None) -> dict:
    """Everything for one month; `compensation_days` pins the second-level leave points in what-if runs."""
    reports = v["report_days"]
    in_acgk = v["report_method"] == "active_days"
    check_days(v, t, reports)
    a = count_active_days(v, t, ex, reports if in_acgk else 0, "Rapor günleri (AÇGK'da çalışılmamış)")
    if compensation_days is None:
        compensation_days = a.protected_days if v["formula"] == "second_level_procedure" else 0
    points = net_points(v, a.coefficient, compensation_days, t, ex)

    gross = points_in_tl(points, v["point_value"], ex)
    rec = t["ceiling_rates"][v["title"]]
    ceiling = None
    if v["ceiling_base"] is None:
        ex.warn("Tavan matrahı girilmedi: 209 s.K. md.5/2 tavanı uygulanmadı.")
        capped = gross
    else:
        ceiling = kurus(v["ceiling_base"] * rec["percent"] / 100)
        ex.money(f"Tavan: matrah {num(v['ceiling_base'])} × %{rec['percent']} ({rec['title']})", ceiling, rec["reference"])
        capped = min(gross, ceiling)
        ex.money("Tavanla sınırlı ek ödeme", capped, t.ref("ceiling_rates"))

    fixed = fixed_part(v, rec, t, ex)
    performance = max(capped - fixed, Decimal(0))
    ex.money(f"Performans kısmı: {num(capped)} − sabit kısım {num(fixed)} (mahsup; eksiye inmez)", performance,
             t.ref("fixed_payment_offset_rule"))
    ex.add("12 puan ek ödeme (4. dönem toplu sözleşme)", t["ek9_twelve_points_rule"], t.ref("ek9_twelve_points_rule"))

    deduction = Decimal(0)
    if reports and not in_acgk:
        r = report_deduction(fixed, performance, reports, v["month_days"], t, ex)
        deduction = r.deduction
    elif reports:
        ex.add("Rapor günleri", "AÇGK içinde düşüldü; ayrıca günlük kesinti yapılmadı", "Seçilen hesap biçimi")
    performance_after = performance - deduction
    total = fixed + performance_after
    ex.money("Beklenen aylık ödeme: sabit kısım + performans kısmı", total, "209 s.K. md.5/2 ve ek md.3")
    paid = paid_by_fund(rec, fixed, performance_after, ex)
    return {"expected_payment": total, "paid_amount": paid, "performance_payment": performance_after, "fixed_payment": fixed,
            "report_deduction": deduction, "gross_payment": gross, "ceiling": ceiling,
            "net_performance_points": tidy(points), "active_days_coefficient": a.coefficient,
            "counted_days": a.counted_days, "protected_leave_days": a.protected_days,
            "_compensation_days": compensation_days}


def paid_by_fund(rec: dict, fixed: Decimal, performance_after: Decimal, ex: Explanation) -> Decimal:
    """What this calculator adds to the month's pay: the performance part, plus a physician's sabit ek ödeme.

    Tabip dışı personelde sabit kısım 375 KHK ek 9 ek ödemesidir ve maaş bordrosunda zaten vardır (pay/salary):
    burada eklenirse iki kez sayılır."""
    if rec["fixed_group"] == "none":
        ex.money("Döner sermayeden ödenen (brüt): performans kısmı", performance_after,
                 "209 s.K. md.5/2; sabit kısım (375 KHK ek 9) maaş bordrosunda ödenir, burada eklenmez",
                 note="Beklenen aylık ödemedeki sabit kısım maaşınızın içindedir; maaş netine eklemeyin.")
        return performance_after
    paid = fixed + performance_after
    ex.money("Ödenen (brüt): sabit ek ödeme + performans kısmı", paid, "209 s.K. ek md.3 ve md.5/2",
             note="Okumamız: sabit ek ödeme maaş hesaplayıcısının bordrosunda yoktur, bu yüzden burada eklenir ve "
                  "döner sermaye gibi vergilendirilir.")
    return paid


@dataclass(frozen=True)
class PaymentTax:
    base: Decimal
    income_tax: Decimal
    stamp_tax: Decimal
    net: Decimal
    income_tax_exemption: Decimal
    stamp_exemption: Decimal
    cumulative_after: Decimal


REF_BASE = ("GVK md.61 (ücret) ve md.103; döner sermaye ek ödemesinden gelir vergisi ve damga vergisi kesilir, sosyal "
            "güvenlik primi kesilmez (Hesap'ın okuması; ek ödeme 5510 md.80 prime esas kazançta sayılmaz)")
REF_DAMGA = "488 s. DVK (1) sayılı tablo IV-1: ücret ödemelerinden binde 7,59"


def payment_tax(amount: Decimal, before: Decimal, gv_left: Decimal, dv_left: Decimal, tax_table: ParameterTable,
                ex: Explanation, label: str = "Döner sermaye ödemesi") -> PaymentTax:
    """The month's income tax on top of the cumulative base `before`, then stamp duty; what is left of the
    minimum-wage exemptions (one pool a month for every wage payment, GVK md.23/18, DVK (2) IV/15) is used."""
    ex.money(f"{label}: gelir vergisi matrahı", amount, REF_BASE)
    mt = gv.monthly_tax(before, amount, tax_table["wage_brackets"])
    for sl in mt.slices:
        ex.money(f"{label}: matrahın %{num(sl.rate * 100)} diliminde kalan kısmı "
                 f"(kümülatif {format_money(before)} üstüne)", sl.amount, tax_table.ref("wage_brackets"))
    ex.money(f"{label}: hesaplanan gelir vergisi, T({num(mt.after)}) − T({num(before)})", mt.tax,
             gv.REF_TARIFF + "; kuruşa yuvarlanır")
    gv_exempt = min(mt.tax, gv_left)
    if gv_left:
        ex.money(f"{label}: kalan asgari ücret gelir vergisi istisnasından düşülen", gv_exempt, gv.REF_MIN_WAGE_EXEMPTION)
    income_tax = mt.tax - gv_exempt
    ex.money(f"{label}: gelir vergisi", income_tax, gv.REF_TARIFF)
    stamp_before = kurus(amount * tax_table["stamp_duty_rate"])
    ex.money(f"{label}: hesaplanan damga vergisi", stamp_before, tax_table.ref("stamp_duty_rate") + " — kuruşa yuvarlanır")
    dv_exempt = min(stamp_before, dv_left)
    if dv_left:
        ex.money(f"{label}: kalan asgari ücret damga istisnasından düşülen", dv_exempt, gv.REF_STAMP_EXEMPTION)
    stamp = stamp_before - dv_exempt
    ex.money(f"{label}: damga vergisi", stamp, REF_DAMGA)
    net = amount - income_tax - stamp
    ex.money(f"{label}: net", net, "Brüt − gelir vergisi − damga vergisi")
    return PaymentTax(amount, income_tax, stamp, net, gv_exempt, dv_exempt, mt.after)


def tax_table_for(v: dict, ctx: Context) -> ParameterTable:
    """The income-tax table of the chosen month, else the one in force on the run's date."""
    if v.get("month"):
        return ctx.use(month_tables(v["month"])[1])
    return ctx.table(TAX_SET)


# What-if runs, each adding one kind of absence: the difference is what that absence cost.
ABSENCES = (
    ("annual_leave", "Yıllık izin (korunan kısmı aşan günler)", {"annual_leave_days": 0}),
    ("other_absences", "Diğer çalışılmayan günler", {"other_absent_days": 0}),
    ("half_day", "Yarım gün çalışma (eksik saatler)", {"half_day_days": 0}),
    ("reports", "Rapor günleri", {"report_days": 0}),
)


def absence_costs(v: dict, t: ParameterTable, compensation_days: int, actual: Decimal, ex: Explanation) -> dict:
    costs = {}
    scenario = dict(v)
    for _key, _, reset in ABSENCES:
        scenario.update(reset)
    previous = month_payment(scenario, t, Explanation(), compensation_days)["expected_payment"]
    ex.money("Hiç devamsızlık olmasaydı (aynı puanlarla)", previous, "Hesap'ın karşılaştırması",
             note="Kendi muayene ve işlem puanınız girdiğiniz gibi tutuldu; gerçekte çalışılmayan günlerde o da azalır.")
    for key, label, reset in ABSENCES:
        for field in reset:
            scenario[field] = v[field]
        now = month_payment(scenario, t, Explanation(), compensation_days)["expected_payment"]
        costs[key] = previous - now
        if costs[key] or any(v[f] for f in reset):
            ex.money(f"Maliyeti: {label}", costs[key], "Hesap'ın karşılaştırması")
        previous = now
    assert previous == actual
    return costs


def prepare(v: dict, t: ParameterTable, ctx: Context) -> dict:
    """Day counts from the dated absences, and the month's salary table recorded as used."""
    if v.get("month"):
        ctx.use(month_tables(v["month"])[0])
    return resolve_days(v, t, ctx.explain, INPUTS)


def compute(v: dict, ctx: Context) -> dict:
    t = ctx.table(SET)
    ex = ctx.explain
    v = prepare(v, t, ctx)
    result = month_payment(v, t, ex)
    compensation_days = result.pop("_compensation_days")
    tax_table = tax_table_for(v, ctx)
    before = v["cumulative_base_before"]
    if before is None:
        before = Decimal(0)
        ex.warn("Gelir vergisi tahmindir: bu ayın kümülatif vergi matrahı girilmedi, 0 alındı (ilk dilim). Maaşınızla "
                "birlikte gerçek dilim daha yüksek olabilir; “Bu ay elime ne geçer?” hesaplayıcısı matrahı maaşınızdan bulur.")
    else:
        ex.money("Bu ayın maaşı dâhil kümülatif vergi matrahı (girilen)", before, "Girdi (maaş bordrosu)")
    tax = payment_tax(result["paid_amount"], before, v["income_tax_exemption_left"], v["stamp_exemption_left"],
                      tax_table, ex)
    result.update({"income_tax": tax.income_tax, "stamp_tax": tax.stamp_tax, "net": tax.net,
                   "income_tax_estimated": v["cumulative_base_before"] is None})
    costs = absence_costs(v, t, compensation_days, result["expected_payment"], ex)
    result["absence_costs"] = costs
    result.update({f"cost_{key}": cost for key, cost in costs.items()})
    result["absence_cost_total"] = sum(costs.values(), Decimal(0))
    return result


CALCULATOR = Calculator(
    id="pay/performance-month",
    title="Aylık döner sermaye ek ödemesi tahmini",
    description=(
        "Ayınızı girin (gün, izin, rapor, puanlar, katsayılar, tesisin puan değeri, unvanınızın tavanı): beklenen "
        "döner sermaye ek ödemesini ve her devamsızlığın size maliyetini adım adım verir. Sıra: AÇGK → net performans "
        "puanı → puan × puan değeri → 209 s.K. md.5/2 tavanı (kendi aylık + yan ödeme + tazminat toplamınızın "
        "unvanınıza göre %225–%1150'si) → sabit ek ödemenin (209 s.K. ek md.3) ya da 375 KHK ek 9 tutarının mahsubu → "
        "rapor kesintisi. Okumalarımız: rapor günleri ya yayımlanan 1/30 kuralıyla ya AÇGK'da düşülür, ikisi birden "
        "değil; ikinci basamakta işlem puanıyla ödenen tabibin korunan izin günleri tesis ortalaması × birim katsayısı "
        "× gün ÷ ayın günü kadar puan alır; tabip dışı personel için tesis ortalaması × katsayı × AÇGK (+ ek puan × "
        "AÇGK) kullanılır. Puan değeri, tavan matrahı ve sabit kısım bordronuza bağlıdır ve girdi olarak istenir. "
        "Ay yazılırsa izin ve raporlar tarih olarak girilebilir (AÇGK bu sayfada hesaplanır), ayın gün sayısı takvimden, "
        "en yüksek Devlet memuru aylığı o ayın maaş tablosundan gelir. Sonunda döner sermayeden ödenen tutarın gelir "
        "vergisi (maaş dâhil kümülatif matrahın üstüne, kalan asgari ücret istisnasıyla), damga vergisi ve neti verilir; "
        "tabip dışı personelde sabit kısım (375 KHK ek 9) maaş bordrosunda olduğundan vergiye ve nete katılmaz. "
        "Mesai dışı ek oranlar ve özellikli işlemler uygulanmaz. Yönetmelik metni doğrulanamadı."
    ),
    inputs=INPUTS,
    outputs=(
        Output("net", "Net (döner sermayeden elinize geçen)", "money", main=True),
        Output("paid_amount", "Döner sermayeden ödenen (brüt)", "money", main=True),
        Output("income_tax", "Gelir vergisi", "money", main=True),
        Output("stamp_tax", "Damga vergisi", "money", main=True),
        Output("expected_payment", "Beklenen aylık ödeme (sabit kısım dâhil)", "money", main=True),
        Output("performance_payment", "Performans kısmı", "money", main=True),
        Output("fixed_payment", "Sabit kısım", "money", main=True),
        Output("absence_cost_total", "Devamsızlıkların toplam maliyeti", "money", main=True),
        *(Output(f"cost_{key}", f"Maliyeti: {label}", "money") for key, label, _ in ABSENCES),
        Output("report_deduction", "Rapor kesintisi", "money"),
        Output("net_performance_points", "Net performans puanı", "points"),
        Output("active_days_coefficient", "AÇGK", "decimal"),
        Output("gross_payment", "Puan × puan değeri", "money"),
        Output("ceiling", "Tavan", "money"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("209 s.K. md.5/2", "209 s.K. ek md.3", "375 KHK ek 9", "Ek Ödeme Yön. md.10 (a/l)", "657 DMK md.104"),
    example={"month": "2026-09", "absences": "2026-09-07;2026-09-18;yıllık izin\n2026-09-21;2026-09-23;rapor",
             "formula": "other_staff", "facility_average": "8000", "unit_title_coefficient": "0.55",
             "point_value": "1", "title": "diger_riskli_birim", "ceiling_base": "45000", "fixed_payment": "1580"},
)
