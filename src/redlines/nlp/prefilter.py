"""Which sentences deserve the full statistical parse: a trigger cue (or a quotation) and an entity."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from redlines.nlp.rulers import Match

# Entity kinds that make a sentence worth parsing, with a cue.
ENTITY_EVIDENCE = {
    "PERSON",
    "SURNAME",
    "ROLE",
    "ACTOR",
    "ADJ",
    "METONYM",
    "WEAPON",
    "WEAPON_CLASS",
    "PLACE",
    "ZONE",
    "ORIGIN",
    "CONTEXTUAL",
    "PRONOUN",
}
QUOTE_CHARS = ("“", "”", '"')
# Entity kinds that can be the speaker of a quotation in the next sentence ("X thanked Y. 'Z,' he said.").
SPEAKER_EVIDENCE = {"PERSON", "SURNAME", "ROLE"}
CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def candidate_sentences(
    sent_tokens: list[tuple[int, int]],
    sent_texts: list[str],
    matches: list[Match],
    speech_only: set[str],
    extra_evidence: list[int] = (),
) -> list[bool]:
    """One flag per sentence: (cue or quotation) and (an actor/person/weapon/zone mention).

    A cue of a speech-only group ("said") counts only together with a quotation mark or another cue.
    `extra_evidence` holds token indexes of further entity evidence (pronouns, weapon origins).
    A sentence naming a person right before a candidate quotation is parsed too: its subject is who
    "he said" points back to.
    """
    n = len(sent_tokens)
    starts = [a for a, _ in sent_tokens]
    cue = [False] * n
    entity = [False] * n
    person = [False] * n

    def where(tok_i: int) -> int:
        return max(0, bisect.bisect_right(starts, tok_i) - 1)

    for m in matches:
        si = where(m.start)
        if m.kind == "CUE":
            cue[si] = cue[si] or m.payload[0] not in speech_only
        elif m.kind in ENTITY_EVIDENCE:
            entity[si] = True
            person[si] = person[si] or m.kind in SPEAKER_EVIDENCE
    for t in extra_evidence:
        entity[where(t)] = True
    quoted = [any(q in sent_texts[i] for q in QUOTE_CHARS) for i in range(n)]
    flags = [entity[i] and (cue[i] or quoted[i]) for i in range(n)]
    for i in range(n - 1):
        if person[i] and quoted[i + 1] and flags[i + 1]:
            flags[i] = True
    return flags


def needs_ner(
    tok: Doc, sent_tokens: list[tuple[int, int]], matches: list[Match], flags: list[bool]
) -> list[bool]:
    """Per sentence: can the statistical NER add anything? Unknown people need two capitalised words
    in a row that no gazetteer entry covers ("Petro Chernik"); unknown organisations an acronym or
    such a pair. Months and weekdays do not count (dates come from redlines.nlp.dates)."""
    covered = bytearray(len(tok))
    for m in matches:
        if m.kind != "CUE":
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    out = []
    for (a, b), flag in zip(sent_tokens, flags):
        need = False
        prev_cap = False
        if flag:
            for t in tok[a:b]:
                cap = (
                    t.is_alpha
                    and t.text[0].isupper()
                    and not covered[t.i]
                    and t.lower_ not in CALENDAR_WORDS
                    and not (t.i == a and t.is_stop)
                )
                if cap and (prev_cap or (t.is_upper and len(t) > 1 and t.text != "I")):
                    need = True
                    break
                prev_cap = cap
        out.append(need)
    return out
