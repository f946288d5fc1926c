"""election/ballots (BAK-SEN Seçim Yön. md.5, md.19, md.20) and Turkish candidate order."""

import pytest

import calc
from calc.text import sort_turkish
from election_helpers import run_calc

ID = "election/ballots"
CANDIDATES = ["Zeynep Şahin", "Çağrı Öztürk", "Ilgaz Demir", "İlkay Güneş", "Ömer Çelik"]


def run(ballots, seats=3, candidates=CANDIDATES, **kw):
    return run_calc(ID, {"seats": seats, "candidates": candidates, "ballots": ballots, **kw})


def b(*marks, **kw):
    return {"marks": list(marks), **kw}


def test_candidates_in_turkish_order():
    r = run([])["result"]
    assert r["candidates_sorted"] == ["Çağrı Öztürk", "Ilgaz Demir", "İlkay Güneş", "Ömer Çelik", "Zeynep Şahin"]


def test_turkish_order_of_letters_and_full_names():
    names = ["Üzeyir Ak", "Şule Er", "Uğur Can", "Sema Tan", "Ömer Şen", "Oya Kılıç", "İsmail Kaya",
             "Işıl Ay", "Gül Öz", "Ğ Harfi", "Çiğdem Bal", "Cem Ege", "Ali Zorlu", "Ali Çetin", "Alican Ak"]
    assert sort_turkish(names) == ["Ali Çetin", "Ali Zorlu", "Alican Ak", "Cem Ege", "Çiğdem Bal", "Gül Öz",
                                   "Ğ Harfi", "Işıl Ay", "İsmail Kaya", "Oya Kılıç", "Ömer Şen", "Sema Tan",
                                   "Şule Er", "Uğur Can", "Üzeyir Ak"]


@pytest.mark.parametrize("ballot,reason", [
    (b("Zeynep Şahin", papers=2), "zarftan birden fazla pusula çıktı"),
    (b("Zeynep Şahin", committee_signed=False), "pusulada kurul mührü/imzası yok"),
    (b("Zeynep Şahin", identifying_mark=True), "pusulada oy vereni belli eden işaret var"),
    (b("Zeynep Şahin", "Çağrı Öztürk", "Ilgaz Demir", "Ömer Çelik"), "seçilecek sayıdan fazla aday işaretlenmiş"),
    (b("Zeynep Şahin", other_paper=True), "oy başka kâğıda yazılmış"),
    (b(papers=0), "zarf boş çıktı"),
])
def test_each_invalidity_rule(ballot, reason):
    r = run([ballot, b("Ömer Çelik")])["result"]
    assert r["invalid_ballots"] == 1 and r["valid_ballots"] == 1
    assert r["invalid_reasons"] == {reason: 1}
    assert r["votes"]["Zeynep Şahin"] == 0 and r["votes"]["Ömer Çelik"] == 1


def test_non_candidate_marks_are_void_for_that_name_only():
    r = run([b("Zeynep Şahin", "Ali Veli", "Mehmet Yok", "Ömer Çelik")])["result"]
    # four marks, but only two candidates: not "more than the seats"; the paper stays valid
    assert r["valid_ballots"] == 1 and r["void_marks"] == 2
    assert r["votes"]["Zeynep Şahin"] == 1 and r["votes"]["Ömer Çelik"] == 1


def test_marks_match_with_turkish_case_and_spacing():
    r = run([b("ILGAZ  DEMİR", "çağrı öztürk")])["result"]
    assert r["votes"]["Ilgaz Demir"] == 1 and r["votes"]["Çağrı Öztürk"] == 1 and r["void_marks"] == 0


def test_same_candidate_twice_is_one_vote():
    r = run([b("Ömer Çelik", "ömer çelik")], seats=1)["result"]
    assert r["valid_ballots"] == 1 and r["votes"]["Ömer Çelik"] == 1


def test_tally_ranking_and_elected():
    ballots = [b("Zeynep Şahin", "Ömer Çelik"), b("Zeynep Şahin", "Ilgaz Demir"), b("Zeynep Şahin", "Ömer Çelik", "İlkay Güneş"),
               b("Ömer Çelik")]
    r = run(ballots)["result"]
    # Ilgaz and İlkay have 1 vote each for the last seat: a lot
    assert r["lot"] == {"tied": ["Ilgaz Demir", "İlkay Güneş"], "seats": 1, "winners": [], "seed": None}
    # Ömer and Zeynep both have 3 votes: listed in Turkish order
    assert r["elected"] == ["Ömer Çelik", "Zeynep Şahin"] and r["unfilled_seats"] == 1
    seeded = run(ballots, lot_seed="sandık 1")["result"]
    again = run(list(ballots), lot_seed="sandık 1")["result"]
    assert seeded["elected"] == again["elected"] and len(seeded["elected"]) == 3
    assert seeded["elected"][2] in ("Ilgaz Demir", "İlkay Güneş") and seeded["unfilled_seats"] == 0


def test_no_lot_when_tie_is_above_the_cut():
    r = run([b("Zeynep Şahin", "Ömer Çelik"), b("Zeynep Şahin", "Ömer Çelik"), b("Ilgaz Demir")])["result"]
    assert r["elected"] == ["Ömer Çelik", "Zeynep Şahin", "Ilgaz Demir"] and r["lot"] is None


def test_excess_envelopes_drawn_and_destroyed_unopened():
    ballots = [b("Zeynep Şahin"), b("Ömer Çelik"), b("Ilgaz Demir"), b("Zeynep Şahin")]
    r = run(ballots, signed_voters=3, lot_seed="zarf kurası")["result"]
    assert r["excess_envelopes"] == 1 and len(r["destroyed_envelopes"]) == 1
    assert r["valid_ballots"] + r["invalid_ballots"] == 3 and r["final"] is True
    again = run(ballots, signed_voters=3, lot_seed="zarf kurası")["result"]
    assert again["destroyed_envelopes"] == r["destroyed_envelopes"]


def test_excess_envelopes_without_seed_is_not_final():
    out = run([b("Zeynep Şahin"), b("Ömer Çelik")], signed_voters=1)
    r = out["result"]
    assert r["excess_envelopes"] == 1 and r["final"] is False and r["elected"] == []
    assert out["warnings"]


def test_duplicate_candidate_is_refused():
    with pytest.raises(calc.InputError) as exc:
        run([], candidates=["Ayşe Kaya", "AYŞE KAYA"])
    assert exc.value.field == "candidates[1].name"


def test_candidates_as_pasted_lines():
    r = run([b("Ayşe Kaya")], seats=1, candidates="Şule Er\nAyşe Kaya")["result"]
    assert r["candidates_sorted"] == ["Ayşe Kaya", "Şule Er"] and r["elected"] == ["Ayşe Kaya"]
