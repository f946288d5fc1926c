"""Shared helpers for the engine tests."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# No per-example deadline: a slow CI machine must not make a property test flaky.
settings.register_profile("hesap", deadline=None)
settings.load_profile("hesap")


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


def run_cli(*args: str, stdin: str | None = None) -> CliResult:
    proc = subprocess.run([sys.executable, "-m", "calc", *args], input=stdin if stdin is not None else "",
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60)
    return CliResult(proc)


@pytest.fixture
def cli():
    if sys.platform == "emscripten":
        pytest.skip("no subprocess under Pyodide")
    return run_cli



# Under Pyodide (tests/test_pyodide.py runs this suite in Node) there is no subprocess, no server and no browser.
EMSCRIPTEN = sys.platform == "emscripten"
collect_ignore = ["test_cli.py", "test_pyodide.py", "test_hosting.py", "browser"] if EMSCRIPTEN else []


@pytest.fixture(scope="session")
def next_period_site(tmp_path_factory):
    """A copy of the project after the staff routine: the next salary period and tax year scaffolded, filled with
    plausible values (+10 % coefficients, +20 % minimum wage, wider brackets), sourced, confirmed, and built."""
    if EMSCRIPTEN:
        pytest.skip("no subprocess under Pyodide")
    from calc import ParameterError, params, staff
    from staffkit import confirm_scaffold, next_period

    try:  # the routine starts from a publishable tree; an unfinished scaffold is the build's to refuse, by name
        staff.check_publishable()
    except ParameterError as exc:
        pytest.skip(f"the tree is not publishable yet (python3 build.py build refuses it): {exc}")

    root = tmp_path_factory.mktemp("next") / "hesap"
    root.mkdir()
    for name in ("calc", "site", "docs", "tests"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("build.py", "pyproject.toml", "package.json", "package-lock.json", "README.md"):
        shutil.copy2(ROOT / name, root / name)
    for name in (".venv", "node_modules"):
        (root / name).symlink_to(ROOT / name)
    data = root / "calc" / "data"
    previous = params.load_set("salary", data)[-1]
    salary_id, tax_id = next_period("salary", data), next_period("income_tax", data)
    confirm_scaffold(staff.scaffold_period("salary", salary_id, data),
                     {"monthly_coefficient": "1.10", "base_salary_coefficient": "1.10", "side_payment_coefficient": "1.10"},
                     source=f"HMB {staff.period_title(salary_id)} Mali ve Sosyal Haklar Genelgesi (deneme)")
    tax = staff.scaffold_period("income_tax", tax_id, data)
    confirm_scaffold(tax, {"min_wage_gross": "1.20"}, source=f"GİB {tax_id} tarifesi (deneme)")
    text = tax.read_text(encoding="utf-8")
    tax.write_text(re.sub(r'"upto" = (\d+)', lambda m: f'"upto" = {int(m[1]) * 5 // 4}', text), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(root)}
    python = ROOT / ".venv" / "bin" / "python"  # build.py's own environment: no setup step in the copy
    proc = subprocess.run([str(python if python.exists() else sys.executable), str(root / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    new = params.load_set("salary", data)[-1]
    from calc.numbers import format_number
    return {"root": root, "salary": salary_id, "income_tax": tax_id, "previous": previous.id,
            "old_coefficient": format_number(previous["monthly_coefficient"], None),
            "new_coefficient": format_number(new["monthly_coefficient"], None)}
