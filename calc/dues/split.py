"""dues/split: a member's dues shared between the primary organisation (şube) and the upper bodies."""

from __future__ import annotations

from .. import params
from ..errors import InputError
from ..fields import Field
from ..money import kurus
from ..numbers import format_percent
from ..calculator import Calculator, Context, Output

SET = "dues"


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    table = ctx.table(SET)
    presets = table["presets"]
    dues = v["dues"]
    ex.money("Aylık aidat", dues, "Üyenin maaş bordrosundaki sendika aidatı kesintisi")
    if v["primary_share"] is not None:
        share = v["primary_share"]
        if v["preset"]:
            ex.warn("Hem sendika hem oran verildi: yazdığınız oran kullanıldı, tüzük oranı değil.")
        ex.add("Şubeye kalan pay (girilen oran)", share, "Girdi", "rate")
    elif v["preset"]:
        preset = presets.get(v["preset"])
        if preset is None:
            raise InputError("preset", f"“Sendika”: “{v['preset']}” tanımlı değil; tanımlı olanlar: {', '.join(sorted(presets))}")
        share = preset["primary_share"]
        ex.add(f"Şubeye kalan pay ({preset['title']} tüzüğü)", share, preset["reference"], "rate")
        if not preset["cash_allowed"]:
            ex.add("Ödeme biçimi", "Aidat nakit ödenmez: maaştan kesintiyle ya da banka yoluyla ödenir", preset["reference"])
    else:
        raise InputError("preset", "“Sendika”: bir sendika seçin ya da “Şubenin payı (oran)” alanına oranı yazın")
    primary = kurus(dues * share)
    ex.money("Şubeye (birinci kademe örgüte) kalan", primary, "aidat × şube payı, kuruşa yuvarlanır (yarım yukarı)")
    upper = dues - primary
    ex.money("Üst kuruluşlara (genel merkez) aktarılan", upper, "aidat − şubeye kalan: kuruş farkı üst kuruluşa yazılır, toplam aidata eşit kalır")
    return {"dues": kurus(dues), "primary_share": share, "primary_organisation": primary, "upper_bodies": upper}


def _presets_choices() -> tuple[tuple[str, str], ...]:
    """One choice per union preset in the newest dues table: a new union needs no code."""
    presets = params.periods(SET)[-1]["presets"]
    return tuple((key, f"{p['title']} (tüzük: {format_percent(p['primary_share'])} şubeye)") for key, p in presets.items())


CALCULATOR = Calculator(
    id="dues/split",
    title="Aidat paylaşımı: şube ve üst kuruluşlar",
    description=(
        "Bir üyenin aylık sendika aidatının şubede (birinci kademe örgütte) kalan kısmını ve üst kuruluşlara "
        "aktarılan kısmını hesaplar. Sendika seçilirse tüzükteki oran, oran yazılırsa o oran kullanılır. "
        "Şube payı kuruşa yuvarlanır, kalan kuruş üst kuruluşa yazılır; iki pay her zaman aidatın tamamına eşittir."
    ),
    inputs=(
        Field("dues", "money", "Aylık aidat", required=True, unit="TL", min=0, max=1_000_000,
              help="Maaş bordronuzdaki sendika aidatı kesintisi."),
        # no default: a tüzük's rate applies only when its union was chosen, never to an empty ratio
        Field("preset", "choice", "Sendika", choices=(("", "— oran yazacağım —"),) + _presets_choices(),
              help="Tüzük oranı veri dosyasından gelir."),
        Field("primary_share", "decimal", "Şubenin payı (oran)", min=0, max=1, places=6,
              help="Sendika seçmek yerine oranı kendiniz yazın: %65 için 0,65."),
    ),
    outputs=(
        Output("primary_organisation", "Şubede kalan", "money", main=True),
        Output("upper_bodies", "Üst kuruluşlara aktarılan", "money", main=True),
        Output("primary_share", "Şube payı", "rate"),
        Output("dues", "Aylık aidat", "money"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("Senim Tüzüğü", "4688 s.K. md.25"),
    example={"dues": "250", "preset": "senim"},
)
