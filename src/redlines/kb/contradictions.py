"""Disagreements between sources, flagged with both sides (pure): never silently resolved.

- quantity / money: evidence merged into one fact gives different values;
- date: the same event (a speech, warning, attack: types position, quote, attack) by the same
  speaker (or actor) with the same action, day-precision dates 1-3 days apart, told by different
  documents neither of which also gives the other date, about the same thing (same weapon or topic,
  or shared wording);
- status: equally specific facts giving different statuses for one key on one date (from policy).
A change over time (different action or polarity on different dates) is not a contradiction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redlines.kb.merge import Fact
from redlines.kb.policy import StatusConflict

EVENT_TYPES = {"position", "quote", "attack"}
MAX_DAYS_APART = 3
MIN_OVERLAP = 0.15  # share of content words (speaker's name left out) two tellings must have in common
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "the and that with from this have has had was were will would said says told about their they its "
    "for not are but been into than also them his her who which when what said".split())


@dataclass(slots=True)
class Contradiction:
    """Facts whose sources disagree on `field`, with each side's value and sources."""

    id: str
    actor: str
    scope: str
    field: str
    fact_ids: list[str]
    values: list[Any]
    sources: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""


def _cid(field_: str, ids: Iterable[str]) -> str:
    return "c" + hashlib.sha1((field_ + "|" + "|".join(sorted(ids))).encode()).hexdigest()[:15]


def _ev_source(fact: Fact, e: Any, value: Any) -> dict[str, Any]:
    return {"fact_id": fact.id, "value": value, "outlet": e.outlet, "document_id": e.document_id,
            "fact_date": fact.date_start.isoformat() if fact.date_start else None,
            "published": e.published.isoformat() if e.published else None, "sentence": e.sentence}


def _source(fact: Fact, value: Any) -> list[dict[str, Any]]:
    return [_ev_source(fact, e, value) for e in fact.evidence]


def _words(fact: Fact) -> set[str]:
    text = " ".join(e.sentence for e in fact.evidence) + " " + (fact.topic or "")
    names = set(_WORD.findall((fact.speaker or "").lower()))
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in _STOP and w not in names}


def _same_event(a: Fact, b: Fact) -> bool:
    if (a.type in EVENT_TYPES) != (b.type in EVENT_TYPES) or a.type not in EVENT_TYPES:
        return False
    if {a.type, b.type} - {"position", "quote"} and a.type != b.type:
        return False
    if (a.speaker or b.speaker) and a.speaker != b.speaker:
        return False
    if not a.speaker and a.actor != b.actor:
        return False
    if a.action and b.action and a.action != b.action or a.polarity != b.polarity:
        return False
    if a.weapon_id and b.weapon_id and a.weapon_id != b.weapon_id:
        return False
    if a.precision != "day" or b.precision != "day" or a.dated_by_publication or b.dated_by_publication:
        return False
    if a.date_start is None or b.date_start is None:
        return False
    gap = abs((a.date_start - b.date_start).days)
    if not 1 <= gap <= MAX_DAYS_APART:
        return False
    if {e.document_id for e in a.evidence} & {e.document_id for e in b.evidence}:
        return False
    if a.weapon_id and a.weapon_id == b.weapon_id or a.topic and a.topic == b.topic:
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= MIN_OVERLAP


def value_contradictions(facts: Iterable[Fact]) -> list[Contradiction]:
    """Quantity and money disagreements inside merged facts (scope: the fact's block)."""
    out: list[Contradiction] = []
    for f in sorted(facts, key=lambda f: f.id):
        for fld, attr in (("quantity", "quantity"), ("money", "money_amount")):
            values = sorted({getattr(e, attr) for e in f.evidence if getattr(e, attr) is not None})
            if len(values) > 1:
                srcs = [_ev_source(f, e, getattr(e, attr)) for e in f.evidence if getattr(e, attr) is not None]
                out.append(Contradiction(_cid(fld, [f.id]), f.actor or "", f"value|{f.block}", fld, [f.id],
                                         values, srcs, f"sources give different {fld} values for the same fact"))
    return out


def who(fact: Fact) -> str:
    """Whose event it is: the speaker, else the actor (date contradictions never cross it)."""
    return fact.speaker or fact.actor or ""


def date_contradictions(actor: str, facts: Iterable[Fact]) -> list[Contradiction]:
    """Same event dated differently by different documents (scope: actor and speaker)."""
    by_who: dict[str, list[Fact]] = {}
    for f in facts:
        if f.type in EVENT_TYPES:
            by_who.setdefault(who(f), []).append(f)
    out: list[Contradiction] = []
    for name in sorted(by_who):
        out += _date_pairs(actor, name, by_who[name])
    return out


def _date_pairs(actor: str, name: str, facts: list[Fact]) -> list[Contradiction]:
    events = sorted(facts, key=lambda f: (f.date_start or date.min, f.id))
    told: dict[tuple, set] = {}  # (action, document) -> the dates that document gives
    for f in events:
        for e in f.evidence:
            told.setdefault((f.action, e.document_id), set()).add(f.date_start)

    def also_tells(f: Fact, day: date | None) -> bool:
        return any(day in told.get((f.action, e.document_id), ()) for e in f.evidence)

    out: list[Contradiction] = []
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            if a.date_start and b.date_start and (b.date_start - a.date_start).days > MAX_DAYS_APART:
                break
            if _same_event(a, b) and not also_tells(a, b.date_start) and not also_tells(b, a.date_start):
                da, db = a.date_start.isoformat(), b.date_start.isoformat()  # type: ignore[union-attr]
                out.append(Contradiction(
                    _cid("date", [a.id, b.id]), actor, f"date|{actor}|{name}", "date", [a.id, b.id], [da, db],
                    _source(a, da) + _source(b, db), "sources date the same event differently"))
    return out


def status_contradictions(donor: str, conflicts: Iterable[StatusConflict], facts: Iterable[Fact]
                          ) -> list[Contradiction]:
    """Equally specific facts giving different statuses on one date (scope: donor and weapon)."""
    by_id = {f.id: f for f in facts}
    grouped: dict[tuple, list[StatusConflict]] = {}
    for c in conflicts:
        grouped.setdefault((tuple(c.fact_ids), c.weapon, c.date), []).append(c)
    out: list[Contradiction] = []
    for (ids, weapon, day), cs in sorted(grouped.items()):
        c = cs[0]
        zones = "+".join(x.zone for x in cs)
        cid = _cid("status", list(ids) + [weapon, day.isoformat()])
        srcs = [s for fid, st in zip(c.fact_ids, c.statuses) if fid in by_id for s in _source(by_id[fid], st)]
        out.append(Contradiction(cid, donor, f"status|{donor}|{weapon}", "status", list(ids), list(c.statuses), srcs,
                                 f"{weapon} in {zones} on {day.isoformat()}: sources disagree"))
    return out
