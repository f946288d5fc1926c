"""Largest remainder (Hamilton) apportionment with a minimum per unit, in exact fractions.

BAK-SEN Seçim Yön. md.36 reads: (a) each unit first gets `minimum` seats; (b) total members
divided by the seats left is the quota (members per delegate) and each unit gets as many
more seats as whole quotas its members hold; (c) the seats still left go one each to the
largest remainders. A tie at the last remainder seat is returned as such (`tied`,
`tied_seats`); `lot.draw` decides it only when a seed is given.

Largest remainder is not house-monotone (Alabama paradox): with members
[21878, 9713, 4167, 3252, 1065] and no minimum, 43 seats give [24, 10, 4, 4, 1] and
44 seats give [24, 11, 5, 3, 1]. It is population-monotone for a single unit in the sense
tested here: when only one unit's members grow, its seats never fall.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .cutoff import top


@dataclass(frozen=True)
class Apportionment:
    seats: dict[str, int]            # certain seats per unit (tied seats not included)
    minimum: int
    seats_left: int                  # after the minimum: distributed by quota and remainders
    quota: Fraction | None           # members per seat of the seats left (None when none are left)
    shares: dict[str, Fraction]      # members / quota
    whole: dict[str, int]            # whole quotas
    remainders: dict[str, Fraction]  # shares − whole
    remainder_winners: tuple[str, ...]  # units given a remainder seat without a lot
    tied: tuple[str, ...]            # units tied for the last remainder seat(s)
    tied_seats: int                  # seats among the tied units, to draw by lot


def largest_remainder(members: dict[str, int], total_seats: int, minimum: int = 0) -> Apportionment:
    """Seats per unit, ties reported, never guessed. Units keep the input order."""
    names = list(members)
    if total_seats < minimum * len(names):
        raise ValueError("not enough seats for the minimum")
    seats = {n: minimum for n in names}
    left = total_seats - minimum * len(names)
    total = sum(members.values())
    if left == 0 or total == 0:
        return Apportionment(seats, minimum, left, None, {}, {}, {}, (), (), 0)
    quota = Fraction(total, left)
    shares = {n: members[n] / quota for n in names}
    whole = {n: int(shares[n]) for n in names}           # floor: shares are non-negative
    remainders = {n: shares[n] - whole[n] for n in names}
    for n in names:
        seats[n] += whole[n]
    by_remainder = left - sum(whole.values())             # < number of units
    cut = top(remainders, by_remainder)
    for n in cut.winners:
        seats[n] += 1
    winners, tied, tied_seats = cut.winners, cut.tied, cut.tied_places
    return Apportionment(seats, minimum, left, quota, shares, whole, remainders, winners, tied, tied_seats)


def assign_lot(result: Apportionment, winners) -> dict[str, int]:
    """Seats once the lot among the tied units is drawn."""
    seats = dict(result.seats)
    for n in winners:
        seats[n] += 1
    return seats
