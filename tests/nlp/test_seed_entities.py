"""The seeds' entities: every actor and weapon-system mention resolves, quoted people get name,
role and state. Seeds are read at run time; mentions are pointed at by a few words."""

from __future__ import annotations

import re
from datetime import date

import pytest

from redlines.model import Document, ParsedDocument, PublishedDate

PUBLISHED = {"000": date(2024, 5, 28), "001": date(2024, 6, 1), "002": date(2024, 6, 3)}

ACTOR_FORMS = {
    "United States": r"US|U\.S\.|United States|Washington|White House|American|Pentagon",
    "Germany": r"Germany|German|Berlin",
    "Ukraine": r"Ukraine|Ukrainian|Ukrainians|Kyiv",
    "Russia": r"Russia|Russian|Russians|Moscow|Kremlin",
    "Belgium": r"Belgium|Belgian",
    "NATO": r"NATO|Atlantic Alliance",
    "European Union": r"European Union|EU",
}
WEAPON_FORMS = {
    "ATACMS": r"ATACMS",
    "HIMARS": r"HIMARS|Himars",
    "Taurus": r"Taurus",
    "F-16": r"F-16s?",
    "Leopard 2": r"Leopard",
    "Patriot": r"Patriot",
    "Storm Shadow": r"Storm Shadow|Scalp",
    "Caesar": r"Caesar",
    "MARS II": r"Mars II",
}


@pytest.fixture(scope="module")
def seeds(nlp, gaz, seeds_dir) -> dict[str, ParsedDocument]:
    from redlines.nlp import annotate

    docs = []
    for key, pub in PUBLISHED.items():
        found = sorted(seeds_dir.glob(f"{key}_*.txt"))
        if not found:
            pytest.skip(f"seed {key} not found under {seeds_dir}")
        text = found[0].read_text(encoding="utf-8")
        docs.append(Document(key, text, text, published=PublishedDate(pub)))
    return {p.document.id: p for p in annotate(docs, nlp, gaz)}


def _covering(parsed: ParsedDocument, start: int, end: int, labels: tuple[str, ...]):
    return [m for m in parsed.mentions if m.label in labels and m.start_char <= start and end <= m.end_char]


@pytest.mark.parametrize("key", ["000", "001", "002"])
@pytest.mark.parametrize("actor", list(ACTOR_FORMS))
def test_every_actor_mention_resolves(seeds, key, actor):
    p = seeds[key]
    misses = []
    for m in re.finditer(rf"(?<![\w-])(?:{ACTOR_FORMS[actor]})(?![\w-])", p.document.text):
        if m.group(0) == "US" and p.document.text[m.start() - 1 : m.start()] == "-":
            continue
        found = _covering(p, m.start(), m.end(), ("ACTOR", "PLACE"))
        if not any(x.canonical == actor or x.attrs.get("state") == actor for x in found):
            misses.append((m.group(0), m.start(), [(x.label, x.canonical) for x in found]))
    assert not misses


@pytest.mark.parametrize("key", ["000", "001", "002"])
def test_every_weapon_system_resolves(seeds, key):
    p = seeds[key]
    misses = []
    for system, forms in WEAPON_FORMS.items():
        for m in re.finditer(rf"(?<![\w-])(?:{forms})(?![\w-])", p.document.text):
            found = _covering(p, m.start(), m.end(), ("WEAPON",))
            if not any(x.canonical == system for x in found):
                misses.append((m.group(0), m.start(), [(x.label, x.canonical) for x in found]))
    assert not misses


