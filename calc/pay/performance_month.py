"""pay/performance-month: a month's döner sermaye ek ödemesi estimate and what each absence cost.

Combines the AÇGK rule (active_days), the net performance score (net_performance), the ceiling and the
fixed payment of 209 s.K. md.5 and ek md.3, and the published report rule (sick_report).
"""

from __future__ import annotations

from decimal import Decimal

from .. import params
from ..explain import Explanation
from ..fields import Field
from ..money import kurus
from ..params import ParameterTable
from ..calculator import Calculator, Context, Output
from .active_days import ACTIVE_DAYS_FIELDS, check_days, count_active_days
from .performance_common import SET, add_points, fail, num, tidy
from .net_performance import NEGATIVE_RULE, POINT_FIELDS, dentist_score, extra_part, facility_based_score, physician_score
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
POINT_VALUE = Field("point_value", "decimal", "Puan değeri (dönem ek ödeme katsayısı)", required=True, min=0, max=1000,
                    places=6, unit="TL/puan",
                    help="Tesisin o ay için belirlediği, bir net performans puanının TL karşılığı. Ek ödeme bordronuzda ya "
                         "da tesisin ek ödeme duyurusunda yazar; Hesap bu değeri bilemez.")
TITLE = Field("title", "choice", "Unvan (tavan oranı için)", default="uzman", choices=_title_choices(),
              help="209 s.K. md.5/2'deki tavan oranını ve 209 s.K. ek md.3 sabit ek ödeme oranını seçer.")
CEILING_BASE = Field("ceiling_base", "money", "Tavan matrahı (kendi aylığınız + yan ödeme + tazminatlar)", min=0,
                     max=10_000_000, unit="TL",
                     help="Bir aylık: aylık (ek gösterge dâhil) + yan ödeme + her türlü tazminat (makam, temsil, görev ve "
                          "yabancı dil tazminatı hariç), bordronuzdan. Boş bırakılırsa tavan uygulanmaz.")
FIXED_PAYMENT = Field("fixed_payment", "money", "Sabit kısım (bordronuzdan)", min=0, max=10_000_000, unit="TL",
                      help="Hekimlerde 209 s.K. ek md.3 sabit ek ödemesi, diğer personelde 375 KHK ek 9 ek ödemesi. "
                           "Hekimler boş bırakıp en yüksek Devlet memuru aylığını yazabilir.")
HIGHEST_SALARY = Field("highest_civil_servant_salary", "money", "En yüksek Devlet memuru aylığı (ek gösterge dâhil)",
                       min=0, max=10_000_000, unit="TL",
                       help="Sabit ek ödeme bunun yüzdesidir (209 s.K. ek md.3); o dönemin maaş katsayısıyla hesaplanır, "
                            "bordronuzdaki sabit ek ödemeyi biliyorsanız onu yazın.")
REPORT_METHOD = Field("report_method", "choice", "Rapor günlerinin hesabı", default="published_daily",
                      choices=REPORT_METHODS,
                      help="İkisi birlikte uygulanmaz; yoksa rapor iki kez düşülmüş olur.")

INPUTS = ACTIVE_DAYS_FIELDS[:4] + (REPORT_DAYS, REPORT_METHOD) + ACTIVE_DAYS_FIELDS[4:] + (FORMULA,) + POINT_FIELDS + (
    NEGATIVE_RULE, POINT_VALUE, TITLE, CEILING_BASE, FIXED_PAYMENT, HIGHEST_SALARY)


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
        ref = "Girdi (bordro); 209 s.K. ek md.3" if group != "none" else "Girdi (bordro); 375 KHK ek 9, 209 s.K. md.5/2"
        return ex.money("Sabit kısım (bordronuzdan)", v["fixed_payment"], ref)
    if group == "none":
        ex.add("Sabit kısım", "girilmedi: 375 KHK ek 9 tabanı uygulanmadı", "375 KHK ek 9; 209 s.K. md.5/2")
        return Decimal(0)
    rate = t["fixed_payment_rates"][group]
    if v["highest_civil_servant_salary"] is None:
        fail(FIXED_PAYMENT.name, FIXED_PAYMENT.label,
             f"{rec['title']} için sabit ek ödeme (209 s.K. ek md.3, %{rate['percent']}) gerekli: bordronuzdaki tutarı ya "
             f"da “{HIGHEST_SALARY.label}” alanını doldurun")
    amount = kurus(v["highest_civil_servant_salary"] * rate["percent"] / 100)
    return ex.money(f"Sabit ek ödeme: {num(v['highest_civil_servant_salary'])} × %{rate['percent']}", amount,
                    rate["reference"])


def month_payment(v: dict, t: ParameterTable, ex: Explanation, compensation_days: int | None = None) -> dict:
    """Everything for one month; `compensation_days` pins the second-level leave points in what-if runs."""
    reports = v["report_days"]
    in_acgk = v["report_method"] == "active_days"
    check_days(v, t, reports)
    a = count_active_days(v, t, ex, reports if in_acgk else 0, "Rapor günleri (AÇGK'da çalışılmamış)")
    if compensation_days is None:
        compensation_days = a.protected_days if v["formula"] == "second_level_procedure" else 0
    points = net_points(v, a.coefficient, compensation_days, t, ex)

    gross = kurus(max(points, Decimal(0)) * v["point_value"])
    ex.money(f"Döner sermaye ek ödemesi: {num(max(points, Decimal(0)))} puan × {num(v['point_value'])} TL", gross,
             "209 s.K. md.5/2; puan değeri: tesisin dönem ek ödeme katsayısı (girdi)")
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
    return {"expected_payment": total, "performance_payment": performance_after, "fixed_payment": fixed,
            "report_deduction": deduction, "gross_payment": gross, "ceiling": ceiling,
            "net_performance_points": tidy(points), "active_days_coefficient": a.coefficient,
            "counted_days": a.counted_days, "protected_leave_days": a.protected_days,
            "_compensation_days": compensation_days}


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
    for key, _, reset in ABSENCES:
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


def compute(v: dict, ctx: Context) -> dict:
    t = ctx.table(SET)
    result = month_payment(v, t, ctx.explain)
    compensation_days = result.pop("_compensation_days")
    costs = absence_costs(v, t, compensation_days, result["expected_payment"], ctx.explain)
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
        "Mesai dışı ek oranlar ve özellikli işlemler uygulanmaz. Yönetmelik metni doğrulanamadı."
    ),
    inputs=INPUTS,
    outputs=(
        Output("expected_payment", "Beklenen aylık ödeme", "money", main=True),
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
    example={"month_days": 30, "annual_leave_days": 12, "protected_leave_used_this_year": 0, "report_days": 3,
             "formula": "other_staff", "facility_average": "8000", "unit_title_coefficient": "0.55",
             "point_value": "1", "title": "diger_riskli_birim", "ceiling_base": "45000", "fixed_payment": "1580"},
)
