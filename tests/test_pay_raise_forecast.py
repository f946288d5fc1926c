"""pay/raise-forecast: the toplu sözleşme + enflasyon farkı rule, its roundings, back-tests against the published
periods, and the forecast table the other pay calculators use. Every period is named literally except the
forecast month, which is derived from the data (the half-year after the newest published table)."""

from datetime import timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal as D

import pytest

from calc import InputError, params, run
from calc.money import Rounding
from calc.pay import raise_forecast as rf

TOL = D("0.000002")


def forecast(period, inflation):
    return run("pay/raise-forecast", {"period": period, "inflation": inflation})["result"]


def table(period_id):
    return params.table_by_id("salary", period_id)


# ---------------------------------------------------------------- the roundings, read from the circulars

# (old coefficient, total raise, published new coefficient): HMB genelgeleri 2024 H2 – 2026 H2. The 2024 values
# (0,760871, 0,907796, 0,287892) are from the research notes' sources (tables not shipped); the rest are in
# calc/data/salary/*.toml.
PUBLISHED_STEPS = [
    ("0.760871", "0.1931", "0.907796"), ("0.907796", "0.1154", "1.012556"), ("1.012556", "0.1557", "1.170211"),
    ("1.170211", "0.1860", "1.387871"), ("1.387871", "0.1352", "1.575512"), ("0.287892", "0.1154", "0.321115"),
    ("0.321115", "0.1557", "0.371113"), ("0.371113", "0.1860", "0.440141"), ("0.440141", "0.1352", "0.499649"),
    ("15.848415", "0.1557", "18.316014"), ("22.722793", "0.1352", "25.794915"),
]


def test_coefficients_are_rounded_up_to_six_decimals():
    for old, total, new in PUBLISHED_STEPS:
        assert rf.raised(D(old), D(total)) == D(new), (old, total)


def test_half_up_and_truncation_do_not_fit_the_circulars():
    def rounded(old, total, mode):
        return (D(old) * (1 + D(total))).quantize(D("0.000001"), rounding=mode)
    half_up_misses = [s for s in PUBLISHED_STEPS if rounded(s[0], s[1], ROUND_HALF_UP) != D(s[2])]
    truncation_misses = [s for s in PUBLISHED_STEPS if rounded(s[0], s[1], ROUND_DOWN) != D(s[2])]
    assert len(half_up_misses) == 6 and len(truncation_misses) == len(PUBLISHED_STEPS)
    assert Rounding.COEFFICIENT_UP_6.apply(D("1.3878702460")) == D("1.387871")
    assert Rounding.COEFFICIENT_UP_6.apply(D("1.387871")) == D("1.387871")  # nothing left over: unchanged


def test_rates_are_rounded_to_two_decimals_of_a_percent():
    assert Rounding.PERCENT_2_HALF_UP.apply(D("0.084608695")) == D("0.0846")
    assert Rounding.PERCENT_2_HALF_UP.apply(D("0.06845")) == D("0.0685")


def test_2024_first_half_example():
    # 2024 H1: agreed 15 %, inflation 24,73 % → difference 8,46 %; July 2024 (agreed 10 %) total 19,31 %
    diff = rf.inflation_difference(D("0.2473"), D("0.15"))
    assert diff == D("0.0846")
    assert rf.total_raise(D("0.10"), diff) == D("0.1931")


def test_no_difference_when_inflation_stays_below_the_raise():
    assert rf.inflation_difference(D("0.04"), D("0.05")) == 0


# ---------------------------------------------------------------- sourced data

def test_agreed_raises_of_the_7th_and_8th_agreements():
    seventh = params.table_by_id("collective_agreement", "2024-01")["raises"]
    eighth = params.table_by_id("collective_agreement", "2026-01")["raises"]
    assert [seventh[k] for k in ("2024-01", "2024-07", "2025-01", "2025-07")] == [D("0.15"), D("0.10"), D("0.06"), D("0.05")]
    assert [eighth[k] for k in ("2026-01", "2026-07", "2027-01", "2027-07")] == [D("0.11"), D("0.07"), D("0.05"), D("0.04")]
    assert params.table_by_id("collective_agreement", "2026-01")["base_salary_additions"] == {"2026-01": D("1000")}


