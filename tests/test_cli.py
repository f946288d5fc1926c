"""`python -m calc list | schema ID | run ID`, per /work/shared/calc-contract.md."""

import json
import re

import pytest

import calc
from calc.registry import calculators

SPLIT_IN = json.dumps({"dues": "1.234,57", "preset": "senim"})


def assert_bad_input(res, *words):
    """Exit 2, one Turkish line on stderr, nothing on stdout, never a traceback."""
    assert res.code == 2, (res.code, res.out, res.err)
    assert res.out == ""
    assert "Traceback" not in res.err
    lines = res.err.strip().splitlines()
    assert len(lines) == 1, res.err
    for w in words:
        assert w in lines[0], (w, lines[0])


def test_list_prints_every_id_with_its_title(cli):
    res = cli("list")
    assert res.code == 0 and res.err == ""
    lines = res.out.strip().splitlines()
    expected = {c.id: c.title for c in calculators()}
    got = dict(line.split("\t", 1) for line in lines)
    assert got == expected
    for cid in ("membership/timeline", "membership/petition", "dues/split"):
        assert cid in got
    assert got["dues/split"] == "Aidat paylaşımı: şube ve üst kuruluşlar"


def test_schema_prints_the_declaration(cli):
    res = cli("schema", "dues/split")
    assert res.code == 0
    s = res.json()
    assert s["id"] == "dues/split" and s["title"] and s["description"]
    assert [i["name"] for i in s["inputs"]] == ["dues", "preset", "primary_share"]
    for i in s["inputs"]:
        assert {"name", "type", "label", "default", "required"} <= set(i)
        assert isinstance(i["required"], bool)
    dues = s["inputs"][0]
    assert dues["type"] == "money" and dues["default"] is None and dues["required"] is True
    assert "senim" in [c["value"] for c in s["inputs"][1]["choices"]]


@pytest.mark.parametrize("cid", ["membership/timeline", "membership/petition"])
def test_schema_of_each_calculator_is_json(cli, cid):
    s = cli("schema", cid).json()
    assert s["id"] == cid and all(isinstance(i["label"], str) and i["label"] for i in s["inputs"])


def test_schema_unknown_id(cli):
    assert_bad_input(cli("schema", "dues/nope"), "dues/nope")


def test_run_from_stdin_json_shape(cli):
    res = cli("run", "dues/split", "--date", "2026-01-15", stdin=SPLIT_IN)
    assert res.code == 0 and res.err == ""
    out = res.json()
    assert {"calculator", "parameters", "result", "steps", "warnings"} <= set(out)
    assert out["calculator"] == "dues/split"
    assert out["parameters"] == "2024-01-01"
    # 1234.57 × 0.65 = 802.4705 → 802.47 (half up); upper = 1234.57 − 802.47 = 432.10
    assert out["result"]["primary_organisation"] == "802.47"
    assert out["result"]["upper_bodies"] == "432.10"
    assert out["result"]["dues"] == "1234.57"
    assert out["warnings"] == []
    for step in out["steps"]:
        assert {"label", "value", "reference"} <= set(step)
        assert isinstance(step["label"], str) and isinstance(step["reference"], str)


def test_money_is_a_string_with_a_dot_never_a_float(cli):
    res = cli("run", "dues/split", stdin='{"dues": 100.10, "preset": "senim"}')
    out = json.loads(res.out)  # plain json: a float would come back as float
    for key in ("primary_organisation", "upper_bodies", "dues"):
        assert isinstance(out["result"][key], str)
        assert re.fullmatch(r"-?\d+\.\d{2}", out["result"][key])
    # 100.10 × 0.65 = 65.065 → 65.07; 100.10 − 65.07 = 35.03
    assert out["result"]["primary_organisation"] == "65.07" and out["result"]["upper_bodies"] == "35.03"


def test_run_from_input_file(cli, tmp_path):
    f = tmp_path / "girdi.json"
    f.write_text(SPLIT_IN, encoding="utf-8")
    res = cli("run", "dues/split", "--input", str(f), "--date", "2026-01-15")
    assert res.code == 0
    assert res.json()["result"]["primary_organisation"] == "802.47"
    # "-" means standard input
    res = cli("run", "dues/split", "--input", "-", stdin=SPLIT_IN)
    assert res.json()["result"]["primary_organisation"] == "802.47"


