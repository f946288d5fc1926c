"""pay/raise-forecast: the coefficients of the next half-year before the HMB circular exists.

The rule (toplu sözleşme, 4688 s.K. md.34; 7. and 8. dönem Hakem Kurulu kararları): each half-year has an
agreed raise; when the six-month inflation of a half-year exceeds its agreed raise, the difference is added
at the next half-year:

    inflation difference = (1 + inflation) / (1 + agreed raise of that half-year) − 1   (not below 0)
    total raise          = (1 + agreed raise of the next half-year) × (1 + inflation difference) − 1
    new coefficient      = old coefficient × (1 + total raise)

Roundings, read from the published periods (tests/test_pay_raise_forecast.py): both rates to two decimals of
a percent, half up (`PERCENT_2_HALF_UP`); each coefficient to six decimals, always up (`COEFFICIENT_UP_6`:
eleven published coefficients 2024–2026 fit it; half up misses six, truncation all). A seyyanen addition
to the taban aylık (1.000 TL in January 2026) adds amount ÷ taban aylık göstergesi to its coefficient.

The same rule gives the other pay calculators a forecast table for the half-year right after the newest
published salary table (`forecast_tables`, called by salary_inputs.tables_for), only when the reader gives an
inflation assumption (`assuming`); a month covered by a published table always uses that table.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from .. import params
from ..calculator import Calculator, Context, Output
from ..dates import MONTHS_TR
from ..errors import InputError
from ..explain import Explanation, Step
from ..fields import Field
from ..money import Rounding
from ..numbers import format_number

SET = "collective_agreement"
CPI_SET = "cpi"
SALARY_SET = "salary"
TAX_SET = "income_tax"
COEFFICIENTS = ("monthly_coefficient", "base_salary_coefficient", "side_payment_coefficient")
PERCENT = Rounding.PERCENT_2_HALF_UP
COEFF = Rounding.COEFFICIENT_UP_6

REF_RULE = ("4688 s.K. md.34; Kamu Görevlileri Hakem Kurulu kararları (7. ve 8. dönem): altı aylık enflasyon o dönemin "
            "zammını aşarsa aşan kısım sonraki dönemin zammına eklenir")
REF_COEFF = "657 DMK md.154; HMB Ocak/Temmuz genelgeleri: katsayılar altı haneli yayımlanır (kalan varsa yukarı; yayımlanmış dönemlerden okunan kural)"
TAHMIN = "tahmin"


# ---------------------------------------------------------------- half-years

def half_year(text: str, field_name: str = "period") -> date:
    """`2027-01` → 1 January 2027; a half-year starts in January or July."""
    parts = str(text).strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise InputError(field_name, f"“{text}” YYYY-AA biçiminde bir dönem değil (örnek: 2027-01)")
    year, month = int(parts[0]), int(parts[1])
    if month not in (1, 7):
        raise InputError(field_name, f"altı aylık dönem Ocak (01) ya da Temmuz (07) ile başlar, {month:02d} yazılmış")
    return date(year, month, 1)


def half_key(start: date) -> str:
    return f"{start:%Y-%m}"


def half_label(start: date) -> str:
    return f"{start.year} {MONTHS_TR[start.month - 1]}"


def half_span(start: date) -> str:
    end = 6 if start.month == 1 else 12
    return f"{MONTHS_TR[start.month - 1]}–{MONTHS_TR[end - 1]} {start.year}"


def previous_half(start: date) -> date:
    return date(start.year - 1, 7, 1) if start.month == 1 else date(start.year, 1, 1)


def half_end(start: date) -> date:
    return date(start.year, 6, 30) if start.month == 1 else date(start.year, 12, 31)


# ---------------------------------------------------------------- the rule (pure functions)

def inflation_difference(inflation: Decimal, agreed: Decimal) -> Decimal:
    """(1 + enflasyon) ÷ (1 + zam) − 1, two decimals of a percent; no difference when inflation stayed below."""
    return max(Decimal(0), PERCENT.apply((1 + inflation) / (1 + agreed) - 1))


def total_raise(agreed_next: Decimal, difference: Decimal) -> Decimal:
    """(1 + sonraki dönemin zammı) × (1 + enflasyon farkı) − 1, two decimals of a percent."""
    return PERCENT.apply((1 + agreed_next) * (1 + difference) - 1)


def raised(coefficient: Decimal, total: Decimal) -> Decimal:
    """A coefficient after the raise: six decimals, always up (HMB genelgeleri)."""
    return COEFF.apply(coefficient * (1 + total))


def agreement_for(start: date) -> params.ParameterTable:
    try:
        return params.table_for(SET, start)
    except InputError:
        have = ", ".join(t.title for t in params.periods(SET))
        raise InputError("period", f"{half_label(start)} için toplu sözleşme zam oranı kaynaklarımızda yok "
                                   f"(toplu sözleşme dönemleri: {have})") from None


def agreed_raise(start: date) -> tuple[Decimal, params.ParameterTable]:
    table = agreement_for(start)
    rates = table["raises"]
    if half_key(start) not in rates:
        raise InputError("period", f"{half_label(start)} için {table.title} toplu sözleşmesinde zam oranı yok")
    return rates[half_key(start)], table


def payday_table(on: date) -> params.ParameterTable:
    """The payday and day-count basis (657 DMK md.164) do not end with an agreement: the newest table on or before `on`."""
    tables = [t for t in params.periods(SET) if t.valid_from <= on]
    return tables[-1] if tables else params.periods(SET)[0]


def cpi_table(start: date) -> params.ParameterTable | None:
    """TÜİK figures of the half-year starting on `start`, when any are sourced."""
    for t in params.periods(CPI_SET):
        if t.valid_from == start:
            return t
    return None


def compound(changes) -> Decimal:
    """Monthly changes (percent) compounded: ∏(1 + aylık) − 1, as a ratio (unrounded)."""
    out = Decimal(1)
    for c in changes:
        out *= 1 + Decimal(c) / 100
    return out - 1


@dataclass(frozen=True)
class Forecast:
    period: date
    based_on: params.ParameterTable
    agreement: params.ParameterTable
    agreed: Decimal
    previous_agreed: Decimal
    inflation: Decimal            # ratio (0.1219 = 12,19 %)
    difference: Decimal
    total: Decimal
    coefficients: dict[str, Decimal]
    base_addition: Decimal        # TL added to the taban aylık (seyyanen), 0 when none
    unrounded: dict[str, Decimal] = field(default_factory=dict)


def forecast(start: date, inflation: Decimal) -> Forecast:
    """The coefficients of the half-year starting on `start` from the published table in force before it."""
    before = start - timedelta(days=1)
    try:
        base = params.table_for(SALARY_SET, before)
    except InputError:
        newest = params.periods(SALARY_SET)[-1]
        raise InputError("period", f"{half_label(start)} tahmini için bir önceki dönemin ({half_span(previous_half(start))}) "
                                   f"katsayıları yayımlanmış olmalı; en yeni tablo {newest.title}") from None
    agreed, agreement = agreed_raise(start)
    previous, _ = agreed_raise(previous_half(start))
    diff = inflation_difference(inflation, previous)
    total = total_raise(agreed, diff)
    coeffs, unrounded = {}, {}
    for key in COEFFICIENTS:
        unrounded[key] = base[key] * (1 + total)
        coeffs[key] = raised(base[key], total)
    additions = agreement["base_salary_additions"] if "base_salary_additions" in agreement.params else {}
    addition = additions.get(half_key(start), Decimal(0))
    if addition:
        # taban aylık = taban göstergesi × taban katsayısı: a TL addition moves the coefficient by TL ÷ gösterge
        coeffs["base_salary_coefficient"] += COEFF.apply(addition / base["base_salary_indicator"])
    return Forecast(start, base, agreement, agreed, previous, inflation, diff, total, coeffs, addition, unrounded)


def published(start: date) -> params.ParameterTable | None:
    for t in params.periods(SALARY_SET):
        if t.valid_from == start:
            return t
    return None


# ---------------------------------------------------------------- steps

def percent(ratio: Decimal) -> str:
    return "%" + format_number((ratio * 100).normalize() if ratio else Decimal(0), None)


def explain_inflation(start: date, ex: Explanation) -> None:
    """Show the sourced TÜİK months of the half-year before `start`, so a reader can add what is known."""
    prev = previous_half(start)
    t = cpi_table(prev)
    if t is None:
        ex.add(f"TÜİK aylık TÜFE, {half_span(prev)}", "kaynaklarımızda henüz yok: altı aylık enflasyonu kendiniz girin",
               "TÜİK Tüketici Fiyat Endeksi bültenleri", "text")
        return
    changes = t["monthly_changes"]
    for i, c in enumerate(changes):
        ex.add(f"TÜİK TÜFE aylık değişim, {MONTHS_TR[prev.month - 1 + i]} {prev.year}", c / 100,
               t.ref("monthly_changes"), "rate")
    ex.add(f"Bilinen {len(changes)} ayın bileşik toplamı: ∏(1 + aylık) − 1", PERCENT.apply(compound(changes)),
           "Aylık değişimler çarpılarak birleştirilir (TÜİK altı aylık değişimi endeksten hesaplar; kuruş farkı olabilir)", "rate")
    if len(changes) < 6:
        ex.warn(f"{half_span(prev)} enflasyonunun yalnız {len(changes)} ayı biliniyor; kalan aylar için kendi tahmininizi "
                "ekleyip altı aylık enflasyonu girin.")
    if "six_month_change" in t.params:
        ex.add(f"TÜİK altı aylık TÜFE değişimi, {half_span(prev)}", t["six_month_change"] / 100, t.ref("six_month_change"), "rate")


def explain_forecast(f: Forecast, ex: Explanation) -> None:
    prev = previous_half(f.period)
    ex.add("Girilen altı aylık enflasyon", f.inflation, f"Girdi: {half_span(prev)} TÜFE değişimi", "rate")
    ex.add(f"{half_span(prev)} toplu sözleşme zammı", f.previous_agreed, agreement_for(prev).ref("raises"), "rate")
    ex.add("Enflasyon farkı = (1 + enflasyon) ÷ (1 + zam) − 1", f.difference,
           f"{REF_RULE}; yüzde olarak iki haneye yuvarlanır (yarım yukarı), enflasyon zammın altındaysa fark 0", "rate")
    ex.add(f"{half_span(f.period)} toplu sözleşme zammı", f.agreed, f.agreement.ref("raises"), "rate")
    ex.add("Toplam zam = (1 + zam) × (1 + enflasyon farkı) − 1", f.total,
           f"{REF_RULE}; yüzde olarak iki haneye yuvarlanır (yarım yukarı)", "rate")
    for key in COEFFICIENTS:
        p = f.based_on.get(key)
        ex.add(f"{p.label}: {format_number(p.value, None)} × {format_number(1 + f.total, None)}",
               COEFF.apply(f.unrounded[key]), f"{REF_COEFF}; dayanak tablo {f.based_on.title}", "decimal")
    if f.base_addition:
        ex.add(f"Taban aylığa seyyanen ek: {format_number(f.base_addition, None)} TL ÷ {f.based_on['base_salary_indicator']} gösterge",
               COEFF.apply(f.base_addition / f.based_on["base_salary_indicator"]), f.agreement.ref("base_salary_additions"), "decimal")
        ex.add("Taban aylık katsayısı (seyyanen ek dâhil)", f.coefficients["base_salary_coefficient"],
               f.agreement.ref("base_salary_additions"), "decimal")


# ---------------------------------------------------------------- the calculator

def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    start = half_year(v["period"])
    inflation = v["inflation"] / 100
    ex.add("Tahmin edilen dönem", f"{half_span(start)} ({TAHMIN})", REF_RULE)
    explain_inflation(start, ex)
    f = forecast(start, inflation)
    ctx.use(f.agreement)  # first: the page names this table's period (the agreement, not the old coefficients)
    ctx.use(f.based_on)
    ex.add("Dayanılan katsayı tablosu", f.based_on.title, f.based_on.source or f.based_on.ref("monthly_coefficient"))
    cpi = cpi_table(previous_half(start))
    if cpi is not None and "six_month_change" in cpi.params and cpi["six_month_change"] / 100 != inflation:
        ex.warn(f"Girilen enflasyon (%{format_number(v['inflation'], None)}) TÜİK'in açıkladığı "
                f"%{format_number(cpi['six_month_change'], None)} değerinden farklı.")
    explain_forecast(f, ex)
    pub = published(start)
    comparison = None
    if pub is not None:
        comparison = {k: pub[k] for k in COEFFICIENTS}
        for k in COEFFICIENTS:
            ex.add(f"Yayımlanan {pub.get(k).label.lower()} ({pub.title}); fark", f"{format_number(pub[k], None)}; "
                   f"{format_number(f.coefficients[k] - pub[k], None)}", pub.ref(k), "text")
        ex.warn(f"{half_span(start)} katsayıları yayımlandı ({pub.title}); hesaplayıcılar yayımlanan tabloyu kullanır, "
                "bu sonuç yalnız kuralın sınamasıdır.")
    else:
        ex.warn(f"Tahmin: {half_span(start)} katsayıları henüz yayımlanmadı; girilen enflasyona göre hesaplandı.")
    return {
        "period": half_key(start), "based_on": f.based_on.id,
        "agreed_raise": f.agreed, "previous_agreed_raise": f.previous_agreed, "inflation": f.inflation,
        "inflation_difference": f.difference, "total_raise": f.total,
        "coefficients": dict(f.coefficients), "base_salary_addition": f.base_addition,
        "published": comparison, "forecast": True,
        "coefficient_rows": [{"label": f.based_on.get(k).label, "before": f.based_on[k], "after": f.coefficients[k],
                              "published": None if pub is None else pub[k]} for k in COEFFICIENTS],
    }


def default_period() -> str:
    """The half-year after the newest published salary table (the form follows new data by itself)."""
    newest = params.periods(SALARY_SET)[-1]
    return half_key((newest.valid_until or half_end(newest.valid_from)) + timedelta(days=1))


CALCULATOR = Calculator(
    id="pay/raise-forecast",
    title="Zam tahmini: gelecek altı ayın katsayıları",
    description=(
        "Toplu sözleşmedeki altı aylık zam oranı ve bir önceki altı ayın enflasyonuyla (girdi) yeni dönemin aylık, taban "
        "aylık ve yan ödeme katsayılarını tahmin eder: enflasyon farkı = (1 + enflasyon) ÷ (1 + o dönemin zammı) − 1, "
        "toplam zam = (1 + yeni dönemin zammı) × (1 + enflasyon farkı) − 1. Okumalar: iki oran yüzde olarak iki haneye "
        "(yarım yukarı), katsayılar altı haneye kalan varsa yukarı yuvarlanır (2024–2026'da yayımlanan bütün katsayılar bu "
        "kurala uyar); taban aylığa seyyanen eklenen tutar (2026 Ocak: 1.000 TL) taban katsayısına tutar ÷ 1000 gösterge "
        "olarak eklenir. TÜİK'in açıkladığı aylık değişimler adımlarda gösterilir; eksik aylar için tahmini siz yaparsınız. "
        "Sonuç tahmindir: Hazine ve Maliye Bakanlığı genelgesi yayımlanınca hesaplayıcılar yayımlanan tabloyu kullanır."
    ),
    inputs=(
        Field("period", "text", "Tahmin edilecek dönem", default=default_period(), required=True,
              help="Altı aylık dönemin ilk ayı, YYYY-AA (Ocak ya da Temmuz), örneğin 2027-01.",
              check=lambda text: half_year(text) and None),
        Field("inflation", "decimal", "Önceki altı ayın enflasyonu", required=True, min=-50, max=500, unit="%", places=2,
              help="TÜİK TÜFE'nin altı aylık değişimi (Ocak dönemi için Temmuz–Aralık, Temmuz dönemi için Ocak–Haziran). "
                   "Bilinen aylar adımlarda listelenir; eksik aylar için kendi tahmininizi ekleyin."),
    ),
    outputs=(
        Output("total_raise", "Toplam zam", "rate", main=True),
        Output("inflation_difference", "Enflasyon farkı", "rate", main=True),
        Output("agreed_raise", "Toplu sözleşme zammı", "rate", main=True),
        Output("coefficient_rows", "Katsayılar (tahmin)", "rows",
               columns=(("label", "Katsayı", "text"), ("before", "Önceki dönem", "decimal"), ("after", "Tahmin", "decimal"),
                        ("published", "Yayımlanan", "decimal"))),
        Output("previous_agreed_raise", "Önceki dönemin toplu sözleşme zammı", "rate"),
        Output("inflation", "Altı aylık enflasyon (girilen)", "rate"),
        Output("based_on", "Dayanılan tablo", "text"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("4688 s.K. md.34", "Kamu Görevlileri Hakem Kurulu kararları (7. ve 8. dönem toplu sözleşme)",
                "657 DMK md.154", "TÜİK Tüketici Fiyat Endeksi"),
    example={"period": "2026-01", "inflation": "12.19"},
)


# ---------------------------------------------------------------- a forecast table for the other pay calculators

@dataclass
class _Assumption:
    inflation: Decimal | None
    used: list = field(default_factory=list)      # the Forecasts priced in the block
    tax_years: set = field(default_factory=set)   # years whose income-tax table was carried over


_ASSUMED: ContextVar[_Assumption | None] = ContextVar("hesap_forecast_inflation", default=None)


def forecast_field() -> Field:
    """The optional input pay/salary and pay/raise-difference declare to price a month with no published table."""
    return Field("forecast_inflation", "decimal", "Tahmin için altı aylık enflasyon", min=-50, max=500, unit="%", places=2,
                 help=f"Yalnız katsayıları yayımlanmamış dönem için ({picker_note()}): önceki altı ayın TÜFE değişimi. "
                      "Girilirse o dönemin katsayıları toplu sözleşme zammı ve enflasyon farkıyla tahmin edilir; sonuç "
                      "“tahmin” diye işaretlenir. Yayımlanmış tablosu olan aylarda kullanılmaz.")


def forecast_start() -> date:
    newest = params.periods(SALARY_SET)[-1]
    return (newest.valid_until or half_end(newest.valid_from)) + timedelta(days=1)


def picker_note() -> str:
    """For the month field's help: the one half-year a forecast can price."""
    start = forecast_start()
    return f"tahmin: {half_span(start)}, Genelge yayımlanana kadar"


