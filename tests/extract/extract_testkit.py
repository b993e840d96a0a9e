"""Test kit of the extraction tests: ParsedDocuments built by hand (real spaCy parses, mentions from a tiny
test lexicon, given timexes), article loading, and small selectors."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from redlines.model import (
    DateInterval,
    Document,
    Mention,
    ParsedDocument,
    Precision,
    PublishedDate,
    PublishedHow,
    Sentence,
    Timex,
)

US, DE, UA, RU, UK, FR, NL, BE = ("United States", "Germany", "Ukraine", "Russia", "United Kingdom", "France",
                                  "Netherlands", "Belgium")
RUZ, UAZ = ["RU_BORDER", "RU_DEEP"], ["UA_HELD", "UA_OCCUPIED"]

# surface -> (label, canonical, attrs); matched case-sensitively on word boundaries, longest first per label
LEXICON: dict[str, tuple[str, str, dict]] = {
    **{s: ("ACTOR", US, {}) for s in ("United States", "U.S.", "US", "Washington", "White House", "American",
                                      "Pentagon")},
    **{s: ("ACTOR", DE, {}) for s in ("Germany", "Berlin", "German")},
    **{s: ("ACTOR", UA, {}) for s in ("Ukraine", "Kyiv", "Ukrainian", "Ukrainians")},
    **{s: ("ACTOR", RU, {}) for s in ("Russia", "Moscow", "Kremlin", "Russian")},
    **{s: ("ACTOR", UK, {}) for s in ("Britain", "London", "British", "UK")},
    **{s: ("ACTOR", FR, {}) for s in ("France", "Paris", "French")},
    **{s: ("ACTOR", NL, {}) for s in ("Netherlands", "Dutch", "The Hague")},
    **{s: ("ACTOR", BE, {}) for s in ("Belgium", "Belgian", "Brussels")},
    "Norway": ("ACTOR", "Norway", {}), "Norwegian": ("ACTOR", "Norway", {}), "Denmark": ("ACTOR", "Denmark", {}), "Danish": ("ACTOR", "Denmark", {}),
    "Lisbon": ("ACTOR", "Portugal", {}),
    "Poland": ("ACTOR", "Poland", {}), "Portugal": ("ACTOR", "Portugal", {}), "Portuguese": ("ACTOR", "Portugal", {}), "Warsaw": ("ACTOR", "Poland", {}),
    "NATO": ("ACTOR", "NATO", {}),
    "Italy": ("ACTOR", "Italy", {}), "Italian": ("ACTOR", "Italy", {}), "Polish": ("ACTOR", "Poland", {}),
    "Biden": ("PERSON", "Joe Biden", {"state": US, "role": "president"}),
    "Blinken": ("PERSON", "Antony Blinken", {"state": US, "role": "secretary of state"}),
    "Austin": ("PERSON", "Lloyd Austin", {"state": US, "role": "defense secretary"}),
    "Scholz": ("PERSON", "Olaf Scholz", {"state": DE, "role": "chancellor"}),
    "Pistorius": ("PERSON", "Boris Pistorius", {"state": DE, "role": "defence minister"}),
    "Macron": ("PERSON", "Emmanuel Macron", {"state": FR, "role": "president"}),
    "Sunak": ("PERSON", "Rishi Sunak", {"state": UK, "role": "prime minister"}),
    "Cameron": ("PERSON", "David Cameron", {"state": UK, "role": "foreign secretary"}),
    "Lammy": ("PERSON", "David Lammy", {"state": UK, "role": "foreign secretary"}),
    "Rutte": ("PERSON", "Mark Rutte", {"state": NL, "role": "prime minister"}),
    "Stoltenberg": ("PERSON", "Jens Stoltenberg", {"org": "NATO", "role": "secretary general"}),
    "Zelensky": ("PERSON", "Volodymyr Zelensky", {"state": UA, "role": "president"}),
    "Putin": ("PERSON", "Vladimir Putin", {"state": RU, "role": "president"}),
    "Peskov": ("PERSON", "Dmitry Peskov", {"state": RU, "role": "spokesman"}),
    "ATACMS": ("WEAPON", "ATACMS", {"cls": "long_range_missile", "maker": US}),
    "HIMARS": ("WEAPON", "HIMARS", {"cls": "mlrs", "maker": US}),
    "Taurus": ("WEAPON", "Taurus", {"cls": "cruise_missile", "maker": DE}),
    "Storm Shadow": ("WEAPON", "Storm Shadow", {"cls": "cruise_missile", "maker": UK, "makers": [UK, FR]}),
    "SCALP": ("WEAPON", "SCALP", {"cls": "cruise_missile", "maker": FR}),
    "F-16": ("WEAPON", "F-16", {"cls": "fighter_jet", "maker": US}),
    "F-16s": ("WEAPON", "F-16", {"cls": "fighter_jet", "maker": US}),
    "Leopard": ("WEAPON", "Leopard 2", {"cls": "tank", "maker": DE}),
    "Patriot": ("WEAPON", "Patriot", {"cls": "air_defence", "maker": US}),
    "Challenger 2": ("WEAPON", "Challenger 2", {"cls": "tank"}),
    "Abrams": ("WEAPON", "Abrams", {"cls": "tank"}),
    "long-range missiles": ("WEAPON_CLASS", "long_range_missile", {}),
    "cruise missiles": ("WEAPON_CLASS", "cruise_missile", {}),
    "missiles": ("WEAPON_CLASS", "missile", {}),
    "weapons": ("WEAPON_CLASS", "weapons", {}),
    "weapon": ("WEAPON_CLASS", "weapons", {}),
    "fighter jets": ("WEAPON_CLASS", "fighter_jet", {}),
    "jets": ("WEAPON_CLASS", "fighter_jet", {}),
    "tanks": ("WEAPON_CLASS", "tank", {}),
    "artillery": ("WEAPON_CLASS", "artillery", {}),
    "drones": ("WEAPON_CLASS", "drone", {}),
    "air defence systems": ("WEAPON_CLASS", "air_defence", {}),
    "Western-supplied weapons": ("WEAPON_ORIGIN", "West", {"origin": "West", "cls": "weapons"}),
    "Western weapons": ("WEAPON_ORIGIN", "West", {"origin": "West", "cls": "weapons"}),
    "Western-made missiles": ("WEAPON_ORIGIN", "West", {"origin": "West", "cls": "missile"}),
    "American-made weapons": ("WEAPON_ORIGIN", US, {"origin": US, "cls": "weapons"}),
    "inside Russia": ("ZONE_PHRASE", "inside Russia", {"zones": RUZ}),
    "into Russia": ("ZONE_PHRASE", "into Russia", {"zones": RUZ}),
    "on Russian soil": ("ZONE_PHRASE", "on Russian soil", {"zones": RUZ}),
    "Russian territory": ("ZONE_PHRASE", "Russian territory", {"zones": RUZ}),
    "deep inside Russia": ("ZONE_PHRASE", "deep inside Russia", {"zones": ["RU_DEEP"]}),
    "deep into Russia": ("ZONE_PHRASE", "deep into Russia", {"zones": ["RU_DEEP"]}),
    "across the border": ("ZONE_PHRASE", "across the border", {"zones": ["RU_BORDER"]}),
    "border areas": ("ZONE_PHRASE", "border areas", {"zones": ["RU_BORDER"]}),
    "border region": ("ZONE_PHRASE", "border region", {"zones": ["RU_BORDER"]}),
    "Ukrainian territory": ("ZONE_PHRASE", "Ukrainian territory", {"zones": UAZ}),
    "Ukrainian soil": ("ZONE_PHRASE", "Ukrainian soil", {"zones": UAZ}),
    "occupied territories": ("ZONE_PHRASE", "occupied territories", {"zones": ["UA_OCCUPIED"]}),
    "Kursk": ("PLACE", "Kursk", {"state": RU, "zones": ["RU_BORDER"]}),
    "Belgorod": ("PLACE", "Belgorod", {"state": RU, "zones": ["RU_BORDER"]}),
    "Kharkiv": ("PLACE", "Kharkiv", {"state": UA, "zones": ["UA_HELD"]}),
    "Odesa": ("PLACE", "Odesa", {"state": UA, "zones": ["UA_HELD"]}),
    "Crimea": ("PLACE", "Crimea", {"state": UA, "zones": ["UA_OCCUPIED"]}),
    "Black Sea": ("PLACE", "Black Sea", {"zones": ["OTHER"]}),
    "Sevastopol": ("PLACE", "Sevastopol", {"state": UA, "zones": ["UA_OCCUPIED"]}),
}

PUBLISHED = date(2024, 6, 1)


def find_mentions(text: str, lexicon: dict | None = None) -> list[Mention]:
    """Mentions of the lexicon's surfaces; longest first within a label, overlaps across labels kept."""
    lexicon = lexicon or LEXICON
    out: list[Mention] = []
    for surface in sorted(lexicon, key=len, reverse=True):
        label, canonical, attrs = lexicon[surface]
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            if any(o.label == label and o.start_char < m.end() and m.start() < o.end_char for o in out):
                continue
            out.append(Mention(label, surface, m.start(), m.end(), canonical, dict(attrs)))
    return sorted(out, key=lambda x: (x.start_char, -x.end_char))


