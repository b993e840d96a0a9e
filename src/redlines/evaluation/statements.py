"""Statement matching (docs/gold-format.md rules): P/R/F1 per type, misses, false alarms, quote speakers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redlines.evaluation.gold import CONTAINS_FIELDS, TEXT_FIELDS, GoldDoc, GoldStatement
from redlines.evaluation.score import Tally, contains, norm, prf
from redlines.model import Statement, WeaponRef

MONEY_TOLERANCE = 0.01


def evidence_text(st: Statement, doc_text: str | None = None) -> str:
    """The predicted evidence sentence (falls back to the document slice by offsets)."""
    ev = st.evidence
    if ev.sentence:
        return ev.sentence
    if doc_text is not None and 0 <= ev.start_char < ev.end_char <= len(doc_text):
        return doc_text[ev.start_char:ev.end_char]
    return ""


def weapon_eq(gold: WeaponRef, got: WeaponRef | None) -> bool:
    if got is None:
        return False
    return norm(gold.id) == norm(got.id) and (gold.kind == "any" or gold.kind == got.kind)


def _interval_overlap(gold: tuple[date | None, date | None], got_start: date | None, got_end: date | None) -> bool:
    lo, hi = got_start or got_end, got_end or got_start
    if lo is None or hi is None:
        return False
    g_lo, g_hi = gold
    return (g_hi is None or lo <= g_hi) and (g_lo is None or g_lo <= hi)


def field_diffs(gold: GoldStatement, st: Statement) -> list[str]:
    """Names of the gold-written fields the prediction gets wrong (empty = match on fields)."""
    bad = []
    for name, want in gold.fields.items():
        if name in TEXT_FIELDS:
            ok = norm(getattr(st, name)) == norm(want)
        elif name in CONTAINS_FIELDS:
            ok = getattr(st, name) is not None and contains(getattr(st, name), want)
        elif name == "weapon":
            ok = weapon_eq(want, st.weapon)
        elif name == "zones":
            ok = frozenset(z.value for z in st.zones) == want
        elif name == "polarity":
            ok = st.polarity == want
        elif name == "modality":
            ok = st.modality.value == want
        elif name == "valid":
            ok = _interval_overlap(want, st.valid.start, st.valid.end)
        elif name == "quantity":
            ok = st.quantity == want
        elif name == "money":
            amount, currency = want
            m = st.money
            ok = (m is not None and m.currency.upper() == currency
                  and abs(m.amount - amount) <= MONEY_TOLERANCE * max(abs(amount), 1e-9))
        else:  # pragma: no cover - the loader only lets known fields through
            ok = False
        if not ok:
            bad.append(name)
    return bad


def sentence_ok(gold: GoldStatement, st: Statement, doc_text: str | None = None) -> bool:
    return gold.sentence is None or contains(evidence_text(st, doc_text), gold.sentence)


def statement_matches(gold: GoldStatement, st: Statement, doc_text: str | None = None) -> bool:
    return st.type.value == gold.type and sentence_ok(gold, st, doc_text) and not field_diffs(gold, st)


def max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching gold -> prediction (augmenting paths; sizes are small)."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges.get(g, ()):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in sorted(edges):
        augment(g, set())
    return {g: p for p, g in owner.items()}


def describe(st: Statement) -> dict[str, Any]:
    """The fields of a predicted statement worth showing in a report."""
    out: dict[str, Any] = {"type": st.type.value}
    for name in ("actor", "recipient", "action", "target_type", "speaker", "addressee", "place"):
        if getattr(st, name):
            out[name] = getattr(st, name)
    if st.weapon:
        out["weapon"] = str(st.weapon)
    if st.zones:
        out["zones"] = sorted(z.value for z in st.zones)
    if not st.polarity:
        out["polarity"] = False
    out["modality"] = st.modality.value
    if st.valid.start or st.valid.end:
        out["valid"] = f"{st.valid.start}..{st.valid.end}"
    if st.quantity is not None:
        out["quantity"] = st.quantity
    if st.money:
        out["money"] = f"{st.money.amount:g} {st.money.currency}"
    return out


def describe_gold(g: GoldStatement) -> dict[str, Any]:
    out: dict[str, Any] = {"type": g.type}
    for name, v in g.fields.items():
        if name == "weapon":
            v = str(v)
        elif name == "zones":
            v = sorted(v)
        elif name == "valid":
            v = f"{v[0]}..{v[1]}"
        elif name == "money":
            v = f"{v[0]:g} {v[1]}"
        out[name] = v
    return out


@dataclass(slots=True)
class TypeCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | None]:
        return prf(self.tp, self.fp, self.fn)


@dataclass(slots=True)
class StatementScore:
    """Counts per statement type, the misses and false alarms, and quote-speaker accuracy."""

    by_type: dict[str, TypeCounts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    speakers: Tally = field(default_factory=Tally)

    def counts(self, stype: str) -> TypeCounts:
        return self.by_type.setdefault(stype, TypeCounts())

    @property
    def micro(self) -> dict[str, float | None]:
        tp = sum(c.tp for c in self.by_type.values())
        fp = sum(c.fp for c in self.by_type.values())
        fn = sum(c.fn for c in self.by_type.values())
        return prf(tp, fp, fn)

    def merge(self, other: "StatementScore") -> None:
        for t, c in other.by_type.items():
            mine = self.counts(t)
            mine.tp, mine.fp, mine.fn = mine.tp + c.tp, mine.fp + c.fp, mine.fn + c.fn
        self.misses.extend(other.misses)
        self.false_alarms.extend(other.false_alarms)
        self.speakers.merge(other.speakers)


def score_statements(gold: GoldDoc, predicted: Sequence[Statement], doc_text: str | None = None) -> StatementScore:
    """Match one document's predictions to its gold statements (each prediction used at most once)."""
    out = StatementScore()
    golds = gold.statements
    edges = {i: [j for j, st in enumerate(predicted) if statement_matches(g, st, doc_text)]
             for i, g in enumerate(golds)}
    matched = max_matching(edges)
    used = set(matched.values())
    for i, g in enumerate(golds):
        c = out.counts(g.type)
        if i in matched:
            c.tp += 1
            continue
        c.fn += 1
        near = [st for st in predicted if st.type.value == g.type and sentence_ok(g, st, doc_text)]
        closest = min(near, key=lambda st: len(field_diffs(g, st)), default=None)
        out.misses.append({
            "doc": gold.name, "sentence": g.sentence, "gold": describe_gold(g),
            "closest": describe(closest) if closest else None,
            "wrong_fields": field_diffs(g, closest) if closest else ["no statement of this type in sentence"],
        })
    for j, st in enumerate(predicted):
        if j in used or st.type.value not in gold.annotated_types:
            continue
        out.counts(st.type.value).fp += 1
        out.false_alarms.append({"doc": gold.name, "sentence": _snippet(evidence_text(st, doc_text)),
                                 "predicted": describe(st)})
    for g in golds:
        if g.type != "quote" or "speaker" not in g.fields:
            continue
        cands = [st for st in predicted if st.type.value == "quote" and sentence_ok(g, st, doc_text)]
        if not cands:
            continue
        ok = any(norm(st.speaker) == norm(g.fields["speaker"]) for st in cands)
        out.speakers.add(ok, {"doc": gold.name, "sentence": g.sentence, "gold": g.fields["speaker"],
                              "predicted": "; ".join(sorted({st.speaker or "-" for st in cands}))})
    return out


def _snippet(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
