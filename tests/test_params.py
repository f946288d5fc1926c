"""calc/params.py: dated parameter tables, each value sourced, validation naming file and key."""

from datetime import date
from decimal import Decimal

import pytest

from calc import InputError, ParameterError, params

SCHEMA = """
[set]
title = "Deneme seti"
periodic = {periodic}

[keys.days]
label = "Gün sayısı"
type = "integer"
min = 1
max = 100

[keys.share]
label = "Pay"
type = "rate"

[keys.tax]
label = "Vergi dilimleri"
type = "brackets"
"""

VALUES = {
    "days": 'value = 30\nreference = "Deneme K. md.1"',
    "share": 'value = 0.65\nreference = "Deneme K. md.2"',
    "tax": ('value = [{upto = 1000, rate = 0.15}, {upto = 5000, rate = 0.20}, {rate = 0.27}]\n'
            'reference = "Deneme K. md.3"'),
}


def period_text(pid, valid_from, valid_until=None, values=None, extra=""):
    vals = dict(VALUES) if values is None else values
    head = f'id = "{pid}"\ntitle = "Dönem {pid}"\nvalid_from = {valid_from}\n'
    if valid_until:
        head += f"valid_until = {valid_until}\n"
    body = "".join(f"\n[values.{k}]\n{v}\n" for k, v in vals.items() if v is not None)
    return head + extra + body


def make_set(root, periods, periodic=False, schema=None, name="deneme"):
    d = root / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "schema.toml").write_text(schema or SCHEMA.format(periodic=str(periodic).lower()), encoding="utf-8")
    for pid, text in periods.items():
        (d / f"{pid}.toml").write_text(text, encoding="utf-8")
    return root


def load_error(root, name="deneme") -> ParameterError:
    with pytest.raises(ParameterError) as exc:
        params.load_set(name, root=root)
    return exc.value


# --- shipped tables -------------------------------------------------------------------------

def test_every_shipped_table_validates():
    names = params.validate_all()
    assert {"dues", "membership"} <= set(names)


@pytest.mark.parametrize("name", ["dues", "membership"])
def test_every_shipped_value_has_a_reference(name):
    for table in params.periods(name):
        assert table.params, table.file
        for p in table.params.values():
            assert p.reference.strip(), (table.file, p.key)


def test_decimals_are_never_floats():
    t = params.table_for("dues", date(2026, 1, 1))
    share = t["presets"]["senim"]["primary_share"]
    assert isinstance(share, Decimal) and share == Decimal("0.65")


def test_table_for_picks_the_table_in_force():
    t = params.table_for("membership", date(2026, 11, 23))
    assert t.id == "2001-07-12"
    assert (t["official_days"], t["latest_days"], t["info_request_working_days"]) == (30, 60, 15)
    assert "4982" in t.ref("info_request_working_days")
    # its first day is covered
    assert params.table_for("membership", date(2001, 7, 12)).id == "2001-07-12"


def test_date_before_any_table_names_tarih_and_lists_periods():
    with pytest.raises(InputError) as exc:
        params.table_for("membership", date(2001, 7, 11))
    assert exc.value.field == "tarih"
    assert "2001-07-11" in exc.value.message
    assert "2001-07-12" in exc.value.message          # the period that does exist
    assert "mevcut dönemler" in exc.value.message


# --- a small fake set -----------------------------------------------------------------------

def test_fake_set_loads_and_closes_periods(tmp_path):
    root = make_set(tmp_path, {
        "2024-01-01": period_text("2024-01-01", "2024-01-01"),
        "2025-01-01": period_text("2025-01-01", "2025-01-01",
                                  values=dict(VALUES, days='value = 45\nreference = "Deneme K. md.1 (değişik)"')),
    })
    tables = params.load_set("deneme", root=root)
    assert [t.id for t in tables] == ["2024-01-01", "2025-01-01"]
    # the first period is closed the day before the next starts
    assert tables[0].valid_until == date(2024, 12, 31)
    assert tables[1].valid_until is None
    assert tables[0]["days"] == 30 and tables[1]["days"] == 45
    assert tables[0]["share"] == Decimal("0.65")
    assert tables[0]["tax"] == ((Decimal(1000), Decimal("0.15")), (Decimal(5000), Decimal("0.20")),
                                (None, Decimal("0.27")))
    assert tables[0].ref("days") == "Deneme K. md.1"
    assert tables[0].covers(date(2024, 12, 31)) and not tables[0].covers(date(2025, 1, 1))
    assert params.validate_all(root) == ["deneme"]


