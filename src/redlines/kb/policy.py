"""Policy timelines per (donor, weapon level, zone) from facts, following LEDGER.md precedence.

Rules implemented here (pure functions):
- only confirmed/reported facts with the donor as actor and Ukraine (or nobody) as recipient count;
- a fact acts on its date (date_start; the publication date when the text gave none);
- use_permission: allow/lift/approve -> permitted, restrict/keep/ban -> restricted (polarity False
  flips); a restriction to the whole of Ukraine (UA_HELD+UA_OCCUPIED) means "only in Ukraine":
  permitted there, restricted in RU_BORDER and RU_DEEP;
- transfer: deliver/approve/pledge/send -> implied permitted in UA_HELD+UA_OCCUPIED (weaker than any
  explicit restriction, and it ends an earlier not_supplied elsewhere); refuse/withhold (or a negated
  delivery) -> not_supplied in every zone;
- at the same date, the statement naming fewer zones wins for its zones ("near Kharkiv" beats
  "inside Russia"); equally specific statements that disagree make the state `contested`;
- a later fact replaces an earlier one; equal statuses extend the interval and add support.
Specificity between weapon levels (system > class > origin) is applied at query time (query.asof).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from redlines.kb.merge import Fact
from redlines.model import Status, Zone

ALL_ZONES = tuple(z.value for z in Zone)
UKRAINE_ZONES = (Zone.UA_HELD.value, Zone.UA_OCCUPIED.value)
RUSSIA_ZONES = (Zone.RU_BORDER.value, Zone.RU_DEEP.value)
PERMIT_ACTIONS = {"allow", "lift", "approve", "permit", "authorize", "authorise"}
RESTRICT_ACTIONS = {"restrict", "keep", "ban", "prohibit", "forbid", "limit", "veto"}
SUPPLY_ACTIONS = {"deliver", "approve", "pledge", "send", "supply", "provide", "give", "donate", "transfer"}
REFUSE_ACTIONS = {"refuse", "withhold", "rule_out", "reject"}
STATE_CHANGING = {"confirmed", "reported"}
RECIPIENTS = {None, "", "Ukraine"}
EXPLICIT, IMPLIED = "explicit", "implied"


@dataclass(frozen=True, slots=True)
class Event:
    """What one fact says about one key on one date."""

    date: date
    zone: str
    status: str
    basis: str  # explicit | implied | reset
    rank: int  # number of zones the statement named: fewer is more specific
    fact_id: str
    documents: frozenset[str]


@dataclass(slots=True)
class StateInterval:
    """One interval of a key's timeline; valid_to is exclusive, None means still in force."""

    donor: str
    weapon_kind: str
    weapon_id: str
    zone: str
    basis: str
    status: str
    valid_from: date
    valid_to: date | None
    fact_ids: list[str] = field(default_factory=list)
    support_ids: list[str] = field(default_factory=list)

    def key(self) -> tuple[str, str, str, str]:
        return (self.donor, self.weapon_kind, self.weapon_id, self.zone)


@dataclass(slots=True)
class StatusConflict:
    """Equally specific facts giving different statuses for one key on one date."""

    donor: str
    weapon: str
    zone: str
    date: date
    fact_ids: list[str]
    statuses: list[str]


def policy_key(fact: Fact) -> tuple[str, str]:
    """The weapon level a fact decides: its weapon, or the donor's own weapons when a permission
    names none ("allowed strikes on Crimea")."""
    if fact.weapon_id and fact.weapon_kind != "any":
        return (fact.weapon_kind or "system", fact.weapon_id)
    return ("origin", fact.actor or "")


