"""pay/salary: every payslip line, deductions and taxes. Published figures are data: tests/cases/pay-salary.toml.

Sources of the figures the rule tests below also use:
- 2025 H1 taban aylık 15.848,42; kıdem 20,25 TL/yıl; ÖHT tavanı 9.619,28; TS ikramiyesi 715,88:
  https://mevzuattakip.com.tr/mevzuat/2025-yili-devlet-memurlari-maas-kaysayilari/export/print
- 2026 H1 aile yardımı 3.154,63 / 693,94 / 346,97: HMB 2026/1 Mali ve Sosyal Haklar Genelgesi (mondaq özeti 07.01.2026)
- 375 KHK ek 40, 2026 H2: 15.965 × 1,575512 = 25.153,05 (rule:
  https://github.com/yazkizim/yazkizim2.github.io/blob/08079b4a2e1fcf3f19ec8766197ba8c4de7e8942/_posts/2023-09-03-toplu-sozlesme-ne-degistir.md)
"""

from decimal import Decimal as D

import pytest

from staffkit import month_after_every_table

from calc import InputError, params, run

BASE = {"month": "2026-07", "title": "hemsire", "grade": 1, "step": 4, "service_years": 10, "union_member": False}


def slip(**kw):
    return run("pay/salary", {**BASE, **kw})


def line(out, name):
    rows = [l for l in out["result"]["lines"] + out["result"]["deductions"] if l["name"] == name]
    assert rows, f"{name} missing"
    return D(rows[0]["amount"])


def test_all_periods_validate():
    tables = params.periods("salary")
    ids = [t.id for t in tables]
    assert ids[:4] == ["2025-01", "2025-07", "2026-01", "2026-07"]  # the shipped history; later periods may follow
    assert [t.title for t in tables][:4] == ["2025 Ocak", "2025 Temmuz", "2026 Ocak", "2026 Temmuz"]
    for t in tables:
        for p in t.params.values():
            assert p.reference


def test_monthly_salary_line():
    # 1/4 = 1500 gösterge (657 md.43/A I Numaralı Cetvel) × 1,575512 = 2.363,268 → 2.363,27
    assert line(slip(), "monthly_salary") == D("2363.27")
    # 15/1 = 500 gösterge, 2026 H1: 500 × 1,387871 = 693,9355 → 693,94
    assert line(slip(month="2026-03", grade=15, step=1), "monthly_salary") == D("693.94")


def test_additional_indicator_line():
    assert line(slip(additional_indicator=3600), "additional_indicator") == D("5671.84")  # 3600 × 1,575512 = 5671,8432


def test_seniority_line_and_cap():
    assert line(slip(service_years=10), "seniority_salary") == D("315.10")  # 200 × 1,575512 = 315,1024
    assert line(slip(service_years=25), "seniority_salary") == line(slip(service_years=40), "seniority_salary") == D("787.76")
    assert line(slip(service_years=0), "seniority_salary") == D("0.00")


def test_side_payment_line():
    assert line(slip(side_payment_points=1000), "side_payment") == D("499.65")  # 1000 × 0,499649


def test_special_service_and_extra_payment_lines():
    # ÖHT tavanı 2025 H1 (9.619,28, mevzuattakip): tests/cases/pay-salary.toml
    # 2026 H1 en yüksek DM aylığı 13.184,77; %150 → 19.777,16 (13184,7745 × 1,5 = 19777,16175)
    assert line(slip(month="2026-03", special_service_rate=150), "special_service") == D("19777.16")
    assert line(slip(month="2026-03", extra_payment_rate=50), "extra_payment") == D("6592.39")  # 6592,38725


def test_family_allowance_bears_no_tax():
    a = slip()
    b = slip(spouse_not_working=True, children_under_6=2)
    ga, gb = D(a["result"]["gross"]), D(b["result"]["gross"])
    assert gb - ga == D("3581.14") + 2 * D("787.76")
    assert a["result"]["stamp_tax_base"] == b["result"]["stamp_tax_base"]
    assert a["result"]["income_tax_base"] == b["result"]["income_tax_base"]
    assert D(b["result"]["net"]) - D(a["result"]["net"]) == gb - ga


