"""election/branch-delegates: does a branch meet with all its members or with delegates, and how many
delegates each workplace elects (BAK-SEN Seçim Yön. md.12)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError
from ..fields import Field
from ..numbers import format_number, format_percent
from ..calculator import Calculator, Context, Output
from .apportion import largest_remainder
from .common import SET, check_units, settle_ties, explain_apportionment, members_per_delegate, preset_field, rule, unit_field

ROUNDINGS = {
    "down": ("aşağı yuvarlanır (kesir atılır)", math.floor),
    "up": ("yukarı yuvarlanır", math.ceil),
    "half_up": ("en yakın tam sayıya, yarım yukarı", lambda f: math.floor(f + Fraction(1, 2))),
}


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    r = rule(ctx, "branch_assembly", v["preset"])
    ref = r["reference"]
    members = v["members"]
    ex.add("Şubenin üye sayısı", members, "Girdi", "integer")
    limit = r["all_members_max"]
    empty = {"members": members, "elected_delegates": 0, "natural_delegates": 0, "total_delegates": members,
             "members_per_delegate": None, "by_workplace": {}, "lot": None, "lot_record": None,
             "unassigned_delegates": 0, "delegate_share": None}
    if members <= limit:
        empty["assembly"] = "members"
        empty["assembly_label"] = "Tüm üyelerle"
        ex.add(f"Üye sayısı sınırı ({format_number(limit, None)}) aşmıyor: genel kurul tüm üyelerle toplanır",
               "üyelerle", ref, "text")
        if v["workplaces"]:
            ex.warn("Genel kurul üyelerle toplandığı için iş yerlerine delege dağıtılmadı.")
        return empty

    rate = Decimal(r["delegate_rate"])
    word, rounder = ROUNDINGS[r["delegate_rounding"]]
    share = Fraction(members) * Fraction(rate)
    raw = rounder(share)
    ex.add(f"Üye sayısı sınırın ({format_number(limit, None)}) üstünde: genel kurul delegelerle toplanır; "
           f"üyelerin {format_percent(rate)} oranı = {format_number(members, None)} × {format_number(rate, None)}",
           Decimal(share.numerator) / Decimal(share.denominator), ref, "decimal")
    ex.add(f"Tam sayıya: {word}", raw, ref, "integer")
    elected = min(max(raw, r["min_delegates"]), r["max_delegates"])
    if elected != raw:
        ex.add(f"Sınır: en az {r['min_delegates']}, en çok {r['max_delegates']} delege", elected, ref, "integer")
    ex.add("Üyelerin seçeceği delege", elected, ref, "integer")
    natural = v["board_members"] + v["audit_members"]
    ex.add(f"Tabii delege: yönetim kurulu ({v['board_members']}) + denetleme kurulu ({v['audit_members']}) asıl üyeleri",
           natural, ref, "integer")
    total = ex.add("Genel kurul delege tamsayısı", elected + natural, ref, "integer")
    mpd = members_per_delegate(members, elected)
    ex.add(f"Bir delegeye düşen üye: {format_number(members, None)} ÷ {elected}", mpd, ref, "decimal",
           note="İki ondalık haneye yarım yukarı yuvarlanmış gösterim.")

    by_workplace, lot_obj, lot_record, unassigned = {}, None, None, 0
    if v["workplaces"]:
        wp = check_units(v["workplaces"], "workplaces", "İş yerleri")
        minimum = 1 if v["workplace_minimum_one"] else 0
        if minimum and len(wp) > elected:
            raise InputError("workplaces", f"“İş yerleri”: {len(wp)} iş yeri var, {elected} delege her birine "
                                           "birer delege vermeye yetmez; “her iş yerine en az bir delege” seçeneğini kaldırın")
        wp_total = sum(wp.values())
        if wp_total != members:
            ex.warn(f"İş yerlerinin üye toplamı ({format_number(wp_total, None)}) şubenin üye sayısından "
                    f"({format_number(members, None)}) farklı: dağıtım iş yerlerinin toplamına göre yapıldı.")
        wp_ref = "BAK-SEN Seçim Yön. md.12: delegeler iş yeri birimlerince seçilir; üyeleriyle orantılı dağılım, en büyük artık (Hesap okuması)"
        if minimum:
            ex.add("Her iş yerine önce bir delege", len(wp), wp_ref, "integer")
        result = largest_remainder(wp, elected, minimum)
        explain_apportionment(ex, result, wp, wp_ref, wp_ref)
        settled = settle_ties(result, v["lot_seed"], "Şube delegelerinin iş yerlerine dağılımı, son delegelikler",
                              wp_ref, ex)
        by_workplace, lot_obj, lot_record, unassigned = settled.seats, settled.lot, settled.record, settled.unassigned
        ex.add("İş yerlerinin seçeceği delege", by_workplace, wp_ref, "table")
    return {"assembly": "delegates", "assembly_label": "Delegelerle", "members": members, "elected_delegates": elected, "natural_delegates": natural,
            "total_delegates": total, "members_per_delegate": mpd, "by_workplace": by_workplace, "lot": lot_obj,
            "lot_record": lot_record, "unassigned_delegates": unassigned, "delegate_share": rate}


CALCULATOR = Calculator(
    id="election/branch-delegates",
    title="Şube genel kurulu: üyelerle mi, kaç delegeyle?",
    description=(
        "Bir şubenin genel kurulunun tüm üyelerle mi delegelerle mi toplanacağını ve delege sayısını verir "
        "(BAK-SEN Seçim Yön. md.12): 1.000 üyeye kadar genel kurul üyelerle toplanır (bu durumda total_delegates "
        "genel kurula katılma hakkı olan üye sayısıdır); üstünde üyelerin %10'u kadar delege seçilir, en az 50, "
        "en çok 200; yönetim ve denetleme kurullarının asıl üyeleri tabii delegedir. Okumalarımız: %10 kesirli "
        "çıkarsa aşağı yuvarlanır (parametre dosyasında değiştirilebilir); delegeler iş yerlerine üye sayılarıyla "
        "orantılı, en büyük artık yöntemiyle dağıtılır — yönetmelik iş yeri başına en az bir delege öngörmez, "
        "isterseniz seçenekle açabilirsiniz; artıklar eşitse kura çekilir (tohum verilmezse o delegelikler "
        "yazılmaz, unassigned_delegates). İş yerlerinin toplamı şubenin üye sayısından farklıysa uyarılır, "
        "dağıtım iş yerlerinin toplamına göre yapılır."
    ),
    inputs=(
        Field("members", "integer", "Şubenin üye sayısı", default=1640, required=True, min=1, max=10_000_000),
        Field("board_members", "integer", "Şube yönetim kurulu asıl üye sayısı", default=7, min=0, max=100),
        Field("audit_members", "integer", "Şube denetleme kurulu asıl üye sayısı", default=3, min=0, max=100),
        unit_field("workplaces", "İş yerleri (isteğe bağlı)", min_items=0,
                   help="Delegeleri iş yerlerine dağıtmak için: her satır bir iş yeri ve üye sayısı."),
        Field("workplace_minimum_one", "bool", "Her iş yerine en az bir delege", default=False,
              help="Yönetmelikte yok; kurulunuz böyle karar verdiyse işaretleyin."),
        Field("lot_seed", "text", "Kura tohumu (isteğe bağlı)",
              help="İş yerlerinin artıkları eşit çıkarsa kurayı çekmek için."),
        preset_field("branch_assembly"),
    ),
    outputs=(
        Output("assembly_label", "Genel kurul nasıl toplanır", "text", main=True),
        Output("total_delegates", "Genel kurul delege tamsayısı", "integer", main=True),
        Output("elected_delegates", "Seçilecek delege", "integer"),
        Output("natural_delegates", "Tabii delege", "integer"),
        Output("members_per_delegate", "Bir delegeye düşen üye", "decimal"),
        Output("by_workplace", "İş yerlerine göre delege", "table", chart="bars"),
        Output("lot_record", "Kura tutanağı", "text"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("BAK-SEN Seçim Yön. md.12",),
    example={"members": 1640, "board_members": 7, "audit_members": 3,
             "workplaces": [{"name": "İl Müdürlüğü", "members": 640}, {"name": "Devlet Hastanesi", "members": 585},
                            {"name": "Eğitim ve Araştırma Hastanesi", "members": 290},
                            {"name": "Ağız ve Diş Sağlığı Merkezi", "members": 125}]},
)
