"""pay/payslip-check: start from one's own payslip — recover the title's values, check every line,
carry the same person to another month.

Every line of a payslip is a constant of the person's title times a coefficient of the month, rounded
to the kuruş (657 DMK md.43/B, md.152; 375 KHK ek md.9). So one payslip holds the member's ek
gösterge, yan ödeme puanı, özel hizmet and ek ödeme oranları exactly: for each of these lines we look
for the whole gösterge/puan (or the rate, whole first, then with two decimals) whose line, computed by
pay/salary's own `payments`, equals the printed amount. Then pay/salary's `payslip` recomputes every
line and deduction for the recovered person and each is compared with the payslip, with the likely
reason of a difference. `target_month` runs pay/salary itself for the recovered inputs.

Amounts: one money input per payslip line (`amount_<line>`, in the order of a payslip), or on the
command line and in Python the contract's `amounts` object {line name → amount}; both are read the
same way (Turkish numbers, "40.000" is forty thousand). An empty line is a line not on the payslip (0).
Nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from .. import params
from . import raise_forecast
from ..calculator import Calculator, Context, Output
from ..errors import InputError
from ..fields import _THOUSANDS_ONLY, Field
from ..money import kurus
from ..numbers import format_money, format_number
from . import title_presets
from .salary import Payslip, indicator, payments, payslip
from .salary_inputs import (PAYSLIP_REFERENCES, cumulative_base_field, month_tables, SET, TITLES, Person, check_month, month_field, month_label, newest_month, parse_month,
                            person_fields)

# The payslip's lines in the order of a payslip (the maaş unsurları of 657 DMK, as pay/salary lists them):
# payments, then deductions, then the totals.
PAYMENT_LINES = (
    ("monthly_salary", "Aylık (gösterge aylığı)"),
    ("additional_indicator", "Ek gösterge aylığı"),
    ("base_salary", "Taban aylık"),
    ("seniority_salary", "Kıdem aylığı"),
    ("side_payment", "Yan ödeme"),
    ("special_service", "Özel hizmet tazminatı"),
    ("extra_payment", "Ek ödeme (375 KHK ek 9)"),
    ("additional_payment_ek40", "İlave ödeme (375 KHK ek 40)"),
    ("family_spouse", "Aile yardımı: eş"),
    ("family_children_under_6", "Aile yardımı: 0–6 yaş çocuk (toplam)"),
    ("family_children_over_6", "Aile yardımı: 6 yaş üstü çocuk (toplam)"),
    ("collective_bonus", "Toplu sözleşme ikramiyesi"),
    ("contract_wage", "Brüt sözleşme ücreti (yalnız 4/B)"),
)
DEDUCTION_LINES = (
    ("income_tax", "Gelir vergisi"),
    ("stamp_tax", "Damga vergisi"),
    ("pension", "MYÖ primi, sigortalı (5510)"),
    ("retirement_5434", "Emekli keseneği, şahıs (5434)"),
    ("health", "Genel sağlık sigortası, sigortalı"),
    ("union_dues", "Sendika aidatı"),
)
TOTAL_LINES = (("gross", "Brüt ödemeler toplamı"), ("net", "Net ödenen"))
LINES = PAYMENT_LINES + DEDUCTION_LINES + TOTAL_LINES
LABELS = dict(LINES)
PREFIX = "amount_"
ALWAYS_SHOWN = ("income_tax", "stamp_tax", "net")

# The person fields of pay/salary this calculator asks for; the title's values, the dues, the bonus and
# the 4/B wage come from the payslip's amounts instead.
PERSON_KEYS = ("title", "employment", "grade", "step", "service_years", "spouse_not_working", "children_under_6",
               "children_over_6", "union_member", "pension_scheme")

# (recovered key, payslip line, Turkish name, whole numbers only, upper bound)
RECOVERABLE = (
    ("additional_indicator", "additional_indicator", "Ek gösterge", True, 8000),
    ("side_payment_points", "side_payment", "Yan ödeme puanı", True, 10000),
    ("special_service_rate", "special_service", "Özel hizmet tazminatı oranı", False, 1000),
    ("extra_payment_rate", "extra_payment", "Ek ödeme oranı (375 KHK ek 9)", False, 1000),
)
UNITS = {"additional_indicator": "gösterge", "side_payment_points": "puan"}

REF_RECOVER = ("657 DMK md.43/B, md.152, md.154; 375 KHK ek md.9: satır = unvan değeri × dönem katsayısı, kuruşa yuvarlanır; "
               "bordrodaki tutarı veren tam değer aranır")
NOT_MODELLED = ("yazım hatası ya da modellemediğimiz bir kalem (ör. fark, geriye dönük ödeme, kısmi ay, "
                "%25 eksik ödenen hastalık izni)")


# ---------------------------------------------------------------- reading the amounts

def unfold_amounts(raw: dict) -> dict:
    """The contract's `amounts` object {line → amount} as the per-line inputs `amount_<line>`."""
    if not isinstance(raw, dict):
        return raw
    if "amounts" not in raw:
        return thousands(raw)
    amounts = raw["amounts"]
    out = {k: v for k, v in raw.items() if k != "amounts"}
    if amounts is None:
        return thousands(out)
    if not isinstance(amounts, dict):
        raise InputError("amounts", "“Bordro tutarları”: satır adı → tutar biçiminde bir nesne olmalı, "
                                    "örneğin {\"monthly_salary\": \"2.081,81\", \"net\": \"40.000\"}")
    for name, value in amounts.items():
        if name not in LABELS:
            raise InputError("amounts", f"“Bordro tutarları”: bilinmeyen satır “{name}”; geçerli satırlar: "
                                        + ", ".join(n for n, _ in LINES))
        key = PREFIX + name
        if key in out:
            raise InputError(key, f"“{LABELS[name]}”: hem bu alanda hem “Bordro tutarları” içinde yazılmış; birini bırakın")
        out[key] = value
    return thousands(out)


