"""Properties of pay/salary: net ≤ gross, more children never lower the net, CLI behaviour."""

import json
from decimal import Decimal as D
from pathlib import Path

from hypothesis import given, settings, strategies as st

from calc import run
from staffkit import month_after_every_table

ROOT = Path(__file__).resolve().parent.parent

months = st.sampled_from([f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)])
persons = st.fixed_dictionaries({
    "month": months,
    "grade": st.integers(4, 15),
    "step": st.integers(1, 9),
    "service_years": st.integers(0, 40),
    "additional_indicator": st.integers(0, 8000),
    "side_payment_points": st.integers(0, 5000),
    "special_service_rate": st.integers(0, 300),
    "extra_payment_rate": st.integers(0, 300),
    "spouse_not_working": st.booleans(),
    "children_under_6": st.integers(0, 4),
    "children_over_6": st.integers(0, 4),
    "union_member": st.booleans(),
    "union_dues": st.integers(0, 1000).map(str),
    "pension_scheme": st.sampled_from(["5510", "5434"]),
})


@settings(max_examples=60, deadline=None)
@given(persons)
def test_net_at_most_gross(p):
    r = run("pay/salary", p)["result"]
    assert D(r["net"]) <= D(r["gross"])
    assert D(r["income_tax"]) >= 0 and D(r["stamp_tax"]) >= 0
    assert D(r["employer_cost"]) >= D(r["gross"])


@settings(max_examples=40, deadline=None)
@given(persons, st.integers(1, 3), st.booleans())
def test_more_children_never_lower_net(p, extra, young):
    key = "children_under_6" if young else "children_over_6"
    more = {**p, key: p[key] + extra}
    assert D(run("pay/salary", more)["result"]["net"]) >= D(run("pay/salary", p)["result"]["net"])


@settings(max_examples=40, deadline=None)
@given(persons, st.integers(1, 3000))
def test_taxable_pay_raises_tax_not_lowers_it(p, extra_points):
    more = {**p, "side_payment_points": p["side_payment_points"] + extra_points}
    a, b = run("pay/salary", p)["result"], run("pay/salary", more)["result"]
    assert D(b["income_tax_before_exemption"]) >= D(a["income_tax_before_exemption"])


def test_cli_text_runs(cli):
    p = cli("run", "pay/salary", "--format", "text", stdin='{"month": "2026-07"}')
    assert p.code == 0
    assert "Net ödenen" in p.out and " TL" in p.out


def test_cli_bad_input_exit_2(cli):
    for payload, field in (({"month": "2026-07", "grade": 1, "step": 9}, "step"), ({"month": month_after_every_table()}, "month"),
                           ({"month": "2026-07", "children_over_6": -1}, "children_over_6")):
        p = cli("run", "pay/salary", stdin=json.dumps(payload))
        assert p.code == 2
        assert p.out == ""
        assert f"[{field}]" in p.err and "Traceback" not in p.err  # the CLI names the JSON key
        assert len(p.err.strip().splitlines()) == 1
