"""Merge statements told by several outlets into facts (pure: statements in, facts out)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from redlines.model import DateInterval, Modality, Precision, Statement

STATE_CHANGING = (Modality.CONFIRMED, Modality.REPORTED)
MODALITY_RANK = {m: i for i, m in enumerate(
    (Modality.CONFIRMED, Modality.REPORTED, Modality.PLANNED, Modality.HYPOTHETICAL, Modality.DENIED))}
PRECISION_RANK = {p: i for i, p in enumerate(
    (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.RANGE, Precision.YEAR,
     Precision.UNKNOWN))}
WEEK = timedelta(days=6)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(slots=True)
class FactEvidence:
    """One statement behind a fact."""

    statement_id: int | None
    document_id: str
    outlet: str | None
    published: date | None
    sentence_index: int
    start_char: int
    end_char: int
    sentence: str
    date_start: date | None
    quantity: int | None
    money_amount: float | None


@dataclass(slots=True)
class Fact:
    """Statements merged into one fact: fields, date, modality, and all evidence."""

    id: str
    block: str
    type: str
    actor: str | None
    recipient: str | None
    weapon_kind: str | None
    weapon_id: str | None
    zones: tuple[str, ...]
    target_type: str | None
    action: str | None
    polarity: bool
    modality: str
    date_start: date | None
    date_end: date | None
    precision: str
    dated_by_publication: bool
    quantity: int | None
    money_amount: float | None
    money_currency: str | None
    speaker: str | None
    topic: str | None
    corroboration: int
    confidence: float
    evidence: list[FactEvidence] = field(default_factory=list)

    @property
    def weapon(self) -> str | None:
        if not self.weapon_id:
            return None
        return self.weapon_id if self.weapon_kind == "system" else f"{self.weapon_kind}:{self.weapon_id}"


def actor_key(st: Statement) -> str:
    """Who the statement is about: the actor, else the speaker."""
    return st.actor or st.speaker or ""


def block_key(st: Statement) -> str:
    """The unit of incremental recompute: type, actor and weapon."""
    w = f"{st.weapon.kind}:{st.weapon.id}" if st.weapon else ""
    return f"{st.type.value}|{actor_key(st)}|{w}"


def _is_dated(st: Statement) -> bool:
    return st.valid.start is not None and st.valid.precision != Precision.UNKNOWN


def _interval(st: Statement) -> tuple[date, date] | None:
    if not _is_dated(st):
        return None
    return st.valid.start, st.valid.end or st.valid.start  # type: ignore[return-value]


def _published(st: Statement) -> date | None:
    return st.evidence.published or st.valid.start


def _words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if len(w) > 2}


def _dates_match(a: Statement, b: Statement) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia and ib:
        return ia[0] <= ib[1] and ib[0] <= ia[1]
    pa, pb = _published(a), _published(b)
    if ia is None and ib is None:
        return pa is not None and pb is not None and pa.isocalendar()[:2] == pb.isocalendar()[:2]
    dated, undated_pub = (ia, pb) if ia else (ib, pa)
    return undated_pub is not None and dated[0] <= undated_pub and undated_pub - WEEK <= dated[1]


def _zones_match(a: Statement, b: Statement) -> bool:
    za, zb = set(a.zones), set(b.zones)
    return (not za and not zb) or bool(za & zb)


def _quote_match(a: Statement, b: Statement) -> bool:
    if a.type.value != "quote":
        return True
    wa, wb = _words(a.quote or a.evidence.sentence), _words(b.quote or b.evidence.sentence)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def same_fact(a: Statement, b: Statement) -> bool:
    """The merge rule: same block, action, polarity, firmness and speaker; zones and dates overlap."""
    return (
        block_key(a) == block_key(b)
        and (a.action or "") == (b.action or "")
        and a.polarity == b.polarity
        and (a.speaker == b.speaker or not a.speaker or not b.speaker)
        and (a.modality in STATE_CHANGING) == (b.modality in STATE_CHANGING)
        and _zones_match(a, b)
        and _dates_match(a, b)
        and _quote_match(a, b)
    )


def _evidence_key(st: Statement) -> tuple[str, int, int, str]:
    ev = st.evidence
    return (ev.document_id, ev.start_char, ev.end_char, st.type.value)


def _sub_key(st: Statement) -> tuple[str, str, bool, bool]:
    return (block_key(st), st.action or "", st.polarity, st.modality in STATE_CHANGING)


def _sort_date(st: Statement) -> date:
    iv = _interval(st)
    return iv[0] if iv else (_published(st) or date.min)


def _last_date(st: Statement) -> date:
    iv = _interval(st)
    return iv[1] if iv else (_published(st) or date.min)


def decision_dated(st: Statement) -> Statement:
    """A transfer whose `valid` is a delivery horizon ("by 2028") acts on its decision date
    (`extra["decided"]`, as DateInterval.to_dict() or an ISO date)."""
    dec = st.extra.get("decided") if st.extra else None
    if not dec:
        return st
    try:
        if isinstance(dec, dict):
            start = date.fromisoformat(dec["start"]) if dec.get("start") else None
            end = date.fromisoformat(dec["end"]) if dec.get("end") else start
            prec = Precision(dec.get("precision") or "day")
            text = str(dec.get("text") or "")
        else:
            start = end = dec if isinstance(dec, date) else date.fromisoformat(str(dec))
            prec, text = Precision.DAY, ""
    except (ValueError, TypeError, KeyError):
        return st
    return st.with_(valid=DateInterval(start, end, prec, text)) if start else st


def merge_statements(items: Iterable[tuple[int | None, Statement]]) -> list[Fact]:
    """Cluster statements (with their store ids) into facts; deterministic for the same input.

    Complete linkage inside each (block, action, polarity, firmness) group, scanning by date so only
    clusters that ended less than a week before a statement are compared with it.
    """
    groups: dict[tuple, list[tuple[int | None, Statement]]] = {}
    for sid, st in items:
        st = decision_dated(st)
        groups.setdefault(_sub_key(st), []).append((sid, st))
    clusters: list[list[tuple[int | None, Statement]]] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda it: (_sort_date(it[1]),) + _evidence_key(it[1]))
        active: list[tuple[date, list[tuple[int | None, Statement]]]] = []
        for it in members:
            st = it[1]
            start = _sort_date(st)  # date.min for a statement with no date at all
            horizon = start - WEEK - timedelta(days=1) if start > date.min + WEEK * 2 else date.min
            active = [(end, c) for end, c in active if end >= horizon]
            for i, (end, c) in enumerate(active):
                if all(same_fact(st, other) for _, other in c):
                    c.append(it)
                    active[i] = (max(end, _last_date(st)), c)
                    break
            else:
                c = [it]
                clusters.append(c)
                active.append((_last_date(st), c))
    return [_to_fact(c) for c in clusters]


def _most_common(values: Sequence) -> object:
    vals = [v for v in values if v is not None]
    return Counter(vals).most_common(1)[0][0] if vals else None


def _fact_id(block: str, st: Statement, modality: Modality, key: tuple) -> str:
    ident = "|".join([block, st.action or "", str(st.polarity), modality.value, *map(str, key)])
    return "f" + hashlib.sha1(ident.encode()).hexdigest()[:15]


def _evidence(sid: int | None, st: Statement) -> FactEvidence:
    ev = st.evidence
    return FactEvidence(sid, ev.document_id, ev.outlet, ev.published, ev.sentence_index, ev.start_char,
                        ev.end_char, ev.sentence, st.valid.start if _is_dated(st) else None, st.quantity,
                        st.money.amount if st.money else None)


def _single_fact(sid: int | None, st: Statement) -> Fact:
    """Fast path: a fact told once."""
    block = block_key(st)
    dated = _is_dated(st)
    start = st.valid.start if dated else _published(st)
    end = (st.valid.end or st.valid.start) if dated else start
    w = st.weapon
    return Fact(_fact_id(block, st, st.modality, _evidence_key(st)), block, st.type.value, st.actor or st.speaker,
                st.recipient, w.kind if w else None, w.id if w else None, tuple(sorted(z.value for z in st.zones)),
                st.target_type, st.action, st.polarity, st.modality.value, start, end,
                st.valid.precision.value if dated else Precision.UNKNOWN.value, not dated, st.quantity,
                st.money.amount if st.money else None, st.money.currency if st.money else None, st.speaker,
                st.topic, 1, st.confidence, [_evidence(sid, st)])


def _to_fact(cluster: list[tuple[int | None, Statement]]) -> Fact:
    if len(cluster) == 1:
        return _single_fact(*cluster[0])
    sts = [st for _, st in cluster]
    first = sts[0]
    zone_sets = [set(z.value for z in st.zones) for st in sts if st.zones]
    zones: set[str] = set.intersection(*zone_sets) if zone_sets else set()
    if zone_sets and not zones:
        zones = zone_sets[0]
    dated = [st for st in sts if _is_dated(st)]
    if dated:
        start = max(_interval(st)[0] for st in dated)  # type: ignore[index]
        end = min(_interval(st)[1] for st in dated)  # type: ignore[index]
        if end < start:
            start, end = min(_interval(st)[0] for st in dated), max(_interval(st)[1] for st in dated)  # type: ignore[index]
        precision = min((st.valid.precision for st in dated), key=PRECISION_RANK.__getitem__).value
        by_pub = False
    else:
        pubs = [p for p in (_published(st) for st in sts) if p]
        start = end = min(pubs) if pubs else None
        precision, by_pub = Precision.UNKNOWN.value, True
    modality = min((st.modality for st in sts), key=MODALITY_RANK.__getitem__)
    money = [st.money for st in sts if st.money]
    outlets = {st.evidence.outlet or st.evidence.document_id for st in sts}
    block = block_key(first)
    evidence = [_evidence(sid, st) for sid, st in sorted(cluster, key=lambda it: _evidence_key(it[1]))]
    return Fact(
        id=_fact_id(block, first, modality, min(_evidence_key(st) for st in sts)),
        block=block,
        type=first.type.value,
        actor=first.actor or first.speaker,
        recipient=_most_common([st.recipient for st in sts]),  # type: ignore[arg-type]
        weapon_kind=first.weapon.kind if first.weapon else None,
        weapon_id=first.weapon.id if first.weapon else None,
        zones=tuple(sorted(zones)),
        target_type=_most_common([st.target_type for st in sts]),  # type: ignore[arg-type]
        action=first.action,
        polarity=first.polarity,
        modality=modality.value,
        date_start=start,
        date_end=end,
        precision=precision,
        dated_by_publication=by_pub,
        quantity=_most_common([st.quantity for st in sts]),  # type: ignore[arg-type]
        money_amount=money[0].amount if money else None,
        money_currency=money[0].currency if money else None,
        speaker=_most_common([st.speaker for st in sts]),  # type: ignore[arg-type]
        topic=_most_common([st.topic for st in sts]),  # type: ignore[arg-type]
        corroboration=len(outlets),
        confidence=max(st.confidence for st in sts),
        evidence=evidence,
    )
