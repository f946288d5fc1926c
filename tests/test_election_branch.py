"""election/branch-delegates (BAK-SEN Seçim Yön. md.12)."""

import pytest

import calc
from election_helpers import run_calc

ID = "election/branch-delegates"


def run(**inputs):
    return run_calc(ID, inputs)["result"]


def test_up_to_1000_members_meets_with_all_members():
    r = run(members=1000, board_members=7, audit_members=3)
    assert r["assembly"] == "members" and r["elected_delegates"] == 0 and r["natural_delegates"] == 0
    assert r["total_delegates"] == 1000 and r["members_per_delegate"] is None and r["by_workplace"] == {}


@pytest.mark.parametrize("members,elected", [(1001, 100), (1009, 100), (1010, 101), (1640, 164), (2000, 200), (2009, 200), (50_000, 200)])
def test_ten_percent_rounded_down_capped_at_200(members, elected):
    r = run(members=members, board_members=7, audit_members=3)
    assert r["assembly"] == "delegates" and r["elected_delegates"] == elected
    assert r["natural_delegates"] == 10 and r["total_delegates"] == elected + 10


def test_members_per_delegate_two_places_half_up():
    assert run(members=1640)["members_per_delegate"] == "10.00"       # 1640 / 164
    assert run(members=1001)["members_per_delegate"] == "10.01"     # 1001 / 100
    assert run(members=2345)["members_per_delegate"] == "11.73"     # 2345 / 200 = 11,725


def test_workplaces_by_largest_remainder():
    # 164 delegates; quota 1640/164 = 10; 640 → 64, 585 → 58,5, 290 → 29, 125 → 12,5
    # whole 64+58+29+12 = 163; one left, remainders 0,5 and 0,5 tie → lot.
    wp = [{"name": "İl Müdürlüğü", "members": 640}, {"name": "Devlet Hastanesi", "members": 585},
          {"name": "Eğitim ve Araştırma Hastanesi", "members": 290}, {"name": "Ağız ve Diş Sağlığı Merkezi", "members": 125}]
    r = run(members=1640, workplaces=wp)
    assert r["by_workplace"] == {"İl Müdürlüğü": 64, "Devlet Hastanesi": 58, "Eğitim ve Araştırma Hastanesi": 29,
                                 "Ağız ve Diş Sağlığı Merkezi": 12}
    assert r["lot"]["tied"] == ["Ağız ve Diş Sağlığı Merkezi", "Devlet Hastanesi"] and r["lot"]["winners"] == []
    assert r["unassigned_delegates"] == 1
    seeded = run(members=1640, workplaces=wp, lot_seed="şube kurulu")
    assert sum(seeded["by_workplace"].values()) == 164 and len(seeded["lot"]["winners"]) == 1


def test_workplace_example_without_tie():
    wp = [{"name": "A", "members": 700}, {"name": "B", "members": 500}, {"name": "C", "members": 301}]
    r = run(members=1501, workplaces=wp)   # 150 delegates; shares 69,93…, 49,96…, 30,07… → 70, 50, 30
    assert r["by_workplace"] == {"A": 70, "B": 50, "C": 30}


def test_workplace_errors_name_the_row():
    with pytest.raises(calc.InputError) as exc:
        run(members=1500, workplaces=[{"name": "A", "members": 10}, {"name": "a", "members": 5}])
    assert exc.value.field == "workplaces[1].name"
    with pytest.raises(calc.InputError) as exc:
        run(members=1500, workplaces=[{"name": "A", "members": 0}])
    assert exc.value.field == "workplaces[0].members"


def test_mismatched_workplace_total_warns():
    out = run_calc(ID, {"members": 1500, "workplaces": [{"name": "A", "members": 1000}, {"name": "B", "members": 400}]})
    assert any("farklı" in w for w in out["warnings"])
    assert sum(out["result"]["by_workplace"].values()) == 150