def thousands(raw: dict) -> dict:
    """Contract: in a money input (two decimals at most) a dot before exactly three digits is a thousands dot,
    “40.000” is forty thousand; a payslip's amounts are written so."""
    money = {f.name for f in CALCULATOR.inputs if f.type == "money"}
    return {k: (v.strip().replace(".", "") if k in money and isinstance(v, str) and _THOUSANDS_ONLY.fullmatch(v.strip()) else v)
            for k, v in raw.items()}


@dataclass(frozen=True)
class _PayslipCheckCalculator(Calculator):
    """pay/payslip-check also takes the contract's `amounts` object (CLI, Python) besides the per-line inputs."""

    def run(self, raw_inputs: dict, on: date | None = None) -> dict:
        return super().run(unfold_amounts(raw_inputs), on)


def amount_fields() -> tuple[Field, ...]:
    helps = {
        "family_children_under_6": "Bordrodaki 0–6 yaş çocuk yardımlarının toplamı.",
        "family_children_over_6": "Bordrodaki 6 yaş üstü çocuk yardımlarının toplamı.",
        "contract_wage": "Yalnız sözleşmeli (4/B) personel: aylık, ek gösterge, taban, kıdem, yan ödeme ve özel hizmet yerine.",
        "collective_bonus": "İkramiye aylarında (Ocak, Nisan, Temmuz, Ekim) sendika üyelerine.",
        "gross": "Bordrodaki brüt (ödemeler) toplamı; yazılmazsa karşılaştırılmaz.",
        "net": "Bordroda “net ödenen” / “ele geçen”.",
    }
    return tuple(Field(PREFIX + name, "money", label, min=0, max=100_000_000, unit="TL",
                       help=helps.get(name, "") or ("Bordronuzda olduğu gibi (1.234,56); bordroda yoksa boş bırakın."))
                 for name, label in LINES)


# ---------------------------------------------------------------- recovering the title's values

