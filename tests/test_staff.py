"""Issue 8: publishing a new raise period — scaffold, validation that refuses mistakes, what changed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from calc import InputError, ParameterError, params, staff
from staffkit import ROOT, confirm_scaffold, next_period


@pytest.fixture
def data(tmp_path):
    """A private copy of the shipped parameter files."""
    root = tmp_path / "data"
    shutil.copytree(Path(params.__file__).parent / "data", root)  # the installed package's, also under Pyodide
    return root


@pytest.fixture
def nxt(data):
    """The salary period after the newest shipped one (2027-01 while 2026-07 is the newest), and its start."""
    pid = next_period("salary", data)
    return pid, staff.period_start(pid)


def test_scaffold_copies_the_newest_period_marked_to_confirm(data, nxt):
    pid, start = nxt
    path = staff.scaffold_period("salary", pid, data)
    text = path.read_text(encoding="utf-8")
    assert f'id = "{pid}"' in text and f'title = "{staff.period_title(pid)}"' in text and f"valid_from = {start}" in text
    assert text.count("\nconfirmed = false\n") == len(params.load_schema("salary", data).keys)
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.file == f"salary/{pid}.toml" and e.value.key == "monthly_coefficient"
    assert "teyit" in e.value.message


def test_the_salary_scaffold_holds_only_what_a_circular_changes(data, nxt):
    path = staff.scaffold_period("salary", nxt[0], data)
    keys = re.findall(r"^\[values\.(\w+)\]$", path.read_text(encoding="utf-8"), flags=re.M)
    assert keys == ["monthly_coefficient", "base_salary_coefficient", "side_payment_coefficient"]
    assert len(path.read_text(encoding="utf-8").splitlines()) < 40
    confirm_scaffold(path, {"monthly_coefficient": "1.05"})
    new = params.compose_set("salary", data)[-1]  # the by-law values join it from salary_law
    assert new["indicator_table"]["1"][3] == 1500 and new["monthly_coefficient"] != params.periods("salary")[-1]["monthly_coefficient"]
    assert ("salary_law", params.periods("salary_law")[-1].id, params.periods("salary_law")[-1].title) in new.sources


def test_a_by_law_value_is_written_once_and_dated(data):
    """A change of law (a new gösterge) is one new salary_law file; every later circular picks it up."""
    law = next_period("salary_law", data)
    path = staff.scaffold_period("salary_law", law, data)
    confirm_scaffold(path, source="657 DMK md.43 (deneme değişikliği)")
    path.write_text(path.read_text(encoding="utf-8").replace("value = 20\n", "value = 21\n", 1), encoding="utf-8")
    on = staff.period_start(law)
    assert all(t["seniority_indicator_per_year"] == 20 for t in params.compose_set("salary", data)
               if t.valid_from < on)  # earlier periods keep the law of their own days
    newest_law = params.load_set("salary_law", data)[-1]
    assert newest_law.valid_from == on and newest_law["seniority_indicator_per_year"] == 21


def test_the_two_salary_schemas_share_no_key(data):
    schema = data / "salary" / "schema.toml"
    schema.write_text(schema.read_text(encoding="utf-8") + '\n[keys.standby_share]\nlabel = "x"\ntype = "rate"\n',
                      encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.key == "standby_share" and "tek yeri" in e.value.message


def test_a_period_without_a_by_law_table_in_force_is_refused(data):
    *older, newest = sorted((data / "salary_law").glob("20*.toml"))
    for f in older:
        f.unlink()
    with pytest.raises(ParameterError) as e:
        params.compose_set("salary", data)
    assert e.value.file == "salary/2025-01.toml" and "salary_law" in e.value.message


def test_scaffold_refuses_a_period_that_is_not_newer(data):
    with pytest.raises(ValueError, match="sonra başlamalı"):
        staff.scaffold_period("salary", params.load_set("salary", data)[-1].id, data)
    with pytest.raises(ValueError, match="dönem adı değil"):
        staff.scaffold_period("salary", "Ocak 2027", data)


def test_confirmed_period_is_used_from_its_start_date(data, nxt):
    pid, start = nxt
    before = params.load_set("salary", data)[-1]
    confirm_scaffold(staff.scaffold_period("salary", pid, data), {"monthly_coefficient": "1.10"})
    tables = params.load_set("salary", data)
    new, old = tables[-1], tables[-2]
    assert (new.id, new.valid_from) == (pid, start)
    # as long as the period before it (a half-year), so a month after it has no table instead of reusing it
    assert (new.valid_until + timedelta(days=1)).day == 1
    assert (new.valid_until.month - start.month) % 12 == (before.valid_until.month - before.valid_from.month) % 12
    assert old.id == before.id and old.valid_until == start - timedelta(days=1)
    assert new["monthly_coefficient"] == (before["monthly_coefficient"] * Decimal("1.10")).quantize(Decimal("0.000001"))
    (c,) = staff.changes(old, new)
    assert c.key == "monthly_coefficient" and c.old == before["monthly_coefficient"]
    assert round(c.ratio, 4) == Decimal("0.1000")


def _set_value(path, key, value):
    text = path.read_text(encoding="utf-8")
    i = text.index(f"[values.{key}]\n")
    j = text.index("value = ", i)
    k = text.index("\n", j)
    path.write_text(text[:j] + f"value = {value}" + text[k:], encoding="utf-8")


def test_a_typo_in_a_coefficient_is_refused_naming_file_key_old_and_new(data, nxt):
    old = params.load_set("salary", data)[-1]["monthly_coefficient"]
    typo = old * 10  # a misplaced decimal point
    path = staff.scaffold_period("salary", nxt[0], data)
    confirm_scaffold(path)
    _set_value(path, "monthly_coefficient", str(typo))
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.file == f"salary/{nxt[0]}.toml" and e.value.key == "monthly_coefficient"
    assert f"{old} → {typo}" in e.value.message and "acknowledge" in e.value.message


def test_an_acknowledged_large_change_is_accepted(data, nxt):
    path = staff.scaffold_period("salary", nxt[0], data)
    confirm_scaffold(path)
    big = params.load_set("salary", data)[-1]["base_salary_coefficient"] * 2  # a large seyyanen addition, on purpose
    _set_value(path, "base_salary_coefficient", str(big))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valid_from = ", 'acknowledge = ["base_salary_coefficient"]\nvalid_from = ', 1), encoding="utf-8")
    assert params.load_set("salary", data)[-1]["base_salary_coefficient"] == big


def test_an_acknowledgement_with_a_reason_is_accepted_and_a_blank_reason_refused(data, nxt):
    path = staff.scaffold_period("salary", nxt[0], data)
    confirm_scaffold(path)
    big = params.load_set("salary", data)[-1]["base_salary_coefficient"] * 2
    _set_value(path, "base_salary_coefficient", str(big))
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n[acknowledge]\nbase_salary_coefficient = "seyyanen artış, genelge md.3"\n', encoding="utf-8")
    t = params.load_set("salary", data)[-1]
    assert t["base_salary_coefficient"] == big and t.reasons["base_salary_coefficient"].startswith("seyyanen")
    path.write_text(text + '\n[acknowledge]\nbase_salary_coefficient = " "\n', encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.key == "acknowledge.base_salary_coefficient" and "nedeni" in e.value.message


def test_a_jump_inside_a_table_is_refused_too(data):
    path = staff.scaffold_period("salary_law", next_period("salary_law", data), data)
    confirm_scaffold(path, source="657 DMK md.43/A (deneme)")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"1" = [1320, 1380, 1440, 1500]', '"1" = [1320, 3800, 1440, 1500]'), encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary_law", data)
    assert e.value.key == "indicator_table[1/2]" and "1380 → 3800" in e.value.message


def _shift_start(text: str, days: int) -> str:
    start = staff.period_start(re.search(r'^id = "([^"]+)"', text, flags=re.M)[1])
    return text.replace(f"valid_from = {start}", f"valid_from = {start + timedelta(days=days)}")


@pytest.mark.parametrize("edit, key, words", [
    (lambda t: re.sub(r'reference = "[^"]*"\n(source = "[^"]*"\n)?value = ', "value = ", t, count=1),
     "monthly_coefficient", "kaynaksız"),
    (lambda t: _shift_start(t, -31), "valid_until", "çakışıyor"),
    (lambda t: _shift_start(t, 31), "valid_until", "boşluk"),
    (lambda t: re.sub(r"value = (\d+)\.(\d+)", r'value = "\1,\2"', t, count=1), "monthly_coefficient", "sayı olmalı"),
    (lambda t: t.replace("[values.monthly_coefficient]", "[values.monthly_coeficient]"), "monthly_coeficient", "şemada olmayan"),
])
def test_each_mistake_is_refused_with_its_message(data, nxt, edit, key, words):
    path = staff.scaffold_period("salary", nxt[0], data)
    confirm_scaffold(path)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        params.load_set("salary", data)
    assert e.value.key == key and words in e.value.message


def test_tax_brackets_must_ascend_and_rates_stay_within_0_1(data):
    year = next_period("income_tax", data)
    path = staff.scaffold_period("income_tax", year, data)
    confirm_scaffold(path)
    text = path.read_text(encoding="utf-8")
    uptos = re.findall(r'"upto" = (\d+)', text)
    path.write_text(text.replace(f'"upto" = {uptos[1]}', f'"upto" = {int(uptos[0]) - 1}', 1), encoding="utf-8")  # 2nd below 1st
    with pytest.raises(ParameterError) as e:
        params.load_set("income_tax", data)
    assert "artan" in e.value.message
    path.unlink()
    path = staff.scaffold_period("income_tax", year, data)
    confirm_scaffold(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"rate" = 0\.(\d+)', r'"rate" = \1', text, count=1), encoding="utf-8")  # 15 for 0.15
    with pytest.raises(ParameterError) as e:
        params.load_set("income_tax", data)
    assert "0 ile 1 arasında" in e.value.message


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocess under Pyodide")
def test_build_refuses_an_unconfirmed_period_before_publishing(tmp_path):
    root = tmp_path / "hesap"
    shutil.copytree(ROOT / "calc", root / "calc", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "build.py", root / "build.py")
    (root / ".venv").symlink_to(ROOT / ".venv")
    pid = next_period("salary", root / "calc" / "data")
    staff.scaffold_period("salary", pid, root / "calc" / "data")
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(root / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert f"salary/{pid}.toml [monthly_coefficient]" in proc.stderr and "site derlenmedi" in proc.stderr
    assert not (root / "dist").exists()


def test_rebuilt_site_uses_the_new_period(next_period_site):
    site = next_period_site
    root = site["root"]
    env = {**os.environ, "PYTHONPATH": str(root)}

    def run(inputs):
        proc = subprocess.run([sys.executable, "-m", "calc", "run", "pay/salary"], input=json.dumps(inputs),
                              capture_output=True, text=True, cwd=root, env=env)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    first = staff.period_start(site["salary"])
    assert run({"month": f"{first:%Y-%m}"})["parameters"] == site["salary"]
    assert run({"month": f"{first - timedelta(days=1):%Y-%m}"})["parameters"] == site["previous"]
    schema = json.loads(subprocess.run([sys.executable, "-m", "calc", "schema", "pay/salary"], capture_output=True,
                                       text=True, cwd=root, env=env).stdout)
    assert next(i for i in schema["inputs"] if i["name"] == "month")["default"] == f"{first:%Y-%m}"
    page = (root / "dist" / "neler-degisti" / "index.html").read_text(encoding="utf-8")
    title = staff.period_title(site["salary"])
    assert title in page and site["old_coefficient"] in page and site["new_coefficient"] in page and "+%10" in page
    salary_page = (root / "dist" / "maas" / "maas-hesaplama" / "index.html").read_text(encoding="utf-8")
    assert title in salary_page
    stamp = json.loads((root / "dist" / "version.json").read_text(encoding="utf-8"))
    assert stamp["periods"]["salary"] == site["salary"] and stamp["periods"]["income_tax"] == site["income_tax"]


@pytest.mark.skipif(sys.platform == "emscripten" or os.environ.get("HESAP_ROUTINE_COPY") == "1",
                    reason="no subprocess under Pyodide; not again inside the copy itself")
def test_the_whole_engine_suite_passes_after_the_staff_routine(next_period_site):
    """The staff guide's promise: after the routine (scaffold, fill, confirm) nothing in the program changes."""
    root = next_period_site["root"]
    env = {**os.environ, "PYTHONPATH": str(root), "HESAP_ROUTINE_COPY": "1"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "tests",
                           "--ignore=tests/browser", "-m", "not pyodide"], cwd=root, env=env, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout.splitlines()[-1]


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocess under Pyodide")
def test_build_refuses_a_scaffold_left_as_it_was(tmp_path):
    """Confirmed but never filled in: every value still the previous period's, placeholders in the references."""
    root = tmp_path / "hesap"
    shutil.copytree(ROOT / "calc", root / "calc", ignore=shutil.ignore_patterns("__pycache__"))
    data = root / "calc" / "data"
    try:
        staff.check_publishable(data)
    except ParameterError as exc:
        pytest.skip(f"the tree itself is not publishable yet (the build refuses it): {exc}")
    pid = next_period("salary", data)
    path = staff.scaffold_period("salary", pid, data)
    confirm_scaffold(path)
    params.compose_set("salary", data)  # the engine itself accepts it (a staff preview may show it) ...
    with pytest.raises(ParameterError) as e:  # ... the build does not
        staff.check_publishable(data)
    assert e.value.file == f"salary/{pid}.toml" and "TEYİT EDİLECEK" in e.value.message
    confirm_scaffold(path, source="HMB deneme genelgesi")
    with pytest.raises(ParameterError) as e:
        staff.check_publishable(data)
    assert e.value.file == f"salary/{pid}.toml" and "önceki dönemle" in e.value.message and "unchanged" in e.value.message
    path.write_text(path.read_text(encoding="utf-8") + '\n[acknowledge]\nunchanged = "genelge katsayıları değiştirmedi"\n',
                    encoding="utf-8")
    assert "salary" in staff.check_publishable(data)
    year = next_period("income_tax", data)
    confirm_scaffold(staff.scaffold_period("income_tax", year, data), source="GİB deneme tebliği")
    with pytest.raises(ParameterError) as e:
        staff.check_publishable(data)
    assert e.value.file == f"income_tax/{year}.toml" and "önceki dönemle" in e.value.message
    proc = subprocess.run([sys.executable, "-m", "calc", "list"], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                          capture_output=True, text=True)
    assert proc.returncode == 0  # the engine and the CLI keep working on it; only publishing is refused



