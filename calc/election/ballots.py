"""election/ballots: which papers are valid, the votes, who is elected and any lot
(BAK-SEN Seçim Yön. md.5, md.19, md.20)."""

from __future__ import annotations

from ..errors import InputError
from ..fields import Field
from ..calculator import Calculator, Context, Output
from ..text import sort_key, sort_turkish, tr_lower
from . import lot
from .common import SET, preset_field, rule

REF_19 = "BAK-SEN Seçim Yön. md.19"
REF_20 = "BAK-SEN Seçim Yön. md.20"
REF_ORDER = "BAK-SEN Seçim Yön. md.5, md.15, md.36: adlar ad ve soyada göre Türk alfabesi sırasıyla"

# md.19: the first reason that applies is the one reported for an invalid paper.
REASONS = {
    "papers": "zarftan birden fazla pusula çıktı",
    "empty": "zarf boş çıktı",
    "other_paper": "oy başka kâğıda yazılmış",
    "unsigned": "pusulada kurul mührü/imzası yok",
    "identifying": "pusulada oy vereni belli eden işaret var",
    "too_many": "seçilecek sayıdan fazla aday işaretlenmiş",
}


def _key(name: str) -> str:
    return tr_lower(" ".join(name.split()))


def _candidates(rows: list[dict]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, row in enumerate(rows):
        name = " ".join(row["name"].split())
        path = f"candidates[{i}].name"
        if not name:
            raise InputError(path, f"“Adaylar”: {i + 1}. satır boş")
        if _key(name) in seen:
            raise InputError(path, f"“Adaylar”: “{name}” {seen[_key(name)] + 1}. satırda da yazılmış; her aday bir kez yazılmalı")
        seen[_key(name)] = i
        out.append(name)
    return out


def judge(ballot: dict, by_key: dict[str, str], seats: int, max_papers: int) -> tuple[str | None, list[str], int]:
    """md.19 for one envelope: (reason it is invalid or None, candidates it votes for, void marks)."""
    marked: list[str] = []
    void = 0
    for mark in ballot["marks"]:
        name = by_key.get(_key(mark["name"]))
        if name is None:
            void += 1                       # md.19: a name that is not a candidate is void, the paper stays valid
        elif name not in marked:
            marked.append(name)             # a candidate marked twice on one paper gets one vote
    if ballot["papers"] > max_papers:
        return "papers", [], void
    if ballot["papers"] == 0:
        return "empty", [], void
    if ballot["other_paper"]:
        return "other_paper", [], void
    if not ballot["committee_signed"]:
        return "unsigned", [], void
    if ballot["identifying_mark"]:
        return "identifying", [], void
    if len(marked) > seats:
        return "too_many", [], void
    return None, marked, void


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    r = rule(ctx, "ballots", v["preset"])
    seats = v["seats"]
    candidates = _candidates(v["candidates"])
    ordered = sort_turkish(candidates)
    ex.add("Adaylar (Türk alfabesine göre ad ve soyad sırası)", ", ".join(ordered), REF_ORDER, "text")
    ex.add("Seçilecek sayı", seats, "Girdi", "integer")
    by_key = {_key(c): c for c in candidates}
    envelopes = v["ballots"]
    ex.add("Sandıktan çıkan zarf", len(envelopes), "Girdi", "integer")

    destroyed: list[int] = []
    excess = 0
    final = True
    lot_record_env = None
    if v["signed_voters"] is not None and len(envelopes) > v["signed_voters"]:
        excess = len(envelopes) - v["signed_voters"]
        ex.add(f"Listeyi imzalayan seçmen {v['signed_voters']}: fazla zarf (açılmadan kura ile imha edilir)",
               excess, REF_19, "integer")
        labels = [f"{i}. zarf" for i in range(1, len(envelopes) + 1)]
        if excess == len(envelopes):
            destroyed = list(range(1, len(envelopes) + 1))
        elif v["lot_seed"]:
            drawn = lot.draw(v["lot_seed"], labels, excess)
            destroyed = sorted(int(w.split(".")[0]) for w in drawn.winners)
            lot_record_env = lot.record_text("Fazla zarfların kura ile imhası", labels, excess, drawn, REF_19, "imha edilecek zarf")
        else:
            final = False
            lot_record_env = lot.record_text("Fazla zarfların kura ile imhası", labels, excess, None, REF_19, "imha edilecek zarf")
            ex.warn(f"Zarf sayısı imza sayısından {excess} fazla: bu zarflar kura ile seçilip açılmadan imha edilir. "
                    "“Kura tohumu” girilmediği için hangi zarfların imha edileceği belli değil; aşağıdaki sayım "
                    "bütün zarfları içerir ve kesin değildir, seçilenler yazılmadı.")
        if destroyed:
            ex.add("İmha edilen zarflar (sıra numarası)", ", ".join(map(str, destroyed)), REF_19, "text")

    votes = {c: 0 for c in ordered}
    reasons = {k: 0 for k in REASONS}
    valid = invalid = blank = void_marks = 0
    for i, ballot in enumerate(envelopes, 1):
        if i in destroyed:
            continue
        reason, marked, void = judge(ballot, by_key, seats, r["max_papers_per_envelope"])
        if reason:
            invalid += 1
            reasons[reason] += 1
            continue
        valid += 1
        void_marks += void
        blank += not marked
        for c in marked:
            votes[c] += 1
    for k, text in REASONS.items():
        if reasons[k]:
            ex.add(f"Geçersiz: {text}", reasons[k], REF_19, "integer")
    ex.add("Geçerli oy pusulası", valid, REF_19, "integer")
    ex.add("Geçersiz oy pusulası", invalid, REF_19, "integer")
    if void_marks:
        ex.add("Aday olmayan adlara konan işaret (yalnız o ad için sayılmadı, pusula geçerli)", void_marks, REF_19, "integer")
    if blank:
        ex.add("Geçerli ama hiçbir adayı işaretlemeyen pusula", blank, REF_19, "integer")

    ranking = sorted(ordered, key=lambda c: (-votes[c], sort_key(c)))
    ex.add("Oylar (çoktan aza)", "; ".join(f"{c}: {votes[c]}" for c in ranking), REF_20, "text")
    eligible = [c for c in ranking if votes[c] > 0]
    elected: list[str] = []
    lot_obj = None
    lot_record = None
    unfilled = 0
    if len(eligible) <= seats:
        elected = eligible
        unfilled = seats - len(eligible)
        if unfilled:
            ex.warn(f"Oy alan aday sayısı seçilecek sayıdan az: {unfilled} yer boş kaldı (oy almayan aday seçilmiş sayılmadı).")
    else:
        cutoff = votes[eligible[seats - 1]]
        above = [c for c in eligible if votes[c] > cutoff]
        at = [c for c in eligible if votes[c] == cutoff]
        need = seats - len(above)
        elected = list(above)
        if len(at) == need:
            elected += at
        else:
            drawn = lot.draw(v["lot_seed"], at, need) if v["lot_seed"] else None
            lot_obj = lot.lot_result(at, need, drawn)
            lot_record = lot.record_text(f"Son {need} üyelik için eşit oy alan adaylar ({cutoff} oy)", at, need, drawn,
                                         REF_20, "üyelik")
            ex.add(f"Son {need} yer için eşit oy ({cutoff}) alan adaylar", ", ".join(lot_obj["tied"]), REF_20 + ": eşitlikte kura", "text")
            if drawn:
                elected += list(drawn.winners)
                ex.add(f"Kura (tohum “{drawn.seed}”) kazananı", ", ".join(drawn.winners), lot.PROCEDURE, "text")
            else:
                unfilled = need
                ex.warn(f"Son {need} yer için oylar eşit ({', '.join(lot_obj['tied'])}): kura çekilmeden seçilen "
                        "yazılmadı. Kurulun belirlediği tohumu “Kura tohumu” alanına girin.")
    if not final:
        elected, unfilled = [], seats
    else:
        ex.add("Seçilenler", ", ".join(elected) or "—", REF_20, "text")
    ex.add("Sonuçların askıda kalma süresi", f"{r['results_posted_hours']} saat", r["reference"], "text")
    ex.add("Seçim belgelerinin saklanma süresi", f"{r['records_kept_months']} ay", r["reference"], "text")
    return {"candidates_sorted": ordered, "valid_ballots": valid, "invalid_ballots": invalid, "blank_ballots": blank,
            "void_marks": void_marks, "invalid_reasons": {REASONS[k]: n for k, n in reasons.items() if n},
            "votes": votes, "ranking": [{"name": c, "votes": votes[c], "elected": c in elected} for c in ranking],
            "elected": elected, "unfilled_seats": unfilled, "lot": lot_obj, "lot_record": lot_record,
            "excess_envelopes": excess, "destroyed_envelopes": destroyed, "envelope_lot_record": lot_record_env,
            "final": final}


def _ballot(marks, **kw):
    return {"marks": marks, **kw}


CALCULATOR = Calculator(
    id="election/ballots",
    title="Oy pusulaları: geçerlilik, sayım ve seçilenler",
    description=(
        "Sandıktan çıkan zarfları yönetmeliğin geçerlilik kurallarına göre ayırır, oyları sayar, seçilenleri ve "
        "gerekirse kurayı verir (BAK-SEN Seçim Yön. md.19–20); adaylar Türk alfabesine göre ad ve soyad sırasıyla "
        "listelenir (md.5, 15, 36). Geçersiz: zarftan birden fazla pusula çıkması, başka kâğıda yazılmış oy, kurul "
        "mührü/imzası olmayan pusula, oy vereni belli eden işaret, seçilecek sayıdan fazla aday işaretlenmesi. Aday "
        "olmayan bir ada konan işaret yalnız o ad için sayılmaz, pusula geçerli kalır. Okumalarımız: boş zarf "
        "geçersizdir; aynı adaya bir pusulada birden çok işaret bir oydur; hiçbir adayı işaretlemeyen pusula geçerli "
        "ama boştur; işaretler adaylarla Türkçe büyük-küçük harf ve boşluk farkı gözetilmeden eşleştirilir; oy "
        "almayan aday seçilmiş sayılmaz. Zarf sayısı listeyi imzalayan seçmen sayısını aşarsa fazla zarflar zarf "
        "sıra numaraları (girdi sırası) üzerinden kura ile seçilip açılmadan imha edilir; tohum verilmezse sayım "
        "kesin sayılmaz ve seçilen yazılmaz. Son sıradaki eşitlik tohumla SHA-256 kurasıyla çözülür; tohum yoksa "
        "eşit adaylar bildirilir, o yerler boş bırakılır (unfilled_seats)."
    ),
    inputs=(
        Field("seats", "integer", "Seçilecek sayı", default=3, required=True, min=1, max=1000),
        Field("candidates", "list", "Adaylar", required=True, min_items=1, multiline=True,
              items=(Field("name", "text", "Ad Soyad", required=True),),
              help="Her satıra bir aday: ad ve soyad."),
        Field("ballots", "list", "Zarflar", required=True, min_items=0,
              items=(Field("marks", "list", "İşaretlenen adlar", items=(Field("name", "text", "Ad Soyad"),)),
                     Field("committee_signed", "bool", "Kurul mührü/imzası var", default=True),
                     Field("papers", "integer", "Zarftaki pusula sayısı", default=1, min=0, max=100),
                     Field("identifying_mark", "bool", "Oy vereni belli eden işaret", default=False),
                     Field("other_paper", "bool", "Oy başka kâğıda yazılmış", default=False)),
              help="Her satır bir zarf; sıra numarası zarfın sırasıdır."),
        Field("signed_voters", "integer", "Listeyi imzalayan seçmen (isteğe bağlı)", min=0, max=10_000_000),
        Field("lot_seed", "text", "Kura tohumu (isteğe bağlı)"),
        preset_field("ballots"),
    ),
    outputs=(
        Output("elected", "Seçilenler", "list", main=True),
        Output("valid_ballots", "Geçerli pusula", "integer", main=True),
        Output("invalid_ballots", "Geçersiz pusula", "integer", main=True),
        Output("votes", "Oylar", "table", chart="bars"),
        Output("candidates_sorted", "Adaylar (alfabetik)", "list"),
        Output("invalid_reasons", "Geçersizlik nedenleri", "table"),
        Output("unfilled_seats", "Kura bekleyen / boş yer", "integer"),
        Output("excess_envelopes", "Fazla zarf", "integer"),
        Output("lot_record", "Kura tutanağı", "text"),
    ),
    compute=compute,
    parameter_set=SET,
    references=("BAK-SEN Seçim Yön. md.5", "md.19", "md.20"),
    example={
        "seats": 3,
        "candidates": ["Zeynep Şahin", "Çağrı Öztürk", "Ilgaz Demir", "İlkay Güneş", "Ömer Çelik"],
        "ballots": [
            _ballot(["Zeynep Şahin", "Çağrı Öztürk", "İlkay Güneş"]),
            _ballot(["Zeynep Şahin", "Ilgaz Demir"]),
            _ballot(["Çağrı Öztürk", "Zeynep Şahin", "Ali Veli"]),
            _ballot(["Ömer Çelik", "İlkay Güneş"]),
            _ballot(["Zeynep Şahin", "Çağrı Öztürk", "Ilgaz Demir", "Ömer Çelik"]),
            _ballot(["Ilgaz Demir"], committee_signed=False),
            _ballot(["İlkay Güneş"], papers=2),
            _ballot(["Çağrı Öztürk"], identifying_mark=True),
            _ballot(["Ilgaz Demir", "Ömer Çelik"]),
        ],
        "signed_voters": 9,
        "lot_seed": "genel kurul 2026",
    },
)
