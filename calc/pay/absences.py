"""Leave, reports and half-day work entered as date ranges, turned into the day counts of one month.

pay/active-days and pay/performance-month accept `month` and `absences` instead of (not on top of) the
day counts. `month_counts` is the one place the split lives: each range is cut at month ends, and the
yearly protection of annual leave (ayda 5, yılda 12 gün) is spent in date order, month by month, over
the earlier months of the same year.

Day counting (Hesap's reading, said in the articles): AÇGK is a share of the calendar days of the month
(dönemdeki gün), so annual leave, reports and other absences count in calendar days, weekends inside a
range included (a civil servant's yıllık izin is calendar days too: DPB görüşü 17.06.2008 on 657 md.102–103). Half-day work (657 DMK md.104/F) and süt izni (md.104/D) are hours of a working day:
they count Monday to Friday only, and a half-day that falls on a full absence is not counted twice.
Official holidays are not known to the engine (a range can be split around them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import MONTHS_TR, days_in_month
from ..errors import InputError
from ..explain import Explanation
from ..fields import Field
from ..params import ParameterTable
from .salary_inputs import check_month, parse_month

KINDS = (
    ("annual_leave", "Yıllık izin"),
    ("nursing_leave", "Süt izni (657 DMK md.104/D)"),
    ("sick_report", "Rapor (hastalık izni)"),
    ("half_day", "Yarım gün çalışma (657 DMK md.104/F)"),
    ("other", "Diğer (ücretsiz izin, mazeret izni ve benzeri çalışılmayan gün)"),
)
KIND_LABEL = dict(KINDS)
FULL_DAY = ("annual_leave", "sick_report", "other")      # the member is away the whole day
WORKING_DAYS_ONLY = ("half_day", "nursing_leave")       # hours of a working day (Mon–Fri)
MAX_SPAN_DAYS = 366

# The day count each kind fills; `report_days` exists only where the calculator has it.
COUNT_FIELD = {"annual_leave": "annual_leave_days", "other": "other_absent_days", "nursing_leave": "nursing_leave_days",
               "half_day": "half_day_days", "sick_report": "report_days"}

MONTH = Field("month", "text", "Ay (YYYY-AA)", check=check_month,
              help="Hesaplanan ay, örneğin 2026-09. Tarihli izin ve raporlar bu aya göre bölünür; ayın gün sayısı "
                   "takvimden, en yüksek Devlet memuru aylığı o ayın maaş tablosundan alınır.")
ABSENCES = Field(
    "absences", "list", "İzin, rapor ve yarım gün çalışma tarihleri", multiline=True, max_items=100,
    items=(Field("from", "date", "Başlangıç", required=True),
           Field("to", "date", "Bitiş", required=True),
           Field("kind", "choice", "Tür", required=True, choices=KINDS)),
    help="Her satıra bir kayıt: başlangıç;bitiş;tür, örneğin “2026-08-12;2026-08-23;yıllık izin” ya da "
         "“01.09.2026;03.09.2026;rapor”. Türler: yıllık izin, süt izni, rapor, yarım gün çalışma, diğer. Yıl içindeki "
         "önceki aylarda kullandığınız yıllık izinleri de yazın: yılda 12 günlük hak tarih sırasıyla onlardan düşülür. "
         "İzin, rapor ve diğer günler takvim günüyle (hafta sonu dâhil), yarım gün çalışma ve süt izni iş günüyle "
         "sayılır. Doluysa gün sayısı alanlarını boş bırakın.")


@dataclass(frozen=True)
class Row:
    number: int      # 1-based, as the reader sees it
    start: date
    end: date
    kind: str


def _fail(row: Row | None, message: str):
    where = f"{row.number}. satır: " if row else ""
    raise InputError(f"absences[{row.number - 1}]" if row else "absences", f"“{ABSENCES.label}”, {where}{message}")


def _show(d: date) -> str:
    return f"{d:%d.%m.%Y}"


def check_rows(raw: list[dict]) -> list[Row]:
    """Refuse impossible and overlapping ranges, naming the row (the later of two that overlap)."""
    rows = [Row(i, r["from"], r["to"], r["kind"]) for i, r in enumerate(raw, 1)]
    for r in rows:
        if r.end < r.start:
            _fail(r, f"bitiş ({_show(r.end)}) başlangıçtan ({_show(r.start)}) önce olamaz")
        if (r.end - r.start).days + 1 > MAX_SPAN_DAYS:
            _fail(r, f"bir kayıt en çok {MAX_SPAN_DAYS} gün olabilir; aralığı yıllara bölün")
    for i, later in enumerate(rows):
        for earlier in rows[:i]:
            same_day_kinds = later.kind in FULL_DAY and earlier.kind in FULL_DAY
            if not (same_day_kinds or later.kind == earlier.kind):
                continue  # a report inside a half-day or nursing period is allowed
            lo, hi = max(later.start, earlier.start), min(later.end, earlier.end)
            if lo <= hi:
                what = ("aynı günler" if later.kind == earlier.kind
                        else f"{KIND_LABEL[earlier.kind].lower()} ile {KIND_LABEL[later.kind].lower()}")
                _fail(later, f"{earlier.number}. satırla çakışıyor ({_show(lo)}–{_show(hi)} için {what} iki kez "
                             "yazılmış)")
    return rows


def _days(r: Row, first: date, last: date, skip: set[date]) -> list[date]:
    """The days of row `r` inside [first, last]; half-day and nursing leave on Mon–Fri only, minus `skip`."""
    lo, hi = max(r.start, first), min(r.end, last)
    out = []
    d = lo
    while d <= hi:
        if not (r.kind in WORKING_DAYS_ONLY and (d.weekday() >= 5 or d in skip)):
            out.append(d)
        d += timedelta(days=1)
    return out


@dataclass(frozen=True)
class MonthCounts:
    year: int
    month: int
    month_days: int
    counts: dict                 # kind → days in the month
    protected_before: int        # protected annual leave spent in earlier months of the year


def month_counts(raw: list[dict], year: int, month: int, t: ParameterTable, ex: Explanation) -> MonthCounts:
    """The month's day counts by kind, and the protection already spent in January..month−1."""
    rows = check_rows(raw)
    first = date(year, month, 1)
    last = date(year, month, days_in_month(year, month))
    full_days = {d for r in rows if r.kind in FULL_DAY for d in _days(r, r.start, r.end, set())}
    counts = {k: 0 for k, _ in KINDS}
    for r in rows:
        days = _days(r, first, last, full_days)
        counts[r.kind] += len(days)
        span = f"{_show(r.start)}–{_show(r.end)} {KIND_LABEL[r.kind].lower()}"
        if days:
            unit = "iş günü (hafta sonu ve aynı günkü izin/rapor sayılmadı)" if r.kind in WORKING_DAYS_ONLY else "takvim günü"
            ex.add(f"{r.number}. satır: {span}: {MONTHS_TR[month - 1]} {year} içinde {unit}", len(days), "Girdi", "days")
        elif r.end < first and r.start.year == year and r.kind == "annual_leave":
            pass  # shown below, with the protection it used
        else:
            ex.add(f"{r.number}. satır: {span}", f"{MONTHS_TR[month - 1]} {year} dışında: bu ayın hesabına girmez",
                   "Girdi")

    # Ek Ödeme Yön. (Bakanlık rehberi): ayda en çok 5, yılda en çok 12 gün; earlier months first, in date order.
    per_month, per_year = t["protected_leave_per_month"], t["protected_leave_per_year"]
    used = 0
    leave_rows = [r for r in rows if r.kind == "annual_leave"]
    for m in range(1, month):
        m_first, m_last = date(year, m, 1), date(year, m, days_in_month(year, m))
        leave = sum(len(_days(r, m_first, m_last, set())) for r in leave_rows)
        if not leave:
            continue
        protected = min(per_month, leave, per_year - used)
        used += protected
        ex.add(f"{MONTHS_TR[m - 1]} {year}: {leave} gün yıllık izin, çalışılmış sayılan (en küçüğü {per_month}, {leave}, "
               f"{per_year} − {used - protected})", protected, t.ref("protected_leave_per_month"), "days")
    if used:
        ex.add(f"Bu yıl {MONTHS_TR[month - 1]} ayından önce çalışılmış sayılan izin günü (tarih sırasıyla)", used,
               t.ref("protected_leave_per_year"), "days")
    return MonthCounts(year, month, days_in_month(year, month), counts, used)


