"""Every calculator's worked example against its golden file (see tests/goldenkit.py; `python3 build.py golden`)."""

import json

import pytest

import calc
from goldenkit import GOLDEN, compute, path_for, pinned_on, render


@pytest.mark.parametrize("calc_id", calc.registry.ids())
def test_worked_example_matches_its_golden_file(calc_id):
    p = path_for(calc_id)
    assert p.exists(), f"{p.name} yok: python3 build.py golden ile oluşturup inceleyin"
    want = p.read_text(encoding="utf-8")
    got = render(compute(calc_id, pinned_on(calc_id)))
    if got != want:
        old, new = json.loads(want), json.loads(got)
        diff = [k for k in ("inputs", "output") if old.get(k) != new.get(k)]
        steps = [(a, b) for a, b in zip(old["output"]["steps"], new["output"]["steps"], strict=False) if a != b][:2]
        pytest.fail(f"{p.name} değişti ({', '.join(diff)}); ilk farklı adımlar: {steps}. Değişiklik doğruysa "
                    "python3 build.py golden çalıştırıp farkı commit'leyin.")


def test_no_golden_file_without_a_calculator():
    names = {path_for(i).name for i in calc.registry.ids()}
    assert {p.name for p in GOLDEN.glob("*.json")} <= names