@dataclass(frozen=True)
class Fit:
    """What one line told us about the title's value."""

    key: str
    label: str
    value: int | Decimal
    amount: Decimal          # as printed
    exact: bool              # the line computed with `value` equals the printed amount
    whole: bool              # `value` is a whole number
    note: str


def line_amount(p: Person, table, month: int, name: str) -> Decimal | None:
    """One line of pay/salary's payments for a person (the same rounding as the payslip)."""
    for line in payments(p, table, month):
        if line.name == name:
            return line.amount
    return None


def _factor(key: str, table) -> str:
    k = format_number(table["monthly_coefficient"], None)
    if key == "additional_indicator":
        return f" × aylık katsayısı {k}"
    if key == "side_payment_points":
        return f" × yan ödeme katsayısı {format_number(table['side_payment_coefficient'], None)}"
    return f" × en yüksek Devlet memuru aylığı ({table['highest_civil_servant_indicator']} × {k})"


def _shown(key: str, value) -> str:
    if key in UNITS:
        return f"{format_number(value, None)} {UNITS[key]}"
    return f"%{format_number(value, None)}"


def recover(base: Person, table, month: int, key: str, line: str, label: str, integers: bool, upper: int,
            amount: Decimal) -> Fit:
    """The value of `key` whose line equals the printed amount: whole first, then (rates) two decimals."""
    if amount == 0:
        return Fit(key, label, 0, amount, True, True, "bordroda bu satır yok: 0")
    probe = 1000
    at_probe = line_amount(replace(base, **{key: probe if integers else Decimal(probe)}), table, month, line)
    if not at_probe:
        return Fit(key, label, 0, amount, False, True,
                   "sözleşmeli (4/B) bordrosunda bu satır yok, brüt sözleşme ücretinin içindedir: istihdam biçimini kontrol edin")
    estimate = amount * probe / at_probe

    def fits(v) -> bool:
        return 0 <= v <= upper and line_amount(replace(base, **{key: v}), table, month, line) == amount

    centre = int(estimate.to_integral_value())
    for n in sorted(range(centre - 2, centre + 3), key=lambda n: abs(n - estimate)):
        v = n if integers else Decimal(n)
        if fits(v):
            return Fit(key, label, v, amount, True, True, f"{_shown(key, v)}{_factor(key, table)} = {format_money(amount)}")
    if not integers:
        cents = estimate.quantize(Decimal("0.01"))
        for step in (0, -1, 1, -2, 2):
            v = cents + step * Decimal("0.01")
            if fits(v):
                return Fit(key, label, v.normalize() if v == v.to_integral_value() else v, amount, True, False,
                           f"{format_money(amount)} tam bir orana değil {_shown(key, v)} oranına uyuyor: bordronuzdaki oranı kontrol edin")
    nearest = min(max(int(estimate.to_integral_value()), 0), upper) if integers else min(max(estimate.quantize(Decimal("0.01")), Decimal(0)), Decimal(upper))
    return Fit(key, label, nearest, amount, False, integers,
               f"{format_money(amount)} hiçbir tam {'değere' if integers else 'orana'} uymuyor; en yakın {_shown(key, nearest)} alındı: "
               + NOT_MODELLED)


# ---------------------------------------------------------------- comparing the lines

@dataclass(frozen=True)
class Check:
    name: str
    label: str
    payslip: Decimal
    computed: Decimal
    reason: str

    @property
    def difference(self) -> Decimal:
        return self.payslip - self.computed

    @property
    def ok(self) -> bool:
        return self.difference == 0

    def as_result(self) -> dict:
        return {"name": self.name, "label": self.label, "payslip": self.payslip, "computed": self.computed,
                "difference": self.difference, "ok": self.ok, "status": "tutuyor" if self.ok else "fark var",
                "reason": self.reason, "result": "tutuyor" if self.ok else f"fark var: {self.reason}"}


