"""Lots: reproducible from a seed (SHA-256, no `random`), uniform over the tied names."""

import hashlib
from collections import Counter

import pytest

from calc.election import lot


def test_ticket_is_the_documented_sha256():
    tied = ["Çağrı", "Ilgaz", "İlkay"]
    expected = hashlib.sha256("kura\nÇağrı\nIlgaz\nİlkay\nIlgaz".encode("utf-8")).hexdigest()
    assert lot.ticket("kura", tied, "Ilgaz") == expected


def test_same_seed_same_winner_whatever_the_input_order():
    a = lot.draw("2026/1", ["Ömer", "Şule", "Ümit", "Ayşe"], 1)
    b = lot.draw("2026/1", ["Ayşe", "Ümit", "Şule", "Ömer"], 1)
    assert a.winners == b.winners and a.order == b.order
    assert a.tied == ("Ayşe", "Ömer", "Şule", "Ümit")


def test_order_is_by_ticket():
    d = lot.draw("x", ["A", "B", "C"], 2)
    assert list(d.order) == sorted(d.tied, key=lambda n: d.tickets[n])
    assert d.winners == d.order[:2]


def test_pinned_value_guards_cross_platform_drift():
    # If this changes, a lot drawn on one platform would not replay on another.
    d = lot.draw("genel kurul 2026", ["Çağrı Öztürk", "Ilgaz Demir", "İlkay Güneş", "Ömer Çelik"], 2)
    assert d.tickets["Ilgaz Demir"] == hashlib.sha256(
        "genel kurul 2026\nÇağrı Öztürk\nIlgaz Demir\nİlkay Güneş\nÖmer Çelik\nIlgaz Demir".encode()).hexdigest()
    assert d.winners == ("Ilgaz Demir", "Ömer Çelik")


def test_a_lot_needs_more_names_than_seats():
    with pytest.raises(ValueError):
        lot.draw("s", ["A", "B"], 2)


@pytest.mark.parametrize("names,seats", [(["Ali", "Veli", "Ayşe"], 1), (["A", "B", "C", "D"], 2), (["Ç", "Ğ"], 1)])
def test_uniform_over_tied_names(names, seats):
    n = 3000
    wins = Counter()
    for i in range(n):
        wins.update(lot.draw(f"tohum-{i}", names, seats).winners)
    expected = n * seats / len(names)
    chi2 = sum((wins[name] - expected) ** 2 / expected for name in names)
    # 99.9th percentile of chi-square with len(names)-1 degrees of freedom is below 16.3 for df ≤ 3.
    assert chi2 < 16.3, (wins, chi2)


def test_record_text_without_seed_names_no_winner():
    text = lot.record_text("Deneme", ["B", "A"], 1, None, "md.36/c")
    assert "KURA TUTANAĞI" in text and "A, B" in text and "kura henüz çekilmemiştir" in text


def test_record_text_with_seed_lists_tickets_and_winner():
    d = lot.draw("s", ["B", "A"], 1)
    text = lot.record_text("Deneme", ["B", "A"], 1, d, "md.36/c")
    assert f"Kura sonucu: {d.winners[0]}" in text and d.tickets["A"] in text and "“s”" in text