def test_missing_key(tmp_path):
    root = make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=dict(VALUES, share=None))})
    err = load_error(root)
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "share")
    assert "eksik" in err.message and "Pay" in err.message


def test_optional_key_may_be_missing(tmp_path):
    schema = SCHEMA.format(periodic="false") + '\n[keys.extra]\nlabel = "Ek"\ntype = "integer"\nrequired = false\n'
    root = make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01")}, schema=schema)
    assert "extra" not in params.load_set("deneme", root=root)[0].params


@pytest.mark.parametrize("key, value, words", [
    ("days", '"30"', "tam sayı"),
    ("days", "30.5", "tam sayı"),
    ("share", '"yüzde 65"', "sayı olmalı"),
    ("share", "true", "sayı olmalı"),
    ("tax", "0.15", "dilim"),
    ("tax", '[{upto = 1000, rate = "0.15"}, {rate = 0.2}]', "sayı olmalı"),
])
def test_wrong_type(tmp_path, key, value, words):
    vals = dict(VALUES, **{key: f'value = {value}\nreference = "Deneme K."'})
    root = make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)})
    err = load_error(root)
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", key)
    assert words in err.message
    assert "deneme/2024-01-01.toml [" + key + "]" in str(err)


def test_value_out_of_schema_bounds(tmp_path):
    vals = dict(VALUES, days='value = 0\nreference = "Deneme K."')
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert err.key == "days" and "en az 1" in err.message


@pytest.mark.parametrize("entry", [
    "value = 30",
    'value = 30\nreference = ""',
    'value = 30\nreference = "   "',
    "value = 30\nreference = 17",
])
def test_unsourced_value(tmp_path, entry):
    vals = dict(VALUES, days=entry)
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "days")
    assert "kaynaksız" in err.message and "reference" in err.message


def test_unsourced_record_in_records_set(tmp_path):
    schema = ('[set]\ntitle = "Aidat"\n[keys.presets]\nlabel = "Oranlar"\ntype = "records"\n'
              'fields = ["title", "primary_share"]\n')
    period = ('id = "2024-01-01"\ntitle = "T"\nvalid_from = 2024-01-01\n[values.presets]\nreference = "Tüzükler"\n'
              '[values.presets.value.x]\ntitle = "X"\nprimary_share = 0.5\n')
    err = load_error(make_set(tmp_path, {"2024-01-01": period}, schema=schema))
    assert err.key == "presets" and "“x”" in err.message and "reference" in err.message


def test_unknown_key(tmp_path):
    vals = dict(VALUES, dayz='value = 30\nreference = "Deneme K."')
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "dayz")
    assert "şemada olmayan" in err.message


def test_unknown_field_of_a_value_and_of_a_period(tmp_path):
    vals = dict(VALUES, days='value = 30\nreference = "Deneme K."\nrefrence = "yazım hatası"')
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert err.key == "days" and "refrence" in err.message
    root2 = make_set(tmp_path / "b", {"2024-01-01": period_text("2024-01-01", "2024-01-01", extra='valid_to = 2025-01-01\n')})
    err = load_error(root2)
    assert err.file == "deneme/2024-01-01.toml" and "valid_to" in err.message


def test_period_id_must_match_file_name(tmp_path):
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-02", "2024-01-01")}))
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "id")


def test_overlapping_periods(tmp_path):
    root = make_set(tmp_path, {
        "2024-01-01": period_text("2024-01-01", "2024-01-01", valid_until="2025-06-30"),
        "2025-01-01": period_text("2025-01-01", "2025-01-01"),
    })
    err = load_error(root)
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "valid_until")
    assert "çakışıyor" in err.message and "deneme/2025-01-01.toml" in err.message


def test_two_periods_starting_the_same_day(tmp_path):
    root = make_set(tmp_path, {
        "a": period_text("a", "2024-01-01"),
        "b": period_text("b", "2024-01-01"),
    })
    err = load_error(root)
    assert err.key == "valid_from" and "aynı günde" in err.message


