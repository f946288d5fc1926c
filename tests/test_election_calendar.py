"""election/calendar (BAK-SEN Seçim Yön. md.13–16, 20–23, 25, 27)."""

from datetime import date

from calc.election.calendar import add_months
from election_helpers import run_calc


def run(**kw):
    return run_calc("election/calendar", kw, on=date(2026, 9, 1))


def steps(result):
    return {s["step"]: s["at"] for s in result["timetable"]}


def test_timetable_backwards_from_the_vote():
    r = run(election_at="2026-10-18T09:00")["result"]
    # 48 h to open candidacy + 48 h open + 48 h display/objections + 48 h decisions + 24 h before the vote = 216 h = 9 days
    assert r["minimum_lead_hours"] == 216
    assert r["lists_posted_at"] == "2026-10-09T09:00"
    s = steps(r)
    assert s["Adaylık başvuruları başlar"] == "2026-10-11T09:00"
    assert s["Aday listelerine itiraz süresi biter"] == "2026-10-15T09:00"
    assert s["İtirazlar karara bağlanır"] == "2026-10-17T09:00"
    assert s["İtiraz kararları genel merkeze iletilir"] == "2026-10-18T09:00"
    assert s["Kesin aday listesi ilan edilir"] == "2026-10-17T09:00"
    assert s["Sonuçlar genel merkeze bildirilir"] == "2026-10-22"
    assert s["Seçim belgeleri 3 ay saklanır"] == "2027-01-18"
    assert r["fits"] is True


def test_after_the_vote():
    s = steps(run(election_at="2026-10-18T09:00")["result"])
    assert s["Sonuçlar asılır ve 48 saat askıda kalır; sonuçlara itiraz bu sürede"] == "2026-10-20T09:00"
    assert s["Sonuçlara itirazlar seçim kurulunca karara bağlanır"] == "2026-10-21T09:00"
    assert s["Genel merkez itirazı karara bağlar (cevap verilmezse itiraz reddedilmiş sayılır)"] == "2026-10-28T09:00"


def test_warns_when_lists_posted_too_late():
    out = run(election_at="2026-10-18T09:00", lists_posted_at="2026-10-14T09:00")
    assert out["result"]["fits"] is False and "en az 5 gün" in out["warnings"][0]
    out = run(election_at="2026-10-18T09:00", lists_posted_at="2026-10-12T09:00")
    assert out["result"]["fits"] is False and "sığmıyor" in out["warnings"][0]


def test_warns_when_planning_starts_too_late():
    out = run(election_at="2026-10-18T09:00", planned_from="2026-10-12T08:00")
    assert out["result"]["fits"] is False and "en erken" in out["warnings"][0]


def test_branch_and_central_assembly():
    r = run(election_at="2026-10-18T09:00", branch_assembly_on="2026-11-07", central_assembly_on="2027-02-20")["result"]
    s = steps(r)
    assert r["branch_assembly_latest"] == "2026-12-20"
    assert s["Şube genel kurulu ilan edilir (15 gün önce)"] == "2026-10-23"
    assert s["Çoğunluk sağlanamazsa ikinci toplantı"] == "2026-11-22"
    assert r["next_branch_assembly"] == "2030-11-07" and r["fits"] is True
    late = run(election_at="2026-10-18T09:00", branch_assembly_on="2027-01-10", central_assembly_on="2027-02-20")
    assert late["result"]["fits"] is False


def test_ics_export():
    ics = run(election_at="2026-10-18T09:00")["result"]["ics"]
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") > 10
    assert "DTSTART:20261018T060000Z" in ics          # 09:00 Türkiye saati = 06:00 UTC
    assert "DTSTART;VALUE=DATE:20261022" in ics
    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_add_months_clamps():
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)
    assert add_months(date(2027, 2, 20), -2) == date(2026, 12, 20)
