"""The last places of a ranking: who is certainly in, and who is tied at the cut.

One rule serves the remainder seats of an apportionment (md.36/c, md.12) and the last elected and
reserve places of a count (md.20): the `places` highest scores win; when the score at the cut is
shared by more names than places are left, those names are tied and a lot decides, never the order
of input or of the alphabet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cut:
    winners: tuple[str, ...]   # certainly within the places, in input order
    tied: tuple[str, ...]      # sharing the score at the cut, more of them than places left (input order)
    tied_places: int           # places among the tied, to draw by lot (0 when there is no tie)


def top(scores: dict, places: int) -> Cut:
    """The `places` highest of `scores` (name → comparable number), a tie at the cut reported as such."""
    names = list(scores)
    if places <= 0:
        return Cut((), (), 0)
    if places >= len(names):
        return Cut(tuple(names), (), 0)
    ranked = sorted(names, key=lambda n: scores[n], reverse=True)
    at = scores[ranked[places - 1]]
    above = [n for n in names if scores[n] > at]
    level = [n for n in names if scores[n] == at]
    need = places - len(above)
    if len(level) == need:
        return Cut(tuple(above + level), (), 0)
    return Cut(tuple(above), tuple(level), need)
