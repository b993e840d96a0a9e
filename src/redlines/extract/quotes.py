"""quote statements: every direct quotation with its speaker, speech date, and the statement it supports.

Speaker, in order: a PERSON mention next to the quote in its own sentence (incl. pronouns the language
layer resolved); a capitalised name beside a verb of saying; for "he said" or a bare quote, the last
speaker named in the same paragraph. Fragments of one sentence ("“A,” he added, “B.”") are one quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redlines.extract.args import SentView, actor_name
from redlines.extract.provenance import evidence
from redlines.extract.triggers import cue
from redlines.model import DateInterval, Mention, ParsedDocument, Precision, Statement, StatementType

QUOTE_RE = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"")
IRREGULAR = {"say": ["said", "says"], "tell": ["told", "tells"], "write": ["wrote", "writes"]}
NAME_RE = r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)"
PRONOUN_RE = re.compile(r"\b(he|she)\b", re.IGNORECASE)
NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "But", "And", "It", "This", "That", "He", "She", "They",
                       "We", "I", "As", "At", "For", "Asked", "When", "While", "Reuters", "CNN"})


@dataclass(slots=True)
class _Speaker:
    name: str | None
    actor: str | None
    sentence: int


def _speech_words() -> str:
    forms: set[str] = set()
    for lem in cue("modality", "speech_verbs"):
        forms.update(IRREGULAR.get(lem, [lem + "s", lem + "d" if lem.endswith("e") else lem + "ed"]))
    forms.update({"continues", "adds", "notes", "says", "told"})
    return "|".join(sorted(forms, key=len, reverse=True))


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every quotation; offsets include the quote marks. A quotation left open
    at the end of a paragraph (it continues in the next one) runs to the paragraph's end."""
    spans = [(m.start(), m.end(), (m.group(1) or m.group(2)).strip()) for m in QUOTE_RE.finditer(text)]
    pos = 0
    for para in text.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        inside = [sp for sp in spans if start <= sp[0] < end]
        tail = max((sp[1] for sp in inside), default=start)
        rest = text[tail:end]
        k = rest.find("“") if "“" in rest else (rest.find('"') if rest.count('"') % 2 == 1 else -1)
        if k >= 0 and len(rest[k + 1:].strip()) > 2 and "”" not in rest[k:]:
            spans.append((tail + k, end, rest[k + 1:].strip()))
    return sorted(spans)


