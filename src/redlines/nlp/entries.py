"""The validated shapes of gazetteer entries (one pydantic model per YAML section)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from redlines.model import Zone


class Entry(BaseModel):
    """Base of all entries: unknown keys are errors, entries are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Actor(Entry):
    """A state, bloc, group or organisation that acts (donor, recipient, speaker's side)."""

    id: str
    kind: str = "state"
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    contextual: list[str] = Field(default_factory=list)


class Organisation(Entry):
    """An organisation people belong to (think tank, newspaper) with its state and default role."""

    id: str
    aliases: list[str] = Field(default_factory=list)
    state: str | None = None
    role: str | None = None


class Role(Entry):
    """An office held from/to a date, for a state or organisation, possibly serving a person."""

    title: str
    state: str | None = None
    org: str | None = None
    of: str | None = None
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def active(self, on: date | None) -> bool:
        """True when the role was held on `on` (any date when `on` is unknown)."""
        if on is None:
            return self.to is None
        return (self.from_ is None or self.from_ <= on) and (self.to is None or on < self.to)


class Official(Entry):
    """A named official with spelling variants, gender (for pronouns) and roles over time."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    surnames: list[str] = Field(default_factory=list)
    surname_alone: bool = True
    gender: str | None = None
    roles: list[Role] = Field(default_factory=list)

    @field_validator("gender")
    @classmethod
    def _gender(cls, v: str | None) -> str | None:
        if v not in (None, "m", "f"):
            raise ValueError("gender must be m or f")
        return v

    def role_on(self, on: date | None) -> Role | None:
        """The role held on a date; else the latest role (the text may be older than the data)."""
        active = [r for r in self.roles if r.active(on)]
        if active:
            return active[0]
        if on is not None:
            past = [r for r in self.roles if r.from_ and r.from_ <= on]
            if past:
                return max(past, key=lambda r: r.from_)  # type: ignore[arg-type, return-value]
        return self.roles[0] if self.roles else None


class RoleNoun(Entry):
    """How texts name a role ("secretary of state"), with the state meant when none is given."""

    title: str
    phrases: list[str]
    default_state: str | None = None


class Weapon(Entry):
    """A weapon system of the catalogue."""

    id: str
    aliases: list[str] = Field(default_factory=list)
    cls: str
    range_km: float | None = None
    maker: str | None = None
    makers: list[str] = Field(default_factory=list)


class WeaponClass(Entry):
    """A weapon class with its generic wording and its more generic parent."""

    id: str
    parent: str | None = None
    phrases: list[str] = Field(default_factory=list)


class Place(Entry):
    """A place with its state and zones."""

    id: str
    state: str | None = None
    zones: list[Zone]
    aliases: list[str] = Field(default_factory=list)
    region: bool = False


class ZonePhrases(Entry):
    """Phrases naming zones ("inside Russia")."""

    zones: list[Zone]
    phrases: list[str]


def combine_entries(old: Entry, new: Entry) -> Entry:
    """A user entry for a known id: list fields are extended, fields it sets replace the old ones."""
    changes: dict[str, Any] = {}
    for f in new.model_fields_set:
        val, prev = getattr(new, f), getattr(old, f)
        if isinstance(val, list) and isinstance(prev, list):
            val = prev + [v for v in val if v not in prev]
        changes[f] = val
    return old.model_copy(update=changes)