def missing_hint(year: int, month: int) -> str:
    """Appended to “no table” messages for a month a forecast could price."""
    start = forecast_start()
    if start <= date(year, month, 1) <= half_end(start):
        return (f". Tahmin için “Tahmin için altı aylık enflasyon” alanına {half_span(previous_half(start))} "
                "enflasyonunu yazın")
    return ""


@contextmanager
def assuming(inflation: Decimal | None, ex: Explanation):
    """Within the block, `forecast_tables` may price the half-year after the newest table with this inflation
    (percent). On leaving, every step added in the block is marked “tahmin” if a forecast table was used."""
    state = _Assumption(inflation)
    token = _ASSUMED.set(state)
    first = len(ex.steps)
    try:
        yield state
    finally:
        _ASSUMED.reset(token)
    if state.used:
        f = state.used[0]
        ex.steps[first:] = [s if TAHMIN in s.label.lower() else replace(s, label=f"{s.label} ({TAHMIN})")
                            for s in ex.steps[first:]]
        ex.steps.insert(first, Step(
            f"Tahmin: {half_span(f.period)} katsayıları yayımlanmadı", f"%{format_number(inflation, None)} enflasyon varsayımıyla "
            f"toplam zam {percent(f.total)}; aylık {format_number(f.coefficients['monthly_coefficient'], None)}, taban "
            f"{format_number(f.coefficients['base_salary_coefficient'], None)}, yan ödeme "
            f"{format_number(f.coefficients['side_payment_coefficient'], None)}",
            f"pay/raise-forecast: {REF_RULE}", "text"))
        ex.warn(f"TAHMİN: {half_span(f.period)} için Hazine ve Maliye Bakanlığı genelgesi henüz yayımlanmadı. Katsayılar "
                f"%{format_number(inflation, None)} enflasyon varsayımıyla tahmin edildi; diğer değerler "
                f"{f.based_on.title} tablosundan alındı. Genelge yayımlanınca yayımlanan tablo kullanılır.")
        for year in sorted(state.tax_years):
            ex.warn(f"TAHMİN: {year} gelir vergisi tarifesi ve asgari ücret istisnası henüz tabloda yok; en yeni tarife "
                    f"({params.periods(TAX_SET)[-1].title}) kullanıldı.")
    elif inflation is not None:
        ex.warn("Girilen enflasyon varsayımı kullanılmadı: seçilen aylar için yayımlanmış katsayı tablosu var.")


