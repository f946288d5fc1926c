"""election/quorum (BAK-SEN Seçim Yön. md.25, md.26, md.34)."""

import pytest

import calc
from election_helpers import run_calc


def run(**kw):
    return run_calc("election/quorum", kw)["result"]


@pytest.mark.parametrize("n,first,second,quarter,fifth", [
    (210, 106, 70, 53, 42),   # 105+1; 210/3; ⌈52,5⌉; 210/5
    (200, 101, 67, 50, 40),   # ⌈66,67⌉ = 67
    (7, 4, 3, 2, 2),
    (1, 1, 1, 1, 1),
])
def test_hand_worked_quorums(n, first, second, quarter, fifth):
    r = run(delegates=n)
    assert (r["first_meeting_quorum"], r["second_meeting_quorum"], r["decision_minimum_of_all"],
            r["extraordinary_request_signatures"], r["nomination_signatures"]) == (first, second, quarter, fifth, fifth)
    assert r["extraordinary_within_days"] == 60 and r["second_meeting_within_days"] == 15


def test_first_meeting_not_quorate():
    r = run(delegates=210, present=105)
    assert r["quorate"] is False and r["decision_needs"] is None


def test_first_meeting_quorate_decision_is_majority_of_present():
    r = run(delegates=210, present=150)
    assert r["quorate"] is True and r["decision_needs"] == 76


def test_second_meeting_decision_never_below_a_quarter():
    r = run(delegates=210, present=70, meeting="second")
    assert r["quorate"] is True and r["decision_needs"] == 53   # majority of 70 is 36, but a quarter of 210 is 53


def test_present_above_total_is_refused():
    with pytest.raises(calc.InputError) as exc:
        run(delegates=10, present=11)
    assert exc.value.field == "present"


def test_csv_without_a_table_prints_main_results(cli):
    res = cli("run", "election/quorum", "--format", "csv", stdin='{"delegates": 210, "present": 98, "meeting": "first"}')
    assert res.code == 0 and res.out.splitlines() == ["Sonuç;Değer", "Toplantı yeter sayısı var mı;hayır",
                                                      "Karar için gereken oy;"]