def fact_events(fact: Fact) -> list[Event]:
    """The state events a fact implies (none for facts that do not change policy)."""
    if (fact.modality not in STATE_CHANGING or not fact.actor or fact.recipient not in RECIPIENTS
            or fact.date_start is None
            or (not fact.weapon_id or fact.weapon_kind == "any") and fact.type != "use_permission"):
        return []
    action = (fact.action or "").lower()
    docs = frozenset(e.document_id for e in fact.evidence)
    zones = tuple(fact.zones)

    def ev(zone: str, status: str, basis: str, rank: int) -> Event:
        return Event(fact.date_start, zone, status, basis, rank, fact.id, docs)  # type: ignore[arg-type]

    if fact.type == "use_permission":
        if not zones:
            return []
        if action in PERMIT_ACTIONS:
            status = Status.PERMITTED if fact.polarity else Status.RESTRICTED
        elif action in RESTRICT_ACTIONS:
            status = Status.RESTRICTED if fact.polarity else Status.PERMITTED
        else:
            return []
        if status == Status.RESTRICTED and set(zones) == set(UKRAINE_ZONES):
            return ([ev(z, Status.PERMITTED.value, EXPLICIT, 2) for z in UKRAINE_ZONES]
                    + [ev(z, Status.RESTRICTED.value, EXPLICIT, 2) for z in RUSSIA_ZONES])
        return [ev(z, status.value, EXPLICIT, len(zones)) for z in zones]
    if fact.type == "transfer":
        supplied = action in SUPPLY_ACTIONS and fact.polarity
        refused = action in REFUSE_ACTIONS and fact.polarity or action in SUPPLY_ACTIONS and not fact.polarity
        if supplied:
            use = [z for z in zones if z in UKRAINE_ZONES] or list(UKRAINE_ZONES)
            return ([ev(z, Status.PERMITTED.value, IMPLIED, len(ALL_ZONES)) for z in use]
                    + [ev(z, Status.UNKNOWN.value, "reset", len(ALL_ZONES)) for z in ALL_ZONES if z not in use])
        if refused:
            return [ev(z, Status.NOT_SUPPLIED.value, EXPLICIT, len(ALL_ZONES)) for z in ALL_ZONES]
    return []


def _step(cur: StateInterval | None, events: list[Event], key: tuple[str, str, str, str]
          ) -> tuple[StateInterval | None, StatusConflict | None]:
    """Apply one date's events to the current interval; return the new one (or cur) and any conflict."""
    day = events[0].date
    explicit = [e for e in events if e.basis == EXPLICIT]
    implied = [e for e in events if e.basis == IMPLIED]
    resets = [e for e in events if e.basis == "reset"]
    conflict = None
    if explicit:
        best = min(e.rank for e in explicit)
        top = [e for e in explicit if e.rank == best]
        statuses = sorted({e.status for e in top})
        ids = sorted({e.fact_id for e in top})
        status = statuses[0] if len(statuses) == 1 else Status.CONTESTED.value
        if len(statuses) > 1:
            conflict = StatusConflict(key[0], f"{key[1]}:{key[2]}", key[3], day, ids,
                                      [next(e.status for e in top if e.fact_id == i) for i in ids])
        basis = EXPLICIT
    elif implied:
        if cur is not None and cur.basis == EXPLICIT and cur.status != Status.NOT_SUPPLIED.value:
            return cur, None
        status, basis, ids = Status.PERMITTED.value, IMPLIED, sorted({e.fact_id for e in implied})
    elif resets:
        if cur is None or cur.status != Status.NOT_SUPPLIED.value:
            return cur, None
        status, basis, ids = Status.UNKNOWN.value, IMPLIED, sorted({e.fact_id for e in resets})
    else:
        return cur, None
    if cur is not None and cur.status == status and cur.basis == basis and status != Status.CONTESTED.value:
        cur.support_ids.extend(ids)  # a fact gives one event per key and date: no duplicates
        return cur, None
    if cur is not None:
        cur.valid_to = day
    return StateInterval(*key, basis, status, day, None, list(ids), list(ids)), conflict


def donor_timelines(donor: str, facts: Iterable[Fact]) -> tuple[list[StateInterval], list[StatusConflict]]:
    """All interval timelines of one donor, sorted by key then date, plus same-date conflicts."""
    by_key: dict[tuple[str, str, str, str], list[Event]] = {}
    for f in facts:
        if f.actor != donor:
            continue
        kind, wid = policy_key(f)
        for e in fact_events(f):
            by_key.setdefault((donor, kind, wid, e.zone), []).append(e)
    out: list[StateInterval] = []
    conflicts: list[StatusConflict] = []
    for key in sorted(by_key):
        events = sorted(by_key[key], key=lambda e: (e.date, e.fact_id, e.basis))
        cur: StateInterval | None = None
        i = 0
        while i < len(events):
            j = i
            while j < len(events) and events[j].date == events[i].date:
                j += 1
            new, conflict = _step(cur, events[i:j], key)
            if new is not cur and new is not None:
                out.append(new)
            cur = new
            if conflict:
                conflicts.append(conflict)
            i = j
    return out, conflicts
