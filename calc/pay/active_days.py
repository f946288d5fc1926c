"""pay/active-days: aktif çalışılan gün katsayısı (AÇGK) for the döner sermaye ek ödemesi.

`count_active_days` is the one place the AÇGK rule lives; pay/performance-month calls it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import params
from ..explain import Explanation
from ..fields import Field
from ..money import truncate2
from ..params import ParameterTable
from ..calculator import Calculator, Context, Output

from .absences import ABSENCES, MONTH, resolve_days
from .performance_common import SET, fail, num

REF_ACGK = "Ek Ödeme Yön., AÇGK tanımı: (dönemdeki gün − çalışılmayan gün) / dönemdeki gün"

STAFF_GROUPS = (
    ("general", "Genel (hemşire, ebe, diğer personel, hekimler)"),
    ("third_level_clinician", "Üçüncü basamak klinisyen (eğitim sorumlusu, eğitim görevlisi, başasistan, uzman tabip; acil klinikte pratisyen)"),
    ("second_level_procedure", "İkinci basamakta işlem puanıyla ödenen tabip"),
)


def _newest(key: str):
    """A bound for a form field, from the newest table (the rule in force is re-checked in compute)."""
    return params.periods(SET)[-1][key]


# Shared declarations: pay/performance-month uses the same fields.
MONTH_DAYS = Field("month_days", "integer", "Ayın gün sayısı", default=30, min=28, max=31, unit="gün",
                   help="Dönemdeki toplam gün. Bakanlık örnekleri 30 gün üzerinden hesaplar.")
ANNUAL_LEAVE = Field("annual_leave_days", "integer", "Bu ay kullanılan yıllık izin", default=0, min=0, max=31, unit="gün")
PROTECTED_USED = Field("protected_leave_used_this_year", "integer", "Bu yıl daha önce çalışılmış sayılan izin günleri",
                       default=0, min=0, max=_newest("protected_leave_per_year"), unit="gün",
                       help="Önceki aylarda yıllık izninizden çalışılmış sayılan günlerin toplamı (yılda en çok 12).")
OTHER_ABSENT = Field("other_absent_days", "integer", "Diğer çalışılmayan günler", default=0, min=0, max=31, unit="gün",
                     help="Ücretsiz izin, mazeret izni ve benzeri; korunmayan her gün katsayıyı düşürür.")
NURSING_LEAVE = Field("nursing_leave_days", "integer", "Süt izni kullanılan günler", default=0, min=0, max=31, unit="gün",
                      help="Süt izni (657 DMK md.104/D) çalışılmamış gün sayılmaz; bilgi için.")
HALF_DAY_DAYS = Field("half_day_days", "integer", "Yarım gün çalışılan günler (doğum sonrası)", default=0, min=0, max=31,
                      unit="gün", help="657 DMK md.104/F uyarınca analık izninden sonra yarım gün çalışılan günler.")
HALF_DAY_HOURS = Field("half_day_hours_worked", "decimal", "Yarım gün çalışmada fiilen çalışılan saat", min=0, max=24,
                       places=2, unit="saat", help="Boş bırakılırsa günlük çalışma süresinin yarısı (4 saat).")
HALF_DAY_NURSING = Field("half_day_nursing_hours", "decimal", "Yarım gün çalışmada sayılan süt izni saati", min=0, max=24,
                         places=2, unit="saat",
                         help="Boş bırakılırsa 657 DMK md.104/D'deki ilk altı ay süresi (3 saat); ikinci altı ayda 1,5.")
STAFF_GROUP = Field("staff_group", "choice", "Personel grubu", default="general", choices=STAFF_GROUPS)

DATE_FIELDS = (MONTH, ABSENCES)
ACTIVE_DAYS_FIELDS = (MONTH_DAYS, ANNUAL_LEAVE, PROTECTED_USED, OTHER_ABSENT, NURSING_LEAVE,
                      HALF_DAY_DAYS, HALF_DAY_HOURS, HALF_DAY_NURSING, STAFF_GROUP)


@dataclass(frozen=True)
class ActiveDays:
    month_days: int
    protected_days: int
    unprotected_leave_days: int
    protected_left_this_year: int
    half_day_unworked_hours: Decimal
    half_day_unworked_days: Decimal
    absent_days: Decimal
    counted_days: Decimal
    coefficient: Decimal


def check_days(v: dict, t: ParameterTable, extra_absent: int = 0) -> None:
    """Refuse days the month cannot hold; each message names the field at fault."""
    month = v["month_days"]
    for f in (ANNUAL_LEAVE, OTHER_ABSENT, NURSING_LEAVE, HALF_DAY_DAYS):
        if v[f.name] > month:
            fail(f.name, f.label, f"ayın gün sayısından ({month}) fazla olamaz, {v[f.name]} yazılmış")
    per_year = t["protected_leave_per_year"]
    if v["protected_leave_used_this_year"] > per_year:
        fail(PROTECTED_USED.name, PROTECTED_USED.label,
             f"yılda en çok {per_year} gün çalışılmış sayılır, {v['protected_leave_used_this_year']} yazılmış")
    days_off = v["annual_leave_days"] + v["other_absent_days"] + extra_absent
    if days_off + v["half_day_days"] > month:
        fail(OTHER_ABSENT.name, OTHER_ABSENT.label,
             f"izin, rapor, diğer çalışılmayan ve yarım gün çalışılan günlerin toplamı ({days_off + v['half_day_days']}) "
             f"ayın gün sayısını ({month}) aşıyor")


def half_day_hours(v: dict, t: ParameterTable) -> tuple[Decimal, Decimal]:
    """Hours worked and nursing hours counted on a half-day: the inputs, or the law's defaults."""
    worked = v["half_day_hours_worked"]
    if worked is None:
        worked = t["daily_working_hours"] / 2
    nursing = v["half_day_nursing_hours"]
    if nursing is None:
        nursing = t["nursing_leave_hours"]
    if worked + nursing > t["daily_working_hours"]:
        fail(HALF_DAY_HOURS.name, HALF_DAY_HOURS.label,
             f"çalışılan ({num(worked)}) ve süt izni ({num(nursing)}) saatlerinin toplamı günlük çalışma süresini "
             f"({num(t['daily_working_hours'])} saat) aşamaz")
    return worked, nursing


