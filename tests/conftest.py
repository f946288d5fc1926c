"""Shared helpers for the engine tests."""

from __future__ import annotations

import json
import os
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



# Under Pyodide (tests/test_pyodide.py runs this suite in Node) there is no subprocess and no browser.
EMSCRIPTEN = sys.platform == "emscripten"
collect_ignore = ["test_cli.py", "test_pyodide.py", "browser"] if EMSCRIPTEN else []


@pytest.fixture(scope="session")
def next_period_site(tmp_path_factory):
    """A copy of the project with a fake 2027 Ocak salary period and 2027 tax year (+10 %), built to dist/."""
    if EMSCRIPTEN:
        pytest.skip("no subprocess under Pyodide")
    from calc import staff
    from staffkit import confirm_scaffold

    root = tmp_path_factory.mktemp("next") / "hesap"
    root.mkdir()
    for name in ("calc", "site", "docs"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("build.py", "pyproject.toml", "package.json", "package-lock.json", "README.md"):
        shutil.copy2(ROOT / name, root / name)
    for name in (".venv", "node_modules"):
        (root / name).symlink_to(ROOT / name)
    data = root / "calc" / "data"
    confirm_scaffold(staff.scaffold_period("salary", "2027-01", data),
                     {"monthly_coefficient": "1.10", "base_salary_coefficient": "1.10", "side_payment_coefficient": "1.10"})
    confirm_scaffold(staff.scaffold_period("income_tax", "2027", data))
    env = {**os.environ, "PYTHONPATH": str(root)}
    python = ROOT / ".venv" / "bin" / "python"  # build.py's own environment: no setup step in the copy
    proc = subprocess.run([str(python if python.exists() else sys.executable), str(root / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return root
