"""The answers the query layer returns: plain dataclasses with `to_dict()` for JSON and the web."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def _plain(obj: Any) -> Any:
    """Dates to ISO strings, recursively."""
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(slots=True)
class Source(_Dict):
    """One sentence that supports a fact or a status."""

    outlet: str | None
    fact_date: date | None
    published: date | None
    sentence: str
    document_id: str
    fact_id: str | None = None


@dataclass(slots=True)
class Answer(_Dict):
    """The status of a donor's weapon in a zone on a date, with the facts that decided it."""

    donor: str
    weapon: str
    zone: str
    date: date
    status: str
    since: date | None = None
    facts: list[Source] = field(default_factory=list)
    level: str | None = None  # "system:HIMARS", "class:mlrs", "origin:United States" that decided it
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Exactly the LEDGER.md `ask` shape."""
        d = _plain(asdict(self))
        keys = ("outlet", "fact_date", "published", "sentence", "document_id")
        d["facts"] = [{k: f[k] for k in keys} for f in d["facts"]]
        return {k: d[k] for k in ("donor", "weapon", "zone", "date", "status", "since", "facts")}

    def to_full_dict(self) -> dict[str, Any]:
        """The contract shape plus the deciding level, note and fact ids."""
        return _plain(asdict(self))


@dataclass(slots=True)
class AskQuery(_Dict):
    """A parsed plain-text question; donor None means every donor of the weapon."""

    weapon: str
    zones: list[str]
    date: date
    donor: str | None = None
    text: str = ""


@dataclass(slots=True)
class RedLine(_Dict):
    """A (donor, weapon/topic, zone) that was restricted or not supplied at some time."""

    topic: str
    donor: str
    weapon: str
    zone: str
    status: str  # status as of the ledger date
    drawn: date | None  # first date it was restricted / not supplied
    removed: date | None  # date it became permitted (None when remaining)
    evidence: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Ledger(_Dict):
    """Red lines removed and remaining as of a date."""

    as_of: date | None
    removed: list[RedLine] = field(default_factory=list)
    remaining: list[RedLine] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEntry(_Dict):
    """One fact in chronological order, with its sources."""

    fact_id: str
    date: date | None
    type: str
    actor: str | None
    action: str | None
    polarity: bool
    weapon: str | None
    zones: list[str]
    modality: str
    corroboration: int
    summary: str
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class MatrixCell(_Dict):
    donor: str
    weapon: str
    zone: str
    status: str
    since: date | None
    fact_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Matrix(_Dict):
    """Donors x weapons (systems/classes/origins) x zones -> status as of a date."""

    as_of: date | None
    donors: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    cells: list[MatrixCell] = field(default_factory=list)

    def cell(self, donor: str, weapon: str, zone: str) -> MatrixCell | None:
        """The cell for a key, or None."""
        for c in self.cells:
            if (c.donor, c.weapon, c.zone) == (donor, weapon, zone):
                return c
        return None


@dataclass(slots=True)
class ContradictionView(_Dict):
    """Two facts whose sources disagree on one field; never silently resolved."""

    id: str
    field: str
    fact_ids: list[str]
    values: list[Any]
    sources: list[Source] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class FactView(_Dict):
    """A merged fact with all its evidence and the contradictions it takes part in."""

    id: str
    type: str
    actor: str | None
    recipient: str | None
    action: str | None
    polarity: bool
    modality: str
    weapon: str | None
    zones: list[str]
    date_start: date | None
    date_end: date | None
    precision: str
    corroboration: int
    quantity: int | None = None
    money_amount: float | None = None
    money_currency: str | None = None
    speaker: str | None = None
    topic: str | None = None
    evidence: list[Source] = field(default_factory=list)
    contradictions: list[ContradictionView] = field(default_factory=list)


@dataclass(slots=True)
class SearchHit(_Dict):
    """A document or statement whose text matches a search."""

    kind: str  # "document" | "statement"
    document_id: str
    title: str | None
    outlet: str | None
    published: date | None
    snippet: str
    fact_id: str | None = None