def _other_period(set_name: str, key_amount, printed: Decimal, here: str) -> str:
    """The period whose table gives the printed amount (a payslip of another month)."""
    for t in params.periods(set_name):
        if t.id != here:
            try:
                if key_amount(t) == printed:
                    return t.title
            except (KeyError, InputError):
                continue
    return ""


def reason_for(name: str, printed: Decimal, computed: Decimal, p: Person, table, tax_table, month: int,  # noqa: C901
               slip: Payslip, fits: dict[str, Fit], estimated: bool, line_diffs: Decimal) -> str:
    """The likely reason of a difference (or what an agreeing line rests on). Kept as one ladder on purpose: the
    reasons are tried in the order a payroll officer would check them, and the first that explains it wins."""
    k = table["monthly_coefficient"]
    fit = next((fits[key] for key, line, *_ in RECOVERABLE if line == name and key in fits), None)
    if fit is not None and (fit.amount or computed):
        return fit.note if fit.amount else "bordroda bu satır girilmedi; bordronuzda varsa yazın"
    if printed == computed:
        return {"income_tax": "kümülatif matrah ve asgari ücret istisnasıyla aynı" + (" (önceki aylar tahmin)" if estimated else ""),
                "union_dues": "bordrodaki aidat girdi olarak alındı"}.get(name, "aynı")
    if printed and not computed:
        base = {"family_spouse": "eşiniz çalışmıyorsa “Eşim çalışmıyor” kutusunu işaretleyin",
                "collective_bonus": ("bu ay ikramiye ayı değil" if month not in {int(m) for m in table["collective_bonus_months"]}
                                     else "“Sendika üyesiyim” kutusunu işaretleyin"),
                "union_dues": "“Sendika üyesiyim” kutusunu işaretleyin",
                "contract_wage": "istihdam biçimi olarak 4/B seçin",
                "retirement_5434": "emeklilik sistemi olarak 5434 seçin",
                "pension": "emeklilik sistemi olarak 5510 seçin"}.get(name)
        if base:
            return f"bordroda var, hesapta yok: {base}"
    if computed and not printed:
        return {"family_spouse": "bordroda eş yardımı yok: “Eşim çalışmıyor” kutusunu kaldırın",
                "family_children_under_6": "bordroda 0–6 yaş çocuk yardımı yok: çocuk sayısını kontrol edin",
                "family_children_over_6": "bordroda 6 yaş üstü çocuk yardımı yok: çocuk sayısını kontrol edin",
                "collective_bonus": "bordroda ikramiye yok: sendika üyeliğini ya da ayı kontrol edin",
                "gross": "bordrodaki brüt toplam girilmedi",
                "net": "bordrodaki net girilmedi",
                }.get(name, "bordroda bu satır girilmedi; bordronuzda varsa yazın")
    if name == "monthly_salary":
        g = (printed / k).to_integral_value()
        if kurus(g * k) == printed:
            where = [f"{d}/{s + 1}" for d, row in table["indicator_table"].items() for s, v in enumerate(row) if v == g]
            if where:
                return f"bu tutar {format_number(g, None)} göstergeye uyar ({', '.join(where)}): derece/kademeyi kontrol edin"
        other = _other_period(SET, lambda t: kurus(indicator(t, p.grade, p.step) * t["monthly_coefficient"]), printed, table.id)
        return (f"bu tutar {other} dönemine uyar: bordro ayını kontrol edin" if other
                else "hiçbir derece/kademe göstergesine uymuyor: " + NOT_MODELLED)
    if name == "seniority_salary":
        g = (printed / k).to_integral_value()
        per = table["seniority_indicator_per_year"]
        if kurus(g * k) == printed and g % per == 0:
            return (f"bu tutar {int(g / per)} hizmet yılına uyar (en çok {table['seniority_max_years']} yıl sayılır): "
                    "hizmet yılını kontrol edin")
        return "hiçbir hizmet yılına uymuyor: " + NOT_MODELLED
    if name in ("base_salary", "additional_payment_ek40"):
        if name == "base_salary":
            amount_of = lambda t: kurus(t["base_salary_indicator"] * t["base_salary_coefficient"])  # noqa: E731
        else:
            amount_of = lambda t: kurus(t["ek40_indicator"] * t["monthly_coefficient"])  # noqa: E731
        other = _other_period(SET, amount_of, printed, table.id)
        return (f"bu satır herkeste aynıdır ve bu tutar {other} dönemine uyar: bordro ayını kontrol edin" if other
                else "bu satır herkeste aynıdır (unvandan bağımsız): " + NOT_MODELLED)
    if name == "family_spouse":
        return "eş yardımı tutarı bu ayın göstergesine uymuyor: " + NOT_MODELLED
    if name in ("family_children_under_6", "family_children_over_6"):
        each = kurus(table["family_child_under6_indicator" if name.endswith("under_6") else "family_child_over6_indicator"] * k)
        if each and printed % each == 0:
            return f"bu tutar {int(printed / each)} çocuğa uyar: çocuk sayısını kontrol edin"
        return "çocuk yardımı tutarı bu ayın göstergesine uymuyor: " + NOT_MODELLED
    if name == "collective_bonus":
        return "kaynaklı ikramiye tutarından farklı: dönemi ya da ikramiye tutarını kontrol edin"
    if name in ("pension", "health", "retirement_5434"):
        rate_key = {"pension": "pension_employee_rate", "health": "health_employee_rate",
                    "retirement_5434": "retirement_5434_employee_rate"}[name]
        rate = table[rate_key]
        implied = kurus(printed / rate)
        other = {"pension": ("retirement_5434_employee_rate", "5434 emekli keseneğine"),
                 "retirement_5434": ("pension_employee_rate", "5510 MYÖ primine")}.get(name)
        if other and kurus(slip.premium_base * table[other[0]]) == printed:
            return f"bu tutar {other[1]} uyar: emeklilik sistemini kontrol edin"
        return (f"bu kesinti yaklaşık {format_money(implied)} prime esas kazanca uyar, hesaplanan {format_money(slip.premium_base)}: "
                "yukarıdaki aylık/ek gösterge/taban/kıdem/özel hizmet farkları ya da prime tabi başka bir ödeme")
    if name == "income_tax":
        if printed == slip.income_tax_before_exemption:
            return "asgari ücret gelir vergisi istisnası uygulanmamış görünüyor (GVK md.23/18)"
        hints = []
        if line_diffs:
            hints.append("yukarıdaki satır farkları matrahı değiştiriyor")
        if estimated:
            hints.append("önceki ayların kümülatif matrahı tahmin edildi: bordronuzdaki “kümülatif matrah”ı (önceki ay) girin")
        hints.append("aynı ay ödenen nöbet ya da döner sermaye istisnayı paylaşmış, ya da vergiye tabi başka bir ödeme/indirim olabilir")
        return "; ".join(hints)
    if name == "stamp_tax":
        if printed == slip.stamp_before_exemption:
            return "asgari ücret damga vergisi istisnası uygulanmamış görünüyor (DVK (2) sayılı tablo IV/15)"
        rate = tax_table["stamp_duty_rate"]
        implied = kurus((printed + (slip.stamp_exemption if printed else 0)) / rate)
        return (f"bu damga yaklaşık {format_money(implied)} matraha uyar, hesaplanan {format_money(slip.stamp_base)}: "
                "bordroda damgaya tabi başka bir ödeme ya da yukarıdaki satır farkları")
    if name in ("gross", "net"):
        return ("satır farklarının toplamı" if line_diffs == printed - computed
                else "bordroda girilmemiş bir ödeme ya da kesinti var (ör. BES, kefalet, icra, yemek, geriye dönük fark): "
                     f"{format_money(printed - computed - line_diffs)}")
    return NOT_MODELLED


