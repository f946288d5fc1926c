"""election/calendar: the dated timetable of a branch election from its planned date and time, with the
article of each step, warnings when the minimum periods do not fit, and an .ics export
(the preset's articles; BAK-SEN: md.13–16, 20–23, 25, 27)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..dates import days_in_month, format_date, format_datetime
from ..explain import rows_csv
from ..fields import Field
from ..calculator import Calculator, Context, Output
from .common import SET, preset_field, rule, rule_refs

TIMETABLE_COLUMNS = (("at", "Tarih ve saat", "datetime"), ("bound", "Sınır", "text"), ("step", "Adım", "text"),
                     ("reference", "Dayanak", "text"))

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


def whole_hours(span: timedelta) -> int:
    return int(span.total_seconds() // 3600)


@dataclass(frozen=True)
class Rules:
    """The preset's calendar records (each with its article in `reference`)."""

    member_lists: dict        # md.13: lists posted days before the vote, display hours
    candidacy: dict           # md.14: candidacy opens after, stays open at least
    candidate_lists: dict     # md.15: display and objection hours
    objections: dict          # md.16: decided within, forwarded within
    final_list: dict          # md.16: final list hours before the vote
    results: dict             # md.20: posted hours, records kept months
    result_objections: dict   # md.21: committee days, centre days
    report: dict              # md.23: days to report to the centre
    rerun: dict               # md.22: days to rerun an annulled election
    branch_assembly: dict     # md.25, md.27: period, months before the central assembly, notice, second meeting


def rules_for(ctx: Context, preset: str) -> Rules:
    return Rules(*(rule(ctx, f"cal_{name}", preset) for name in Rules.__dataclass_fields__))


@dataclass(frozen=True)
class Chain:
    """The shortest chain from the posting of the member lists to the vote (md.14–16)."""

    to_open: timedelta        # posting → candidacy opens
    open_for: timedelta       # candidacy stays open
    display: timedelta        # candidate lists displayed, objections within the same time
    decide: timedelta         # objections decided
    before: timedelta         # final list at least this long before the vote

    @property
    def total(self) -> timedelta:
        return self.to_open + self.open_for + self.display + self.decide + self.before


def chain_of(rs: Rules) -> Chain:
    return Chain(hours(rs.candidacy["opens_after_hours"]), hours(rs.candidacy["min_open_hours"]),
                 hours(max(rs.candidate_lists["display_hours"], rs.candidate_lists["objection_hours"])),
                 hours(rs.objections["decide_hours"]), hours(rs.final_list["hours_before"]))


class Timetable:
    """Steps and warnings as they are found; sorted by moment at the end."""

    def __init__(self):
        self.steps: list[dict] = []
        self.warnings: list[str] = []

    def step(self, text: str, at, bound: str, reference: str) -> None:
        self.steps.append({"step": text, "at": at, "bound": bound, "reference": reference})


def lists_posted_at(v: dict, rs: Rules, chain: Chain, ex, tt: Timetable) -> datetime:
    """When the member lists are (or were) posted: the latest moment the chain allows, or the input, checked."""
    ml, election = rs.member_lists, v["election_at"]
    minimum = max(timedelta(days=ml["days_before"]), chain.total)
    ex.add(f"Üye listelerinin asılmasından oya en kısa zincir: {whole_hours(chain.to_open)} + "
           f"{whole_hours(chain.open_for)} + {whole_hours(chain.display)} + {whole_hours(chain.decide)} + "
           f"{whole_hours(chain.before)} saat", f"{whole_hours(chain.total)} saat", rs.final_list["ref_chain"], "text")
    if chain.total > timedelta(days=ml["days_before"]):
        ex.add(f"“En az {ml['days_before']} gün önce” kuralı zincire yetmiyor: listeler daha erken asılmalı",
               f"{whole_hours(chain.total)} saat önce", ml["reference"], "text")
    posted = v["lists_posted_at"]
    if posted is None:
        posted = election - minimum
        ex.add("Üye listelerinin en geç asılma anı", posted, ml["reference"], "datetime")
    else:
        ex.add("Üye listelerinin asıldığı an (girdi)", posted, "Girdi", "datetime")
        if election - posted < timedelta(days=ml["days_before"]):
            tt.warnings.append(f"Üye listeleri seçimden en az {ml['days_before']} gün önce asılmalı: {format_datetime(posted)} "
                               f"ile {format_datetime(election)} arası {(election - posted).days} gün ({ml['reference']}).")
        elif election - posted < chain.total:
            tt.warnings.append(f"Süreler sığmıyor: listelerin asılmasından seçime {whole_hours(election - posted)} saat var, "
                               f"en kısa zincir {whole_hours(chain.total)} saat. Seçim tarihini en erken "
                               f"{format_datetime(posted + chain.total)} olarak planlayın.")
    if v["planned_from"] is not None and posted < v["planned_from"]:
        tt.warnings.append(f"Planlama anından ({format_datetime(v['planned_from'])}) sonra asgari süreler sığmıyor: "
                           f"listelerin {format_datetime(posted)} anında asılmış olması gerekirdi. Seçim en erken "
                           f"{format_datetime(v['planned_from'] + minimum)} olabilir.")
    return posted


