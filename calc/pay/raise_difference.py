"""pay/raise-difference: the same person's payslip in two months (e.g. June and July 2026), line by line.

Both payslips come from pay/salary's engine; each month uses its own parameter table and its own
cumulative income-tax base (January to the month before, same payslip assumed, unless given).
"""

from __future__ import annotations

from decimal import Decimal

from ..explain import Explanation
from ..numbers import format_money, format_number
from ..calculator import Calculator, Context, Output
from .salary import Payslip, payslip
from .salary_inputs import (SET, month_before_newest, month_field, month_label, newest_month, parse_month,
                            person_fields, person_from, tables_for, warn_inputs)


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


def compute(v: dict, ctx: Context) -> dict:
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
    return {
        "net_difference": net_diff, "gross_difference": after.gross - before.gross,
        "net_before": before.net, "net_after": after.net, "gross_before": before.gross, "gross_after": after.gross,
        "deductions_difference": after.total_deductions - before.total_deductions,
        "employer_cost_difference": after.employer_cost - before.employer_cost,
        "net_change_rate": (net_diff / before.net).quantize(Decimal("0.0001")) if before.net else None,
        "period_before": before.period, "period_after": after.period,
        "lines": rows, "before": before.result(), "after": after.result(),
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
    ),
    compute=compute,
    parameter_set=SET,
    period_input="month_after",
    references=("657 DMK md.154", "HMB Ocak/Temmuz Mali ve Sosyal Haklar Genelgeleri", "GVK md.103"),
    example={"month_before": "2026-06", "month_after": "2026-07", "title": "hemsire", "grade": 1, "step": 4,
             "service_years": 15, "additional_indicator": 3600, "spouse_not_working": True, "children_under_6": 1,
             "children_over_6": 1, "union_member": True, "union_dues": "250"},
)
