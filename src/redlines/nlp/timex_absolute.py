"""Resolvers for dates the text gives outright: days, months, years, seasons, 'that year'."""

from __future__ import annotations

import re
from datetime import date

from redlines.model import DateInterval
from redlines.nlp import timex_calendar as cal
from redlines.nlp.timex_context import EVENT, PUB, Context, Result, closed_range, group, unknown
from redlines.nlp.timex_vocab import load_vocab


def _full_date(m: re.Match[str], ctx: Context) -> Result | None:
    try:
        month = int(m["m"]) if m.groupdict().get("m") else load_vocab().month(m["mon"])
        return cal.day(date(int(m["y"]), month, int(m["d"]))), PUB
    except ValueError:
        return None


def _month_day(m: re.Match[str], ctx: Context) -> Result | None:
    month, dom = load_vocab().month(m["mon"]), int(m["d"])
    if not 1 <= dom <= 31:
        return None
    year = int(m["y"]) if m.groupdict().get("y") else ctx.sentence_year if not ctx.future else None
    if year:
        try:
            found: date | None = date(year, month, dom)
        except ValueError:
            return None
    elif ctx.pub is None:
        return unknown(), PUB
    else:
        found = cal.infer_month_day(ctx.pub, month, dom, future=ctx.future)
    if found is None:
        return None
    if m.groupdict().get("d2"):
        try:
            end = found.replace(day=int(m["d2"]))
        except ValueError:
            return None
        return closed_range(found, end), PUB
    return cal.day(found), PUB


def _year_part(m: re.Match[str], year: int) -> DateInterval:
    part = group(m, "part") or ""
    if "half" in part:
        return cal.part_of_year(year, (1, 6) if "first" in part else (7, 12))
    if "quarter" in part or part[:1] == "q":
        index = next((i for i, w in enumerate(("first", "second", "third", "fourth")) if w in part),
                     int(part[1]) - 1 if part[:1] == "q" else 3)
        return cal.part_of_year(year, (3 * index + 1, 3 * index + 3))
    if any(w in part for w in ("first", "opening")):
        part = "early"
    if any(w in part for w in ("last ", "final", "closing", "later")):
        part = "late"
    bounds = load_vocab().part(part)
    return cal.part_of_year(year, bounds["year_months"]) if bounds else cal.year_span(year)


def _month_in_year(m: re.Match[str], year: int) -> DateInterval:
    month = load_vocab().month(m["mon"])
    bounds = load_vocab().part(group(m, "part") or group(m, "rel"))
    return cal.part_of_month(year, month, bounds["month_days"]) if bounds else cal.month_span(year, month)


def _month_year(m: re.Match[str], ctx: Context) -> Result | None:
    return _month_in_year(m, int(m["y"])), PUB


def _month_that_year(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.ref_year is None:
        return unknown(), EVENT
    which = group(m, "which") or ""
    offset = 0
    if "following" in which or "next" in which:
        offset = 1
    elif "previous" in which or "preced" in which:
        offset = -1
    return _month_in_year(m, ctx.ref_year + offset), EVENT


def _bare_month(m: re.Match[str], ctx: Context) -> Result | None:
    rel = group(m, "rel") or ""
    month = load_vocab().month(m["mon"])
    deictic = rel in ("last", "past", "next", "coming", "this")
    if ctx.sentence_year and not ctx.future and not deictic:
        return _month_in_year(m, ctx.sentence_year), PUB
    if ctx.pub is None:
        return unknown(), PUB
    if rel == "last" or rel == "past":
        year = cal.infer_month_year(ctx.pub, month, strictly_before=True)  # type: ignore[arg-type]
    elif rel in ("next", "coming"):
        year = ctx.pub.year if month > ctx.pub.month else ctx.pub.year + 1  # type: ignore[union-attr]
    elif rel == "this":
        year = ctx.pub.year  # type: ignore[union-attr]
    else:
        year = cal.infer_month_year(ctx.pub, month, future=ctx.future)  # type: ignore[arg-type]
    return _month_in_year(m, year), PUB


def _year(m: re.Match[str], ctx: Context) -> Result | None:
    year = int(m["y"])
    if m.groupdict().get("part"):
        return _year_part(m, year), PUB
    return cal.year_span(year), PUB


def _decade(m: re.Match[str], ctx: Context) -> Result | None:
    start = int(m["dec"])
    return closed_range(date(start, 1, 1), date(start + 9, 12, 31)), PUB


def _season(m: re.Match[str], ctx: Context) -> Result | None:
    first = load_vocab().seasons[m["season"].lower()]
    if m.groupdict().get("y"):
        return cal.season_span(int(m["y"]), first), PUB  # "winter 2022" is Dec 2022 - Feb 2023
    if ctx.pub is None:
        return unknown(), PUB
    rel = group(m, "rel") or ""
    relation = ("last" if rel in ("last", "past") else "next" if rel in ("next", "coming", "the coming")
                else "this" if rel.startswith("this") or rel == "current"
                else "future" if ctx.future else "past")
    return cal.resolve_season(ctx.pub, first, relation), PUB


RESOLVERS = {
    "full_date": _full_date,
    "month_day": _month_day,
    "month_year": _month_year,
    "month_that_year": _month_that_year,
    "bare_month": _bare_month,
    "year": _year,
    "decade": _decade,
    "season": _season,
}