def before_vote(v: dict, rs: Rules, chain: Chain, posted: datetime, tt: Timetable) -> None:
    """md.13–16: from the member lists to the final candidate list."""
    ml, cy, cl, ob, fl = rs.member_lists, rs.candidacy, rs.candidate_lists, rs.objections, rs.final_list
    tt.step("Üye listeleri asılır", posted, "en geç" if v["lists_posted_at"] is None else "girdi", ml["reference"])
    tt.step("Üye listelerine itiraz süresi biter (listeler askıdan iner)", posted + hours(ml["display_hours"]), "bitiş", ml["reference"])
    opens = posted + chain.to_open
    tt.step("Adaylık başvuruları başlar", opens, "başlangıç", cy["reference"])
    closes = opens + chain.open_for
    tt.step(f"Adaylık başvuruları kapanır (en az {cy['min_open_hours']} saat açık kalır)", closes, "en erken", cy["reference"])
    tt.step("Aday listeleri asılır, itiraz süresi başlar", closes, "başlangıç", cl["reference"])
    objections_end = closes + chain.display
    tt.step("Aday listelerine itiraz süresi biter", objections_end, "bitiş", cl["reference"])
    decided = objections_end + chain.decide
    tt.step("İtirazlar karara bağlanır", decided, "en geç", ob["reference"])
    tt.step("İtiraz kararları genel merkeze iletilir", decided + hours(ob["forward_hours"]), "en geç", ob["reference"])
    final = v["election_at"] - chain.before
    tt.step("Kesin aday listesi ilan edilir", final, "en geç", fl["reference"])
    if decided > final:
        tt.warnings.append(f"İtirazların karar süresi ({format_datetime(decided)}) kesin listenin en geç ilan anını "
                           f"({format_datetime(final)}) aşıyor ({fl['reference']}).")
    tt.step("Seçim (oy verme)", v["election_at"], "planlanan", "Girdi")


def after_vote(election: datetime, rs: Rules, tt: Timetable) -> None:
    """md.20–23: periods run from the planned time (the count is assumed to end the same day)."""
    rs_, ro = rs.results, rs.result_objections
    posted_end = election + hours(rs_["posted_hours"])
    tt.step(f"Sonuçlar asılır ve {rs_['posted_hours']} saat askıda kalır; sonuçlara itiraz bu sürede", posted_end, "bitiş",
            rs_["reference"])
    committee = posted_end + timedelta(days=ro["committee_days"])
    tt.step("Sonuçlara itirazlar seçim kurulunca karara bağlanır", committee, "en geç", ro["reference"])
    centre = committee + timedelta(days=ro["centre_days"])
    tt.step("Genel merkez itirazı karara bağlar (cevap verilmezse itiraz reddedilmiş sayılır)", centre, "en geç", ro["reference"])
    tt.step("Sonuçlar genel merkeze bildirilir", (election + timedelta(days=rs.report["days"])).date(), "en geç",
            rs.report["reference"])
    tt.step(f"Seçim iptal edilirse yenilenir (iptal kararından sonra {rs.rerun['days']} gün; örnek: "
            f"{format_date(centre.date())} tarihli iptal)", (centre + timedelta(days=rs.rerun["days"])).date(), "en geç",
            rs.rerun["reference"])
    tt.step(f"Seçim belgeleri {rs_['kept_months']} ay saklanır", add_months(election.date(), rs_["kept_months"]),
            "en erken imha", rs_["reference"])


