"""Split a text at character offsets so templates can mark spans without ever trusting the text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text; `mark` says whether it is inside one of the spans, `label` why."""

    text: str
    mark: bool = False
    label: str = ""
    anchor: str = ""


def segments(text: str, spans: Iterable[tuple[int, int, str]], anchor_prefix: str = "m") -> list[Segment]:
    """Cut `text` into plain and marked segments; spans are (start, end, label), clipped, overlaps merged."""
    clean = sorted((max(0, s), min(len(text), e), label) for s, e, label in spans if e > s and s < len(text))
    merged: list[tuple[int, int, str]] = []
    for s, e, label in clean:
        if merged and s <= merged[-1][1]:
            ps, pe, pl = merged[-1]
            merged[-1] = (ps, max(pe, e), pl if label == pl or not label else f"{pl}; {label}")
        else:
            merged.append((s, e, label))
    out: list[Segment] = []
    pos = 0
    for i, (s, e, label) in enumerate(merged):
        if s > pos:
            out.append(Segment(text[pos:s]))
        out.append(Segment(text[s:e], True, label, f"{anchor_prefix}{i}"))
        pos = e
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def locate(text: str, sentence: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Offsets of `sentence` in `text`: the given ones when they match, else the first occurrence."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        if not sentence or text[start:end].strip() == sentence.strip():
            return start, end
    if sentence:
        i = text.find(sentence.strip())
        if i >= 0:
            return i, i + len(sentence.strip())
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return start, end
    return None
