"""A union preset is data only: a second, fictitious preset (tests/fixtures, never shipped) changes the
numbers and every step's citation without a line of code."""

from pathlib import Path

import pytest

from election_helpers import data_root_with

FIXTURE = Path(__file__).parent / "fixtures" / "election-preset-ornek-sen.toml"
EXAMPLES = {
    "election/central-delegates": {"units": [{"name": "A Şube", "members": 700}, {"name": "B Şube", "members": 300},
                                             {"name": "C İl Temsilciliği", "members": 300, "kind": "İl temsilciliği"}]},
    "election/branch-delegates": {"members": 1640, "workplaces": "İş yeri;Üye\nA;1000\nB;640"},
    "election/ballots": {"seats": 2, "reserves": 1, "candidates": ["Ayşe Kaya", "Veli Ak", "Can Er"],
                         "envelopes": 5, "signed_voters": 4, "tally": "Ayşe Kaya;3\nVeli Ak;2\nCan Er;1",
                         "invalid": "mühürsüz;1"},
    "election/quorum": {"delegates": 100, "present": 30, "meeting": "second"},
    "election/calendar": {"election_at": "2026-10-18T09:00", "branch_assembly_on": "2026-11-07",
                          "central_assembly_on": "2027-02-20"},
}
ON = __import__("datetime").date(2026, 10, 1)


@pytest.fixture
def preset_calcs(tmp_path):
    with data_root_with(FIXTURE, tmp_path) as calcs:
        yield calcs


@pytest.mark.parametrize("calc_id", list(EXAMPLES))
def test_every_step_cites_the_chosen_preset(preset_calcs, calc_id):
    out = preset_calcs[calc_id].run({**EXAMPLES[calc_id], "preset": "ornek-sen"}, ON)
    refs = [s["reference"] for s in out["steps"] if s["reference"] and s["reference"] != "Girdi"]
    assert refs
    assert all(r.startswith("ÖRNEK-SEN") or r.startswith("Girdi (") for r in refs), refs
    assert not any("BAK-SEN" in str(v) for v in out["result"].values()), calc_id
    bak = preset_calcs[calc_id].run(EXAMPLES[calc_id], ON)      # the default preset still cites its own
    assert all("BAK-SEN" in s["reference"] for s in bak["steps"] if s["reference"] not in ("", "Girdi"))


def test_the_preset_numbers_apply(preset_calcs):
    central = preset_calcs["election/central-delegates"].run({**EXAMPLES["election/central-delegates"],
                                                              "preset": "ornek-sen"}, ON)["result"]
    # 100 seats (from the data, the input left empty), 2 each first → 94 by quota 1300/94:
    # shares 50,615…, 21,692…, 21,692… → 50, 21, 21 = 92; remainders 0,615 / 0,692 / 0,692 → B and C.
    assert central["total_seats"] == 100
    assert central["seats"] == {"A Şube": 52, "B Şube": 24, "C İl Temsilciliği": 24}
    assert central["list_size"] == {"A Şube": 156, "B Şube": 72, "C İl Temsilciliği": 48}
    assert "Raportör" in central["allocation_record"] and "ÖRNEK-SEN Seç. Yön. md.40/3" in central["allocation_record"]
    branch = preset_calcs["election/branch-delegates"].run({**EXAMPLES["election/branch-delegates"],
                                                            "preset": "ornek-sen"}, ON)["result"]
    assert branch["elected_delegates"] == 82                      # ⌈1640 × 0,05⌉ = 82, rounded up by this preset
    ballots = preset_calcs["election/ballots"].run({**EXAMPLES["election/ballots"], "preset": "ornek-sen"}, ON)["result"]
    assert ballots["elected"] == ["Ayşe Kaya", "Veli Ak"] and ballots["reserves"] == ["Can Er"]
    assert "Sonuçlar 24 saat asılı kalır; seçim belgeleri 6 ay" in ballots["result_record"]
    assert "ÖRNEK-SEN Seç. Yön. md.21" in ballots["result_record"]


def test_the_fictitious_preset_is_not_shipped():
    import calc
    choices = [c["value"] for f in calc.get("election/ballots").schema()["inputs"] if f["name"] == "preset"
               for c in f["choices"]]
    assert "ornek-sen" not in choices and "bak-sen" in choices


def test_every_shipped_preset_defines_every_rule_group():
    # A preset offered in one form but missing a rule group another calculator needs would fail only at run time.
    from calc import params
    for table in params.periods("election"):
        groups = {key: set(p.value) for key, p in table.params.items()}
        presets = set().union(*groups.values())
        assert all(names == presets for names in groups.values()), (table.file, groups)


@pytest.mark.parametrize("calc_id,name", [("election/ballots", "seats"), ("election/branch-delegates", "members"),
                                          ("election/quorum", "delegates"), ("election/calendar", "election_at"),
                                          ("election/central-delegates", "units")])
def test_a_required_input_left_out_is_an_error_never_the_example(calc_id, name):
    import calc
    c = calc.get(calc_id)
    inputs = {k: v for k, v in c.example_inputs().items() if k != name}
    with pytest.raises(calc.InputError) as exc:
        c.run(inputs, ON)
    assert exc.value.field == name and "zorunlu" in exc.value.message
