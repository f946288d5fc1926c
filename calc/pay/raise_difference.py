"""pay/raise-difference: the same person's payslip in two months (e.g. June and July 2026), line by line.

Both payslips come from pay/salary's engine; each month uses its own parameter table and its own
cumulative income-tax base (January to the month before, same payslip assumed, unless given).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from ..dates import MONTHS_TR
from ..errors import InputError
from ..explain import Explanation
from ..money import kurus
from ..numbers import format_money, format_number
from ..calculator import Calculator, Context, Output
from . import income_tax as gv
from . import raise_forecast
from .salary import REF_DAMGA, Line, Payslip, Person, payments, payslip, social_security
from .salary_inputs import (SET, month_before_newest, month_field, month_label, newest_month, parse_month,
                            person_fields, person_from, tables_for, warn_inputs)

REF_14 = ("657 DMK md.164; 3472 s.K. md.1: aylık her ayın 15'inde peşin ödenir, 15'inde ödenen aylık ertesi ayın 14'üne "
          "kadar olan süreyi karşılar; yeni katsayılar ayın 1'inden geçerlidir, 1–14. günlerin farkı ek bordroyla ödenir")
REF_14_TAX = ("GVK md.61, 94, 103: fark ödendiği ayın ücretidir, o ayın kümülatif matrahına eklenir; asgari ücret istisnasının "
              "maaşta kullanılmayan kalanı farka uygulanır (GVK md.23/18)")


def _amounts(slip: Payslip) -> dict[str, tuple[str, Decimal, str]]:
    out = {l.name: (l.label, l.amount, l.reference) for l in slip.lines}
    out.update({d.name: (d.label, -d.amount, d.reference) for d in slip.deductions})
    return out


def compare(before: Payslip, after: Payslip) -> list[dict]:
    """Line by line: payments positive, deductions negative; a line missing in one month counts as 0."""
    a, b = _amounts(before), _amounts(after)
    names = list(a) + [n for n in b if n not in a]
    rows = []
    for n in names:
        label = (b.get(n) or a.get(n))[0].split(" (")[0]  # the figures in brackets differ between months
        ref = (b.get(n) or a.get(n))[2]
        x = a[n][1] if n in a else Decimal(0)
        y = b[n][1] if n in b else Decimal(0)
        rows.append({"name": n, "label": label, "before": x, "after": y, "difference": y - x, "reference": ref})
    return rows


def bears(line: Line) -> str:
    """Which deductions a payment line bears (salary.Line flags), in words."""
    parts = [name for flag, name in ((line.premium, "SGK primi"), (line.income_tax, "gelir vergisi"),
                                     (line.stamp, "damga vergisi")) if flag]
    return ", ".join(parts) if parts else "kesinti yok"


def fourteen_day(p: Person, year: int, month: int, after: Payslip, ex: Explanation) -> dict | None:
    """The 1st–14th of a month that opens a new period were paid on the 15th of the month before at the old rates;
    the difference of those days, per line with the deductions each line bears (None when no new period opens)."""
    new, tax = tables_for(year, month, "month_after")
    first = date(year, month, 1)
    if new.valid_from != first:
        return None
    prev = first - timedelta(days=1)
    try:
        old, _ = tables_for(prev.year, prev.month, "month_before")
    except InputError:
        return None  # no table for the month before: nothing to compare with
    rule = raise_forecast.payday_table(first)
    days, basis = rule["payday"] - 1, rule["day_count_basis"]
    share = Decimal(days) / Decimal(basis)
    ex.add(f"14 günlük fark: 1–{days} {MONTHS_TR[month - 1]} {year}, {rule['payday']} {MONTHS_TR[prev.month - 1]} "
           f"ödemesinde {old.title} katsayılarıyla ödendi", f"{days}/{basis} ay", f"{REF_14}; {rule.ref('payday')}; "
           f"gün oranı: {rule.ref('day_count_basis')}", "text")
    old_amounts = {l.name: l.amount for l in payments(p, old, month)}
    lines: list[Line] = []
    rows: list[dict] = []
    for l in payments(p, new, month):
        if l.name == "collective_bonus":
            continue  # the quarterly bonus is paid once, not by the day
        monthly = l.amount - old_amounts.get(l.name, Decimal(0))
        amount = kurus(monthly * share)
        label = l.label.split(" (")[0]
        lines.append(replace(l, amount=amount, label=label))
        rows.append({"name": l.name, "label": label, "monthly_difference": monthly, "amount": amount, "bears": bears(l)})
        if amount:
            ex.add(f"14 günlük fark, {label}: {format_money(monthly)} × {days}/{basis} ({bears(l)})", amount,
                   f"{l.reference} — kuruşa yuvarlanır (yarım yukarı)", "money")
    gross = sum((l.amount for l in lines), Decimal(0))
    ex.add("14 günlük fark, brüt", gross, REF_14, "money")
    ded = social_security(p, new, lines)
    deductions = [(d.name, d.label, d.amount, d.reference) for d in ded.lines]
    taxable = sum((l.amount for l in lines if l.income_tax), Decimal(0))
    base = max(Decimal(0), taxable - sum((d.amount for d in ded.lines), Decimal(0)))
    mt = gv.monthly_tax(after.tax.after, base, tax["wage_brackets"])
    income_tax = mt.tax - min(mt.tax, after.remaining_income_tax_exemption)
    deductions.append(("income_tax", "Gelir vergisi", income_tax,
                       f"{REF_14_TAX}; matrah {format_money(base)}, kümülatif {format_money(mt.before)} üzerine, "
                       f"kalan istisna {format_money(after.remaining_income_tax_exemption)}"))
    stamp_base = sum((l.amount for l in lines if l.stamp), Decimal(0))
    stamp_before = kurus(stamp_base * tax["stamp_duty_rate"])
    stamp = stamp_before - min(stamp_before, after.remaining_stamp_exemption)
    deductions.append(("stamp_tax", "Damga vergisi", stamp,
                       f"{REF_DAMGA}; matrah {format_money(stamp_base)}, kalan istisna {format_money(after.remaining_stamp_exemption)}"))
    for _, label, amount, ref in deductions:
        ex.add(f"14 günlük fark kesintisi: {label}", amount, ref, "money")
    net = gross - sum((d[2] for d in deductions), Decimal(0))
    ex.add("14 günlük fark, net (ek bordro)", net, "Brüt fark − kesintiler", "money")
    for name, label, amount, _ in deductions:
        rows.append({"name": name, "label": label, "monthly_difference": None, "amount": -amount, "bears": "kesinti"})
    return {"gross": gross, "net": net, "days": days, "day_count_basis": basis,
            "from": first, "to": first + timedelta(days=days - 1), "old_period": old.id, "new_period": new.id,
            "lines": rows}


def compute(v: dict, ctx: Context) -> dict:
    with raise_forecast.assuming(v["forecast_inflation"], ctx.explain) as assumed:  # only months with no table
        out = compare_months(v, ctx)
    out["forecast"] = raise_forecast.forecast_result(assumed)
    return out


def compare_months(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    y0, m0 = parse_month(v["month_before"])
    y1, m1 = parse_month(v["month_after"])
    t0, _ = tables_for(y0, m0, "month_before")
    t1, tax1 = tables_for(y1, m1, "month_after")
    ctx.use(t1)
    ctx.use(tax1)
    p = person_from(v)
    warn_inputs(p, v, ex)
    # each payslip in full, in its own scratch explanation; only the comparison is shown step by step
    scratch0, scratch1 = Explanation(), Explanation()
    before = payslip(p, y0, m0, None, scratch0)
    after = payslip(p, y1, m1, None, scratch1)
    for w in dict.fromkeys(scratch0.warnings + scratch1.warnings):
        ex.warn(w)
    ex.add("Karşılaştırılan aylar", f"{month_label(y0, m0)} ({t0.title} tablosu) → {month_label(y1, m1)} ({t1.title} tablosu)",
           "657 DMK md.154: katsayılar Ocak ve Temmuz genelgeleriyle değişir")
    ex.add("Aylık katsayısı: önce → sonra", f"{format_number(t0['monthly_coefficient'], None)} → {format_number(t1['monthly_coefficient'], None)}",
           t1.ref("monthly_coefficient"), "text")
    rows = compare(before, after)
    for r in rows:
        ex.add(f"{r['label']}: {format_money(r['before'])} → {format_money(r['after'])}", r["difference"],
               r["reference"], "money")
    net_diff = after.net - before.net
    ex.add("Net fark", net_diff, "Sonraki ayın neti − önceki ayın neti", "money")
    if before.net:
        ex.add("Net artış oranı", (net_diff / before.net).quantize(Decimal("0.0001")), "Net fark ÷ önceki net", "rate")
    if after.tax.slices and before.tax.slices and after.tax.slices[-1].rate != before.tax.slices[-1].rate:
        ex.warn("İki ay farklı vergi dilimlerinde: artışın bir kısmı gelir vergisi dilim geçişiyle eriyor.")
    extra = {}
    fourteen = fourteen_day(p, y1, m1, after, ex)
    if fourteen is not None:
        extra = {"fourteen_day_difference": fourteen, "fourteen_day_gross": fourteen["gross"],
                 "fourteen_day_net": fourteen["net"], "fourteen_day_lines": fourteen["lines"]}
    return {
        "net_difference": net_diff, "gross_difference": after.gross - before.gross,
        "net_before": before.net, "net_after": after.net, "gross_before": before.gross, "gross_after": after.gross,
        "deductions_difference": after.total_deductions - before.total_deductions,
        "employer_cost_difference": after.employer_cost - before.employer_cost,
        "net_change_rate": (net_diff / before.net).quantize(Decimal("0.0001")) if before.net else None,
        "period_before": before.period, "period_after": after.period,
        "lines": rows, "before": before.result(), "after": after.result(), **extra,
    }


CALCULATOR = Calculator(
    id="pay/raise-difference",
    title="Zam farkı: iki ayın bordrosu satır satır",
    description=(
        "Aynı kişinin iki aydaki bordrosunu (örneğin Haziran ve Temmuz 2026) pay/salary motoruyla hesaplar ve her satırın "
        "farkını verir: katsayı artışı, toplu sözleşme ikramiyesi ayı, gelir vergisi diliminin değişmesi ve asgari ücret "
        "istisnasının ay ay değişimi ayrı ayrı görünür. Her ayın kümülatif vergi matrahı Ocak'tan o aya kadar aynı bordro "
        "varsayılarak hesaplanır (tahmin). Maaş hesaplayıcısındaki okumalar ve tahminler burada da geçerlidir."
    ),
    inputs=(
        month_field("month_before", "Önceki ay", month_before_newest()),
        month_field("month_after", "Sonraki ay", newest_month()),
        *person_fields(),
        raise_forecast.forecast_field(),
    ),
    outputs=(
        Output("net_difference", "Net fark", "money", main=True),
        Output("gross_difference", "Brüt fark", "money", main=True),
        Output("net_before", "Önceki ay net", "money", main=True),
        Output("net_after", "Sonraki ay net", "money", main=True),
        Output("net_change_rate", "Net artış oranı", "rate"),
        Output("deductions_difference", "Kesinti farkı", "money"),
        Output("employer_cost_difference", "İşverene maliyet farkı (tahmin)", "money"),
        Output("period_before", "Önceki ayın parametre dönemi", "text"),
        Output("period_after", "Sonraki ayın parametre dönemi", "text"),
        Output("lines", "Kalem kalem önce ve sonra", "rows",
               columns=(("label", "Kalem", "text"), ("before", "Önce", "money"), ("after", "Sonra", "money"),
                        ("difference", "Fark", "money")), chart="before-after"),
        Output("fourteen_day_net", "14 günlük fark, net (ek bordro)", "money", main=True),
        Output("fourteen_day_gross", "14 günlük fark, brüt", "money"),
        Output("fourteen_day_lines", "14 günlük fark kalem kalem", "rows",
               columns=(("label", "Kalem", "text"), ("monthly_difference", "Aylık fark", "money"),
                        ("amount", "14 günlük tutar", "money"), ("bears", "Kesintiler", "text"))),
    ),
    compute=compute,
    parameter_set=SET,
    period_input="month_after",
    references=("657 DMK md.154", "HMB Ocak/Temmuz Mali ve Sosyal Haklar Genelgeleri", "GVK md.103"),
    example={"month_before": "2026-06", "month_after": "2026-07", "title": "hemsire", "grade": 1, "step": 4,
             "service_years": 15, "additional_indicator": 3600, "spouse_not_working": True, "children_under_6": 1,
             "children_over_6": 1, "union_member": True, "union_dues": "250"},
)
