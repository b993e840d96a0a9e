"""Phrase patterns built once per Gazetteer and vocabulary, run over tokenizer output only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from redlines.nlp.gazetteer import Gazetteer, expand

SEP = "\t"
# Kinds of match keys; a key is "KIND<TAB>payload..." (see `Match`).
ENTITY_KINDS = (
    "STOP",
    "PERSON",
    "ORG",
    "ACTOR",
    "METONYM",
    "WEAPON",
    "PLACE",
    "WEAPON_CLASS",
    "ADJ",
    "ROLE",
    "SURNAME",
    "CONTEXTUAL",
)
# Tie-break between equally long entity matches: earlier wins.
PRIORITY = {k: i for i, k in enumerate(ENTITY_KINDS)}
WEAPON_PARTICIPLES = (
    "made",
    "supplied",
    "provided",
    "donated",
    "built",
    "produced",
    "delivered",
    "manufactured",
    "sent",
    "origin",
    "furnished",
    "given",
)
# Words allowed between an origin and a generic weapon noun ("Western-made long-range missiles").
WEAPON_MODIFIERS = (
    "long",
    "short",
    "medium",
    "heavy",
    "advanced",
    "modern",
    "sophisticated",
    "precision",
    "guided",
    "cruise",
    "ballistic",
    "military",
    "powerful",
    "new",
    "more",
    "other",
    "air",
    "defense",
    "defence",
    "artillery",
    "tactical",
    "strike",
    "attack",
    "fighter",
    "battle",
    "combat",
    "main",
    "anti",
    "aircraft",
    "rocket",
    "missile",
    "weapons",
    "weapon",
    "armored",
    "armoured",
    "infantry",
    "fighting",
    "smart",
    "conventional",
)


@dataclass(frozen=True, slots=True)
class Match:
    """A token span [start, end) of the tokenizer Doc with its kind and payload."""

    kind: str
    start: int
    end: int
    payload: tuple[str, ...]


def _has_upper(s: str) -> bool:
    return any(c.isupper() for c in s)


def _variants(phrase: str) -> list[str]:
    out = [phrase]
    if "'" in phrase:
        out.append(phrase.replace("'", "’"))
    if "’" in phrase:
        out.append(phrase.replace("’", "'"))
    return out


def _plural(alias: str) -> list[str]:
    if not alias or alias[-1] in "sS" or not alias[-1].isalnum():
        return [alias]
    return [alias, alias + "s"]


def inflect(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular English forms of a verb/noun lemma (over-generation is harmless), plus irregular ones."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(irregular.get(lemma, []))
    return forms


class Rulers:
    """The case-sensitive and case-insensitive PhraseMatchers plus the weapon-origin regex."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.vocab = nlp.vocab
        self.gaz = gaz
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns: dict[str, set[str]] = {}
        self._build()
        for key, phrases in self._patterns.items():
            cased = [p for p in phrases if _has_upper(p)]
            lower = [p for p in phrases if not _has_upper(p)]
            if not phrases:
                continue
            if cased:
                self.cased.add(key, list(nlp.tokenizer.pipe(cased)))
            if lower:
                self.lower.add(key, list(nlp.tokenizer.pipe(lower)))
        self.origin_re = self._origin_regex()

    def _add(self, key: str, phrases: list[str] | set[str]) -> None:
        bucket = self._patterns.setdefault(key, set())
        for p in phrases:
            p = " ".join(str(p).split())
            if p:
                bucket.update(_variants(p))

    def _build(self) -> None:
        g = self.gaz
        for a in g.actors.values():
            names = [x for x in a.aliases if x.lower() != "the west"] + [a.id]
            self._add(
                SEP.join(("ACTOR", a.id)), names + [n.upper() for n in names if len(n) > 3]
            )  # headlines
            self._add(SEP.join(("ADJ", a.id)), a.adjectives + [n.upper() for n in a.adjectives])
            self._add(SEP.join(("METONYM", a.id)), a.metonyms + [m.upper() for m in a.metonyms])  # datelines
            self._add(SEP.join(("CONTEXTUAL", a.id)), a.contextual)
        self._add(SEP.join(("ACTOR", "West")), ["West"])
        for o in g.organisations.values():
            self._add(SEP.join(("ORG", o.id)), [o.id, *o.aliases])
        for o in g.officials.values():
            self._add(SEP.join(("PERSON", o.name)), [o.name, *o.aliases])
            self._add(SEP.join(("SURNAME", o.name)), o.surnames)
        for r in g.role_nouns:
            self._add(SEP.join(("ROLE", r.title)), r.phrases)
        for w in g.weapons.values():
            self._add(SEP.join(("WEAPON", w.id)), [p for a in [w.id, *w.aliases] for p in _plural(a)])
        for c in g.classes.values():
            self._add(SEP.join(("WEAPON_CLASS", c.id)), c.phrases)
        for p in g.places.values():
            self._add(SEP.join(("PLACE", p.id)), [x for n in [p.id, *p.aliases] for x in (n, n.upper())])
        for zp in g.zone_phrase_sets:
            key = SEP.join(("ZONE", ",".join(z.value for z in zp.zones)))
            self._add(key, [e for ph in zp.phrases for e in expand(ph)])
        self._add(SEP.join(("STOP", "-")), g.cues.get("stop_phrases", []))
        irregular = g.cues.get("irregular", {})
        for group, spec in g.cues.get("groups", {}).items():
            forms = {f for lemma in spec["lemmas"] for f in inflect(lemma.lower(), irregular)}
            self._add(SEP.join(("CUE", group)), forms | set(spec["phrases"]))

    def _origin_regex(self) -> re.Pattern[str]:
        """'<origin>[-](made|supplied...) [modifiers] <generic weapon noun>' and '<origin> weapons'."""
        names: set[str] = {"Western", "West", "NATO", "Nato", "Allied", "allied", "foreign"}
        for a in self.gaz.actors.values():
            if a.kind in ("state", "bloc"):
                names.update(
                    x for x in [a.id, *a.aliases, *a.adjectives] if len(x) > 1 and " " not in x.strip()
                )
                names.update(x for x in a.metonyms if " " not in x)
        names -= {"Americans", "Germans", "Russians", "Ukrainians"}
        nouns: set[str] = set()
        for c in self.gaz.classes.values():
            nouns.update(p for p in c.phrases if " " not in p and "-" not in p)
        origin = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
        part = "|".join(WEAPON_PARTICIPLES)
        noun = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
        mods = "|".join(WEAPON_MODIFIERS)
        return re.compile(
            rf"(?<![\w.])(?P<origin>{origin})(?:(?:\s*-\s*|\s+)(?P<part>{part}))?"
            rf"(?P<mods>(?:\s+(?:[a-z]+-[a-z]+(?:-[a-z]+)?|{mods})){{0,3}})\s+(?P<noun>{noun})\b"
        )

    def match(self, doc: Doc) -> list[Match]:
        """All phrase matches (overlapping) of one tokenizer Doc."""
        out = []
        strings = self.vocab.strings
        for matcher in (self.cased, self.lower):
            for key, start, end in matcher(doc):
                parts = tuple(strings[key].split(SEP))
                out.append(Match(parts[0], start, end, parts[1:]))
        return out


_CACHE: dict[tuple[int, int], Rulers] = {}


def get_rulers(nlp: Language, gaz: Gazetteer) -> Rulers:
    """Build the matchers once per (pipeline vocabulary, gazetteer)."""
    key = (id(nlp.vocab), id(gaz))
    if key not in _CACHE:
        _CACHE.clear() if len(_CACHE) > 8 else None
        _CACHE[key] = Rulers(nlp, gaz)
    return _CACHE[key]