def count_active_days(v: dict, t: ParameterTable, ex: Explanation, extra_absent: int = 0,
                      extra_label: str = "") -> ActiveDays:
    """AÇGK = counted days / days of the month, truncated to two decimals (Ek Ödeme Yön.)."""
    check_days(v, t, extra_absent)
    source = "Girdi (tarihlerden sayıldı)" if v.get("absences") else "Girdi"
    month = v["month_days"]
    ex.add("Ayın gün sayısı" + (" (takvimden)" if v.get("month") else ""), month, REF_ACGK, "days")

    # Yıllık izin: ayda en çok 5, yılda en çok 12 gün çalışılmış sayılır (Bakanlık rehberi).
    leave = v["annual_leave_days"]
    left_this_year = t["protected_leave_per_year"] - v["protected_leave_used_this_year"]
    protected = min(t["protected_leave_per_month"], leave, left_this_year)
    unprotected = leave - protected
    if leave:
        ex.add("Bu ay kullanılan yıllık izin", leave, source, "days")
        ex.add(f"Bu yıl çalışılmış sayılabilecek kalan izin günü ({t['protected_leave_per_year']} − "
               f"{v['protected_leave_used_this_year']})", left_this_year, t.ref("protected_leave_per_year"), "days")
        ex.add(f"Çalışılmış sayılan izin günü: en küçüğü (ayda {t['protected_leave_per_month']}, bu ayki izin {leave}, "
               f"yılda kalan {left_this_year})", protected, t.ref("protected_leave_per_month"), "days")
        ex.add("Çalışılmamış sayılan izin günü", unprotected, t.ref("protected_leave_per_month"), "days")
    if v["nursing_leave_days"]:
        counts = t["nursing_leave_counts_as_worked"]
        ex.add(f"Süt izni kullanılan {v['nursing_leave_days']} gün",
               "çalışılmış sayılır, katsayıyı düşürmez" if counts else "çalışılmamış sayılır",
               t.ref("nursing_leave_counts_as_worked"))
    group = v.get("staff_group") or "general"
    if group == "third_level_clinician" and protected:
        ex.add("Üçüncü basamak klinisyen", "çalışılmış sayılan izin günleri AÇGK'yı düşürmez (yalnız bu izinse AÇGK 1)",
               "Bakanlık uygulama rehberi")
    if group == "second_level_procedure" and protected:
        ex.add("İkinci basamak, işlem puanıyla ödenen tabip",
               f"çalışılmış sayılan {protected} izin günü, tesis puan ortalaması ve birim katsayısıyla ayrıca puanlanır "
               "(aylık tahmin hesaplayıcısında)", t.ref("emergency_unit_coefficient"))

    # 657 DMK md.104/F: yarım gün çalışılan günde çalışılan saat + süt izni saati sayılır.
    hours_unworked = days_unworked = Decimal(0)
    if v["half_day_days"]:
        worked, nursing = half_day_hours(v, t)
        daily = t["daily_working_hours"]
        per_day = daily - worked - nursing
        hours_unworked = per_day * v["half_day_days"]
        days_unworked = hours_unworked / daily
        ex.add("Yarım gün çalışılan gün", v["half_day_days"], "657 DMK md.104/F", "days")
        ex.add(f"Bir günde sayılan süre: çalışılan {num(worked)} + süt izni {num(nursing)} saat", worked + nursing,
               "657 DMK md.104/F ve md.104/D; Bakanlık rehberi", "hours")
        ex.add(f"Bir günde çalışılmamış saat ({num(daily)} − {num(worked + nursing)})", per_day, t.ref("daily_working_hours"), "hours")
        ex.add(f"Çalışılmamış saat toplamı ({v['half_day_days']} gün × {num(per_day)})", hours_unworked, "657 DMK md.104/F", "hours")
        ex.add(f"Güne çevrilmesi ({num(hours_unworked)} saat ÷ {num(daily)} saat)", days_unworked, t.ref("daily_working_hours"), "days")

    if v["other_absent_days"]:
        ex.add("Diğer çalışılmayan günler", v["other_absent_days"], source, "days")
    if extra_absent:
        ex.add(extra_label or "Rapor günleri", extra_absent, source, "days")
    absent = unprotected + v["other_absent_days"] + extra_absent + days_unworked
    counted = month - absent
    ex.add(f"Çalışılmış sayılan gün ({month} − {num(absent)})", counted, REF_ACGK, "days")
    ratio = counted / month
    coefficient = truncate2(ratio)
    ex.add(f"AÇGK = {num(counted)} ÷ {month}, virgülden sonra iki hane (kalan atılır)", coefficient,
           f"{REF_ACGK}; iki haneye kesme: Bakanlık rehberi (23/30 → 0,76)", "decimal")
    return ActiveDays(month, protected, unprotected, left_this_year - protected, hours_unworked, days_unworked,
                      absent, counted, coefficient)


