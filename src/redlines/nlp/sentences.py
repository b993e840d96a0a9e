"""A cheap rule-based sentence splitter over tokenizer output (abbreviations, quotes, line breaks)."""

from __future__ import annotations

from spacy.tokens import Doc

TERMINALS = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"”", "’", '"', "'", ")", "]", "»"}
# Abbreviations that end a sentence only before a clear sentence opener ("... in the U.S. The ...").
ABBREV_END = {
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
    "D.C.",
    "Inc.",
    "Ltd.",
    "Co.",
    "etc.",
    "a.m.",
    "p.m.",
    "Jr.",
    "Sr.",
}
OPENERS = {
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "At",
    "As",
    "After",
    "While",
    "However",
    "Meanwhile",
    "Since",
    "For",
    "If",
    "When",
    "Asked",
    "According",
    "“",
    '"',
}


MAX_TOKENS = (
    250  # longer runs (tables, lists without stops) are cut so the parser never sees a huge "sentence"
)


def split_sentences(doc: Doc, max_tokens: int = MAX_TOKENS) -> list[tuple[int, int]]:
    """Token spans [start, end) of the sentences of a tokenizer Doc; whitespace-only spans dropped."""
    out: list[tuple[int, int]] = []
    for a, b in _split(doc):
        while b - a > max_tokens:
            cut = _cut_point(doc, a, a + max_tokens)
            _push(doc, out, a, cut)
            a = cut
        _push(doc, out, a, b)
    return out


def _cut_point(doc: Doc, a: int, limit: int) -> int:
    """The last comma, semicolon or dash before `limit` (else `limit`) to cut an over-long run."""
    for i in range(limit - 1, a + (limit - a) // 2, -1):
        if doc[i].text in {",", ";", ":", "—", "–"}:
            return i + 1
    return limit


def _split(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, quotes and line breaks (no length limit)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if tok.is_space and "\n" in tok.text:
            _push(doc, bounds, start, i)
            start = i + 1
        elif _ends(doc, i):
            j = i + 1
            while j < n and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            if j < n and _continues(doc, j):
                i = j
                continue
            _push(doc, bounds, start, j)
            start = j
            i = j
            continue
        i += 1
    _push(doc, bounds, start, n)
    return bounds


def _ends(doc: Doc, i: int) -> bool:
    """True when token i is sentence-final punctuation (or an abbreviation before a clear opener)."""
    text = doc[i].text
    if text in TERMINALS or (len(text) > 1 and set(text) <= {".", "!", "?"}):
        return True
    if text in ABBREV_END and i + 1 < len(doc):
        nxt = doc[i + 1]
        return nxt.text in OPENERS or (nxt.is_space and "\n" in nxt.text)
    return False


def _continues(doc: Doc, j: int) -> bool:
    """After '?'/'!'/'.'+quote, a lower-case word continues the sentence ('“Why?” he asked')."""
    tok = doc[j]
    if tok.is_space:
        return False
    prev = doc[j - 1].text
    return (
        tok.text[:1].islower()
        and (prev in CLOSERS or prev in {"?", "!", "…", "..."})
        or tok.text in {",", ";"}
    )


def _push(doc: Doc, bounds: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end > start:
        bounds.append((start, end))
