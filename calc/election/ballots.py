"""election/ballots: the count of one ballot box. The envelopes are counted against the signatures first
(the surplus is drawn and destroyed unopened), then the papers are judged, one envelope per line or from a
tally sheet (votes per candidate, invalid papers per reason), and the candidates are ranked: elected,
reserves, and a lot at the last elected or last reserve place. Articles come from the preset's data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..calculator import Calculator, Context, Output
from ..errors import InputError
from ..explain import rows_csv
from ..fields import Field
from ..text import sort_key, sort_turkish, tr_lower
from . import lot, records
from .common import SET, hand_drawn, lot_step, lot_winners_field, no_lot_needed, preset_field, record_fields, rule, rule_refs
from .cutoff import Cut, top

# md.19, in the order they are checked: for an envelope the first reason that applies is the one reported.
# Keys are the contract's tally-sheet reasons; each has the text of the record and a short label to type.
REASONS = {
    "several_papers": ("zarftan birden fazla pusula çıktı", "birden fazla pusula"),
    "empty": ("zarf boş çıktı", "boş zarf"),
    "other_paper": ("oy başka kâğıda yazılmış", "başka kâğıt"),
    "unsigned": ("pusulada kurul mührü/imzası yok", "mühürsüz"),
    "identifying_mark": ("pusulada oy vereni belli eden işaret var", "belli eden işaret"),
    "too_many_marks": ("seçilecek sayıdan fazla aday işaretlenmiş", "fazla işaret"),
    "unclear": ("oyun kime verildiği anlaşılmıyor", "anlaşılmayan"),
}

STATUS_LABELS = {"elected": "seçildi", "reserve": "yedek", "lot": "kura", "": ""}

RANK_COLUMNS = (("rank", "Sıra", "integer"), ("name", "Aday", "text"), ("votes", "Oy", "integer"),
                ("status_label", "Durum", "text"))


def _key(name: str) -> str:
    return tr_lower(" ".join(name.split()))


# ---------------------------------------------------------------- one envelope per line

_TAGS = {"mühürsüz": {"committee_signed": False}, "imzasız": {"committee_signed": False},
         "boş": {"papers": 0}, "boş zarf": {"papers": 0}, "başka kâğıt": {"other_paper": True},
         "başka kağıt": {"other_paper": True}, "işaretli": {"identifying_mark": True},
         "belli eden işaret": {"identifying_mark": True}, "işaretsiz": {}}
_PAPERS = re.compile(r"(\d+) pusula")


def envelope_line(text: str) -> dict:
    """One envelope typed as a line: the names marked on its paper separated by commas (or semicolons),
    and what makes it invalid in square brackets: “[mühürsüz]”, “[2 pusula]”, “[boş]”, “[başka kâğıt]”,
    “[işaretli]”; “[işaretsiz]” is a valid paper with no name marked."""
    item: dict = {}
    for tag in re.findall(r"\[([^\]]*)\]", text):
        t = tr_lower(" ".join(tag.split()))
        m = _PAPERS.fullmatch(t)
        if m:
            item["papers"] = int(m.group(1))
        elif t in _TAGS:
            item.update(_TAGS[t])
        else:
            raise ValueError(f"“[{tag}]” tanınmadı; zarf için yazılabilenler: [mühürsüz], [2 pusula], [boş], "
                             "[başka kâğıt], [işaretli], [işaretsiz]")
    rest = re.sub(r"\[[^\]]*\]", " ", text)
    item["marks"] = [{"name": n.strip()} for n in re.split(r"[,;]", rest) if n.strip()]
    return item


# ---------------------------------------------------------------- the box: envelopes against signatures

@dataclass(frozen=True)
class Box:
    in_box: int | None         # envelopes out of the box (counted before any is opened)
    signed: int | None         # signatures on the voters' list
    surplus: int               # envelopes drawn and destroyed unopened
    opened: int | None         # envelopes opened and judged


def count_box(v: dict, r: dict, ex) -> Box:
    """md.19: envelopes and signatures are compared before any envelope is opened; a surplus is drawn by lot
    and destroyed unopened. Only counts are needed for this step."""
    in_box, signed = v["envelopes"], v["signed_voters"]
    if in_box is None:
        return Box(None, signed, 0, None)
    ex.add("Sandıktan çıkan zarf (açılmadan sayıldı)", in_box, "Girdi", "integer")
    if signed is None:
        return Box(in_box, None, 0, in_box)
    ex.add("Listeyi imzalayan seçmen", signed, "Girdi", "integer")
    surplus = max(0, in_box - signed)
    if surplus:
        ex.add("Fazla zarf: açılmadan kura ile çekilip imha edilir", surplus, r["ref_surplus"], "integer")
    elif in_box < signed:
        ex.warn(f"Sandıktan imza sayısından {signed - in_box} eksik zarf çıktı; sayım çıkan zarflarla yapılır, "
                "durum tutanağa yazılmalıdır.")
    ex.add("Açılacak zarf", in_box - surplus, r["ref_surplus"], "integer")
    return Box(in_box, signed, surplus, in_box - surplus)


def box_text(box: Box) -> str | None:
    if box.in_box is None:
        return None
    if box.signed is None:
        return f"Sandıktan {box.in_box} zarf çıktı; imza sayısı girilmedi, bütün zarflar açılır."
    if box.surplus:
        return (f"Sandıktan {box.in_box} zarf çıktı, listede {box.signed} imza var: {box.surplus} zarf hiçbiri "
                f"açılmadan karıştırılıp kura ile çekilir ve açılmadan imha edilir; kalan {box.opened} zarf açılır.")
    return f"Sandıktan {box.in_box} zarf çıktı, listede {box.signed} imza var: fazla zarf yok, {box.opened} zarf açılır."


# ---------------------------------------------------------------- judging the papers

@dataclass
class Count:
    votes: dict[str, int]
    reasons: dict[str, int] = field(default_factory=lambda: {k: 0 for k in REASONS})
    valid: int = 0
    blank: int | None = 0
    void_marks: int | None = 0
    final: bool = True
    destroyed: list[int] = field(default_factory=list)
    excess: int = 0                      # surplus among entered envelopes (no box count given)
    envelope_record: str | None = None

    @property
    def invalid(self) -> int:
        return sum(self.reasons.values())


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
        return "several_papers", [], void
    if ballot["papers"] == 0:
        return "empty", [], void
    if ballot["other_paper"]:
        return "other_paper", [], void
    if not ballot["committee_signed"]:
        return "unsigned", [], void
    if ballot["identifying_mark"]:
        return "identifying_mark", [], void
    if len(marked) > seats:
        return "too_many_marks", [], void
    return None, marked, void


def _legacy_surplus(v: dict, envelopes: list, r: dict, ex, count: Count) -> None:
    """Envelopes entered with their contents and no box count: the surplus is picked among the entered
    envelopes by their order (kept for old links; md.19 wants the count-only step first)."""
    signed = v["signed_voters"]
    if signed is None or len(envelopes) <= signed:
        return
    excess = count.excess = len(envelopes) - signed
    ex.add(f"Listeyi imzalayan seçmen {signed}: fazla zarf (açılmadan kura ile imha edilir)", excess, r["ref_surplus"], "integer")
    ex.warn("Yönetmeliğe göre fazla zarflar açılmadan seçilip imha edilir: zarfları açmadan önce yalnız “Sandıktan "
            "çıkan zarf sayısı” ile imza sayısını girin, fazla zarfları kurulca çekip imha edin, sonra yalnız açılan "
            "zarfları girin.")
    labels = [f"{i}. zarf" for i in range(1, len(envelopes) + 1)]
    subject = "Fazla zarfların kura ile imhası"
    if excess == len(envelopes):
        count.destroyed = list(range(1, len(envelopes) + 1))
    elif v["lot_seed"]:
        drawn = lot.draw(v["lot_seed"], labels, excess)
        count.destroyed = sorted(int(w.split(".")[0]) for w in drawn.winners)
        count.envelope_record = lot.record_text(subject, labels, excess, drawn, r["ref_surplus"], "imha edilecek zarf",
                                                signatures=r["signatures"])
    else:
        count.final = False
        count.envelope_record = lot.record_text(subject, labels, excess, None, r["ref_surplus"], "imha edilecek zarf",
                                                signatures=r["signatures"])
        ex.warn(f"Zarf sayısı imza sayısından {excess} fazla: bu zarflar kura ile seçilip açılmadan imha edilir. "
                "“Kura tohumu” girilmediği için hangi zarfların imha edileceği belli değil; aşağıdaki sayım "
                "bütün zarfları içerir ve kesin değildir, seçilenler yazılmadı.")
    if count.destroyed:
        ex.add("İmha edilen zarflar (sıra numarası)", ", ".join(map(str, count.destroyed)), r["ref_surplus"], "text")


def from_envelopes(v: dict, box: Box, by_key: dict[str, str], ordered: list[str], r: dict, ex) -> Count:
    envelopes = v["ballots"]
    count = Count({c: 0 for c in ordered})
    if box.opened is None:
        ex.add("Sandıktan çıkan zarf", len(envelopes), "Girdi", "integer")
        _legacy_surplus(v, envelopes, r, ex, count)
    elif len(envelopes) != box.opened:
        raise InputError("ballots", f"“Zarflar”: açılan {box.opened} zarfın her biri bir satır olarak girilmeli "
                                    f"(sandıktan {box.in_box} zarf çıktı, {box.surplus} fazla zarf açılmadan imha "
                                    f"edildi); {len(envelopes)} zarf girilmiş")
    for i, ballot in enumerate(envelopes, 1):
        if i in count.destroyed:
            continue
        reason, marked, void = judge(ballot, by_key, v["seats"], r["max_papers_per_envelope"])
        if reason:
            count.reasons[reason] += 1
            continue
        count.valid += 1
        count.void_marks += void
        count.blank += not marked
        for c in marked:
            count.votes[c] += 1
    return count


def _tally_votes(v: dict, by_key: dict[str, str], ordered: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """The sheet's votes per candidate, and the row of each: every candidate once, nobody else."""
    votes = {c: 0 for c in ordered}
    rows: dict[str, int] = {}
    for i, row in enumerate(v["tally"]):
        name = by_key.get(_key(row["name"]))
        if name is None:
            raise InputError(f"tally[{i}].name", f"“Sayım çizelgesi”, {i + 1}. satır: “{row['name']}” aday değil; aday "
                                                 f"olmayan bir ada oy yazılamaz (adaylar: {', '.join(ordered)})")
        if name in rows:
            raise InputError(f"tally[{i}].name", f"“Sayım çizelgesi”, {i + 1}. satır: “{name}” {rows[name] + 1}. satırda da "
                                                 "yazılmış; her aday bir kez yazılır")
        rows[name] = i
        votes[name] = row["votes"]
    missing = [c for c in ordered if c not in rows]
    if missing:
        raise InputError("tally", f"“Sayım çizelgesi”: {', '.join(missing)} için oy yazılmamış; oy almadıysa 0 yazın")
    return votes, rows