def report_note(v: dict, t: ParameterTable, ex: Explanation) -> int:
    """Report days found among the dates where the calculator has no report count: said, not deducted."""
    reports = v.get("report_days_from_dates", 0)
    if reports:
        ex.add("Rapor günleri", f"{reports} gün: AÇGK'yı düşürmez; performans kısmından günlük tutar olarak düşülür "
               "(rapor kesintisi ve aylık tahmin hesaplayıcıları)", t.ref("sick_report_rule"))
    return reports


def compute(v: dict, ctx: Context) -> dict:
    t = ctx.table(SET)
    v = resolve_days(v, t, ctx.explain, ACTIVE_DAYS_FIELDS)
    a = count_active_days(v, t, ctx.explain)
    reports = report_note(v, t, ctx.explain)
    return {"report_days": reports,
            "coefficient": a.coefficient, "counted_days": a.counted_days, "absent_days": a.absent_days,
            "protected_leave_days": a.protected_days, "unprotected_leave_days": a.unprotected_leave_days,
            "protected_leave_left_this_year": a.protected_left_this_year,
            "half_day_unworked_hours": a.half_day_unworked_hours, "half_day_unworked_days": a.half_day_unworked_days}


CALCULATOR = Calculator(
    id="pay/active-days",
    title="Aktif çalışılan gün katsayısı (AÇGK)",
    description=(
        "Döner sermaye ek ödemesinde kullanılan aktif çalışılan gün katsayısını hesaplar: çalışılmış sayılan gün ÷ "
        "ayın gün sayısı, virgülden sonra iki hane (kalan atılır). Yıllık izin ayda en çok 5, yılda en çok 12 gün "
        "çalışılmış sayılır; bu ay korunan gün = en küçüğü (5, bu ayki izin, 12 − bu yıl kullanılan). Süt izni "
        "çalışılmamış gün sayılmaz. Doğum sonrası yarım gün çalışmada (657 DMK md.104/F) gün, çalışılan saat ile süt "
        "izni saatinin toplamı (4 + 3 = 7) sayılır; eksik kalan saatler 8 saatlik güne çevrilip düşülür. İzin ve raporlar "
        "tarih olarak da girilebilir: aya bölünür, 12 günlük yıllık hak yıl içinde tarih sırasıyla harcanır; izin, rapor ve "
        "diğer günler takvim günüyle, yarım gün çalışma ve süt izni iş günüyle (pazartesi–cuma) sayılır. Bu kurallar "
        "sendikanın aktardığı Bakanlık rehberine dayanır; yönetmelik metni doğrulanamadı."
    ),
    inputs=DATE_FIELDS + ACTIVE_DAYS_FIELDS,
    outputs=(
        Output("coefficient", "Aktif çalışılan gün katsayısı", "decimal", main=True),
        Output("counted_days", "Çalışılmış sayılan gün", "days", main=True),
        Output("protected_leave_days", "Çalışılmış sayılan izin günü", "days"),
        Output("unprotected_leave_days", "Çalışılmamış sayılan izin günü", "days"),
        Output("protected_leave_left_this_year", "Bu yıl çalışılmış sayılabilecek kalan izin", "days"),
        Output("half_day_unworked_days", "Yarım gün çalışmadan düşülen gün", "days"),
        Output("report_days", "Rapor günleri (AÇGK'ya girmez)", "days"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("Ek Ödeme Yön. (AÇGK)", "209 s.K. md.5", "663 KHK md.42", "657 DMK md.104/D, /F"),
    example={"month": "2026-09", "absences": "2026-09-07;2026-09-18;yıllık izin"},
)
