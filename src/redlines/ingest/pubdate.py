"""Publication date of an article: given, from a dateline or HTML metadata, or inferred from its text.

The rule (inference):
1. Collect anchors, sentence by sentence (redlines.ingest.anchors): absolute dates ("June 25, 2024",
   "in August 2023"; "May 29" without a year takes the year that makes it the most recent May 29
   on or before the publication date), dated reference events of data/events.yaml whose key words
   co-occur in one sentence, weekday names ("on Friday") and relative phrases ("last week",
   "last weekend", "two weeks ago", "this month").
2. Turn them into weighted constraints on the publication date D: every past anchor is on or before
   D; a year-less "May 29" lies within ~8 months before D; a weekday resolves to the most recent
   such weekday on or before D and, when its sentence names an anchor (an event, a date), must fall
   on it (an anchor only in the next or previous sentence of the paragraph counts at lower weight);
   a relative phrase must contain the anchors of its sentence; a weekday in a sentence with
   "last week" falls in that week; a written-out past year ("in 2023") suggests D is in a later
   year (news style omits the current year); a page display date removed as chrome bounds D above;
   a weekday tied to no anchor slightly prefers to fall on or after the latest anchor.
3. Search D over a window around the latest anchor; keep the dates with the least total violated
   weight; choose the smallest (news is published on the day of its latest event or soon after);
   report the run of equally good days after it as earliest/latest, and a confidence that grows
   with pinning evidence (weekday = event) and shrinks with the width and the violations.
Only the first 30,000 characters are read. With no year anywhere, a weekday tied to a year-less
date ("on Tuesday, Sept. 3") picks the year between 2022 and 2026 when that is unambiguous. No
anchor at all gives UNKNOWN with confidence 0. A user-given date always wins (GIVEN, 1.0); an
explicit dateline, a "Published ..." or timestamp line near the headline, or an HTML metadata date
gives DATELINE (0.9; 0.8 when a "KYIV, Nov 20 (Reuters)" dateline's year had to be inferred).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from redlines.ingest.anchors import Clue, find_clues
from redlines.ingest.patterns import Event
from redlines.model import PublishedDate, PublishedHow

DAY = timedelta(days=1)
PAST_YEAR_PREPS = {
    "in",
    "since",
    "during",
    "from",
    "of",
    "early",
    "late",
    "mid-",
    "after",
    "through",
    "until",
}
WEEK_KEYS = {"this_week", "last_week", "earlier_this_week", "last_weekend"}
Interval = tuple[date, date]
WAR_START, WAR_END = date(2022, 2, 24), date(2026, 12, 31)  # years tried when the text names none
INFERENCE_CHARS = 30_000  # date evidence is read from the first ~5,000 words (the news is in the lead)


@dataclass(frozen=True, slots=True)
class Constraint:
    """A weighted test on a candidate publication date; `pins` marks evidence that fixes the day."""

    weight: float
    test: Callable[[date], bool]
    why: str
    pins: bool = False
    lower: date | None = None


def resolve_weekday(d: date, weekday: int) -> date:
    """The most recent `weekday` (0 = Monday) on or before `d`."""
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def resolve_month_day(d: date, month: int, day: int) -> date | None:
    """The most recent month-day on or before `d` (Feb 29 only in leap years)."""
    for y in (d.year, d.year - 1, d.year - 2, d.year - 3, d.year - 4):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if cand <= d:
            return cand
    return None


def relative_intervals(d: date, key: str, n: int | None = None, unit: str = "") -> list[Interval]:
    """The days a relative phrase denotes when the article is published on `d`."""
    monday = d - timedelta(days=d.weekday())
    if key == "this_week":
        return [(monday, d)]
    if key == "earlier_this_week":
        return [(monday, d - DAY)] if d > monday else []
    if key == "last_week":
        out = [(monday - 7 * DAY, monday - DAY)]
        if d.weekday() >= 5:  # at the weekend "last week" also means the week now ending
            out.append((monday, d - DAY))
        return out
    if key == "last_weekend":
        sat = d - timedelta(days=(d.weekday() - 5) % 7)
        if sat == d:
            sat -= 7 * DAY
        out = [(sat, sat + DAY)]
        if d.weekday() == 6:
            out.append((sat - 7 * DAY, sat - 6 * DAY))
        return out
    if key == "this_month":
        return [(d.replace(day=1), d)]
    if key == "last_month":
        first = d.replace(day=1)
        prev = (first - DAY).replace(day=1)
        return [(prev, first - DAY)]
    if key == "this_year":
        return [(date(d.year, 1, 1), d)]
    if key == "last_year":
        return [(date(d.year - 1, 1, 1), date(d.year - 1, 12, 31))]
    if key == "yesterday":
        return [(d - DAY, d - DAY)]
    if key == "today":
        return [(d, d)]
    step = {"day": 1, "week": 7, "month": 30}.get(unit, 1)
    slack_lo, slack_hi = {"day": (1, 1), "week": (5, 4), "month": (15, 15)}.get(unit, (1, 1))
    back = (n or 1) * step
    if key == "more_ago":
        return [(date.min, d - timedelta(days=back - 1))]
    if key == "ago":
        return [(d - timedelta(days=back + slack_lo), d - timedelta(days=max(back - slack_hi, 0)))]
    return []


def _hits(intervals: Iterable[Interval], targets: Iterable[Interval]) -> bool:
    return any(a <= t2 and t1 <= b for a, b in intervals for t1, t2 in targets)


def _anchor_intervals(anchors: list[Clue], d: date) -> list[Interval]:
    out = []
    for a in anchors:
        if a.kind == "month_day":
            r = resolve_month_day(d, *a.value)  # type: ignore[misc]
            if r:
                out.append((r, r))
        elif a.start and a.end:
            out.append((a.start, a.end))
    return out


def build_constraints(
    clues: list[Clue], upper_bounds: Iterable[date] = (), month_day: tuple[int, int] | None = None
) -> list[Constraint]:
    """Weighted constraints on the publication date from the text's clues (see module docstring)."""
    cons: list[Constraint] = []
    by_sentence: dict[int, list[Clue]] = {}
    for c in clues:
        by_sentence.setdefault(c.sentence, []).append(c)
    for c in clues:
        if c.future:
            continue
        if (
            c.kind in ("full", "event")
            or (c.kind == "month_year")
            or (c.kind == "year" and c.prep in PAST_YEAR_PREPS)
        ):
            w = {"full": 3.0, "event": 2.0, "month_year": 2.0, "year": 1.0}[c.kind]
            start = c.start
            assert start is not None
            label = f"event {c.value} ({start.isoformat()})" if c.kind == "event" else f"'{c.text}'"
            cons.append(Constraint(w, lambda d, s=start: d >= s, f"{label} is past", lower=start))
            if c.kind in ("month_year", "year") and c.prep != "since":
                cons.append(
                    Constraint(0.4, lambda d, y=start.year: d.year != y, f"'{c.text}' written with its year")
                )
        elif c.kind == "month_day":
            m, dd = c.value  # type: ignore[misc]
            cons.append(Constraint(1.0, lambda d, m=m, dd=dd: _recent(d, m, dd), f"'{c.text}' is recent"))
        elif c.kind == "last_month_name":
            cons.append(Constraint(0.4, lambda d, m=c.value: (d.month - m) % 12 not in (0, 1), f"'{c.text}'"))
    for i, sent in by_sentence.items():
        cons.extend(_sentence_constraints(sent, _neighbour_anchors(by_sentence, i)))
    tops = [c.start for c in clues if c.kind in ("full", "event") and not c.future and c.start]
    if tops:  # a weekday tied to no anchor is more likely a later development than one before them all
        top = max(tops)
        for c in clues:
            if c.kind == "weekday" and not any(
                a.sentence == c.sentence and a.kind in ("full", "month_day", "event") for a in clues
            ):
                cons.append(
                    Constraint(
                        0.3,
                        lambda d, wd=c.value: resolve_weekday(d, wd) >= top,  # type: ignore[arg-type]
                        f"'{c.text}' is after the anchors",
                    )
                )
    for ub in upper_bounds:
        cons.append(
            Constraint(2.0, lambda d, ub=ub: d <= ub, f"page date {ub.isoformat()} is an upper bound")
        )
    if month_day:
        cons.append(Constraint(10.0, lambda d: (d.month, d.day) == month_day, "dateline day", pins=True))
    return cons


