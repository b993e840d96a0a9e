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
from itertools import islice

from spacy.language import Language

from redlines.model import Document, Mention, ParsedDocument, Sentence
from redlines.nlp.context import DocContext
from redlines.nlp.gazetteer import Gazetteer
from redlines.nlp.people import PRONOUNS, resolve_people
from redlines.nlp.prefilter import candidate_sentences, needs_ner
from redlines.nlp.resolve import (
    entity_mentions,
    origin_mentions,
    select_entities,
    select_zones,
    zone_mentions,
)
from redlines.nlp.rulers import get_rulers
from redlines.nlp.sentences import split_sentences


def annotate(
    documents: Iterable[Document], nlp: Language, gazetteer: Gazetteer, batch_size: int = 64
) -> Iterator[ParsedDocument]:
    """A ParsedDocument per input document, in input order."""
    rulers = get_rulers(nlp, gazetteer)
    speech_only = set(gazetteer.cues.get("speech_only", ()))
    it = iter(documents)
    while chunk := list(islice(it, max(1, batch_size))):
        tokdocs = list(nlp.tokenizer.pipe([d.text for d in chunk]))
        states = []
        jobs: list[tuple[int, int, str]] = []
        for k, (doc, tok) in enumerate(zip(chunk, tokdocs)):
            ctx = DocContext(doc, tok, split_sentences(tok))
            matches = rulers.match(tok)
            origins = origin_mentions(ctx, rulers)
            texts = [ctx.sentence_text(i) for i in range(len(ctx.sent_tokens))]
            extra = [t.i for t in tok if t.lower_ in PRONOUNS]
            extra += [tok.char_span(o.start_char, o.end_char, alignment_mode="expand").start for o in origins]
            flags = candidate_sentences(ctx.sent_tokens, texts, matches, speech_only, extra)
            states.append((ctx, matches, origins, flags))
            ner = needs_ner(tok, ctx.sent_tokens, matches, flags)
            jobs.extend((k, i, texts[i], ner[i]) for i, f in enumerate(flags) if f)
        ner_on = "ner" in nlp.pipe_names
        for with_ner in (True, False):
            batch = [j for j in jobs if j[3] == with_ner or not ner_on]
            if not batch or (not ner_on and not with_ner):
                continue
            disable = [] if with_ner or not ner_on else ["ner"]
            for (k, i, _, _), parse in zip(
                batch, nlp.pipe((j[2] for j in batch), batch_size=256, disable=disable)
            ):
                states[k][0].parses[i] = parse
        for ctx, matches, origins, flags in states:
            yield _finish(ctx, matches, origins, flags, gazetteer)


def _finish(
    ctx: DocContext, matches, origins: list[Mention], flags: list[bool], gaz: Gazetteer
) -> ParsedDocument:
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


def _timexes(ctx: DocContext) -> list:
    try:
        from redlines.nlp.dates import find_timexes
    except (ImportError, AttributeError):  # the dates module is missing or mid-edit: no time expressions
        return []
    return list(find_timexes(ctx.document.text, ctx.published))
