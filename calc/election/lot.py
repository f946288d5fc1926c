"""Drawing lots reproducibly: the same seed gives the same winners on every platform.

A tie "decided by lot" is an act of the election committee. The engine never draws on its
own: without a seed it reports the tie and names no winner. With a seed (chosen by the
committee, for example read aloud from dice or a number written on the record) every
tied name gets a ticket

    ticket(name) = SHA-256( UTF-8( seed + "\\n" + tied names in Turkish order joined by "\\n" + "\\n" + name ) )

and the names are ordered by their tickets read as hexadecimal numbers, smallest first;
the first `seats` names win. Anyone can check a ticket with `printf '%s' '…' | sha256sum`.
SHA-256 behaves the same in CPython and Pyodide; the `random` module is never used.
Because each ticket is an independent uniform 256-bit number, every tied name is equally
likely to come first.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from ..errors import InputError
from ..text import sort_turkish, tr_lower

PROCEDURE = (
    "Kura yöntemi: eşit durumdaki her ad için bilet = SHA-256(tohum + \"\\n\" + eşit adların Türk alfabesine göre "
    "\"\\n\" ile birleştirilmiş listesi + \"\\n\" + ad), metin UTF-8. Biletler onaltılık sayı olarak küçükten büyüğe "
    "sıralanır; ilk sıralardaki adlar, çekilen delege/üyelik sayısı kadar, kurayı kazanır. Aynı tohum her zaman aynı sonucu verir."
)


@dataclass(frozen=True)
class Draw:
    seed: str
    tied: tuple[str, ...]        # Turkish alphabetical order
    seats: int
    order: tuple[str, ...]       # all tied names, by ticket
    tickets: dict[str, str]      # name -> hex ticket

    @property
    def winners(self) -> tuple[str, ...]:
        return self.order[: self.seats]


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def ticket(seed: str, tied_sorted: list[str] | tuple[str, ...], name: str) -> str:
    message = _nfc(seed) + "\n" + "\n".join(_nfc(n) for n in tied_sorted) + "\n" + _nfc(name)
    return hashlib.sha256(message.encode("utf-8")).hexdigest()


def draw(seed: str, tied, seats: int) -> Draw:
    """Order the tied names by their tickets; the first `seats` win."""
    names = tuple(sort_turkish(tied))
    if not 0 < seats < len(names):
        raise ValueError("a lot needs more tied names than seats")
    tickets = {n: ticket(seed, names, n) for n in names}
    order = tuple(sorted(names, key=lambda n: (tickets[n], n)))
    return Draw(seed, names, seats, order, tickets)


HAND = "Kura yöntemi: elle çekildi. Eşit durumdaki adlar ayrı kâğıtlara yazılıp katlandı, kurul önünde torbadan çekildi."


@dataclass(frozen=True)
class Lot:
    """A lot for the last places: drawn by the committee by hand, drawn from a seed, or still open."""

    tied: tuple[str, ...]        # Turkish alphabetical order
    places: int
    winners: tuple[str, ...]     # empty while open; by hand in the order written, by seed in ticket order
    method: str | None           # "hand", "seed" or None (open)
    drawn: Draw | None = None    # the seeded draw, with its tickets

    @property
    def open(self) -> bool:
        return self.method is None

    def as_json(self) -> dict:
        """The contract's `lot` object."""
        return {"tied": list(self.tied), "seats": self.places, "winners": list(self.winners),
                "seed": self.drawn.seed if self.drawn else None}


def by_hand(names, tied, places: int, field: str = "lot_winners", label: str = "Kura sonucu") -> tuple[str, ...]:
    """The names a committee drew, checked: each one of the tied (Turkish case and spaces ignored), none
    twice, exactly as many as the places at stake; written as the tied names are written."""
    key = {tr_lower(" ".join(n.split())): n for n in tied}
    out: list[str] = []
    for raw in names:
        name = key.get(tr_lower(" ".join(raw.split())))
        if name is None:
            raise InputError(field, f"“{label}”: “{raw}” kuradaki adlardan biri değil; kuradaki adlar: {', '.join(sort_turkish(tied))}")
        if name in out:
            raise InputError(field, f"“{label}”: “{name}” iki kez yazılmış; her ad bir kez yazılır")
        out.append(name)
    if len(out) != places:
        raise InputError(field, f"“{label}”: kura ile {places} yer belirlenecek ({', '.join(sort_turkish(tied))} arasından); "
                                f"{places} ad yazılmalı, {len(out)} yazılmış")
    return tuple(out)


