"""As-of answers: the status of a donor's weapon in a zone on a date, with the deciding facts.

Combination across weapon levels (LEDGER.md precedence 1 and 2):
- the *named* levels (the system, its class and parent classes, e.g. ATACMS < long_range_missile <
  missile) compete by time first: the explicit state that began last wins, and on the same start date
  the more specific level wins. "Long-range missiles may now be used in Kursk" (November) therefore
  replaces an ATACMS restriction of May, while a same-day ATACMS restriction beats it;
- the *broad* levels (the donor's own weapons, generic "weapons") decide only when no named level has an
  explicit state: "US weapons may be used near Kharkiv" covers HIMARS, and ATACMS stays restricted
  where an ATACMS restriction holds, whatever their dates;
- when no level has an explicit state, an implied permission (a delivery) at any level gives
  `permitted`; otherwise `unknown`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import or_, select, tuple_
from sqlalchemy.orm import Session

from redlines.kb.policy import StateInterval
from redlines.kb.rows import load_facts, row_to_state
from redlines.kb.schema import FactRow, PolicyStateRow
from redlines.kb.store import Store
from redlines.model import Status, Zone
from redlines.query.resolve import (
    catalogue,
    levels,
    resolve_date,
    resolve_donor,
    resolve_weapon,
    resolve_zone,
    weapon_label,
)
from redlines.query.types import Answer, Source

DECIDED = {Status.PERMITTED.value, Status.RESTRICTED.value, Status.NOT_SUPPLIED.value, Status.CONTESTED.value}


def decide(chain: Sequence[tuple[str, str]], states: dict[tuple[str, str], StateInterval]
           ) -> tuple[StateInterval | None, tuple[str, str] | None]:
    """The deciding interval among the levels' intervals in force (most specific explicit first)."""
    explicit = [(lvl, st) for lvl in chain if (st := states.get(lvl)) is not None
                and st.basis == "explicit" and st.status in DECIDED]
    named = [(lvl, st) for lvl, st in explicit if not _broad(lvl)]
    if named:
        # latest start wins; on the same date the earlier (more specific) level in the chain
        lvl, st = max(named, key=lambda p: (p[1].valid_from, -chain.index(p[0])))
        return st, lvl
    if explicit:
        lvl, st = explicit[0]
        return st, lvl
    for lvl in chain:
        st = states.get(lvl)
        if st is not None and st.status == Status.PERMITTED.value:
            return st, lvl
    return None, None


MAX_FACTS = 25


def _broad(level: tuple[str, str]) -> bool:
    """The donor's own weapons and generic "weapons" are broad levels; systems and classes are named."""
    return level[0] == "origin" or level == ("class", "weapons")


def supporting_ids(st: StateInterval, lvl, chain: Sequence[tuple[str, str]],
                   in_force: dict[tuple[str, str], StateInterval]) -> list[str]:
    """The deciding interval's facts, then those of broader levels that agree (same status, explicit):
    "US weapons may be used near Kharkiv" also supports HIMARS there. Capped at MAX_FACTS, latest kept."""
    ids = list(dict.fromkeys(st.fact_ids + st.support_ids))
    for other in chain[chain.index(lvl) + 1:]:
        o = in_force.get(other)
        if o is not None and o.status == st.status and o.basis == st.basis:
            ids += [i for i in o.fact_ids + o.support_ids if i not in ids]
    return ids if len(ids) <= MAX_FACTS else st.fact_ids + [i for i in ids[-MAX_FACTS:] if i not in st.fact_ids]


def _in_force(session: Session, donor: str, zone: str, chain: Sequence[tuple[str, str]], day: date
              ) -> dict[tuple[str, str], StateInterval]:
    q = select(PolicyStateRow).where(
        PolicyStateRow.donor == donor, PolicyStateRow.zone == zone,
        tuple_(PolicyStateRow.weapon_kind, PolicyStateRow.weapon_id).in_(list(chain)),
        PolicyStateRow.valid_from <= day,
        or_(PolicyStateRow.valid_to.is_(None), PolicyStateRow.valid_to > day))
    return {(r.weapon_kind, r.weapon_id): row_to_state(r) for r in session.scalars(q)}


def sources_by_fact(session: Session, fact_ids: Iterable[str]) -> dict[str, list[Source]]:
    """Sources (one per evidence sentence) of many facts, loaded in a few queries."""
    ids = list(dict.fromkeys(fact_ids))
    out: dict[str, list[Source]] = {}
    for i in range(0, len(ids), 500):
        for f in load_facts(session, FactRow.id.in_(ids[i:i + 500])):
            out[f.id] = [Source(e.outlet, f.date_start, e.published, e.sentence, e.document_id, f.id)
                         for e in f.evidence]
    return out


def order_sources(sources: Iterable[Source]) -> list[Source]:
    """By fact date, then outlet and document; a sentence behind several facts is cited once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for s in sorted(sources, key=lambda s: (s.fact_date or date.min, s.outlet or "", s.document_id)):
        if (s.document_id, s.sentence) not in seen:
            seen.add((s.document_id, s.sentence))
            out.append(s)
    return out


def sources_for(session: Session, fact_ids: Iterable[str]) -> list[Source]:
    """One Source per evidence sentence of these facts, by fact date then outlet."""
    return order_sources(s for group in sources_by_fact(session, fact_ids).values() for s in group)


def ask(store: Store, donor: str, weapon: str, zone: str | Zone, date: date | str | None) -> Answer:  # noqa: A002
    """Status of `donor`'s `weapon` in `zone` on `date` (canonical names resolved)."""
    donor_c = resolve_donor(donor)
    kind, wid = resolve_weapon(weapon)
    z = resolve_zone(zone).value
    day = resolve_date(date)
    chain = levels(donor_c, kind, wid)
    with store.session() as s:
        in_force = _in_force(s, donor_c, z, chain, day)
        st, lvl = decide(chain, in_force)
        if st is None:
            return Answer(donor_c, weapon_label(kind, wid), z, day, Status.UNKNOWN.value, None, [],
                          None, "nothing in the corpus decides it")
        facts = sources_for(s, supporting_ids(st, lvl, chain, in_force))
    note = "" if lvl == (kind, wid) else f"decided at the level {weapon_label(*lvl)}"  # type: ignore[misc]
    return Answer(donor_c, weapon_label(kind, wid), z, day, st.status, st.valid_from, facts,
                  weapon_label(*lvl), note)  # type: ignore[misc]


def donors_of(store: Store, weapon: str) -> list[str]:
    """Donors with any fact or state about the weapon, plus its maker."""
    kind, wid = resolve_weapon(weapon)
    with store.session() as s:
        found = set(s.scalars(select(PolicyStateRow.donor).where(
            PolicyStateRow.weapon_kind == kind, PolicyStateRow.weapon_id == wid).distinct()))
        found |= {a for a in s.scalars(select(FactRow.actor).where(
            FactRow.weapon_kind == kind, FactRow.weapon_id == wid,
            FactRow.type.in_(("use_permission", "transfer"))).distinct()) if a}
    maker = catalogue().maker(wid) if kind == "system" else None
    if maker:
        found.add(maker)
    found.discard("Ukraine")
    return sorted(found)


def ask_all(store: Store, weapon: str, zones: Sequence[str | Zone], date: date | str | None,  # noqa: A002
            donor: str | None = None) -> list[Answer]:
    """Answers for one donor, or for every donor of the weapon, in each zone."""
    donors = [resolve_donor(donor)] if donor else donors_of(store, weapon)
    return [ask(store, d, weapon, z, date) for d in donors for z in zones]