def test_gap_in_a_periodic_set(tmp_path):
    periods = {
        "2024-01-01": period_text("2024-01-01", "2024-01-01", valid_until="2024-06-30"),
        "2025-01-01": period_text("2025-01-01", "2025-01-01"),
    }
    err = load_error(make_set(tmp_path, periods, periodic=True))
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "valid_until")
    assert "boşluk" in err.message
    # the same files are fine in a set that is not periodic; the gap has no table
    root = make_set(tmp_path / "np", periods, periodic=False)
    tables = params.load_set("deneme", root=root)
    assert tables[0].valid_until == date(2024, 6, 30)
    assert not any(t.covers(date(2024, 9, 1)) for t in tables)


def test_periodic_set_without_gap_loads(tmp_path):
    root = make_set(tmp_path, {
        "2024-01-01": period_text("2024-01-01", "2024-01-01", valid_until="2024-12-31"),
        "2025-01-01": period_text("2025-01-01", "2025-01-01"),
    }, periodic=True)
    assert len(params.load_set("deneme", root=root)) == 2


def test_unconfirmed_value(tmp_path):
    vals = dict(VALUES, share='value = 0.65\nreference = "Deneme K. md.2"\nconfirmed = false')
    root = make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)})
    err = load_error(root)
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "share")
    assert "teyit" in err.message
    # a draft build may still load it on purpose
    assert params.load_set("deneme", root=root, allow_unconfirmed=True)[0]["share"] == Decimal("0.65")


@pytest.mark.parametrize("brackets", [
    "[{upto = 5000, rate = 0.15}, {upto = 1000, rate = 0.20}, {rate = 0.27}]",   # 1000 after 5000
    "[{upto = 1000, rate = 0.15}, {upto = 1000, rate = 0.20}, {rate = 0.27}]",   # equal limits
])
def test_bracket_not_ascending(tmp_path, brackets):
    vals = dict(VALUES, tax=f'value = {brackets}\nreference = "Deneme K."')
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", "tax")
    assert "artan" in err.message


def test_brackets_last_must_be_open_and_only_last(tmp_path):
    vals = dict(VALUES, tax='value = [{upto = 1000, rate = 0.15}, {upto = 2000, rate = 0.2}]\nreference = "K"')
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert err.key == "tax" and "son dilim" in err.message
    vals = dict(VALUES, tax='value = [{rate = 0.15}, {upto = 2000, rate = 0.2}]\nreference = "K"')
    err = load_error(make_set(tmp_path / "b", {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert err.key == "tax" and "yalnız son dilim" in err.message


@pytest.mark.parametrize("key, value", [
    ("share", "1.5"),
    ("share", "-0.1"),
    ("tax", "[{upto = 1000, rate = 15}, {rate = 0.27}]"),   # 15 written for 15 %
])
def test_rate_outside_unit_interval(tmp_path, key, value):
    vals = dict(VALUES, **{key: f'value = {value}\nreference = "Deneme K."'})
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)}))
    assert (err.file, err.key) == ("deneme/2024-01-01.toml", key)
    assert "0 ile 1 arasında" in err.message


@pytest.mark.parametrize("rate", ["0", "1"])
def test_rate_bounds_are_inclusive(tmp_path, rate):
    vals = dict(VALUES, share=f'value = {rate}\nreference = "Deneme K."')
    root = make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01", values=vals)})
    assert params.load_set("deneme", root=root)[0]["share"] == Decimal(rate)


def test_bad_schema_type_and_bad_toml(tmp_path):
    schema = '[set]\ntitle = "X"\n[keys.days]\nlabel = "Gün"\ntype = "float"\n'
    err = load_error(make_set(tmp_path, {"2024-01-01": period_text("2024-01-01", "2024-01-01")}, schema=schema))
    assert (err.file, err.key) == ("deneme/schema.toml", "days") and "bilinmeyen tür" in err.message
    root = make_set(tmp_path / "b", {"2024-01-01": 'id = "2024-01-01"\nvalid_from = 2024-01-01\n[values\n'})
    err = load_error(root)
    assert err.file == "deneme/2024-01-01.toml" and "TOML" in err.message


def test_set_without_periods(tmp_path):
    err = load_error(make_set(tmp_path, {}))
    assert err.file == "deneme/" and "dönem" in err.message
