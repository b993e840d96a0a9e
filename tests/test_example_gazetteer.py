"""The README's example user gazetteer really extends the language layer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from redlines.model import Document, PublishedDate, PublishedHow

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "my-gazetteer.yaml"


def test_user_gazetteer_adds_systems_aliases_and_officials(nlp):
    from redlines.nlp import Gazetteer, annotate

    text = ("The Slovak Republic's prime minister, Robert Fico, said on Monday that Germany had delivered "
            "RCH 155 howitzers and Poland had sent Pioruns to Ukraine. Fico called the aid overdue.")
    doc = Document(id="example", text=text, raw=text,
                   published=PublishedDate(date(2024, 6, 3), PublishedHow.GIVEN, 1.0))
    base = {(m.label, m.canonical) for m in next(annotate([doc], nlp, Gazetteer.load())).mentions}
    got = next(annotate([doc], nlp, Gazetteer.load([str(EXAMPLE)]))).mentions
    found = {(m.label, m.canonical) for m in got}
    assert {("WEAPON", "RCH 155"), ("WEAPON", "Piorun"), ("ACTOR", "Slovakia")} <= found
    assert ("WEAPON", "RCH 155") not in base
    fico = [m for m in got if m.canonical == "Robert Fico"]
    assert len(fico) >= 2 and all(m.attrs.get("state") == "Slovakia" for m in fico)
