"""pay/payslip-check: a payslip from pay/salary gives back its person exactly; differences are found and named."""

import json
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings, strategies as st

from calc import InputError, params, run
from calc.numbers import format_number
from calc.registry import get

PERSON_KEYS = ("title", "employment", "grade", "step", "service_years", "spouse_not_working", "children_under_6",
               "children_over_6", "union_member", "pension_scheme")
RECOVERED = ("additional_indicator", "side_payment_points", "special_service_rate", "extra_payment_rate")
STEPS = {1: 4, 2: 6, 3: 8}  # kademeler per derece (657 DMK md.43/A); 9 elsewhere

# Months of the shipped 2025 and 2026 tables, named literally (period-pinned).
months = st.sampled_from([f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)])
rates = st.one_of(st.integers(0, 300).map(D), st.decimals(0, 300, places=2))


@st.composite
def salary_persons(draw):
    grade = draw(st.integers(1, 15))
    p = {
        "month": draw(months),
        "title": draw(st.sampled_from(["hemsire", "uzman_tabip", "tabip", "ebe", "saglik_memuru", "diger"])),
        "employment": draw(st.sampled_from(["4a", "4a", "4a", "4b"])),
        "grade": grade,
        "step": draw(st.integers(1, STEPS.get(grade, 9))),
        "service_years": draw(st.integers(0, 40)),
        "additional_indicator": draw(st.integers(0, 8000)),
        "side_payment_points": draw(st.integers(0, 5000)),
        "special_service_rate": str(draw(rates)),
        "extra_payment_rate": str(draw(rates)),
        "spouse_not_working": draw(st.booleans()),
        "children_under_6": draw(st.integers(0, 4)),
        "children_over_6": draw(st.integers(0, 4)),
        "union_member": draw(st.booleans()),
        "union_dues": str(draw(st.integers(0, 1000))),
        "pension_scheme": draw(st.sampled_from(["5510", "5434"])),
    }
    if p["employment"] == "4b":
        p["contract_wage"] = str(draw(st.decimals(20000, 200000, places=2)))
    if draw(st.booleans()):
        p["cumulative_base_before"] = str(draw(st.decimals(0, 2_000_000, places=2)))
    year, month = map(int, p["month"].split("-"))
    if draw(st.booleans()) and "collective_bonus_indicator" not in params.table_for("salary", date(year, month, 1)).params:
        p["collective_bonus"] = str(draw(st.decimals(0, 5000, places=2)))  # the payslip's bonus where none is sourced
    return p


def printed(salary_result: dict, turkish: bool) -> dict:
    """A payslip's amounts as printed: every line and deduction of pay/salary, and the net."""
    rows = {r["name"]: r["amount"] for r in salary_result["lines"] + salary_result["deductions"]}
    rows["net"] = salary_result["net"]
    rows["gross"] = salary_result["gross"]
    return {k: (format_number(D(v), 2) if turkish else v) for k, v in rows.items() if D(v)}


def check_inputs(p: dict, amounts: dict, **extra) -> dict:
    out = {k: p[k] for k in PERSON_KEYS}
    out["month"] = p["month"]
    out["amounts"] = amounts
    if "cumulative_base_before" in p:
        out["cumulative_base_before"] = p["cumulative_base_before"]
    return out | extra


def checks_by_name(result: dict) -> dict:
    return {c["name"]: c for c in result["checks"]}


@settings(max_examples=300, deadline=None)
@given(salary_persons(), st.booleans(), months)
def test_round_trip_recovers_the_person_and_every_line(p, turkish, target):
    slip = run("pay/salary", p)["result"]
    r = run("pay/payslip-check", check_inputs(p, printed(slip, turkish), target_month=target))["result"]
    # the title's values, exactly (a 4/B payslip has only the ek 9 line)
    keys = RECOVERED if p["employment"] == "4a" else ("extra_payment_rate",)
    for key in keys:
        assert D(str(r["recovered"][key])) == D(str(p[key])), key
    # every line and deduction agrees to the kuruş
    assert r["mismatches"] == 0, [c for c in r["checks"] if not c["ok"]]
    assert all(c["ok"] and D(c["difference"]) == 0 for c in r["checks"])
    assert D(r["computed_net"]) == D(slip["net"])
    # the projection is exactly pay/salary for the recovered inputs in the target month
    same = {k: v for k, v in p.items() if k not in ("month", "cumulative_base_before", "collective_bonus")}
    recovered = {k: str(v) for k, v in r["recovered"].items()}
    assert r["projection"] == run("pay/salary", {**same, **recovered, "month": target})["result"]
    original = run("pay/salary", {**same, "month": target})["result"]  # the same amounts as the person's own inputs
    assert [x["amount"] for x in r["projection"]["lines"]] == [x["amount"] for x in original["lines"]]
    assert r["projection"]["net"] == original["net"]


