"""Döner sermaye ek ödemesi calculators (issue 5): worked examples, properties, bad input."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calc import InputError, params
from calc.pay import active_days, net_performance, performance_month, sick_report

D = Decimal


def run(calc, inputs):
    return calc.CALCULATOR.run(inputs)


def result(calc, inputs):
    return run(calc, inputs)["result"]


def steps_text(out) -> str:
    return "\n".join(f"{s['label']} {s['value']} {s['reference']}" for s in out["steps"])


# --- parameter table ------------------------------------------------------------------------------

def test_parameter_set_loads_and_every_value_is_referenced():
    tables = params.load_set("performance")
    t = tables[-1]
    assert all(p.reference for p in t.params.values())
    assert t["ceiling_rates"]["uzman"]["percent"] == 850
    assert t["ceiling_rates"]["diger_riskli_birim"]["percent"] == 260
    assert t["fixed_payment_rates"]["pratisyen_dis"]["percent"] == 265
    # the values taken from the issue (regulation text not reachable) say so
    for key in ("protected_leave_per_month", "clinic_average_weight", "emergency_unit_coefficient",
                "dentist_integrated_unit_coefficient"):
        assert "doğrulanamadı" in t.get(key).note


# --- pay/active-days ------------------------------------------------------------------------------

def test_intensive_care_nurse_twelve_days_leave():
    out = run(active_days, {"month_days": 30, "annual_leave_days": 12})
    r = out["result"]
    assert r["coefficient"] == "0.76"          # 23/30 = 0,766… truncated, not rounded to 0,77
    assert D(r["counted_days"]) == 23
    assert r["protected_leave_days"] == 5
    assert r["unprotected_leave_days"] == 7
    assert r["protected_leave_left_this_year"] == 7


def test_protected_days_limited_by_what_is_left_this_year():
    r = result(active_days, {"annual_leave_days": 4, "protected_leave_used_this_year": 10})
    assert r["protected_leave_days"] == 2
    assert D(r["counted_days"]) == 28
    assert r["coefficient"] == "0.93"


def test_third_level_clinician_protected_leave_keeps_coefficient_at_one():
    out = run(active_days, {"annual_leave_days": 5, "staff_group": "third_level_clinician"})
    assert out["result"]["coefficient"] == "1.00"
    assert "Üçüncü basamak" in steps_text(out)


def test_nursing_leave_is_not_a_day_off():
    r = result(active_days, {"nursing_leave_days": 20})
    assert r["coefficient"] == "1.00"


def test_half_day_work_after_maternity_leave_converts_hours_to_days():
    out = run(active_days, {"half_day_days": 10})
    r = out["result"]
    assert D(r["half_day_unworked_hours"]) == 10       # 8 − (4 + 3) = 1 hour a day
    assert D(r["half_day_unworked_days"]) == D("1.25")  # 10 h ÷ 8 h
    assert D(r["counted_days"]) == D("28.75")
    assert r["coefficient"] == "0.95"                  # 28,75/30 = 0,958… truncated
    assert "657 DMK md.104/F" in steps_text(out)


def test_half_day_second_six_months_nursing_hours():
    r = result(active_days, {"half_day_days": 8, "half_day_nursing_hours": "1.5"})
    assert D(r["half_day_unworked_hours"]) == 20        # 8 days × 2,5 h
    assert D(r["half_day_unworked_days"]) == D("2.5")


@given(month=st.integers(28, 31), leave=st.integers(0, 31), used=st.integers(0, 12), other=st.integers(0, 31),
       half=st.integers(0, 31), worked=st.integers(0, 8))
def test_coefficient_between_zero_and_one(month, leave, used, other, half, worked):
    assume(leave <= month and leave + other + half <= month)
    r = result(active_days, {"month_days": month, "annual_leave_days": leave, "protected_leave_used_this_year": used,
                             "other_absent_days": other, "half_day_days": half,
                             "half_day_hours_worked": min(worked, 5)})
    c = D(r["coefficient"])
    assert 0 <= c <= 1
    assert c == c.quantize(D("0.01"))


@given(month=st.integers(28, 31), leave=st.integers(0, 30), used=st.integers(0, 12), other=st.integers(0, 30))
def test_more_leave_never_raises_the_coefficient(month, leave, used, other):
    assume(leave + 1 + other <= month)
    base = {"month_days": month, "protected_leave_used_this_year": used, "other_absent_days": other}
    a = D(result(active_days, base | {"annual_leave_days": leave})["coefficient"])
    b = D(result(active_days, base | {"annual_leave_days": leave + 1})["coefficient"])
    assert b <= a


# --- pay/sick-report-deduction --------------------------------------------------------------------

def test_report_three_days_to_the_kurus():
    out = run(sick_report, {"fixed_payment": "1580", "performance_payment": "200", "report_days": 3})
    r = out["result"]
    assert r["daily_amount"] == "59.33"
    assert r["deduction"] == "178.00"          # 1780/30 × 3 exactly; the published "about 177" rounds first
    assert r["performance_after"] == "22.00"
    assert r["fixed_after"] == "1580"
    text = steps_text(out)
    assert "177,00 TL" in text and "177,99 TL" in text


def test_report_four_days_takes_the_whole_performance_part():
    r = result(sick_report, {"fixed_payment": "1.580,00", "performance_payment": "200", "report_days": 4})
    assert r["deduction"] == "200.00"
    assert D(r["performance_after"]) == 0
    assert D(r["fixed_after"]) == D(1580)


money = st.decimals(min_value=0, max_value=200000, places=2)


@given(fixed=money, perf=money, days=st.integers(0, 30))
def test_deduction_capped_and_fixed_part_untouched(fixed, perf, days):
    r = result(sick_report, {"fixed_payment": str(fixed), "performance_payment": str(perf), "report_days": days})
    assert D(r["fixed_after"]) == fixed
    assert 0 <= D(r["deduction"]) <= perf
    assert D(r["performance_after"]) == perf - D(r["deduction"])
    assert D(r["performance_after"]) >= 0


@given(fixed=money, perf=money, days=st.integers(0, 29))
def test_one_more_report_day_never_pays_more(fixed, perf, days):
    base = {"fixed_payment": str(fixed), "performance_payment": str(perf)}
    a = D(result(sick_report, base | {"report_days": days})["performance_after"])
    b = D(result(sick_report, base | {"report_days": days + 1})["performance_after"])
    assert b <= a


# --- pay/net-performance --------------------------------------------------------------------------

NET = {"clinic_average": "10000", "facility_average": "8000", "unit_title_coefficient": "2.5",
       "active_days_coefficient": "0.76", "science_points": "500", "physician_points": "12000", "extra_points": "300"}


def test_md10_formula():
    # [(10000×0,75 + 8000×0,25) × 2,5 × 0,76] + 500 + [(12000 − 10000×0,76) × 0,5] + 300×0,76
    # = 18050 + 500 + 2200 + 228
    assert D(result(net_performance, NET)["net_performance_points"]) == D(20978)


def test_negative_middle_bracket_subtracts_by_default_and_can_be_zeroed():
    low = NET | {"physician_points": "5000"}     # 5000 − 7600 = −2600 → −1300
    assert D(result(net_performance, low)["net_performance_points"]) == D(18050 + 500 - 1300 + 228)
    zeroed = result(net_performance, low | {"negative_excess_rule": "zero"})
    assert D(zeroed["net_performance_points"]) == D(18050 + 500 + 228)


def test_dentist_outside_centre_takes_the_higher():
    base = {"facility_average": "8000", "unit_title_coefficient": "1.2", "active_days_coefficient": "0.9",
            "dentist_mode": "outside_centre"}
    on_facility = D(8000) * D("1.2") * D("0.9")                       # 8640
    assert D(result(net_performance, base | {"physician_points": "7000"})["net_performance_points"]) == on_facility
    assert D(result(net_performance, base | {"physician_points": "7500"})["net_performance_points"]) == D(9000)


def test_dentist_in_integrated_hospital_uses_own_points_with_1_30():
    out = run(net_performance, {"facility_average": "90000", "unit_title_coefficient": "1", "physician_points": "7000",
                                "dentist_mode": "integrated_hospital"})
    assert D(out["result"]["net_performance_points"]) == D(9100)      # no comparison with the facility average
    assert out["warnings"]


@given(k=st.decimals(min_value=1, max_value=5, places=2), clinic=st.integers(0, 50000), facility=st.integers(0, 50000),
       own=st.integers(0, 80000), acgk=st.integers(0, 99), rule=st.sampled_from(["subtract", "zero"]))
def test_physician_score_never_falls_when_more_days_are_worked(k, clinic, facility, own, acgk, rule):
    base = {"clinic_average": clinic, "facility_average": facility, "unit_title_coefficient": str(k),
            "physician_points": own, "negative_excess_rule": rule}
    lower = D(result(net_performance, base | {"active_days_coefficient": str(D(acgk) / 100)})["net_performance_points"])
    higher = D(result(net_performance, base | {"active_days_coefficient": str(D(acgk + 1) / 100)})["net_performance_points"])
    assert higher >= lower


# --- pay/performance-month ------------------------------------------------------------------------

def test_month_example_nurse():
    out = run(performance_month, performance_month.CALCULATOR.example)
    r = out["result"]
    assert r["active_days_coefficient"] == "0.76"
    assert D(r["net_performance_points"]) == D(3344)              # 8000 × 0,55 × 0,76
    assert r["fixed_payment"] == "1580"
    assert D(r["report_deduction"]) == D("334.40")                # 3344/30 × 3
    assert D(r["expected_payment"]) == D(1580) + D(1764) - D("334.40")
    assert D(r["cost_annual_leave"]) == D(4400) - D(3344)         # 7 unprotected days
    assert D(r["absence_cost_total"]) == D(4400) - D(r["expected_payment"])


def test_second_level_gp_leave_days_paid_at_facility_average():
    # Acil serviste pratisyen: 25 days worked, 5 days leave → 5 days at facility average × 1,40.
    out = run(performance_month, {"annual_leave_days": 5, "formula": "second_level_procedure",
                                  "facility_average": "6000", "unit_title_coefficient": "1.40",
                                  "physician_points": "9000", "point_value": "1", "title": "pratisyen_tabip",
                                  "fixed_payment": "0"})
    r = out["result"]
    assert r["active_days_coefficient"] == "1.00"
    assert D(r["net_performance_points"]) == D(9000) + D(6000) * D("1.40") * 5 / 30   # 9000 + 1400
    assert "acil servis 1,40" in steps_text(out)


def test_twelve_points_is_a_step_not_money():
    out = run(performance_month, performance_month.CALCULATOR.example)
    step = next(s for s in out["steps"] if s["label"].startswith("12 puan"))
    assert "375 KHK ek 9" in step["reference"]
    assert "ayrıca ek ödeme yapılmaz" in step["value"]


def test_physician_fixed_payment_from_rate_and_ceiling():
    out = run(performance_month, {"formula": "physician", "clinic_average": "20000", "facility_average": "16000",
                                  "unit_title_coefficient": "3", "physician_points": "20000", "point_value": "2",
                                  "title": "uzman", "ceiling_base": "10000",
                                  "highest_civil_servant_salary": "14967.36"})
    r = out["result"]
    assert r["fixed_payment"] == "50140.66"          # 14.967,36 × %335 = 50.140,656 → kuruş
    assert r["ceiling"] == "85000.00"                # 10.000 × %850
    assert D(r["performance_payment"]) == D(85000) - D("50140.66")
    assert "209 s.K. ek md.3" in steps_text(out)


def test_physician_title_needs_a_fixed_payment():
    with pytest.raises(InputError) as e:
        run(performance_month, {"point_value": "1", "title": "uzman", "unit_title_coefficient": "2"})
    assert e.value.field == "fixed_payment"


def test_reports_counted_in_active_days_instead():
    base = dict(performance_month.CALCULATOR.example)
    r = result(performance_month, base | {"report_method": "active_days"})
    assert r["active_days_coefficient"] == "0.66"     # (30 − 7 − 3) / 30
    assert D(r["report_deduction"]) == 0


MONTH = {"formula": "physician", "clinic_average": "12000", "facility_average": "9000", "unit_title_coefficient": "2",
         "physician_points": "11000", "point_value": "1.5", "title": "uzman", "ceiling_base": "30000",
         "fixed_payment": "20000"}


@given(leave=st.integers(0, 29), other=st.integers(0, 10), reports=st.integers(0, 10), used=st.integers(0, 12),
       formula=st.sampled_from(["physician", "other_staff"]), method=st.sampled_from(["published_daily", "active_days"]))
def test_more_absence_never_raises_the_payment(leave, other, reports, used, formula, method):
    assume(leave + 1 + other + reports <= 30)
    base = MONTH | {"formula": formula, "report_method": method, "other_absent_days": other,
                    "report_days": reports, "protected_leave_used_this_year": used}
    a = result(performance_month, base | {"annual_leave_days": leave})
    b = result(performance_month, base | {"annual_leave_days": leave + 1})
    assert D(b["expected_payment"]) <= D(a["expected_payment"])
    c = result(performance_month, base | {"annual_leave_days": leave, "other_absent_days": other + 1})
    assert D(c["expected_payment"]) <= D(a["expected_payment"])
    assert a["fixed_payment"] == b["fixed_payment"] == c["fixed_payment"]


@given(reports=st.integers(0, 30))
def test_fixed_part_never_changes_with_reports(reports):
    r = result(performance_month, MONTH | {"report_days": reports})
    assert D(r["fixed_payment"]) == D(20000)
    assert D(r["performance_payment"]) >= 0
    assert D(r["expected_payment"]) >= D(20000)


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("calc, inputs, field", [
    (active_days, {"annual_leave_days": 31}, "annual_leave_days"),
    (active_days, {"month_days": 28, "annual_leave_days": 29}, "annual_leave_days"),
    (active_days, {"protected_leave_used_this_year": 13}, "protected_leave_used_this_year"),
    (active_days, {"annual_leave_days": 20, "other_absent_days": 15}, "other_absent_days"),
    (active_days, {"half_day_days": 5, "half_day_hours_worked": 6}, "half_day_hours_worked"),
    (active_days, {"month_days": 32}, "month_days"),
    (sick_report, {"fixed_payment": 1, "performance_payment": 1, "report_days": 31}, "report_days"),
    (sick_report, {"fixed_payment": -1, "performance_payment": 1}, "fixed_payment"),
    (net_performance, NET | {"physician_points": "-5"}, "physician_points"),
    (net_performance, NET | {"active_days_coefficient": "1.2"}, "active_days_coefficient"),
    (net_performance, NET | {"active_days_coefficient": "0.765"}, "active_days_coefficient"),
    (net_performance, NET | {"unit_title_coefficient": "-0.5"}, "unit_title_coefficient"),
    (performance_month, MONTH | {"report_days": 20, "annual_leave_days": 12}, "other_absent_days"),
])
def test_bad_input_names_the_field_in_turkish(calc, inputs, field):
    with pytest.raises(InputError) as e:
        run(calc, inputs)
    assert e.value.field == field
    label = next(f.label for f in calc.CALCULATOR.inputs if f.name == field)
    assert f"“{label}”" in e.value.message
    assert e.value.field == field and f"({field})" not in e.value.message  # the label, not the key


def _cli(monkeypatch, capsys, args, inputs):
    from calc.cli import main
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(inputs)))
    code = main(args)
    return code, capsys.readouterr()


def test_cli_text_output(monkeypatch, capsys):
    code, out = _cli(monkeypatch, capsys, ["run", "pay/active-days", "--format", "text"], {"annual_leave_days": 12})
    assert code == 0
    assert "Aktif çalışılan gün katsayısı: 0,76" in out.out


def test_cli_bad_input_exits_2_without_traceback(monkeypatch, capsys):
    code, out = _cli(monkeypatch, capsys, ["run", "pay/active-days"], {"annual_leave_days": 40})
    assert code == 2
    assert out.out == ""
    assert "Bu ay kullanılan yıllık izin" in out.err and "Traceback" not in out.err
    assert len(out.err.strip().splitlines()) == 1


@pytest.mark.parametrize("calc", [active_days, sick_report, net_performance, performance_month])
def test_examples_run_and_schema_lists_bounds(calc):
    c = calc.CALCULATOR
    out = c.run(c.example)
    assert out["parameters"] == params.periods("performance")[-1].id
    assert out["steps"]
    main = [o.name for o in c.outputs if o.main]
    assert main and all(name in out["result"] for name in main)
    json.dumps(c.schema())
