"""election/ballots as a committee counts: envelopes against signatures first (md.19), then a tally sheet or
one envelope per line; elected, reserves and lots at the last elected and last reserve place (md.20)."""

import pytest

import calc
from election_helpers import run_calc

ID = "election/ballots"
SEVEN = ["Zeynep Şahin", "Çağrı Öztürk", "İlkay Güneş", "Ilgaz Demir", "Ömer Çelik", "Şule Aydın", "Gökhan Yıldız"]
SHEET = "Zeynep Şahin;180\nÇağrı Öztürk;154\nİlkay Güneş;143\nIlgaz Demir;123\nÖmer Çelik;102\nŞule Aydın;97\nGökhan Yıldız;64"


def run(**kw):
    return run_calc(ID, kw)


def error(**kw):
    with pytest.raises(calc.InputError) as exc:
        run(**kw)
    return exc.value


def test_count_only_step_says_how_many_are_destroyed_unopened():
    out = run(seats=5, candidates=SEVEN, envelopes=300, signed_voters=298)
    r = out["result"]
    assert r["mode"] == "count" and r["excess_envelopes"] == 2 and r["envelopes_opened"] == 298
    assert "2 zarf hiçbiri açılmadan" in r["box_text"] and "kalan 298 zarf açılır" in r["box_text"]
    assert r["elected"] == [] and r["final"] is False and r["valid_ballots"] is None
    assert "FAZLA ZARF KURA VE İMHA TUTANAĞI" in r["surplus_record"]
    assert "Zarflar henüz açılmadı" in r["result_record"]


def test_tally_sheet_300_envelopes():
    # 300 envelopes, 298 signatures: 2 destroyed unopened; 298 opened, 4 with two papers and 6 unsigned invalid
    # → 288 valid. Five seats, two reserves, by votes.
    out = run(seats=5, reserves=2, candidates=SEVEN, envelopes=300, signed_voters=298, registered_voters=320,
              tally=SHEET, invalid="birden fazla pusula;4\nmühürsüz;6", election_name="Merkez Şube, 1 No'lu sandık",
              election_date="2026-10-18")
    r = out["result"]
    assert r["mode"] == "tally" and r["valid_ballots"] == 288 and r["invalid_ballots"] == 10
    assert r["invalid_reasons"] == {"zarftan birden fazla pusula çıktı": 4, "pusulada kurul mührü/imzası yok": 6}
    assert r["elected"] == ["Zeynep Şahin", "Çağrı Öztürk", "İlkay Güneş", "Ilgaz Demir", "Ömer Çelik"]
    assert r["reserves"] == ["Şule Aydın", "Gökhan Yıldız"] and r["lot"] is None and r["reserve_lot"] is None
    assert [(x["rank"], x["status"], x["status_label"]) for x in r["ranking"]][4:] == [
        (5, "elected", "seçildi"), (6, "reserve", "yedek 1"), (7, "reserve", "yedek 2")]
    rec = r["result_record"]
    for line in ("SEÇİM SONUÇ TUTANAĞI", "Merkez Şube, 1 No'lu sandık", "Tarih: 18 Ekim 2026 Pazar",
                 "Sandık listesindeki seçmen: 320", "Fazla çıkıp açılmadan kura ile imha edilen zarf: 2",
                 "Geçerli oy pusulası: 288", "Yedekler (sırasıyla): Şule Aydın, Gökhan Yıldız",
                 "Dayanak: BAK-SEN Seçim Yön. md.20", "Sandık kurulu başkanı"):
        assert line in rec, line
    assert r["ranking_csv"].splitlines()[:2] == ["Sıra;Aday;Oy;Durum", "1;Zeynep Şahin;180;seçildi"]


def test_tally_as_json_objects():
    r = run(seats=1, candidates=["A Ak", "B Bek"], envelopes=3, tally={"A Ak": 2, "B Bek": 0},
            invalid={"unclear": 1})["result"]
    assert r["elected"] == ["A Ak"] and r["valid_ballots"] == 2 and r["invalid_reasons"] == {"oyun kime verildiği anlaşılmıyor": 1}


