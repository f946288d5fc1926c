"""dues/split: the member's dues shared between the branch and the upper bodies."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc import InputError
from calc.dues.split import CALCULATOR as SPLIT
from calc.money import kurus

D = Decimal
ON = date(2026, 1, 15)


def split(**inputs):
    return SPLIT.run(inputs, ON)


def money(out):
    r = out["result"]
    return D(r["primary_organisation"]), D(r["upper_bodies"])


@pytest.mark.parametrize("dues, primary, upper", [
    ("250", "162.50", "87.50"),        # 250 × 0.65 = 162.5
    ("100", "65.00", "35.00"),
    ("100,01", "65.01", "35.00"),      # 65.0065 → 65.01 (half up); 100.01 − 65.01
    ("0,03", "0.02", "0.01"),          # 0.0195 → 0.02; the remaining kuruş goes up
    ("0,01", "0.01", "0.00"),          # 0.0065 → 0.01
    ("1.234,57", "802.47", "432.10"),  # 802.4705 → 802.47
    ("0", "0.00", "0.00"),
])
def test_senim_preset_gives_65_percent_to_the_branch(dues, primary, upper):
    out = split(dues=dues, preset="senim")
    r = out["result"]
    assert (r["primary_organisation"], r["upper_bodies"]) == (primary, upper)
    assert r["primary_share"] == "0.65"
    assert out["parameters"] == "2024-01-01"
    assert out["warnings"] == []


def test_nothing_is_assumed_no_dues_no_union():
    """The dues and the rule are the member's: missing, they are errors, never 250 TL or Senim's %65."""
    for raw in ({}, {"dues": ""}, {"preset": "senim"}):
        with pytest.raises(InputError) as exc:
            SPLIT.run(raw, ON)
        assert exc.value.field == "dues" and "zorunlu" in exc.value.message
    for raw in ({"dues": "250"}, {"dues": "250", "preset": ""}, {"dues": "250", "preset": "", "primary_share": ""}):
        with pytest.raises(InputError) as exc:
            SPLIT.run(raw, ON)
        assert exc.value.field == "preset"


def test_page_example_is_senim_and_250():
    out = SPLIT.run(SPLIT.example_inputs(), ON)
    assert money(out) == (D("162.50"), D("87.50"))
    assert out["display"]["primary_share"] == "%65"
    assert out["display"]["primary_organisation"] == "162,50 TL"


def test_step_says_dues_are_not_paid_in_cash_under_senim_charter():
    out = split(dues="250", preset="senim")
    cash = [s for s in out["steps"] if "nakit" in str(s["value"])]
    assert len(cash) == 1
    assert "nakit ödenmez" in cash[0]["value"]
    assert "Senim Tüzüğü" in cash[0]["reference"]
    share = [s for s in out["steps"] if s["label"].startswith("Şubeye kalan pay")][0]
    assert share["value"] == "0.65" and share["display"] == "%65" and "Senim Tüzüğü" in share["reference"]


def test_explicit_primary_share_overrides():
    out = split(dues="200", preset="", primary_share="0,5")
    assert money(out) == (D("100.00"), D("100.00"))
    assert out["result"]["primary_share"] == "0.5"
    assert out["warnings"] == []
    assert not any("nakit" in str(s["value"]) for s in out["steps"])   # no charter was applied


def test_share_and_preset_both_given_share_wins_with_warning():
    out = split(dues="200", preset="senim", primary_share="0.4")
    assert money(out) == (D("80.00"), D("120.00"))
    assert len(out["warnings"]) == 1 and "oran" in out["warnings"][0]


def test_no_preset_and_no_share_is_refused():
    with pytest.raises(InputError) as exc:
        split(dues="200", preset="")
    assert exc.value.field == "preset" and "“Şubenin payı (oran)”" in exc.value.message and "primary_share" not in exc.value.message


@pytest.mark.parametrize("inputs, field", [
    ({"dues": "abc"}, "dues"),
    ({"dues": "-1"}, "dues"),
    ({"dues": "10,005"}, "dues"),                          # three decimals: not a kuruş amount
    ({"dues": "100", "preset": "başka"}, "preset"),
    ({"dues": "100", "primary_share": "1,2"}, "primary_share"),
    ({"dues": "100", "primary_share": "-0,1"}, "primary_share"),
    ({"dues": "100", "primary_share": "0,1234567"}, "primary_share"),   # more than 6 places
])
def test_bad_inputs_name_the_field(inputs, field):
    with pytest.raises(InputError) as exc:
        split(**inputs)
    assert exc.value.field == field


def test_no_table_before_2024():
    with pytest.raises(InputError) as exc:
        SPLIT.run({"dues": "100"}, date(2023, 12, 31))
    assert exc.value.field == "tarih"


# --- properties -----------------------------------------------------------------------------

dues_amounts = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2, allow_nan=False, allow_infinity=False)
shares = st.decimals(min_value=D("0"), max_value=D("1"), places=6, allow_nan=False, allow_infinity=False)


@given(dues_amounts)
def test_senim_parts_always_add_up_to_the_dues(dues):
    out = SPLIT.run({"dues": str(dues), "preset": "senim"}, ON)
    primary, upper = money(out)
    assert primary + upper == dues
    assert primary == kurus(dues * D("0.65"))
    assert D("0") <= upper <= dues
    for key in ("primary_organisation", "upper_bodies"):
        assert D(out["result"][key]).as_tuple().exponent == -2


@given(dues_amounts, shares)
def test_any_share_parts_add_up_to_the_dues(dues, share):
    out = SPLIT.run({"dues": str(dues), "preset": "", "primary_share": str(share)}, ON)
    primary, upper = money(out)
    assert primary + upper == dues
    assert abs(primary - dues * share) <= D("0.005")
    assert primary >= 0 and upper >= 0
