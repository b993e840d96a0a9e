"""Fixtures of the language-layer tests: the gazetteer once, a one-call annotate helper."""

from __future__ import annotations

from datetime import date

import pytest

from redlines.model import Document, Mention, ParsedDocument, PublishedDate


@pytest.fixture(scope="session")
def gaz():
    from redlines.nlp import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def run(nlp, gaz):
    """Annotate one inline text (published 2024-06-01 unless told otherwise)."""
    from redlines.nlp import annotate

    def _run(text: str, published: date | None = date(2024, 6, 1)) -> ParsedDocument:
        doc = Document("t" + str(abs(hash(text))), text, text, published=PublishedDate(published))
        return next(annotate([doc], nlp, gaz))

    return _run


def find_mention(parsed: ParsedDocument, text: str, label: str | None = None, nth: int = 1) -> Mention | None:
    """The nth mention whose text starts with `text` (and has `label`)."""
    hits = [m for m in parsed.mentions if m.text.startswith(text) and (label is None or m.label == label)]
    return hits[nth - 1] if len(hits) >= nth else None


@pytest.fixture(scope="session")
def mention():
    """find_mention as a fixture (test modules do not import conftest)."""
    return find_mention


@pytest.fixture(scope="session")
def canon():
    """The canonical id of find_mention's result."""

    def _canon(parsed: ParsedDocument, text: str, label: str | None = None, nth: int = 1) -> str | None:
        m = find_mention(parsed, text, label, nth)
        return m.canonical if m else None

    return _canon
