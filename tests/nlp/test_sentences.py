"""The rule-based sentence splitter over tokenizer output."""

from __future__ import annotations

import pytest
import spacy

from redlines.nlp.sentences import split_sentences


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def sents(blank, text: str) -> list[str]:
    doc = blank.make_doc(text)
    return [doc[a:b].text for a, b in split_sentences(doc)]


def test_abbreviations_do_not_split(blank):
    out = sents(blank, "Gen. Smith met Mr. Jones and U.S. officials on Monday. They talked.")
    assert out == ["Gen. Smith met Mr. Jones and U.S. officials on Monday.", "They talked."]


def test_abbreviation_at_sentence_end_before_opener(blank):
    out = sents(blank, "The rockets came from the U.S. The shipment arrived late.")
    assert out == ["The rockets came from the U.S.", "The shipment arrived late."]


def test_quotes_stay_with_their_sentence(blank):
    out = sents(blank, "“We will not wait.” The minister left. “Why now?” she asked.")
    assert out == ["“We will not wait.”", "The minister left.", "“Why now?” she asked."]


def test_straight_quotes_and_comma_inside(blank):
    out = sents(blank, '"We need more air defence," he said. It was late.')
    assert out == ['"We need more air defence," he said.', "It was late."]


def test_line_breaks_end_sentences_and_headlines(blank):
    out = sents(blank, "Allies debate long-range strikes\n\nThe ministers met in Oslo. Nothing was agreed.\n")
    assert out == ["Allies debate long-range strikes", "The ministers met in Oslo.", "Nothing was agreed."]


def test_empty_and_whitespace(blank):
    assert sents(blank, "") == []
    assert sents(blank, "  \n\n ") == []


def test_over_long_runs_are_cut(blank):
    text = ", ".join(f"item {i}" for i in range(400)) + "."
    doc = blank.make_doc(text)
    spans = split_sentences(doc, max_tokens=100)
    assert len(spans) > 1 and all(b - a <= 100 for a, b in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(doc)
    assert all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1))
