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
        run("pay/raise-difference", {"month_before": "2024-06"})
    assert exc.value.field == "month_before"
    with pytest.raises(InputError) as exc:
        run("pay/raise-difference", {"month_after": month_after_every_table()})
    assert exc.value.field == "month_after"
