"""pay/net-performance: net performans puanı, Ek Ödeme Yön. md.10 (a/l), and the dentists' variants.

The scoring functions here are shared with pay/performance-month.
"""

from __future__ import annotations

from decimal import Decimal

from .. import params
from ..explain import Explanation
from ..fields import Field
from ..money import kurus
from ..params import ParameterTable
from ..calculator import Calculator, Context, Output
from .absences import resolve_days
from .active_days import ACTIVE_DAYS_FIELDS, DATE_FIELDS, STAFF_GROUP, count_active_days, report_note
from .performance_common import SET, add_points, fail, num, tidy

REF_MD10 = "Ek Ödeme Yön. md.10 (a/l)"

DENTIST_MODES = (
    ("none", "Tabip (md.10 formülü)"),
    ("outside_centre", "Diş tabibi, ADSM/ADSH dışında: tesis ortalaması ile kendi puanından yüksek olanı"),
    ("integrated_hospital", "Diş tabibi, ADSM/ADSH'den ödenip E2/E3 entegre hastanede: kendi puanı × 1,30"),
)
NEGATIVE_RULES = (
    ("subtract", "Formül yazıldığı gibi: negatif farkın yarısı düşülür"),
    ("zero", "Negatif fark sıfır sayılır"),
)

POINT_LIMIT = 100_000_000
CLINIC_AVERAGE = Field("clinic_average", "decimal", "Klinik hizmet puan ortalaması", default=0, min=0, max=POINT_LIMIT,
                       unit="puan", help="Kliniğinizin aylık puan ortalaması (ek ödeme bordrosunda).")
FACILITY_AVERAGE = Field("facility_average", "decimal", "Mesai içi tesis puan ortalaması", default=0, min=0,
                         max=POINT_LIMIT, unit="puan", help="Sağlık tesisinin mesai içi puan ortalaması.")
UNIT_TITLE = Field("unit_title_coefficient", "decimal", "Kadro-unvan / birim katsayısı", required=True, min=0, max=10,
                   places=4, help="Bordronuzdaki kadro-unvan ve birim katsayısı (örneğin yoğun bakım hemşiresi 0,55, "
                                  "acil servis 1,40). Katsayı tablosu yönetmelik ekindedir; 0–10 sınırı yalnız yazım "
                                  "hatalarını yakalar.")
ACGK = Field("active_days_coefficient", "decimal", "Aktif çalışılan gün katsayısı (AÇGK)", default=1, min=0, max=1,
             places=2, help="0 ile 1 arasında, iki haneli; 'Aktif çalışılan gün katsayısı' hesaplayıcısı bulur. Ayı ve "
                            "izin/rapor tarihlerinizi aşağıya yazarsanız boş bırakın: AÇGK onlardan hesaplanır.")
SCIENCE = Field("science_points", "decimal", "Bilimsel çalışma destek puanı", default=0, min=0, max=POINT_LIMIT, unit="puan")
PHYSICIAN_POINTS = Field("physician_points", "decimal", "Hekimin muayene ve girişimsel işlem puanı", default=0, min=0,
                         max=POINT_LIMIT, unit="puan",
                         help="Ay içinde kendi yaptığınız muayene ve girişimsel işlemlerin puanı.")
EXTRA = Field("extra_points", "decimal", "Ek puan", default=0, min=0, max=POINT_LIMIT, unit="puan")
DENTIST_MODE = Field("dentist_mode", "choice", "Diş tabibi hesabı", default="none", choices=DENTIST_MODES)
NEGATIVE_RULE = Field("negative_excess_rule", "choice", "Kendi puanı klinik ortalamasının altındaysa",
                      default=params.periods(SET)[-1]["negative_excess_rule"], choices=NEGATIVE_RULES,
                      help="Yönetmelik metni doğrulanamadı; Hesap formülü yazıldığı gibi uygular.")

POINT_VALUE = Field("point_value", "decimal", "Puan değeri (dönem ek ödeme katsayısı)", min=0, max=1000, places=6,
                    unit="TL/puan",
                    help="Tesisin o ay belirlediği, bir net performans puanının TL karşılığı. Ek ödeme bordronuzda ya "
                         "da tesisin ek ödeme duyurusunda yazar; Hesap bu değeri bilemez.")

POINT_FIELDS = (CLINIC_AVERAGE, FACILITY_AVERAGE, UNIT_TITLE, SCIENCE, PHYSICIAN_POINTS, EXTRA)


def extra_part(extra: Decimal, acgk: Decimal, ex: Explanation, ref: str) -> Decimal:
    value = extra * acgk
    if extra:
        add_points(ex, f"Ek puan × AÇGK ({num(extra)} × {num(acgk)})", value, ref)
    return value


