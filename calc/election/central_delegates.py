"""election/central-delegates: the 200 delegates of the central general assembly over branches
and provincial representations (BAK-SEN Seçim Yön. md.36)."""

from __future__ import annotations

from ..errors import InputError
from ..fields import Field
from ..numbers import format_number
from ..calculator import Calculator, Context, Output
from .apportion import largest_remainder
from .common import (SET, settle_ties, approx, check_units, explain_apportionment, members_per_delegate, preset_field, rule,
                     unit_field)

KIND_LABELS = {"sube": "şube", "il_temsilciligi": "il temsilciliği"}


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    r = rule(ctx, "central_assembly", v["preset"])
    ref = r["reference"]
    ref_a, ref_b, ref_c = "BAK-SEN Seçim Yön. md.36/a", "BAK-SEN Seçim Yön. md.36/b", "BAK-SEN Seçim Yön. md.36/c"
    members = check_units(v["units"], "units", "Şubeler ve il temsilcilikleri")
    kinds = {" ".join(u["name"].split()): u["kind"] for u in v["units"]}
    seats_total = v["seats"] if v["seats"] is not None else r["seats"]
    seats_ref = ref if seats_total == r["seats"] else f"Girdi (yönetmelikte {r['seats']}: {ref})"
    minimum = r["minimum_per_unit"]
    n = len(members)
    if n * minimum > seats_total:
        raise InputError("units", f"“Şubeler ve il temsilcilikleri”: {n} birim var, ama {seats_total} delege ancak "
                                  f"{seats_total // minimum} birime birer delege verebilir; birim sayısı delege sayısını aşamaz")

    ex.add("Genel kurul delege sayısı", seats_total, seats_ref, "integer")
    total = ex.add("Toplam üye sayısı", sum(members.values()), ref_b, "integer")
    ex.add(f"Birim sayısı (şube ve il temsilciliği); her birime önce {minimum} delege", n * minimum, ref_a, "integer")
    result = largest_remainder(members, seats_total, minimum)
    ex.add("Kota ile dağıtılacak delege (kalan)", result.seats_left, ref_b, "integer")
    mpd = None
    if result.quota is not None:
        mpd = members_per_delegate(total, result.seats_left)
        ex.add(f"Bir delegeye düşen üye sayısı: {format_number(total, None)} ÷ {result.seats_left}", mpd, ref_b, "decimal",
               note="İki ondalık haneye yarım yukarı yuvarlanmış gösterim; hesapta tam kesir kullanılır.")
    explain_apportionment(ex, result, members, ref_b, ref_c)

    settled = settle_ties(result, v["lot_seed"], "Genel merkez genel kurulu delege dağılımı, son delegelikler",
                          ref_c, ex)
    seats, lot_obj, lot_record, unassigned = settled.seats, settled.lot, settled.record, settled.unassigned

    list_size = {}
    for name in members:
        mult = r["branch_list_multiplier"] if kinds[name] == "sube" else r["provincial_list_multiplier"]
        list_size[name] = seats[name] * mult
    ex.add("Sonuç: birimlerin delege sayıları", seats, ref, "table")
    ex.add(f"Seçilecek liste: şubeler delege sayısının {r['branch_list_multiplier']} katı, il temsilcilikleri "
           f"{r['provincial_list_multiplier']} katı; yedek {r['reserves']}", list_size, ref, "table")
    table = [{"name": n, "kind": KIND_LABELS[kinds[n]], "members": members[n], "first": minimum,
              "whole_quotas": result.whole.get(n, 0),
              "remainder": approx(result.remainders[n]) if result.remainders else None,
              "remainder_seat": n in result.remainder_winners or (lot_obj is not None and n in lot_obj["winners"]),
              "seats": seats[n], "list_size": list_size[n]} for n in members]
    return {"seats": seats, "list_size": list_size, "members_per_delegate": mpd, "lot": lot_obj,
            "unassigned_seats": unassigned, "total_members": total, "total_seats": seats_total,
            "table": table, "lot_record": lot_record}


EXAMPLE_UNITS = [
    {"name": "Ankara 1 No'lu Şube", "members": 4850},
    {"name": "Ankara 2 No'lu Şube", "members": 3120},
    {"name": "İstanbul Şube", "members": 5275},
    {"name": "İzmir Şube", "members": 2410},
    {"name": "Bursa Şube", "members": 1685},
    {"name": "Çanakkale Şube", "members": 1130},
    {"name": "Şanlıurfa Şube", "members": 1045},
    {"name": "Ağrı İl Temsilciliği", "members": 385, "kind": "il_temsilciligi"},
]

CALCULATOR = Calculator(
    id="election/central-delegates",
    title="Genel merkez genel kurulu delegelerinin şubelere dağılımı",
    description=(
        "Genel merkez genel kurulunun delegelerini (yönetmelikte 200) şubelere ve il temsilciliklerine dağıtır "
        "(BAK-SEN Seçim Yön. md.36). Okumamız: (a) her birim önce bir delege alır; (b) toplam üye sayısı kalan delege "
        "sayısına bölünür, bu bir delegeye düşen üye sayısıdır (kota); her birim üye sayısının içinde kaç tam kota "
        "varsa o kadar ek delege alır — birimin üye sayısından ilk delege için bir şey düşülmez; (c) kalan delegeler "
        "artığı en büyük birimlere birer birer verilir. Bütün bölmeler tam kesirle yapılır, yuvarlama yalnız "
        "gösterimdedir (delege başına üye iki ondalık, yarım yukarı). Son delegelik için artıklar tam eşitse kura "
        "çekilir: lot_seed verilirse kura SHA-256 ile tekrarlanabilir biçimde çekilir ve kura tutanağı metni üretilir; "
        "verilmezse eşit birimler bildirilir, o delegelikler kimseye yazılmaz ve sayısı unassigned_seats alanında "
        "gösterilir. Şubeler delege sayısının iki katı, il temsilcilikleri delege sayısı kadar aday seçer (list_size); "
        "yedek yoktur. En büyük artık yönteminde toplam delege sayısı değişince bir birimin delegesi azalabilir "
        "(Alabama paradoksu); aynı delege sayısında bir birimin üyesi artınca delegesi azalmaz."
    ),
    inputs=(
        Field("seats", "integer", "Genel kurul delege sayısı", default=200, min=1, max=10_000,
              help="Yönetmelikte 200; başka bir sayı yazarsanız adımlarda girdi olarak gösterilir."),
        unit_field("units", "Şubeler ve il temsilcilikleri", with_kind=True),
        Field("lot_seed", "text", "Kura tohumu (isteğe bağlı)",
              help="Artıklar eşit çıkarsa kurayı çekmek için kurulun belirlediği bir sözcük ya da sayı. "
                   "Aynı tohum her zaman aynı sonucu verir."),
        preset_field("central_assembly"),
    ),
    outputs=(
        Output("seats", "Delege sayıları", "table", chart="bars", main=True),
        Output("list_size", "Seçilecek liste büyüklüğü", "table", main=True),
        Output("members_per_delegate", "Bir delegeye düşen üye", "decimal"),
        Output("unassigned_seats", "Kura bekleyen delegelik", "integer"),
        Output("lot", "Kura", "text"),
        Output("lot_record", "Kura tutanağı", "text"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("BAK-SEN Seçim Yön. md.36",),
    example={"seats": 200, "units": EXAMPLE_UNITS},
)
