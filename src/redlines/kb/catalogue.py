"""Canonical names for donors and weapons, and each system's class and maker.

Uses `redlines.nlp.Gazetteer` when the language layer provides it; a small built-in table keeps the
knowledge base usable (and testable) without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# system id -> (class, maker); a fallback only, the gazetteer wins.
FALLBACK_WEAPONS: dict[str, tuple[str, str]] = {
    "ATACMS": ("long_range_missile", "United States"),
    "HIMARS": ("mlrs", "United States"),
    "GMLRS": ("mlrs", "United States"),
    "M270": ("mlrs", "United States"),
    "MARS II": ("mlrs", "Germany"),
    "Storm Shadow": ("cruise_missile", "United Kingdom"),
    "Taurus": ("cruise_missile", "Germany"),
    "Patriot": ("air_defence", "United States"),
    "IRIS-T": ("air_defence", "Germany"),
    "NASAMS": ("air_defence", "Norway"),
    "F-16": ("fighter_jet", "United States"),
    "Leopard 1": ("tank", "Germany"),
    "Leopard 2": ("tank", "Germany"),
    "Abrams": ("tank", "United States"),
    "Challenger 2": ("tank", "United Kingdom"),
    "Caesar": ("artillery", "France"),
    "PzH 2000": ("artillery", "Germany"),
    "M777": ("artillery", "United States"),
    "Bradley": ("ifv", "United States"),
    "Marder": ("ifv", "Germany"),
    "JASSM": ("cruise_missile", "United States"),
    "Tomahawk": ("cruise_missile", "United States"),
}
FALLBACK_WEAPON_ALIASES: dict[str, str] = {
    "himars": "HIMARS", "m142": "HIMARS", "mgm-140": "ATACMS", "scalp": "Storm Shadow",
    "scalp-eg": "Storm Shadow", "kepd 350": "Taurus", "f16": "F-16", "f-16s": "F-16",
    "leopard": "Leopard 2", "leopards": "Leopard 2", "leopard tanks": "Leopard 2", "mars ii": "MARS II",
    "mars 2": "MARS II", "m1 abrams": "Abrams", "mim-104": "Patriot",
}
FALLBACK_ACTORS: dict[str, tuple[str, ...]] = {
    "United States": ("us", "u.s.", "usa", "u.s.a.", "america", "american", "washington", "the us",
                      "the u.s.", "the united states", "white house", "biden administration"),
    "Germany": ("german", "berlin", "federal republic of germany"),
    "United Kingdom": ("uk", "u.k.", "britain", "great britain", "british", "london"),
    "France": ("french", "paris"),
    "Belgium": ("belgian", "brussels"),
    "Netherlands": ("dutch", "the netherlands", "holland", "the hague"),
    "Denmark": ("danish", "copenhagen"),
    "Norway": ("norwegian", "oslo"),
    "Poland": ("polish", "warsaw"),
    "Canada": ("canadian", "ottawa"),
    "Italy": ("italian", "rome"),
    "Sweden": ("swedish", "stockholm"),
    "Portugal": ("portuguese", "lisbon"),
    "Ukraine": ("ukrainian", "kyiv", "kiev"),
    "Russia": ("russian", "moscow", "kremlin"),
    "NATO": ("nato", "the alliance"),
    "European Union": ("eu", "the eu", "e.u."),
}
CLASS_ALIASES: dict[str, str] = {
    "long-range missiles": "long_range_missile", "long range missiles": "long_range_missile",
    "cruise missiles": "cruise_missile", "fighter jets": "fighter_jet", "jets": "fighter_jet",
    "tanks": "tank", "artillery": "artillery", "air defence": "air_defence", "air defense": "air_defence",
    "rocket artillery": "mlrs", "rocket launchers": "mlrs", "drones": "drone", "missiles": "missile",
    "weapons": "weapons",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))


@dataclass(slots=True)
class Catalogue:
    """Lookups the knowledge base needs: actor and weapon names, class and maker of a system."""

    weapons: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    weapon_aliases: dict[str, str] = field(default_factory=dict)
    actor_aliases: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)

    def weapon_class(self, system: str) -> str | None:
        """The class id of a system ("HIMARS" -> "mlrs"), or None."""
        return self.weapons.get(system, (None, None))[0]

    def class_chain(self, cls: str | None) -> list[str]:
        """The class and its parents, most specific first ("cruise_missile", "missile", "weapons")."""
        out: list[str] = []
        while cls and cls not in out:
            out.append(cls)
            cls = self.parents.get(cls)
        if out and out[-1] != "weapons":
            out.append("weapons")
        return out

    def maker(self, system: str) -> str | None:
        """The maker's state of a system ("HIMARS" -> "United States"), or None."""
        return self.weapons.get(system, (None, None))[1]

    def actor(self, name: str) -> str | None:
        """Canonical actor for a name, alias or adjective; None when unknown."""
        return self.actor_aliases.get(_norm(name))

    def weapon(self, name: str) -> tuple[str, str] | None:
        """(kind, id) for a system name or alias, a class id or phrase, or "origin:X"."""
        n = _norm(name)
        if n.startswith("origin:"):
            a = self.actor(n[7:]) or name.split(":", 1)[1].strip()
            return ("origin", a)
        if n.startswith("class:"):
            n = n[6:]
        if n in self.weapon_aliases:
            return ("system", self.weapon_aliases[n])
        if n in self.classes:
            return ("class", self.classes[n])
        if n.rstrip("s") in self.weapon_aliases:
            return ("system", self.weapon_aliases[n.rstrip("s")])
        return None