@pytest.mark.parametrize("kw,field,words", [
    ({"tally": "Zeynep Şahin;3\nAli Veli;1\nÇağrı Öztürk;0"}, "tally[1].name", "aday değil"),
    ({"tally": "Zeynep Şahin;3"}, "tally", "Çağrı Öztürk için oy yazılmamış"),
    ({"tally": "Zeynep Şahin;3\nzeynep şahin;1\nÇağrı Öztürk;0"}, "tally[1].name", "1. satırda da"),
    ({"tally": "Zeynep Şahin;6\nÇağrı Öztürk;0"}, "tally[0].votes", "geçerli pusula 5"),
    ({"tally": "Zeynep Şahin;3\nÇağrı Öztürk;0", "invalid": "mühürsüz;6"}, "invalid", "fazla olamaz"),
    ({"tally": "Zeynep Şahin;3\nÇağrı Öztürk;0", "envelopes": None}, "envelopes", "gerekir"),
    ({"tally": "Zeynep Şahin;3\nÇağrı Öztürk;0", "ballots": "Zeynep Şahin"}, "ballots", "ikisinden birini"),
    ({"invalid": "mühürsüz;1", "ballots": "Zeynep Şahin"}, "invalid", "sayım çizelgesiyle"),
    ({"tally": "Zeynep Şahin;3\nÇağrı Öztürk;0", "invalid": "yırtık;1"}, "invalid[0].reason", "seçeneklerden"),
])
def test_tally_sheet_errors_name_the_field(kw, field, words):
    inputs = {"seats": 1, "candidates": ["Zeynep Şahin", "Çağrı Öztürk"], "envelopes": 5} | kw
    err = error(**{k: v for k, v in inputs.items() if v is not None})
    assert err.field == field and words in err.message, err.message


def test_more_votes_than_papers_can_carry_is_refused():
    err = error(seats=2, candidates=["A", "B", "C"], envelopes=2, tally="A;2\nB;2\nC;1")
    assert err.field == "tally" and "en çok 4 oy" in err.message


def votes(**named):
    return {"candidates": list(named), "envelopes": 40, "tally": {k: v for k, v in named.items()}}


def test_tie_at_the_last_reserve_place_is_a_lot():
    base = votes(Ayla=10, Burak=8, Cem=5, Deniz=5, Ece=0) | {"seats": 2, "reserves": 1}
    r = run(**base)["result"]
    assert r["elected"] == ["Ayla", "Burak"] and r["lot"] is None
    assert r["reserve_lot"] == {"tied": ["Cem", "Deniz"], "seats": 1, "winners": [], "seed": None}
    assert r["reserves"] == [] and [x["status"] for x in r["ranking"]] == ["elected", "elected", "lot", "lot", ""]
    drawn = run(**base, lot_winners="deniz")["result"]
    assert drawn["reserves"] == ["Deniz"] and drawn["reserve_lot"]["winners"] == ["Deniz"]
    assert [x["status"] for x in drawn["ranking"]] == ["elected", "elected", "", "reserve", ""]
    assert "elle çekildi" in drawn["lot_record"] and "Son yedek yerler" in drawn["lot_record"]


def test_a_tie_across_the_last_seat_and_the_reserves_takes_two_lots():
    base = votes(Ayla=10, Burak=8, Cem=8, Deniz=8, Ece=3) | {"seats": 2, "reserves": 1}
    r = run(**base)
    assert r["result"]["lot"] == {"tied": ["Burak", "Cem", "Deniz"], "seats": 1, "winners": [], "seed": None}
    assert r["result"]["elected"] == ["Ayla"] and r["result"]["reserves"] == [] and r["result"]["unfilled_seats"] == 1
    assert [x["status"] for x in r["result"]["ranking"]] == ["elected", "lot", "lot", "lot", ""]
    assert any("ilk yedeklerdir" in w for w in r["warnings"])
    one = run(**base, lot_winners=["Cem"])["result"]          # the seat lot drawn; the reserve lot still open
    assert one["elected"] == ["Ayla", "Cem"] and one["reserve_lot"]["tied"] == ["Burak", "Deniz"] and one["reserves"] == []
    both = run(**base, lot_winners=["Cem", "Deniz"])["result"]
    assert both["elected"] == ["Ayla", "Cem"] and both["reserves"] == ["Deniz"]
    assert both["lot_method"] == "hand" and both["unfilled_seats"] == 0 and both["unfilled_reserves"] == 0
    err = error(**base, lot_winners=["Cem", "Deniz", "Burak"])
    assert err.field == "lot_winners" and "2 ad yazılmalı, 3 yazılmış" in err.message
    seeded = run(**base, lot_seed="sandık 1")["result"]
    assert len(seeded["elected"]) == 2 and len(seeded["reserves"]) == 1 and seeded["reserve_lot"]["seed"] == "sandık 1"