# ---------------------------------------------------------------- the calculator

def _person(v: dict, amounts: dict[str, Decimal], table, month: int) -> Person:
    collective = amounts.get("collective_bonus")
    if "collective_bonus_indicator" in table.params:
        collective = None  # sourced: the payslip's bonus is checked against it, not taken over
    return Person(
        title=v["title"], employment=v["employment"], grade=v["grade"], step=v["step"],
        service_years=v["service_years"], contract_wage=amounts.get("contract_wage") if v["employment"] == "4b" else None,
        spouse_not_working=v["spouse_not_working"], children_under_6=v["children_under_6"],
        children_over_6=v["children_over_6"], union_member=v["union_member"],
        union_dues=amounts.get("union_dues", Decimal(0)), collective_bonus=collective or None,
        pension_scheme=v["pension_scheme"])


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    year, month, table, tax_table = month_tables(v, ctx)
    amounts = {name: v[PREFIX + name] for name, _ in LINES if v[PREFIX + name] is not None}
    if v["employment"] == "4b" and not amounts.get("contract_wage"):
        raise InputError(PREFIX + "contract_wage", f"“{LABELS['contract_wage']}”: sözleşmeli (4/B) "
                                                   "personel için bordrodaki brüt sözleşme ücretini yazın")
    if not any(amounts.values()):
        ex.warn("Bordro tutarı girilmedi: bordronuzdaki tutarları satır satır yazın; boş satır bordroda yok (0) sayılır.")
    ml = month_label(year, month)
    ex.add("Bordronun ayı (tutarların katsayıları)", f"{ml} — {table.title} tablosu", table.source or table.ref("monthly_coefficient"))

    # 1. the title's values, each from its own line
    base = _person(v, amounts, table, month)
    fits: dict[str, Fit] = {}
    for key, line, label, integers, upper in RECOVERABLE:
        fit = recover(base, table, month, key, line, label, integers, upper, amounts.get(line, Decimal(0)))
        fits[key] = fit
        ex.add(f"Bordrodan bulunan {label[0].lower() + label[1:]}", _shown(key, fit.value),
               f"{fit.note} — {REF_RECOVER}", "text")
        if not fit.exact:
            ex.warn(f"{LABELS[line]}: {fit.note}.")
        elif not fit.whole:
            ex.warn(f"{LABELS[line]}: {fit.note}.")
    p = replace(base, **{key: f.value for key, f in fits.items()})
    cetvel = title_presets.table_on(date(year, month, 1))
    expected = title_presets.value_for(cetvel, "additional_indicator", p.title, p.grade) if p.employment == "4a" else None
    if expected is not None and expected != p.additional_indicator:
        title = dict(TITLES).get(p.title, p.title)
        ex.warn(f"Bordrodaki ek gösterge {p.additional_indicator}, ama {title} için {p.grade}. derecede cetvel değeri {expected} "
                f"({title_presets.reference_for(cetvel, 'additional_indicator', p.title)}): unvanı, dereceyi ya da bordroyu kontrol edin.")

    # 2. the payslip recomputed by pay/salary for the recovered person
    slip = payslip(p, year, month, v["cumulative_base_before"], ex)
    estimated = v["cumulative_base_before"] is None
    computed = {l.name: l.amount for l in slip.lines} | {d.name: d.amount for d in slip.deductions}
    computed |= {"gross": slip.gross, "net": slip.net}
    line_diff = sum((amounts.get(n, Decimal(0)) - computed.get(n, Decimal(0)) for n, _ in PAYMENT_LINES), Decimal(0))
    ded_diff = sum((amounts.get(n, Decimal(0)) - computed.get(n, Decimal(0)) for n, _ in DEDUCTION_LINES), Decimal(0))
    checks: list[Check] = []
    for name, label in LINES:
        if name == "gross" and "gross" not in amounts:
            continue
        printed = amounts.get(name, Decimal(0))
        comp = computed.get(name, Decimal(0))
        if not printed and not comp and name not in ALWAYS_SHOWN:
            continue
        explained = {"gross": line_diff, "net": line_diff - ded_diff}.get(name, line_diff)
        reason = reason_for(name, printed, comp, p, table, tax_table, month, slip, fits, estimated, explained)
        checks.append(Check(name, label, printed, comp, reason))
    bad = [c for c in checks if not c.ok]
    for c in bad:
        ex.add(f"Fark: {c.label}", c.difference, f"bordroda {format_money(c.payslip)}, hesaplanan {format_money(c.computed)} — {c.reason}",
               "money")
    summary = (f"{len(checks)} satırın hepsi tutuyor." if not bad else
               f"{len(checks)} satırdan {len(checks) - len(bad)} tanesi tutuyor; fark olanlar: " + ", ".join(c.label for c in bad) + ".")
    ex.add("Karşılaştırma", summary, "Her satır bordrodaki tutarla kuruşu kuruşuna karşılaştırıldı", "text")

    result = {
        "month": f"{year:04d}-{month:02d}", "summary": summary,
        "recovered": {key: f.value for key, f in fits.items()},
        "recovery": [{"name": f.key, "label": f.label, "value": f.value, "shown": _shown(f.key, f.value), "amount": f.amount,
                      "exact": f.exact, "note": f.note} for f in fits.values()],
        "checks": [c.as_result() for c in checks],
        "mismatches": len(bad),
        "computed_net": slip.net,
        "projection": None,
    }
    # 3. the same person in another month: exactly pay/salary for the recovered inputs
    if v["target_month"]:
        result |= project(v, p, ctx)
    return result