def forecast_result(state: _Assumption) -> dict | None:
    """What a result carries about its forecast (None when every table used was published)."""
    if not state.used:
        return None
    f = state.used[0]
    return {"period": half_key(f.period), "based_on": f.based_on.id, "inflation": f.inflation, "total_raise": f.total,
            "coefficients": dict(f.coefficients)}


def forecast_tables(year: int, month: int) -> tuple[params.ParameterTable, params.ParameterTable] | None:
    """The hook salary_inputs.tables_for calls when no published salary table covers the month: a forecast table
    for the half-year right after the newest one, when the reader gave an inflation (`assuming`); else None."""
    state = _ASSUMED.get()
    if state is None or state.inflation is None:
        return None
    start = forecast_start()
    if not start <= date(year, month, 1) <= half_end(start):
        return None
    f = next((u for u in state.used if u.period == start), None)
    if f is None:
        try:
            f = forecast(start, state.inflation / 100)
        except InputError as exc:  # e.g. no agreed raise for that half-year: the reader's field is the inflation
            raise InputError("forecast_inflation", f"“Tahmin için altı aylık enflasyon”: tahmin yapılamıyor: {exc.message}") from None
    if f not in state.used:
        state.used.append(f)
    tax = tax_table(start)
    if tax.id.endswith(TAHMIN):
        state.tax_years.add(start.year)
    return salary_table(f), tax


