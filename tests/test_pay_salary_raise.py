"""pay/raise-difference: June vs July 2026, line by line."""

from decimal import Decimal as D

import pytest

from staffkit import month_after_every_table

from calc import InputError, run

PERSON = {"title": "hemsire", "grade": 1, "step": 4, "service_years": 15, "additional_indicator": 3600,
          "spouse_not_working": True, "children_under_6": 1, "union_member": False}


def diff(**kw):
    return run("pay/raise-difference", {"month_before": "2026-06", "month_after": "2026-07", **PERSON, **kw})


def test_june_vs_july_2026_lines():
    out = diff()
    rows = {r["name"]: r for r in out["result"]["lines"]}
    # ek 40: 22.157,36 → 25.153,05 (15.965 × 1,387871 / × 1,575512)
    assert D(rows["additional_payment_ek40"]["before"]) == D("22157.36")
    assert D(rows["additional_payment_ek40"]["after"]) == D("25153.05")
    assert D(rows["additional_payment_ek40"]["difference"]) == D("2995.69")
    # taban: 22.722,79 → 25.794,92
    assert D(rows["base_salary"]["difference"]) == D("25794.92") - D("22722.79")
    # eş yardımı: 3.154,63 → 3.581,14
    assert D(rows["family_spouse"]["difference"]) == D("426.51")
    # deductions are negative in the comparison
    assert D(rows["pension"]["after"]) < 0


def test_totals_agree_with_two_payslips():
    r = diff()["result"]
    june = run("pay/salary", {"month": "2026-06", **PERSON})["result"]
    july = run("pay/salary", {"month": "2026-07", **PERSON})["result"]
    assert r["net_before"] == june["net"] and r["net_after"] == july["net"]
    assert D(r["net_difference"]) == D(july["net"]) - D(june["net"])
    assert D(r["gross_difference"]) == D(july["gross"]) - D(june["gross"])
    assert sum(D(x["difference"]) for x in r["lines"]) == D(r["net_difference"])
    assert r["period_before"] == "2026-01" and r["period_after"] == "2026-07"


def test_july_collective_bonus_shows_as_new_line():
    r = diff(union_member=True, union_dues="200", collective_bonus="1000")["result"]
    rows = {x["name"]: x for x in r["lines"]}
    assert D(rows["collective_bonus"]["before"]) == 0 and D(rows["collective_bonus"]["after"]) == D("1000")


def test_bad_month_names_field():
    with pytest.raises(InputError) as exc:
        run("pay/raise-difference", {"month_before": "2024-06", "month_after": "2026-07"})
    assert exc.value.field == "month_before"
    with pytest.raises(InputError) as exc:
        run("pay/raise-difference", {"month_before": "2026-06", "month_after": month_after_every_table()})
    assert exc.value.field == "month_after"


# ---------------------------------------------------------------- the 14-day difference (1–14 of a new period's month)

FULL = {**PERSON, "side_payment_points": 800, "special_service_rate": "60", "extra_payment_rate": "50",
        "union_member": True, "union_dues": "250", "collective_bonus": "1000"}


def fourteen(before, after, **kw):
    return run("pay/raise-difference", {"month_before": before, "month_after": after, **FULL, **kw})["result"]


def test_fourteen_day_difference_july_2026_per_line():
    r = fourteen("2026-06", "2026-07")
    f = r["fourteen_day_difference"]
    assert (f["from"], f["to"], f["days"], f["day_count_basis"]) == ("2026-07-01", "2026-07-14", 14, 30)
    assert (f["old_period"], f["new_period"]) == ("2026-01", "2026-07")
    rows = {x["name"]: x for x in f["lines"]}
    # taban: (25.794,92 − 22.722,79) × 14/30 = 3.072,13 × 14/30 = 1.433,66
    assert D(rows["base_salary"]["monthly_difference"]) == D("3072.13")
    assert D(rows["base_salary"]["amount"]) == D("1433.66")
    # ek 40: 2.995,69 × 14/30 = 1.397,99, damga only; aile yardımı bears nothing
    assert D(rows["additional_payment_ek40"]["amount"]) == D("1397.99")
    assert rows["additional_payment_ek40"]["bears"] == "damga vergisi"
    assert rows["family_spouse"]["bears"] == "kesinti yok"
    assert "collective_bonus" not in rows  # the quarterly bonus is not paid by the day
    payments = [x for x in f["lines"] if x["bears"] != "kesinti"]
    deductions = [x for x in f["lines"] if x["bears"] == "kesinti"]
    assert sum(D(x["amount"]) for x in payments) == D(f["gross"]) == D(r["fourteen_day_gross"])
    assert D(f["gross"]) + sum(D(x["amount"]) for x in deductions) == D(f["net"]) == D(r["fourteen_day_net"])


def test_fourteen_day_deductions_follow_each_line():
    f = fourteen("2026-06", "2026-07")["fourteen_day_difference"]
    rows = {x["name"]: D(x["amount"]) for x in f["lines"]}
    premium = sum(rows[n] for n in ("monthly_salary", "additional_indicator", "base_salary", "seniority_salary",
                                    "special_service"))
    assert -rows["pension"] == (premium * D("0.09")).quantize(D("0.01"))
    assert -rows["health"] == (premium * D("0.05")).quantize(D("0.01"))
    stamp_base = sum(v for n, v in rows.items() if n not in ("family_spouse", "family_children_under_6", "pension",
                                                                "health", "income_tax", "stamp_tax"))
    july = run("pay/salary", {"month": "2026-07", **FULL})["result"]
    left = D(july["remaining_stamp_tax_exemption"])
    assert -rows["stamp_tax"] == max(D(0), (stamp_base * D("0.00759")).quantize(D("0.01")) - left)


def test_fourteen_day_difference_january_2026():
    f = fourteen("2025-12", "2026-01")["fourteen_day_difference"]
    assert (f["from"], f["old_period"], f["new_period"]) == ("2026-01-01", "2025-07", "2026-01")
    rows = {x["name"]: x for x in f["lines"]}
    # taban includes the seyyanen 1.000 TL: 22.722,79 − 18.316,01 = 4.406,78 → × 14/30 = 2.056,50
    assert D(rows["base_salary"]["monthly_difference"]) == D("4406.78")
    assert D(rows["base_salary"]["amount"]) == D("2056.50")


def test_no_fourteen_day_difference_inside_a_period():
    r = fourteen("2026-05", "2026-06")
    assert "fourteen_day_difference" not in r and "fourteen_day_net" not in r


def test_fourteen_day_steps_cite_the_payday():
    out = run("pay/raise-difference", {"month_before": "2026-06", "month_after": "2026-07", **FULL})
    step = next(s for s in out["steps"] if s["label"].startswith("14 günlük fark: 1–14 Temmuz 2026"))
    assert "15 Haziran" in step["label"] and "657 DMK md.164" in step["reference"]
