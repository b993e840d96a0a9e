"""The language layer: tokenize and match everything cheaply, parse only candidate sentences.

1. tokenizer only (`nlp.tokenizer.pipe`) over each document, rule-based sentence split;
2. gazetteer and cue PhraseMatchers over all tokens; candidate = cue/quotation + entity;
3. the statistical pipeline (`nlp.pipe`) over candidate sentences, batched across documents; the
   NER runs only where it can add something (an unmatched capitalised word or a number);
4. resolution: people (names, roles, NER, pronouns), actors/metonyms, weapons, places, zones;
5. time expressions from redlines.nlp.dates (when available).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from redlines.model import Document, Mention, ParsedDocument, Sentence, Timex
from redlines.nlp.context import DocContext
from redlines.nlp.gazetteer import Gazetteer
from redlines.nlp.people import PRONOUNS, resolve_people
from redlines.nlp.prefilter import candidate_sentences, needs_ner
from redlines.nlp.resolve import entity_mentions, select_entities
from redlines.nlp.rulers import Match, Rulers, get_rulers
from redlines.nlp.sentences import split_sentences
from redlines.nlp.weapons import origin_mentions
from redlines.nlp.zones import select_zones, zone_mentions


def annotate(
    documents: Iterable[Document], nlp: Language, gazetteer: Gazetteer, batch_size: int = 64
) -> Iterator[ParsedDocument]:
    """A ParsedDocument per input document, in input order."""
    rulers = get_rulers(nlp, gazetteer)
    speech_only = set(gazetteer.cues.get("speech_only", ()))
    it = iter(documents)
    while chunk := list(islice(it, max(1, batch_size))):
        tokdocs = nlp.tokenizer.pipe([d.text for d in chunk])
        states = [_prepare(doc, tok, rulers, speech_only) for doc, tok in zip(chunk, tokdocs)]
        _parse(nlp, states)
        for st in states:
            yield _finish(st, gazetteer)


@dataclass(slots=True)
class _State:
    """One document between the cheap pass and resolution."""

    ctx: DocContext
    matches: list[Match]
    origins: list[Mention]
    flags: list[bool]
    ner: list[bool]


def _prepare(doc: Document, tok: Doc, rulers: Rulers, speech_only: set[str]) -> _State:
    """Tokenizer-level pass: sentences, phrase matches, weapon origins, candidate flags."""
    ctx = DocContext(doc, tok, split_sentences(tok))
    matches = rulers.match(tok)
    origins = origin_mentions(ctx, rulers)
    texts = [ctx.sentence_text(i) for i in range(len(ctx.sent_tokens))]
    evidence = [t.i for t in tok if t.lower_ in PRONOUNS]
    for o in origins:
        span = tok.char_span(o.start_char, o.end_char, alignment_mode="expand")
        if span is not None:
            evidence.append(span.start)
    # a possible unknown name ("Oleh Zhdanov") is entity evidence too; those sentences also get the NER
    names = needs_ner(tok, ctx.sent_tokens, matches, [True] * len(ctx.sent_tokens))
    evidence += [ctx.sent_tokens[i][0] for i, f in enumerate(names) if f]
    flags = candidate_sentences(ctx.sent_tokens, texts, matches, speech_only, evidence)
    return _State(ctx, matches, origins, flags, [f and n for f, n in zip(flags, names)])


def _parse(nlp: Language, states: list[_State]) -> None:
    """The statistical pipeline over all candidate sentences of a batch; NER only where needed."""
    jobs = [(st, i) for st in states for i, f in enumerate(st.flags) if f]
    has_ner = "ner" in nlp.pipe_names
    groups = [(True, []), (False, ["ner"])] if has_ner else [(None, [])]
    for with_ner, disable in groups:
        batch = [(st, i) for st, i in jobs if with_ner is None or st.ner[i] == with_ner]
        texts = (st.ctx.sentence_text(i) for st, i in batch)
        for (st, i), parse in zip(batch, nlp.pipe(texts, batch_size=256, disable=disable)):
            st.ctx.parses[i] = parse


def _finish(st: _State, gaz: Gazetteer) -> ParsedDocument:
    """Resolution of all mentions, sentences with their parses, time expressions."""
    ctx, matches, origins, flags = st.ctx, st.matches, st.origins, st.flags
    ents = select_entities(matches, ctx.tok)
    ctx.extra["taken"] = [
        (ctx.tok[e.start].idx, ctx.tok[e.end - 1].idx + len(ctx.tok[e.end - 1])) for e in ents
    ]
    people = resolve_people(ctx, ents, gaz)
    ctx.extra["belgian_people"] = [p.start_char for p in people if p.attrs.get("state") == "Belgium"]
    places = [m for m in ents if m.kind in ("PLACE", "METONYM")]
    mentions = people + entity_mentions(ctx, ents, gaz) + zone_mentions(ctx, select_zones(matches), places)
    mentions += origins + _ner_orgs(ctx, mentions)
    mentions.sort(key=lambda m: (m.start_char, -m.end_char))
    sentences = [
        Sentence(i, a, b, ctx.document.text[a:b], flags[i], ctx.parses.get(i))
        for i, (a, b) in enumerate(ctx.sent_chars)
    ]
    return ParsedDocument(ctx.document, sentences, mentions, _timexes(ctx))


def _ner_orgs(ctx: DocContext, known: list[Mention]) -> list[Mention]:
    """Organisations the gazetteer does not know, from NER of parsed sentences."""
    out = []
    for si, parse in ctx.parses.items():
        base = ctx.sent_chars[si][0]
        for ent in parse.ents:
            if ent.label_ != "ORG":
                continue
            a, b = base + ent.start_char, base + ent.end_char
            if any(m.start_char < b and a < m.end_char for m in known) or any(
                x < b and a < y for x, y in ctx.extra.get("taken", ())
            ):
                continue
            name = ent.text.removeprefix("the ").removeprefix("The ")
            out.append(Mention("ORG", ent.text, a, b, name, {"via": "ner"}))
    return out


def _timexes(ctx: DocContext) -> list[Timex]:
    """Time expressions from redlines.nlp.dates (another stage's module), or none while it is absent."""
    try:
        from redlines.nlp.dates import find_timexes
    except (ImportError, AttributeError):  # the dates module is missing or mid-edit: no time expressions
        return []
    return list(find_timexes(ctx.document.text, ctx.published))
