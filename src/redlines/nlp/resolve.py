"""Matches to canonical mentions: actors (aliases, adjectives, metonyms, the Brussels rule),
weapons (systems, classes, origins), places with zones, zone phrases.

Metonym rule: a capital city ("Washington", "Prague") is the PLACE after a place preposition
("in/at/near/inside Prague", "a visit to Prague", "travelled to Kyiv"); otherwise (subject,
possessor, "sent to Kyiv", "threats from Moscow") it is the ACTOR. When the sentence was parsed,
a subject or possessor is always the actor and the object of a place preposition the place.

Brussels rule: as an actor, Brussels is the European Union unless the same or a neighbouring
sentence is about Belgium's own government (Belgium/Belgian, a Belgian official such as De Croo)
and the same sentence names no EU body; "in Brussels" is the PLACE Brussels (Belgium).
"""

from __future__ import annotations

from spacy.tokens import Doc

from redlines.model import Mention
from redlines.nlp.context import DocContext
from redlines.nlp.gazetteer import Gazetteer
from redlines.nlp.rulers import ENTITY_KINDS, PRIORITY, Match
from redlines.nlp.weapons import merge_weapons

PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "inside",
    "into",
    "over",
    "across",
    "toward",
    "towards",
    "via",
    "through",
    "within",
    "onto",
    "on",
    "visiting",
    "visited",
    "beyond",
}
TRAVEL_WORDS = {
    "visit",
    "visits",
    "trip",
    "trips",
    "travel",
    "travels",
    "travelled",
    "traveled",
    "travelling",
    "traveling",
    "arrived",
    "arrive",
    "arrives",
    "flew",
    "fly",
    "flies",
    "went",
    "go",
    "goes",
    "came",
    "come",
    "returned",
    "return",
    "journey",
    "moved",
    "headed",
    "back",
    "launched",
    "fired",
    "way",
    "road",
    "route",
    "drive",
    "drove",
    "evacuated",
}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}
US_NOUN_STOP = {
    "and",
    "or",
    "said",
    "says",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "will",
    "would",
    "to",
    "in",
    "on",
    "for",
    "of",
    "that",
    "also",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "does",
    "do",
    "as",
    "with",
    "from",
    "by",
    "at",
    "but",
    "not",
    "still",
    "must",
    "are",
    "be",
}
EU_SIGNALS = {"European Union"}


