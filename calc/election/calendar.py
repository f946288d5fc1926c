"""election/calendar: the dated timetable of a branch election from its planned date and time, with the
article of each step, warnings when the minimum periods do not fit, and an .ics export
(BAK-SEN Seçim Yön. md.13–16, 20–23, 25, 27)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..dates import days_in_month, format_date, format_datetime
from ..fields import Field
from ..calculator import Calculator, Context, Output
from .common import SET, preset_field, rule

TURKEY_UTC_OFFSET = timedelta(hours=3)  # Türkiye saati yıl boyu UTC+3 (2016'dan beri yaz saati yok)


def add_months(d: date, months: int) -> date:
    """Same day `months` later (earlier when negative); the last day of a shorter month otherwise."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, days_in_month(year, month)))


def hours(n: int) -> timedelta:
    return timedelta(hours=n)


def _sort_moment(at) -> datetime:
    return at if isinstance(at, datetime) else datetime.combine(at, time(23, 59))


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    p = v["preset"]
    ml, cy, cl = rule(ctx, "cal_member_lists", p), rule(ctx, "cal_candidacy", p), rule(ctx, "cal_candidate_lists", p)
    ob, fl, rs = rule(ctx, "cal_objections", p), rule(ctx, "cal_final_list", p), rule(ctx, "cal_results", p)
    ro, rp, rr = rule(ctx, "cal_result_objections", p), rule(ctx, "cal_report", p), rule(ctx, "cal_rerun", p)
    ba = rule(ctx, "cal_branch_assembly", p)
    E = v["election_at"]
    steps: list[dict] = []
    warnings: list[str] = []

    def step(text: str, at, bound: str, reference: str):
        steps.append({"step": text, "at": at, "bound": bound, "reference": reference})

    # The chain before the vote, from the posting of the member lists (P).
    to_open = hours(cy["opens_after_hours"])                                        # md.14
    open_for = hours(cy["min_open_hours"])                                          # md.14
    display = hours(max(cl["display_hours"], cl["objection_hours"]))                # md.15
    decide = hours(ob["decide_hours"])                                              # md.16
    before = hours(fl["hours_before"])                                              # md.16
    chain = to_open + open_for + display + decide + before
    minimum = max(timedelta(days=ml["days_before"]), chain)
    ex.add(f"Üye listelerinin asılmasından oya en kısa zincir: {to_open.days * 24 + to_open.seconds // 3600} + "
           f"{cy['min_open_hours']} + {display.days * 24 + display.seconds // 3600} + {ob['decide_hours']} + "
           f"{fl['hours_before']} saat", f"{int(chain.total_seconds() // 3600)} saat", "BAK-SEN Seçim Yön. md.14–16", "text")
    if chain > timedelta(days=ml["days_before"]):
        ex.add(f"“En az {ml['days_before']} gün önce” kuralı zincire yetmiyor: listeler daha erken asılmalı",
               f"{int(chain.total_seconds() // 3600)} saat önce", ml["reference"], "text")

    P = v["lists_posted_at"]
    if P is None:
        P = E - minimum
        ex.add("Üye listelerinin en geç asılma anı", P, ml["reference"], "datetime")
    else:
        ex.add("Üye listelerinin asıldığı an (girdi)", P, "Girdi", "datetime")
        if E - P < timedelta(days=ml["days_before"]):
            warnings.append(f"Üye listeleri seçimden en az {ml['days_before']} gün önce asılmalı: {format_datetime(P)} "
                            f"ile {format_datetime(E)} arası {(E - P).days} gün ({ml['reference']}).")
        elif E - P < chain:
            warnings.append(f"Süreler sığmıyor: listelerin asılmasından seçime {int((E - P).total_seconds() // 3600)} saat var, "
                            f"en kısa zincir {int(chain.total_seconds() // 3600)} saat. Seçim tarihini en erken "
                            f"{format_datetime(P + chain)} olarak planlayın.")
    if v["planned_from"] is not None and P < v["planned_from"]:
        warnings.append(f"Planlama anından ({format_datetime(v['planned_from'])}) sonra asgari süreler sığmıyor: "
                        f"listelerin {format_datetime(P)} anında asılmış olması gerekirdi. Seçim en erken "
                        f"{format_datetime(v['planned_from'] + minimum)} olabilir.")

    step("Üye listeleri asılır", P, "en geç" if v["lists_posted_at"] is None else "girdi", ml["reference"])
    step("Üye listelerine itiraz süresi biter (listeler askıdan iner)", P + hours(ml["display_hours"]), "bitiş", ml["reference"])
    A = P + to_open
    step("Adaylık başvuruları başlar", A, "başlangıç", cy["reference"])
    B = A + open_for
    step(f"Adaylık başvuruları kapanır (en az {cy['min_open_hours']} saat açık kalır)", B, "en erken", cy["reference"])
    step("Aday listeleri asılır, itiraz süresi başlar", B, "başlangıç", cl["reference"])
    C = B + display
    step("Aday listelerine itiraz süresi biter", C, "bitiş", cl["reference"])
    D = C + decide
    step("İtirazlar karara bağlanır", D, "en geç", ob["reference"])
    step("İtiraz kararları genel merkeze iletilir", D + hours(ob["forward_hours"]), "en geç", ob["reference"])
    F = E - before
    step("Kesin aday listesi ilan edilir", F, "en geç", fl["reference"])
    if D > F:
        warnings.append(f"İtirazların karar süresi ({format_datetime(D)}) kesin listenin en geç ilan anını "
                        f"({format_datetime(F)}) aşıyor ({fl['reference']}).")
    step("Seçim (oy verme)", E, "planlanan", "Girdi")

    # After the vote: periods run from the planned time (the count is assumed to end the same day).
    posted_end = E + hours(rs["posted_hours"])
    step(f"Sonuçlar asılır ve {rs['posted_hours']} saat askıda kalır; sonuçlara itiraz bu sürede", posted_end, "bitiş", rs["reference"])
    committee = posted_end + timedelta(days=ro["committee_days"])
    step("Sonuçlara itirazlar seçim kurulunca karara bağlanır", committee, "en geç", ro["reference"])
    centre = committee + timedelta(days=ro["centre_days"])
    step("Genel merkez itirazı karara bağlar (cevap verilmezse itiraz reddedilmiş sayılır)", centre, "en geç", ro["reference"])
    step("Sonuçlar genel merkeze bildirilir", (E + timedelta(days=rp["days"])).date(), "en geç", rp["reference"])
    step(f"Seçim iptal edilirse yenilenir (iptal kararından sonra {rr['days']} gün; örnek: {format_date(centre.date())} tarihli iptal)",
         (centre + timedelta(days=rr["days"])).date(), "en geç", rr["reference"])
    step(f"Seçim belgeleri {rs['kept_months']} ay saklanır", add_months(E.date(), rs["kept_months"]), "en erken imha", rs["reference"])

    result = {"election_at": E, "lists_posted_at": P, "minimum_lead_hours": int(minimum.total_seconds() // 3600),
              "branch_assembly_latest": None, "next_branch_assembly": None}
    central = v["central_assembly_on"]
    assembly = v["branch_assembly_on"]
    if central is not None:
        latest = add_months(central, -ba["months_before_central"])
        result["branch_assembly_latest"] = latest
        step(f"Şube genel kurulları tamamlanmış olmalı (genel merkez genel kurulundan {ba['months_before_central']} ay önce)",
             latest, "en geç", ba["reference"])
        step("Genel merkez genel kurulu", central, "planlanan", "Girdi")
    if assembly is not None:
        step(f"Şube genel kurulu ilan edilir ({ba['announce_days']} gün önce)", assembly - timedelta(days=ba["announce_days"]),
             "en geç", ba["reference"])
        step("Şube genel kurulu (birinci toplantı)", assembly, "planlanan", "Girdi")
        second = assembly + timedelta(days=ba["second_meeting_days"])
        step("Çoğunluk sağlanamazsa ikinci toplantı", second, "en geç", ba["reference"])
        nxt = add_months(assembly, 12 * ba["period_years"])
        result["next_branch_assembly"] = nxt
        step(f"Bir sonraki olağan şube genel kurulu ({ba['period_years']} yıl)", nxt, "dönem sonu", ba["reference"])
        if E.date() > assembly:
            warnings.append("Delege seçimi şube genel kurulundan sonra planlanmış: delegeler genel kuruldan önce seçilmeli.")
        if central is not None and second > result["branch_assembly_latest"]:
            warnings.append(f"Şube genel kurulu (ikinci toplantı olasılığıyla {format_date(second)}) genel merkez genel "
                            f"kurulundan en az {ba['months_before_central']} ay önce ({format_date(result['branch_assembly_latest'])}) "
                            f"tamamlanmış olmalı ({ba['reference']}).")

    steps.sort(key=lambda s: _sort_moment(s["at"]))
    for s in steps:
        ex.add(f"{s['step']} ({s['bound']})", s["at"], s["reference"])
    for w in warnings:
        ex.warn(w)
    result.update({"timetable": steps, "fits": not warnings, "ics": ics(steps, ctx.on)})
    return result


def _ics_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space."""
    out, cur = [], ""
    for ch in line:
        if len((cur + ch).encode("utf-8")) > (75 if not out else 74):
            out.append(cur)
            cur = ""
        cur += ch
    out.append(cur)
    return [out[0]] + [" " + c for c in out[1:]]


def ics(steps: list[dict], stamp: date) -> str:
    """An iCalendar file of the steps: timed steps in UTC (Türkiye saati − 3), date-only steps as all-day events."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hesap//Secim Takvimi//TR", "CALSCALE:GREGORIAN"]
    for i, s in enumerate(steps, 1):
        at = s["at"]
        if isinstance(at, datetime):
            start = f"DTSTART:{(at - TURKEY_UTC_OFFSET):%Y%m%dT%H%M%S}Z"
            uid_at = f"{at:%Y%m%dT%H%M}"
        else:
            start = f"DTSTART;VALUE=DATE:{at:%Y%m%d}"
            uid_at = f"{at:%Y%m%d}"
        lines += ["BEGIN:VEVENT", f"UID:{uid_at}-{i}@hesap-secim-takvimi", f"DTSTAMP:{stamp:%Y%m%d}T000000Z", start,
                  f"SUMMARY:{_ics_text(s['step'] + ' (' + s['bound'] + ')')}",
                  f"DESCRIPTION:{_ics_text(s['reference'])}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(f + "\r\n" for line in lines for f in _fold(line))




CALCULATOR = Calculator(
    id="election/calendar",
    title="Seçim takvimi",
    description=(
        "Planlanan seçim tarih ve saatinden geriye ve ileriye doğru seçim takvimini, her adımın maddesiyle çıkarır "
        "(BAK-SEN Seçim Yön. md.13–16, 20–23, 25, 27) ve takvim (.ics) dosyası verir. Okumalarımız: saatle verilen "
        "süreler (48 saat, 24 saat) saatine kadar, günle verilenler takvim günü olarak sayılır, resmî tatiller süreyi "
        "uzatmaz; adaylık başvuruları kapanınca aday listeleri hemen asılır ve 48 saatlik askı ile 48 saatlik itiraz "
        "süresi aynı süredir; kesin liste itirazlar karara bağlanınca ilan edilebilir, genel merkeze iletme (24 saat) "
        "ona paralel yürür. Bu zincir 9 gün (216 saat) tuttuğu için “üye listeleri en az 5 gün önce” kuralı tek başına "
        "yetmez: listelerin asılma anını zincire göre öne alıyoruz. Seçim sonrası süreler planlanan seçim anından "
        "başlar (sayımın aynı gün bittiği varsayılır); sonuçlara itiraz askı süresi içinde yapılır. Adım başına madde "
        "numaraları sendikanın aktardığı özetten eşlenmiştir; yönetmelik metniyle karşılaştırın. Saatler Türkiye saatidir "
        "(UTC+3); .ics dosyasında UTC olarak yazılır."
    ),
    inputs=(
        Field("election_at", "datetime", "Seçim tarihi ve saati", default="2026-10-18T09:00", required=True),
        Field("lists_posted_at", "datetime", "Üye listelerinin asıldığı an (isteğe bağlı)",
              help="Boş bırakılırsa en geç asılma anı hesaplanır."),
        Field("planned_from", "datetime", "Bugün / hazırlığın başladığı an (isteğe bağlı)",
              help="Verilirse, seçim tarihine asgari sürelerin sığıp sığmadığı buna göre denetlenir."),
        Field("branch_assembly_on", "date", "Şube genel kurulu tarihi (isteğe bağlı)"),
        Field("central_assembly_on", "date", "Genel merkez genel kurulu tarihi (isteğe bağlı)"),
        preset_field("cal_member_lists"),
    ),
    outputs=(
        Output("timetable", "Takvim", "rows", main=True,
               columns=(("at", "Tarih ve saat", "datetime"), ("bound", "Sınır", "text"), ("step", "Adım", "text"),
                        ("reference", "Dayanak", "text"))),
        Output("lists_posted_at", "Üye listelerinin asılma anı", "datetime", main=True),
        Output("fits", "Süreler sığıyor mu", "text"),
        Output("branch_assembly_latest", "Şube genel kurulunun en geç tamamlanacağı gün", "date"),
        Output("next_branch_assembly", "Bir sonraki olağan şube genel kurulu", "date"),
        Output("ics", "Takvimi telefonunuza ya da bilgisayarınıza ekleyin (.ics)", "download", filename="secim-takvimi.ics"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("BAK-SEN Seçim Yön. md.13–16", "md.20–23", "md.25", "md.27"),
    # only the election: the optional dates of a fresh form stay empty, never the example's (they would mix in)
    example={"election_at": "2026-10-18T09:00"},
)
