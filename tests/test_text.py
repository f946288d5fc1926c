"""calc/text.py: Turkish case mapping and alphabetical order without ICU."""

from hypothesis import given
from hypothesis import strategies as st

from calc.text import ALPHABET, person_sort_key, sort_key, sort_turkish, tr_lower, tr_title, tr_upper

UPPER = "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"


def test_alphabet_is_the_turkish_one():
    assert ALPHABET == "abcçdefgğhıijklmnoöprsştuüvyz"
    assert len(ALPHABET) == 29


def test_case_mapping_dotted_and_dotless_i():
    assert tr_upper("istanbul ılıca") == "İSTANBUL ILICA"
    assert tr_lower("İSTANBUL ILICA") == "istanbul ılıca"
    assert tr_upper(ALPHABET) == UPPER
    assert tr_lower(UPPER) == ALPHABET
    # never "i" + combining dot above (what str.lower gives for İ)
    assert tr_lower("İ") == "i" and len(tr_lower("İ")) == 1
    # the decomposed form I + U+0307 is the same letter İ
    assert tr_lower("I\u0307") == "i"


def test_title_case():
    assert tr_title("ışık ılgaz") == "Işık Ilgaz"
    assert tr_title("işçi İŞÇİ") == "İşçi İşçi"
    assert tr_title("ÇAĞRI ÖZGÜR") == "Çağrı Özgür"


def test_sorting_names_with_turkish_letters():
    names = ["Zeynep", "Ümit", "Uğur", "Şule", "Sinan", "Ömer", "Oğuz", "İsmail", "Işıl",
             "Ğ Test", "Gül", "Çağrı", "Cem", "Ahmet", "Ilgaz", "ilker"]
    # by hand: c < ç, g < ğ, ı (I) < i (İ), o < ö, s < ş, u < ü;
    # Işıl/Ilgaz: ı-ş vs ı-l → l < ş; İsmail/ilker: i-s vs i-l → l < s
    assert sort_turkish(names) == ["Ahmet", "Cem", "Çağrı", "Gül", "Ğ Test", "Ilgaz", "Işıl", "ilker",
                                   "İsmail", "Oğuz", "Ömer", "Sinan", "Şule", "Uğur", "Ümit", "Zeynep"]


def test_code_point_order_would_be_wrong():
    # the naive sort puts Ç, Ö, Ş, Ü, İ after Z; ours does not
    names = ["Çelik", "Demir", "Zorlu", "Öztürk", "Polat"]
    assert sorted(names) != sort_turkish(names)
    assert sort_turkish(names) == ["Çelik", "Demir", "Öztürk", "Polat", "Zorlu"]


def test_dotless_before_dotted_i_in_both_cases():
    assert sort_turkish(["inci", "ılık", "İnci", "Ilık"]) == ["ılık", "Ilık", "inci", "İnci"]


def test_space_before_letters_and_case_second():
    assert sort_turkish(["Akın", "Ak Ece"]) == ["Ak Ece", "Akın"]
    # same letters: lower case first, then upper
    assert sort_turkish(["ÇAĞRI", "Çağrı", "çağrı"]) == ["çağrı", "Çağrı", "ÇAĞRI"]
    # case only decides when the letters tie: "ayşe" is not pushed after "Ayten"
    assert sort_turkish(["Ayten", "ayşe"]) == ["ayşe", "Ayten"]


def test_digits_before_letters_and_foreign_letters_after_z():
    assert sort_turkish(["Zafer", "Quinn", "2. Şube", "Ali"]) == ["2. Şube", "Ali", "Zafer", "Quinn"]


def test_person_sort_key_is_full_name_order():
    names = ["Ayşe Yılmaz", "Ayşe Çelik", "Ali Şen"]
    assert sorted(names, key=person_sort_key) == ["Ali Şen", "Ayşe Çelik", "Ayşe Yılmaz"]


def test_whitespace_is_normalised_for_the_letters():
    # extra spaces do not change the alphabetical place, the text itself breaks the tie
    assert sort_key("Ali  Veli")[0] == sort_key("Ali Veli")[0]
    assert sort_key("Ali  Veli") != sort_key("Ali Veli")


# --- properties -----------------------------------------------------------------------------

def ranks(s: str) -> list[int]:
    return [ALPHABET.index(c) for c in tr_lower(s)]


lower_words = st.text(alphabet=ALPHABET, max_size=8)
mixed_words = st.text(alphabet=ALPHABET + UPPER, max_size=8)


@given(lower_words, lower_words)
def test_key_order_equals_rank_sequence_order(a, b):
    assert (sort_key(a) < sort_key(b)) == (ranks(a) < ranks(b))
    assert (sort_key(a) == sort_key(b)) == (a == b)


@given(mixed_words, mixed_words)
def test_letters_decide_before_case(a, b):
    if ranks(a) != ranks(b):
        assert (sort_key(a) < sort_key(b)) == (ranks(a) < ranks(b))


@given(mixed_words, mixed_words, mixed_words)
def test_total_order(a, b, c):
    ka, kb, kc = sort_key(a), sort_key(b), sort_key(c)
    assert (ka < kb) + (kb < ka) + (ka == kb) == 1          # trichotomy
    assert (ka == kb) == (a == b)                           # only equal texts tie
    if ka <= kb and kb <= kc:
        assert ka <= kc                                     # transitivity


@given(st.lists(st.text(alphabet=ALPHABET + UPPER + " .-2q", max_size=10), max_size=12), st.randoms())
def test_sorting_is_idempotent_and_independent_of_input_order(names, rnd):
    once = sort_turkish(names)
    assert sort_turkish(once) == once
    shuffled = list(names)
    rnd.shuffle(shuffled)
    assert sort_turkish(shuffled) == once
    assert sorted(once) == sorted(names)  # a permutation: nothing lost or added


@given(lower_words)
def test_upper_lower_round_trip(s):
    assert tr_lower(tr_upper(s)) == s
    assert len(tr_upper(s)) == len(s)


@given(st.text(alphabet=UPPER, max_size=8))
def test_lower_upper_round_trip(s):
    assert tr_upper(tr_lower(s)) == s


def test_each_letter_round_trips():
    for lo, up in zip(ALPHABET, UPPER, strict=True):
        assert tr_upper(lo) == up
        assert tr_lower(up) == lo


def test_circumflex_vowels_sort_with_their_plain_letters():
    # TDK and CLDR tr: â, î, û are the same letters as a, i, u for ordering; case and form only break ties.
    assert sort_turkish(["Kâzım", "Kaya", "Kâmil", "Kalem", "Kamile", "Kamil"]) == [
        "Kalem", "Kamil", "Kâmil", "Kamile", "Kaya", "Kâzım"]
