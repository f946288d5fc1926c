"""pay/sick-report-deduction: what report (rapor) days take from the döner sermaye performance part.

`report_deduction` is the one place the rule lives; pay/performance-month calls it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..explain import Explanation
from ..fields import Field
from ..money import Rounding, kurus
from ..numbers import format_money
from ..params import ParameterTable
from ..calculator import Calculator, Context, Output
from .active_days import MONTH_DAYS
from .performance_common import SET, fail, num

FIXED = Field("fixed_payment", "money", "Sabit ek ödeme (sabit kısım)", required=True, min=0, max=10_000_000, unit="TL",
              help="Bordronuzdaki sabit kısım: hekimlerde 209 s.K. ek md.3 sabit ek ödemesi, diğer personelde 375 KHK "
                   "ek 9 ek ödemesi. Rapor günlerinde kesilmez.")
PERFORMANCE = Field("performance_payment", "money", "Performans kısmı", required=True, min=0, max=10_000_000, unit="TL",
                    help="Döner sermayeden sabit kısmın üstünde ödenen performans tutarı.")
REPORT_DAYS = Field("report_days", "integer", "Rapor günleri", default=0, min=0, max=31, unit="gün",
                    help="Ay içinde raporlu (hastalık izninde) geçen günler.")


@dataclass(frozen=True)
class ReportDeduction:
    daily_exact: Decimal
    daily_amount: Decimal
    deduction: Decimal
    performance_after: Decimal
    fixed_after: Decimal


def report_deduction(fixed: Decimal, performance: Decimal, report_days: int, month_days: int,
                     t: ParameterTable, ex: Explanation) -> ReportDeduction:
    """(fixed + performance) / month days per report day, from the performance part only, kuruş at the end."""
    if report_days > month_days:
        fail(REPORT_DAYS.name, REPORT_DAYS.label, f"ayın gün sayısından ({month_days}) fazla olamaz, {report_days} yazılmış")
    rule = t.ref("sick_report_rule")
    monthly = fixed + performance
    ex.money(f"Aylık ödeme: sabit {num(fixed)} + performans {num(performance)}", monthly, rule)
    daily_exact = monthly / month_days
    daily_amount = kurus(daily_exact)
    ex.money(f"Günlük tutar ({num(monthly)} ÷ {month_days})", daily_amount, rule,
             note=f"Hesapta tam değer kullanılır ({num(monthly)} ÷ {month_days}); yalnız kesinti kuruşa yuvarlanır.")
    uncapped = daily_exact * report_days
    deduction = kurus(min(uncapped, performance))
    if report_days:
        ex.money(f"{report_days} rapor günü × günlük tutar (tam değerle)", kurus(uncapped), rule)
        if uncapped > performance:
            ex.money("Kesinti performans kısmıyla sınırlı: performans kısmı sıfırın altına inmez", deduction, rule)
        else:
            ex.money("Kesinti (kuruşa yuvarlanmış)", deduction, f"{Rounding.KURUS_HALF_UP.label}")
        _compare_with_published(daily_exact, report_days, performance, deduction, ex)
    performance_after = performance - deduction
    ex.money("Rapordan sonra performans kısmı", performance_after, rule)
    ex.money("Sabit kısım (raporda kesilmez)", fixed, t.ref("sick_report_rule"),
             note="Sabit ek ödemede ve 375 KHK ek 9 ödemesinde 'aylıklara ilişkin hükümler uygulanır'.")
    return ReportDeduction(daily_exact, daily_amount, deduction, performance_after, fixed)


def _compare_with_published(daily_exact: Decimal, days: int, performance: Decimal, deduction: Decimal,
                            ex: Explanation) -> None:
    """The published examples round the daily amount to whole lira first ('about 59 TL'); say what that changes."""
    daily_lira = Rounding.WHOLE_HALF_UP.apply(daily_exact)
    published = min(daily_lira * days, performance)
    if published == deduction:
        return
    ex.add("Yayımlanan örneklerle fark",
           f"Örnekler günlük tutarı önce liraya yuvarlar (yaklaşık {num(daily_lira)} TL × {days} = "
           f"{format_money(published)}); burada günlük tutar tam tutulur ve yalnız kesinti kuruşa yuvarlanır: "
           f"{format_money(deduction)} (fark {format_money(deduction - published)}). Günlük tutar önce kuruşa "
           f"yuvarlanıp çarpılsaydı {format_money(min(kurus(daily_exact) * days, performance))} olurdu.",
           "Hesap'ın okuması", "text")


def compute(v: dict, ctx: Context) -> dict:
    t = ctx.table(SET)
    r = report_deduction(v["fixed_payment"], v["performance_payment"], v["report_days"], v["month_days"], t,
                         ctx.explain)
    return {"daily_amount": r.daily_amount, "deduction": r.deduction, "performance_after": r.performance_after,
            "fixed_after": r.fixed_after, "total_after": r.fixed_after + r.performance_after}


CALCULATOR = Calculator(
    id="pay/sick-report-deduction",
    title="Raporlu günlerin döner sermaye ek ödemesine etkisi",
    description=(
        "Yayımlanan kurala göre: aylık ödeme (sabit kısım + performans kısmı) 30'a bölünerek günlük tutar bulunur; her "
        "rapor günü bir günlük tutarı yalnız performans kısmından düşürür. Sabit ek ödeme hiç kesilmez, performans "
        "kısmı sıfırın altına inmez. Günlük tutar tam hassasiyetle tutulur, yalnız kesinti kuruşa yuvarlanır "
        "(1.780 ÷ 30 × 3 = 178,00 TL); yayımlanan örneklerdeki 'yaklaşık 59 TL × 3 = 177 TL' günlük tutarı önce "
        "liraya yuvarlar. Kuralın yönetmelikteki dayanağına ulaşılamadı."
    ),
    inputs=(FIXED, PERFORMANCE, REPORT_DAYS, MONTH_DAYS),
    outputs=(
        Output("deduction", "Rapor kesintisi", "money", main=True),
        Output("performance_after", "Rapordan sonra performans kısmı", "money", main=True),
        Output("fixed_after", "Sabit kısım (değişmez)", "money"),
        Output("daily_amount", "Günlük tutar", "money"),
        Output("total_after", "Rapordan sonra toplam", "money"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("375 KHK ek 9", "209 s.K. ek md.3", "209 s.K. md.5/2"),
    example={"fixed_payment": "1580", "performance_payment": "200", "report_days": 3, "month_days": 30},
)