def physician_score(v: dict, acgk: Decimal, t: ParameterTable, ex: Explanation) -> Decimal:
    """[((klinik ort. × 0,75) + (tesis ort. × 0,25)) × katsayı × AÇGK] + bilimsel
    + [(kendi puanı − klinik ort. × AÇGK) × 0,5] + (ek puan × AÇGK)   — Ek Ödeme Yön. md.10 (a/l)."""
    clinic, facility, k = v["clinic_average"], v["facility_average"], v["unit_title_coefficient"]
    wc, wf, we = t["clinic_average_weight"], t["facility_average_weight"], t["own_points_excess_weight"]
    weighted = clinic * wc + facility * wf
    add_points(ex, f"Ağırlıklı ortalama: klinik {num(clinic)} × {num(wc)} + tesis {num(facility)} × {num(wf)}", weighted,
           t.ref("clinic_average_weight"))
    base = weighted * k * acgk
    add_points(ex, f"× kadro-unvan katsayısı {num(k)} × AÇGK {num(acgk)}", base, REF_MD10)
    science = v["science_points"]
    if science:
        add_points(ex, "+ bilimsel çalışma destek puanı", science, REF_MD10)
    expected = clinic * acgk
    excess = v["physician_points"] - expected
    add_points(ex, f"Kendi puanı − klinik ort. × AÇGK ({num(v['physician_points'])} − {num(expected)})", excess, REF_MD10)
    rule = v.get("negative_excess_rule") or t["negative_excess_rule"]
    if excess < 0 and rule == "zero":
        excess_points = Decimal(0)
        add_points(ex, "Fark negatif: sıfır sayıldı (seçilen okuma)", excess_points, t.ref("negative_excess_rule"))
    else:
        excess_points = excess * we
        note = " — fark negatif: formül yazıldığı gibi uygulandı, puan düşer" if excess < 0 else ""
        add_points(ex, f"× {num(we)}{note}", excess_points, t.ref("own_points_excess_weight"))
    extra = extra_part(v["extra_points"], acgk, ex, REF_MD10)
    total = base + science + excess_points + extra
    add_points(ex, "Net performans puanı", total, REF_MD10)
    return total


def facility_based_score(v: dict, acgk: Decimal, ex: Explanation, ref: str, label: str) -> Decimal:
    """Tesis puan ortalaması × katsayı × AÇGK + bilimsel + ek puan × AÇGK."""
    base = v["facility_average"] * v["unit_title_coefficient"] * acgk
    add_points(ex, f"{label}: tesis ort. {num(v['facility_average'])} × katsayı {num(v['unit_title_coefficient'])} × AÇGK "
           f"{num(acgk)}", base, ref)
    total = base + v["science_points"] + extra_part(v["extra_points"], acgk, ex, ref)
    add_points(ex, f"{label}: toplam (bilimsel puan ve ek puan dâhil)", total, ref)
    return total


def own_points_score(v: dict, coefficient: Decimal, acgk: Decimal, ex: Explanation, ref: str, label: str) -> Decimal:
    """Kendi muayene ve işlem puanı × katsayı + bilimsel + ek puan × AÇGK (own points already reflect the days worked)."""
    base = v["physician_points"] * coefficient
    add_points(ex, f"{label}: kendi puanı {num(v['physician_points'])} × katsayı {num(coefficient)}", base, ref)
    total = base + v["science_points"] + extra_part(v["extra_points"], acgk, ex, ref)
    add_points(ex, f"{label}: toplam (bilimsel puan ve ek puan dâhil)", total, ref)
    return total


def dentist_score(v: dict, mode: str, acgk: Decimal, t: ParameterTable, ex: Explanation) -> Decimal:
    ref = "Bakanlık uygulama rehberi, diş tabipleri"
    if mode == "outside_centre":
        on_facility = facility_based_score(v, acgk, ex, ref, "Tesis ortalamasıyla")
        on_own = own_points_score(v, v["unit_title_coefficient"], acgk, ex, ref, "Kendi puanıyla")
        best = max(on_facility, on_own)
        add_points(ex, "Net performans puanı: ikisinden yüksek olanı", best, ref)
        return best
    k = t["dentist_integrated_unit_coefficient"]
    if v["unit_title_coefficient"] != k:
        ex.warn(f"ADSM/ADSH kadrolu, entegre hastanede çalışan diş tabibinde birim katsayısı {num(k)} kullanıldı; "
                f"yazdığınız {num(v['unit_title_coefficient'])} kullanılmadı.")
    total = own_points_score(v, k, acgk, ex, t.ref("dentist_integrated_unit_coefficient"), "Kendi puanıyla (karşılaştırma yok)")
    add_points(ex, "Net performans puanı", total, t.ref("dentist_integrated_unit_coefficient"))
    return total


def score(v: dict, acgk: Decimal, t: ParameterTable, ex: Explanation) -> Decimal:
    mode = v.get("dentist_mode") or "none"
    if mode == "none":
        return physician_score(v, acgk, t, ex)
    return dentist_score(v, mode, acgk, t, ex)


