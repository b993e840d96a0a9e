"""What the date resolvers share: the resolution context, result type and match helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from redlines.model import DateInterval, Precision
from redlines.nlp.timex_vocab import load_vocab

PUB, EVENT = "publication", "previous_event"
Result = tuple[DateInterval, str]


@dataclass(slots=True)
class Context:
    """What a resolver may look at besides the match."""

    pub: date | None
    future: bool = False
    event: DateInterval | None = None  # the previous dated event in the text
    last: DateInterval | None = None  # the previous resolved expression of any kind
    ref_year: int | None = None  # the year "that year" points to
    sentence_year: int | None = None  # an explicit year earlier in the same sentence
    had: bool = False  # past perfect ("had for weeks refused")


def unknown() -> DateInterval:
    """An expression that cannot be placed (no publication date, no anchor)."""
    return DateInterval(None, None, Precision.UNKNOWN)


def group(m: re.Match[str], name: str) -> str | None:
    value = m.groupdict().get(name)
    return " ".join(value.lower().split()) if value else None


def number_of(m: re.Match[str], default: int = 1) -> int:
    return load_vocab().number(group(m, "num"), default)


def unit_of(m: re.Match[str]) -> str:
    return (group(m, "unit") or "day").rstrip("s")


def is_plural(m: re.Match[str]) -> bool:
    return (group(m, "unit") or "").endswith("s")

def closed_range(start: date | None, end: date | None) -> DateInterval:
    if start and end and start > end:
        start, end = end, start
    return DateInterval(start, end, Precision.RANGE)