def decide(tied, places: int, seed: str | None, hand=None, field: str = "lot_winners") -> Lot:
    """The lot among `tied` for `places`: the committee's hand-drawn names when given, else a seeded draw,
    else open (nobody gets those places; the engine never draws on its own)."""
    names = tuple(sort_turkish(tied))
    if hand:
        return Lot(names, places, by_hand(hand, names, places, field), "hand")
    if seed:
        d = draw(seed, names, places)
        return Lot(names, places, d.winners, "seed", d)
    return Lot(names, places, (), None)


def summary(lot: Lot, what: str) -> str:
    """The lot in a sentence, for the page and the text output."""
    head = f"Son {lot.places} {what} için eşit durumdakiler: {', '.join(lot.tied)}. "
    if lot.method == "hand":
        return head + f"Kura elle çekildi; kazanan: {', '.join(lot.winners)}."
    if lot.method == "seed":
        return head + f"Kura “{lot.drawn.seed}” tohumuyla çekildi; kazanan: {', '.join(lot.winners)}."
    return head + f"Kura henüz çekilmedi: bu {lot.places} {what} kimseye yazılmadı."


def record_text(subject: str, tied, seats: int, drawn: Draw | None, reference: str, what: str = "delegelik", *,
                hand=None, heading: tuple[str, ...] = (), signatures=("Başkan", "Üye", "Üye")) -> str:
    """The text of a kura tutanağı, ready to print and sign: drawn by hand (`hand`: the winners), from a seed
    (`drawn`), or still to be drawn."""
    from .records import signature_block
    names = sort_turkish(tied)
    lines = ["KURA TUTANAĞI", *heading, "", f"Konu: {subject}", f"Dayanak: {reference}", "",
             f"Eşit durumdaki adaylar/birimler ({len(names)}): {', '.join(names)}",
             f"Kura ile belirlenecek {what} sayısı: {seats}", ""]
    if hand:
        lines += [HAND, "", f"Kura sonucu (elle çekildi): {', '.join(hand)}",
                  f"Kurayı kaybeden(ler): {', '.join(n for n in names if n not in hand)}"]
    elif drawn is None:
        lines += [PROCEDURE, "", "Kura tohumu: ........................ (kurul tarafından belirlenip buraya yazılır)", "",
                  "Kura sonucu: kura henüz çekilmemiştir. Kurul kurayı elle çekerse kazananları, tohumla çekerse "
                  "tohumu hesaplayıcıya girin.",
                  "Kazanan(lar): ........................................"]
    else:
        lines += [PROCEDURE, "", f"Kura tohumu: “{drawn.seed}”", "", "Biletler (küçükten büyüğe):"]
        for i, n in enumerate(drawn.order, 1):
            mark = " ← kazandı" if i <= seats else ""
            lines.append(f"  {i}. {n}: {drawn.tickets[n]}{mark}")
        lines += ["", f"Kura sonucu: {', '.join(drawn.winners)}"]
    lines += ["", "İşbu tutanak kurul üyelerince okunup imza altına alınmıştır.", "",
              "Tarih ve saat: ....................", ""] + signature_block(signatures)
    return "\n".join(lines)


def lot_record(lot: Lot, subject: str, reference: str, what: str, heading=(), signatures=("Başkan", "Üye", "Üye")) -> str:
    return record_text(subject, lot.tied, lot.places, lot.drawn, reference, what,
                       hand=lot.winners if lot.method == "hand" else None, heading=tuple(heading), signatures=signatures)
