"""Gazetteers as data: load and validate the package YAML files plus user extension files."""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from redlines.errors import GazetteerError
from redlines.model import Zone
from redlines.nlp.entries import (
    Actor,
    Entry,
    Official,
    Organisation,
    Place,
    RoleNoun,
    Weapon,
    WeaponClass,
    ZonePhrases,
    combine_entries,
)

DATA_FILES = ("actors.yaml", "officials.yaml", "weapons.yaml", "places.yaml", "cues.yaml")
SECTIONS = (
    "actors",
    "organisations",
    "officials",
    "role_nouns",
    "systems",
    "classes",
    "places",
    "zone_phrases",
)


_MODELS: dict[str, type[Entry]] = {
    "actors": Actor,
    "organisations": Organisation,
    "officials": Official,
    "role_nouns": RoleNoun,
    "systems": Weapon,
    "classes": WeaponClass,
    "places": Place,
    "zone_phrases": ZonePhrases,
}
_KEYS = {
    "actors": "id",
    "organisations": "id",
    "officials": "name",
    "role_nouns": "title",
    "systems": "id",
    "classes": "id",
    "places": "id",
}
_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(phrase: str) -> list[str]:
    """Expand "{a|b} c" into ["a c", "b c"]; "{|x}" makes x optional."""
    m = _BRACES.search(phrase)
    if not m:
        return [" ".join(phrase.split())]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out.extend(expand(phrase[: m.start()] + alt + phrase[m.end() :]))
    return out


def _read_yaml(path: Path | Any, name: str) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{name}: cannot read gazetteer file ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{name}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise GazetteerError(
            f"{name}: a gazetteer file must be a mapping with sections {', '.join(SECTIONS)}"
        )
    return data