def _recent(d: date, month: int, day: int) -> bool:
    r = resolve_month_day(d, month, day)
    return r is not None and (d - r).days <= 240


def _anchors(sent: list[Clue]) -> list[Clue]:
    return [c for c in sent if c.kind in ("full", "month_day", "event") and not c.future]


def _neighbour_anchors(by_sentence: dict[int, list[Clue]], i: int) -> list[Clue]:
    """Anchors of the sentences just before and after sentence `i` in the same paragraph."""
    para = by_sentence[i][0].paragraph
    return [c for j in (i - 1, i + 1) for c in _anchors(by_sentence.get(j, [])) if c.paragraph == para]


def _sentence_constraints(sent: list[Clue], near: list[Clue] | None = None) -> list[Constraint]:
    anchors = _anchors(sent)
    weak = not anchors and bool(near)
    if weak:  # a weekday or "last week" whose event is named in the next or previous sentence
        anchors = list(near or [])
    weeks = [c for c in sent if c.kind == "relative" and c.value[0] in WEEK_KEYS]  # type: ignore[index]
    out = []
    for c in sent:
        if c.kind == "weekday":
            wd = c.value

            def on_anchor(d: date, wd=wd) -> bool:
                r = resolve_weekday(d, wd)  # type: ignore[arg-type]
                return _hits([(r, r)], _anchor_intervals(anchors, d))

            if anchors:
                out.append(
                    Constraint(
                        1.0 if weak else 2.0,
                        on_anchor,
                        f"'{c.text}' falls on {_names(anchors)}" + (" (next sentence)" if weak else ""),
                        pins=not weak,
                    )
                )
            for wk in weeks:
                key = wk.value[0]  # type: ignore[index]
                out.append(
                    Constraint(
                        1.0,
                        lambda d, wd=wd, key=key: _hits(
                            [(resolve_weekday(d, wd),) * 2], relative_intervals(d, key)
                        ),
                        f"'{c.text}' falls in '{wk.text}'",
                        pins=True,
                    )
                )
        elif c.kind == "relative" and anchors:
            key, n, unit = c.value  # type: ignore[misc]
            out.append(
                Constraint(
                    1.0 if weak else 2.0 if key in WEEK_KEYS or key in ("yesterday", "today", "ago") else 1.0,
                    lambda d, key=key, n=n, unit=unit: _hits(
                        relative_intervals(d, key, n, unit), _anchor_intervals(anchors, d)
                    ),
                    f"'{c.text}' covers {_names(anchors)}",
                    pins=key not in ("this_year", "last_year", "more_ago"),
                )
            )
    return out