@pytest.mark.parametrize("half, six_month", [("2024-07", "15.75"), ("2025-01", "16.67"), ("2025-07", "12.19")])
def test_monthly_tuik_figures_compound_to_the_six_month_change(half, six_month):
    t = params.table_by_id("cpi", half)
    assert len(t["monthly_changes"]) == 6 and t["six_month_change"] == D(six_month)
    assert abs(rf.compound(t["monthly_changes"]) * 100 - D(six_month)) <= D("0.01")


# ---------------------------------------------------------------- back-tests

def test_back_test_2025_january_from_2024_second_half():
    # the 2024 H2 table is not shipped: its coefficients (research notes) and 15,75 % (cpi/2024-07) by hand
    inflation = params.table_by_id("cpi", "2024-07")["six_month_change"] / 100
    total = rf.total_raise(D("0.06"), rf.inflation_difference(inflation, D("0.10")))
    assert total == D("0.1154")
    assert rf.raised(D("0.907796"), total) == table("2025-01")["monthly_coefficient"]
    assert rf.raised(D("0.287892"), total) == table("2025-01")["side_payment_coefficient"]


@pytest.mark.parametrize("period, cpi_half, total", [("2025-07", "2025-01", "0.1557"), ("2026-01", "2025-07", "0.1860")])
def test_back_test_with_sourced_inflation(period, cpi_half, total):
    inflation = params.table_by_id("cpi", cpi_half)["six_month_change"]
    r = forecast(period, str(inflation))
    assert r["total_raise"] == total and r["forecast"] is True
    for key in ("monthly_coefficient", "side_payment_coefficient"):
        assert abs(D(r["coefficients"][key]) - table(period)[key]) <= TOL
        assert D(r["coefficients"][key]) == table(period)[key]  # in fact exactly
    assert r["published"] == {k: str(table(period)[k]) for k in rf.COEFFICIENTS}


def test_back_test_2025_july_taban():
    r = forecast("2025-07", "16.67")
    assert D(r["coefficients"]["base_salary_coefficient"]) == table("2025-07")["base_salary_coefficient"]
    assert D(r["base_salary_addition"]) == 0


def test_january_2026_taban_differs_by_the_seyyanen_1000_tl():
    r = forecast("2026-01", "12.19")
    published = table("2026-01")["base_salary_coefficient"]
    by_raise_only = rf.raised(table("2025-07")["base_salary_coefficient"], D(r["total_raise"]))
    assert by_raise_only == D("21.722793") and published - by_raise_only == 1  # 1.000 TL ÷ 1000 gösterge
    assert D(r["coefficients"]["base_salary_coefficient"]) == published
    assert D(r["base_salary_addition"]) == 1000


def test_back_test_2026_july_with_the_only_matching_inflation():
    # TÜİK's 2026 H1 figure is not in our sources; 17,76 % is the only two-decimal inflation that gives the
    # published 2026 Temmuz coefficients (derived backwards: 13,52 % total, 6,09 % difference)
    r = forecast("2026-07", "17.76")
    assert (r["inflation_difference"], r["total_raise"]) == ("0.0609", "0.1352")
    assert all(D(r["coefficients"][k]) == table("2026-07")[k] for k in rf.COEFFICIENTS)
    for other in ("17.75", "17.77"):
        assert forecast("2026-07", other)["coefficients"] != r["coefficients"]


def test_steps_list_the_known_tuik_months():
    out = run("pay/raise-forecast", {"period": "2026-01", "inflation": "12.19"})
    labels = [s["label"] for s in out["steps"]]
    assert sum("TÜİK TÜFE aylık değişim" in l for l in labels) == 6
    assert any("Aralık 2025" in l for l in labels)
    assert all(s["reference"] for s in out["steps"])
    assert out["parameters"] == "2026-01"  # the 8. dönem agreement