def active_days_coefficient(v: dict, t: ParameterTable, ex: Explanation) -> Decimal:
    """AÇGK as typed, or from the dated absences by the pay/active-days rule (the same function, its steps shown)."""
    if not v["absences"]:
        ex.add("Aktif çalışılan gün katsayısı (AÇGK)", v["active_days_coefficient"], "Girdi; Ek Ödeme Yön. (AÇGK)", "decimal")
        return v["active_days_coefficient"]
    if v["active_days_coefficient"] != 1:
        fail(ACGK.name, ACGK.label, "izin ve rapor tarihleri girildiğinde AÇGK onlardan hesaplanır; ikisinden birini "
                                    "girin (AÇGK'yı boş bırakın ya da tarihleri silin)")
    days = {f.name: f.default for f in ACTIVE_DAYS_FIELDS} | {k: v[k] for k in ("month", "absences", "staff_group")}
    days = resolve_days(days, t, ex, ACTIVE_DAYS_FIELDS)
    acgk = count_active_days(days, t, ex).coefficient
    report_note(days, t, ex)
    return acgk


def compute(v: dict, ctx: Context) -> dict:
    t = ctx.table(SET)
    acgk = active_days_coefficient(v, t, ctx.explain)
    total = score(v, acgk, t, ctx.explain)
    if total < 0:
        ctx.explain.warn("Net performans puanı negatif çıktı: bu ay performans ödemesi doğmaz (sabit ek ödeme etkilenmez).")
    out = {"net_performance_points": tidy(total)}
    if v["point_value"] is not None:
        out["net_performance_amount"] = points_in_tl(total, v["point_value"], ctx.explain)
    return out


def points_in_tl(points: Decimal, point_value: Decimal, ex: Explanation) -> Decimal:
    """Net puan × puan değeri, kuruşa yuvarlanır; negatif puan ödeme doğurmaz (209 s.K. md.5/2)."""
    paid = max(points, Decimal(0))
    return ex.money(f"Döner sermaye ek ödemesi (brüt, tavan ve mahsuptan önce): {num(paid)} puan × {num(point_value)} TL",
                    kurus(paid * point_value), "209 s.K. md.5/2; puan değeri: tesisin dönem ek ödeme katsayısı (girdi)")


CALCULATOR = Calculator(
    id="pay/net-performance",
    title="Net performans puanı (tabip ve diş tabibi)",
    description=(
        "Ek Ödeme Yönetmeliği md.10 (a/l) formülü: [((klinik ort. × 0,75) + (mesai içi tesis ort. × 0,25)) × "
        "kadro-unvan katsayısı × AÇGK] + bilimsel çalışma destek puanı + [(muayene ve girişimsel işlem puanı − "
        "(klinik ort. × AÇGK)) × 0,5] + (ek puan × AÇGK). Okumamız: formülde orta parantez için alt sınır yazılmadığından "
        "kendi puanı klinik ortalamasının altında kalan hekimde fark negatif olur ve yarısı toplamdan düşülür; "
        "'sıfır say' seçeneği diğer okumayı uygular. Diş tabibi (ADSM/ADSH dışında): tesis ortalaması × katsayı × AÇGK "
        "ile kendi puanı × katsayı hesaplanır, yüksek olanı alınır. ADSM/ADSH'den ödenip E2/E3 entegre hastanede "
        "çalışan diş tabibi: kendi puanı × 1,30, karşılaştırma yok. Puan değeri yazılırsa puan TL'ye çevrilir (tavan, "
        "sabit kısmın mahsubu ve vergiler aylık tahmin hesaplayıcısında). Ay ve izin/rapor tarihleri yazılırsa AÇGK, aktif "
        "gün hesaplayıcısının kuralıyla onlardan hesaplanır. Ağırlıklar ve katsayılar sendikanın aktardığı Bakanlık "
        "rehberinden; yönetmelik metni doğrulanamadı."
    ),
    inputs=POINT_FIELDS[:3] + (ACGK,) + DATE_FIELDS + (STAFF_GROUP,) + POINT_FIELDS[3:] + (DENTIST_MODE, NEGATIVE_RULE,
                                                                                         POINT_VALUE),
    outputs=(Output("net_performance_points", "Net performans puanı", "points", main=True),
             Output("net_performance_amount", "Puan × puan değeri (brüt TL)", "money", main=True)),
    compute=compute,
    parameter_set=SET,
    references=(REF_MD10, "209 s.K. md.5"),
    example={"clinic_average": "10000", "facility_average": "8000", "unit_title_coefficient": "2.5",
             "active_days_coefficient": "0.76", "science_points": "500", "physician_points": "12000",
             "extra_points": "300", "point_value": "1.25"},
)