def resolve_days(v: dict, t: ParameterTable, ex: Explanation, fields: tuple[Field, ...]) -> dict:
    """The inputs with their day counts: as typed, or counted from `absences` for `month`.

    `fields` are the calling calculator's inputs (for their labels; a report count only where it has
    `report_days`). With `month`, the month's length comes from the calendar. Dated rows of a kind and a
    typed count of the same kind are refused together (the same days would count twice).
    """
    labels = {f.name: f.label for f in fields}
    out = dict(v)
    if v.get("month"):
        year, month = parse_month(v["month"])
        calendar_days = days_in_month(year, month)
        if v["month_days"] not in (30, calendar_days):  # 30 is the field's default, the calendar decides
            raise InputError("month_days", f"“{labels['month_days']}”: {MONTHS_TR[month - 1]} {year} {calendar_days} gün; "
                                           f"{v['month_days']} yazılmış (ay seçiliyken gün sayısı takvimden alınır)")
        out["month_days"] = calendar_days
    if not v.get("absences"):
        return out
    if not v.get("month"):
        raise InputError("month", f"“{MONTH.label}”: tarihli izin ve raporları aya bölmek için ayı yazın "
                                  "(örnek: 2026-09)")
    mc = month_counts(v["absences"], year, month, t, ex)
    for kind, days in mc.counts.items():
        name = COUNT_FIELD[kind]
        if name not in labels:  # pay/active-days has no report count: the reports are only reported
            if days:
                out["report_days_from_dates"] = days
            continue
        if days and v.get(name):
            raise InputError(name, f"“{labels[name]}”: {KIND_LABEL[kind].lower()} hem tarihle hem gün sayısıyla "
                                   "girilmiş; aynı günler iki kez sayılmasın diye birini boş bırakın")
        out[name] = (v.get(name) or 0) + days
    if mc.protected_before:
        typed = v.get("protected_leave_used_this_year") or 0
        total = min(mc.protected_before + typed, t["protected_leave_per_year"])
        if typed:
            ex.add(f"Önceki aylar: tarihlerden {mc.protected_before} + girilen {typed} (yılda en çok "
                   f"{t['protected_leave_per_year']})", total, t.ref("protected_leave_per_year"), "days")
        out["protected_leave_used_this_year"] = total
    return out