def test_input_errors_name_the_field():
    with pytest.raises(InputError) as exc:
        run("pay/raise-forecast", {"period": "2027-03", "inflation": "10"})
    assert exc.value.field == "period"
    with pytest.raises(InputError) as exc:
        run("pay/raise-forecast", {"period": "2026-01", "inflation": ""})
    assert exc.value.field == "inflation"
    with pytest.raises(InputError) as exc:  # no agreement covers it
        run("pay/raise-forecast", {"period": "2020-01", "inflation": "10"})
    assert exc.value.field == "period"


# ---------------------------------------------------------------- the forecast table for pay/salary

PERSON = {"title": "hemsire", "grade": 1, "step": 4, "service_years": 15, "additional_indicator": 3600,
          "spouse_not_working": True, "children_under_6": 1, "union_member": True, "union_dues": "250"}


def forecast_month() -> str:
    return f"{rf.forecast_start():%Y-%m}"  # derived: the half-year after the newest published table


def test_salary_forecast_is_marked_in_every_step_and_in_the_result():
    out = run("pay/salary", {"month": forecast_month(), **PERSON, "forecast_inflation": "15"})
    assert out["parameters"].endswith("tahmin") and "tahmin" in out["parameter_titles"]["salary"]
    assert all("tahmin" in s["label"].lower() for s in out["steps"])
    assert any(w.startswith("TAHMİN") for w in out["warnings"])
    f = out["result"]["forecast"]
    expected = forecast(forecast_month(), "15")
    assert f["coefficients"] == expected["coefficients"] and f["total_raise"] == expected["total_raise"]
    aylik = next(l for l in out["result"]["lines"] if l["name"] == "monthly_salary")
    assert D(aylik["amount"]) == (1500 * D(expected["coefficients"]["monthly_coefficient"])).quantize(D("0.01"))


def test_month_without_table_needs_the_inflation():
    with pytest.raises(InputError) as exc:
        run("pay/salary", {"month": forecast_month(), **PERSON})
    assert exc.value.field == "month" and "enflasyon" in exc.value.message


def test_forecast_never_shadows_a_published_table():
    plain = run("pay/salary", {"month": "2026-07", **PERSON})
    assumed = run("pay/salary", {"month": "2026-07", **PERSON, "forecast_inflation": "40"})
    assert assumed["result"]["net"] == plain["result"]["net"] and assumed["parameters"] == "2026-07"
    assert assumed["result"]["forecast"] is None and plain["result"]["forecast"] is None
    assert any("kullanılmadı" in w for w in assumed["warnings"])


def test_only_one_half_year_ahead():
    start = rf.forecast_start()
    beyond = (rf.half_end(start) + timedelta(days=1)).strftime("%Y-%m")
    with pytest.raises(InputError) as exc:
        run("pay/salary", {"month": beyond, **PERSON, "forecast_inflation": "15"})
    assert exc.value.field == "month"
    with pytest.raises(InputError) as exc:
        run("pay/raise-forecast", {"period": beyond, "inflation": "15"})
    assert exc.value.field == "period"


def test_raise_difference_into_the_forecast_month():
    start = rf.forecast_start()
    before = (start - timedelta(days=1)).strftime("%Y-%m")
    out = run("pay/raise-difference", {"month_before": before, "month_after": forecast_month(), **PERSON,
                                        "forecast_inflation": "15"})
    r = out["result"]
    assert r["period_after"].endswith("tahmin") and r["forecast"]["period"] == forecast_month()
    assert D(r["fourteen_day_difference"]["net"]) > 0
    assert all("tahmin" in s["label"].lower() for s in out["steps"])


def test_month_help_names_the_forecast_half_year():
    from calc import get
    month = next(f for f in get("pay/salary").inputs if f.name == "month")
    assert "tahmin: " + rf.half_span(rf.forecast_start()) in month.help


def test_payday_outlives_its_agreement():
    from datetime import date
    # 657 DMK md.164 / 3472 s.K. md.1 do not end with a toplu sözleşme: a month past every agreement still has them
    far = rf.payday_table(date(2100, 1, 1))
    assert (far["payday"], far["day_count_basis"]) == (15, 30)
    assert rf.payday_table(date(2024, 7, 1)).id == "2024-01"
