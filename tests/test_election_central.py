"""election/central-delegates (BAK-SEN Seçim Yön. md.36) through the contract's Python API and CLI."""

import json

import pytest

import calc
from election_helpers import registry_or_skip, run_calc
from calc.election.central_delegates import EXAMPLE_UNITS

ID = "election/central-delegates"


def run(**inputs):
    return run_calc(ID, inputs)


def test_worked_example_eight_units():
    # 19.900 members; 8 units get one each; 192 left; quota 19900/192 = 103,6458…
    # whole quotas 46,30,50,23,16,10,10,3 = 188; 4 remainder seats: Çanakkale (0,9025), İstanbul (0,8945),
    # Ankara 1 (0,7940), Ağrı (0,7146).
    out = run(units=EXAMPLE_UNITS)["result"]
    assert out["seats"] == {"Ankara 1 No'lu Şube": 48, "Ankara 2 No'lu Şube": 31, "İstanbul Şube": 52,
                            "İzmir Şube": 24, "Bursa Şube": 17, "Çanakkale Şube": 12, "Şanlıurfa Şube": 11,
                            "Ağrı İl Temsilciliği": 5}
    assert sum(out["seats"].values()) == 200
    assert out["members_per_delegate"] == "103.65"
    assert out["list_size"]["İstanbul Şube"] == 104          # 2 × 52 for a branch
    assert out["list_size"]["Ağrı İl Temsilciliği"] == 5       # exactly its count for a provincial representation
    assert out["lot"] is None and out["unassigned_seats"] == 0


def test_hand_case_small():
    out = run(seats=10, units=[{"name": "A", "members": 500}, {"name": "B", "members": 300},
                               {"name": "C", "members": 200}])["result"]
    assert out["seats"] == {"A": 5, "B": 3, "C": 2}
    assert out["members_per_delegate"] == "142.86"           # 1000 / 7


def tied_units():
    return [{"name": "Şırnak", "members": 10}, {"name": "Çorum", "members": 10}, {"name": "Iğdır", "members": 10}]


def test_tie_without_seed_is_reported_and_not_assigned():
    out = run(seats=5, units=tied_units())
    r = out["result"]
    assert r["lot"] == {"tied": ["Çorum", "Iğdır", "Şırnak"], "seats": 2, "winners": [], "seed": None}
    assert r["seats"] == {"Şırnak": 1, "Çorum": 1, "Iğdır": 1}
    assert r["unassigned_seats"] == 2
    assert out["warnings"] and "kura" in out["warnings"][0]
    assert "kura henüz çekilmemiştir" in r["lot_record"]


def test_tie_with_seed_is_reproducible():
    a = run(seats=5, units=tied_units(), lot_seed="2026-03-01 kurul")["result"]
    b = run(seats=5, units=list(reversed(tied_units())), lot_seed="2026-03-01 kurul")["result"]
    assert a["lot"]["winners"] == b["lot"]["winners"] and len(a["lot"]["winners"]) == 2
    assert sum(a["seats"].values()) == 5 and a["unassigned_seats"] == 0
    for w in a["lot"]["winners"]:
        assert a["seats"][w] == 2
    assert a["lot"]["seed"] == "2026-03-01 kurul" and "Kura sonucu" in a["lot_record"]


def test_csv_text_with_turkish_numbers():
    # 2.000 members, 7 seats after the first ones; shares 5,25 / 1,05 / 0,7 → 5, 1, 0; last seat to C (0,7).
    out = run(seats=10, units="name;members\nA;1.500\nB;300\nC;200")["result"]
    assert out["seats"] == {"A": 6, "B": 2, "C": 2}


@pytest.mark.parametrize("inputs,field", [
    ({"units": [{"name": "A", "members": 10}, {"name": "B", "members": 0}]}, "units[1].members"),
    ({"units": [{"name": "A", "members": 10}, {"name": "B", "members": -4}]}, "units[1].members"),
    ({"units": [{"name": "İzmir", "members": 10}, {"name": "izmir", "members": 5}]}, "units[1].name"),
    ({"seats": 2, "units": [{"name": "A", "members": 1}, {"name": "B", "members": 1}, {"name": "C", "members": 1}]}, "units"),
    ({"seats": "200,5", "units": [{"name": "A", "members": 1}]}, "seats"),
    ({"units": [{"name": "A", "members": "12,5"}]}, "units[0].members"),
    ({"units": []}, "units"),
])
def test_bad_input_names_the_row(inputs, field):
    with pytest.raises(calc.InputError) as exc:
        run(**inputs)
    assert exc.value.field == field


def test_registered():
    assert ID in [c.id for c in registry_or_skip()]


@pytest.mark.parametrize("calc_id", ["election/central-delegates", "election/branch-delegates", "election/ballots",
                                     "election/quorum", "election/calendar"])
def test_cli_text_runs_the_example(cli, calc_id):
    registry_or_skip()
    example = calc.get(calc_id).example
    res = cli("run", calc_id, "--format", "text", stdin=json.dumps(example, ensure_ascii=False))
    assert res.code == 0 and "Adım adım" in res.out, res.err


def test_cli_bad_input_exit_2(cli):
    registry_or_skip()
    bad = cli("run", ID, stdin='{"units": "name;members\\nA;10\\nB;0"}')
    assert bad.code == 2 and bad.out == "" and "Traceback" not in bad.err
    assert "units[1].members" in bad.err and "sıfırdan büyük" in bad.err
    bad = cli("run", "election/ballots", stdin='{"seats": 1, "candidates": ["A"], "ballots": [{"marks": ["A"], "papers": "bir"}]}')
    assert bad.code == 2 and bad.out == "" and "Traceback" not in bad.err and "1. satır" in bad.err and "[ballots[0].papers]" in bad.err
    assert "“Zarftaki pusula sayısı”" in bad.err and "(örnek: 1.250)" in bad.err  # an integer example for a count
