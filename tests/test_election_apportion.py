"""Largest remainder with a minimum (BAK-SEN Seçim Yön. md.36), hand-worked cases and properties."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from calc.election.apportion import largest_remainder


def seats_of(members, seats, minimum=0):
    named = {f"U{i}": m for i, m in enumerate(members)}
    r = largest_remainder(named, seats, minimum)
    return [r.seats[n] for n in named], r


def test_alabama_paradox_is_documented_behaviour():
    # Plain Hamilton (no minimum): unit 4 loses a seat when the house grows from 43 to 44.
    assert seats_of([21878, 9713, 4167, 3252, 1065], 43)[0] == [24, 10, 4, 4, 1]
    assert seats_of([21878, 9713, 4167, 3252, 1065], 44)[0] == [24, 11, 5, 3, 1]


def test_balinski_young_vector():
    assert seats_of([5117, 4400, 162, 161, 160], 100)[0] == [51, 44, 2, 2, 1]
    assert seats_of([9061, 7179, 5259, 3319, 1182], 26)[0] == [9, 7, 5, 4, 1]


def test_md36_hand_case():
    # 10 seats, members 500/300/200: (a) 1 each, 7 left; (b) quota 1000/7, shares 3.5, 2.1, 1.4 → 3, 2, 1;
    # (c) one seat left, largest remainder 0.5 (A) → A 5, B 3, C 2.
    got, r = seats_of([500, 300, 200], 10, 1)
    assert got == [5, 3, 2]
    assert r.quota == Fraction(1000, 7)
    assert r.remainders["U0"] == Fraction(1, 2)
    assert r.remainder_winners == ("U0",)
    assert r.tied == ()


def test_exact_tie_is_reported_not_decided():
    got, r = seats_of([11, 11, 11], 4)
    assert got == [1, 1, 1]
    assert r.tied == ("U0", "U1", "U2") and r.tied_seats == 1
    got, r = seats_of([10, 10, 10], 5, 1)
    assert got == [1, 1, 1] and r.tied_seats == 2


def test_fraction_ties_that_floats_would_miss():
    # shares 1/3·3 = 1 exactly for each; floats give 0.9999… for some.
    got, r = seats_of([1, 1, 1], 3)
    assert got == [1, 1, 1] and r.tied == ()


def test_no_seats_left_after_minimum():
    got, r = seats_of([5, 900, 40], 3, 1)
    assert got == [1, 1, 1] and r.quota is None


units = st.lists(st.integers(min_value=1, max_value=200_000), min_size=1, max_size=25)


@settings(max_examples=300, deadline=None)
@given(units, st.integers(min_value=0, max_value=400))
def test_seat_total_and_minimum(members, extra):
    seats = len(members) + extra
    got, r = seats_of(members, seats, 1)
    assert sum(got) + r.tied_seats == seats
    assert all(s >= 1 for s in got)
    assert r.tied_seats < len(r.tied) or r.tied == ()
    # Each unit's seats stay within its quota share: minimum + floor(share) ≤ seats ≤ minimum + ceil(share)
    for i, n in enumerate(r.seats):
        share = r.shares.get(n, Fraction(0))
        upper = 1 + int(share) + 1
        assert 1 + int(share) <= got[i] <= upper


@settings(max_examples=300, deadline=None)
@given(units, st.integers(min_value=0, max_value=300), st.data())
def test_a_unit_never_loses_seats_when_only_its_members_grow(members, extra, data):
    seats = len(members) + extra
    i = data.draw(st.integers(min_value=0, max_value=len(members) - 1))
    growth = data.draw(st.integers(min_value=1, max_value=100_000))
    before, rb = seats_of(members, seats, 1)
    grown = list(members)
    grown[i] += growth
    after, ra = seats_of(grown, seats, 1)
    name = f"U{i}"
    best_before = before[i] + (1 if name in rb.tied else 0)
    worst_after = after[i]
    # Certain seats never fall; and a seat it could win by lot before is certain or still in the lot after.
    assert worst_after >= before[i]
    assert worst_after + (1 if name in ra.tied else 0) >= best_before


@settings(max_examples=200, deadline=None)
@given(units, st.integers(min_value=0, max_value=300), st.randoms(use_true_random=False))
def test_input_order_does_not_matter(members, extra, rnd):
    named = {f"U{i}": m for i, m in enumerate(members)}
    seats = len(members) + extra
    a = largest_remainder(named, seats, 1)
    keys = list(named)
    rnd.shuffle(keys)
    b = largest_remainder({k: named[k] for k in keys}, seats, 1)
    assert a.seats == b.seats and set(a.tied) == set(b.tied) and a.tied_seats == b.tied_seats
