"""The engine under Pyodide in Node gives exactly what it gives under CPython; the wheel installs with micropip."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import calc
from calc.web import run_json

pytestmark = pytest.mark.pyodide
ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "tests" / "pyodide" / "engine.mjs"
WHEELS = ROOT / ".cache" / "pyodide-wheels"
ON = "2026-11-23"


@pytest.fixture(scope="module")
def wheel() -> Path:
    found = sorted((ROOT / ".cache" / "wheel").glob("hesap_calc-*-py3-none-any.whl"))
    if not found or not (ROOT / "node_modules" / "pyodide").exists() or not shutil.which("node"):
        pytest.fail("the wheel, node or node_modules/pyodide is missing: run `python3 build.py test`")
    return found[-1]


@pytest.fixture(scope="module")
def site_wheel() -> Path:
    """The wheel dist/ ships (sitebuild.compile_wheel): calc as bytecode."""
    found = sorted((ROOT / "dist" / "py").glob("hesap_calc-*-py3-none-any.whl"))
    if not found:
        pytest.fail("dist/ is not built: run `python3 build.py test`")
    return found[-1]


def node(*args: str, stdin: str = "", timeout: int = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ENGINE), *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout, env=None if env is None else {**os.environ, **env})


def cases() -> list[dict]:
    """Each calculator's worked example, its bare defaults, and a bad value in each numeric input."""
    out = []
    for c in calc.calculators():
        example = c.example_inputs()
        out.append({"id": c.id, "inputs": example, "date": ON})
        out.append({"id": c.id, "inputs": {}, "date": ON})
        for f in c.inputs:
            if f.type in ("money", "decimal", "integer"):
                out.append({"id": c.id, "inputs": {**example, f.name: "1.2.3,4x"}, "date": ON})
    out.append({"id": "dues/split", "inputs": {"dues": "1.234,56"}, "date": None})
    out.append({"id": "no/such", "inputs": {}, "date": ON})
    return out


def run_cases(wheel, todo, tmp_path, env=None):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(todo, ensure_ascii=False), encoding="utf-8")
    return node("run", str(wheel), str(path), env=env)


def test_every_calculator_gives_the_same_json_under_pyodide(wheel, tmp_path):
    todo = cases()
    proc = run_cases(wheel, todo, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout)
    assert len(got) == len(todo)
    for case, pyodide_out in zip(todo, got, strict=True):
        cpython_out = json.loads(run_json(case["id"], json.dumps(case["inputs"], ensure_ascii=False), case["date"]))
        assert pyodide_out == cpython_out, case


def test_every_calculator_runs_with_the_sites_trimmed_standard_library(site_wheel, tmp_path):
    """The site ships only the stdlib modules the engine imports (sitebuild.trim_stdlib), compiled (site/pyc.mjs),
    and calc as bytecode (sitebuild.compile_wheel): a normal start from them (a first visit, the fallback) still
    gives every calculator's JSON on every input path the parity test tries."""
    stdlib = ROOT / "dist" / "pyodide" / "python_stdlib.zip"
    full = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    assert stdlib.exists(), "dist/ is not built: run `python3 build.py test`"
    import zipfile
    with zipfile.ZipFile(stdlib) as z, zipfile.ZipFile(full) as f:
        shipped = [n for n in z.namelist() if not n.endswith("/")]
        assert shipped and all(n.endswith(".pyc") for n in shipped)  # bytecode only: nothing left to compile
        assert len(shipped) < len([n for n in f.namelist() if n.endswith(".py")]) / 3
    assert stdlib.stat().st_size < full.stat().st_size * 0.6
    todo = cases()
    proc = run_cases(site_wheel, todo, tmp_path, env={"HESAP_STDLIB": str(stdlib)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    for case, out in zip(todo, json.loads(proc.stdout), strict=True):
        assert out == json.loads(run_json(case["id"], json.dumps(case["inputs"], ensure_ascii=False), case["date"])), case


def test_the_site_ships_calc_as_bytecode_in_a_wheel_that_stays_a_wheel(wheel, site_wheel):
    """A first visit (and the fallback) loads calc's modules as bytecode compiled by Pyodide's own Python (the
    parity run above uses this wheel): every module of the source wheel, no source left, and every member in the
    RECORD with its hash and size."""
    import base64
    import hashlib
    import zipfile
    with zipfile.ZipFile(wheel) as z:
        sources = sorted(n for n in z.namelist() if n.endswith(".py"))
    with zipfile.ZipFile(site_wheel) as z:
        names = z.namelist()
        assert sources and not [n for n in names if n.endswith(".py")]
        assert sorted(n for n in names if n.endswith(".pyc")) == [n + "c" for n in sources]
        record = next(n for n in names if n.endswith(".dist-info/RECORD"))
        rows = {r.split(",")[0]: r for r in z.read(record).decode().splitlines() if r}
        assert set(rows) == set(names)
        for n in names:
            if n != record:
                data = z.read(n)
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert rows[n] == f"{n},sha256={digest},{len(data)}", n


@pytest.mark.parametrize("which", ["wheel", "site_wheel"])
def test_the_wheel_installs_with_micropip(which, request):
    wheel = request.getfixturevalue(which)
    if not (WHEELS / "micropip-0.11.1-py3-none-any.whl").exists():
        pytest.fail(f"{WHEELS} lacks micropip: run `python3 build.py test`")
    proc = node("micropip", str(wheel), str(WHEELS))
    assert proc.returncode == 0, proc.stderr[-2000:]
    version, count = proc.stdout.split()[-2:]
    assert version == calc.__version__ and int(count) == len(calc.calculators())


def test_engine_suite_passes_under_pyodide(wheel):
    proc = node("pytest", str(wheel), str(WHEELS), str(ROOT / "tests"), timeout=1200)
    tail = (proc.stdout + proc.stderr)[-3000:]
    assert proc.returncode == 0, tail
    assert " passed" in tail and " failed" not in tail, tail


def test_a_rebuild_without_engine_changes_keeps_the_readers_snapshot(wheel, tmp_path):
    """Readers keep the snapshot their browser made after a documentation-only rebuild: the same engine gives the
    same key (worker.mjs names the copy by it) and the same trimmed standard library; a changed engine does not."""
    import shutil
    import sys
    import zipfile
    sys.path.insert(0, str(ROOT / "site"))
    import sitebuild

    stdlib, key = sitebuild.make_stdlib(ROOT, wheel, ROOT / ".cache")
    assert sitebuild.make_stdlib(ROOT, wheel, ROOT / ".cache") == (stdlib, key)
    worker = (ROOT / "dist" / "assets" / "hesap" / "worker.mjs").read_text(encoding="utf-8")
    assert f'"snapshot-{key}.bin"' in worker
    assert (ROOT / "dist" / "pyodide" / "python_stdlib.zip").read_bytes() == stdlib.read_bytes()
    changed = tmp_path / wheel.name
    shutil.copy2(wheel, changed)
    with zipfile.ZipFile(changed, "a") as z:
        z.writestr("calc/_changed.py", "X = 1\n")
    cache = tmp_path / "cache"
    cache.mkdir()
    assert sitebuild.make_stdlib(ROOT, changed, cache)[1] != key
