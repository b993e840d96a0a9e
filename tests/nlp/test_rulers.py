"""Matchers built from the gazetteer, over tokenizer output only (blank pipeline)."""

from __future__ import annotations

import pytest
import spacy

from redlines.nlp.rulers import get_rulers, inflect


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def kinds(blank, gaz, text):
    doc = blank.make_doc(text)
    return {(m.kind, doc[m.start : m.end].text, m.payload[0]) for m in get_rulers(blank, gaz).match(doc)}


def test_inflect():
    assert {"allows", "allowed", "allowing"} <= inflect("allow", {})
    assert {"supplies", "supplied"} <= inflect("supply", {})
    assert {"permitted", "permitting"} <= inflect("permit", {})
    assert "sent" in inflect("send", {"send": ["sent"]})


def test_rulers_are_cached(blank, gaz):
    assert get_rulers(blank, gaz) is get_rulers(blank, gaz)


def test_case_sensitive_aliases(blank, gaz):
    found = kinds(blank, gaz, "The US will send Patriots, the patriotic crowd told us.")
    assert ("ACTOR", "US", "United States") in found
    assert ("WEAPON", "Patriots", "Patriot") in found
    assert not any(t == "us" for _, t, _ in found)


def test_case_insensitive_phrases(blank, gaz):
    found = kinds(blank, gaz, "Long-range missiles and Fighter Jets could hit targets deep inside Russia.")
    assert ("WEAPON_CLASS", "Long-range missiles", "long_range_missile") in found
    assert ("WEAPON_CLASS", "Fighter Jets", "fighter_jet") in found
    assert ("ZONE", "deep inside Russia", "RU_DEEP") in found
    assert ("CUE", "hit", "attack") in found


def test_curly_apostrophe_variants(blank, gaz):
    found = kinds(blank, gaz, "Strikes on Russia’s border regions were approved.")
    assert ("ZONE", "Russia’s border regions", "RU_BORDER") in found


@pytest.mark.parametrize(
    "text, origin, noun",
    [
        ("They may use Western-supplied weapons now.", "Western", "weapons"),
        ("Ukraine asked for US-made long-range missiles.", "US", "missiles"),
        ("Allies sent NATO weaponry east.", "NATO", "weaponry"),
        ("Czech-made artillery shells arrived.", "Czech", "shells"),
    ],
)
def test_origin_regex(blank, gaz, text, origin, noun):
    m = get_rulers(blank, gaz).origin_re.search(text)
    assert m and m.group("origin") == origin and m.group("noun") == noun


def test_origin_regex_needs_adjacent_phrase(blank, gaz):
    assert get_rulers(blank, gaz).origin_re.search("Ukraine decided to use its weapons.") is None
