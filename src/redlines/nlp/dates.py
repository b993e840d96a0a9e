"""Dates: find temporal expressions in clean text and resolve them to day intervals.

`find_timexes(text, published)` scans with precompiled patterns (no parse; `timex_rules.py`, word lists
in `data/timex.yaml`), keeps the leftmost-longest non-overlapping matches, then resolves them in text
order so each expression can see the ones before it. Every result is a `Timex` whose `interval` is a
closed `DateInterval(start, end, precision)`.

Anchoring
- Absolute dates ("28 May 2024", "May 28, 2024", "2024-05-28", "24.02.2022" day-month-year, "August 2023",
  "in 2014", "Q1 2024", "the 1990s") need no anchor.
- Deictic expressions ("on Friday", "last week", "two weeks ago", "earlier this year", "this summer")
  are resolved against the publication date (anchor "publication"). Without a publication date they
  get `DateInterval(None, None, "unknown")`.
- Narrative expressions ("two days earlier", "a day later", "the next day", "the following week",
  "that same day", "since then", "within days" in the past) are resolved against the previous dated
  event in the text, i.e. the closest preceding expression that is not a range (anchor
  "previous_event"); with none they fall back to the publication day. "Two days earlier" after
  "last weekend" (Sat-Sun) is the Thursday-Friday before it.
- "that year", "in August of that year" take the year of the latest expression of the same sentence
  that is not inside a parenthetical or reduced relative clause (", annexed in 2014,"), so the year of
  the main story wins over a background aside; with none, the latest year mentioned before.
- Wrappers: "since X" is the range from the start of X to the publication date ("since January",
  "since early May", "since 2023"), and X itself is also returned as a nested Timex (same end) so the
  start point keeps its own interval ("last summer" in "since last summer"). "since the beginning of
  the invasion" / "since the start of the full-scale invasion" start on 2022-02-24 (anchors in
  timex.yaml); "... in February 2022" that follows is its own expression. "by X" runs from the
  publication date to the end of X with X's precision ("by 2028" ends 2028-12-31); a "by X" already
  past at publication is just X.
- Durations end at the publication date: "for more than a year", "the past few weeks", "recent days"
  ("more than N" keeps N; vague "few" = 3, "several" = 4, "recent days" = 7 days). After "had" they
  end at the previous event instead. "more than two weeks ago" is [pub - 4 weeks, pub - 2 weeks];
  vague "a few days ago" / "weeks ago" is [pub - 2N units, pub - 1 unit] (precision range).

Tense
- Each expression takes the tense of the nearest cue word of its clause (between commas, semicolons,
  dashes, brackets), else of its sentence (outside the expression):
  future cues are will/'ll/shall/expected/scheduled/due to/plans/intends/set for/going to/would/upcoming
  (not after was/were/had/been) and scheduling present verbs within 3 words ("takes office Jan. 20");
  past cues are said/told/was/had/... and words ending in -ed (word lists in timex.yaml).
  Ties and no cue mean past. `resolve_timex(..., tense=...)` forces it.
- Past weekdays are the latest such weekday on or before publication (same day allowed: a Friday
  article's "on Friday" is that day); future ones ("will meet on Monday") are the first strictly after.
  "last Friday" is strictly before, "next Monday" strictly after publication.
- A month and day without year is the latest such date on or before publication + 7 days; with a
  future verb, a date more than a week before publication moves to the next year. A bare month
  ("in March") is the latest such month up to the publication month (future: the next one); "last
  November" is strictly before the publication month. An explicit year earlier in the same sentence
  (not inside "since X" or an aside) wins in the past tense ("in 2022 ... in March").

Calendar units and precision
- Weeks run Monday-Sunday: "last week" is the previous calendar week, "this week" the current one (cut
  at publication in the past tense), "N weeks ago" the calendar week N weeks back (precision week).
  A weekend is Saturday-Sunday with precision week. "N months/years ago" is a one-unit window centred
  on the date (precision month/year). "yesterday"/"today"/"tomorrow" are days; "overnight" and "the
  past 24 hours" are [pub - 1, pub]; "hours later" is the previous event's day.
- Seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, autumn/fall
  Sep-Nov, winter Dec-Feb (runs into the next year); "this summer" is the season containing the
  publication date (or the nearer one), "last autumn" the latest completed one, bare "winter" the
  current/latest one (future: current/next). Precision season.
- early/mid/late: days 1-10 / 11-20 / 21-end of a month (precision month); Jan-Apr / May-Aug / Sep-Dec
  of a year (precision year); "the end of the year" is Oct-Dec. "earlier this year" is the range
  from 1 January to publication; "later this year" from publication to 31 December.
- Precision is the granularity the text gave: day, week, month, season, year, range (an interval
  with bounds from two sources, e.g. "since", durations), unknown.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, datetime

from redlines.errors import UsageError
from redlines.model import DateInterval, Precision, Timex
from redlines.nlp.timex_rules import Context, Rule, build_rules, key_words
from redlines.nlp.timex_vocab import load_vocab

__all__ = ["find_timexes", "resolve_timex"]

Words = tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]  # offsets, cues, scheduling verbs

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")
ABBREVIATION = re.compile(r"^(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Lt"
                          r"|Col|Sen|Rep|Gov|Prof|No|Maj|Capt|[A-Z]\.[A-Z](?:\.[A-Z])?)\.$")
WRAPPED = re.compile(r"[a-z0-9,;-]")  # a line ending like this continues on the next line
CLAUSE_BREAK = re.compile(r"[,;:()—–]")
TOKEN = re.compile(r"[A-Za-z]+|\d+")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?(?:-[A-Za-z]+)*")
SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)
BY_BEFORE = re.compile(r"\b(?:by|no\s+later\s+than)\s+$", re.I)
HAD_BEFORE = re.compile(r"\b(?:had|'d|’d)\s+(?:\w+\s+)?$", re.I)
EXPLICIT_YEAR_RULES = {"iso_date", "dotted_date", "day_month_year", "month_day_year", "month_year", "year",
                       "year_part", "season_year"}
RELATIVE_WORDS = {"which", "who", "whom", "whose", "where", "when"}
TENSES = ("past", "present", "future")
REACH = 250  # characters of a sentence either side of an expression that tense and asides look at
SCHEDULED_REACH = 3  # "takes office Jan. 20": a scheduling present verb counts only this close


def find_timexes(text: str, published: date | None) -> list[Timex]:
    """Every temporal expression of `text`, resolved against `published`, sorted by offset."""
    return _find(text, published)


def resolve_timex(expression: str, published: date, *, tense: str = "past",
                  previous: date | None = None) -> DateInterval:
    """Resolve one expression ("last Friday", "two days earlier") against a publication date."""
    if tense not in TENSES:
        raise UsageError(f"tense must be one of {', '.join(TENSES)}, not {tense!r}")
    found = _find(expression, published, future=tense == "future", previous=previous)
    if not found:
        return DateInterval(None, None, Precision.UNKNOWN, expression)
    return max(found, key=lambda t: t.end_char - t.start_char).interval


def _find(text: str, published: date | None, *, future: bool | None = None,
          previous: date | None = None) -> list[Timex]:
    if not isinstance(text, str) or not text:
        return []
    published = _as_date(published)
    sentences = _sentence_starts(text)
    spans = _select(text, sentences)
    ctx = Context(pub=published)
    if previous is not None:
        ctx.event = ctx.last = DateInterval(previous, previous, Precision.DAY)
    year_refs: list[tuple[int, int, bool]] = []  # (offset, year, inside an aside) for "that year"
    year_marks: list[tuple[int, int]] = []  # (offset, year) of explicit years, for sentence_year
    out: list[Timex] = []
    words: Words | None = None
    for start, end, rule, match, wrapper in spans:
        sent_i = bisect.bisect_right(sentences, start) - 1
        sent_start = sentences[sent_i]
        sent_end = sentences[sent_i + 1] if sent_i + 1 < len(sentences) else len(text)
        near_start, near_end = max(sent_start, start - REACH), min(sent_end, end + REACH)
        if future is not None:
            ctx.future = future
        else:
            words = words or _words(text)
            ctx.future = _is_future(text, words, near_start, near_end, start, end)
        ctx.sentence_year = year_marks[-1][1] if year_marks and year_marks[-1][0] >= sent_start else None
        ctx.ref_year = _ref_year(year_refs, sent_start)
        ctx.had = bool(HAD_BEFORE.search(text[max(sent_start, start - 20):start]))
        try:
            resolved = rule.resolve(match, ctx)
            if resolved is None:
                continue
            base, anchor = resolved
            interval = replace(_wrap(base, wrapper, published), text=text[start:end])
        except (ValueError, OverflowError):  # arithmetic off the calendar (year 0, year 10000)
            base, anchor = DateInterval(None, None, Precision.UNKNOWN), "publication"
            interval = replace(base, text=text[start:end])
        name = rule.name + (f"+{wrapper}" if wrapper else "")
        out.append(Timex(text[start:end], start, end, interval, name, anchor))
        if wrapper == "since":  # the nested start point, e.g. "last summer" in "since last summer"
            inner = text[match.start():match.end()]
            out.append(Timex(inner, match.start(), match.end(), replace(base, text=inner), rule.name, anchor))
        if interval.start is None and interval.end is None:
            continue
        ctx.last = interval
        deadline = wrapper == "by" and (interval.start, interval.end) != (base.start, base.end)
        if base.precision not in (Precision.RANGE, Precision.UNKNOWN) and not deadline:
            ctx.event = base
        ref = interval.end if wrapper == "by" else interval.start
        aside = _parenthetical(text, near_start, start, end)
        if ref is not None:
            year_refs.append((start, ref.year, aside))
        if rule.name in EXPLICIT_YEAR_RULES and base.start is not None and not wrapper and not aside:
            year_marks.append((start, base.start.year))
    return out


def _words(text: str) -> Words:
    """Word offsets and the tense cues among them: (word index, 1 future / 0 past), scheduling verbs apart."""
    vocab = load_vocab()
    found = [(m.start(), m.group().lower()) for m in WORD.finditer(text)]
    lowered = [w for _, w in found] + [""]
    cues: list[tuple[int, int]] = []
    scheduled: list[tuple[int, int]] = []
    for i, word in enumerate(lowered[:-1]):
        kind = _cue(word, lowered[i - 1] if i else "", lowered[i + 1], vocab)
        if kind is not None:
            (scheduled if word in vocab.scheduled_present else cues).append((i, kind))
    return [pos for pos, _ in found], cues, scheduled


def _as_date(value: object) -> date | None:
    """A date from a date, a datetime or an ISO string; anything else is treated as unknown."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _ref_year(refs: list[tuple[int, int, bool]], sent_start: int) -> int | None:
    """Year of "that year": the latest main-clause year of this sentence, else the latest year at all."""
    for off, year, aside in reversed(refs):
        if off < sent_start:
            break
        if not aside:
            return year
    return refs[-1][1] if refs else None