def test_cli_equals_python_api(cli):
    from datetime import date
    res = cli("run", "membership/timeline", "--date", "2026-11-23",
                  stdin='{"submitted_on": "2026-09-01", "today": "2026-11-23"}')
    api = calc.run("membership/timeline", {"submitted_on": "2026-09-01", "today": "2026-11-23"}, date(2026, 11, 23))
    assert res.json() == json.loads(json.dumps(api))


def test_date_picks_the_parameter_table(cli):
    # the dues table starts on 2024-01-01: the day before there is none
    res = cli("run", "dues/split", "--date", "2023-12-31", stdin=SPLIT_IN)
    assert_bad_input(res, "2023-12-31", "mevcut dönemler")


def test_text_format_is_turkish(cli):
    res = cli("run", "dues/split", "--date", "2026-01-15", "--format", "text", stdin=SPLIT_IN)
    assert res.code == 0
    assert "Şubede kalan: 802,47 TL" in res.out
    assert "Üst kuruluşlara aktarılan: 432,10 TL" in res.out
    assert "Aylık aidat: 1.234,57 TL" in res.out
    assert "Adım adım" in res.out and "%65" in res.out
    with pytest.raises(json.JSONDecodeError):
        json.loads(res.out)


def test_empty_stdin_is_a_missing_required_input(cli):
    res = cli("run", "dues/split", stdin="")
    assert_bad_input(res, "dues", "“Aylık aidat”", "zorunlu")  # never the page example's 250 TL


def test_bad_value_names_the_field(cli):
    assert_bad_input(cli("run", "dues/split", stdin='{"dues": "abc"}'), "dues", "abc")


def test_bad_value_message_is_turkish(cli):
    res = cli("run", "dues/split", stdin='{"dues": "12,345"}')
    assert_bad_input(res, "dues", "ondalık basamak")


def test_unknown_id_exit_2(cli):
    assert_bad_input(cli("run", "yok/boyle", stdin="{}"), "yok/boyle")


@pytest.mark.parametrize("text", ['{"dues": ', "[1, 2]", '"250"', "{'dues': 1}"])
def test_invalid_json_exit_2(cli, text):
    assert_bad_input(cli("run", "dues/split", stdin=text), "JSON")


@pytest.mark.parametrize("bad", ["2026-13-01", "15.07.2026", "yarın"])
def test_bad_date_option(cli, bad):
    assert_bad_input(cli("run", "dues/split", "--date", bad, stdin=SPLIT_IN), bad)


def test_unknown_input_key(cli):
    assert_bad_input(cli("run", "dues/split", stdin='{"dues": "100", "aidat": "100"}'), "aidat", "bilinmeyen")


def test_missing_input_file(cli):
    assert_bad_input(cli("run", "dues/split", "--input", "/nonexistent/girdi.json"), "okunamadı")


def test_input_not_utf8(cli, tmp_path):
    f = tmp_path / "latin.json"
    f.write_bytes('{"dues": "100", "preset": "şenim"}'.encode("iso-8859-9"))
    assert_bad_input(cli("run", "dues/split", "--input", str(f)), "UTF-8")


def test_huge_json_number_is_bad_input(cli):
    assert_bad_input(cli("run", "dues/split", stdin='{"dues": 1e30}'), "dues")


def test_bad_command_line(cli):
    assert_bad_input(cli("run", "dues/split", "--format", "xml", stdin="{}"), "komut satırı")
    assert_bad_input(cli("frobnicate"), "komut satırı")


def test_input_file_with_a_byte_order_mark_is_read(cli, tmp_path):
    f = tmp_path / "girdi.json"
    f.write_bytes("\ufeff".encode("utf-8") + b'{"dues": "100", "preset": "senim"}')  # as Windows Notepad saves it
    r = cli("run", "dues/split", "--input", str(f))
    assert r.code == 0, r.err
    assert r.json()["result"]["primary_organisation"] == "65.00"