def salary_inputs(v: dict, p: Person) -> dict:
    """The pay/salary inputs of the recovered person in `target_month` (the same person, same service years)."""
    inputs = {"month": v["target_month"], **{k: v[k] for k in PERSON_KEYS},
              "additional_indicator": p.additional_indicator, "side_payment_points": p.side_payment_points,
              "special_service_rate": str(p.special_service_rate), "extra_payment_rate": str(p.extra_payment_rate),
              "union_dues": str(p.union_dues)}
    if p.contract_wage is not None:
        inputs["contract_wage"] = str(p.contract_wage)
    if v.get("forecast_inflation") is not None:  # a target month past the newest table: pay/salary's forecast
        inputs["forecast_inflation"] = str(v["forecast_inflation"])
    return inputs


def project(v: dict, p: Person, ctx: Context) -> dict:
    from ..registry import run  # at call time: the registry imports this module
    inputs = salary_inputs(v, p)
    try:
        out = run("pay/salary", inputs, ctx.on)
    except InputError as exc:
        raise InputError("target_month", f"“Hedef ay”: {exc.message}") from None
    r = out["result"]
    ty, tm = parse_month(v["target_month"])
    ctx.explain.add(f"Hedef ay: {month_label(ty, tm)} net (aynı kişi, pay/salary ile)", Decimal(r["net"]),
                    "pay/salary: bulunan ek gösterge, yan ödeme puanı ve oranlarla; hizmet yılı ve kademe aynı alındı", "money")
    for w in out["warnings"]:
        ctx.explain.warn(f"Hedef ay ({month_label(ty, tm)}): {w}")
    return {"projection": r, "projection_net": r["net"], "projection_gross": r["gross"],
            "projection_lines": r["lines"], "projection_deductions": r["deductions"]}