def select_entities(matches: list[Match], tokens: Doc) -> list[Match]:
    """Non-overlapping entity matches: longest first, then by kind priority."""
    cands = [m for m in matches if m.kind in PRIORITY]
    cands.sort(key=lambda m: (-(m.end - m.start), PRIORITY[m.kind], m.start))
    taken: set[int] = set()
    out: list[Match] = []
    for m in cands:
        span = range(m.start, m.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        out.append(m)
    out.sort(key=lambda m: m.start)
    return merge_weapons(out, tokens)


def _mention(ctx: DocContext, label: str, start: int, end: int, canonical: str | None, **attrs) -> Mention:
    tok = ctx.tok
    a, b = tok[start].idx, tok[end - 1].idx + len(tok[end - 1])
    return Mention(
        label, ctx.document.text[a:b], a, b, canonical, {k: v for k, v in attrs.items() if v is not None}
    )


def entity_mentions(ctx: DocContext, ents: list[Match], gaz: Gazetteer) -> list[Mention]:
    """Mentions of actors, organisations, weapons, classes, places (people are resolved in people.py)."""
    out: list[Mention] = []
    nato_seen = False
    for m in ents:
        kind, key = m.kind, m.payload[0]
        if kind == "STOP":
            continue
        if kind == "ACTOR":
            actor = gaz.actor(key)
            form = "name"
            if ctx.tok[m.start].text in ("U.S.", "US", "U.K.", "UK", "EU", "E.U.") and m.end - m.start == 1:
                form = "adj" if _adjectival(ctx, m.end) else "abbr"
            out.append(
                _mention(ctx, "ACTOR", m.start, m.end, key, form=form, kind=actor.kind if actor else None)
            )
            nato_seen = nato_seen or key == "NATO"
        elif kind == "ADJ":
            word = ctx.tok[m.start].text
            plural = (
                word.endswith("s")
                and gaz.actor(key) is not None
                and word.lower() not in ("swiss", "portuguese")
            )
            out.append(
                _mention(
                    ctx,
                    "ACTOR",
                    m.start,
                    m.end,
                    key,
                    form="people"
                    if plural and word[0].isupper() and word.lower() != "european union's"
                    else "adj",
                )
            )
        elif kind == "METONYM":
            out.append(_metonym(ctx, m, gaz))
        elif kind == "CONTEXTUAL":
            definite = (
                m.start > 0 and ctx.tok[m.start - 1].lower_ == "the"
            )  # "the alliance", not "an alliance"
            if nato_seen and key == "NATO" and definite:
                out.append(_mention(ctx, "ACTOR", m.start, m.end, key, form="metonym"))
        elif kind == "ORG":
            org = gaz.organisations.get(key)
            out.append(
                _mention(ctx, "ORG", m.start, m.end, key, state=org.state if org else None, via="gazetteer")
            )
        elif kind == "WEAPON":
            w = gaz.weapons[key]
            out.append(
                _mention(
                    ctx,
                    "WEAPON",
                    m.start,
                    m.end,
                    key,
                    cls=w.cls,
                    range_km=w.range_km,
                    maker=w.maker,
                    makers=w.makers or None,
                )
            )
        elif kind == "WEAPON_CLASS":
            out.append(
                _mention(ctx, "WEAPON_CLASS", m.start, m.end, key, parents=gaz.class_ancestors(key)[1:])
            )
        elif kind == "PLACE":
            out.append(_place(ctx, m.start, m.end, key, gaz))
    _brussels(ctx, out, gaz)
    return out


def _adjectival(ctx: DocContext, nxt: int) -> bool:
    """'U.S. officials', 'US President' (adjective) vs 'the U.S. said' (noun)."""
    if nxt >= len(ctx.tok):
        return False
    parsed = ctx.parsed_token(ctx.tok[nxt - 1].idx)
    if parsed is not None:
        return parsed.dep_ in ("compound", "amod", "nmod") and parsed.head.i > parsed.i
    t = ctx.tok[nxt]
    return t.is_alpha and t.lower_ not in US_NOUN_STOP and not t.text.endswith("ed")


def _place(ctx: DocContext, start: int, end: int, key: str, gaz: Gazetteer) -> Mention:
    place = gaz.place(key)
    if (
        place
        and place.region
        and end < len(ctx.tok)
        and ctx.tok[end].lower_ in {"region", "regions", "oblast", "province", "provinces"}
    ):
        end += 1
    return _mention(
        ctx,
        "PLACE",
        start,
        end,
        place.id if place else key,
        state=place.state if place else None,
        zones=[z.value for z in place.zones] if place else [],
    )


def _metonym(ctx: DocContext, m: Match, gaz: Gazetteer) -> Mention:
    city = ctx.tok[m.start : m.end].text
    city = city.title() if city.isupper() else city
    if _is_place(ctx, m.start, m.end):
        return _place(ctx, m.start, m.end, city, gaz)
    return _mention(ctx, "ACTOR", m.start, m.end, m.payload[0], form="metonym", place=city)


def _is_place(ctx: DocContext, start: int, end: int) -> bool:
    tok = ctx.tok
    if end < len(tok) and tok[end].text in ("'s", "’s", "’", "'"):
        return False
    if tok[start].text.isupper() and len(tok[start].text) > 3:  # a dateline: "BRUSSELS (AP) -"
        return True
    parsed = ctx.parsed_token(tok[start].idx)
    if parsed is not None:
        head = parsed
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        if head.dep_ in SUBJECT_DEPS:
            return False
    i = start - 1
    if i >= 0 and tok[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    prev = tok[i].lower_
    if prev in PLACE_PREPS:
        return True
    return bool(prev in {"to", "from", "for"} and i > 0 and tok[i - 1].lower_ in TRAVEL_WORDS)


def _brussels(ctx: DocContext, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Apply the Brussels rule (module docstring) to actor mentions of Brussels, in place."""
    for k, m in enumerate(mentions):
        if m.label != "ACTOR" or m.attrs.get("place") != "Brussels":
            continue
        si = ctx.sentence_of(m.start_char)
        window = {si - 1, si, si + 1}
        belgium = eu_here = False
        for other in mentions:
            if other is m:
                continue
            s = ctx.sentence_of(other.start_char)
            if other.label == "ACTOR" and other.canonical == "Belgium" and s in window:
                belgium = True
            if other.label == "ACTOR" and other.canonical in EU_SIGNALS and s == si:
                eu_here = True
        belgium = belgium or any(
            p for p in ctx.extra.get("belgian_people", ()) if ctx.sentence_of(p) in window
        )
        canonical = "Belgium" if belgium and not eu_here else "European Union"
        mentions[k] = Mention(
            m.label, m.text, m.start_char, m.end_char, canonical, {**m.attrs, "rule": "brussels"}
        )


__all__ = ["ENTITY_KINDS", "entity_mentions", "select_entities"]