@settings(max_examples=150, deadline=None)
@given(salary_persons(), st.sampled_from(["additional_indicator", "side_payment", "special_service", "extra_payment"]),
       st.sampled_from(["0.01", "-0.01"]))
def test_any_title_line_off_by_a_kurus_fits_no_value_and_shows_the_kurus(p, line, off):
    p = {**p, "employment": "4a"}
    amounts = printed(run("pay/salary", p)["result"], turkish=False)
    if line not in amounts or D(amounts[line]) + D(off) < 0:
        return
    out = run("pay/payslip-check", check_inputs(p, {**amounts, line: str(D(amounts[line]) + D(off))}))
    row = checks_by_name(out["result"])[line]
    assert not row["ok"] and D(row["difference"]) == D(off)
    assert "uymuyor" in row["reason"]
    assert {x["name"]: x for x in out["result"]["recovery"]}[
        {"additional_indicator": "additional_indicator", "side_payment": "side_payment_points",
         "special_service": "special_service_rate", "extra_payment": "extra_payment_rate"}[line]]["exact"] is False


def _nurse(month="2026-03", **extra):
    p = {"month": month, "title": "hemsire", "grade": 1, "step": 4, "service_years": 15, "additional_indicator": 3600,
         "side_payment_points": 950, "special_service_rate": "45", "extra_payment_rate": "60",
         "spouse_not_working": True, "children_under_6": 1, "children_over_6": 1, "union_member": True,
         "union_dues": "250", "employment": "4a", "pension_scheme": "5510"}
    return p | extra


def _check(p, change: dict | None = None, **extra):
    amounts = printed(run("pay/salary", p)["result"], turkish=False)
    amounts.update(change or {})
    return run("pay/payslip-check", check_inputs(p, amounts, **extra))


def test_a_line_off_by_one_kurus_fits_no_whole_value_and_is_flagged():
    p = _nurse("2026-03")
    amounts = printed(run("pay/salary", p)["result"], turkish=False)
    off = str(D(amounts["additional_indicator"]) + D("0.01"))
    out = _check(p, {"additional_indicator": off})
    r = out["result"]
    row = checks_by_name(r)["additional_indicator"]
    assert not row["ok"] and D(row["difference"]) == D("0.01")
    assert "uymuyor" in row["reason"]
    assert r["recovered"]["additional_indicator"] == 3600  # the nearest whole value is carried on
    assert any("Ek gösterge aylığı" in w and "uymuyor" in w for w in out["warnings"])


def test_stamp_duty_off_by_one_kurus_is_a_difference_of_one_kurus():
    p = _nurse("2025-07")
    amounts = printed(run("pay/salary", p)["result"], turkish=False)
    r = _check(p, {"stamp_tax": str(D(amounts["stamp_tax"]) - D("0.01"))})["result"]
    rows = checks_by_name(r)
    assert D(rows["stamp_tax"]["difference"]) == D("-0.01") and not rows["stamp_tax"]["ok"]
    assert r["mismatches"] == 1 and rows["net"]["ok"]


def _taxed(month):
    """A person whose tax exceeds the minimum-wage exemption in that month (cumulative base given)."""
    return _nurse(month, side_payment_points=3000, special_service_rate="150", cumulative_base_before="400000")


def test_a_wrong_income_tax_line_is_flagged_with_its_difference():
    p = _taxed("2026-09")
    slip = run("pay/salary", p)["result"]
    assert D(slip["income_tax"]) > 0
    r = _check(p, {"income_tax": str(D(slip["income_tax"]) + D("12.34"))})["result"]
    row = checks_by_name(r)["income_tax"]
    assert not row["ok"] and D(row["difference"]) == D("12.34")
    assert D(row["computed"]) == D(slip["income_tax"])
    assert r["mismatches"] == 1  # the net printed is pay/salary's: only the tax line differs


def test_income_tax_without_the_minimum_wage_exemption_is_named():
    p = _taxed("2026-09")
    slip = run("pay/salary", p)["result"]
    assert D(slip["income_tax_exemption"]) > 0
    r = _check(p, {"income_tax": slip["income_tax_before_exemption"]})["result"]
    row = checks_by_name(r)["income_tax"]
    assert not row["ok"] and "istisnası uygulanmamış" in row["reason"]
    assert D(row["difference"]) == D(slip["income_tax_exemption"])