@pytest.mark.parametrize(
    "key, text, canonical, role, state",
    [
        ("000", "Hanno Pevkur", "Hanno Pevkur", "defense minister", "Estonia"),
        ("000", "Alexander De Croo", "Alexander De Croo", "prime minister", "Belgium"),
        ("000", "Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "president", "Ukraine"),
        ("000", "Jens Stoltenberg", "Jens Stoltenberg", "secretary general", "NATO"),
        ("000", "Josep Borrell", "Josep Borrell", "foreign policy chief", "European Union"),
        ("000", "Steffen Hebestreit", "Steffen Hebestreit", "spokesman", "Germany"),
        ("000", "Olaf Scholz", "Olaf Scholz", "chancellor", "Germany"),
        ("001", "Antony Blinken", "Antony Blinken", "secretary of state", "United States"),
        ("001", "Vladimir Putin", "Vladimir Putin", "president", "Russia"),
        ("001", "Emmanuel Macron", "Emmanuel Macron", "president", "France"),
        ("001", "Joe Biden", "Joe Biden", "president", "United States"),
        ("002", "John Herbst", "John Herbst", "analyst", "United States"),
        ("002", "Mikola Bielieskov", "Mikola Bielieskov", "researcher", "Ukraine"),
        ("002", "Petro Chernik", "Petro Chernik", "colonel", "Ukraine"),
        ("002", "secretary of state", "Antony Blinken", "secretary of state", "United States"),
    ],
)
def test_people(seeds, key, text, canonical, role, state, mention):
    m = mention(seeds[key], text, "PERSON")
    assert m is not None
    assert (m.canonical, m.attrs.get("role"), m.attrs.get("state")) == (canonical, role, state)


def test_herbst_org_and_later_surnames(seeds, mention):
    p = seeds["002"]
    assert mention(p, "John Herbst").attrs["org"] == "Atlantic Council"
    later = [m for m in p.mentions if m.text == "Bielieskov"]
    assert later and all(m.canonical == "Mikola Bielieskov" for m in later)


@pytest.mark.parametrize(
    "key, words, speaker",
    [
        ("000", "he said at a news conference", "Volodymyr Zelenskyy"),
        ("000", "he added, saying the current", "Josep Borrell"),
        ("001", "he said. “This unending", "Vladimir Putin"),
    ],
)
def test_quote_pronouns(seeds, key, words, speaker):
    p = seeds[key]
    at = p.document.text.index(words)
    he = [m for m in p.mentions if m.start_char == at and m.label == "PERSON"]
    assert he and he[0].canonical == speaker and he[0].attrs["via"] == "pronoun"


@pytest.mark.parametrize(
    "key, text, label, canonical, zones",
    [
        ("000", "deeper inside Russian territory", "ZONE_PHRASE", None, {"RU_DEEP"}),
        ("000", "occupied territory", "ZONE_PHRASE", None, {"UA_OCCUPIED"}),
        ("000", "Belgorod region", "PLACE", "Belgorod", {"RU_BORDER"}),
        ("001", "border areas", "ZONE_PHRASE", None, {"RU_BORDER"}),
        ("001", "the Russian side of the border", "ZONE_PHRASE", None, {"RU_BORDER"}),
        ("002", "across the border from the Ukrainian", "ZONE_PHRASE", None, {"RU_BORDER"}),
        ("002", "Kerch Strait", "PLACE", "Kerch Strait", {"UA_OCCUPIED"}),
        ("002", "on Russian soil", "ZONE_PHRASE", None, {"RU_BORDER", "RU_DEEP"}),
    ],
)
def test_zones(seeds, key, text, label, canonical, zones, mention):
    m = mention(seeds[key], text, label)
    assert m is not None and m.canonical == canonical and set(m.attrs["zones"]) == zones


@pytest.mark.parametrize(
    "key, text, label, canonical",
    [
        ("001", "self-propelled howitzers", "WEAPON_CLASS", "artillery"),
        ("001", "Western-made missiles", "WEAPON_ORIGIN", "West"),
        ("002", "NATO weaponry", "WEAPON_ORIGIN", "NATO"),
        ("000", "air defense assets", "WEAPON_CLASS", "air_defence"),
        ("001", "Prague", "PLACE", "Prague"),
        ("001", "Washington", "ACTOR", "United States"),
        ("000", "Brussels", "PLACE", "Brussels"),
    ],
)
def test_other_mentions(seeds, key, text, label, canonical, mention):
    m = mention(seeds[key], text, label)
    assert m is not None and m.canonical == canonical


def test_label_counts_are_sane(seeds):
    for p in seeds.values():
        labels = {m.label for m in p.mentions}
        assert {"ACTOR", "PERSON", "WEAPON", "WEAPON_CLASS", "ZONE_PHRASE", "PLACE"} <= labels
        for m in p.mentions:
            assert p.document.text[m.start_char : m.end_char] == m.text
