"""calc/fields.py: one declaration of inputs, read the same way for the CLI, the page and Python."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from calc import InputError
from calc.fields import Field, read_inputs

D = Decimal

UNITS = Field("units", "list", "Birimler", required=True, min_items=1, max_items=5, items=(
    Field("name", "text", "Birim adı", required=True),
    Field("members", "integer", "Üye sayısı", required=True, min=0),
))

FIELDS = (
    Field("amount", "money", "Tutar", required=True, min=0, max=1_000_000),
    Field("ratio", "decimal", "Oran", min=0, max=1, places=4),
    Field("count", "integer", "Adet", default=3, min=1, max=10),
    Field("day", "date", "Gün"),
    Field("flag", "bool", "Seçim", default=False),
    Field("kind", "choice", "Tür", default="a", choices=(("a", "A türü"), ("b", "B türü"))),
    Field("note", "text", "Not", default=""),
)


def read(**raw):
    return read_inputs(FIELDS, raw)


def error(fields, raw) -> InputError:
    with pytest.raises(InputError) as exc:
        read_inputs(fields, raw)
    return exc.value


def test_defaults_filled_in():
    v = read(amount="10")
    assert v == {"amount": D("10"), "ratio": None, "count": 3, "day": None, "flag": False, "kind": "a", "note": ""}


def test_required_missing_or_blank():
    for raw in ({}, {"amount": None}, {"amount": ""}, {"amount": "   "}):
        err = error(FIELDS, raw)
        assert err.field == "amount"
        assert "zorunlu" in err.message and "Tutar" in err.message


def test_blank_optional_takes_default():
    assert read(amount="1", count="")["count"] == 3


def test_unknown_input_refused():
    err = error(FIELDS, {"amount": "1", "amuont": "2"})
    assert err.field == "amuont"
    assert "bilinmeyen girdi" in err.message and "amount" in err.message  # lists the valid names


def test_inputs_must_be_an_object():
    err = error(FIELDS, ["amount", 1])
    assert err.field is None and "JSON nesnesi" in err.message


@pytest.mark.parametrize("raw, expected", [
    ("1.234,56", "1234.56"), ("1234,56", "1234.56"), ("1234.56", "1234.56"), (1234, "1234"),
    (D("12.50"), "12.50"), (12.5, "12.5"), ("1 234,5", "1234.5"),
])
def test_money_in_either_notation(raw, expected):
    assert read(amount=raw)["amount"] == D(expected)


@pytest.mark.parametrize("raw", ["12,345", 12.345, D("0.001"), "1.234,567", "1234.567"])
def test_money_with_more_than_two_decimals_refused(raw):
    err = error(FIELDS, {"amount": raw})
    assert err.field == "amount"
    assert "ondalık basamak" in err.message


@pytest.mark.parametrize("raw, expected", [
    ("40.000", "40000"), ("12.345", "12345"), ("999.000", "999000"), ("62.500,75", "62500.75"), ("9.500", "9500"),
])
def test_money_dot_before_three_digits_is_thousands(raw, expected):
    """A money input holds two decimals at most, so `40.000` can only be forty thousand (contract)."""
    assert read(amount=raw)["amount"] == D(expected)


def test_decimal_with_more_places_keeps_refusing_the_ambiguous_dot_with_labelled_readings():
    assert read(amount="1", ratio="0.500")["ratio"] == D("0.5")  # no leading 1–9: a decimal point, not a group
    free = (Field("points", "decimal", "Puan ortalaması"),)
    err = error(free, {"points": "9.500"})
    assert err.field == "points" and "belirsiz" in err.message
    assert "Binlik ayırıcıysa “9500”, ondalıksa “9,5” yazın" in err.message  # each reading named: never “9,500”


def test_integer_example_is_an_integer():
    err = error(FIELDS, {"amount": "1", "count": "abc"})
    assert "örnek: 1.250" in err.message and "1.234,56" not in err.message


def test_required_field_missing_or_empty_is_an_error_even_with_a_default():
    f = (Field("members", "integer", "Şubenin üye sayısı", default=1640, required=True),)
    for raw in ({}, {"members": ""}, {"members": "  "}, {"members": None}):
        err = error(f, raw)
        assert err.field == "members" and "“Şubenin üye sayısı”" in err.message and "zorunlu" in err.message


def test_optional_field_missing_or_empty_takes_its_rule_default():
    f = (Field("month_days", "integer", "Ayın gün sayısı", default=30),)
    assert read_inputs(f, {})["month_days"] == 30 and read_inputs(f, {"month_days": ""})["month_days"] == 30


def test_choice_accepts_its_turkish_label():
    assert read(amount="1", kind="B türü")["kind"] == "b"
    assert read(amount="1", kind="b TÜRÜ")["kind"] == "b"


def test_money_more_than_two_decimals_message():
    err = error(FIELDS, {"amount": "12,345"})
    assert "en çok 2 ondalık basamak" in err.message and "kuruş" in err.message


@pytest.mark.parametrize("raw", ["abc", True, [1], {"a": 1}, float("nan"), float("inf")])
def test_money_not_a_number(raw):
    err = error(FIELDS, {"amount": raw})
    assert err.field == "amount" and "Tutar" in err.message


def test_huge_number_is_an_input_error_not_a_crash():
    err = error(FIELDS, {"amount": D("1E+30")})
    assert err.field == "amount"
    err = error(FIELDS, {"amount": 10**40})
    assert err.field == "amount"


def test_bounds():
    err = error(FIELDS, {"amount": "-1"})
    assert err.field == "amount" and "en az 0" in err.message
    err = error(FIELDS, {"amount": "1.000.000,01"})
    assert "en çok 1.000.000" in err.message and "1.000.000,01" in err.message
    assert read(amount="1.000.000")["amount"] == 1_000_000           # the bound itself is allowed
    assert error(FIELDS, {"amount": "1", "count": 11}).field == "count"
    assert error(FIELDS, {"amount": "1", "count": 0}).field == "count"
    assert error(FIELDS, {"amount": "1", "ratio": "1,0001"}).field == "ratio"


def test_decimal_places_and_turkish_notation():
    assert read(amount="1", ratio="0,6543")["ratio"] == D("0.6543")
    err = error(FIELDS, {"amount": "1", "ratio": "0,65432"})
    assert err.field == "ratio" and "en çok 4 ondalık" in err.message


@pytest.mark.parametrize("raw, expected", [(7, 7), ("7", 7), ("7,0", 7), (D("7.00"), 7)])
def test_integer(raw, expected):
    v = read(amount="1", count=raw)["count"]
    assert v == expected and type(v) is int


@pytest.mark.parametrize("raw", ["7,5", 7.5, "yedi"])
def test_integer_refuses_fractions_and_text(raw):
    err = error(FIELDS, {"amount": "1", "count": raw})
    assert err.field == "count"


def test_integer_fraction_message():
    assert "tam sayı olmalı" in error(FIELDS, {"amount": "1", "count": "7,5"}).message


@pytest.mark.parametrize("raw", ["2026-07-15", "15.07.2026", " 15.07.2026 ", date(2026, 7, 15)])
def test_date_iso_and_turkish(raw):
    assert read(amount="1", day=raw)["day"] == date(2026, 7, 15)


@pytest.mark.parametrize("raw", ["2026-02-30", "15/07/2026", "dün", "32.01.2026"])
def test_bad_date(raw):
    err = error(FIELDS, {"amount": "1", "day": raw})
    assert err.field == "day" and "geçerli bir tarih değil" in err.message


def test_datetime():
    f = (Field("at", "datetime", "An"),)
    assert read_inputs(f, {"at": "2026-07-15T09:30"})["at"] == datetime(2026, 7, 15, 9, 30)
    assert read_inputs(f, {"at": "2026-07-15 09:30"})["at"] == datetime(2026, 7, 15, 9, 30)
    assert read_inputs(f, {"at": "15.07.2026"})["at"] == datetime(2026, 7, 15, 0, 0)
    assert error(f, {"at": "2026-07-15T25:00"}).field == "at"


@pytest.mark.parametrize("raw, expected", [
    (True, True), (False, False), ("evet", True), ("hayır", False), ("true", True), ("0", False), ("E", True),
])
def test_bool(raw, expected):
    assert read(amount="1", flag=raw)["flag"] is expected


def test_bool_refuses_other_text():
    err = error(FIELDS, {"amount": "1", "flag": "belki"})
    assert err.field == "flag" and "evet ya da hayır" in err.message


def test_choice():
    assert read(amount="1", kind="b")["kind"] == "b"
    err = error(FIELDS, {"amount": "1", "kind": "c"})
    assert err.field == "kind" and "seçenekler: “A türü”; “B türü”" in err.message  # labels, never keys


def test_empty_choice_offered_is_kept_not_replaced_by_default():
    f = (Field("preset", "choice", "Sendika", default="senim", choices=(("", "— oran —"), ("senim", "Senim"))),)
    assert read_inputs(f, {"preset": ""})["preset"] == ""
    assert read_inputs(f, {})["preset"] == "senim"


def test_text():
    assert read(amount="1", note="  merhaba ")["note"] == "merhaba"
    assert error(FIELDS, {"amount": "1", "note": 5}).field == "note"
    req = (Field("name", "text", "Ad", required=True),)
    assert error(req, {"name": "  "}).field == "name"


def test_check_hook_message_is_wrapped_with_label():
    def only_even(v):
        if v % 2:
            raise InputError("n", "çift olmalı")
    f = (Field("n", "integer", "Sayı", check=only_even),)
    assert read_inputs(f, {"n": 4})["n"] == 4
    err = error(f, {"n": 3})
    assert err.field == "n" and "çift olmalı" in err.message and "Sayı" in err.message


# --- lists ----------------------------------------------------------------------------------

def test_list_of_items():
    v = read_inputs((UNITS,), {"units": [{"name": " Merkez ", "members": 120}, {"name": "Şube", "members": "1.234.567"}]})
    assert v["units"] == [{"name": "Merkez", "members": 120}, {"name": "Şube", "members": 1234567}]


def test_list_error_path_names_the_row_and_field():
    err = error((UNITS,), {"units": [{"name": "A", "members": 1}, {"name": "Çankaya", "members": "-3"}]})
    assert err.field == "units[1].members"
    assert "2. satır" in err.message and "Çankaya" in err.message and "en az 0" in err.message


def test_list_item_unknown_key_and_missing_field():
    err = error((UNITS,), {"units": [{"name": "A", "members": 1, "mebers": 2}]})
    assert err.field == "units[0].mebers"
    err = error((UNITS,), {"units": [{"members": 1}]})
    assert err.field == "units[0].name"


def test_list_item_must_be_object():
    err = error((UNITS,), {"units": ["A"]})
    assert err.field == "units[0]"


def test_single_field_items_may_be_bare_values():
    f = (Field("names", "list", "Adlar", items=(Field("name", "text", "Ad", required=True),)),)
    assert read_inputs(f, {"names": ["Ali", "Veli"]})["names"] == [{"name": "Ali"}, {"name": "Veli"}]


def test_list_size_bounds_and_type():
    assert error((UNITS,), {"units": []}).field == "units"
    assert "en az 1" in error((UNITS,), {"units": []}).message
    six = [{"name": str(i), "members": i} for i in range(6)]
    assert "en çok 5" in error((UNITS,), {"units": six}).message
    assert error((UNITS,), {"units": {"name": "A"}}).field == "units"


def test_list_from_csv_text_with_header_and_turkish_numbers():
    text = "name;members\nMerkez;120\nÇankaya Şubesi;1.234.567\n\nKeçiören;1234\n"
    v = read_inputs((UNITS,), {"units": text})
    assert v["units"] == [{"name": "Merkez", "members": 120}, {"name": "Çankaya Şubesi", "members": 1234567},
                          {"name": "Keçiören", "members": 1234}]


def test_integer_count_with_one_thousands_dot():
    # “1.250” is ambiguous for a decimal, but a count can only mean 1250
    text = "name;members\nMerkez;1.250\n"
    assert read_inputs((UNITS,), {"units": text})["units"] == [{"name": "Merkez", "members": 1250}]
    err = error(FIELDS, {"amount": "1", "count": "1.234"})
    assert err.field == "count" and "en çok 10" in err.message


def test_csv_header_may_be_the_turkish_labels_and_tabs_work():
    text = "Birim adı\tÜye sayısı\nMerkez\t120\n"
    assert read_inputs((UNITS,), {"units": text})["units"] == [{"name": "Merkez", "members": 120}]


def test_csv_without_header():
    assert read_inputs((UNITS,), {"units": "Merkez;120\nYenimahalle;80"})["units"] == [
        {"name": "Merkez", "members": 120}, {"name": "Yenimahalle", "members": 80}]


def test_csv_errors_have_row_paths():
    err = error((UNITS,), {"units": "name;members\nMerkez;120\nÇankaya;abc"})
    assert err.field == "units[1].members" and "Çankaya" in err.message
    err = error((UNITS,), {"units": "name;members\nMerkez;120;7"})
    assert err.field == "units[0]" and "2 sütun" in err.message


def test_schema_declaration():
    s = FIELDS[0].schema()
    assert s == {"name": "amount", "type": "money", "label": "Tutar", "default": None, "required": True,
                 "min": 0, "max": 1_000_000}
    u = UNITS.schema()
    assert [i["name"] for i in u["items"]] == ["name", "members"] and u["min_items"] == 1 and u["max_items"] == 5
    assert FIELDS[5].schema()["choices"] == [{"value": "a", "label": "A türü"}, {"value": "b", "label": "B türü"}]


def test_unknown_field_type_is_a_programming_error():
    with pytest.raises(ValueError):
        Field("x", "float", "X")
