"""Hand-made statements and documents for knowledge-base tests (invented wording, no seed text)."""

from __future__ import annotations

import hashlib
from datetime import date

from redlines.kb.store import Store
from redlines.model import (
    DateInterval,
    Document,
    Evidence,
    Modality,
    Money,
    Precision,
    PublishedDate,
    PublishedHow,
    Statement,
    StatementType,
    WeaponRef,
    Zone,
)

RU = (Zone.RU_BORDER, Zone.RU_DEEP)
UA = (Zone.UA_HELD, Zone.UA_OCCUPIED)


def doc(outlet: str, published: date, text: str = "", url: str | None = None) -> Document:
    """A small document; its id is a hash of outlet, date and text."""
    text = text or f"An invented report by {outlet} published on {published.isoformat()}."
    did = hashlib.sha1(f"{outlet}|{published}|{text}".encode()).hexdigest()[:16]
    return Document(id=did, text=text, raw=text, outlet=outlet, url=url,
                    published=PublishedDate(published, PublishedHow.GIVEN, 1.0))


def st(d: Document, type_: str, actor: str | None, weapon: str | None = None, zones=(), action: str | None = None,
       on: date | None = None, *, kind: str = "system", polarity: bool = True, modality: str = "confirmed",
       precision: str = "day", sentence: str = "", start: int = 0, **kw) -> Statement:
    """A statement of document `d`; `on` is the fact date (None = undated, publication-dated)."""
    valid = (DateInterval(on, on, Precision(precision)) if on else
             DateInterval(d.published.value, d.published.value, Precision.UNKNOWN))
    sentence = sentence or f"{actor} {action} {weapon} {' '.join(z.value for z in zones)}"
    return Statement(
        type=StatementType(type_),
        evidence=Evidence(d.id, start, start, start + len(sentence), sentence, d.outlet, d.published.value),
        actor=actor,
        recipient=kw.pop("recipient", "Ukraine" if type_ in ("use_permission", "transfer") else None),
        weapon=WeaponRef(kind, weapon) if weapon else None,
        zones=tuple(zones), action=action, polarity=polarity, modality=Modality(modality), valid=valid, **kw)


def money(amount: float, currency: str = "EUR") -> Money:
    return Money(amount, currency, f"{amount} {currency}")


def add(store: Store, d: Document, statements: list[Statement]) -> str:
    """Store a document with its statements (no KB update); returns its id."""
    with store.session() as s:
        store.add_document(d, s)
        store.replace_statements(d.id, statements, s)
    return d.id


def late_may_corpus(store: Store) -> list[str]:
    """Three invented outlets telling the late-May 2024 story (mirrors the acceptance questions)."""
    a = doc("Wire A", date(2024, 5, 28))
    b = doc("Paper B", date(2024, 5, 31))
    c = doc("Daily C", date(2024, 6, 2))
    ids = [
        add(store, a, [
            st(a, "transfer", "Belgium", "F-16", action="pledge", on=date(2024, 5, 28), quantity=30, start=10),
            st(a, "use_permission", "Belgium", "F-16", UA, "restrict", date(2024, 5, 28), start=100),
            st(a, "transfer", "Germany", "Taurus", action="withhold", start=200),
            st(a, "transfer", "United States", "ATACMS", (Zone.UA_OCCUPIED,), "deliver", date(2024, 4, 1),
               precision="month", start=300),
        ]),
        add(store, b, [
            st(b, "use_permission", "United States", "United States", RU, "allow", date(2024, 5, 31), kind="origin",
               start=10, sentence="Washington approved letting Kyiv fire American arms into Russia on Friday"),
            st(b, "use_permission", "Germany", "Germany", RU, "allow", date(2024, 5, 31), kind="origin", start=50),
            st(b, "use_permission", "United States", "ATACMS", RU, "restrict", start=90,
               sentence="The White House still would not let Kyiv use ATACMS on Russian soil"),
            st(b, "transfer", "Germany", "Taurus", action="refuse", start=130),
            st(b, "position", "Russia", None, (), "warn", date(2024, 5, 28), speaker="Vladimir Putin", start=170,
               topic="western missiles", sentence="Putin warned the West about missile strikes on Russia on Tuesday"),
        ]),
        add(store, c, [
            st(c, "use_permission", "United States", "United States", (Zone.RU_BORDER,), "allow", date(2024, 5, 30),
               kind="origin", start=10, sentence="The US quietly let Kyiv hit across the border near Kharkiv"),
            st(c, "use_permission", "United States", "ATACMS", RU, "restrict", start=60),
            st(c, "transfer", "Germany", "Taurus", action="refuse", start=110),
            st(c, "position", "Russia", None, (), "warn", date(2024, 5, 29), speaker="Vladimir Putin", start=150,
               topic="western missiles", sentence="Putin on May 29 warned of grave consequences over missiles"),
        ]),
    ]
    return ids
