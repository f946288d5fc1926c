"""Issue 8: publishing a new raise period — scaffold, validation that refuses mistakes, what changed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calc import ParameterError, params, staff
from staffkit import ROOT, confirm_scaffold


@pytest.fixture
def data(tmp_path):
    """A private copy of the shipped parameter files."""
    root = tmp_path / "data"
    shutil.copytree(Path(params.__file__).parent / "data", root)  # the installed package's, also under Pyodide
    return root


def test_scaffold_copies_the_newest_period_marked_to_confirm(data):
    path = staff.scaffold_period("salary", "2027-01", data)
    text = path.read_text(encoding="utf-8")
    assert 'id = "2027-01"' in text and 'title = "2027 Ocak"' in text and "valid_from = 2027-01-01" in text
    assert text.count("confirmed = false") == len(params.load_schema("salary", data).keys)
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.file == "salary/2027-01.toml" and e.value.key == "monthly_coefficient"
    assert "teyit" in e.value.message


def test_scaffold_refuses_a_period_that_is_not_newer(data):
    with pytest.raises(ValueError, match="sonra başlamalı"):
        staff.scaffold_period("salary", "2026-07", data)
    with pytest.raises(ValueError, match="dönem adı değil"):
        staff.scaffold_period("salary", "Ocak 2027", data)


def test_confirmed_period_is_used_from_its_start_date(data):
    confirm_scaffold(staff.scaffold_period("salary", "2027-01", data), {"monthly_coefficient": "1.10"})
    tables = params.load_set("salary", data)
    new, old = tables[-1], tables[-2]
    assert (new.id, new.valid_from, new.valid_until) == ("2027-01", date(2027, 1, 1), None)
    assert old.id == "2026-07" and old.valid_until == date(2026, 12, 31)
    assert new["monthly_coefficient"] == Decimal("1.733063")  # 1,575512 × 1,10 to six places
    (c,) = staff.changes(old, new)
    assert c.key == "monthly_coefficient" and c.old == Decimal("1.575512")
    assert round(c.ratio, 4) == Decimal("0.1000")


def _set_value(path, key, value):
    text = path.read_text(encoding="utf-8")
    i = text.index(f"[values.{key}]\n")
    j = text.index("value = ", i)
    k = text.index("\n", j)
    path.write_text(text[:j] + f"value = {value}" + text[k:], encoding="utf-8")


def test_a_typo_in_a_coefficient_is_refused_naming_file_key_old_and_new(data):
    path = staff.scaffold_period("salary", "2027-01", data)
    confirm_scaffold(path)
    _set_value(path, "monthly_coefficient", "15.75512")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.file == "salary/2027-01.toml" and e.value.key == "monthly_coefficient"
    assert "1.575512 → 15.75512" in e.value.message and "acknowledge" in e.value.message


def test_an_acknowledged_large_change_is_accepted(data):
    path = staff.scaffold_period("salary", "2027-01", data)
    confirm_scaffold(path)
    _set_value(path, "base_salary_coefficient", "45.794915")  # a large seyyanen addition, on purpose
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "2027 Ocak"', 'title = "2027 Ocak"\nacknowledge = ["base_salary_coefficient"]'),
                    encoding="utf-8")
    assert params.load_set("salary", data)[-1]["base_salary_coefficient"] == Decimal("45.794915")


def test_a_jump_inside_a_table_is_refused_too(data):
    path = staff.scaffold_period("salary", "2027-01", data)
    confirm_scaffold(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"1" = [1320, 1380, 1440, 1500]', '"1" = [1320, 3800, 1440, 1500]'), encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.key == "indicator_table[1/2]" and "1380 → 3800" in e.value.message


@pytest.mark.parametrize("edit, key, words", [
    (lambda t: re.sub(r'reference = "[^"]*"\n(source = "[^"]*"\n)?value = 1\.575512', "value = 1.575512", t, count=1),
     "monthly_coefficient", "kaynaksız"),
    (lambda t: t.replace("valid_from = 2027-01-01", "valid_from = 2026-12-01"), "valid_until", "çakışıyor"),
    (lambda t: t.replace("valid_from = 2027-01-01", "valid_from = 2027-02-01"), "valid_until", "boşluk"),
    (lambda t: t.replace("value = 1.575512", 'value = "1,575512"'), "monthly_coefficient", "sayı olmalı"),
    (lambda t: t.replace("[values.monthly_coefficient]", "[values.monthly_coeficient]"), "monthly_coeficient", "şemada olmayan"),
])
def test_each_mistake_is_refused_with_its_message(data, edit, key, words):
    path = staff.scaffold_period("salary", "2027-01", data)
    confirm_scaffold(path)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.key == key and words in e.value.message


def test_tax_brackets_must_ascend_and_rates_stay_within_0_1(data):
    path = staff.scaffold_period("income_tax", "2027", data)
    confirm_scaffold(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{ "upto" = 400000', '{ "upto" = 100000', 1) if '{ "upto" = 400000' in text
                    else text.replace("upto = 400000", "upto = 100000", 1), encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("income_tax", data)
    assert "artan" in e.value.message
    path.unlink()
    path = staff.scaffold_period("income_tax", "2027", data)
    confirm_scaffold(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("0.15", "15", 1), encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("income_tax", data)
    assert "0 ile 1 arasında" in e.value.message


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocess under Pyodide")
def test_build_refuses_an_unconfirmed_period_before_publishing(tmp_path):
    root = tmp_path / "hesap"
    shutil.copytree(ROOT / "calc", root / "calc", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "build.py", root / "build.py")
    (root / ".venv").symlink_to(ROOT / ".venv")
    staff.scaffold_period("salary", "2027-01", root / "calc" / "data")
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(root / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "salary/2027-01.toml [monthly_coefficient]" in proc.stderr and "site derlenmedi" in proc.stderr
    assert not (root / "dist").exists()


def test_rebuilt_site_uses_the_new_period(next_period_site):
    root = next_period_site
    env = {**os.environ, "PYTHONPATH": str(root)}

    def run(inputs):
        proc = subprocess.run([sys.executable, "-m", "calc", "run", "pay/salary"], input=json.dumps(inputs),
                              capture_output=True, text=True, cwd=root, env=env)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    assert run({"month": "2027-01"})["parameters"] == "2027-01"
    assert run({"month": "2026-12"})["parameters"] == "2026-07"
    schema = json.loads(subprocess.run([sys.executable, "-m", "calc", "schema", "pay/salary"], capture_output=True,
                                       text=True, cwd=root, env=env).stdout)
    assert next(i for i in schema["inputs"] if i["name"] == "month")["default"] == "2027-01"
    page = (root / "dist" / "neler-degisti" / "index.html").read_text(encoding="utf-8")
    assert "2027 Ocak" in page and "1,575512" in page and "1,733063" in page and "+%10" in page
    salary_page = (root / "dist" / "maas" / "maas-hesaplama" / "index.html").read_text(encoding="utf-8")
    assert "2027 Ocak" in salary_page
    stamp = json.loads((root / "dist" / "version.json").read_text(encoding="utf-8"))
    assert stamp["periods"]["salary"] == "2027-01" and stamp["periods"]["income_tax"] == "2027"
