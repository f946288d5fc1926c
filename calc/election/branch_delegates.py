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
from ..explain import rows_csv
from . import records
from .apportion import largest_remainder
from .common import (SET, allocation_rows, check_units, explain_apportionment, hand_drawn, lot_winners_field,
                     members_per_delegate, no_lot_needed, preset_field, record_fields, rule, rule_refs, settle_ties,
                     total_row, unit_field)

COLUMNS = (("name", "İş yeri", "text"), ("members", "Üye", "integer"), ("first", "İlk delege", "integer"),
           ("whole_quotas", "Tam kota", "integer"), ("remainder", "Artık", "decimal"),
           ("remainder_seat", "Artıktan delege", "integer"), ("seats", "Delege", "integer"), ("note", "Not", "text"))

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
             "members_per_delegate": None, "by_workplace": {}, "lot": None, "lot_record": None, "lot_text": None,
             "unassigned_delegates": 0, "delegate_share": None, "workplace_table": [], "allocation_record": None,
             "table_csv": None}
    if members <= limit:
        empty["assembly"] = "members"
        empty["assembly_label"] = "Tüm üyelerle"
        ex.add(f"Üye sayısı sınırı ({format_number(limit, None)}) aşmıyor: genel kurul tüm üyelerle toplanır",
               "üyelerle", ref, "text")
        if v["workplaces"]:
            ex.warn("Genel kurul üyelerle toplandığı için iş yerlerine delege dağıtılmadı.")
        no_lot_needed(hand_drawn(v))
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

    out = {"assembly": "delegates", "assembly_label": "Delegelerle", "members": members, "elected_delegates": elected,
           "natural_delegates": natural, "total_delegates": total, "members_per_delegate": mpd, "by_workplace": {},
           "lot": None, "lot_record": None, "lot_text": None, "unassigned_delegates": 0, "delegate_share": rate,
           "workplace_table": [], "allocation_record": None, "table_csv": None}
    if not v["workplaces"]:
        no_lot_needed(hand_drawn(v))
        return out
    wp = check_units(v["workplaces"], "workplaces", "İş yerleri")
    minimum = 1 if v["workplace_minimum_one"] else 0
    if minimum and len(wp) > elected:
        raise InputError("workplaces", f"“İş yerleri”: {len(wp)} iş yeri var, {elected} delege her birine "
                                       "birer delege vermeye yetmez; “her iş yerine en az bir delege” seçeneğini kaldırın")
    wp_total = sum(wp.values())
    if wp_total != members:
        ex.warn(f"İş yerlerinin üye toplamı ({format_number(wp_total, None)}) şubenin üye sayısından "
                f"({format_number(members, None)}) farklı: dağıtım iş yerlerinin toplamına göre yapıldı.")
    wp_ref = r["ref_workplaces"]
    if minimum:
        ex.add("Her iş yerine önce bir delege", len(wp), wp_ref, "integer")
    result = largest_remainder(wp, elected, minimum)
    explain_apportionment(ex, result, wp, wp_ref, wp_ref)
    heading = tuple(records.heading("", v["election_name"], v["election_date"])[1:])
    settled = settle_ties(result, v, "Şube delegelerinin iş yerlerine dağılımı, son delegelikler", wp_ref, ex,
                          heading=heading, signatures=r["signatures"])
    ex.add("İş yerlerinin seçeceği delege", settled.seats, wp_ref, "table")
    rows = allocation_rows(result, wp, settled.seats, settled)
    pending = f"{settled.unassigned} delegelik kura bekliyor" if settled.unassigned else ""
    table = rows + [total_row(rows, ("members", "first", "whole_quotas", "remainder_seat", "seats"), pending)]
    facts = [("Şubenin üye sayısı", format_number(members, None)),
             ("Üyelerin seçeceği delege", str(elected)),
             ("Tabii delege (yönetim ve denetleme kurulları)", str(natural)),
             ("Genel kurul delege tamsayısı", str(total)),
             ("İş yeri sayısı", str(len(wp))),
             ("İş yerlerinin üye toplamı", format_number(wp_total, None))]
    if result.quota is not None:
        facts.append(("Bir delegeye düşen üye (kota)", format_number(members_per_delegate(wp_total, result.seats_left), None)))
    record = records.document("DELEGE DAĞILIM TUTANAĞI (şube genel kurulu, iş yerleri)", v["election_name"],
                              v["election_date"], [ref, wp_ref], facts, (COLUMNS, table),
                              [settled.text] if settled.text else [], r["signatures"])
    out.update({"by_workplace": settled.seats, "lot": settled.lot, "lot_record": settled.record, "lot_text": settled.text,
                "unassigned_delegates": settled.unassigned, "workplace_table": table, "allocation_record": record,
                "table_csv": rows_csv(COLUMNS, table)})
    return out