def from_tally(v: dict, box: Box, by_key: dict[str, str], ordered: list[str], r: dict) -> Count:
    """A tally sheet: votes per candidate and invalid papers per reason, checked against the opened envelopes."""
    if box.opened is None:
        raise InputError("envelopes", "“Sandıktan çıkan zarf sayısı”: sayım çizelgesiyle sonuç için gerekir "
                                      "(geçerli pusula sayısı açılan zarflardan geçersizler çıkarılarak bulunur)")
    votes, rows = _tally_votes(v, by_key, ordered)
    count = Count(votes, blank=None, void_marks=None)
    for row in v["invalid"]:
        count.reasons[row["reason"]] += row["count"]
    if count.invalid > box.opened:
        raise InputError("invalid", f"“Geçersiz zarf ve pusulalar”: toplam {count.invalid}, açılan zarf sayısından "
                                    f"({box.opened}) fazla olamaz")
    count.valid = box.opened - count.invalid
    for name, i in rows.items():
        if votes[name] > count.valid:
            raise InputError(f"tally[{i}].votes", f"“Sayım çizelgesi”, {i + 1}. satır: “{name}” için {votes[name]} oy "
                                                  f"yazılmış, ama geçerli pusula {count.valid}; bir pusula bir adaya en çok bir oy verir")
    if sum(votes.values()) > count.valid * v["seats"]:
        raise InputError("tally", f"“Sayım çizelgesi”: oyların toplamı {sum(votes.values())}, ama {count.valid} "
                                  f"geçerli pusulada en çok {count.valid * v['seats']} oy olabilir (pusula başına en çok "
                                  f"{v['seats']} aday)")
    return count


