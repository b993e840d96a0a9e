"""The red-line ledger: which restrictions were removed and which remain, as of a date.

A red line is a (donor, weapon level, zone) key whose own timeline had an explicit `restricted` or
`not_supplied` interval; it is *removed* when a later interval (in force by the date) is `permitted`,
and *remaining* while the state on the date is still restricted, not supplied or contested. Keys
that share donor, weapon, dates and outcome are shown once with their zones joined ("RU_BORDER+RU_DEEP").
Topics (data/redlines.yaml) only name and order them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import and_, func, or_, select

from redlines.errors import StoreError
from redlines.kb.rows import row_to_state
from redlines.kb.schema import PolicyStateRow
from redlines.kb.store import Store
from redlines.model import Status, Zone
from redlines.query.asof import order_sources, sources_by_fact
from redlines.query.resolve import catalogue, resolve_date, weapon_label
from redlines.query.types import Ledger, RedLine

MAX_SUPPORT = 5  # latest agreeing facts shown per red line besides the deciding ones
BARRED = {Status.RESTRICTED.value, Status.NOT_SUPPLIED.value}
ZONE_ORDER = {z.value: i for i, z in enumerate(Zone)}


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    systems: frozenset[str]
    classes: frozenset[str]
    kinds: frozenset[str]
    zones: frozenset[str]

    def matches(self, kind: str, wid: str, zones: Iterable[str]) -> bool:
        """The weapon is listed (or its class is) and every zone of the line is one of the topic's."""
        cat = catalogue()
        classes = {wid} if kind == "class" else set(cat.class_chain(cat.weapon_class(wid))) if kind == "system" else set()
        weapon_ok = (not self.systems and not self.classes) or (kind == "system" and wid in self.systems) or bool(
            classes & self.classes)
        return (weapon_ok and (not self.kinds or kind in self.kinds) and (not self.zones or set(zones) <= self.zones))