def test_estimated_cumulative_base_is_given_as_a_reason():
    p = _taxed("2026-09")
    slip = run("pay/salary", p)["result"]
    q = {k: v for k, v in p.items() if k != "cumulative_base_before"}
    amounts = printed(slip, turkish=False)  # the real payslip had a larger carried base than the estimate
    r = run("pay/payslip-check", check_inputs(q, amounts))["result"]
    row = checks_by_name(r)["income_tax"]
    assert not row["ok"] and "kümülatif matrah" in row["reason"]


def test_a_rate_that_fits_no_rate_is_said():
    p = _nurse("2026-01")
    r = _check(p, {"special_service": "5000"})
    fit = {x["name"]: x for x in r["result"]["recovery"]}["special_service_rate"]
    assert fit["exact"] is False and "uymuyor" in fit["note"]
    assert not checks_by_name(r["result"])["special_service"]["ok"]


def test_a_two_decimal_rate_is_recovered_and_noted():
    p = _nurse("2026-07", extra_payment_rate="37.25")
    out = _check(p)
    assert D(out["result"]["recovered"]["extra_payment_rate"]) == D("37.25")
    assert out["result"]["mismatches"] == 0
    assert any("tam bir orana değil" in w for w in out["warnings"])


def test_grade_step_service_and_family_differences_point_at_the_input():
    p = _nurse("2026-01")
    r = _check(p, grade=2, step=6, service_years=10, children_over_6=2, spouse_not_working=False)["result"]
    rows = checks_by_name(r)
    assert "1.500 göstergeye uyar" in rows["monthly_salary"]["reason"] and "1/4" in rows["monthly_salary"]["reason"]
    assert "15 hizmet yılına" in rows["seniority_salary"]["reason"]
    assert "1 çocuğa" in rows["family_children_over_6"]["reason"]
    assert "Eşim çalışmıyor" in rows["family_spouse"]["reason"]


def test_a_payslip_of_another_period_is_recognised():
    june = run("pay/salary", _nurse("2026-06"))["result"]
    amounts = printed(june, turkish=False)
    r = run("pay/payslip-check", check_inputs(_nurse("2026-07"), amounts))["result"]
    assert "2026 Ocak dönemine uyar" in checks_by_name(r)["base_salary"]["reason"]


def test_wrong_pension_scheme_is_named():
    p = _nurse("2026-01", pension_scheme="5434")
    amounts = printed(run("pay/salary", p)["result"], turkish=False)
    r = run("pay/payslip-check", check_inputs({**p, "pension_scheme": "5510"}, amounts))["result"]
    assert "emeklilik sistemi" in checks_by_name(r)["retirement_5434"]["reason"]


def test_title_cetvel_disagreement_is_warned():
    p = _nurse("2026-01", additional_indicator=3000)
    out = _check(p)
    assert any("cetvel değeri 3600" in w for w in out["warnings"])


def test_turkish_amounts_and_thousands_dot():
    p = _nurse("2026-01")
    amounts = printed(run("pay/salary", p)["result"], turkish=True)
    assert "." in amounts["base_salary"] and "," in amounts["base_salary"]
    r = run("pay/payslip-check", check_inputs(p, amounts))["result"]
    assert r["mismatches"] == 0
    r = run("pay/payslip-check", check_inputs(p, {**amounts, "net": "40.000"}))["result"]
    assert D(checks_by_name(r)["net"]["payslip"]) == D(40000)


def test_per_line_inputs_are_the_same_as_the_amounts_object():
    p = _nurse("2025-07")
    amounts = printed(run("pay/salary", p)["result"], turkish=True)
    a = run("pay/payslip-check", check_inputs(p, amounts))["result"]
    flat = {k: v for k, v in check_inputs(p, amounts).items() if k != "amounts"} | {f"amount_{k}": v for k, v in amounts.items()}
    assert run("pay/payslip-check", flat)["result"] == a


@pytest.mark.parametrize("inputs, field, words", [
    ({"amounts": {"net": "12,3,4"}}, "amount_net", "Net ödenen"),
    ({"amounts": {"stamp_tax": "abc"}}, "amount_stamp_tax", "Damga vergisi"),
    ({"amount_income_tax": "-5"}, "amount_income_tax", "Gelir vergisi"),
    ({"amounts": {"side_payment": "1,234"}}, "amount_side_payment", "kuruş"),
    ({"amounts": {"maas": "100"}}, "amounts", "bilinmeyen satır"),
    ({"amounts": ["100"]}, "amounts", "nesne"),
    ({"amounts": {"net": "100"}, "amount_net": "100"}, "amount_net", "hem bu alanda"),
    ({"target_month": "2026/07"}, "target_month", "YYYY-AA"),
    ({"employment": "4b", "amounts": {"net": "100"}}, "amount_contract_wage", "4/B"),
])
def test_bad_amounts_are_refused_in_turkish_naming_the_line(inputs, field, words):
    with pytest.raises(InputError) as e:
        run("pay/payslip-check", {"month": "2026-01", **inputs})
    assert e.value.field == field
    assert words in e.value.message


