"""calc/money.py: Decimal only, every rounding a named rule."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.money import KURUS, Rounding, kurus, plain, to_decimal, truncate2

D = Decimal


# --- to_decimal -----------------------------------------------------------------------------

def test_to_decimal_accepts_int_str_decimal():
    assert to_decimal(12) == D("12")
    assert to_decimal("12.345") == D("12.345")
    d = D("7.10")
    assert to_decimal(d) is d


@pytest.mark.parametrize("bad", [0.1, 1.0, float("nan")])
def test_to_decimal_refuses_floats(bad):
    with pytest.raises(TypeError, match="float"):
        to_decimal(bad)


@pytest.mark.parametrize("bad", [True, False, None, [1], {"a": 1}])
def test_to_decimal_refuses_other_types(bad):
    with pytest.raises(TypeError):
        to_decimal(bad)


def test_to_decimal_refuses_non_numeric_text():
    with pytest.raises(ValueError, match="not a decimal"):
        to_decimal("12,5 TL")


def test_money_helpers_refuse_floats_too():
    with pytest.raises(TypeError):
        kurus(0.125)
    with pytest.raises(TypeError):
        truncate2(0.125)


# --- the named rules ------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("1.005", "1.01"),      # exactly half a kuruş: up (a float would give 1.00)
    ("2.675", "2.68"),      # the classic binary-float trap: half up to 2.68
    ("1.004999", "1.00"),
    ("0.005", "0.01"),
    ("0.0049", "0.00"),
    ("10", "10.00"),
    ("-1.005", "-1.01"),    # half up is half *away from zero*: -1.005 → -1.01
    ("-2.675", "-2.68"),
    ("-1.004", "-1.00"),
    ("1234.5650", "1234.57"),
])
def test_kurus_half_up(value, expected):
    out = kurus(value)
    assert out == D(expected)
    assert str(out) == expected  # exactly two places, never an exponent


@pytest.mark.parametrize("value, expected", [
    ("0.999", "0.99"),
    ("1.239", "1.23"),
    ("1.2", "1.20"),
    ("0.0099", "0.00"),
    ("-1.239", "-1.23"),    # ROUND_DOWN cuts toward zero
    ("5", "5.00"),
])
def test_truncate_to_two_places(value, expected):
    assert str(truncate2(value)) == expected
    assert str(Rounding.TRUNCATE_2.apply(D(value))) == expected


@pytest.mark.parametrize("value, half_up, down", [
    ("2.5", "3", "2"),
    ("2.4999", "2", "2"),
    ("3.5", "4", "3"),      # not banker's rounding (which would give 4 here but 2 for 2.5)
    ("-2.5", "-3", "-2"),
    ("7", "7", "7"),
])
def test_whole_units(value, half_up, down):
    assert str(Rounding.WHOLE_HALF_UP.apply(D(value))) == half_up
    assert str(Rounding.WHOLE_DOWN.apply(D(value))) == down


def test_rules_have_turkish_labels_and_distinct_quanta():
    assert "yuvarlama" in Rounding.KURUS_HALF_UP.label
    assert "atılır" in Rounding.TRUNCATE_2.label
    assert Rounding.KURUS_HALF_UP.quantum == KURUS == D("0.01")
    assert Rounding.WHOLE_HALF_UP.quantum == D("1")
    assert len({r.label for r in Rounding}) == len(list(Rounding)) == 6  # + COEFFICIENT_UP_6, PERCENT_2_HALF_UP (pay/raise-forecast)


# --- plain (the contract's JSON form) -------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (D("1234.56"), "1234.56"),
    (D("1E+3"), "1000"),            # never an exponent
    (D("1.2E-7"), "0.00000012"),
    (D("0"), "0"),
    (D("-0"), "0"),
    (D("-0.00"), "0.00"),           # a tiny negative rounded to the kuruş is not "-0.00"
    (D("-12.50"), "-12.50"),
])
def test_plain(value, expected):
    assert plain(value) == expected


def test_plain_of_rounded_tiny_negative_has_no_minus():
    # kurus(-0.001) = Decimal("-0.00"); JSON must say "0.00"
    assert plain(kurus("-0.001")) == "0.00"


# --- properties -----------------------------------------------------------------------------

money_like = st.decimals(min_value=D("-1000000000"), max_value=D("1000000000"), allow_nan=False,
                         allow_infinity=False, places=6)
positive = st.decimals(min_value=D("0"), max_value=D("1000000000"), allow_nan=False, allow_infinity=False, places=6)


@given(money_like)
def test_kurus_is_idempotent(x):
    once = kurus(x)
    assert kurus(once) == once
    assert once.as_tuple().exponent == -2


@given(money_like)
def test_kurus_error_at_most_half_a_kurus(x):
    assert abs(kurus(x) - x) <= D("0.005")


@given(money_like)
def test_truncate_is_idempotent_and_within_a_kurus(x):
    t = truncate2(x)
    assert truncate2(t) == t
    assert abs(x - t) < D("0.01")


@given(positive)
def test_truncate_never_exceeds_positive_value(x):
    assert truncate2(x) <= x
    assert truncate2(x) <= kurus(x)


@given(money_like)
def test_plain_round_trips_through_decimal(x):
    assert D(plain(x)) == x
    assert "E" not in plain(x) and "e" not in plain(x)
