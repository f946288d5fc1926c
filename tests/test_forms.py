"""Forms never invent an input (issue 20): every calculator, every required field, every path the engine offers."""

from __future__ import annotations

import re
import sys

import pytest

import calc
from calc.errors import InputError

CALCS = calc.calculators()


def _required(c):
    return [f for f in c.inputs if f.required]


@pytest.mark.parametrize("c", CALCS, ids=lambda c: c.id)
def test_a_required_field_missing_or_empty_is_an_error_naming_its_label(c):
    example = c.example_inputs()
    for f in _required(c):
        for inputs in ({k: v for k, v in example.items() if k != f.name}, {**example, f.name: ""}):
            with pytest.raises(InputError) as exc:
                c.run(inputs)
            assert exc.value.field == f.name, (c.id, f.name, exc.value.message)
            assert f"“{f.label}”" in exc.value.message and "zorunlu" in exc.value.message, (c.id, f.name)


def _internal_names(c) -> set[str]:
    names = set()
    for f in c.inputs:
        names.add(f.name)
        names |= {i.name for i in f.items}
        names |= {v for v, _ in f.choices if "_" in v}
    return {n for n in names if "_" in n}  # one-word keys (“dues”, “seats”) are also Turkish-looking words


BAD = {"money": "abc", "decimal": "abc", "integer": "abc", "date": "abc", "datetime": "abc", "choice": "yok_boyle"}


@pytest.mark.parametrize("c", CALCS, ids=lambda c: c.id)
def test_messages_name_fields_by_label_never_by_key(c):
    """“(highest_civil_servant_salary)”, “il_temsilciligi”: a reader never sees internal names."""
    example = c.example_inputs()
    internal = _internal_names(c)
    for f in c.inputs:
        bad = BAD.get(f.type)
        if bad is None:
            continue
        with pytest.raises(InputError) as exc:
            c.run({**example, f.name: bad})
        message = exc.value.message.replace(bad, "")
        assert f"({f.name})" not in message, (c.id, message)
        leaked = [n for n in internal if re.search(rf"\b{re.escape(n)}\b", message)]
        assert leaked == [], (c.id, f.name, message)
        if f.type == "integer":
            assert "1.234,56" not in message, (c.id, message)  # an integer field suggests an integer


@pytest.mark.parametrize("c", CALCS, ids=lambda c: c.id)
def test_money_inputs_read_a_thousands_dot(c):
    """`40.000` in a money input is forty thousand (contract); the result equals the one for `40000`."""
    example = c.example_inputs()
    money = [f for f in c.inputs if f.type == "money" and (f.max is None or f.max >= 40_000) and (f.min or 0) <= 40_000]
    for f in money:
        try:
            plain = c.run({**example, f.name: "40000"})
        except InputError:
            continue  # 40 000 TL does not fit this calculator's other inputs; the field itself is tested in test_fields
        assert c.run({**example, f.name: "40.000"})["result"] == plain["result"], (c.id, f.name)


def test_personal_fields_are_declared():
    """Names, T.C. kimlik no, addresses and phones never go into a shared link: the page reads `personal`."""
    for c in CALCS:
        for f in c.inputs:
            looks_personal = f.name in ("full_name", "tckn", "address", "phone", "email")
            assert f.personal == looks_personal, (c.id, f.name)


def test_date_only_cell_in_a_datetime_column_stays_a_day():
    from calc.explain import cell_value, display
    assert display(cell_value("2026-10-18", "datetime"), "datetime") == "18 Ekim 2026 Pazar"
    assert display(cell_value("2026-10-18T09:00", "datetime"), "datetime").endswith("09:00")


@pytest.mark.parametrize("c", CALCS, ids=lambda c: c.id)
def test_the_worker_returns_the_html_the_build_writes(c):
    """One renderer: `run_json` (the browser worker) carries the HTML of `calc.render`, which the build prerenders."""
    import json

    from calc.render import result_html
    from calc.web import run_json
    live = json.loads(run_json(c.id, json.dumps(c.example_inputs()), "2026-12-01"))
    assert live["ok"], live
    from datetime import date
    assert live["html"] == result_html(c, c.run(c.example_inputs(), date(2026, 12, 1)))
    assert "<dl class=\"hesap-main\">" in live["html"] and "hesap-steps" in live["html"]


@pytest.mark.skipif(sys.platform == "emscripten", reason="the copy under Pyodide holds the engine, not the site")
def test_page_script_formats_nothing():
    from pathlib import Path
    js = (Path(__file__).parents[1] / "site" / "static" / "hesap.js").read_text(encoding="utf-8")
    for copy in ("formatTr", "dateText", "cellText", "renderOutput", "renderCharts", "Intl.NumberFormat", "toFixed"):
        assert copy not in js, copy