CALCULATOR = Calculator(
    id="election/branch-delegates",
    title="Şube genel kurulu: üyelerle mi, kaç delegeyle?",
    description=(
        "Bir şubenin genel kurulunun tüm üyelerle mi delegelerle mi toplanacağını ve delege sayısını verir; sınırlar "
        "ve maddeler seçilen sendikanın seçim yönetmeliğinden gelir, her adımda maddesi yazılır. Üye sayısı ön ayardaki "
        "sınıra kadar genel kurul tüm üyelerle toplanır (bu durumda total_delegates genel kurula katılma hakkı olan üye "
        "sayısıdır); üstünde üyelerin ön ayardaki oranı kadar delege seçilir (en az ve en çok sınırlarıyla); yönetim ve "
        "denetleme kurullarının asıl üyeleri tabii delegedir. Okumalarımız: oran kesirli çıkarsa ön ayardaki kurala göre "
        "yuvarlanır (varsayılanda aşağı); delegeler iş yerlerine üye sayılarıyla orantılı, en büyük artık yöntemiyle "
        "dağıtılır — yönetmelik iş yeri başına en az bir delege öngörmez, isterseniz seçenekle açabilirsiniz; artıklar "
        "eşitse kura çekilir: kurul elle çektiyse kazananlar “Kura sonucu” alanına yazılır, ya da tohumla çekilir; ikisi "
        "de yoksa o delegelikler yazılmaz (unassigned_delegates). İş yerlerinin toplamı şubenin üye sayısından farklıysa "
        "uyarılır, dağıtım iş yerlerinin toplamına göre yapılır. İş yeri tablosu toplam satırıyla, dağılım tutanağı ve "
        "kura tutanağı yazdırılabilir, tablo CSV olarak indirilebilir."
    ),
    inputs=(
        Field("members", "integer", "Şubenin üye sayısı", required=True, min=1, max=10_000_000),
        Field("board_members", "integer", "Şube yönetim kurulu asıl üye sayısı", default=7, min=0, max=100),
        Field("audit_members", "integer", "Şube denetleme kurulu asıl üye sayısı", default=3, min=0, max=100),
        unit_field("workplaces", "İş yerleri (isteğe bağlı)", min_items=0,
                   help="Delegeleri iş yerlerine dağıtmak için: her satır bir iş yeri ve üye sayısı."),
        Field("workplace_minimum_one", "bool", "Her iş yerine en az bir delege", default=False,
              help="Yönetmelikte yok; kurulunuz böyle karar verdiyse işaretleyin."),
        Field("lot_seed", "text", "Kura tohumu (isteğe bağlı)",
              help="İş yerlerinin artıkları eşit çıkarsa kurayı çekmek için."),
        lot_winners_field(),
        *record_fields(),
        preset_field("branch_assembly"),
    ),
    outputs=(
        Output("assembly_label", "Genel kurul nasıl toplanır", "text", main=True),
        Output("total_delegates", "Genel kurul delege tamsayısı", "integer", main=True),
        Output("elected_delegates", "Seçilecek delege", "integer"),
        Output("natural_delegates", "Tabii delege", "integer"),
        Output("members_per_delegate", "Bir delegeye düşen üye", "decimal"),
        Output("by_workplace", "İş yerlerine göre delege", "table", chart="bars"),
        Output("workplace_table", "İş yerlerine dağılım", "rows", columns=COLUMNS, total=True),
        Output("unassigned_delegates", "Kura bekleyen delegelik", "integer"),
        Output("lot_text", "Kura", "text"),
        Output("allocation_record", "Dağılım tutanağı", "text", filename="delege-dagilim-tutanagi.txt"),
        Output("lot_record", "Kura tutanağı", "text", filename="kura-tutanagi.txt"),
        Output("table_csv", "İş yeri tablosu (CSV)", "download", filename="is-yeri-delegeleri.csv"),
    ),
    compute=compute,
    parameter_set=SET,
    references=rule_refs("branch_assembly", "reference", "ref_workplaces"),
    csv_table="workplace_table",
    example={"members": 1640, "board_members": 7, "audit_members": 3,
             "workplaces": [{"name": "İl Müdürlüğü", "members": 640}, {"name": "Devlet Hastanesi", "members": 585},
                            {"name": "Eğitim ve Araştırma Hastanesi", "members": 290},
                            {"name": "Ağız ve Diş Sağlığı Merkezi", "members": 125}]},
)
