"""What the resolvers know about one document: tokens, sentences, paragraphs, quotes, parses."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from redlines.model import Document

QUOTE_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
PARAGRAPH_RE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class DocContext:
    """One document during annotation; sentences are token spans of the tokenizer Doc `tok`."""

    document: Document
    tok: Doc
    sent_tokens: list[tuple[int, int]]
    parses: dict[int, Doc] = field(default_factory=dict)
    sent_chars: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sent_chars = [
            (self.tok[a].idx, self.tok[b - 1].idx + len(self.tok[b - 1])) for a, b in self.sent_tokens
        ]
        self._starts = [c[0] for c in self.sent_chars]
        text = self.document.text
        self.paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text)]
        self.quotes = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
        self._para_starts = [p[0] for p in self.paragraphs]
        self._quote_starts = [q[0] for q in self.quotes]

    @property
    def published(self) -> date | None:
        return self.document.published.value

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding (or preceding) a character offset."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, char) - 1)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        k = bisect.bisect_right(self._quote_starts, start) - 1  # quotes do not overlap
        return k >= 0 and self.quotes[k][0] <= start and end <= self.quotes[k][1]

    def parsed_token(self, char: int) -> Token | None:
        """The parsed token at a document offset, when its sentence was parsed."""
        si = self.sentence_of(char)
        parse = self.parses.get(si)
        if parse is None:
            return None
        rel = char - self.sent_chars[si][0]
        for t in parse:
            if t.idx <= rel < t.idx + max(1, len(t)):
                return t
        return None

    def sentence_text(self, si: int) -> str:
        a, b = self.sent_chars[si]
        return self.document.text[a:b]