def day(s: str) -> date:
    return date.fromisoformat(s)


def make_timexes(text: str, dates: dict[str, tuple[str, str, str]] | None) -> list[Timex]:
    """Timexes for the given surfaces: {"on Friday": ("2024-05-31", "2024-05-31", "day")}."""
    out = []
    for surface, (start, end, prec) in (dates or {}).items():
        for m in re.finditer(re.escape(surface), text):
            out.append(Timex(surface, m.start(), m.end(), DateInterval(day(start), day(end), Precision(prec), surface)))
    return sorted(out, key=lambda t: t.start_char)


def parsed_doc(nlp, text: str, dates: dict | None = None, *, published: date = PUBLISHED,
               outlet: str = "Test Wire", lexicon: dict | None = None) -> ParsedDocument:
    """A ParsedDocument of `text` with every sentence parsed (offsets into `text`)."""
    doc = Document(id="t" + str(abs(hash(text)))[:8], text=text, raw=text, outlet=outlet,
                   published=PublishedDate(published, PublishedHow.GIVEN, 1.0))
    sents = []
    for i, s in enumerate(nlp(text).sents):
        sents.append(Sentence(i, s.start_char, s.end_char, s.text, True, nlp(s.text)))
    return ParsedDocument(doc, sents, find_mentions(text, lexicon), make_timexes(text, dates))


def of_type(statements, type_: str):
    """The statements of one type."""
    return [s for s in statements if s.type.value == type_]


def load_article(path, published: str, outlet: str | None = None):
    """The Document of an article file through ingest; if ingest fails, the raw text with the given date.

    The fallback keeps these end-to-end tests about extraction, not about the cleaner."""
    try:
        from redlines import ingest

        return ingest.build_document(next(iter(ingest.read_inputs([str(path)], {}))))
    except Exception:  # noqa: BLE001
        text = Path(path).read_text("utf-8")
        return Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, raw=text, outlet=outlet,
                        published=PublishedDate(date.fromisoformat(published), PublishedHow.GIVEN, 1.0))
