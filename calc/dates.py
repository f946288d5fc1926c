"""Dates and durations for deadlines: calendar days, hours, "at least N days before".

Day counting follows the usual reading of Turkish procedural texts: a period of N days
starting on an event ends N calendar days after it (the event day is not counted).
Holidays do not move a deadline unless a rule says so; the calculators say which reading
they use.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

MONTHS_TR = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz",
             "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık")
WEEKDAYS_TR = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")


def add_days(start: date, days: int) -> date:
    """The day `days` calendar days after `start` (before it when negative)."""
    return start + timedelta(days=days)


def at_least_days_before(event: date, days: int) -> date:
    """The latest date that is at least `days` full days before `event`."""
    return event - timedelta(days=days)


def add_hours(start: datetime, hours: int) -> datetime:
    """A moment `hours` hours after `start` (48 saat = two full days to the hour)."""
    return start + timedelta(hours=hours)


def days_between(first: date, second: date) -> int:
    """Calendar days from `first` to `second` (negative when `second` is earlier)."""
    return (second - first).days


def days_in_month(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


def format_date(d: date) -> str:
    """`23 Kasım 2026 Pazartesi`."""
    return f"{d.day} {MONTHS_TR[d.month - 1]} {d.year} {WEEKDAYS_TR[d.weekday()]}"


def format_datetime(moment: datetime) -> str:
    return f"{format_date(moment.date())} {moment:%H:%M}"


def parse_iso_date(text: str) -> date:
    """`YYYY-MM-DD`, or the Turkish `GG.AA.YYYY`."""
    s = text.strip()
    if len(s) == 10 and s[2] == "." and s[5] == ".":
        day, month, year = s.split(".")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(s)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start`, Saturdays and Sundays skipped.

    Official holidays are not skipped: the result is the earliest the deadline can fall,
    and a calculator using it says so.
    """
    d = start
    left = days
    while left > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            left -= 1
    return d
