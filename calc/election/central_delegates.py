"""election/central-delegates: the 200 delegates of the central general assembly over branches
and provincial representations (BAK-SEN Seçim Yön. md.36)."""

from __future__ import annotations

from ..errors import InputError
from ..explain import rows_csv
from ..fields import Field
from ..numbers import format_number
from ..calculator import Calculator, Context, Output
from . import records
from .apportion import largest_remainder
from .common import (SET, allocation_rows, default_rule, check_units, explain_apportionment, lot_winners_field, members_per_delegate,
                     preset_field, record_fields, rule, rule_refs, settle_ties, total_row, unit_field)

KIND_LABELS = {"sube": "şube", "il_temsilciligi": "il temsilciliği"}

COLUMNS = (("name", "Birim", "text"), ("kind", "Tür", "text"), ("members", "Üye", "integer"),
           ("first", "İlk delege", "integer"), ("whole_quotas", "Tam kota", "integer"), ("remainder", "Artık", "decimal"),
           ("remainder_seat", "Artıktan delege", "integer"), ("seats", "Toplam delege", "integer"),
           ("list_size", "Liste", "integer"), ("note", "Not", "text"))


def record_heading(v: dict) -> tuple[str, ...]:
    return tuple(records.heading("", v["election_name"], v["election_date"])[1:])


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    r = rule(ctx, "central_assembly", v["preset"])
    ref_a, ref_b, ref_c = r["ref_first"], r["ref_quota"], r["ref_remainder"]
    members = check_units(v["units"], "units", "Şubeler ve il temsilcilikleri")
    kinds = {" ".join(u["name"].split()): u["kind"] for u in v["units"]}
    seats_total = v["seats"] if v["seats"] is not None else r["seats"]
    seats_ref = r["ref_seats"] if seats_total == r["seats"] else f"Girdi (yönetmelikte {r['seats']}: {r['ref_seats']})"
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

    settled = settle_ties(result, v, "Genel merkez genel kurulu delege dağılımı, son delegelikler", ref_c, ex,
                          heading=record_heading(v), signatures=r["signatures"])
    seats = settled.seats

    list_size = {}
    for name in members:
        mult = r["branch_list_multiplier"] if kinds[name] == "sube" else r["provincial_list_multiplier"]
        list_size[name] = seats[name] * mult
    ex.add("Sonuç: birimlerin delege sayıları", seats, r["ref_seats"], "table")
    ex.add(f"Seçilecek liste: şubeler delege sayısının {r['branch_list_multiplier']} katı, il temsilcilikleri "
           f"{r['provincial_list_multiplier']} katı; yedek {r['reserves']}", list_size, r["ref_lists"], "table")
    rows = allocation_rows(result, members, seats, settled)
    for row in rows:
        row["kind"] = KIND_LABELS[kinds[row["name"]]]
        row["list_size"] = list_size[row["name"]]
    pending = f"{settled.unassigned} delegelik kura bekliyor" if settled.unassigned else ""
    table = rows + [total_row(rows, ("members", "first", "whole_quotas", "remainder_seat", "seats", "list_size"), pending)]
    table[-1]["kind"] = ""
    facts = [("Genel kurul delege sayısı", format_number(seats_total, None)),
             ("Şube ve il temsilciliği sayısı", str(n)),
             ("Toplam üye sayısı", format_number(total, None)),
             ("Her birime önce verilen delege", str(minimum)),
             ("Kota ile dağıtılan delege", str(result.seats_left))]
    if mpd is not None:
        facts.append(("Bir delegeye düşen üye (kota)", format_number(mpd, None)))
    closing = [settled.text] if settled.text else []
    record = records.document("DELEGE DAĞILIM TUTANAĞI (genel merkez genel kurulu)", v["election_name"], v["election_date"],
                              [r["ref_seats"], ref_a, ref_b, ref_c, r["ref_lists"]], facts, (COLUMNS, table), closing,
                              r["signatures"])
    return {"seats": seats, "list_size": list_size, "members_per_delegate": mpd, "lot": settled.lot,
            "lot_text": settled.text, "unassigned_seats": settled.unassigned, "total_members": total,
            "total_seats": seats_total, "table": table, "allocation_record": record, "table_csv": rows_csv(COLUMNS, table),
            "lot_record": settled.record}


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
        "Genel merkez genel kurulunun delegelerini şubelere ve il temsilciliklerine dağıtır; sayılar ve maddeler "
        "seçilen sendikanın seçim yönetmeliğinden gelir, her adımda maddesi yazılır. Okumamız: (a) her birim önce bir "
        "delege alır; (b) toplam üye sayısı kalan delege sayısına bölünür, bu bir delegeye düşen üye sayısıdır (kota); "
        "her birim üye sayısının içinde kaç tam kota varsa o kadar ek delege alır — birimin üye sayısından ilk delege "
        "için bir şey düşülmez; (c) kalan delegeler artığı en büyük birimlere birer birer verilir. Bütün bölmeler tam "
        "kesirle yapılır, yuvarlama yalnız gösterimdedir (delege başına üye iki ondalık, yarım yukarı). Son delegelik "
        "için artıklar tam eşitse kura çekilir: kurul kurayı elle çektiyse kazananlar “Kura sonucu” alanına yazılır "
        "(yalnız eşit birimlerden, kura ile belirlenecek delegelik sayısı kadar); ya da kurulun tohumuyla SHA-256 "
        "kurası tekrarlanabilir biçimde çekilir; ikisi de yoksa eşit birimler bildirilir, o delegelikler kimseye "
        "yazılmaz (unassigned_seats). Şubeler delege sayısının ön ayardaki katı, il temsilcilikleri kendi katı kadar "
        "aday seçer (list_size). Birim başına tablo toplam satırıyla, dağılım tutanağı ve kura tutanağı yazdırılabilir, "
        "tablo CSV olarak indirilebilir. En büyük artık yönteminde toplam delege sayısı değişince bir birimin delegesi "
        "azalabilir (Alabama paradoksu); aynı delege sayısında bir birimin üyesi artınca delegesi azalmaz."
    ),
    inputs=(
        Field("seats", "integer", "Genel kurul delege sayısı (boşsa yönetmelikteki)", min=1, max=10_000,
              help="Boş bırakılırsa seçilen sendikanın yönetmeliğindeki sayı (varsayılan ön ayarda "
                   f"{default_rule('central_assembly')['seats']}) kullanılır; başka bir sayı yazarsanız adımlarda girdi olarak gösterilir."),
        unit_field("units", "Şubeler ve il temsilcilikleri", with_kind=True),
        Field("lot_seed", "text", "Kura tohumu (isteğe bağlı)",
              help="Artıklar eşit çıkarsa kurayı çekmek için kurulun belirlediği bir sözcük ya da sayı. "
                   "Aynı tohum her zaman aynı sonucu verir."),
        lot_winners_field(),
        *record_fields(),
        preset_field("central_assembly"),
    ),
    outputs=(
        Output("table", "Birimlere göre dağılım", "rows", columns=COLUMNS, total=True, main=True),
        Output("seats", "Delege sayıları", "table", chart="bars"),
        Output("list_size", "Seçilecek liste büyüklüğü", "table"),
        Output("members_per_delegate", "Bir delegeye düşen üye", "decimal"),
        Output("unassigned_seats", "Kura bekleyen delegelik", "integer"),
        Output("lot_text", "Kura", "text"),
        Output("allocation_record", "Dağılım tutanağı", "text", filename="delege-dagilim-tutanagi.txt"),
        Output("lot_record", "Kura tutanağı", "text", filename="kura-tutanagi.txt"),
        Output("table_csv", "Dağılım tablosu (CSV)", "download", filename="delege-dagilimi.csv"),
    ),
    compute=compute,
    parameter_set=SET,
    references=rule_refs("central_assembly", "ref_seats", "ref_first", "ref_quota", "ref_remainder"),
    csv_table="table",
    example={"seats": 200, "units": EXAMPLE_UNITS},
)