def explain_count(ex, count: Count, r: dict) -> None:
    for k, (text, _) in REASONS.items():
        if count.reasons[k]:
            ex.add(f"Geçersiz: {text}", count.reasons[k], r["ref_validity"], "integer")
    ex.add("Geçerli oy pusulası", count.valid, r["ref_validity"], "integer")
    ex.add("Geçersiz oy pusulası", count.invalid, r["ref_validity"], "integer")
    if count.void_marks:
        ex.add("Aday olmayan adlara konan işaret (yalnız o ad için sayılmadı, pusula geçerli)", count.void_marks,
               r["ref_validity"], "integer")
    if count.blank:
        ex.add("Geçerli ama hiçbir adayı işaretlemeyen pusula", count.blank, r["ref_validity"], "integer")


# ---------------------------------------------------------------- ranking: elected, reserves, lots

@dataclass
class Places:
    order: list[str]                     # by votes, equal votes in Turkish order
    rank: dict[str, int]                 # 1 + candidates with more votes (equal votes share a rank)
    elected: list[str] = field(default_factory=list)
    reserves: list[str] = field(default_factory=list)
    seat_lot: lot.Lot | None = None      # at the last elected place
    reserve_lot: lot.Lot | None = None   # at the last reserve place
    status: dict[str, str] = field(default_factory=dict)