def _sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start: not after an abbreviation or initial, nor at a wrapped line."""
    starts = [0]
    for m in SENTENCE_END.finditer(text):
        gap = m.group(0)
        if "\n" in gap:
            if gap.count("\n") < 2 and m.start() > 0 and WRAPPED.match(text[m.start() - 1]):
                continue
        else:
            word = re.search(r"(\S+)\s*$", text[max(0, m.start() - 12):m.start()])
            if word and ABBREVIATION.search(word.group(1)):
                continue
        starts.append(m.end())
    return starts


def _key_sentences(text: str, sentences: list[int]) -> dict[str, list[tuple[int, int]]]:
    """For each rule key, the sentences (start, end) holding one of its words (one pass over the words)."""
    cased, lower = key_words()
    found: dict[str, dict[int, None]] = {}
    for m in TOKEN.finditer(text):
        token = m.group()
        key = cased.get(token) or lower.get(token.lower())
        if key is None and token[0].isdigit():
            key = "year" if len(token) >= 4 and token[:2] in ("18", "19", "20") else None
        if key is not None:
            found.setdefault(key, {})[bisect.bisect_right(sentences, m.start()) - 1] = None
    bounds = sentences + [len(text)]
    return {key: [(bounds[i], bounds[i + 1]) for i in sorted(idx)] for key, idx in found.items()}


def _select(text: str, sentences: list[int]) -> list[tuple[int, int, Rule, re.Match[str], str]]:
    """Leftmost-longest non-overlapping matches of all rules, with their since/by wrappers."""
    candidates: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    windows = _key_sentences(text, sentences)
    for order, rule in enumerate(build_rules()):
        spans = windows.get(rule.key, []) if rule.key else [(0, len(text))]
        for m in (m for lo, hi in spans for m in rule.pattern.finditer(text, lo, hi)):
            if any(m.group(g) and not m.group(g)[0].isupper() for g in rule.cased if m.groupdict().get(g)):
                continue
            if rule.accept is not None and not rule.accept(m, text):
                continue
            candidates.append((m.start(), -(m.end() - m.start()), order, rule, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[list] = []
    last_end = -1
    for start, neg_len, _, rule, m in candidates:
        if start >= last_end:
            chosen.append([start, start - neg_len, rule, m, ""])
            last_end = start - neg_len
    for item in chosen:
        start, _, rule, m, _ = item
        head = text[max(0, start - 80):start]
        found = SINCE_BEFORE.search(head)
        if found and rule.name not in ("since_anchor", "since_then") and "\n" not in found.group(0):
            item[0], item[4] = start - (len(head) - found.start()), "since"
        elif (by := BY_BEFORE.search(head)) is not None:
            item[0], item[4] = start - (len(head) - by.start()), "by"
    kept: list[tuple[int, int, Rule, re.Match[str], str]] = []
    for item in sorted(chosen, key=lambda i: (i[0], -(i[1] - i[0]))):
        if kept and item[0] < kept[-1][1]:
            if item[1] <= kept[-1][1]:
                continue
            if kept[-1][0] >= item[0]:
                kept.pop()
            else:
                continue
        kept.append(tuple(item))  # type: ignore[arg-type]
    return kept


def _wrap(interval: DateInterval, wrapper: str, pub: date | None) -> DateInterval:
    """Apply 'since X' (X's start to publication) or 'by X' (publication to X's end)."""
    if wrapper == "since" and interval.start is not None:
        end = pub if pub is not None and pub >= interval.start else None
        return DateInterval(interval.start, end, Precision.RANGE)
    if wrapper == "by" and interval.end is not None:
        if pub is None or pub > interval.end:  # a deadline already past: the event fell within X
            return interval
        return DateInterval(pub, interval.end, interval.precision)
    return interval


def _is_future(text: str, words: Words, sent_start: int, sent_end: int, start: int, end: int) -> bool:
    """Tense of the expression: the nearest cue of its clause, else of its sentence; none or a tie is past."""
    before = CLAUSE_BREAK.findall(text, sent_start, start)
    lo = max([sent_start] + [text.rfind(c, sent_start, start) + 1 for c in set(before)])
    hi = CLAUSE_BREAK.search(text, end, sent_end)
    clause = _nearest_cue(words, lo, hi.start() if hi else sent_end, start, end)
    if clause is not None:
        return clause
    return bool(_nearest_cue(words, sent_start, sent_end, start, end))


def _nearest_cue(words: Words, lo: int, hi: int, start: int, end: int) -> bool | None:
    """True/False by the cue word nearest to [start, end) within [lo, hi); None without any cue."""
    positions, cues, scheduled = words
    i_lo, i_hi = bisect.bisect_left(positions, lo), bisect.bisect_left(positions, hi)
    first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end) - 1
    best = [(distance, kind) for found, reach in ((cues, None), (scheduled, SCHEDULED_REACH))
            for distance, kind in _neighbours(found, first, last, i_lo, i_hi)
            if reach is None or distance <= reach]
    return min(best)[1] == 1 if best else None  # the nearest wins; ties go to the past


def _neighbours(found: list[tuple[int, int]], first: int, last: int, i_lo: int,
                i_hi: int) -> list[tuple[int, int]]:
    """(distance, kind) of the cues just before word `first` and just after word `last`, in [i_lo, i_hi)."""
    out = []
    left = bisect.bisect_left(found, (first, -1)) - 1
    if left >= 0 and found[left][0] >= i_lo:
        out.append((first - found[left][0], found[left][1]))
    right = bisect.bisect_right(found, (last, 2))
    if right < len(found) and found[right][0] < i_hi:
        out.append((found[right][0] - last, found[right][1]))
    return out


def _cue(word: str, prev: str, nxt: str, vocab) -> int | None:
    """1 for a future cue, 0 for a past cue, None otherwise."""
    if word.endswith(("'ll", "’ll")):
        return 1
    if word in vocab.future_cues_before:
        if nxt not in vocab.future_cues_before[word]:
            return None
        return 0 if prev in vocab.future_blockers else 1
    if word in vocab.future_cues:
        return 0 if prev in vocab.future_blockers else 1
    if word in vocab.scheduled_present:
        return 1
    if word in vocab.past_cues:
        return 0
    if len(word) > 4 and word.endswith("ed") and word not in vocab.not_past:
        return 0
    return None


def _parenthetical(text: str, sent_start: int, start: int, end: int) -> bool:
    """True inside '(...)' or a comma-bounded aside that opens with a participle or relative pronoun."""
    before = text[sent_start:start]
    if before.rfind("(") > before.rfind(")"):
        return True
    comma = before.rfind(",")
    if comma < 0 or "," not in text[end:end + 40]:
        return False
    words = [w.lower() for w in WORD.findall(before[comma + 1:])]
    while words and words[0].endswith("ly"):
        words.pop(0)
    if not words:
        return False
    head = words[0]
    vocab = load_vocab()
    participle = len(head) > 4 and head.endswith(("ed", "en")) and head not in vocab.not_past
    return head in RELATIVE_WORDS or (participle and head not in vocab.past_cues)
