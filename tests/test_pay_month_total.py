"""pay/month-total (issue 19): each part equals its own calculator's answer, and the parts share one tax base
and one exemption pool. Period-pinned: every test names its month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import InputError, params, run
from calc.money import kurus
from calc.pay import month_total, performance_month
from calc.pay import income_tax as gv

D = Decimal

PERSON = {"title": "hemsire", "grade": 1, "step": 4, "service_years": 15, "additional_indicator": 3600,
          "side_payment_points": 1100, "special_service_rate": "80", "extra_payment_rate": "48",
          "spouse_not_working": True, "children_under_6": 1, "children_over_6": 1, "union_member": True,
          "union_dues": "250"}
HOURS = {"hours_normal": 48, "hours_normal_night": 40, "hours_risky": 24}
DONER = {"absences": [{"from": "2026-07-13", "to": "2026-07-24", "kind": "annual_leave"}], "formula": "other_staff",
         "facility_average": "8000", "unit_title_coefficient": "0.55", "point_value": "3.5"}


def total(month: str, **extra) -> dict:
    return run("pay/month-total", {"month": month, **PERSON, "on_call_group": "lisans", **HOURS, **DONER,
                                   "performance_title": "diger_riskli_birim", **extra})


def test_example_names_its_month():
    assert month_total.CALCULATOR.example["month"] == "2026-07"
    out = run("pay/month-total", month_total.CALCULATOR.example)
    assert out["parameters"] == "2026-07"


def test_each_part_is_its_own_calculator_and_they_share_one_base():
    out = total("2026-07")
    r = out["result"]
    salary = run("pay/salary", {"month": "2026-07", **PERSON})["result"]
    assert r["parts"]["salary"] == {"gross": salary["gross"], "net": salary["net"]}

    on_call = run("pay/on-call", {"month": "2026-07", "staff_group": "lisans", **HOURS,
                                  "stamp_exemption_left": salary["remaining_stamp_tax_exemption"]})["result"]
    assert r["parts"]["on_call"] == {"gross": on_call["gross"], "net": on_call["net"]}

    # the döner sermaye part: the month estimate with the payslip's ceiling base and ek 9, on the salary's base
    lines = {l["name"]: D(l["amount"]) for l in salary["lines"]}
    ceiling = sum(lines[n] for n in ("monthly_salary", "additional_indicator", "base_salary", "seniority_salary",
                                     "side_payment", "special_service"))
    doner = run("pay/performance-month", {"month": "2026-07", **DONER, "title": "diger_riskli_birim",
                                          "ceiling_base": str(ceiling), "fixed_payment": str(lines["extra_payment"]),
                                          "cumulative_base_before": salary["cumulative_base_after"],
                                          "income_tax_exemption_left": salary["remaining_income_tax_exemption"]})["result"]
    assert r["parts"]["performance"] == {"gross": doner["paid_amount"], "net": doner["net"]}
    assert r["absence_cost_total"] == doner["absence_cost_total"]
    assert D(r["net_total"]) == sum(D(p["net"]) for p in r["parts"].values())
    assert r["table"][-1]["net"] == r["net_total"]


def test_fixed_part_is_not_added_twice():
    # tabip dışı personel: the 375 KHK ek 9 line is in the salary; the döner part is only what exceeds it
    out = total("2026-07")
    r = out["result"]
    salary = run("pay/salary", {"month": "2026-07", **PERSON})["result"]
    ek9 = next(D(l["amount"]) for l in salary["lines"] if l["name"] == "extra_payment")
    points = D(8000) * D("0.55") * D(r["active_days_coefficient"])
    assert D(r["parts"]["performance"]["gross"]) == kurus(points * D("3.5")) - ek9


def test_minimum_wage_exemption_left_by_the_salary_goes_to_the_performance_payment():
    # a low salary (15th grade, no extras) in January leaves part of the GVK md.23/18 exemption unused
    low = {"title": "diger", "grade": 15, "step": 1, "service_years": 0, "union_member": False}
    out = run("pay/month-total", {"month": "2026-01", **low, "formula": "other_staff", "facility_average": "8000",
                                  "unit_title_coefficient": "1", "point_value": "2", "performance_title": "diger"})
    r = out["result"]
    salary = run("pay/salary", {"month": "2026-01", **low})["result"]
    left = D(salary["remaining_income_tax_exemption"])
    assert left > 0
    tax_table = params.table_for("income_tax", date(2026, 1, 1))
    gross = D(r["parts"]["performance"]["gross"])
    computed = gv.monthly_tax(D(salary["cumulative_base_after"]), gross, tax_table["wage_brackets"]).tax
    assert D(r["performance_income_tax"]) == max(computed - left, D(0))
    assert D(r["remaining_income_tax_exemption"]) == left - min(computed, left)


def test_without_a_point_value_there_is_no_performance_part():
    out = run("pay/month-total", {"month": "2026-07", **PERSON})
    r = out["result"]
    assert r["parts"]["performance"] == {"gross": "0.00", "net": "0.00"}
    assert r["parts"]["on_call"] == {"gross": "0.00", "net": "0.00"}
    assert r["net_total"] == run("pay/salary", {"month": "2026-07", **PERSON})["result"]["net"]


def test_physician_fixed_payment_from_the_month_table():
    out = total("2026-07", formula="physician", clinic_average="12000", facility_average="9000",
                unit_title_coefficient="2", physician_points="11000", performance_title="uzman", title="uzman_tabip")
    table = params.table_for("salary", date(2026, 7, 1))
    highest = table["highest_civil_servant_indicator"] * table["monthly_coefficient"]
    steps = " ".join(f"{s['label']} {s['reference']}" for s in out["steps"])
    assert "9500 gösterge × aylık katsayısı 1,575512" in steps
    r = out["result"]
    assert D(r["parts"]["performance"]["gross"]) >= kurus(highest * 335 / 100)


def test_every_step_has_a_reference():
    out = total("2026-07")
    assert all(s["reference"] for s in out["steps"])


def test_unit_coefficient_needed_with_a_point_value():
    with pytest.raises(InputError) as e:
        run("pay/month-total", {"month": "2026-07", **PERSON, "point_value": "2"})
    assert e.value.field == "unit_title_coefficient"
    assert "“Kadro-unvan / birim katsayısı”" in e.value.message


def test_performance_title_has_no_default():
    inputs = dict(month_total.CALCULATOR.example)
    del inputs["performance_title"]
    with pytest.raises(InputError) as e:
        run("pay/month-total", inputs)
    assert e.value.field == "performance_title" and "“Döner sermaye unvanı (tavan oranı için)”" in e.value.message


def test_month_is_required():
    with pytest.raises(InputError) as e:
        run("pay/month-total", {**PERSON})
    assert e.value.field == "month"


@settings(max_examples=25, deadline=None)
@given(pv=st.decimals(min_value=0, max_value=10, places=2), hours=st.integers(0, 130))
def test_more_pay_never_lowers_the_total_net(pv, hours):
    a = total("2026-07", point_value=str(pv), hours_normal=hours)["result"]
    b = total("2026-07", point_value=str(pv + D("0.5")), hours_normal=hours)["result"]
    assert D(b["net_total"]) >= D(a["net_total"])
    assert D(a["net_total"]) == sum(D(p["net"]) for p in a["parts"].values())


# --- performance-month on its own: TL, tax, the month's tables ---------------------------------------

UZMAN = {"formula": "physician", "clinic_average": "20000", "facility_average": "16000", "unit_title_coefficient": "3",
         "physician_points": "20000", "point_value": "2", "title": "uzman", "ceiling_base": "10000"}


def test_highest_salary_comes_from_the_month_table():
    out = performance_month.CALCULATOR.run(UZMAN | {"month": "2026-07"})
    table = params.table_for("salary", date(2026, 7, 1))
    assert table["highest_civil_servant_indicator"] == 9500
    exact = table["highest_civil_servant_indicator"] * table["monthly_coefficient"]
    assert out["result"]["fixed_payment"] == str(kurus(exact * 335 / 100))
    step = next(s for s in out["steps"] if s["label"].startswith("En yüksek Devlet memuru aylığı"))
    assert "657 DMK md.43" in step["reference"] and "md.154" in step["reference"]


def test_typed_highest_salary_overrides_with_a_warning():
    out = performance_month.CALCULATOR.run(UZMAN | {"month": "2026-07", "highest_civil_servant_salary": "14000"})
    assert out["result"]["fixed_payment"] == str(kurus(D(14000) * 335 / 100))
    assert any("yazdığınız" in w for w in out["warnings"])


def test_empty_highest_salary_without_a_month_names_fields_by_label():
    with pytest.raises(InputError) as e:
        performance_month.CALCULATOR.run(UZMAN)
    assert e.value.field == "fixed_payment"
    assert "“Sabit kısım (bordronuzdan)”" in e.value.message and "“Ay (YYYY-AA)”" in e.value.message
    assert "highest_civil_servant_salary" not in e.value.message and "(fixed_payment)" not in e.value.message


def test_month_estimate_tax_on_top_of_the_salary_base():
    # 250.000 TL cumulative with the salary: the payment falls in the 20 % bracket (2026: 190.000–400.000)
    r = performance_month.CALCULATOR.run(UZMAN | {"month": "2026-07", "cumulative_base_before": "250000"})["result"]
    paid = D(r["paid_amount"])
    assert paid == D(r["fixed_payment"]) + D(r["performance_payment"])      # physicians: sabit ek ödeme included
    assert D(r["income_tax"]) == kurus(paid * D("0.20"))
    assert D(r["stamp_tax"]) == kurus(paid * D("0.00759"))
    assert D(r["net"]) == paid - D(r["income_tax"]) - D(r["stamp_tax"])
    assert r["income_tax_estimated"] is False


def test_month_estimate_without_base_says_it_is_an_estimate():
    out = performance_month.CALCULATOR.run(UZMAN | {"month": "2026-07"})
    assert out["result"]["income_tax_estimated"] is True
    assert any("tahmindir" in w for w in out["warnings"])


def test_net_performance_in_tl():
    r = run("pay/net-performance", {"clinic_average": "10000", "facility_average": "8000", "unit_title_coefficient": "2.5",
                                    "active_days_coefficient": "0.76", "science_points": "500", "physician_points": "12000",
                                    "extra_points": "300", "point_value": "1.25"})["result"]
    assert D(r["net_performance_points"]) == 20978
    assert r["net_performance_amount"] == "26222.50"                   # 20.978 × 1,25


def test_a_month_before_the_first_salary_table_names_the_month_field():
    from datetime import timedelta
    before = params.periods("salary")[0].valid_from - timedelta(days=1)     # derived from the data, not a literal
    with pytest.raises(InputError) as e:
        performance_month.CALCULATOR.run(UZMAN | {"month": f"{before:%Y-%m}"})
    assert e.value.field == "month"
    assert "“Ay (YYYY-AA)”" in e.value.message and "(month)" not in e.value.message
    with pytest.raises(InputError) as e:
        run("pay/month-total", {"month": f"{before:%Y-%m}", **PERSON})
    assert e.value.field == "month" and "(month)" not in e.value.message