def _decide(cut: Cut, seed, hand: list[str]) -> tuple[lot.Lot | None, list[str]]:
    """The lot of one cut, with the hand-drawn names it takes; the names left over for the next lot."""
    if not cut.tied:
        return None, hand
    return lot.decide(cut.tied, cut.tied_places, seed, hand[:cut.tied_places] or None), hand[cut.tied_places:]


def place(votes: dict[str, int], ordered: list[str], seats: int, reserves: int, seed: str | None, hand: list[str]) -> Places:
    """md.20: the most votes are elected, the next are reserves in order; a tie at the last elected or the last
    reserve place is a lot. A candidate without a vote is neither. Hand-drawn names are read in order: first
    the winners of the lot for the seats, then those of the lot for the reserves."""
    order = sorted(ordered, key=lambda c: (-votes[c], sort_key(c)))
    p = Places(order, {c: 1 + sum(votes[o] > votes[c] for o in order) for c in order})
    eligible = {c: votes[c] for c in order if votes[c] > 0}
    cut = top(eligible, seats)
    p.seat_lot, rest = _decide(cut, seed, hand)
    p.elected = list(cut.winners) + list(p.seat_lot.winners if p.seat_lot else ())
    pool = {c: n for c, n in eligible.items() if c not in p.elected}
    places = reserves
    if p.seat_lot and p.seat_lot.open:      # the losers of the open lot are the first reserves, not yet known
        pool = {c: n for c, n in pool.items() if c not in p.seat_lot.tied}
        places = reserves - (len(p.seat_lot.tied) - p.seat_lot.places)
    cut = top(pool, places)
    p.reserve_lot, rest = _decide(cut, seed, rest)
    if rest:
        if not p.seat_lot and not p.reserve_lot:
            no_lot_needed(rest)
        needed = sum(x.places for x in (p.seat_lot, p.reserve_lot) if x)
        raise InputError("lot_winners", f"“Kura sonucu”: kura ile {needed} yer belirlenir; {needed} ad yazılmalı, "
                                        f"{len(hand)} yazılmış")
    p.reserves = list(cut.winners) + list(p.reserve_lot.winners if p.reserve_lot else ())
    p.status = {c: "elected" for c in p.elected} | {c: "reserve" for c in p.reserves}
    for x in (p.seat_lot, p.reserve_lot):
        if x and x.open:
            p.status.update({c: "lot" for c in x.tied if c not in p.status})
    return p


def explain_places(ex, p: Places, votes: dict[str, int], seats: int, reserves: int, r: dict, seed) -> list[str]:
    """Steps and warnings of the ranking; returns the lot summaries for the record."""
    ex.add("Oylar (çoktan aza)", "; ".join(f"{c}: {votes[c]}" for c in p.order), r["ref_result"], "text")
    texts = []
    for x, what, word in ((p.seat_lot, "üyelik", "seçilen"), (p.reserve_lot, "yedek yer", "yedek")):
        if x is None:
            continue
        texts.append(lot.summary(x, what))
        ex.add(f"Son {x.places} {what} için eşit oy ({votes[x.tied[0]]}) alan adaylar", ", ".join(x.tied), r["ref_lot"], "text")
        if x.open:
            ex.warn(f"Son {x.places} {what} için oylar eşit ({', '.join(x.tied)}): kura çekilmeden {word} yazılmadı. "
                    "Kurul kurayı elle çektiyse kazananları “Kura sonucu” alanına yazın ya da kurulun belirlediği "
                    "tohumu “Kura tohumu” alanına girin.")
        else:
            lot_step(ex, x, r["ref_lot"])
    eligible = sum(1 for c in p.order if votes[c] > 0)
    if eligible < seats:
        ex.warn(f"Oy alan aday sayısı seçilecek sayıdan az: {seats - eligible} yer boş kaldı (oy almayan aday seçilmiş sayılmadı).")
    elif reserves and eligible < seats + reserves:
        ex.warn(f"Oy alan aday sayısı yedeklere yetmedi: {seats + reserves - eligible} yedek yeri boş kaldı.")
    if p.seat_lot and p.seat_lot.open and reserves:
        ex.warn("Üyelik kurasını kaybedenler ilk yedeklerdir; kura çekilince yedek sırası belli olur.")
    return texts