def forecast_tax(year: int, month: int) -> params.ParameterTable | None:
    """The hook for a month whose salary table is published but whose income-tax year is not yet (a January
    circular out before the GİB tariff): with an inflation given, the newest tariff, marked “tahmin”; else None."""
    state = _ASSUMED.get()
    if state is None or state.inflation is None:
        return None
    tax = tax_table(date(year, month, 1))
    if tax.id.endswith(TAHMIN):
        state.tax_years.add(year)
    return tax


def salary_table(f: Forecast) -> params.ParameterTable:
    """The newest salary table with the three coefficients replaced by the forecast, marked “tahmin”."""
    ref = f"TAHMİN (pay/raise-forecast): {f.based_on.title} × (1 + {percent(f.total)}); {REF_RULE}"
    values = dict(f.based_on.params)
    for key in COEFFICIENTS:
        values[key] = replace(values[key], value=f.coefficients[key], reference=ref, source="",
                              note="Tahmin: genelge yayımlanınca yayımlanan değer kullanılır")
    return replace(f.based_on, id=f"{half_key(f.period)}-{TAHMIN}", title=f"{half_label(f.period)} ({TAHMIN})",
                   valid_from=f.period, valid_until=half_end(f.period), params=values,
                   source=f"Tahmin: pay/raise-forecast, {f.based_on.title} tablosundan")


def tax_table(start: date) -> params.ParameterTable:
    """The income-tax table of the year when published; else the newest one, marked “tahmin”."""
    try:
        return params.table_for(TAX_SET, start)
    except InputError:
        newest = params.periods(TAX_SET)[-1]
        return replace(newest, id=f"{start.year}-{TAHMIN}", title=f"{newest.title} ({start.year} için {TAHMIN}: tarife yayımlanmadı)",
                       valid_from=date(start.year, 1, 1), valid_until=date(start.year, 12, 31))
