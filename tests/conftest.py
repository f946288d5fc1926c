"""Shared helpers for the engine tests."""

from __future__ import annotations

import json
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