def ranking_rows(p: Places, votes: dict[str, int]) -> list[dict]:
    rows = []
    for c in p.order:
        status = p.status.get(c, "")
        label = STATUS_LABELS[status]
        if status == "reserve":
            label = f"yedek {p.reserves.index(c) + 1}"
        rows.append({"rank": p.rank[c], "name": c, "votes": votes[c], "status": status, "status_label": label,
                     "elected": status == "elected"})
    return rows


# ---------------------------------------------------------------- the records

def result_record(v: dict, r: dict, box: Box, count: Count | None, p: Places | None, rows: list[dict], lot_texts: list[str],
                  mode: str) -> str:
    blank = "...................."
    facts = [("Seçilecek", f"{v['seats']} asıl" + (f", {v['reserves']} yedek" if v["reserves"] else "")),
             ("Sandık listesindeki seçmen", str(v["registered_voters"]) if v["registered_voters"] is not None else blank),
             ("Listeyi imzalayan (oy kullanan) seçmen", str(box.signed) if box.signed is not None else blank)]
    if box.in_box is not None:
        facts += [("Sandıktan çıkan zarf", str(box.in_box)),
                  ("Fazla çıkıp açılmadan kura ile imha edilen zarf", str(box.surplus)),
                  ("Açılan zarf", str(box.opened))]
    elif count is not None:
        facts.append(("Sandıktan çıkan zarf", str(len(v["ballots"]))))
        if count.destroyed:
            facts.append(("Fazla çıkıp kura ile imha edilen zarf", str(len(count.destroyed))))
    closing: list[str] = []
    if count is not None:
        facts += [(f"Geçersiz: {REASONS[k][0]}", str(n)) for k, n in count.reasons.items() if n]
        facts += [("Geçersiz oy pusulası (toplam)", str(count.invalid)), ("Geçerli oy pusulası", str(count.valid))]
        if count.blank:
            facts.append(("Geçerli ama hiçbir adayı işaretlemeyen pusula", str(count.blank)))
        if count.void_marks:
            facts.append(("Aday olmayan adlara konan işaret (sayılmadı)", str(count.void_marks)))
    if mode == "count":
        closing.append("Zarflar henüz açılmadı: bu tutanak yalnız zarf ve imza sayımını gösterir.")
    elif p is not None and count is not None and count.final:
        closing += [f"Seçilenler (asıl üyeler): {', '.join(p.elected) or '—'}",
                    f"Yedekler (sırasıyla): {', '.join(p.reserves) or '—'}"] + lot_texts
    else:
        closing.append("SONUÇ KESİN DEĞİL: fazla zarfların hangileri olduğu belli olmadan seçilenler yazılamaz.")
    closing.append(f"Sonuçlar {r['results_posted_hours']} saat asılı kalır; seçim belgeleri {r['records_kept_months']} ay "
                   f"saklanır ({r['ref_result']}).")
    refs = [r["ref_surplus"]] if box.surplus or (count and count.destroyed) else []
    return records.document("SEÇİM SONUÇ TUTANAĞI", v["election_name"], v["election_date"],
                            refs + [r["ref_validity"], r["ref_result"]], facts,
                            (RANK_COLUMNS, rows) if rows else None, closing, r["signatures"])


def surplus_record(v: dict, r: dict, box: Box) -> str | None:
    if not box.surplus:
        return None
    return records.document(
        "FAZLA ZARF KURA VE İMHA TUTANAĞI", v["election_name"], v["election_date"], [r["ref_surplus"]],
        [("Sandıktan çıkan zarf", str(box.in_box)), ("Listeyi imzalayan seçmen", str(box.signed)),
         ("Fazla zarf", str(box.surplus))], None,
        [f"Sandıktan çıkan zarflar açılmadan karıştırılmış, içlerinden {box.surplus} zarf kurul önünde kura ile "
         "çekilmiş ve hiçbiri açılmadan imha edilmiştir. Kalan zarflar bundan sonra açılmıştır.",
         "Kuranın çekildiği saat: ...................."], r["signatures"])


