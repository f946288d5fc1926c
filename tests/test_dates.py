"""calc/dates.py: calendar days, hours, working days, Turkish dates."""

from datetime import date, datetime

import pytest

from calc.dates import (add_days, add_hours, add_working_days, at_least_days_before, days_between, days_in_month,
                        format_date, format_datetime, parse_iso_date)


def test_add_days_event_day_not_counted():
    # 30 days from 1 Sept: Sept has 30 days → 1 Oct
    assert add_days(date(2026, 9, 1), 30) == date(2026, 10, 1)
    # 60 days from 1 Sept: 29 left in Sept + 31 Oct = 60 → 31 Oct
    assert add_days(date(2026, 9, 1), 60) == date(2026, 10, 31)
    assert add_days(date(2024, 2, 28), 1) == date(2024, 2, 29)   # leap year
    assert add_days(date(2023, 2, 28), 1) == date(2023, 3, 1)
    assert add_days(date(2026, 1, 10), -10) == date(2025, 12, 31)


def test_at_least_days_before():
    # an assembly on 15 March 2026 announced at least 15 days before: by 28 Feb (Feb 2026 has 28 days)
    assert at_least_days_before(date(2026, 3, 15), 15) == date(2026, 2, 28)
    # across a leap February: 1 March 2024 − 1 day = 29 Feb
    assert at_least_days_before(date(2024, 3, 1), 1) == date(2024, 2, 29)
    assert days_between(at_least_days_before(date(2026, 7, 1), 7), date(2026, 7, 1)) == 7


def test_add_hours_48_saat():
    start = datetime(2026, 11, 20, 17, 30)          # Friday 17:30
    assert add_hours(start, 48) == datetime(2026, 11, 22, 17, 30)
    assert add_hours(datetime(2026, 12, 31, 12, 0), 48) == datetime(2027, 1, 2, 12, 0)
    assert add_hours(datetime(2026, 1, 1, 23, 0), 1) == datetime(2026, 1, 2, 0, 0)


def test_days_between():
    assert days_between(date(2026, 9, 1), date(2026, 11, 23)) == 83   # 29 + 31 + 23
    assert days_between(date(2026, 11, 23), date(2026, 9, 1)) == -83


@pytest.mark.parametrize("start, n, expected", [
    (date(2026, 11, 20), 1, date(2026, 11, 23)),    # Friday + 1 working day → Monday
    (date(2026, 11, 21), 1, date(2026, 11, 23)),    # Saturday + 1 → Monday
    (date(2026, 11, 22), 1, date(2026, 11, 23)),    # Sunday + 1 → Monday
    (date(2026, 11, 23), 5, date(2026, 11, 30)),    # Monday + 5 → next Monday
    (date(2026, 11, 23), 4, date(2026, 11, 27)),    # Monday + 4 → Friday
    (date(2026, 11, 23), 15, date(2026, 12, 14)),   # three full weeks
    (date(2026, 11, 23), 0, date(2026, 11, 23)),
])
def test_add_working_days_skips_weekends(start, n, expected):
    out = add_working_days(start, n)
    assert out == expected
    assert n == 0 or out.weekday() < 5


@pytest.mark.parametrize("year, month, days", [
    (2026, 1, 31), (2026, 2, 28), (2024, 2, 29), (2000, 2, 29), (1900, 2, 28), (2100, 2, 28),
    (2026, 4, 30), (2026, 6, 30), (2026, 11, 30), (2026, 12, 31),
])
def test_days_in_month(year, month, days):
    assert days_in_month(year, month) == days


def test_format_date_in_turkish():
    assert format_date(date(2026, 11, 23)) == "23 Kasım 2026 Pazartesi"
    assert format_date(date(2026, 2, 1)) == "1 Şubat 2026 Pazar"
    assert format_date(date(2026, 8, 5)) == "5 Ağustos 2026 Çarşamba"
    assert format_date(date(2026, 9, 24)) == "24 Eylül 2026 Perşembe"
    assert format_datetime(datetime(2026, 11, 20, 9, 5)) == "20 Kasım 2026 Cuma 09:05"


def test_parse_dates_iso_and_turkish():
    assert parse_iso_date("2026-07-15") == date(2026, 7, 15)
    assert parse_iso_date(" 15.07.2026 ") == date(2026, 7, 15)
    with pytest.raises(ValueError):
        parse_iso_date("31.02.2026")
    with pytest.raises(ValueError):
        parse_iso_date("15/07/2026")
