"""Resolvers for dates relative to the publication day or to the previous event in the text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from redlines.model import DateInterval, Precision
from redlines.nlp import timex_calendar as cal
from redlines.nlp.timex_context import (EVENT, PUB, Context, Result, closed_range, group, is_plural,
                                        number_of, unit_of, unknown)
from redlines.nlp.timex_vocab import load_vocab


def _weekday(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.pub is None:
        return unknown(), PUB
    wd = load_vocab().weekdays[m["wd"].capitalize()]
    rel = group(m, "rel") or ""
    if rel in ("last", "this past", "past"):
        found = cal.weekday_on_or_before(ctx.pub - cal.DAY, wd)
    elif rel in ("next", "coming", "this coming"):
        found = cal.weekday_after(ctx.pub, wd)
    elif ctx.future:
        found = cal.weekday_after(ctx.pub, wd, same_day=rel == "this")
    else:
        found = cal.weekday_on_or_before(ctx.pub, wd)
    return cal.day(found), PUB


NAMED_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}


def _named_day(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.pub is None:
        return unknown(), PUB
    word = group(m, "w") or ""
    if word == "overnight":  # the night before publication (or the coming one)
        if ctx.future:
            return closed_range(ctx.pub, ctx.pub + cal.DAY), PUB
        return closed_range(ctx.pub - cal.DAY, ctx.pub), PUB
    offset = NAMED_DAYS.get(word, 0)
    return cal.day(ctx.pub + timedelta(days=offset)), PUB


def _calendar_unit(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.pub is None:
        return unknown(), PUB
    pub, which = ctx.pub, group(m, "which") or "this"
    unit, rel = group(m, "unit") or "", group(m, "rel") or ""
    if which in ("this past", "this coming"):  # "this past weekend", "this coming week"
        ctx.future, which = which == "this coming", "this"
    step = -1 if which == "last" else 1 if which == "next" else 0
    if unit == "weekend":
        return _weekend(pub, step, ctx.future), PUB
    if unit == "week":
        base = cal.week_span(pub + timedelta(days=7 * step))
        if step == 0 and rel == "earlier" or step == 0 and not rel and not ctx.future:
            return DateInterval(base.start, min(base.end, pub), Precision.WEEK), PUB  # type: ignore[type-var]
        if step == 0 and rel == "later":
            return DateInterval(pub, base.end, Precision.WEEK), PUB
        return base, PUB
    if unit == "month":
        anchor = cal.add_months(pub, step)
        base = cal.month_span(anchor.year, anchor.month)
        bounds = load_vocab().part(rel) if rel not in ("earlier", "later") else None
        if bounds:
            return cal.part_of_month(anchor.year, anchor.month, bounds["month_days"]), PUB
    else:
        base = cal.year_span(pub.year + step)
        bounds = load_vocab().part(rel) if rel not in ("earlier", "later") else None
        if bounds:
            return cal.part_of_year(pub.year + step, bounds["year_months"]), PUB
    if step == 0 and rel == "earlier":
        return closed_range(base.start, pub), PUB
    if step == 0 and rel == "later":
        return closed_range(pub, base.end), PUB
    return base, PUB


def _weekend(pub: date, step: int, future: bool) -> DateInterval:
    in_weekend = pub.weekday() >= 5
    if step < 0:
        return cal.weekend_of_week(pub - timedelta(days=7))
    if step > 0:
        return cal.weekend_of_week(pub + timedelta(days=7) if in_weekend else pub)
    if in_weekend:
        return cal.weekend_of_week(pub)
    return cal.weekend_of_week(pub if future else pub - timedelta(days=7))


def _the_weekend(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.pub is None:
        return unknown(), PUB
    return _weekend(ctx.pub, 0, ctx.future), PUB


def _ago(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.pub is None:
        return unknown(), PUB
    n, unit, q = number_of(m, 3), unit_of(m), group(m, "q") or ""
    point = cal.shift(ctx.pub, -n, unit)
    if q in ("more than", "over", "at least", "just over"):
        return closed_range(cal.shift(ctx.pub, -2 * n, unit), point), PUB
    if q in ("less than", "just", "only", "under"):
        return closed_range(point, ctx.pub), PUB
    if group(m, "num") in VAGUE or not m.groupdict().get("num"):  # "a few days ago", "weeks ago"
        return closed_range(cal.shift(ctx.pub, -2 * n, unit), cal.shift(ctx.pub, -1, unit)), PUB
    return cal.around(point, n, unit), PUB


VAGUE = {"a few", "few", "several", "a couple of", "couple of", "many"}


def _the_x_unit(m: re.Match[str], ctx: Context) -> Result | None:
    direction, unit, has_num = group(m, "dir") or "", unit_of(m), bool(m.groupdict().get("num"))
    n = number_of(m, 1 if not is_plural(m) else 3)
    if unit == "hour":  # "the past 24 hours": whole days
        unit, n = "day", max(1, -(-n // 24))
    relative = direction in ("following", "previous", "preceding") or (
        direction == "next" and not has_num and not is_plural(m) and not ctx.future and ctx.event is not None)
    if relative:
        sign = -1 if direction in ("previous", "preceding") else 1
        if has_num or is_plural(m):
            def stretch(ev: DateInterval) -> DateInterval:
                if sign > 0:
                    return closed_range(ev.end, cal.shift(ev.end, n, unit))  # type: ignore[arg-type]
                return closed_range(cal.shift(ev.start, -n, unit), ev.start)  # type: ignore[arg-type]

            return _from_event(ctx, stretch)
        return _from_event(ctx, lambda ev: _unit_after(ev, sign, unit))
    if ctx.pub is None:
        return unknown(), PUB
    if direction in ("past", "last"):
        return closed_range(cal.shift(ctx.pub, -n, unit), ctx.pub), PUB
    return closed_range(ctx.pub, cal.shift(ctx.pub, n, unit)), PUB


def _unit_after(ev: DateInterval, sign: int, unit: str) -> DateInterval:
    """The day/week/month/year after (sign 1) or before (sign -1) an event."""
    point = cal.shift(ev.end if sign > 0 else ev.start, sign, unit)  # type: ignore[arg-type]
    if unit == "day":
        return cal.day(point)
    if unit == "week":
        return cal.week_span(point)
    if unit == "month":
        return cal.month_span(point.year, point.month)
    return cal.year_span(point.year)


def _recent(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.pub is None:
        return unknown(), PUB
    unit = unit_of(m)
    back = 7 if unit == "day" else load_vocab().number("recent")
    span = cal.shift(ctx.pub, -back, unit)
    return closed_range(span, ctx.pub), PUB


def _duration(m: re.Match[str], ctx: Context) -> Result | None:
    n, unit = number_of(m, 3), unit_of(m)
    if ctx.had and ctx.event is not None and ctx.event.start is not None:
        return closed_range(cal.shift(ctx.event.start, -n, unit), ctx.event.start), EVENT
    if ctx.pub is None:
        return unknown(), PUB
    if ctx.future:
        return closed_range(ctx.pub, cal.shift(ctx.pub, n, unit)), PUB
    return closed_range(cal.shift(ctx.pub, -n, unit), ctx.pub), PUB


def _within(m: re.Match[str], ctx: Context) -> Result | None:
    n, unit = number_of(m, 3 if is_plural(m) else 1), unit_of(m)
    if not ctx.future and ctx.event is not None and ctx.event.start is not None:
        end = cal.shift(ctx.event.end, n, unit)  # type: ignore[arg-type]
        return closed_range(ctx.event.start, end), EVENT
    if ctx.pub is None:
        return unknown(), PUB
    if ctx.future:
        return closed_range(ctx.pub, cal.shift(ctx.pub, n, unit)), PUB
    return closed_range(cal.shift(ctx.pub, -n, unit), ctx.pub), PUB


def _since_anchor(m: re.Match[str], ctx: Context) -> Result | None:
    text = m.group(0)
    for pattern, when in load_vocab().anchors:
        if pattern.search(text):
            return closed_range(when, ctx.pub) if ctx.pub else DateInterval(when, None, Precision.RANGE), PUB
    return None


# --- relative to the previous event in the text ---------------------------------------------------

def _from_event(ctx: Context, make: Callable[[DateInterval], DateInterval]) -> Result:
    """Apply `make` to the previous dated event, or to the publication day when there is none."""
    if ctx.event is not None and ctx.event.start is not None and ctx.event.end is not None:
        return make(ctx.event), EVENT
    if ctx.pub is not None:
        return make(cal.day(ctx.pub)), PUB
    return unknown(), EVENT


def _event_shift(m: re.Match[str], ctx: Context) -> Result | None:
    direction, unit = group(m, "dir") or "", unit_of(m)
    sign = -1 if direction in ("earlier", "before", "prior") else 1
    if unit in ("hour", "minute"):
        return _from_event(ctx, lambda ev: ev)
    if not m.groupdict().get("num") and is_plural(m):  # "days later": a few of them
        def few(ev: DateInterval) -> DateInterval:
            near, far = (ev.start, ev.end) if sign > 0 else (ev.end, ev.start)
            first, last = cal.shift(near, sign, unit), cal.shift(far, 3 * sign, unit)  # type: ignore
            return closed_range(first, last)

        return _from_event(ctx, few)
    n = number_of(m)
    return _from_event(ctx, lambda ev: cal.shift_interval(ev, sign * n, unit))


def _event_same(m: re.Match[str], ctx: Context) -> Result | None:
    unit, rel = unit_of(m), group(m, "rel") or ""
    if unit == "year":
        if ctx.ref_year is None:
            return unknown(), EVENT
        span = cal.year_span(ctx.ref_year)
        bounds = load_vocab().part(rel)
        if bounds:
            span = cal.part_of_year(ctx.ref_year, bounds["year_months"])
        return span, EVENT

    def make(ev: DateInterval) -> DateInterval:
        if unit == "day":
            return ev
        if unit == "week":
            return cal.week_span(ev.start)  # type: ignore[arg-type]
        return cal.month_span(ev.start.year, ev.start.month)  # type: ignore[union-attr]

    return _from_event(ctx, make)


def _day_before_after(m: re.Match[str], ctx: Context) -> Result | None:
    sign = -1 if (group(m, "dir") or "") == "before" else 1
    return _from_event(ctx, lambda ev: cal.day(cal.shift(ev.start if sign < 0 else ev.end, sign, "day")))


def _since_then(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.last is None or ctx.last.start is None:
        return unknown(), EVENT
    if ctx.pub is None:
        return DateInterval(ctx.last.start, None, Precision.RANGE), EVENT
    return closed_range(ctx.last.start, ctx.pub), EVENT


RESOLVERS = {
    "weekday": _weekday,
    "named_day": _named_day,
    "calendar_unit": _calendar_unit,
    "the_weekend": _the_weekend,
    "ago": _ago,
    "the_x_unit": _the_x_unit,
    "recent": _recent,
    "duration": _duration,
    "within": _within,
    "since_anchor": _since_anchor,
    "event_shift": _event_shift,
    "event_same": _event_same,
    "day_before_after": _day_before_after,
    "since_then": _since_then,
}