def test_target_month_without_a_table_names_the_target():
    after = params.periods("salary")[-1].valid_until
    missing = f"{after.year + 1}-01" if after else "2999-01"
    with pytest.raises(InputError) as e:
        run("pay/payslip-check", {"month": "2026-01", "target_month": missing})
    assert e.value.field == "target_month" and "Hedef ay" in e.value.message


def test_the_page_example_agrees_line_by_line():
    c = get("pay/payslip-check")
    ex = c.example_inputs()
    assert ex["month"] == "2026-03" and ex["target_month"] == "2026-07"
    r = c.run(ex)["result"]
    assert r["mismatches"] == 0
    assert r["recovered"] == {"additional_indicator": 3600, "side_payment_points": 950, "special_service_rate": "45",
                              "extra_payment_rate": "60"}


def test_cli_exit_2_names_the_line(cli):
    p = cli("run", "pay/payslip-check", stdin=json.dumps({"month": "2026-01", "amounts": {"health": "1.2.3,4"}}))
    assert p.code == 2 and p.out == "" and "Traceback" not in p.err
    assert "Genel sağlık sigortası" in p.err and len(p.err.strip().splitlines()) == 1


# ---------------------------------------------------------------- title presets on the salary form

def _salary_inputs():
    return {i["name"]: i for i in get("pay/salary").schema()["inputs"]}


def test_ek_gosterge_presets_follow_the_657_cetvel():
    pre = _salary_inputs()["additional_indicator"]["presets"]
    assert pre["from"] == ["title", "grade"]
    v = pre["values"]
    assert (v["hemsire|1"], v["hemsire|4"], v["hemsire|8"], v["hemsire|9"]) == (3600, 2100, 1400, 0)
    assert (v["uzman_tabip|1"], v["uzman_tabip|2"], v["uzman_tabip|8"], v["uzman_tabip|15"]) == (4200, 3600, 1450, 0)
    assert (v["saglik_memuru|1"], v["saglik_memuru|4"], v["saglik_memuru|5"]) == (2100, 1250, 0)
    assert not any(k.startswith("diger|") for k in v)  # no sourced value: the page says "bordronuzdan"
    assert "I sayılı cetvel" in pre["reference"]


def test_unsourced_title_values_point_to_the_payslip_check():
    inputs = _salary_inputs()
    for name in ("side_payment_points", "special_service_rate", "extra_payment_rate"):
        pre = inputs[name]["presets"]
        assert pre["values"] == {}
        assert "bordronuzdan" in pre["otherwise"]["text"] and pre["otherwise"]["link"] == "maas/bordro-kontrol/"


def test_title_records_are_whole_numbers_with_a_reference():
    from calc.pay.salary_inputs import TITLES
    table = params.table_for("titles", date(2026, 1, 1))
    ids = {t for t, _ in TITLES}
    for title, rec in table["additional_indicator"].items():
        assert title in ids
        assert rec["reference"].strip()
        assert all(isinstance(x, int) and 0 <= x <= 8000 for x in rec["by_grade"]) and isinstance(rec["other_grades"], int)


# ---------------------------------------------------------------- no invented title figures on public pages

def test_typical_members_state_every_title_value_as_an_example_input():
    import sys
    import tomllib
    from pathlib import Path
    if sys.platform == "emscripten":
        pytest.skip("site/ is not in the wheel")
    members = tomllib.loads((Path(__file__).resolve().parent.parent / "site" / "typical-members.toml").read_text("utf-8"))["member"]
    assert members
    for m in members:
        for key in RECOVERED:
            assert m["inputs"].get(key), (m["label"], key)  # never a title's net with its own values at zero
        assert "örnek" in m["example"]
        assert str(m["inputs"]["side_payment_points"]) in m["example"]
        assert f"ÖHT %{m['inputs']['special_service_rate']}" in m["example"]


def test_a_target_month_past_the_newest_table_uses_the_marked_forecast():
    from calc.pay import raise_forecast

    ex = dict(get("pay/payslip-check").example_inputs())
    first = raise_forecast.forecast_start()  # the half-year right after the newest published table
    target = f"{first:%Y-%m}"
    with pytest.raises(InputError) as exc:  # without an inflation there is no table to carry the person to
        run("pay/payslip-check", {**ex, "target_month": target})
    assert exc.value.field == "target_month"
    out = run("pay/payslip-check", {**ex, "target_month": target, "forecast_inflation": "10"})
    projection = out["result"]["projection"]
    assert projection["month"] == target and projection["forecast"]  # pay/salary's own forecast marking
    assert any("tahmin" in w for w in out["warnings"])