def assemblies(v: dict, rs: Rules, tt: Timetable) -> dict:
    """md.25, md.27: the branch assembly and the central assembly around the vote."""
    ba, central, assembly = rs.branch_assembly, v["central_assembly_on"], v["branch_assembly_on"]
    out = {"branch_assembly_latest": None, "next_branch_assembly": None}
    if central is not None:
        out["branch_assembly_latest"] = add_months(central, -ba["months_before_central"])
        tt.step(f"Şube genel kurulları tamamlanmış olmalı (genel merkez genel kurulundan {ba['months_before_central']} ay önce)",
                out["branch_assembly_latest"], "en geç", ba["reference"])
        tt.step("Genel merkez genel kurulu", central, "planlanan", "Girdi")
    if assembly is None:
        return out
    tt.step(f"Şube genel kurulu ilan edilir ({ba['announce_days']} gün önce)", assembly - timedelta(days=ba["announce_days"]),
            "en geç", ba["reference"])
    tt.step("Şube genel kurulu (birinci toplantı)", assembly, "planlanan", "Girdi")
    second = assembly + timedelta(days=ba["second_meeting_days"])
    tt.step("Çoğunluk sağlanamazsa ikinci toplantı", second, "en geç", ba["reference"])
    out["next_branch_assembly"] = add_months(assembly, 12 * ba["period_years"])
    tt.step(f"Bir sonraki olağan şube genel kurulu ({ba['period_years']} yıl)", out["next_branch_assembly"], "dönem sonu",
            ba["reference"])
    if v["election_at"].date() > assembly:
        tt.warnings.append("Delege seçimi şube genel kurulundan sonra planlanmış: delegeler genel kuruldan önce seçilmeli.")
    if central is not None and second > out["branch_assembly_latest"]:
        tt.warnings.append(f"Şube genel kurulu (ikinci toplantı olasılığıyla {format_date(second)}) genel merkez genel "
                           f"kurulundan en az {ba['months_before_central']} ay önce ({format_date(out['branch_assembly_latest'])}) "
                           f"tamamlanmış olmalı ({ba['reference']}).")
    return out


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    rs = rules_for(ctx, v["preset"])
    chain = chain_of(rs)
    tt = Timetable()
    posted = lists_posted_at(v, rs, chain, ex, tt)
    before_vote(v, rs, chain, posted, tt)
    after_vote(v["election_at"], rs, tt)
    minimum = max(timedelta(days=rs.member_lists["days_before"]), chain.total)
    result = {"election_at": v["election_at"], "lists_posted_at": posted, "minimum_lead_hours": whole_hours(minimum)}
    result.update(assemblies(v, rs, tt))
    steps = sorted(tt.steps, key=lambda s: _sort_moment(s["at"]))
    for s in steps:
        ex.add(f"{s['step']} ({s['bound']})", s["at"], s["reference"])
    for w in tt.warnings:
        ex.warn(w)
    result.update({"timetable": steps, "fits": not tt.warnings, "ics": ics(steps, ctx.on), "timetable_csv": None})
    result["timetable_csv"] = rows_csv(TIMETABLE_COLUMNS, steps)
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
        "(süreler ve maddeler seçilen sendikanın seçim yönetmeliğinden gelir) ve takvim (.ics) ile tablo (CSV) "
        "dosyası verir. Süreler varsayılan ön ayarın sayılarıyla anlatılmıştır. Okumalarımız: saatle verilen "
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
        Field("election_at", "datetime", "Seçim tarihi ve saati", required=True),
        Field("lists_posted_at", "datetime", "Üye listelerinin asıldığı an (isteğe bağlı)",
              help="Boş bırakılırsa en geç asılma anı hesaplanır."),
        Field("planned_from", "datetime", "Bugün / hazırlığın başladığı an (isteğe bağlı)",
              help="Verilirse, seçim tarihine asgari sürelerin sığıp sığmadığı buna göre denetlenir."),
        Field("branch_assembly_on", "date", "Şube genel kurulu tarihi (isteğe bağlı)"),
        Field("central_assembly_on", "date", "Genel merkez genel kurulu tarihi (isteğe bağlı)"),
        preset_field("cal_member_lists"),
    ),
    outputs=(
        Output("timetable", "Takvim", "rows", main=True, columns=TIMETABLE_COLUMNS),
        Output("lists_posted_at", "Üye listelerinin asılma anı", "datetime", main=True),
        Output("fits", "Süreler sığıyor mu", "text"),
        Output("branch_assembly_latest", "Şube genel kurulunun en geç tamamlanacağı gün", "date"),
        Output("next_branch_assembly", "Bir sonraki olağan şube genel kurulu", "date"),
        Output("ics", "Takvimi telefonunuza ya da bilgisayarınıza ekleyin (.ics)", "download", filename="secim-takvimi.ics"),
        Output("timetable_csv", "Takvim tablosu (CSV)", "download", filename="secim-takvimi.csv"),
    ),
    compute=compute,
    parameter_set=SET,
    references=rule_refs("cal_final_list", "ref_chain") + rule_refs("cal_results", "reference"),
    csv_table="timetable",
    example={"election_at": "2026-10-18T09:00", "branch_assembly_on": "2026-11-07", "central_assembly_on": "2027-02-20"},
)
