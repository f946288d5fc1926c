"""Published figures as data: `tests/cases/*.toml`, one file per calculator, one `[[case]]` per published example.

Union staff add a circular's or an article's worked example here without writing Python (see CONTRIBUTING and
the staff guide). Each case names its `source` and pins its `period` (the parameter table it must use), like
OpenFisca's YAML tests, so adding next period's data never turns a case red. `expect` keys are paths into the
result: `gross`, or `lines[base_salary].amount` for the row of a list whose `name` (or `kind`) is base_salary.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

import calc
from calc.staff import period_start

CASES = Path(__file__).parent / "cases"
REQUIRED = ("name", "source", "period", "inputs", "expect")
STEP = re.compile(r"([^.\[\]]+)(?:\[([^\]]+)\])?")


def _load() -> list:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("case", []), 1):
            out.append(pytest.param(path.name, data.get("calculator"), case, id=f"{path.stem}:{case.get('name', i)}"))
    return out


def lookup(result, path: str):
    """`lines[base_salary].amount` → the `amount` of the row named base_salary in `lines`."""
    value = result
    for part in path.split("."):
        m = STEP.fullmatch(part)
        assert m, f"“{path}” bir sonuç yolu değil"
        value = value[m[1]]
        if m[2] is not None:
            rows = [r for r in value if m[2] in (r.get("name"), r.get("kind"))]
            assert len(rows) == 1, f"{path}: “{m[2]}” adlı satır {len(rows)} kez var"
            value = rows[0]
    return value


def same(expected, actual) -> bool:
    try:
        return Decimal(str(expected)) == Decimal(str(actual))
    except (InvalidOperation, TypeError):
        return expected == actual


def test_every_case_file_is_well_formed():
    files = sorted(CASES.glob("*.toml"))
    assert files, "tests/cases/ holds no case file"
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data.get("calculator") in calc.registry.ids(), f"{path.name}: calculator = “{data.get('calculator')}”?"
        assert data.get("case"), f"{path.name}: no [[case]]"
        for case in data["case"]:
            missing = [k for k in REQUIRED if k not in case]
            assert not missing, f"{path.name}: “{case.get('name')}”: missing {', '.join(missing)}"
            assert str(case["source"]).strip() and case["expect"], f"{path.name}: “{case['name']}”: empty source/expect"


@pytest.mark.parametrize("file, calc_id, case", _load())
def test_published_case(file, calc_id, case):
    c = calc.get(calc_id)
    inputs = dict(case["inputs"])
    if c.period_input:
        assert c.period_input in inputs, f"{file}: “{case['name']}” must name its {c.period_input}"
    out = c.run(inputs, period_start(str(case["period"])))
    if c.parameter_set:
        assert out["parameters"] == str(case["period"]), f"{file}: “{case['name']}” used {out['parameters']}"
    wrong = {k: (v, lookup(out["result"], k)) for k, v in case["expect"].items() if not same(v, lookup(out["result"], k))}
    assert not wrong, f"{file}: “{case['name']}” ({case['source']}): expected → got {wrong}"
