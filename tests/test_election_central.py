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


def test_table_per_unit_with_a_total_row():
    out = run(units=EXAMPLE_UNITS)["result"]
    table = out["table"]
    assert [r["name"] for r in table][-1] == "Toplam" and table[-1]["total"] is True
    assert not any(r["total"] for r in table[:-1]) and len(table) == len(EXAMPLE_UNITS) + 1
    canakkale = next(r for r in table if r["name"] == "Çanakkale Şube")
    assert (canakkale["members"], canakkale["first"], canakkale["whole_quotas"], canakkale["remainder"],
            canakkale["remainder_seat"], canakkale["seats"], canakkale["list_size"]) == (1130, 1, 10, "0.9025", 1, 12, 24)
    assert (table[-1]["members"], table[-1]["first"], table[-1]["whole_quotas"], table[-1]["remainder_seat"],
            table[-1]["seats"]) == (19900, 8, 188, 4, 200)
    assert "DELEGE DAĞILIM TUTANAĞI" in out["allocation_record"] and "Toplam" in out["allocation_record"]
    assert out["table_csv"].splitlines()[0] == "Birim;Tür;Üye;İlk delege;Tam kota;Artık;Artıktan delege;Toplam delege;Liste;Not"
    assert out["table_csv"].splitlines()[-1] == "Toplam;;19900;8;188;;4;200;395;"


def test_lot_drawn_by_hand():
    r = run(seats=5, units=tied_units(), lot_winners="ÇORUM\nIğdır", election_name="2027 Olağan Genel Kurulu")["result"]
    assert r["seats"] == {"Şırnak": 1, "Çorum": 2, "Iğdır": 2} and r["unassigned_seats"] == 0
    assert r["lot"] == {"tied": ["Çorum", "Iğdır", "Şırnak"], "seats": 2, "winners": ["Çorum", "Iğdır"], "seed": None}
    assert "elle çekildi" in r["lot_record"] and "2027 Olağan Genel Kurulu" in r["lot_record"]
    assert "Kurayı kaybeden(ler): Şırnak" in r["lot_record"] and "İmza:" in r["lot_record"]
    assert r["lot_text"].startswith("Son 2 delegelik için eşit durumdakiler: Çorum, Iğdır, Şırnak.")
    assert [row["note"] for row in r["table"]] == ["kura kaybetti", "kura kazandı", "kura kazandı", ""]


@pytest.mark.parametrize("hand,words", [
    (["Çorum"], "2 ad yazılmalı, 1 yazılmış"),
    (["Çorum", "Ankara"], "kuradaki adlardan biri değil"),
    (["Çorum", "çorum"], "iki kez"),
])
def test_lot_by_hand_is_checked(hand, words):
    with pytest.raises(calc.InputError) as exc:
        run(seats=5, units=tied_units(), lot_winners=hand)
    assert exc.value.field == "lot_winners" and words in exc.value.message


def test_lot_by_hand_without_a_tie_or_with_a_seed_is_refused():
    with pytest.raises(calc.InputError) as exc:
        run(units=EXAMPLE_UNITS, lot_winners=["İzmir Şube"])
    assert exc.value.field == "lot_winners" and "kura gerekmiyor" in exc.value.message
    with pytest.raises(calc.InputError) as exc:
        run(seats=5, units=tied_units(), lot_winners=["Çorum", "Iğdır"], lot_seed="x")
    assert exc.value.field == "lot_winners"


def test_turkish_header_and_kind_as_written():
    out = run(seats=10, units="Birim;Üye sayısı;Tür\nA Şube;1.500\nB İl Temsilciliği;300;İl temsilciliği\nC;200;şube")["result"]
    assert out["seats"] == {"A Şube": 6, "B İl Temsilciliği": 2, "C": 2}
    assert out["list_size"] == {"A Şube": 12, "B İl Temsilciliği": 2, "C": 4}


def test_seats_default_to_the_preset():
    assert run(units=EXAMPLE_UNITS)["result"]["total_seats"] == 200
    assert run(units=EXAMPLE_UNITS, seats=150)["steps"][0]["reference"].startswith("Girdi (yönetmelikte 200")


def test_cli_csv_and_text_table(cli):
    units = json.dumps({"seats": 10, "units": [{"name": "A", "members": 500}, {"name": "B", "members": 300},
                                               {"name": "C", "members": 200}]})
    res = cli("run", ID, "--format", "csv", stdin=units)
    assert res.code == 0 and res.out.splitlines() == [
        "Birim;Tür;Üye;İlk delege;Tam kota;Artık;Artıktan delege;Toplam delege;Liste;Not",
        "A;şube;500;1;3;0,5000;1;5;10;", "B;şube;300;1;2;0,1000;0;3;6;", "C;şube;200;1;1;0,4000;0;2;4;",
        "Toplam;;1000;3;6;;1;10;20;"]
    text = cli("run", ID, "--format", "text", stdin=units).out
    assert "  Birim   Tür     Üye  İlk delege" in text and "  Toplam        1.000           3" in text


def test_broken_json_text_says_json():
    with pytest.raises(calc.InputError) as exc:
        run(units='[{"name": "A", "members": 10}')
    assert exc.value.field == "units" and "JSON olarak okunamadı" in exc.value.message