@pytest.mark.parametrize("hand,words", [
    (["Ece"], "kuradaki adlardan biri değil"),
    (["Cem", "cem"], "iki kez"),
    ([], None),
])
def test_hand_drawn_names_come_from_the_tied(hand, words):
    base = votes(Ayla=10, Burak=8, Cem=8, Deniz=8, Ece=3) | {"seats": 2}
    if words is None:
        assert run(**base, lot_winners=hand)["result"]["unfilled_seats"] == 1
        return
    err = error(**base, lot_winners=hand)
    assert err.field == "lot_winners" and words in err.message


def test_hand_and_seed_together_or_without_a_tie_are_refused():
    base = votes(Ayla=10, Burak=8, Cem=8) | {"seats": 2}
    assert "ya elle" in error(**base, lot_winners=["Cem"], lot_seed="x").message
    assert "kura gerekmiyor" in error(**votes(Ayla=10, Burak=8) | {"seats": 1}, lot_winners=["Ayla"]).message


def test_envelopes_one_per_line_with_invalidity_tags():
    lines = "Zeynep Şahin, Çağrı Öztürk\nÇağrı Öztürk; Ali Veli\nZeynep Şahin [mühürsüz]\n[boş]\nÇağrı Öztürk [2 pusula]\n" \
            "[işaretsiz]\nZeynep Şahin [işaretli]\nÇağrı Öztürk [başka kâğıt]"
    r = run(seats=2, candidates=["Zeynep Şahin", "Çağrı Öztürk"], ballots=lines)["result"]
    assert r["valid_ballots"] == 3 and r["invalid_ballots"] == 5 and r["blank_ballots"] == 1 and r["void_marks"] == 1
    assert r["votes"] == {"Çağrı Öztürk": 2, "Zeynep Şahin": 1} and r["elected"] == ["Çağrı Öztürk", "Zeynep Şahin"]
    assert set(r["invalid_reasons"]) == {"pusulada kurul mührü/imzası yok", "zarf boş çıktı", "zarftan birden fazla pusula çıktı",
                                         "pusulada oy vereni belli eden işaret var", "oy başka kâğıda yazılmış"}


def test_envelope_line_errors_name_the_row():
    err = error(seats=1, candidates=["A"], ballots="A\nA [yırtık]")
    assert err.field == "ballots[1]" and "2. satır" in err.message and "[mühürsüz]" in err.message
    err = error(seats=1, candidates=["A"], ballots='[{"marks": ["A"]}')      # broken JSON: read as lines, says so
    assert err.field == "ballots[0]" and "1. satır" in err.message
    r = run(seats=1, candidates=["A"], ballots="[boş]\nA")["result"]             # a first line may start with “[”
    assert r["invalid_reasons"] == {"zarf boş çıktı": 1} and r["elected"] == ["A"]


def test_entered_envelopes_must_be_the_opened_ones():
    err = error(seats=1, candidates=["A"], envelopes=3, signed_voters=2, ballots="A\nA\nA")
    assert err.field == "ballots" and "açılan 2 zarf" in err.message
    r = run(seats=1, candidates=["A"], envelopes=3, signed_voters=2, ballots="A\nA")["result"]
    assert r["excess_envelopes"] == 1 and r["valid_ballots"] == 2 and r["final"] is True and r["elected"] == ["A"]


def test_csv_of_the_ranking(cli):
    import json
    res = cli("run", ID, "--format", "csv", stdin=json.dumps(
        {"seats": 1, "reserves": 1, "candidates": ["Ayşe", "Şule"], "envelopes": 4, "tally": {"Ayşe": 3, "Şule": 1}},
        ensure_ascii=False))
    assert res.code == 0 and res.out.splitlines() == ["Sıra;Aday;Oy;Durum", "1;Ayşe;3;seçildi", "2;Şule;1;yedek 1"]