def _example_inputs() -> dict:
    """The page's example: a payslip of March 2026 as pay/salary prints it for a nurse 1/4 with stated example values."""
    person = Person(title="hemsire", grade=1, step=4, service_years=15, additional_indicator=3600,
                    side_payment_points=950, special_service_rate=Decimal(45), extra_payment_rate=Decimal(60),
                    spouse_not_working=True, children_under_6=1, children_over_6=1, union_member=True,
                    union_dues=Decimal(250))
    slip = payslip(person, 2026, 3)
    printed = {l.name: l.amount for l in slip.lines} | {d.name: d.amount for d in slip.deductions} | {"net": slip.net}
    return {"month": "2026-03", "title": "hemsire", "grade": 1, "step": 4, "service_years": 15, "spouse_not_working": True,
            "children_under_6": 1, "children_over_6": 1, "union_member": True, "target_month": "2026-07",
            **{PREFIX + n: format_number(a, 2) for n, a in printed.items() if a}}


OUTPUTS = (
    Output("summary", "Sonuç", "text", main=True),
    Output("recovery", "Bordronuzdan bulunan unvan değerleri", "rows",
           columns=(("label", "Değer", "text"), ("shown", "Bulunan", "text"), ("amount", "Bordrodaki tutar", "money"),
                    ("note", "Açıklama", "text"))),
    Output("checks", "Satır satır karşılaştırma", "rows",
           columns=(("label", "Satır", "text"), ("payslip", "Bordroda", "money"), ("computed", "Hesaplanan", "money"),
                    ("difference", "Fark", "money"), ("result", "Sonuç ve olası neden", "text"))),
    Output("computed_net", "Hesaplanan net (bu ay)", "money"),
    Output("projection_net", "Hedef ayda net", "money", main=True),
    Output("projection_gross", "Hedef ayda brüt", "money"),
    Output("projection_lines", "Hedef ayın bordro kalemleri", "rows", columns=(("label", "Kalem", "text"), ("amount", "Tutar", "money"))),
    Output("projection_deductions", "Hedef ayın kesintileri", "rows", columns=(("label", "Kesinti", "text"), ("amount", "Tutar", "money"))),
)