def _from_fallback() -> Catalogue:
    cat = Catalogue()
    for sid, (cls, maker) in FALLBACK_WEAPONS.items():
        cat.weapons[sid] = (cls, maker)
        cat.weapon_aliases[_norm(sid)] = sid
    cat.weapon_aliases.update(FALLBACK_WEAPON_ALIASES)
    for canon, aliases in FALLBACK_ACTORS.items():
        cat.actor_aliases[_norm(canon)] = canon
        for a in aliases:
            cat.actor_aliases[_norm(a)] = canon
    for cls in {c for c, _ in FALLBACK_WEAPONS.values()} | set(CLASS_ALIASES.values()):
        cat.classes[_norm(cls)] = cls
        cat.classes[_norm(cls.replace("_", " "))] = cls
    cat.classes.update({_norm(k): v for k, v in CLASS_ALIASES.items()})
    cat.parents.update({"long_range_missile": "missile", "cruise_missile": "missile", "missile": "weapons"})
    return cat


def _get(obj: Any, *names: str) -> Any:
    for n in names:
        v = obj.get(n) if isinstance(obj, dict) else getattr(obj, n, None)
        if v is not None:
            return v
    return None


def _merge_gazetteer(cat: Catalogue, gaz: Any) -> None:
    """Add the gazetteer's weapons and actors (any shape exposing ids, aliases, cls, maker)."""
    weapons = _get(gaz, "weapons") or {}
    items = weapons.items() if isinstance(weapons, dict) else ((_get(w, "id"), w) for w in weapons)
    for wid, w in items:
        if not wid:
            continue
        cls, maker = _get(w, "cls", "class_", "klass"), _get(w, "maker")
        cat.weapons[wid] = (cls or cat.weapon_class(wid), maker or cat.maker(wid))
        cat.weapon_aliases[_norm(wid)] = wid
        for a in _get(w, "aliases") or ():
            cat.weapon_aliases[_norm(a)] = wid
        if cls:
            cat.classes.setdefault(_norm(cls), cls)
            cat.classes.setdefault(_norm(cls.replace("_", " ")), cls)
    classes = _get(gaz, "classes") or {}
    for cid, c in (classes.items() if isinstance(classes, dict) else ()):
        cat.classes[_norm(cid)] = cid
        cat.classes[_norm(cid.replace("_", " "))] = cid
        for ph in _get(c, "phrases") or ():
            if "{" not in ph:
                cat.classes.setdefault(_norm(ph), cid)
        if _get(c, "parent"):
            cat.parents[cid] = _get(c, "parent")
    actors = _get(gaz, "actors") or {}
    items = actors.items() if isinstance(actors, dict) else ((_get(a, "id"), a) for a in actors)
    for aid, a in items:
        if not aid:
            continue
        cat.actor_aliases[_norm(aid)] = aid
        for al in [*(_get(a, "aliases") or ()), *(_get(a, "adjectives") or ()), *(_get(a, "metonyms") or ())]:
            cat.actor_aliases[_norm(al)] = aid


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The catalogue: the built-in table, enriched by the gazetteer when it loads."""
    cat = _from_fallback()
    try:
        try:
            from redlines.nlp import Gazetteer  # type: ignore[attr-defined]
        except ImportError:
            from redlines.nlp.gazetteer import Gazetteer  # type: ignore[no-redef]

        _merge_gazetteer(cat, Gazetteer.load())
    except Exception:  # the language layer is optional here  # noqa: BLE001
        pass
    return cat