# ---------------------------------------------------------------- the calculator

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


def _mode(v: dict) -> str:
    if v["tally"]:
        if v["ballots"]:
            raise InputError("ballots", "“Zarflar”: sonuç ya zarf zarf ya sayım çizelgesiyle girilir; ikisinden birini boşaltın")
        return "tally"
    if v["invalid"]:
        raise InputError("invalid", "“Geçersiz zarf ve pusulalar” yalnız sayım çizelgesiyle birlikte girilir; zarf zarf "
                                    "girerken geçersizliği zarfın satırına yazın (örneğin [mühürsüz])")
    if not v["ballots"] and v["envelopes"] is not None:
        return "count"
    return "envelopes"


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    r = rule(ctx, "ballots", v["preset"])
    seats, reserves = v["seats"], v["reserves"]
    candidates = _candidates(v["candidates"])
    ordered = sort_turkish(candidates)
    ex.add("Adaylar (Türk alfabesine göre ad ve soyad sırası)", ", ".join(ordered), r["ref_order"], "text")
    ex.add("Seçilecek sayı", seats, "Girdi", "integer")
    if reserves:
        ex.add("Yedek sayısı", reserves, "Girdi", "integer")
    by_key = {_key(c): c for c in candidates}
    hand = hand_drawn(v)
    mode = _mode(v)
    box = count_box(v, r, ex)
    out = {"mode": mode, "candidates_sorted": ordered, "envelopes_in_box": box.in_box, "excess_envelopes": box.surplus,
           "envelopes_opened": box.opened, "box_text": box_text(box), "surplus_record": surplus_record(v, r, box),
           "destroyed_envelopes": [], "envelope_lot_record": None}
    if mode == "count":
        no_lot_needed(hand)
        ex.add("Şimdi yapılacak", box_text(box), r["ref_surplus"], "text")
        record = result_record(v, r, box, None, None, [], [], mode)
        return out | {"valid_ballots": None, "invalid_ballots": None, "blank_ballots": None, "void_marks": None,
                      "invalid_reasons": {}, "votes": {}, "ranking": [], "elected": [], "reserves": [],
                      "unfilled_seats": seats, "lot": None, "reserve_lot": None, "lot_text": None, "lot_record": None,
                      "result_record": record, "ranking_csv": None, "final": False}

    count = (from_tally(v, box, by_key, ordered, r) if mode == "tally"
             else from_envelopes(v, box, by_key, ordered, r, ex))
    explain_count(ex, count, r)
    p = place(count.votes, ordered, seats, reserves, v["lot_seed"], hand)
    lot_texts = explain_places(ex, p, count.votes, seats, reserves, r, v["lot_seed"])
    if not count.final:
        p.elected, p.reserves, p.status = [], [], {}
    else:
        ex.add("Seçilenler", ", ".join(p.elected) or "—", r["ref_result"], "text")
        if reserves:
            ex.add("Yedekler (sırasıyla)", ", ".join(p.reserves) or "—", r["ref_result"], "text")
    ex.add("Sonuçların askıda kalma süresi", f"{r['results_posted_hours']} saat", r["reference"], "text")
    ex.add("Seçim belgelerinin saklanma süresi", f"{r['records_kept_months']} ay", r["reference"], "text")
    rows = ranking_rows(p, count.votes)
    heading = tuple(records.heading("", v["election_name"], v["election_date"])[1:])
    lot_record = "\n\n\n".join(
        lot.lot_record(x, f"{subject} ({count.votes[x.tied[0]]} oy)", r["ref_lot"], what, heading, r["signatures"])
        for x, subject, what in ((p.seat_lot, "Son üyelikler için eşit oy alan adaylar", "üyelik"),
                                 (p.reserve_lot, "Son yedek yerler için eşit oy alan adaylar", "yedek yer")) if x) or None
    return out | {
        "valid_ballots": count.valid, "invalid_ballots": count.invalid, "blank_ballots": count.blank,
        "void_marks": count.void_marks,
        "invalid_reasons": {REASONS[k][0]: n for k, n in count.reasons.items() if n},
        "votes": {c: count.votes[c] for c in ordered}, "ranking": rows, "elected": p.elected, "reserves": p.reserves,
        "unfilled_seats": seats - len(p.elected), "unfilled_reserves": reserves - len(p.reserves),
        "lot": p.seat_lot.as_json() if p.seat_lot else None,
        "reserve_lot": p.reserve_lot.as_json() if p.reserve_lot else None,
        "lot_method": p.seat_lot.method if p.seat_lot else None,
        "lot_text": " ".join(lot_texts) or None, "lot_record": lot_record,
        "destroyed_envelopes": count.destroyed, "envelope_lot_record": count.envelope_record,
        "excess_envelopes": box.surplus or count.excess,
        "result_record": result_record(v, r, box, count, p, rows, lot_texts, mode),
        "ranking_csv": rows_csv(RANK_COLUMNS, rows), "final": count.final,
    }