def _person_fields() -> tuple[Field, ...]:
    fields = {f.name: replace(f, presets=None) for f in person_fields()}
    fields["title"] = replace(fields["title"], help="Bordrodan bulunan ek gösterge, bu unvanın 657 DMK I sayılı cetveldeki "
                                                    "değeriyle karşılaştırılır; farklıysa uyarılır.")
    return tuple(fields[k] for k in PERSON_KEYS)


CALCULATOR = _PayslipCheckCalculator(
    id="pay/payslip-check",
    title="Bordro kontrolü: bordronuzdan unvan değerleriniz, satır satır kontrol, başka bir aya taşıma",
    description=(
        "Bir ayın bordrosundaki tutarları bordrodaki sırayla (aylık, ek gösterge, taban, kıdem, yan ödeme…) girin: her satır unvan değeri × dönem katsayısı olduğundan "
        "ek göstergeniz, yan ödeme puanınız, özel hizmet tazminatı ve 375 KHK ek 9 ek ödeme oranlarınız tutarlardan kuruşu "
        "kuruşuna bulunur; bir tutar hiçbir tam değere uymuyorsa söylenir (yazım hatası ya da modellemediğimiz bir kalem). "
        "Sonra bütün satırlar ve kesintiler (SGK, kümülatif gelir vergisi ve asgari ücret istisnası, damga vergisi) Aylık "
        "bordro hesaplayıcısıyla yeniden hesaplanır ve her biri bordronuzla karşılaştırılır; fark varsa olası nedeni yazılır. "
        "Hedef ay verilirse aynı kişinin o ayki bordrosu hesaplanır. Boş bırakılan satır bordroda yok (0) sayılır. "
        "Komut satırında ve Python'da tutarlar “amounts” nesnesiyle de verilebilir. Hiçbir şey saklanmaz."
    ),
    inputs=(
        month_field("month", "Bordro ayı", newest_month()),
        *_person_fields(),
        *amount_fields(),
        cumulative_base_field(": gelir vergisi satırı o zaman tutmayabilir"),
        Field("target_month", "text", "Hedef ay (aynı kişinin bordrosu)", help="YYYY-AA; boş bırakılırsa yalnız kontrol yapılır.",
              check=check_month),
        raise_forecast.forecast_field(),
    ),
    outputs=OUTPUTS,
    compute=compute,
    parameter_set=SET,
    period_input="month",
    references=PAYSLIP_REFERENCES,
    example=_example_inputs(),
)