@lru_cache(maxsize=1)
def load_topics() -> tuple[Topic, ...]:
    """The red-line topics from data/redlines.yaml."""
    try:
        data: dict[str, Any] = yaml.safe_load(resources.files("redlines.data").joinpath("redlines.yaml").read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise StoreError(f"cannot read data/redlines.yaml: {exc}") from exc
    return tuple(Topic(t["name"], frozenset(t.get("systems", [])), frozenset(t.get("classes", [])),
                       frozenset(t.get("kinds", [])), frozenset(t.get("zones", [])))
                 for t in data.get("topics", []))


def topic_for(kind: str, wid: str, zones: Iterable[str]) -> str:
    """The first topic matching the line, else a generated name."""
    zones = sorted(zones, key=ZONE_ORDER.__getitem__)
    for t in load_topics():
        if t.matches(kind, wid, zones):
            return t.name
    where = "anywhere" if len(zones) == len(ZONE_ORDER) else "+".join(zones)
    return f"{weapon_label(kind, wid)} in {where}"


def _key(r) -> tuple[str, str, str, str]:
    return (r.donor, r.weapon_kind, r.weapon_id, r.zone)


def _barred_and_current(session, as_of: date | None) -> tuple[dict, dict]:
    """Per key: its first explicit restricted/not_supplied interval, and the interval in force on the date."""
    t = PolicyStateRow.__table__
    cols = [t.c.donor, t.c.weapon_kind, t.c.weapon_id, t.c.zone]
    barred = select(*cols, func.min(t.c.valid_from).label("first")).where(
        t.c.basis == "explicit", t.c.status.in_(sorted(BARRED)))
    if as_of is not None:
        barred = barred.where(t.c.valid_from <= as_of)
    b = barred.group_by(*cols).subquery()
    on = and_(*(t.c[c] == b.c[c] for c in ("donor", "weapon_kind", "weapon_id", "zone")))
    drawn = {_key(r): row_to_state(r) for r in session.execute(
        select(t).join(b, and_(on, t.c.valid_from == b.c.first)))}
    now_q = select(t).join(b, on)
    now_q = now_q.where(t.c.valid_to.is_(None)) if as_of is None else now_q.where(
        t.c.valid_from <= as_of, or_(t.c.valid_to.is_(None), t.c.valid_to > as_of))
    current = {_key(r): row_to_state(r) for r in session.execute(now_q)}
    return drawn, current


def _permitted_classes(session, as_of: date | None) -> dict[tuple[str, str, str], Any]:
    """Explicit class-level permissions in force on the date, by (donor, class, zone)."""
    t = PolicyStateRow.__table__
    q = select(t).where(t.c.weapon_kind == "class", t.c.basis == "explicit",
                        t.c.status == Status.PERMITTED.value)
    q = q.where(t.c.valid_to.is_(None)) if as_of is None else q.where(
        t.c.valid_from <= as_of, or_(t.c.valid_to.is_(None), t.c.valid_to > as_of))
    return {(r.donor, r.weapon_id, r.zone): row_to_state(r) for r in session.execute(q)}


def _lifted_by_class(classes: dict, donor: str, system: str, zone: str, now: Any) -> Any:
    """A later permission for the system's class ("long-range missiles may now be used") lifts a system's
    restriction, as in the as-of answers (named levels compete by time)."""
    cat = catalogue()
    later = [st for c in cat.class_chain(cat.weapon_class(system))
             if (st := classes.get((donor, c, zone))) is not None and st.valid_from > now.valid_from]
    return max(later, key=lambda st: st.valid_from) if later else None


def ledger(store: Store, as_of: date | str | None = None) -> Ledger:
    """Red lines removed (what, who, when, evidence) and remaining, as of a date (None = latest)."""
    if as_of is not None:
        as_of = resolve_date(as_of)
    with store.session() as s:
        drawn_by_key, current = _barred_and_current(s, as_of)
        current_classes = _permitted_classes(s, as_of)
        groups: dict[tuple, dict[str, Any]] = {}
        for key in sorted(drawn_by_key):
            drawn, now = drawn_by_key[key], current.get(key)
            if now is None or now.status not in BARRED | {Status.PERMITTED.value, Status.CONTESTED.value}:
                continue
            removed = now if now.status == Status.PERMITTED.value else None
            donor, kind, wid, zone = key
            if removed is None and kind == "system":
                removed = _lifted_by_class(current_classes, donor, wid, zone, now)
            status = Status.PERMITTED.value if removed is not None else now.status
            gkey = (donor, kind, wid, drawn.valid_from, removed.valid_from if removed else None, status)
            g = groups.setdefault(gkey, {"zones": [], "fact_ids": []})
            g["zones"].append(zone)
            lifted = removed.fact_ids if removed is not None and removed is not now else []
            for fid in drawn.fact_ids + now.fact_ids + lifted + now.support_ids[-MAX_SUPPORT:]:
                if fid not in g["fact_ids"]:
                    g["fact_ids"].append(fid)
        out = Ledger(as_of)
        by_fact = sources_by_fact(s, (fid for g in groups.values() for fid in g["fact_ids"]))
        for (donor, kind, wid, drawn_on, removed_on, status), g in groups.items():
            topic = topic_for(kind, wid, g["zones"])
            zones = "+".join(sorted(g["zones"], key=ZONE_ORDER.__getitem__))
            sources = order_sources(src for fid in g["fact_ids"] for src in by_fact.get(fid, []))
            line = RedLine(topic, donor, weapon_label(kind, wid), zones, status, drawn_on, removed_on, sources)
            (out.removed if removed_on else out.remaining).append(line)
    order = {t.name: i for i, t in enumerate(load_topics())}
    key = lambda r: (order.get(r.topic, len(order)), r.topic, r.donor, r.weapon, r.zone)  # noqa: E731
    out.removed.sort(key=key)
    out.remaining.sort(key=key)
    return out
