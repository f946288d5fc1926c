"""membership/timeline and membership/petition."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc import InputError
from calc.membership.petition import CALCULATOR as PETITION
from calc.membership.petition import check_tckn
from calc.membership.timeline import CALCULATOR as TIMELINE

ON = date(2026, 11, 23)


def timeline(**inputs):
    return TIMELINE.run(inputs, ON)


# --- membership/timeline --------------------------------------------------------------------

def test_thirty_and_sixty_days_from_submission():
    out = timeline(submitted_on="2026-09-01")
    assert out["calculator"] == "membership/timeline"
    assert out["parameters"] == "2001-07-12"
    # 1 Sept + 30 days = 1 Oct (Sept has 30 days); + 60 days = 31 Oct
    assert out["result"]["official_by"] == "2026-10-01"
    assert out["result"]["latest_by"] == "2026-10-31"
    # no “today” typed: the day of the computation, never an example's day
    assert out["result"]["today"] == ON.isoformat() and out["result"]["stage"] is not None


@pytest.mark.parametrize("submitted, official, latest", [
    ("2024-01-31", "2024-03-01", "2024-03-31"),   # leap year: 29 Feb counted
    ("2023-01-31", "2023-03-02", "2023-04-01"),   # 28 Feb
    ("2026-12-15", "2027-01-14", "2027-02-13"),   # across the year end
    ("15.12.2026", "2027-01-14", "2027-02-13"),   # Turkish date notation
])
def test_dates_by_hand(submitted, official, latest):
    r = timeline(submitted_on=submitted)["result"]
    assert (r["official_by"], r["latest_by"]) == (official, latest)


@pytest.mark.parametrize("today, elapsed, words", [
    ("2026-09-01", 0, "Olağan süre içindesiniz"),
    ("2026-09-15", 14, "Olağan süre içindesiniz"),
    ("2026-10-01", 30, "Olağan süre içindesiniz"),     # the 30th day is still inside
    ("2026-10-02", 31, "Olağan süre geçti"),
    ("2026-10-31", 60, "Olağan süre geçti"),           # the 60th day is still inside
])
def test_stage_inside_the_windows(today, elapsed, words):
    r = timeline(submitted_on="2026-09-01", today=today)["result"]
    assert r["days_since_submission"] == elapsed
    assert r["stage"].startswith(words)
    assert r["info_request_answer_by"] is None


@pytest.mark.parametrize("today, elapsed, answer_by", [
    # Sunday 1 Nov 2026 + 15 working days: 2–6, 9–13, 16–20 Nov → Friday 20 Nov
    ("2026-11-01", 61, "2026-11-20"),
    # Monday 23 Nov 2026 + 15 working days: three full weeks → Monday 14 Dec
    ("2026-11-23", 83, "2026-12-14"),
    # Friday 4 Dec 2026 + 15: 7–11, 14–18, 21–25 Dec → Friday 25 Dec
    ("2026-12-04", 94, "2026-12-25"),
])
def test_after_sixty_days_info_request_deadline_in_working_days(today, elapsed, answer_by):
    out = timeline(submitted_on="2026-09-01", today=today)
    r = out["result"]
    assert r["days_since_submission"] == elapsed
    assert r["stage"].startswith("En geç süre de geçti")
    assert r["info_request_answer_by"] == answer_by
    assert "15 iş günü" in r["stage"]
    step = [s for s in out["steps"] if s["value"] == answer_by]
    assert step and "4982" in step[0]["reference"]


def test_today_before_submission_warns():
    out = timeline(submitted_on="2026-09-01", today="2026-08-31")
    assert out["result"]["days_since_submission"] == -1
    assert out["warnings"] and "kontrol edin" in out["warnings"][0]


def test_timeline_steps_cite_the_rules():
    out = timeline(submitted_on="2026-09-01")
    refs = " ".join(s["reference"] for s in out["steps"])
    assert "4688" in refs and "4982" in refs
    assert out["steps"][1]["value"] == "2026-10-01" and "+30 gün" in out["steps"][1]["label"]
    assert out["display"]["official_by"] == "1 Ekim 2026 Perşembe"
    assert len(out["result"]["actions"]) == 3


def test_timeline_input_errors():
    with pytest.raises(InputError) as exc:
        TIMELINE.run({}, ON)
    assert exc.value.field == "submitted_on"
    with pytest.raises(InputError) as exc:
        TIMELINE.run({"submitted_on": "2026-02-30"}, ON)
    assert exc.value.field == "submitted_on"
    # before 4688 s.K. (12 July 2001) there is no table
    with pytest.raises(InputError) as exc:
        TIMELINE.run({"submitted_on": "2000-01-01"}, ON)
    assert exc.value.field == "tarih"


# --- membership/petition --------------------------------------------------------------------

BASE = {"full_name": "Ayşe Yılmaz", "institution": "Ankara Şehir Hastanesi Başhekimliği",
        "unit": "Yoğun Bakım Ünitesi", "union": "Senim", "submitted_on": "2026-09-01", "petition_date": "2026-11-23",
        "address": "Kızılay Mah. 1. Cad. No: 3, Çankaya / Ankara"}


def petition(tckn, **more):
    return PETITION.run(dict(BASE, tckn=tckn, **more), ON)


def tckn_error(tckn) -> InputError:
    with pytest.raises(InputError) as exc:
        petition(tckn)
    return exc.value


def make_tckn(first_nine: str) -> str:
    """Complete 9 digits to a T.C. kimlik no with the published algorithm.

    10th digit: ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10; 11th: (d1+…+d10) mod 10.
    """
    d = [int(c) for c in first_nine]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return first_nine + str(tenth) + str((sum(d) + tenth) % 10)


valid_tckns = st.builds(lambda first, rest: make_tckn(first + rest),
                        st.sampled_from("123456789"), st.text(alphabet="0123456789", min_size=8, max_size=8))


def test_known_valid_numbers():
    # 10000000146: (1+0+0+0+1)·7 − 0 = 14 → 4; 1+0+…+1+4 = 6 → 6
    check_tckn("10000000146")
    assert make_tckn("100000001") == "10000000146"
    # 12345678950: (1+3+5+7+9)·7 − (2+4+6+8) = 175 − 20 = 155 → 5; 45 + 5 = 50 → 0
    assert make_tckn("123456789") == "12345678950"
    check_tckn("12345678950")


@given(valid_tckns)
def test_valid_tckn_accepted(t):
    assert len(t) == 11 and t[0] != "0"
    check_tckn(t)  # raises on refusal


@given(valid_tckns, st.integers(min_value=1, max_value=10), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(t, pos, delta):
    # a change of δ in d1..d9 moves the 10th digit by 7δ or −δ (mod 10), never 0: always caught
    digits = list(t)
    digits[pos] = str((int(digits[pos]) + delta) % 10)
    with pytest.raises(InputError) as exc:
        check_tckn("".join(digits))
    assert exc.value.field == "tckn" and "kontrol haneleri" in exc.value.message


def test_full_petition_with_generated_tckn():
    t = make_tckn("352718490")
    out = petition(t)
    text = out["result"]["text"]
    assert out["result"]["tckn_valid"] is True
    assert "Ad Soyad: Ayşe Yılmaz" in text
    assert f"T.C. Kimlik No: {t}" in text
    assert "Senim sendikasına" in text
    assert "1 Eylül 2026 Salı tarihinde" in text           # submitted_on in Turkish
    assert "Tarih: 23 Kasım 2026 Pazartesi" in text        # petition date
    assert text.startswith("ANKARA ŞEHİR HASTANESİ BAŞHEKİMLİĞİ\n")  # Turkish upper case: İ, Ş
    assert "Yoğun Bakım Ünitesi biriminde" in text
    assert out["result"]["petition_date"] == "2026-11-23"
    assert "Adres: Kızılay Mah. 1. Cad. No: 3, Çankaya / Ankara" in text  # 4982 s.K. md.6
    assert "Telefon" not in text and "E-posta" not in text                  # optional lines only when given
    assert any("md.6" in s["reference"] for s in out["steps"])


def test_petition_contact_lines_and_personal_fields():
    text = petition("10000000146", phone="0312 000 00 00", email="ayse@example.org")["result"]["text"]
    assert "Telefon: 0312 000 00 00" in text and "E-posta: ayse@example.org" in text
    personal = {f.name for f in PETITION.inputs if f.personal}
    assert personal == {"full_name", "tckn", "address", "phone", "email"}
    assert all(f["personal"] for f in PETITION.schema()["inputs"] if f["name"] in personal)


def test_petition_date_defaults_to_the_calculation_day():
    inputs = {k: v for k, v in BASE.items() if k not in ("petition_date", "unit")}
    out = PETITION.run(dict(inputs, tckn="10000000146"), date(2027, 1, 4))
    assert out["result"]["petition_date"] == "2027-01-04"
    assert "Tarih: 4 Ocak 2027 Pazartesi" in out["result"]["text"]
    assert "Kurumunuzda görev yapmaktayım" in out["result"]["text"]


def test_invalid_checksum_rejected():
    err = tckn_error("10000000147")          # 11th digit should be 6
    assert err.field == "tckn"
    assert "kontrol haneleri" in err.message and "T.C. kimlik numaranız" in err.message
    assert tckn_error("10000000156").field == "tckn"   # 10th digit should be 4


@pytest.mark.parametrize("bad", ["1000000014", "100000001460", "1000000014a", "1000 000 0146", "1000000014²",
                                 "١٠٠٠٠٠٠٠١٤٦"])
def test_wrong_length_or_not_ascii_digits(bad):
    err = tckn_error(bad)
    assert err.field == "tckn" and "11 haneli" in err.message


def test_leading_zero_rejected():
    t = make_tckn("012345678")           # checksum digits correct, but a TCKN never starts with 0
    assert t[0] == "0"
    err = tckn_error(t)
    assert err.field == "tckn" and "0 ile başlayamaz" in err.message


def test_petition_required_fields():
    with pytest.raises(InputError) as exc:
        PETITION.run({k: v for k, v in BASE.items() if k != "union"} | {"tckn": "10000000146"}, ON)
    assert exc.value.field == "union"
    with pytest.raises(InputError) as exc:
        PETITION.run(dict(BASE), ON)
    assert exc.value.field == "tckn"
    for empty in ({"address": ""}, {"address": "   "}):
        with pytest.raises(InputError) as exc:
            PETITION.run(BASE | {"tckn": "10000000146"} | empty, ON)
        assert exc.value.field == "address" and "zorunlu" in exc.value.message
