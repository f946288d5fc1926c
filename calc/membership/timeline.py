"""membership/timeline: from the day the application reached the employer to official membership and dues."""

from __future__ import annotations

from ..dates import add_days, add_working_days, days_between, format_date
from ..fields import Field
from ..calculator import Calculator, Context, Output

SET = "membership"

ACTIONS = (
    "Mutemetliğe (maaş bürosuna) sözlü olarak sorun: üyeliğinizin işlenip işlenmediğini ve aidat kesintisinin "
    "neden başlamadığını öğrenin, mümkünse yazılı bir belge isteyin.",
    "Sonuç alamazsanız kurumunuza bilgi edinme dilekçesi verin (4982 s.K.): başvuru tarihinizi ve üyeliğinizin "
    "işlem durumunu yazılı olarak sorun. Bu sitedeki dilekçe aracı metni hazırlar.",
    "Elinize geçen belgeyi (mutemetlik yazısı ya da bilgi edinme cevabı) şubenize ya da sendikanıza iletin; "
    "sendika gerekirse kurum nezdinde girişimde bulunur.",
)


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    t = ctx.table(SET, v["submitted_on"])
    submitted = v["submitted_on"]
    ex.add("Başvurunun işverene teslim edildiği gün", submitted, "Girdi")
    official_by = add_days(submitted, t["official_days"])
    ex.add(f"Üyeliğin olağan olarak resmîleştiği son gün (+{t['official_days']} gün)", official_by, t.ref("official_days"))
    latest_by = add_days(submitted, t["latest_days"])
    ex.add(f"Aidat kesintisinin en geç başlaması gereken gün (+{t['latest_days']} gün)", latest_by, t.ref("latest_days"))
    for i, action in enumerate(ACTIONS, 1):
        ex.add(f"{format_date(latest_by)} geçtiği hâlde üyelik pasifse: {i}. adım", action,
               "HEKİMSEN üyelik rehberi" if i != 2 else t.ref("info_request_working_days"))

    result = {"submitted_on": submitted, "official_by": official_by, "latest_by": latest_by,
              "actions": list(ACTIONS), "today": v["today"] or ctx.on, "stage": None, "days_since_submission": None,
              "info_request_answer_by": None}
    today = v["today"] or ctx.on  # an empty “today” is the day of the computation, never the example's day
    if today is not None:
        elapsed = days_between(submitted, today)
        result["days_since_submission"] = elapsed
        if elapsed < 0:
            stage = "Başvuru tarihi bugünden sonra: tarihleri kontrol edin."
            ex.warn(stage)
        elif today <= official_by:
            stage = f"Olağan süre içindesiniz: üyeliğin {format_date(official_by)} gününe kadar resmîleşmesi beklenir."
        elif today <= latest_by:
            stage = (f"Olağan süre geçti; aidat kesintisi en geç {format_date(latest_by)} gününe kadar bordroda görünmeli. "
                     "Bordronuzu kontrol edin.")
        else:
            answer_by = add_working_days(today, t["info_request_working_days"])
            result["info_request_answer_by"] = answer_by
            stage = ("En geç süre de geçti: üyeliğiniz hâlâ pasifse aşağıdaki adımları bugün başlatın. "
                     f"Bilgi edinme dilekçesini bugün verirseniz cevap en geç {format_date(answer_by)} gününe kadar gelmeli "
                     f"({t['info_request_working_days']} iş günü; resmî tatiller bu hesaba katılmadı, varsa süre uzar).")
            ex.add("Bugün verilen bilgi edinme dilekçesinin cevap süresi sonu", answer_by, t.ref("info_request_working_days"))
        result["stage"] = stage
        ex.add(f"Bugün ({format_date(today)}): başvurudan bu yana {elapsed} gün", stage, "")
    return result


CALCULATOR = Calculator(
    id="membership/timeline",
    title="Üyelik süreci: başvurudan aidat kesintisine",
    description=(
        "Sendika üyelik başvurunuzun işverene teslim edildiği günden başlayarak üyeliğin olağan olarak resmîleştiği "
        "günü (30 gün) ve aidat kesintisinin en geç başlaması gereken günü (60 gün) verir; o tarihten sonra üyelik "
        "hâlâ pasifse ne yapacağınızı sıralar; bugüne (ya da yazdığınız güne) göre süreçte nerede olduğunuzu söyler. Günler "
        "takvim günüdür ve teslim günü sayılmaz; bilgi edinme cevabının iş günü hesabında hafta sonları atlanır, "
        "resmî tatiller atlanmaz."
    ),
    inputs=(
        Field("submitted_on", "date", "Başvurunun işverene teslim tarihi", required=True,
              help="Üyelik formunun (ya da e-Devlet başvurusunun) kurumunuza ulaştığı gün."),
        Field("today", "date", "Bugünün tarihi (boşsa bugün)",
              help="Süreçte nerede olduğunuzu bu güne göre gösterir; başka bir günü denemek için değiştirin."),
    ),
    outputs=(
        Output("official_by", "Üyeliğin olağan olarak resmîleştiği gün", "date", main=True),
        Output("latest_by", "Aidat kesintisinin en geç başlayacağı gün", "date", main=True),
        Output("stage", "Bugünkü durum", "text"),
        Output("info_request_answer_by", "Bilgi edinme cevabının en geç geleceği gün", "date"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("4688 s.K. md.14, md.25", "4982 s.K. md.11", "HEKİMSEN üyelik rehberi"),
    example={"submitted_on": "2026-09-01"},  # “today” stays empty: the page shows the reader's own day
)