def _names(anchors: list[Clue]) -> str:
    return ", ".join(a.value if a.kind == "event" else f"'{a.text}'" for a in anchors[:2])  # type: ignore[misc]


def search(cons: list[Constraint], lo: date, hi: date) -> tuple[date, date, float, bool]:
    """(best, last equally good day, least violated weight, bounded above) over [lo, hi]."""
    best: date | None = None
    best_cost = float("inf")
    costs: dict[date, float] = {}
    d = lo
    while d <= hi:
        cost = sum(c.weight for c in cons if not c.test(d))
        costs[d] = cost
        if cost < best_cost - 1e-9:
            best, best_cost = d, cost
        d += DAY
    assert best is not None
    last = best
    while last + DAY in costs and costs[last + DAY] <= best_cost + 1e-9:
        last += DAY
    return best, last, best_cost, last < hi


def infer_published(
    text: str,
    *,
    given: date | None = None,
    dateline: date | None = None,
    dateline_month_day: tuple[int, int] | None = None,
    page_dates: Iterable[date] = (),
    events: tuple[Event, ...] | None = None,
) -> PublishedDate:
    """The publication date: given > explicit dateline/HTML date > inference from the text."""
    if given:
        return PublishedDate(given, PublishedHow.GIVEN, 1.0, given, given, "given by the user")
    if dateline:
        return PublishedDate(
            dateline, PublishedHow.DATELINE, 0.9, dateline, dateline, "explicit dateline or page metadata"
        )
    clues = find_clues(text[:INFERENCE_CHARS], events)
    page_dates = list(page_dates)
    cons = build_constraints(clues, page_dates, dateline_month_day)
    lowers = [c.lower for c in cons if c.lower]
    month_days = [c.value for c in clues if c.kind == "month_day" and not c.future]
    if not lowers:
        found = _year_from_weekdays(cons) if month_days else None
        return found or PublishedDate(
            None,
            PublishedHow.UNKNOWN,
            0.0,
            None,
            None,
            "no dated evidence (no absolute date with a year, no known event)",
        )
    top = max(lowers)
    lo = top - timedelta(days=60)
    hi = top + timedelta(days=45)
    for m, dd in month_days:  # a year-less date may fall in the year after the latest dated anchor
        r = resolve_month_day(date(top.year + 1, 12, 31), m, dd)
        if r and r > top:
            hi = max(hi, r + timedelta(days=45))
    best, last, cost, bounded = search(cons, lo, hi)
    return _describe(best, last, cost, bounded, cons, dateline_month_day is not None)


