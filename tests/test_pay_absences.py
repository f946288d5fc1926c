"""Leave, reports and half-day work as dates (issue 19): the seed guidance's worked examples from dates,
the split by month, the 12-day protection in date order, bad ranges. Every test names its month."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from datetime import date, timedelta

from calc import InputError
from calc.dates import days_in_month
from calc.pay import active_days, performance_month

D = Decimal


def run(calc, inputs):
    return calc.CALCULATOR.run(inputs)


def result(calc, inputs):
    return run(calc, inputs)["result"]


def leave(start: str, end: str, kind: str = "annual_leave") -> dict:
    return {"from": start, "to": end, "kind": kind}


# --- the seed guidance's examples, from dates -----------------------------------------------------

def test_seed_nurse_twelve_days_from_dates():
    # 7–18 Eylül 2026: 12 calendar days in a 30-day month → 5 protected, 23/30 → 0,76
    r = result(active_days, {"month": "2026-09", "absences": [leave("2026-09-07", "2026-09-18")]})
    assert r["coefficient"] == "0.76"
    assert r["protected_leave_days"] == 5 and r["unprotected_leave_days"] == 7
    # the same days typed as a count give the same answer
    assert result(active_days, {"month_days": 30, "annual_leave_days": 12})["coefficient"] == r["coefficient"]


def test_seed_nurse_month_estimate_with_leave_and_report_from_dates():
    inputs = dict(performance_month.CALCULATOR.example)
    assert inputs["month"] == "2026-09"
    counted = result(performance_month, {k: v for k, v in inputs.items() if k not in ("month", "absences")}
                     | {"annual_leave_days": 12, "report_days": 3})
    dated = result(performance_month, inputs)
    assert dated["active_days_coefficient"] == "0.76"
    assert D(dated["report_deduction"]) == D("334.40")             # 3344 / 30 × 3
    for key in ("expected_payment", "report_deduction", "performance_payment", "cost_annual_leave", "cost_reports"):
        assert dated[key] == counted[key]


def test_seed_second_level_gp_25_plus_5_days_from_dates():
    out = run(performance_month, {"month": "2026-09", "absences": [leave("2026-09-14", "2026-09-18")],
                                  "formula": "second_level_procedure", "facility_average": "6000",
                                  "unit_title_coefficient": "1.40", "physician_points": "9000", "point_value": "1",
                                  "title": "pratisyen_tabip", "fixed_payment": "0"})
    r = out["result"]
    assert r["active_days_coefficient"] == "1.00"                  # 5 protected days, 25 worked
    assert D(r["net_performance_points"]) == D(9000) + D(6000) * D("1.40") * 5 / 30


def test_seed_third_level_physician_keeps_acgk_one_from_dates():
    out = run(active_days, {"month": "2026-09", "absences": [leave("2026-09-21", "2026-09-25")],
                            "staff_group": "third_level_clinician"})
    assert out["result"]["coefficient"] == "1.00"
    assert any("Üçüncü basamak" in s["label"] for s in out["steps"])


@pytest.mark.parametrize("month, coefficient, unworked_hours", [
    ("2026-09", "0.90", 22),   # 22 working days × 1 h = 2,75 days; 27,25 / 30 = 0,908…
    ("2026-10", "0.91", 21),   # 29 Ekim left out of the range by the member; 21 h = 2,625 days; 28,375 / 31
])
def test_seed_half_day_mother_two_months_from_dates(month, coefficient, unworked_hours):
    # 657 DMK md.104/F, first birth: two months of half-day work (4 h worked + 3 h süt izni a day)
    rows = [leave("2026-09-01", "2026-10-28", "half_day"), leave("2026-10-30", "2026-10-31", "half_day")]
    r = result(active_days, {"month": month, "absences": rows})
    assert D(r["half_day_unworked_hours"]) == unworked_hours
    assert r["coefficient"] == coefficient


@pytest.mark.parametrize("report_end, deduction, after", [("2026-09-23", "178.00", "22.00"),
                                                           ("2026-09-24", "200.00", "0.00")])
def test_seed_three_and_four_report_days_from_dates(report_end, deduction, after):
    # fixed 1.580 + performance 200 = 1.780 a month; 3 days: 1780/30 × 3 = 178,00; 4 days: capped at 200
    r = result(performance_month, {"month": "2026-09", "absences": [leave("2026-09-21", report_end, "sick_report")],
                                   "formula": "other_staff", "facility_average": "1780", "unit_title_coefficient": "1",
                                   "point_value": "1", "title": "diger", "fixed_payment": "1580"})
    assert r["report_deduction"] == deduction
    assert D(r["performance_payment"]) == D(after)
    assert D(r["fixed_payment"]) == 1580


# --- the split by month and the yearly protection -------------------------------------------------

def test_range_over_a_month_end_is_split():
    rows = [leave("2026-08-27", "2026-09-04")]            # 5 days in August, 4 in September
    assert result(active_days, {"month": "2026-08", "absences": rows})["protected_leave_days"] == 5
    sept = result(active_days, {"month": "2026-09", "absences": rows})
    assert sept["protected_leave_days"] == 4 and sept["unprotected_leave_days"] == 0
    assert sept["protected_leave_left_this_year"] == 12 - 5 - 4


def test_twelve_days_spent_in_date_order_across_the_year():
    rows = [leave("2026-01-05", "2026-01-09"), leave("2026-02-02", "2026-02-06"), leave("2026-03-02", "2026-03-06"),
            leave("2026-09-07", "2026-09-18")]
    out = run(active_days, {"month": "2026-09", "absences": rows})
    r = out["result"]
    assert r["protected_leave_days"] == 0                # 5 + 5 + 2 used by March
    assert r["coefficient"] == "0.60"                   # (30 − 12) / 30
    labels = " ".join(s["label"] for s in out["steps"])
    assert "Mart 2026: 5 gün yıllık izin" in labels
    # the same year typed as a count of protected days used gives the same answer
    assert result(active_days, {"month_days": 30, "annual_leave_days": 12,
                                "protected_leave_used_this_year": 12})["coefficient"] == "0.60"


def test_leave_of_the_previous_year_and_later_months_does_not_count():
    rows = [leave("2025-12-01", "2025-12-12"), leave("2026-10-05", "2026-10-09"), leave("2026-09-07", "2026-09-18")]
    r = result(active_days, {"month": "2026-09", "absences": rows})
    assert r["protected_leave_days"] == 5 and r["coefficient"] == "0.76"


def test_month_length_comes_from_the_calendar():
    # 12–23 Ağustos 2026: August has 31 days → 24 / 31 = 0,774… → 0,77
    r = result(active_days, {"month": "2026-08", "absences": [leave("2026-08-12", "2026-08-23")]})
    assert D(r["counted_days"]) == 24 and r["coefficient"] == "0.77"


def test_report_inside_a_half_day_period_is_not_counted_twice():
    rows = [leave("2026-09-01", "2026-09-30", "half_day"), leave("2026-09-07", "2026-09-08", "sick_report")]
    r = result(performance_month, {"month": "2026-09", "absences": rows, "formula": "other_staff",
                                   "facility_average": "8000", "unit_title_coefficient": "0.55", "point_value": "1",
                                   "title": "diger", "fixed_payment": "1580"})
    assert r["active_days_coefficient"] == "0.91"        # 20 half days → 2,5 days; 27,5 / 30 = 0,916…


def test_rows_typed_as_text_with_turkish_kinds():
    text = ("başlangıç;bitiş;tür\n07.09.2026;18.09.2026;Yıllık izin\n2026-09-21;2026-09-23;rapor\n"
            "2026-09-01;2026-09-30;SÜT İZNİ")
    out = run(active_days, {"month": "2026-09", "absences": text})
    assert out["result"]["coefficient"] == "0.76" and out["result"]["report_days"] == 3
    no_header = run(active_days, {"month": "2026-09", "absences": "2026-09-07;2026-09-18;yıllık izin"})
    assert no_header["result"] == out["result"] | {"report_days": 0}


@given(start=st.integers(0, 300), length=st.integers(1, 40))
def test_dates_and_counts_agree(start, length):
    first = date(2026, 1, 1) + timedelta(days=start)
    rows = [{"from": first.isoformat(), "to": (first + timedelta(days=length - 1)).isoformat(), "kind": "other"}]
    month = f"{first:%Y-%m}"
    in_month = min(length, days_in_month(first.year, first.month) - first.day + 1)
    dated = result(active_days, {"month": month, "absences": rows})
    counted = result(active_days, {"month_days": days_in_month(first.year, first.month), "other_absent_days": in_month})
    assert dated["coefficient"] == counted["coefficient"]


# --- bad ranges -----------------------------------------------------------------------------------

@pytest.mark.parametrize("inputs, field, words", [
    ({"month": "2026-09", "absences": [leave("2026-09-10", "2026-09-05")]}, "absences[0]", ["1. satır", "önce olamaz"]),
    ({"month": "2026-09", "absences": [leave("2026-09-01", "2026-09-10"), leave("2026-09-08", "2026-09-12", "sick_report")]},
     "absences[1]", ["2. satır", "1. satırla çakışıyor", "08.09.2026–10.09.2026"]),
    ({"month": "2026-09", "absences": [leave("2026-09-01", "2026-09-10", "half_day"), leave("2026-09-08", "2026-09-12", "half_day")]},
     "absences[1]", ["2. satır", "çakışıyor"]),
    ({"month": "2026-09", "absences": [leave("2025-01-01", "2026-09-10")]}, "absences[0]", ["1. satır", "366"]),
    ({"absences": [leave("2026-09-01", "2026-09-10")]}, "month", ["“Ay (YYYY-AA)”"]),
    ({"month": "2026-09", "annual_leave_days": 3, "absences": [leave("2026-09-01", "2026-09-10")]}, "annual_leave_days",
     ["iki kez"]),
    ({"month": "2026-08", "month_days": 28}, "month_days", ["31 gün"]),
    ({"month": "2026-13"}, "month", ["12"]),
    ({"month": "2026-09", "absences": "2026-09-01;2026-09-03;tatil"}, "absences[0].kind", ["1. satır", "tatil"]),
])
def test_bad_ranges_are_refused_in_turkish_naming_the_row(inputs, field, words):
    with pytest.raises(InputError) as e:
        run(active_days, inputs)
    assert e.value.field == field
    for w in words:
        assert w in e.value.message
    assert "absences" not in e.value.message
    if not field.endswith(".kind"):  # a wrong kind lists the choices (calc/fields.py, shared by every calculator)
        assert "annual_leave" not in e.value.message


def test_a_report_and_leave_on_the_same_day_is_refused_in_the_month_estimate():
    with pytest.raises(InputError) as e:
        run(performance_month, {"month": "2026-09", "absences": [leave("2026-09-01", "2026-09-05"),
                                                                 leave("2026-09-05", "2026-09-06", "sick_report")],
                                "point_value": "1", "unit_title_coefficient": "1", "title": "diger"})
    assert "2. satır" in e.value.message


def test_a_choice_accepts_its_turkish_label_anywhere():
    from calc.fields import Field, read_value
    f = Field("kind", "choice", "Tür", choices=(("a", "Işık izni (md.1)"), ("b", "İkinci")))
    assert read_value(f, "ışık İZNİ", "kind") == "a"        # Turkish case, the part before the parenthesis
    assert read_value(f, "  ikinci ", "kind") == "b"
    assert read_value(f, "b", "kind") == "b"
    with pytest.raises(InputError):
        read_value(f, "izni", "kind")                       # a part of a label is not a label
