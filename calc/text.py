"""Turkish text without ICU: case mapping with dotted and dotless i, and alphabetical order.

The order is the Turkish alphabet, a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z
(CLDR `tr` collation: ı before i). Letters outside it (q, w, x, accented Latin) sort after z by
code point; digits and punctuation before letters, spaces first, so that "Ak Ece" < "Akın".
"""

from __future__ import annotations

import unicodedata

ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}
_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_TO_UPPER = str.maketrans({"i": "İ", "ı": "I"})
# Circumflex vowels (Kâmil, Alâeddin, Ümrânî) are the same letters for ordering (TDK, CLDR tr).
_FOLD = str.maketrans({"â": "a", "î": "i", "û": "u"})


def tr_lower(text: str) -> str:
    """Turkish lower case: I → ı, İ → i (never i + combining dot)."""
    return unicodedata.normalize("NFC", text).translate(_TO_LOWER).lower()


def tr_upper(text: str) -> str:
    """Turkish upper case: i → İ, ı → I."""
    return unicodedata.normalize("NFC", text).translate(_TO_UPPER).upper()


def tr_title(text: str) -> str:
    """Each word with a Turkish capital first letter: "ışık ilgaz" → "Işık İlgaz"."""
    return " ".join(tr_upper(w[:1]) + tr_lower(w[1:]) for w in text.split(" "))


def _char_key(ch: str) -> tuple[int, int]:
    if ch in _RANK:
        return (2, _RANK[ch])
    if ch.isspace():
        return (0, 0)
    if not ch.isalpha():
        return (1, ord(ch))
    return (3, ord(ch))


def sort_key(text: str) -> tuple:
    """Key for `sorted()`: Turkish alphabetical order, case second, the text itself last.

    The last two parts make the order total: names that differ only in case or form
    still have one fixed order.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    low = tr_lower(norm)
    primary = tuple(_char_key(c) for c in low.translate(_FOLD))
    case = tuple(0 if c == l else 1 for c, l in zip(norm, low, strict=True))
    return (primary, case, text)


def sort_turkish(names) -> list[str]:
    """Names in Turkish alphabetical order."""
    return sorted(names, key=sort_key)


def person_sort_key(name: str) -> tuple:
    """Order of a person's full name: by name, then surname, as written ("Ad Soyad").

    The election regulation (BAK-SEN Seçim Yön. md.5, 15, 36) lists candidates in
    alphabetical order "ad ve soyadına göre": the full name read left to right.
    """
    return sort_key(name)
