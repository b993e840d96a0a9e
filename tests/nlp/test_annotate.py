"""annotate(): order, offsets, candidate sentences parsed (and only those), batching, time expressions."""

from __future__ import annotations

from datetime import date

import pytest

from redlines.errors import RedlinesError
from redlines.model import Document, PublishedDate
from redlines.nlp import annotate, load_pipeline

TEXT = (
    "Allies weigh long-range strikes\n\n"
    "Germany on Friday allowed Ukraine to use its weapons against targets inside Russia. "
    "The weather in the capital was mild. "
    "“We will keep sending air defence,” Boris Pistorius told reporters.\n\n"
    "Subscribe to our newsletter for more stories.\n"
)


def _doc(i: int, text: str = TEXT, published: date | None = date(2024, 6, 1)) -> Document:
    return Document(f"doc{i}", text, text, published=PublishedDate(published))


def test_order_and_offsets(nlp, gaz):
    docs = [_doc(i, TEXT if i % 2 else "Norway will send NASAMS to Kyiv.") for i in range(5)]
    out = list(annotate(docs, nlp, gaz, batch_size=2))
    assert [p.document.id for p in out] == [d.id for d in docs]
    for p in out:
        text = p.document.text
        for m in p.mentions:
            assert text[m.start_char : m.end_char] == m.text
        for s in p.sentences:
            assert text[s.start_char : s.end_char] == s.text


def test_candidates_are_parsed_others_are_not(nlp, gaz):
    p = next(annotate([_doc(1)], nlp, gaz))
    by_text = {s.text[:20]: s for s in p.sentences}
    allowed = by_text["Germany on Friday al"]
    assert allowed.candidate and allowed.parse is not None
    assert (
        allowed.parse.text == allowed.text and allowed.parse[0].dep_
    )  # token offsets relative to the sentence
    assert not by_text["The weather in the c"].candidate and by_text["The weather in the c"].parse is None
    assert not by_text["Subscribe to our new"].candidate
    quote = by_text["“We will keep sendin"]
    assert quote.candidate and quote.parse is not None
    assert [s.index for s in p.sentences] == list(range(len(p.sentences)))


def test_ner_finds_unknown_people_only_in_parsed_sentences(nlp, gaz):
    text = "Mykola Hrytsenko, a lieutenant in the Ukrainian army, said the rockets were fired at Belgorod."
    p = next(annotate([_doc(1, text)], nlp, gaz))
    assert any(m.label == "PERSON" and m.canonical == "Mykola Hrytsenko" for m in p.mentions)


def test_timexes_come_from_the_dates_module(nlp, gaz):
    p = next(annotate([_doc(1)], nlp, gaz))
    try:
        from redlines.nlp.dates import find_timexes  # noqa: F401
    except (ImportError, AttributeError):
        pytest.skip("redlines.nlp.dates is not available yet")
    assert any("Friday" in t.text for t in p.timexes)


def test_empty_and_odd_documents(nlp, gaz):
    out = list(
        annotate([_doc(1, ""), _doc(2, "\n\n  \n"), _doc(3, "!!! ???"), _doc(4, "x" * 5000, None)], nlp, gaz)
    )
    assert [len(p.sentences) for p in out[:2]] == [0, 0]
    assert all(p.mentions == [] for p in out)


def test_generator_input_and_empty_input(nlp, gaz):
    assert list(annotate([], nlp, gaz)) == []
    assert len(list(annotate((_doc(i) for i in range(3)), nlp, gaz))) == 3


def test_load_pipeline_is_cached_and_falls_back():
    a = load_pipeline()
    assert load_pipeline() is a
    assert load_pipeline("en_core_web_sm") is not None  # the official name falls back to the installed one
    assert "parser" in a.pipe_names and "ner" in a.pipe_names


def test_load_pipeline_unknown_everywhere(monkeypatch):
    import spacy

    from redlines.nlp import pipeline as pl

    monkeypatch.setattr(pl, "_LOADED", {})

    def nope(name, *a, **k):
        raise OSError(name)

    monkeypatch.setattr(spacy, "load", nope)
    with pytest.raises(RedlinesError, match="no spaCy English pipeline"):
        pl.load_pipeline("xx_missing_model")


def test_works_with_a_blank_pipeline(gaz):
    import spacy

    blank = spacy.blank("en")
    p = next(annotate([_doc(1)], blank, gaz))
    assert any(m.canonical == "Germany" for m in p.mentions)
    assert any(s.candidate and s.parse is not None for s in p.sentences)


def test_quote_of_unknown_person_is_parsed(nlp, gaz):
    text = "“The ban costs lives every day,” said Oleh Zhdanyuk, a retired colonel."
    p = next(annotate([_doc(1, text)], nlp, gaz))
    assert p.sentences[0].candidate and p.sentences[0].parse is not None
    m = next(m for m in p.mentions if m.label == "PERSON")
    assert m.canonical == "Oleh Zhdanyuk" and m.attrs.get("role") == "retired colonel"