def test_collective_bonus():
    # 2025 H1: 707 × 1,012556 = 715,88 (mevzuattakip: tests/cases/pay-salary.toml); Jan/Apr/Jul/Oct, members only
    assert line(slip(month="2025-10", union_member=True), "collective_bonus") == D("827.34")
    names = [l["name"] for l in slip(month="2025-02", union_member=True)["result"]["lines"]]
    assert "collective_bonus" not in names
    names = [l["name"] for l in slip(month="2025-01", union_member=False)["result"]["lines"]]
    assert "collective_bonus" not in names
    # 2026: not sourced, taken from the input
    assert line(slip(month="2026-07", union_member=True, collective_bonus="1000"), "collective_bonus") == D("1000")
    assert line(slip(month="2026-07", union_member=True), "collective_bonus") == D("0")


def test_social_security_5510():
    out = slip(additional_indicator=3600, special_service_rate=100, side_payment_points=1000)
    r = out["result"]
    premium = D("2363.27") + D("5671.84") + D("25794.92") + D("315.10") + D("14967.36")
    assert D(r["premium_base"]) == premium
    assert line(out, "pension") == (premium * D("0.09")).quantize(D("0.01"))
    assert line(out, "health") == (premium * D("0.05")).quantize(D("0.01"))
    employer = {e["name"]: D(e["amount"]) for e in r["employer_contributions"]}
    assert employer["pension_employer"] == (premium * D("0.12")).quantize(D("0.01"))
    assert employer["health_employer"] == (premium * D("0.075")).quantize(D("0.01"))
    assert D(r["employer_cost"]) == D(r["gross"]) + sum(employer.values())


def test_social_security_5434_estimate():
    out = slip(pension_scheme="5434")
    premium = D(out["result"]["premium_base"])
    assert line(out, "retirement_5434") == (premium * D("0.16")).quantize(D("0.01"))
    assert any("5434" in w for w in out["warnings"])


def test_income_tax_base_and_union_dues():
    out = slip(union_member=True, union_dues="250", side_payment_points=1000, special_service_rate=100)
    r = out["result"]
    taxable = D("2363.27") + D("25794.92") + D("315.10") + D("499.65")
    assert D(r["income_tax_base"]) == taxable - line(out, "pension") - line(out, "health") - D("250")
    assert line(out, "union_dues") == D("250")


def test_january_tax_and_exemption():
    out = slip(month="2026-01", additional_indicator=3600, side_payment_points=1500)
    r = out["result"]
    base = D(r["income_tax_base"])
    assert D(r["cumulative_base_before"]) == 0
    before = (base * D("0.15")).quantize(D("0.01"))
    assert D(r["income_tax_before_exemption"]) == before
    assert D(r["income_tax_exemption"]) == min(before, D("4211.33"))
    assert D(r["income_tax"]) == before - min(before, D("4211.33"))


def test_stamp_tax_and_exemption():
    r = slip()["result"]
    base = D(r["stamp_tax_base"])
    before = (base * D("0.00759")).quantize(D("0.01"))
    assert D(r["stamp_tax_before_exemption"]) == before
    assert D(r["stamp_tax_exemption"]) == D("250.70")
    assert D(r["stamp_tax"]) == before - D("250.70")
    assert D(r["remaining_stamp_tax_exemption"]) == 0


def test_exemption_left_for_other_payments():
    # a low income-tax base leaves part of the GVK 23/18 pool for other wage payments of the month
    r = slip(month="2026-01", service_years=0)["result"]
    assert D(r["income_tax"]) == 0
    assert D(r["remaining_income_tax_exemption"]) == D("4211.33") - D(r["income_tax_before_exemption"])


def test_net_is_gross_minus_deductions():
    r = slip(union_member=True, union_dues="300", spouse_not_working=True)["result"]
    total = sum(D(d["amount"]) for d in r["deductions"])
    assert D(r["total_deductions"]) == total
    assert D(r["net"]) == D(r["gross"]) - total
    assert D(r["gross"]) == sum(D(l["amount"]) for l in r["lines"])