def _outside(text: str, start: int, end: int, quotes: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The parts of [start, end) not inside a quotation."""
    parts, cur = [], start
    for qs, qe, _ in quotes:
        if qe <= start or qs >= end:
            continue
        if qs > cur:
            parts.append((cur, qs))
        cur = max(cur, qe)
    if cur < end:
        parts.append((cur, end))
    return parts


def _is_subject(views: dict[int, SentView] | None, parsed: ParsedDocument, m: Mention) -> bool:
    """The mention heads (or names, as apposition) the subject of a clause in a parsed sentence."""
    sent = parsed.sentence_at(m.start_char)
    view = views.get(sent.index) if views and sent is not None else None
    r = view.root(m) if view is not None else None
    while r is not None and r.dep_ in ("appos", "compound", "conj") and r.head.i != r.i:
        r = r.head
    return r is not None and r.dep_ in ("nsubj", "nsubjpass")


def _person_near(parsed: ParsedDocument, parts: list[tuple[int, int]], anchor: int,
                 views: dict[int, SentView] | None = None) -> Mention | None:
    """The PERSON beside the quote: a clause subject first ("X said", not "urged Y"), then the nearest."""
    persons = [m for m in parsed.mentions if m.label == "PERSON"
               and any(s <= m.start_char and m.end_char <= e for s, e in parts)]
    if not persons:
        return None
    return min(persons, key=lambda m: (not _is_subject(views, parsed, m), m.attrs.get("via") == "pronoun",
                                       abs(m.start_char - anchor)))


def _name_by_verb(text: str, parts: list[tuple[int, int]]) -> str | None:
    """A capitalised name right before or after a verb of saying, outside the quotes."""
    verbs = _speech_words()
    for s, e in parts:
        seg = text[s:e]
        for pat in (rf"\b(?:{verbs})\s+(?:the\s+[\w\s.-]{{0,40}}?\s)?{NAME_RE}", rf"{NAME_RE},?\s+(?:{verbs})\b"):
            for m in re.finditer(pat, seg):
                name = m.group(1).strip()
                if name.split()[0] not in NOT_NAMES and len(name) > 2:
                    return name
    return None


def _subject_before(parsed: ParsedDocument, first: int, views: dict[int, SentView] | None) -> Mention | None:
    """The PERSON subject of the sentence just before `first` (None when it has none)."""
    if first == 0:
        return None
    s = parsed.sentences[first - 1]
    subjects = [m for m in parsed.mentions_in(s.start_char, s.end_char, "PERSON") if _is_subject(views, parsed, m)]
    return subjects[0] if subjects else None


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n\n", 0, pos) + 1


def _speaker(parsed: ParsedDocument, quotes: list[tuple[int, int, str]], first: int, last: int,
             history: list[_Speaker], q_start: int, views: dict[int, SentView] | None = None) -> _Speaker | None:
    """Who says the quote of sentences first..last."""
    text = parsed.document.text
    sents = parsed.sentences
    start, end = sents[first].start_char, sents[last].end_char
    parts = _outside(text, start, end, quotes)
    m = _person_near(parsed, parts, q_start, views)
    if m is not None and m.attrs.get("via") == "pronoun":  # "he told the BBC": the previous sentence's subject
        prev = _subject_before(parsed, first, views)
        if prev is not None and prev.canonical != m.canonical:
            return _Speaker(prev.canonical or prev.text, actor_name(prev), first - 1)
    if m is not None:
        return _Speaker(m.canonical or m.text, actor_name(m), first)
    name = _name_by_verb(text, parts)
    if name and any(m.label in ("ACTOR", "PLACE", "ORG") and (m.text == name or name.endswith(m.text))
                    for m in parsed.mentions):
        name = None  # "continues the former U.S. ambassador to Kyiv": a place, not the speaker
    if name:
        known = [p for p in parsed.mentions if p.label == "PERSON" and (p.text in name or name in (p.canonical or ""))]
        if known:
            return _Speaker(known[0].canonical, actor_name(known[0]), first)
        return _Speaker(name, None, first)
    actors = [a for a in parsed.mentions if a.label == "ACTOR" and any(s <= a.start_char < e for s, e in parts)]
    verbs = _speech_words()
    for a in actors:  # "the White House said", "a Kremlin spokesman said": an institution speaks
        if re.match(rf"(?:\s+[\w’'-]+){{0,3}}?\s*(?:also\s+)?(?:{verbs})\b", text[a.end_char:a.end_char + 40]) or \
                re.search(rf"\b(?:{verbs})\s+(?:the\s+)?$", text[max(0, a.start_char - 30):a.start_char]):
            return _Speaker(None, actor_name(a), first)
    para = _paragraph_start(text, q_start)
    outside = " ".join(text[s:e] for s, e in parts)
    pronoun = re.search(rf"\b(?:he|she)\s+(?:{verbs})\b|\b(?:{verbs})\s+(?:he|she)\b", outside, re.IGNORECASE)
    for prev in reversed(history):  # "he said", or a quote that continues the previous one
        if sents[prev.sentence].start_char >= para or first - prev.sentence <= (3 if pronoun else 1):
            return prev
    for idx in range(first - 1, max(-1, first - 4), -1):
        if sents[idx].start_char < para and not pronoun:
            break
        persons = [p for p in parsed.mentions if p.label == "PERSON"
                   and sents[idx].start_char <= p.start_char < sents[idx].end_char]
        if persons:
            subj = [p for p in persons if _is_subject(views, parsed, p)]
            pick = subj[0] if subj else persons[-1]
            return _Speaker(pick.canonical or pick.text, actor_name(pick), idx)
    return None


def _date(parsed: ParsedDocument, parts: list[tuple[int, int]], speaker: _Speaker | None, first: int,
          quotes: list[tuple[int, int, str]]) -> DateInterval:
    """Speech date: a timex outside the quote, else in an earlier sentence naming the speaker, else publication."""
    timexes = [t for t in parsed.timexes if any(s <= t.start_char < e for s, e in parts)]
    if not timexes and speaker is not None:
        for idx in range(first - 1, max(-1, first - 3), -1):
            s = parsed.sentences[idx]
            named = any(m.label == "PERSON" and m.canonical == speaker.name
                        for m in parsed.mentions_in(s.start_char, s.end_char))
            if idx == speaker.sentence or named:
                timexes = [t for t in parsed.timexes_in(s.start_char, s.end_char)
                           if not any(qs <= t.start_char < qe for qs, qe, _ in quotes)]
                if timexes:
                    break
    if timexes:
        return timexes[0].interval
    pub = parsed.document.published.value
    return DateInterval(pub, pub, Precision.UNKNOWN, "(publication date)")


def extract_quotes(parsed: ParsedDocument, views: dict[int, SentView] | None = None) -> list[Statement]:
    """One quote statement per sentence that holds a quotation (fragments merged), in document order."""
    text = parsed.document.text
    quotes = _spans(text)
    groups: dict[int, list[tuple[int, int, str]]] = {}
    for q in quotes:
        if len(q[2].split()) < 2:
            continue  # a scare-quoted word (would decide "quickly") is no quotation
        s = parsed.sentence_at(q[0])
        if s is not None:
            groups.setdefault(s.index, []).append(q)
    out: list[Statement] = []
    history: list[_Speaker] = []
    for idx in sorted(groups):
        qs = groups[idx]
        last_sent = parsed.sentence_at(max(qs[-1][1] - 1, qs[-1][0]))
        last = last_sent.index if last_sent is not None else idx
        sp = _speaker(parsed, quotes, idx, last, history, qs[0][0], views)
        if sp is not None:
            history.append(sp)
        first_s, last_s = parsed.sentences[idx], parsed.sentences[last]
        parts = _outside(text, first_s.start_char, last_s.end_char, quotes)
        ev = evidence(parsed, first_s, qs[0][0], qs[-1][1])
        if last != idx:
            ev = ev.__class__(ev.document_id, ev.sentence_index, ev.start_char, ev.end_char,
                              text[first_s.start_char:last_s.end_char], ev.outlet, ev.published)
        valid = _date(parsed, parts, sp, idx, quotes)
        out.append(Statement(
            type=StatementType.QUOTE, evidence=ev, actor=sp.actor if sp else None,
            speaker=sp.name if sp else None, quote=" … ".join(q[2] for q in qs), valid=valid,
            confidence=0.85 if sp and sp.name else 0.5, modality=_modality(valid),
        ))
    return out


def _modality(valid: DateInterval):
    from redlines.model import Modality

    return Modality.CONFIRMED


def link_quotes(claims: list[Statement], quotes: list[Statement]) -> list[Statement]:
    """Claims then quotes; a quote `supports` the claim of its own sentence by the same actor, if any."""
    out = list(claims)
    for q in quotes:
        idx = q.evidence.sentence_index
        match = [k for k, c in enumerate(claims) if c.evidence.sentence_index == idx
                 and c.type != StatementType.QUOTE and (q.actor is None or c.actor == q.actor)]
        out.append(q.with_(supports=match[0]) if match else q)
    return out