REASON_HELP = ", ".join(f"“{label}”" for _, label in REASONS.values())

EXAMPLE_ENVELOPES = "\n".join([
    "Zeynep Şahin, Çağrı Öztürk, İlkay Güneş",
    "Zeynep Şahin, İlkay Güneş",
    "Çağrı Öztürk, Zeynep Şahin, Ali Veli",
    "İlkay Güneş, Ömer Çelik",
    "Zeynep Şahin, Çağrı Öztürk, Ilgaz Demir, Ömer Çelik",
    "Ilgaz Demir [mühürsüz]",
    "İlkay Güneş [2 pusula]",
    "Çağrı Öztürk [işaretli]",
    "ZEYNEP ŞAHİN, çağrı öztürk",
])

CALCULATOR = Calculator(
    id="election/ballots",
    title="Oy sayımı: fazla zarflar, geçerlilik, seçilenler ve yedekler",
    description=(
        "Bir sandığın sayımı, seçilen sendikanın seçim yönetmeliğine göre (maddeler adımlarda ve tutanakta yazılır). "
        "Önce zarflar açılmadan sayılır: sandıktan çıkan zarf listeyi imzalayandan fazlaysa fazlası kura ile çekilip "
        "açılmadan imha edilir; bunun için yalnız iki sayı yeter. Sonra açılan zarflar ya zarf zarf (her satır bir zarf: "
        "işaretli adlar virgülle, geçersizlik köşeli parantezle, örneğin “[mühürsüz]”) ya da sayım çizelgesiyle (her "
        "adayın oyu ve nedenine göre geçersiz sayısı) girilir. Geçersiz: zarftan birden fazla pusula çıkması, başka "
        "kâğıda yazılmış oy, kurul mührü/imzası olmayan pusula, oy vereni belli eden işaret, seçilecek sayıdan fazla "
        "aday işaretlenmesi. Aday olmayan bir ada konan işaret yalnız o ad için sayılmaz, pusula geçerli kalır; sayım "
        "çizelgesinde aday olmayan bir ada oy yazılamaz. Adaylar Türk alfabesine göre ad ve soyad sırasıyla listelenir. "
        "En çok oy alanlar seçilir, sonrakiler sırasıyla yedektir; son asıl ya da son yedek yerde eşitlik kura ile "
        "çözülür: kurul kurayı elle çektiyse kazananlar “Kura sonucu” alanına yazılır (önce asıl, sonra yedek kurası), "
        "ya da kurulun tohumuyla SHA-256 kurası çekilir; ikisi de yoksa o yerler boş bırakılır (unfilled_seats). "
        "Okumalarımız: boş zarf geçersizdir; aynı adaya bir pusulada birden çok işaret bir oydur; hiçbir adayı "
        "işaretlemeyen pusula geçerli ama boştur; işaretler adaylarla Türkçe büyük-küçük harf ve boşluk farkı "
        "gözetilmeden eşleştirilir; oy almayan aday seçilmiş ya da yedek sayılmaz; yedekler arasında eşit oy alanlar "
        "aynı sırayı paylaşır. Sonuç tutanağı, kura tutanağı ve fazla zarf tutanağı yazdırılabilir; sıralama CSV "
        "olarak indirilebilir."
    ),
    inputs=(
        Field("seats", "integer", "Seçilecek sayı (asıl)", required=True, min=1, max=1000),
        Field("reserves", "integer", "Yedek sayısı", default=0, min=0, max=1000),
        Field("candidates", "list", "Adaylar", required=True, min_items=1, multiline=True,
              items=(Field("name", "text", "Ad Soyad", required=True),),
              help="Her satıra bir aday: ad ve soyad."),
        Field("envelopes", "integer", "Sandıktan çıkan zarf sayısı (açmadan sayın)", min=0, max=10_000_000,
              help="Zarfları açmadan önce sayın. İmza sayısıyla birlikte girilince kaç zarfın açılmadan imha "
                   "edileceği yazılır; sonra yalnız açılan zarfları ya da sayım çizelgesini girin."),
        Field("signed_voters", "integer", "Listeyi imzalayan seçmen (isteğe bağlı)", min=0, max=10_000_000),
        Field("registered_voters", "integer", "Sandık listesindeki seçmen (tutanak için, isteğe bağlı)", min=0,
              max=10_000_000),
        Field("tally", "list", "Sayım çizelgesi: aday ve oyu (isteğe bağlı)", multiline=True,
              items=(Field("name", "text", "Aday", required=True), Field("votes", "integer", "Oy", required=True, min=0)),
              help="Zarf zarf girmek yerine: her satıra bir aday ve oyu, “Zeynep Şahin;180” gibi. Her aday yazılır."),
        Field("invalid", "list", "Geçersiz zarf ve pusulalar, nedenine göre (sayım çizelgesiyle)", multiline=True,
              items=(Field("reason", "choice", "Neden", required=True,
                           choices=tuple((k, label) for k, (_, label) in REASONS.items())),
                     Field("count", "integer", "Sayı", required=True, min=0)),
              help=f"Her satıra bir neden ve sayısı, “mühürsüz;6” gibi. Nedenler: {REASON_HELP}."),
        Field("ballots", "list", "Zarflar (zarf zarf girerken)", line=envelope_line,
              items=(Field("marks", "list", "İşaretlenen adlar", items=(Field("name", "text", "Ad Soyad"),)),
                     Field("committee_signed", "bool", "Kurul mührü/imzası var", default=True),
                     Field("papers", "integer", "Zarftaki pusula sayısı", default=1, min=0, max=100),
                     Field("identifying_mark", "bool", "Oy vereni belli eden işaret", default=False),
                     Field("other_paper", "bool", "Oy başka kâğıda yazılmış", default=False)),
              help="Her satır açılan bir zarf: pusulada işaretli adlar virgülle ayrılarak. Geçersiz zarfı köşeli "
                   "parantezle belirtin: [mühürsüz], [2 pusula], [boş], [başka kâğıt], [işaretli]; hiçbir adı "
                   "işaretlenmemiş geçerli pusula: [işaretsiz]."),
        lot_winners_field("üyelik ya da yedek yer"),
        Field("lot_seed", "text", "Kura tohumu (isteğe bağlı)"),
        *record_fields(),
        preset_field("ballots"),
    ),
    outputs=(
        Output("box_text", "Zarflar ve imzalar", "text", main=True),
        Output("elected", "Seçilenler", "list", main=True),
        Output("reserves", "Yedekler (sırasıyla)", "list", main=True),
        Output("valid_ballots", "Geçerli pusula", "integer", main=True),
        Output("invalid_ballots", "Geçersiz pusula", "integer", main=True),
        Output("ranking", "Sıralama", "rows", columns=RANK_COLUMNS, main=True),
        Output("votes", "Oylar", "table", chart="bars"),
        Output("candidates_sorted", "Adaylar (alfabetik)", "list"),
        Output("invalid_reasons", "Geçersizlik nedenleri", "table"),
        Output("unfilled_seats", "Kura bekleyen / boş yer", "integer"),
        Output("excess_envelopes", "Fazla zarf", "integer"),
        Output("lot_text", "Kura", "text"),
        Output("result_record", "Sonuç tutanağı", "text", filename="sonuc-tutanagi.txt"),
        Output("lot_record", "Kura tutanağı", "text", filename="kura-tutanagi.txt"),
        Output("surplus_record", "Fazla zarf tutanağı", "text", filename="fazla-zarf-tutanagi.txt"),
        Output("ranking_csv", "Sıralama (CSV)", "download", filename="oy-sonuclari.csv"),
    ),
    compute=compute,
    parameter_set=SET,
    references=rule_refs("ballots", "ref_validity", "ref_result", "ref_surplus"),
    csv_table="ranking",
    example={"seats": 3, "reserves": 1,
             "candidates": ["Zeynep Şahin", "Çağrı Öztürk", "Ilgaz Demir", "İlkay Güneş", "Ömer Çelik"],
             "envelopes": 10, "signed_voters": 9, "ballots": EXAMPLE_ENVELOPES},
)
