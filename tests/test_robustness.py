"""Bad input never produces a traceback or a wrong type: any JSON thrown at any calculator either computes
or raises InputError with a field and a Turkish message."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calc

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["", "abc", "1.234", "1.234,56", "-5", "0", "1e999", "NaN", "2026-07", "2026-13-45", "31.02.2026",
                     "senim", "bak-sen", "true", "ad;üye\nA;1", "[]", "{}", "9" * 40]),
)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)


def inputs_for(c):
    names = [f.name for f in c.inputs]
    example = c.example if c.example is not None else {}
    return st.fixed_dictionaries({}, optional={n: JSON for n in names}).map(lambda d: {**example, **d})


@pytest.mark.parametrize("calc_id", [c.id for c in calc.calculators()])
def test_any_input_computes_or_is_refused_in_turkish(calc_id):
    c = calc.get(calc_id)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(inputs_for(c))
    def check(inputs):
        try:
            out = c.run(inputs)
        except calc.InputError as exc:
            assert exc.message and isinstance(exc.message, str)
            return
        json.dumps(out, ensure_ascii=False)  # the contract's output is plain JSON
        for step in out["steps"]:
            assert isinstance(step["label"], str) and isinstance(step["display"], str)

    check()


def _bounded(field, lo_default, hi_default):
    lo = field.min if field.min is not None else lo_default
    hi = field.max if field.max is not None else hi_default
    return lo, hi


def plausible(field):
    """Values of the declared type, mostly in range: they reach the rules themselves, not only the reader."""
    t = field.type
    if t in ("money", "decimal"):
        lo, hi = _bounded(field, 0, 10**6)
        places = field.places if field.places is not None else 2
        base = st.decimals(min_value=lo, max_value=hi, places=places, allow_nan=False, allow_infinity=False)
        return st.one_of(base.map(str), base.map(lambda d: format(d, "f").replace(".", ",")))
    if t == "integer":
        lo, hi = _bounded(field, 0, 1000)
        return st.integers(int(lo), int(hi))
    if t == "bool":
        return st.booleans()
    if t == "choice":
        return st.sampled_from([v for v, _ in field.choices])
    if t == "date":
        return st.dates(min_value=__import__("datetime").date(2020, 1, 1),
                        max_value=__import__("datetime").date(2030, 12, 31)).map(lambda d: d.isoformat())
    if t == "datetime":
        return st.datetimes(min_value=__import__("datetime").datetime(2020, 1, 1),
                            max_value=__import__("datetime").datetime(2030, 12, 31)).map(lambda d: d.strftime("%Y-%m-%dT%H:%M"))
    if t == "list":
        if not field.items:
            return st.lists(st.text(min_size=1, max_size=10), max_size=6)
        row = st.fixed_dictionaries({i.name: plausible(i) for i in field.items})
        return st.lists(row, min_size=0, max_size=6)
    if t == "text" and field.name in ("month", "month_before", "month_after"):
        return st.sampled_from(["2025-01", "2025-06", "2025-07", "2025-12", "2026-01", "2026-06", "2026-07", "2026-12"])
    return st.text(min_size=0, max_size=20)


@pytest.mark.parametrize("calc_id", [c.id for c in calc.calculators()])
def test_plausible_inputs_never_crash(calc_id):
    c = calc.get(calc_id)
    example = c.example if c.example is not None else {}
    strategy = st.fixed_dictionaries({}, optional={f.name: plausible(f) for f in c.inputs}).map(lambda d: {**example, **d})

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategy)
    def check(inputs):
        try:
            out = c.run(inputs)
        except calc.InputError as exc:
            assert exc.message
            return
        json.dumps(out, ensure_ascii=False)

    check()
