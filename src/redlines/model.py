"""The typed core model every stage shares: documents, spans, entities, dates, statements.

The Document owns the clean text; everything else points into it by character offsets,
the way a spaCy Span points into its Doc.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any


class Zone(str, enum.Enum):
    """Where a weapon is used (see shared LEDGER.md)."""

    UA_HELD = "UA_HELD"
    UA_OCCUPIED = "UA_OCCUPIED"
    RU_BORDER = "RU_BORDER"
    RU_DEEP = "RU_DEEP"
    OTHER = "OTHER"


RUSSIA = (Zone.RU_BORDER, Zone.RU_DEEP)
UKRAINE = (Zone.UA_HELD, Zone.UA_OCCUPIED)


class Status(str, enum.Enum):
    """State of a donor's weapon in a zone on a date (see shared LEDGER.md)."""

    PERMITTED = "permitted"
    RESTRICTED = "restricted"
    NOT_SUPPLIED = "not_supplied"
    CONTESTED = "contested"
    UNKNOWN = "unknown"


class StatementType(str, enum.Enum):
    USE_PERMISSION = "use_permission"
    TRANSFER = "transfer"
    POSITION = "position"
    REQUEST = "request"
    ATTACK = "attack"
    QUOTE = "quote"


class Modality(str, enum.Enum):
    """How firmly the source asserts the fact; only confirmed/reported change policy state."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DENIED = "denied"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"


class Precision(str, enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    RANGE = "range"
    UNKNOWN = "unknown"


class PublishedHow(str, enum.Enum):
    GIVEN = "given"
    DATELINE = "dateline"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed interval of days with the precision the text gave it."""

    start: date | None
    end: date | None
    precision: Precision = Precision.DAY
    text: str = ""

    def overlaps(self, other: "DateInterval") -> bool:
        if None in (self.start, self.end, other.start, other.end):
            return False
        return self.start <= other.end and other.start <= self.end  # type: ignore[operator]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision.value,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A piece of the raw input the cleaner dropped, with offsets into the raw text and why."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """The article's publication date and how it was known."""

    value: date | None
    how: PublishedHow = PublishedHow.UNKNOWN
    confidence: float = 0.0
    earliest: date | None = None
    latest: date | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A clean article. `id` is the content hash of the clean text plus given metadata."""

    id: str
    text: str
    raw: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published: PublishedDate = field(default_factory=lambda: PublishedDate(None))
    removed: tuple[RemovedSpan, ...] = ()
    source_path: str | None = None
    revision_of: str | None = None

    @property
    def words_kept(self) -> int:
        return len(self.text.split())

    @property
    def words_removed(self) -> int:
        return sum(len(r.text.split()) for r in self.removed)

    def with_(self, **changes: Any) -> "Document":
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement comes from: a sentence of a document, by character offsets."""

    document_id: str
    sentence_index: int
    start_char: int
    end_char: int
    sentence: str = ""
    outlet: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention resolved against the gazetteers (offsets into Document.text).

    label: ACTOR, PERSON, WEAPON, WEAPON_CLASS, WEAPON_ORIGIN, PLACE, ZONE_PHRASE, ORG, MONEY, QUANTITY
    canonical: canonical id (e.g. "United States", "ATACMS", "long_range_missile")
    attrs: extra resolved facts (role, state, zone(s), class, range_km, how it was resolved...)
    """

    label: str
    text: str
    start_char: int
    end_char: int
    canonical: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression resolved to an interval (offsets into Document.text)."""

    text: str
    start_char: int
    end_char: int
    interval: DateInterval
    rule: str = ""
    anchor: str = "publication"  # "publication" or "previous_event"


@dataclass(frozen=True, slots=True)
class WeaponRef:
    """A weapon named by system ("ATACMS"), class ("long_range_missile") or origin ("United States")."""

    kind: str  # "system" | "class" | "origin" | "any"
    id: str

    def __str__(self) -> str:
        return self.id if self.kind == "system" else f"{self.kind}:{self.id}"


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str  # ISO 4217
    text: str = ""
    eur: float | None = None
    usd: float | None = None
    qualifier: str = ""  # "at least", "up to", "about"


@dataclass(frozen=True, slots=True)
class Statement:
    """One extracted claim with provenance. `type` decides which fields are meaningful.

    use_permission: actor=donor, recipient, weapon, zones, target_type, action ("allow"/"restrict"/"lift"/"keep")
    transfer: actor=donor, recipient, weapon (or None for money), action ("deliver"/"pledge"/"refuse"/"withhold"/"approve"),
              quantity, money
    position: actor, action ("support"/"urge"/"oppose"/"warn"), topic (free text), weapon/zones when given
    request: actor (asker), addressee, weapon, zones
    attack: actor (attacker), place, zones, weapon, casualties
    quote: speaker, quote text, supports (index of the supported statement in the same doc, if any)
    """

    type: StatementType
    evidence: Evidence
    actor: str | None = None
    recipient: str | None = None
    weapon: WeaponRef | None = None
    zones: tuple[Zone, ...] = ()
    target_type: str | None = None
    action: str | None = None
    polarity: bool = True
    modality: Modality = Modality.CONFIRMED
    valid: DateInterval = field(default_factory=lambda: DateInterval(None, None, Precision.UNKNOWN))
    attribution: str | None = None
    confidence: float = 0.5
    quantity: int | None = None
    money: Money | None = None
    place: str | None = None
    casualties: dict[str, int] = field(default_factory=dict)
    speaker: str | None = None
    quote: str | None = None
    addressee: str | None = None
    topic: str | None = None
    supports: int | None = None
    extractor: str = "rules"
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> "Statement":
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a Document. `parse` is the spaCy Doc of the sentence when it was parsed
    (candidate sentences only); its token offsets are relative to `start_char`."""

    index: int
    start_char: int
    end_char: int
    text: str
    candidate: bool = False
    parse: Any = None


@dataclass(slots=True)
class ParsedDocument:
    """The language layer's output: sentences, resolved mentions and time expressions."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    timexes: list[Timex]

    def sentence_at(self, char: int) -> Sentence | None:
        for s in self.sentences:
            if s.start_char <= char < s.end_char:
                return s
        return None

    def mentions_in(self, start: int, end: int, label: str | None = None) -> list[Mention]:
        return [m for m in self.mentions if m.start_char >= start and m.end_char <= end
                and (label is None or m.label == label)]

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        return [t for t in self.timexes if t.start_char >= start and t.end_char <= end]
