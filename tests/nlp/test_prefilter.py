"""The prefilter: which sentences get the statistical parse, and which need the NER."""

from __future__ import annotations

import pytest
import spacy

from redlines.nlp.prefilter import candidate_sentences, needs_ner
from redlines.nlp.rulers import get_rulers
from redlines.nlp.sentences import split_sentences


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def flags(blank, gaz, text):
    doc = blank.make_doc(text)
    sents = split_sentences(doc)
    matches = get_rulers(blank, gaz).match(doc)
    texts = [doc[a:b].text for a, b in sents]
    speech = set(gaz.cues.get("speech_only", ()))
    cand = candidate_sentences(sents, texts, matches, speech)
    return dict(zip(texts, cand)), dict(zip(texts, needs_ner(doc, sents, matches, cand)))


def test_cue_and_entity_make_a_candidate(blank, gaz):
    cand, _ = flags(blank, gaz, "Canada pledged more drones. The pledge was large. Prices rose in Canada.")
    assert cand == {
        "Canada pledged more drones.": True,
        "The pledge was large.": False,
        "Prices rose in Canada.": False,
    }


def test_speech_verb_alone_is_not_enough_but_a_quote_is(blank, gaz):
    cand, _ = flags(blank, gaz, 'Macron said the talks went well. Prices rose. "It was good," Macron said.')
    assert cand == {"Macron said the talks went well.": False, "Prices rose.": False,
                    '"It was good," Macron said.': True}


def test_sentence_before_a_quotation_is_parsed_for_its_speaker(blank, gaz):
    text = 'Scholz thanked Biden on the phone. "We are grateful," the chancellor said. Scholz met Biden.'
    cand, _ = flags(blank, gaz, text)
    assert cand["Scholz thanked Biden on the phone."] is True
    assert cand["Scholz met Biden."] is False


def test_ner_only_where_it_can_add(blank, gaz):
    text = (
        "Germany allowed Ukraine to use the weapons on Monday. "
        "Germany allowed Olena Petrenko to use drones. Ukraine bought 30 tanks, CNN said. Ukraine bought 30 tanks."
    )
    _, ner = flags(blank, gaz, text)
    assert ner == {
        "Germany allowed Ukraine to use the weapons on Monday.": False,
        "Germany allowed Olena Petrenko to use drones.": True,
        "Ukraine bought 30 tanks, CNN said.": True,
        "Ukraine bought 30 tanks.": False,
    }


@pytest.mark.parametrize("text", [
    "Norway handed over two NASAMS units.",
    "Canada turned down a request for F-16s.",
    "Italy kept the ban in place for its SAMP/T.",
    "Washington let Ukraine strike across the border.",
    "Spain has committed more Patriot missiles.",
    "Kyiv pleaded with Madrid for air defence.",
    "Russian shelling hit Kharkiv overnight.",
    "Berlin halted deliveries of Taurus.",
    "The Kremlin condemned the decision on ATACMS.",
    "Zelensky pressed Paris for SCALP missiles.",
    "Spain barred strikes on Russian territory.",
    "Britain reversed its position on Storm Shadow.",
])
def test_new_cues_and_their_inflections_make_candidates(blank, gaz, text):
    cand, _ = flags(blank, gaz, text)
    assert cand[text] is True
