"""Canonical donors, weapons, zones and dates for queries (gazetteer names: "US", "himars")."""

from __future__ import annotations

from datetime import date

from redlines.errors import UsageError
from redlines.kb.catalogue import Catalogue, load_catalogue
from redlines.model import Zone

ZONE_ALIASES = {
    "russia": (Zone.RU_BORDER, Zone.RU_DEEP), "inside russia": (Zone.RU_BORDER, Zone.RU_DEEP),
    "ukraine": (Zone.UA_HELD, Zone.UA_OCCUPIED), "crimea": (Zone.UA_OCCUPIED,),
    "occupied": (Zone.UA_OCCUPIED,), "border": (Zone.RU_BORDER,), "deep": (Zone.RU_DEEP,),
}


def catalogue() -> Catalogue:
    """The shared name catalogue (gazetteer when available)."""
    return load_catalogue()


def resolve_donor(name: str) -> str:
    """Canonical actor for "US", "Washington", "germany"...; unknown names are kept as written."""
    if not name or not name.strip():
        raise UsageError("empty donor name")
    return catalogue().actor(name) or name.strip()


def resolve_weapon(name: str) -> tuple[str, str]:
    """(kind, id) for a system ("himars"), a class ("long-range missiles", "class:mlrs") or an origin
    ("origin:US", "US weapons")."""
    if not name or not name.strip():
        raise UsageError("empty weapon name")
    cat = catalogue()
    found = cat.weapon(name)
    if found:
        return found
    words = name.strip().split()
    if len(words) >= 2 and words[-1].lower() in {"weapons", "weaponry", "arms", "missiles"}:
        donor = cat.actor(" ".join(words[:-1]).replace("-supplied", "").replace("-made", ""))
        if donor:
            return ("origin", donor)
    return ("system", name.strip())


def weapon_label(kind: str, wid: str) -> str:
    """"HIMARS" for a system, "class:mlrs", "origin:United States" otherwise."""
    return wid if kind == "system" else f"{kind}:{wid}"


def resolve_zone(value: str | Zone) -> Zone:
    """One zone from its name (case-insensitive); UsageError names the valid ones."""
    if isinstance(value, Zone):
        return value
    v = (value or "").strip().upper().replace("-", "_").replace(" ", "_")
    try:
        return Zone(v)
    except ValueError:
        valid = ", ".join(z.value for z in Zone)
        raise UsageError(f"unknown zone {value!r}; use one of {valid}") from None


def resolve_zones(value: str) -> tuple[Zone, ...]:
    """One or several zones: a zone name, or "Russia"/"Ukraine"/"Crimea"."""
    alias = ZONE_ALIASES.get((value or "").strip().lower())
    return alias if alias else (resolve_zone(value),)


def resolve_date(value: str | date | None) -> date:
    """A date from YYYY-MM-DD (today when None)."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise UsageError(f"bad date {value!r}; use YYYY-MM-DD") from None


def levels(donor: str, kind: str, wid: str) -> list[tuple[str, str]]:
    """Weapon levels most specific first: system, its class and parents, the donor's weapons."""
    cat = catalogue()
    if kind == "system":
        chain = [("system", wid)] + [("class", c) for c in cat.class_chain(cat.weapon_class(wid))]
    elif kind == "class":
        chain = [("class", c) for c in (cat.class_chain(wid) or [wid])]
    else:
        chain = [(kind, wid)]
    if ("class", "weapons") not in chain and kind != "origin":
        chain.append(("class", "weapons"))
    origin = ("origin", donor)
    if origin not in chain:
        # the donor's own weapons sit with the generic class: just before it
        idx = chain.index(("class", "weapons")) if ("class", "weapons") in chain else len(chain)
        chain.insert(idx, origin)
    return chain