def test_a_periods_notes_reach_the_parameter_page(data, nxt):
    """`notes` is where a period's facts go (not help texts in code): the parameter tables print it."""
    jinja2 = pytest.importorskip("jinja2")  # the site's renderer (not under Pyodide)
    path = staff.scaffold_period("salary", nxt[0], data)
    confirm_scaffold(path, {"monthly_coefficient": "1.05"}, source="HMB deneme genelgesi")
    note = "Toplu sözleşme ikramiyesinin bu dönemki göstergesi kaynaklanamadı: tutarı bordronuzdan girin."
    path.write_text(path.read_text(encoding="utf-8").replace("valid_from = ", f'notes = "{note}"\nvalid_from = ', 1),
                    encoding="utf-8")
    table = params.load_set("salary", data)[-1]
    assert table.notes == note
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "site" / "templates"), autoescape=True)
    page = env.get_template("parameters.html").render(schema=params.load_schema("salary", data), tables=[table],
                                                      fmt=lambda p: str(p.value))
    assert note in page


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocess under Pyodide")
def test_a_mistyped_table_is_a_turkish_message_and_stops_only_its_calculators(tmp_path):
    root = tmp_path / "hesap"
    shutil.copytree(ROOT / "calc", root / "calc", ignore=shutil.ignore_patterns("__pycache__"))
    newest = sorted((root / "calc" / "data" / "salary").glob("20*.toml"))[-1]
    text = newest.read_text(encoding="utf-8")
    newest.write_text(re.sub(r"value = (\d+)\.(\d+)", r'value = "\1,\2"', text, count=1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(root)}

    def cli(*args, stdin="{}"):
        return subprocess.run([sys.executable, "-m", "calc", *args], cwd=root, env=env, input=stdin,
                              capture_output=True, text=True)

    listing = cli("list")
    assert listing.returncode == 2 and "Traceback" not in listing.stderr
    assert f"salary/{newest.name} [monthly_coefficient]" in listing.stderr and "sayı olmalı" in listing.stderr
    assert "dues/split" in listing.stdout and "election/quorum" in listing.stdout  # the others still listed
    run = cli("run", "pay/salary", stdin='{"month": "2026-07"}')
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    assert f"salary/{newest.name} [monthly_coefficient]" in run.stderr
    dues = cli("run", "dues/split", stdin='{"dues": "100", "preset": "senim"}')
    assert dues.returncode == 0, dues.stderr


def test_a_month_with_one_table_missing_names_that_table(data, nxt, monkeypatch):
    from calc.pay import salary_inputs

    confirm_scaffold(staff.scaffold_period("salary", nxt[0], data), {"monthly_coefficient": "1.05"})
    start = staff.period_start(nxt[0])
    tables = {"salary": tuple(params.compose_set("salary", data)),  # the next salary period is there ...
              "income_tax": tuple(t for t in params.compose_set("income_tax", data) if not t.covers(start))}  # ... its tax year not

    def table_for(name, on):
        for t in reversed(tables[name]):
            if t.covers(on):
                return t
        raise InputError("tarih", "yok")

    monkeypatch.setattr(params, "periods", lambda name: tables[name])
    monkeypatch.setattr(params, "table_for", table_for)
    with pytest.raises(InputError) as exc:
        salary_inputs.tables_for(start.year, start.month)
    msg = exc.value.message
    assert params.schema("income_tax").title in msg.split(" yok")[0]  # the missing one is named ...
    assert params.schema("salary").title not in msg.split(" yok")[0]  # ... and only that one
    assert staff.period_title(nxt[0]) in msg  # while the salary period itself is listed as available
