"""Date evidence in an article's text: absolute dates, dated events, weekdays and relative phrases.

Each piece of evidence is a `Clue`, found per sentence; redlines.ingest.pubdate turns the clues
into constraints on the publication date and searches for the most consistent date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from redlines.ingest.patterns import Event, load_events

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NUM = r"(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

FULL_DATE_RES = (
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
)
MONTH_DAY_RES = (
    re.compile(rf"\b{_MON}\s+{_DAY}\b(?!,?\s+(?:19|20)\d{{2}})(?![\d:])"),
    re.compile(rf"\b{_DAY}\s+{_MON}\b(?!,?\s+(?:19|20)\d{{2}})"),
)
MONTH_YEAR_RE = re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b")
YEAR_RE = re.compile(
    r"\b(?P<prep>in|since|during|from|of|until|through|early|late|mid-|by|before|after)?\s*(?P<year>(?:19|20)\d{2})\b(?!-\d)",
    re.IGNORECASE,
)
LAST_MONTH_NAME_RE = re.compile(rf"\blast\s+{_MON}(?!\s+(?:\d|of))", re.IGNORECASE)
WEEKDAY_RE = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b")
RELATIVE_RES = (
    ("more_ago", re.compile(rf"\bmore than\s+{_NUM}\s+(?P<unit>day|week|month)s?\s+ago\b", re.IGNORECASE)),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month)s?\s+ago\b", re.IGNORECASE)),
    ("last_weekend", re.compile(r"\b(?:last|past|over the)\s+weekend\b", re.IGNORECASE)),
    ("earlier_this_week", re.compile(r"\bearlier (?:this|in the) week\b", re.IGNORECASE)),
    ("this_week", re.compile(r"\bthis week\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\b(?:last|past) week\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(?:earlier )?this month\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\blast month\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\b(?:earlier )?this year\b", re.IGNORECASE)),
    ("last_year", re.compile(r"\blast year\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\byesterday\b", re.IGNORECASE)),
    ("today", re.compile(r"\btoday\b", re.IGNORECASE)),
)
FUTURE_RE = re.compile(
    r"\b(will|shall|(?:is|are|was|were) (?:expected|due|set|scheduled|slated) to|plans? to|"
    r"next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"tomorrow|upcoming|later this (?:week|month|year))\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(
    r"\b(not|never|no longer|refus\w*|reject\w*|rul\w* out|declin\w*|without|prohibit\w*)\b|n['’]t\b",
    re.IGNORECASE,
)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Clue:
    """One piece of date evidence in a sentence.

    kind: full (a day with year) | month_day (no year) | month_year | year | event | weekday |
          relative | last_month_name.  `start`/`end` bound the date for absolute kinds;
          `value` carries the month-day, weekday index, relative key, etc.
    """

    kind: str
    text: str
    sentence: int
    start: date | None = None
    end: date | None = None
    value: object = None
    future: bool = False
    prep: str = ""
    paragraph: int = 0


ABBREV_END_RE = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|"
    r"Pres|Prof|St|No|Vol|vs|etc|approx|Inc|Corp|Ltd|Jr|Sr)|\b[A-Z](?:\.[A-Z])*)\.$"
)


def split_sentences(text: str) -> list[str]:
    """Rough sentence split for date evidence: at terminal punctuation, not after 'Jan.' or 'U.S.'."""
    out: list[str] = []
    glue = False
    for part in SENTENCE_SPLIT_RE.split(text):
        part = part.strip() if part else ""
        if not part:
            continue
        if glue and out:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
        glue = bool(ABBREV_END_RE.search(part)) and "\n" not in part
    return out


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def find_clues(text: str, events: tuple[Event, ...] | None = None) -> list[Clue]:
    """All date evidence of a text, sentence by sentence."""
    events = load_events() if events is None else events
    clues: list[Clue] = []
    i = 0
    for p, para in enumerate(re.split(r"\n\s*\n|\n", text)):
        for sent in split_sentences(para):
            clues.extend(replace(c, paragraph=p) for c in sentence_clues(sent, i, events))
            i += 1
    return clues


def sentence_clues(sent: str, i: int, events: tuple[Event, ...]) -> list[Clue]:
    """Date evidence of one sentence."""
    out: list[Clue] = []
    future = bool(FUTURE_RE.search(sent))
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for rx in FULL_DATE_RES:
        for m in rx.finditer(sent):
            mon = int(m.group("mnum")) if "mnum" in rx.groupindex else _month(m.group("mon"))
            d = _safe_date(int(m.group("year")), mon, int(m.group("day")))
            if d and free(m):
                taken.append(m.span())
                out.append(Clue("full", m.group(0), i, d, d, future=future))
    for rx in MONTH_DAY_RES:
        for m in rx.finditer(sent):
            day = int(m.group("day"))
            if not free(m) or not 1 <= day <= 31:
                continue
            taken.append(m.span())
            out.append(Clue("month_day", m.group(0), i, value=(_month(m.group("mon")), day), future=future))
    for m in MONTH_YEAR_RE.finditer(sent):
        if not free(m):
            continue
        taken.append(m.span())
        y, mon = int(m.group("year")), _month(m.group("mon"))
        end = _safe_date(y + (mon == 12), mon % 12 + 1, 1)
        out.append(
            Clue(
                "month_year",
                m.group(0),
                i,
                date(y, mon, 1),
                date.fromordinal(end.toordinal() - 1) if end else None,
                future=future,
            )
        )
    for m in YEAR_RE.finditer(sent):
        if not free(m):
            continue
        y = int(m.group("year"))
        out.append(
            Clue(
                "year",
                m.group(0).strip(),
                i,
                date(y, 1, 1),
                date(y, 12, 31),
                future=future,
                prep=(m.group("prep") or "").lower(),
            )
        )
    for m in LAST_MONTH_NAME_RE.finditer(sent):
        out.append(Clue("last_month_name", m.group(0), i, value=_month(m.group("mon"))))
    if not future:
        for m in WEEKDAY_RE.finditer(sent):
            out.append(Clue("weekday", m.group(0), i, value=WEEKDAYS.index(m.group("wd").lower())))
        for key, rx in RELATIVE_RES:
            for m in rx.finditer(sent):
                if not free(m):
                    continue
                taken.append(m.span())
                n = m.groupdict().get("n")
                num = (int(n) if n.isdigit() else NUMBERS[n.lower()]) if n else None
                out.append(
                    Clue(
                        "relative", m.group(0), i, value=(key, num, (m.groupdict().get("unit") or "").lower())
                    )
                )
    out.extend(event_clues(sent, i, events, future, out))
    return out


def event_clues(sent: str, i: int, events: tuple[Event, ...], future: bool, found: list[Clue]) -> list[Clue]:
    """Dated events whose key words co-occur in the sentence (not negated, not in another year)."""
    if future or NEGATION_RE.search(sent):
        return []
    years = {c.start.year for c in found if c.kind in ("full", "month_year") and c.start}
    years |= {c.start.year for c in found if c.kind == "year" and c.start and c.prep != "by"}
    out = []
    for ev in events:
        if years and not any(ev.start.year <= y <= ev.end.year for y in years):
            continue
        if ev.matches(sent):
            out.append(Clue("event", ev.title, i, ev.start, ev.end, value=ev.id))
    return out
