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

from ..text import sort_turkish

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


def lot_result(tied, seats: int, drawn: Draw | None) -> dict:
    """The contract's `lot` object: tied names, seats drawn for, winners (empty without a seed), seed."""
    return {"tied": list(sort_turkish(tied)), "seats": seats,
            "winners": list(drawn.winners) if drawn else [], "seed": drawn.seed if drawn else None}


def record_text(subject: str, tied, seats: int, drawn: Draw | None, reference: str, what: str = "delegelik") -> str:
    """The text of a kura tutanağı, ready to print and sign."""
    names = sort_turkish(tied)
    lines = ["KURA TUTANAĞI", "", f"Konu: {subject}", f"Dayanak: {reference}", "",
             f"Eşit durumdaki adaylar/birimler ({len(names)}): {', '.join(names)}",
             f"Kura ile belirlenecek {what} sayısı: {seats}", "", PROCEDURE, ""]
    if drawn is None:
        lines += ["Kura tohumu: ........................ (kurul tarafından belirlenip buraya yazılır)", "",
                  "Kura sonucu: kura henüz çekilmemiştir; tohum girilince hesaplayıcı biletleri ve kazananları yazar.",
                  "Kazanan(lar): ........................................"]
    else:
        lines += [f"Kura tohumu: “{drawn.seed}”", "", "Biletler (küçükten büyüğe):"]
        for i, n in enumerate(drawn.order, 1):
            mark = " ← kazandı" if i <= seats else ""
            lines.append(f"  {i}. {n}: {drawn.tickets[n]}{mark}")
        lines += ["", f"Kura sonucu: {', '.join(drawn.winners)}"]
    lines += ["", "İşbu tutanak kurul üyelerince okunup imza altına alınmıştır.", "",
              "Tarih ve saat: ....................", "",
              "Başkan                 Üye                 Üye", "(ad, imza)             (ad, imza)          (ad, imza)"]
    return "\n".join(lines)
