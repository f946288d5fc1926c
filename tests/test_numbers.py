"""calc/numbers.py: reading and showing numbers the Turkish way."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.money import Rounding
from calc.numbers import NumberFormatError, format_money, format_number, format_percent, parse_number

D = Decimal


@pytest.mark.parametrize("text, expected", [
    ("1.234,56", "1234.56"),     # Turkish: dot thousands, decimal comma
    ("1234,56", "1234.56"),
    ("1234.56", "1234.56"),      # a single dot followed by two digits can only be a decimal point
    ("1234", "1234"),
    ("1.234.567", "1234567"),    # several groups of three: thousands
    ("1.234.567,5", "1234567.5"),
    ("-12,5", "-12.5"),
    ("+7", "7"),
    ("1 234,56", "1234.56"),     # a space as the thousands separator
    ("1\u00a0234,56", "1234.56"),  # no-break space, as spreadsheets copy it
    ("\u221212,5", "-12.5"),     # the typographic minus sign
    ("  0,5 ", "0.5"),
    ("0.123", "0.123"),          # "0.123" is no thousands group (a group never starts with 0)
    ("1234.567", "1234.567"),    # four digits before the dot: not a thousands group
])
def test_parse_accepted_forms(text, expected):
    assert parse_number(text) == D(expected)


@pytest.mark.parametrize("text", ["1.234", "12.345", "-123.456"])
def test_parse_refuses_ambiguous_thousands(text):
    with pytest.raises(NumberFormatError, match="belirsiz") as exc:
        parse_number(text)
    # and it says how to write it instead: "1234" or "1,234"
    digits = text.replace(".", "")
    assert f"“{digits}”" in str(exc.value)
    assert f"“{text.replace('.', ',')}”" in str(exc.value)


@pytest.mark.parametrize("text", [
    "abc", "12,5a", "1,234.56", "1.234,56,7", "1.23,45", "12 34", "1 234.56", "1,", ",5", "1..2",
    "1.2.3", "1e5", "--1", "12.345.67",
])
def test_parse_refuses_malformed_with_turkish_message(text):
    with pytest.raises(NumberFormatError) as exc:
        parse_number(text)
    msg = str(exc.value)
    assert "bir sayı değil" in msg or "belirsiz" in msg
    assert "örnek" in msg or "yazın" in msg


@pytest.mark.parametrize("text", ["", "   "])
def test_parse_refuses_blank(text):
    with pytest.raises(NumberFormatError, match="boş"):
        parse_number(text)


def test_parse_refuses_non_text():
    with pytest.raises(NumberFormatError, match="sayı bekleniyordu"):
        parse_number(12)  # type: ignore[arg-type]


def test_number_format_error_is_a_value_error():
    assert issubclass(NumberFormatError, ValueError)


@pytest.mark.parametrize("value, places, expected", [
    (D("1234.56"), 2, "1.234,56"),
    (D("1234.565"), 2, "1.234,57"),        # half up to the kuruş
    (D("-1234.565"), 2, "-1.234,57"),
    (D("1234567.891"), 2, "1.234.567,89"),
    (D("999"), 2, "999,00"),
    (D("1000"), None, "1.000"),
    (D("0.759"), None, "0,759"),
    (1234567, 0, "1.234.567"),
    (D("-0.001"), 2, "0,00"),              # no "-0,00"
    (D("12"), 3, "12,000"),
])
def test_format_number(value, places, expected):
    assert format_number(value, places) == expected


def test_format_number_truncating_rule():
    assert format_number(D("0.999"), 2, Rounding.TRUNCATE_2) == "0,99"


def test_format_money_and_percent():
    assert format_money(D("1234.5")) == "1.234,50 TL"
    assert format_money(D("0.005")) == "0,01 TL"
    assert format_percent(D("0.65")) == "%65"
    assert format_percent(D("0.00759")) == "%0,759"
    assert format_percent(D("0.5")) == "%50"       # 0.5 × 100 = 5E+1 normalised: must still read 50


def test_format_refuses_float():
    with pytest.raises(TypeError):
        format_number(1.5)


# --- properties -----------------------------------------------------------------------------

two_places = st.decimals(min_value=D("-1000000000000"), max_value=D("1000000000000"), places=2,
                         allow_nan=False, allow_infinity=False)


@given(two_places)
def test_format_then_parse_round_trips_two_places(x):
    text = format_number(x)
    assert parse_number(text) == x
    assert "." not in text.rsplit(",", 1)[-1]  # the decimal separator is the comma


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_then_parse_round_trips_integers(n):
    # With the default two places an integer is shown as "1.234,00": never ambiguous.
    assert parse_number(format_number(n)) == n


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_whole_numbers_without_decimals_round_trip_unless_one_thousands_group(n):
    text = format_number(n, 0)
    if 1000 <= abs(n) < 1000000:
        # "1.234" is exactly the ambiguous form: refused, never misread as 1,234
        with pytest.raises(NumberFormatError, match="belirsiz"):
            parse_number(text)
    else:
        assert parse_number(text) == n
