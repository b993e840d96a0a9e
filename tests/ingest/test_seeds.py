"""Acceptance on the three seed articles (read at run time from ../shared/seeds)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from redlines.ingest import build_document, read_inputs
from redlines.model import PublishedHow
from tests.conftest import seed_path

# Junk lines of each seed, pointed at by their first few words.
JUNK = {
    "000": ["--With assistance from", "(Updates with agreement", "©2024 Bloomberg"],
    "001": [
        "Updates to our Terms",
        "We are updating our",
        "Tuesday, June 25, 2024 |",
        "Courthouse News Service Courthouse",
        "Follow @",
        "Categories /",
        "Subscribe to Closing",
        "Sign up for new weekly",
        "Loading...",
    ],
    "002": [
        "Avdiivka, Donetsk",
        "Ukrainian soldiers use the French Caesar",
        "Sign up for our weekly",
        "Tu suscripción",
        "¿Quieres añadir",
        "Si continúas",
        "¿Por qué estás",
        "Si quieres compartir",
        "En el caso de no",
        "Si decides continuar",
        "More information",
        "Archived In",
        "Recomendaciones EL PAÍS",
    ],
}
BYLINE = re.compile(r"^\((Bloomberg|CN)\)\s*(--|—)\s*")


def _doc(prefix: str):
    items = list(read_inputs([str(seed_path(prefix))], {}))
    assert len(items) == 1
    return build_document(items[0])


@pytest.fixture(scope="module")
def docs():
    return {p: _doc(p) for p in ("000", "001", "002")}


def _body_sentences(prefix: str) -> list[str]:
    raw = seed_path(prefix).read_text(encoding="utf-8")
    out = []
    for line in raw.split("\n"):
        line = line.strip()
        if not line or any(line.startswith(j) for j in JUNK[prefix]):
            continue
        line = BYLINE.sub("", line)
        out.extend(s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“(])", line) if s.strip())
    return out


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_no_body_sentence_lost(docs, prefix):
    text = docs[prefix].text
    sentences = _body_sentences(prefix)
    assert len(sentences) > 20
    missing = [s for s in sentences if s not in text]
    assert missing == []


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_junk_lines_removed(docs, prefix):
    doc = docs[prefix]
    for junk in JUNK[prefix]:
        assert junk not in doc.text, junk
        assert any(junk in r.text for r in doc.removed), junk


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_removed_spans_point_into_raw(docs, prefix):
    doc = docs[prefix]
    assert doc.removed
    for r in doc.removed:
        assert doc.raw[r.start : r.end] == r.text
        assert r.reason


def test_seed_000_metadata(docs):
    d = docs["000"]
    assert d.outlet == "Bloomberg"
    assert d.language == "en"
    assert not d.text.startswith("(Bloomberg)")
    assert any(r.reason == "byline" for r in d.removed)
    reasons = {r.reason for r in d.removed}
    assert {"credit line", "update note", "copyright footer"} <= reasons


def test_seed_001_metadata(docs):
    d = docs["001"]
    assert d.outlet == "Courthouse News Service"
    assert d.title.startswith("In new escalation, US and Germany approve")
    assert "Terms of Use" not in d.title


def test_seed_002_metadata(docs):
    d = docs["002"]
    assert d.title.startswith("From Leopard tanks to attacks on Russian soil")
    assert d.outlet == "EL PAÍS"
    assert "Nuclear threat" in d.text  # a subhead inside the body is kept


def test_seed_dates(docs):
    p0, p1, p2 = (docs[k].published for k in ("000", "001", "002"))
    assert (p0.value, p0.how) == (date(2024, 5, 28), PublishedHow.INFERRED)
    assert (p1.value, p1.how) == (date(2024, 5, 31), PublishedHow.INFERRED)
    assert date(2024, 6, 1) <= p2.value <= date(2024, 6, 3) and p2.how is PublishedHow.INFERRED
    for p in (p0, p1, p2):
        assert p.earliest <= p.value <= p.latest
        assert 0.5 <= p.confidence <= 0.9
        assert p.rule
    # the page display date in 001's chrome is not the publication date
    assert p1.value != date(2024, 6, 25)


def test_seed_ids_are_content_hashes(docs):
    import hashlib

    for d in docs.values():
        assert d.id == hashlib.sha256(" ".join(d.text.split()).encode()).hexdigest()
    assert _doc("000").id == docs["000"].id
