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


WP = [{"name": "İl Müdürlüğü", "members": 640}, {"name": "Devlet Hastanesi", "members": 585},
      {"name": "Eğitim ve Araştırma Hastanesi", "members": 290}, {"name": "Ağız ve Diş Sağlığı Merkezi", "members": 125}]


def test_workplace_table_with_total_and_record():
    r = run(members=1640, workplaces=WP, lot_winners=["Ağız ve Diş Sağlığı Merkezi"], election_date="2026-11-07")
    assert r["by_workplace"]["Ağız ve Diş Sağlığı Merkezi"] == 13 and r["unassigned_delegates"] == 0
    rows = r["workplace_table"]
    assert [x["name"] for x in rows] == [w["name"] for w in WP] + ["Toplam"]
    assert (rows[1]["whole_quotas"], rows[1]["remainder"], rows[1]["remainder_seat"], rows[1]["seats"], rows[1]["note"]) == \
        (58, "0.5000", 0, 58, "kura kaybetti")
    assert (rows[-1]["members"], rows[-1]["whole_quotas"], rows[-1]["remainder_seat"], rows[-1]["seats"]) == (1640, 163, 1, 164)
    assert "Tarih: 7 Kasım 2026 Cumartesi" in r["allocation_record"] and "Şube seçim kurulu başkanı" in r["allocation_record"]
    assert r["table_csv"].splitlines()[-1] == "Toplam;1640;0;163;;1;164;"


def test_open_tie_is_noted_in_the_total_row():
    rows = run(members=1640, workplaces=WP)["workplace_table"]
    assert rows[-1]["seats"] == 163 and rows[-1]["note"] == "1 delegelik kura bekliyor"
    assert [x["note"] for x in rows[:-1]] == ["", "kura bekliyor", "", "kura bekliyor"]


def test_workplaces_pasted_with_the_readers_own_header():
    r = run(members=1640, workplaces="İş yeri;Üye sayısı\nİl Müdürlüğü;640\nDevlet Hastanesi;1.000")
    assert r["by_workplace"] == {"İl Müdürlüğü": 64, "Devlet Hastanesi": 100}


def test_short_row_names_the_workplace_and_counts_data_rows():
    with pytest.raises(calc.InputError) as exc:
        run(members=1640, workplaces="İş yeri;Üye sayısı\nİl Müdürlüğü;640\nŞehir Hastanesi")
    assert exc.value.field == "workplaces[1]" and "2. satır (“Şehir Hastanesi”)" in exc.value.message
    assert "“;” ile ayrılmış" in exc.value.message


def test_lot_by_hand_when_meeting_with_all_members_is_refused():
    with pytest.raises(calc.InputError) as exc:
        run(members=900, lot_winners=["A"])
    assert exc.value.field == "lot_winners"