def _validate(section: str, items: Any, name: str) -> list[Entry]:
    if not isinstance(items, list):
        raise GazetteerError(f"{name}: section {section!r} must be a list")
    model = _MODELS[section]
    out = []
    for i, item in enumerate(items):
        label = item.get(_KEYS.get(section, ""), f"#{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
        if not isinstance(item, dict):
            raise GazetteerError(f"{name}: {section} entry {label}: must be a mapping")
        try:
            out.append(model.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise GazetteerError(f"{name}: {section} entry {label!s}: {where}: {err['msg']}") from None
    return out


class Gazetteer:
    """Actors, organisations, officials, weapons, places and cue words, merged from all files."""

    def __init__(self, sections: dict[str, list[Any]], cues: dict[str, Any], files: list[str]) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in sections["actors"]}
        self.organisations: dict[str, Organisation] = {o.id: o for o in sections["organisations"]}
        self.officials: dict[str, Official] = {o.name: o for o in sections["officials"]}
        self.role_nouns: list[RoleNoun] = list(sections["role_nouns"])
        self.weapons: dict[str, Weapon] = {w.id: w for w in sections["systems"]}
        self.classes: dict[str, WeaponClass] = {c.id: c for c in sections["classes"]}
        self.places: dict[str, Place] = {p.id: p for p in sections["places"]}
        self.zone_phrase_sets: list[ZonePhrases] = list(sections["zone_phrases"])
        self.cues: dict[str, Any] = cues
        self.role_words: frozenset[str] = frozenset(cues.get("role_words", ()))
        self.files = files

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: list[str] | tuple[str, ...] = ()) -> Gazetteer:
        """Package data files, then user files; a user entry with a known id extends its lists and
        replaces the fields it sets (so a file can just add aliases)."""
        merged: dict[str, dict[str, Any]] = {s: {} for s in SECTIONS}
        cues: dict[str, Any] = {}
        files: list[str] = []
        origin: dict[tuple[str, str], str] = {}
        sources: list[tuple[str, Any]] = [
            (f"redlines/data/{n}", resources.files("redlines.data").joinpath(n)) for n in DATA_FILES
        ]
        for f in extra_files:
            p = Path(f)
            if not p.is_file():
                raise GazetteerError(f"{f}: gazetteer file not found")
            sources.append((str(f), p))
        for name, path in sources:
            data = _read_yaml(path, name)
            files.append(name)
            if "version" in data and not isinstance(data["version"], int):
                raise GazetteerError(f"{name}: version must be an integer")
            unknown = (
                set(data)
                - set(SECTIONS)
                - {"version", "cues", "irregular", "speech_only", "role_words", "stop_phrases"}
            )
            if unknown:
                raise GazetteerError(f"{name}: unknown section(s) {', '.join(sorted(unknown))}")
            if name.endswith("cues.yaml") or "cues" in data:
                cls._merge_cues(cues, data, name)
            if "role_words" in data:
                if not isinstance(data["role_words"], list):
                    raise GazetteerError(f"{name}: role_words must be a list of words")
                cues.setdefault("role_words", []).extend(str(w).lower() for w in data["role_words"])
            if "stop_phrases" in data:
                if not isinstance(data["stop_phrases"], list):
                    raise GazetteerError(f"{name}: stop_phrases must be a list of phrases")
                cues.setdefault("stop_phrases", []).extend(str(w) for w in data["stop_phrases"])
            for section in SECTIONS:
                if section in data and data[section] is not None:
                    for i, entry in enumerate(_validate(section, data[section], name)):
                        key = getattr(entry, _KEYS[section]) if section in _KEYS else f"{name}#{i}"
                        old = merged[section].get(key)
                        merged[section][key] = combine_entries(old, entry) if old is not None else entry
                        origin[(section, key)] = name
        cls._check_references(merged, origin)
        return cls({s: list(v.values()) for s, v in merged.items()}, cues, files)

    @staticmethod
    def _merge_cues(cues: dict[str, Any], data: dict, name: str) -> None:
        groups = data.get("cues") or {}
        if not isinstance(groups, dict):
            raise GazetteerError(f"{name}: cues must map a statement type to lemmas/phrases")
        for group, spec in groups.items():
            if not isinstance(spec, dict) or not all(isinstance(v, list) for v in spec.values()):
                raise GazetteerError(f"{name}: cues entry {group}: needs lists 'lemmas' and/or 'phrases'")
            tgt = cues.setdefault("groups", {}).setdefault(group, {"lemmas": [], "phrases": []})
            for k in ("lemmas", "phrases"):
                tgt[k].extend(str(x) for x in spec.get(k, []))
        for lemma, forms in (data.get("irregular") or {}).items():
            cues.setdefault("irregular", {})[str(lemma)] = [str(f) for f in forms]
        if "speech_only" in data:
            cues["speech_only"] = list(data["speech_only"])

    @staticmethod
    def _check_references(merged: dict[str, dict[str, Any]], origin: dict[tuple[str, str], str]) -> None:
        actors = merged["actors"]

        def fail(section: str, key: str, what: str) -> None:
            raise GazetteerError(f"{origin.get((section, key), section)}: {section} entry {key}: {what}")

        for w in merged["systems"].values():
            if w.cls not in merged["classes"]:
                fail("systems", w.id, f"unknown class {w.cls!r}")
            for m in [w.maker, *w.makers]:
                if m and m not in actors:
                    fail("systems", w.id, f"unknown maker {m!r}")
        for c in merged["classes"].values():
            if c.parent and c.parent not in merged["classes"]:
                fail("classes", c.id, f"unknown parent {c.parent!r}")
        for o in merged["officials"].values():
            for r in o.roles:
                for ref in (r.state, r.org):
                    if ref and ref not in actors:
                        fail("officials", o.name, f"unknown state/org {ref!r}")
        for p in merged["places"].values():
            if p.state and p.state not in actors:
                fail("places", p.id, f"unknown state {p.state!r}")

    # -- lookups -----------------------------------------------------------------------------

    def actor(self, id: str) -> Actor | None:
        """A canonical actor by id (case-insensitive fallback)."""
        return self.actors.get(id) or self._lower_actors.get(id.lower())

    @cached_property
    def _lower_actors(self) -> dict[str, Actor]:
        return {a.id.lower(): a for a in self.actors.values()}

    def weapon(self, id: str) -> Weapon | None:
        """A weapon system by id or alias."""
        return self.weapons.get(id) or self._weapon_alias.get(id.lower())

    @cached_property
    def _weapon_alias(self) -> dict[str, Weapon]:
        out: dict[str, Weapon] = {}
        for w in self.weapons.values():
            for a in [w.id, *w.aliases]:
                out.setdefault(a.lower(), w)
        return out

    def weapon_class(self, id: str) -> WeaponClass | None:
        return self.classes.get(id)

    def class_ancestors(self, cls_id: str) -> list[str]:
        """The class and its parents, most specific first (e.g. cruise_missile ... weapons)."""
        out: list[str] = []
        cur = self.classes.get(cls_id)
        while cur is not None and cur.id not in out:
            out.append(cur.id)
            cur = self.classes.get(cur.parent) if cur.parent else None
        return out

    def official(self, name: str) -> Official | None:
        """An official by canonical name, alias or (unambiguous) surname."""
        return self.officials.get(name) or self._official_alias.get(name.lower())

    @cached_property
    def _official_alias(self) -> dict[str, Official]:
        out: dict[str, Official] = {}
        for o in self.officials.values():
            for a in [o.name, *o.aliases, *o.surnames]:
                out.setdefault(a.lower(), o)
        return out

    def officials_with_role(self, title: str, state: str | None, on: date | None) -> list[Official]:
        """Officials holding `title` (for `state`, if given) on a date."""
        out = []
        for o in self.officials.values():
            for r in o.roles:
                if r.title == title and (state is None or state in (r.state, r.org)) and r.active(on):
                    out.append(o)
                    break
        return out

    def place(self, id: str) -> Place | None:
        """A place by id or alias."""
        return self.places.get(id) or self._place_alias.get(id.lower())

    @cached_property
    def _place_alias(self) -> dict[str, Place]:
        out: dict[str, Place] = {}
        for p in self.places.values():
            for a in [p.id, *p.aliases]:
                out.setdefault(a.lower(), p)
        return out

    def organisation(self, name: str) -> Organisation | None:
        """A known organisation by id or alias (case-insensitive)."""
        key = name.lower().removeprefix("the ").strip()
        for o in self.organisations.values():
            if key in (o.id.lower(), *(a.lower() for a in o.aliases)):
                return o
        return None

    def zones_for_phrase(self, phrase: str) -> list[Zone]:
        """Zones of a zone phrase ("inside Russia") or of a place name ("Belgorod"); [] if unknown."""
        key = " ".join(phrase.lower().replace("’", "'").split())
        if key in self._zone_phrase_map:
            return list(self._zone_phrase_map[key])
        key = re.sub(r"^(the|in|inside|into|on|near|from|at)\s+", "", key)
        key = re.sub(r"\s+(region|oblast|province)$", "", key)
        place = self.place(key)
        return list(place.zones) if place else []

    @cached_property
    def _zone_phrase_map(self) -> dict[str, tuple[Zone, ...]]:
        out: dict[str, tuple[Zone, ...]] = {}
        for zp in self.zone_phrase_sets:
            for p in zp.phrases:
                for e in expand(p):
                    if e:
                        out[e.replace("’", "'")] = tuple(zp.zones)
        return out

    def demonym(self, word: str) -> Actor | None:
        """The actor of an adjective/demonym ("German" -> Germany)."""
        return self._demonyms.get(word.lower())

    @cached_property
    def _demonyms(self) -> dict[str, Actor]:
        return {adj.lower(): a for a in self.actors.values() for adj in a.adjectives}

    def actor_for_text(self, text: str) -> Actor | None:
        """An actor by alias, adjective or metonym text ("Washington", "German", "U.S.")."""
        key = text.lower().removeprefix("the ").strip()
        for a in self.actors.values():
            if key in (x.lower() for x in [a.id, *a.aliases, *a.adjectives, *a.metonyms]):
                return a
        return None
