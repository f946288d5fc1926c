"""election/quorum: meeting and decision quorums of a general assembly, and the signatures a request
or a nomination needs (the preset's articles; BAK-SEN: md.25, md.26, md.34)."""

from __future__ import annotations

from ..errors import InputError
from ..fields import Field
from ..calculator import Calculator, Context, Output
from .common import SET, at_least, fraction, more_than, preset_field, rule, rule_refs



def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    r = rule(ctx, "quorum", v["preset"])
    REF_25, REF_26, REF_34 = r["ref_meeting"], r["ref_decision"], r["ref_nomination"]
    n = v["delegates"]
    ex.add("Genel kurul delege (üye) tamsayısı", n, "Girdi", "integer")
    first = more_than(n, fraction(r["first_meeting"]))
    ex.add(f"Birinci toplantı yeter sayısı: salt çoğunluk, tamsayı × {r['first_meeting']} sayısından fazlası", first, REF_25, "integer")
    second = at_least(n, fraction(r["second_meeting"]))
    ex.add(f"İkinci toplantı ({r['second_meeting_within_days']} gün içinde) yeter sayısı: en az tamsayı × {r['second_meeting']}, yukarı yuvarlanır",
           second, REF_25, "integer")
    floor_all = at_least(n, fraction(r["decision_min_of_all"]))
    ex.add(f"Karar için alt sınır: en az tamsayı × {r['decision_min_of_all']}, yukarı yuvarlanır", floor_all, REF_26, "integer")
    extraordinary = at_least(n, fraction(r["extraordinary_request"]))
    ex.add(f"Olağanüstü genel kurul için gereken yazılı istek (en az tamsayı × {r['extraordinary_request']}); "
           f"genel kurul {r['extraordinary_within_days']} gün içinde toplanır", extraordinary, REF_26, "integer")
    nomination = at_least(n, fraction(r["nomination"]))
    ex.add(f"Aday göstermek için gereken delege (en az tamsayı × {r['nomination']})", nomination, REF_34, "integer")

    result = {"delegates": n, "first_meeting_quorum": first, "second_meeting_quorum": second,
              "decision_minimum_of_all": floor_all, "extraordinary_request_signatures": extraordinary,
              "extraordinary_within_days": r["extraordinary_within_days"],
              "nomination_signatures": nomination, "second_meeting_within_days": r["second_meeting_within_days"],
              "meeting": v["meeting"], "present": v["present"], "quorate": None, "decision_needs": None}
    present = v["present"]
    if present is not None:
        if present > n:
            raise InputError("present", f"“Toplantıya katılan”: {present} kişi tamsayıdan ({n}) fazla olamaz")
        needed = first if v["meeting"] == "first" else second
        quorate = present >= needed
        ex.add(f"Katılan {present}, gereken {needed}: toplantı yeter sayısı", "var" if quorate else "yok", REF_25, "text")
        result["quorate"] = quorate
        if quorate:
            majority = more_than(present, fraction("1/2"))
            needs = max(majority, floor_all)
            ex.add(f"Karar için: katılanların salt çoğunluğu ({majority}) ama en az {floor_all}", needs, REF_26, "integer")
            result["decision_needs"] = needs
            result["decision_majority_of_present"] = majority
        elif v["meeting"] == "first":
            ex.warn(f"Birinci toplantıda yeter sayı yok: ikinci toplantı {r['second_meeting_within_days']} gün içinde "
                    f"yapılır ve en az {second} delege gerekir.")
        else:
            ex.warn("İkinci toplantıda da yeter sayı yok: genel kurul karar alamaz.")
    return result


CALCULATOR = Calculator(
    id="election/quorum",
    title="Genel kurul yeter sayıları",
    description=(
        "Genel kurulun toplanması ve karar alması için gereken sayılar; oranlar, süreler ve maddeler seçilen "
        "sendikanın seçim yönetmeliğinden gelir, her adımda maddesi yazılır. Varsayılan ön ayarda: birinci "
        "toplantıda delege tamsayısının salt çoğunluğu, olmazsa 15 gün içindeki ikinci toplantıda en az üçte biri; "
        "kararlar katılanların salt çoğunluğuyla, ama hiçbir zaman tamsayının dörtte birinden az oyla alınamaz; "
        "delegelerin beşte birinin yazılı isteğiyle 60 gün içinde olağanüstü genel kurul; beşte biri aday "
        "gösterebilir. Okumalarımız: salt çoğunluk yarıdan fazlası, yani ⌊n/2⌋+1; “en az üçte bir/dörtte bir/beşte "
        "bir” kesir çıkarsa yukarı yuvarlanır (bir kişinin kesri olmaz, oranın altına inilmez); “katılanlar” "
        "toplantıda hazır bulunan delegelerdir, oy kullanmayan da sayılır."
    ),
    inputs=(
        Field("delegates", "integer", "Delege (üye) tamsayısı", required=True, min=1, max=1_000_000),
        Field("present", "integer", "Toplantıya katılan (isteğe bağlı)", min=0, max=1_000_000),
        Field("meeting", "choice", "Toplantı", default="first",
              choices=(("first", "Birinci toplantı"), ("second", "İkinci toplantı"))),
        preset_field("quorum"),
    ),
    outputs=(
        Output("quorate", "Toplantı yeter sayısı var mı", "text", main=True),
        Output("decision_needs", "Karar için gereken oy", "integer", main=True),
        Output("first_meeting_quorum", "Birinci toplantı yeter sayısı", "integer"),
        Output("second_meeting_quorum", "İkinci toplantı yeter sayısı", "integer"),
        Output("decision_minimum_of_all", "Karar için alt sınır (tamsayının dörtte biri)", "integer"),
        Output("extraordinary_request_signatures", "Olağanüstü toplantı için imza", "integer"),
        Output("nomination_signatures", "Aday göstermek için imza", "integer"),
    ),
    compute=compute,
    parameter_set=SET,
    references=rule_refs("quorum", "ref_meeting", "ref_decision", "ref_nomination"),
    example={"delegates": 210, "present": 98, "meeting": "first"},
)