def _year_from_weekdays(cons: list[Constraint]) -> PublishedDate | None:
    """No year anywhere: a weekday tied to a month-day ('on Tuesday, Sept. 3') picks the year (2022-2026)."""
    if not any(c.pins for c in cons):
        return None
    costs = {}
    d = WAR_START
    while d <= WAR_END:
        costs[d] = sum(c.weight for c in cons if not c.test(d))
        d += DAY
    least = min(costs.values())
    bests = [d for d, v in costs.items() if v <= least + 1e-9]
    if (bests[-1] - bests[0]).days > 14 or not any(c.pins and c.test(bests[0]) for c in cons):
        return None
    p = _describe(bests[0], bests[-1], least, True, cons, False)
    return replace(
        p, confidence=min(p.confidence, 0.5), rule="year from the weekday of a year-less date | " + p.rule
    )


def _describe(
    best: date, last: date, cost: float, bounded: bool, cons: list[Constraint], dateline: bool
) -> PublishedDate:
    latest_anchor = max((c for c in cons if c.lower and c.lower <= best), key=lambda c: c.lower, default=None)
    pins = [c for c in cons if c.pins and c.test(best)]
    broken = [c for c in cons if not c.test(best)]
    width = (last - best).days
    conf = 0.45 + 0.2 * min(len(pins), 2) - 0.1 * cost - 0.02 * width
    if not bounded:
        conf = min(conf, 0.35)
    conf = round(max(0.1, min(0.9, conf)), 2)
    parts = []
    if latest_anchor:
        parts.append(f"latest anchor: {latest_anchor.why}")
    parts += [p.why for p in pins[:3]]
    parts.append(
        f"smallest consistent date; {width + 1} day(s) fit" + ("" if bounded else " (no upper bound)")
    )
    if broken:
        parts.append("ignored: " + "; ".join(b.why for b in broken[:2]))
    how = (
        PublishedHow.DATELINE
        if dateline and any(c.why == "dateline day" for c in pins)
        else PublishedHow.INFERRED
    )
    if how is PublishedHow.DATELINE:
        conf = 0.8
    return PublishedDate(best, how, conf, best, last, " | ".join(parts))
