"""pay/month-total: "Bu ay elime ne geçer?" — one person's salary, nöbet and döner sermaye of one month.

Nothing is computed here that another calculator computes: the payslip is pay/salary's `payslip`, the
nöbet is pay/on-call's `compute`, the döner sermaye is pay/performance-month's `month_payment` and
`payment_tax`. This module only passes one cumulative income-tax base and one minimum-wage exemption
pool (GVK md.23/18, DVK (2) sayılı tablo IV/15) from one part to the next, in payroll order: salary,
then nöbet (damga only), then döner sermaye.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..calculator import Calculator, Context, Output
from ..errors import InputError
from ..explain import Explanation
from ..fields import Field
from ..numbers import format_money
from . import on_call, performance_month as pm
from .salary import CALCULATOR as SALARY, payslip
from .salary_inputs import SET as SALARY_SET, month_field, month_label, parse_month, person_fields, person_from, warn_inputs

# Fields that two of the reused calculators name alike get a name of their own here.
RENAMED = {  # (part, name there) → (name here, label here)
    ("on_call", "staff_group"): ("on_call_group", "Nöbet unvan grubu"),
    ("performance", "title"): ("performance_title", "Döner sermaye unvanı (tavan oranı için)"),
    ("performance", "staff_group"): ("active_days_group", "Personel grubu (AÇGK için)"),
}
# Inputs this calculator fills itself from the other parts (the month, the exemptions left, the tax base).
FILLED = {"month", "stamp_exemption_left", "income_tax_exemption_left", "cumulative_base_before"}
DROPPED = {"month_days"}  # the month is always given here: its length comes from the calendar
OPTIONAL_HERE = {"point_value", "unit_title_coefficient"}  # no döner sermaye part when the point value is empty

# 209 s.K. md.5/2: aylık (ek gösterge dâhil) + yan ödeme + tazminatlar (makam, temsil, görev, yabancı dil hariç).
CEILING_LINES = ("monthly_salary", "additional_indicator", "base_salary", "seniority_salary", "contract_wage",
                 "side_payment", "special_service")


def _own(part: str, f: Field) -> Field:
    new = RENAMED.get((part, f.name))
    if new is None:
        return replace(f, required=False) if f.name in OPTIONAL_HERE else f
    name, label = new
    if name == "performance_title":  # no default: the salary's title does not say which tavan applies
        return replace(f, name=name, label=label, default="", choices=(("", "— seçin —"),) + f.choices,
                       help=f.help + " Döner sermaye için seçilmesi zorunludur.")
    return replace(f, name=name, label=label)


def _part_fields(part: str, fields: tuple[Field, ...]) -> tuple[Field, ...]:
    return tuple(_own(part, f) for f in fields if f.name not in FILLED | DROPPED)


ON_CALL_FIELDS = _part_fields("on_call", on_call.CALCULATOR.inputs)
PERFORMANCE_FIELDS = _part_fields("performance", pm.INPUTS)
SALARY_FIELDS = (month_field("month", "Ay", None), *person_fields(),
                 next(f for f in SALARY.inputs if f.name == "cumulative_base_before"))


def _values_for(part: str, fields: tuple[Field, ...], v: dict) -> dict:
    """The inputs of a reused calculator, under its own names."""
    out = {"month": v["month"]}
    for f in fields:
        if f.name == "month":
            continue
        renamed = RENAMED.get((part, f.name))
        if f.name in FILLED:
            out[f.name] = None
        elif f.name in DROPPED:
            out[f.name] = f.default
        else:
            out[f.name] = v[renamed[0] if renamed else f.name]
    return out


def section(ex: Explanation, label: str, value: str, reference: str) -> None:
    ex.add(label, value, reference, "text")


def salary_part(v: dict, year: int, month: int, ex: Explanation):
    section(ex, "1. Maaş", "Memur maaşı hesaplayıcısının bordrosu (adımlar aşağıda)", "pay/salary: 657 DMK, GVK, DVK, 5510")
    p = person_from(v)
    warn_inputs(p, v, ex)
    return payslip(p, year, month, v["cumulative_base_before"], ex)


def on_call_part(v: dict, stamp_left: Decimal, ctx: Context) -> dict | None:
    oc = _values_for("on_call", on_call.CALCULATOR.inputs, v)
    if not any(oc[f.name] for f in on_call.CALCULATOR.inputs if f.name.startswith(("hours_", "standby_"))):
        section(ctx.explain, "2. Nöbet", "nöbet ve icap saati girilmedi", "657 DMK ek md.33")
        return None
    section(ctx.explain, "2. Nöbet ve icap", f"maaştan kalan damga istisnası {format_money(stamp_left)} ile (adımlar aşağıda)",
            "pay/on-call: 657 DMK ek md.33; DVK (2) sayılı tablo IV/15 (istisna aynı ayın bütün ücretleri için tek havuz)")
    oc["stamp_exemption_left"] = stamp_left
    return on_call.compute(oc, ctx)


def performance_part(v: dict, slip, stamp_left: Decimal, tax_table, ctx: Context):
    ex = ctx.explain
    pv = _values_for("performance", pm.INPUTS, v)
    if pv["point_value"] is None:
        section(ex, "3. Döner sermaye", "puan değeri girilmedi: döner sermaye eklenmedi", "209 s.K. md.5")
        return None, None
    for name in ("unit_title_coefficient", "performance_title"):
        if v[name] in (None, ""):
            label = next(f.label for f in PERFORMANCE_FIELDS if f.name == name)
            raise InputError(name, f"“{label}”: döner sermaye için zorunlu, boş bırakılamaz (puan değeri yazıldı)")
    section(ex, "3. Döner sermaye", "aylık tahmin hesaplayıcısının adımları; tavan matrahı ve sabit kısım maaş bordrosundan",
            "pay/performance-month: 209 s.K. md.5 ve ek md.3; Ek Ödeme Yön.")
    t = ctx.table(pm.SET)
    rec = t["ceiling_rates"][pv["title"]]
    lines = {l.name: l.amount for l in slip.lines}
    if pv["ceiling_base"] is None:
        base = sum((lines.get(n, Decimal(0)) for n in CEILING_LINES), Decimal(0))
        pv["ceiling_base"] = ex.money("Tavan matrahı, maaş bordrosundan: aylık + ek gösterge + taban + kıdem + yan ödeme + "
                                      "özel hizmet tazminatı", base, t.ref("ceiling_rates"),
                                      note="Okumamız: taban ve kıdem aylığı 'aylık'a, özel hizmet tazminatı 'tazminat'a dâhildir; "
                                           "375 KHK ek 9, ek 40 ve aile yardımı tavan matrahına girmez.")
    else:
        ex.warn("Tavan matrahı için yazdığınız tutar kullanıldı; maaş bordrosundan hesaplanan kullanılmadı.")
    if rec["fixed_group"] == "none":
        ek9 = lines.get("extra_payment", Decimal(0))
        if pv["fixed_payment"] is None:
            pv["fixed_payment"], pv["fixed_from_payslip"] = ek9, True
            ex.money("Sabit kısım: maaş bordrosundaki 375 KHK ek 9 ek ödemesi", ek9,
                     "375 KHK ek 9; 209 s.K. md.5/2 (ek ödeme, ek 9 tutarından az olamaz; mahsup)")
        elif pv["fixed_payment"] != ek9:
            ex.warn(f"Sabit kısım için yazdığınız tutar kullanıldı; maaş bordrosundaki 375 KHK ek 9 ek ödemesi {ek9} TL.")
    v2 = pm.prepare(pv, t, ctx)
    result = pm.month_payment(v2, t, ex)
    costs = pm.absence_costs(v2, t, result.pop("_compensation_days"), result["expected_payment"], ex)
    result["absence_cost_total"] = sum(costs.values(), Decimal(0))
    ex.money("Kümülatif vergi matrahı: maaş dâhil (nöbetten gelir vergisi kesilmez)", slip.tax.after,
             "GVK md.103: aynı yılın ücretleri tek kümülatif matrahta")
    tax = pm.payment_tax(result["paid_amount"], slip.tax.after, slip.remaining_income_tax_exemption, stamp_left,
                         tax_table, ex)
    return result, tax


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    year, month = parse_month(v["month"])
    table, tax_table = pm.month_tables(v["month"], "Ay")
    ctx.use(table)
    ctx.use(tax_table)
    slip = salary_part(v, year, month, ex)
    if slip.carried_estimated and month > 1:
        ex.warn("Bu tahmine önceki ayların nöbet ve döner sermaye ödemeleri girmedi; gerçek vergi dilimi daha yüksek "
                "olabilir.")

    stamp_left = slip.remaining_stamp_exemption
    oc = on_call_part(v, stamp_left, ctx)
    if oc:
        stamp_left -= oc["stamp_tax_exemption"]
    perf, tax = performance_part(v, slip, stamp_left, tax_table, ctx)

    zero = Decimal("0.00")
    parts = {
        "salary": {"gross": slip.gross, "net": slip.net},
        "on_call": {"gross": oc["gross"] if oc else zero, "net": oc["net"] if oc else zero},
        "performance": {"gross": tax.base if tax else zero, "net": tax.net if tax else zero},
    }
    gross_total = sum((p["gross"] for p in parts.values()), Decimal(0))
    net_total = sum((p["net"] for p in parts.values()), Decimal(0))
    ex.money(f"{month_label(year, month)} toplam brüt: maaş + nöbet + döner sermaye", gross_total, "Üç bölümün toplamı")
    ex.money(f"{month_label(year, month)} elinize geçen: maaş neti + nöbet neti + döner sermaye neti", net_total,
             "Üç bölümün toplamı")
    rows = [{"label": label, "gross": parts[key]["gross"], "deductions": parts[key]["gross"] - parts[key]["net"],
             "net": parts[key]["net"]}
            for key, label in (("salary", "Maaş"), ("on_call", "Nöbet ve icap"), ("performance", "Döner sermaye"))]
    rows.append({"label": "Toplam", "gross": gross_total, "deductions": gross_total - net_total, "net": net_total})
    gv_left = slip.remaining_income_tax_exemption - (tax.income_tax_exemption if tax else 0)
    dv_left = stamp_left - (tax.stamp_exemption if tax else 0)
    return {
        "month": f"{year:04d}-{month:02d}", "parts": parts, "net_total": net_total, "gross_total": gross_total,
        "salary_net": slip.net, "on_call_net": parts["on_call"]["net"], "performance_net": parts["performance"]["net"],
        "performance_income_tax": tax.income_tax if tax else zero, "performance_stamp_tax": tax.stamp_tax if tax else zero,
        "active_days_coefficient": perf["active_days_coefficient"] if perf else None,
        "absence_cost_total": perf["absence_cost_total"] if perf else zero,
        "cumulative_base_after": tax.cumulative_after if tax else slip.tax.after,
        "cumulative_base_estimated": slip.carried_estimated,
        "remaining_income_tax_exemption": gv_left, "remaining_stamp_tax_exemption": dv_left,
        "table": rows,
    }


CALCULATOR = Calculator(
    id="pay/month-total",
    title="Bu ay elime ne geçer? Maaş, nöbet ve döner sermaye",
    description=(
        "Bir ayın maaşını, nöbet ve icap ücretini ve döner sermaye ek ödemesini aynı kişi için birlikte hesaplar: her "
        "biri kendi hesaplayıcısının adımlarıyla, tek kümülatif gelir vergisi matrahı ve tek asgari ücret istisnası "
        "havuzuyla. Sıra bordro sırasıdır: önce maaş (istisnayı önce o kullanır), sonra nöbet (yalnız damga vergisi), "
        "sonra döner sermaye (gelir ve damga vergisi, maaşla birlikte kümülatif matrahın üstüne). Döner sermayenin tavan "
        "matrahı ve tabip dışı personelde sabit kısmı (375 KHK ek 9) maaş bordrosundan alınır; sabit kısım maaşın "
        "içindedir, iki kez eklenmez. Okumalar: üçü aynı ayın ödemesi sayılır (gerçekte nöbet ve döner sermaye çoğu "
        "zaman ertesi ay ödenir ve o ayın matrahına girer); hekimlerin sabit ek ödemesi döner sermaye bölümüne eklenir "
        "ve onunla vergilendirilir."
    ),
    inputs=SALARY_FIELDS + ON_CALL_FIELDS + PERFORMANCE_FIELDS,
    outputs=(
        Output("net_total", "Bu ay elinize geçen (toplam net)", "money", main=True),
        Output("salary_net", "Maaş neti", "money", main=True),
        Output("on_call_net", "Nöbet neti", "money", main=True),
        Output("performance_net", "Döner sermaye neti", "money", main=True),
        Output("gross_total", "Toplam brüt", "money"),
        Output("performance_income_tax", "Döner sermayenin gelir vergisi", "money"),
        Output("performance_stamp_tax", "Döner sermayenin damga vergisi", "money"),
        Output("active_days_coefficient", "AÇGK", "decimal"),
        Output("absence_cost_total", "İzin ve raporların döner sermayeye maliyeti (brüt)", "money"),
        Output("cumulative_base_after", "Kümülatif gelir vergisi matrahı (bu ay dâhil)", "money"),
        Output("remaining_income_tax_exemption", "Kalan asgari ücret gelir vergisi istisnası", "money"),
        Output("table", "Bölüm bölüm", "rows", columns=(("label", "Bölüm", "text"), ("gross", "Brüt", "money"),
                                                       ("net", "Net", "money"))),
    ),
    compute=compute,
    parameter_set=SALARY_SET,
    period_input="month",
    references=("657 DMK md.43, 152, ek md.33", "209 s.K. md.5 ve ek md.3", "375 KHK ek 9", "GVK md.23/18, 61, 103",
                "488 s. DVK"),
    example={"month": "2026-07", "title": "hemsire", "grade": 1, "step": 4, "service_years": 15,
             "additional_indicator": 3600, "side_payment_points": 1100, "special_service_rate": "80",
             "extra_payment_rate": "48", "spouse_not_working": True, "children_under_6": 1, "children_over_6": 1,
             "union_member": True, "union_dues": "250",
             "on_call_group": "lisans", "hours_normal": 48, "hours_normal_night": 40, "hours_risky": 24,
             "absences": "2026-07-13;2026-07-24;yıllık izin",
             "formula": "other_staff", "facility_average": "8000", "unit_title_coefficient": "0.55",
             "point_value": "3.5", "performance_title": "diger_riskli_birim"},
)