def test_given_cumulative_base_is_used():
    r = slip(cumulative_base_before="0")["result"]
    assert r["cumulative_base_estimated"] is False
    assert D(r["cumulative_base_before"]) == 0
    est = slip()
    assert est["result"]["cumulative_base_estimated"] is True
    assert any("tahmin" in w for w in est["warnings"])


def test_estimated_cumulative_uses_each_months_table():
    # Jan–Jun 2026 at 2026 Ocak rates, so the July carry-in is 6 × the June base
    june = slip(month="2026-06")["result"]
    july = slip(month="2026-07")["result"]
    assert D(july["cumulative_base_before"]) == 6 * D(june["income_tax_base"])
    assert D(june["cumulative_base_before"]) == 5 * D(june["income_tax_base"])


def crossing_month(person: dict) -> tuple[int, dict]:
    for m in range(1, 13):
        out = slip(**person, month=f"2026-{m:02d}")
        if any(s["label"].startswith("Dilim geçişi") for s in out["steps"]):
            return m, out
    raise AssertionError("no crossing")


def test_bracket_crossing_month_2026():
    person = {"additional_indicator": 3600, "side_payment_points": 2000, "special_service_rate": 150}
    m, out = crossing_month(person)
    r = out["result"]
    before, after = D(r["cumulative_base_before"]), D(r["cumulative_base_after"])
    assert before < D("190000") < after
    # the month's tax: the part up to 190.000 at 15 %, the rest at 20 %
    expected = ((D("190000") - before) * D("0.15") + (after - D("190000")) * D("0.20")).quantize(D("0.01"))
    assert D(r["income_tax_before_exemption"]) == expected
    assert D(r["bracket_rate"]) == D("0.20")
    prev = slip(**person, month=f"2026-{m - 1:02d}")["result"]
    assert D(prev["bracket_rate"]) == D("0.15")
    assert D(prev["cumulative_base_after"]) <= D("190000")


def test_bracket_crossing_with_given_base():
    r = slip(cumulative_base_before="185000", month="2026-09")["result"]
    base = D(r["income_tax_base"])
    expected = (D("5000") * D("0.15") + (base - D("5000")) * D("0.20")).quantize(D("0.01"))
    assert D(r["income_tax_before_exemption"]) == expected
    # September exemption 5.615,10
    assert D(r["income_tax_exemption"]) == min(expected, D("5615.10"))


def test_4b_contract_staff():
    out = slip(employment="4b", contract_wage="40000")
    names = [l["name"] for l in out["result"]["lines"]]
    assert names[0] == "contract_wage" and "monthly_salary" not in names
    assert D(out["result"]["premium_base"]) == D("40000")
    assert "additional_payment_ek40" in names


@pytest.mark.parametrize("inputs, field", [
    ({"grade": 1, "step": 5}, "step"),
    ({"grade": 2, "step": 7}, "step"),
    ({"grade": 0}, "grade"),
    ({"grade": 16}, "grade"),
    ({"month": month_after_every_table()}, "month"),
    ({"month": "2024-12"}, "month"),
    ({"month": "2026/07"}, "month"),
    ({"title": "cerrah"}, "title"),
    ({"children_under_6": -1}, "children_under_6"),
    ({"children_over_6": -2}, "children_over_6"),
    ({"service_years": -1}, "service_years"),
    ({"employment": "4b"}, "contract_wage"),
])
def test_bad_input_names_field(inputs, field):
    with pytest.raises(InputError) as exc:
        slip(**inputs)
    assert exc.value.field == field
    assert exc.value.field == field and f"({field})" not in exc.value.message  # the label, not the key


def test_month_outside_tables_lists_periods():
    with pytest.raises(InputError) as exc:
        slip(month=month_after_every_table())
    for t in params.periods("salary") + params.periods("income_tax"):
        assert t.title in exc.value.message


def test_example_runs():
    from calc import get
    calc = get("pay/salary")
    out = run("pay/salary", calc.example)
    assert D(out["result"]["net"]) > 0
    assert out["parameters"] == "2026-07"


