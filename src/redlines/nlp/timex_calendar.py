"""Calendar arithmetic for date resolution: weeks, months, seasons, shifts and year inference."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from redlines.model import DateInterval, Precision

DAY = timedelta(days=1)


def day(d: date, text: str = "") -> DateInterval:
    """A single day."""
    return DateInterval(d, d, Precision.DAY, text)


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int, text: str = "") -> DateInterval:
    """The whole calendar month."""
    return DateInterval(date(year, month, 1), month_end(year, month), Precision.MONTH, text)


def year_span(year: int, text: str = "") -> DateInterval:
    """The whole calendar year."""
    return DateInterval(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, text)


def week_span(d: date, text: str = "") -> DateInterval:
    """The Monday-to-Sunday week containing `d`."""
    monday = d - timedelta(days=d.weekday())
    return DateInterval(monday, monday + timedelta(days=6), Precision.WEEK, text)


def weekend_of_week(d: date, text: str = "") -> DateInterval:
    """Saturday and Sunday of the Monday-to-Sunday week containing `d`."""
    monday = d - timedelta(days=d.weekday())
    return DateInterval(monday + timedelta(days=5), monday + timedelta(days=6), Precision.WEEK, text)


def add_months(d: date, months: int) -> date:
    """Shift by whole months, clamping the day to the month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` units (day, week, month, year); negative moves back."""
    if unit == "day":
        return d + timedelta(days=amount)
    if unit == "week":
        return d + timedelta(days=7 * amount)
    if unit == "month":
        return add_months(d, amount)
    if unit == "year":
        return add_months(d, 12 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def shift_interval(iv: DateInterval, amount: int, unit: str, text: str = "") -> DateInterval:
    """An interval moved by `amount` units, keeping its precision."""
    if iv.start is None or iv.end is None:
        return DateInterval(None, None, Precision.UNKNOWN, text)
    return DateInterval(shift(iv.start, amount, unit), shift(iv.end, amount, unit), iv.precision, text)


def weekday_on_or_before(pub: date, weekday: int) -> date:
    """Most recent `weekday` on or before `pub` (same day allowed)."""
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def weekday_after(pub: date, weekday: int, *, same_day: bool = False) -> date:
    """First `weekday` strictly after `pub` (or on it when `same_day`)."""
    delta = (weekday - pub.weekday()) % 7
    if delta == 0 and not same_day:
        delta = 7
    return pub + timedelta(days=delta)


def infer_month_day(pub: date, month: int, dom: int, *, future: bool = False) -> date | None:
    """Year of a month/day without year: latest on or before pub + 7 days; a future verb may look ahead."""
    limit = pub + timedelta(days=7)
    for year in (limit.year, limit.year - 1):
        try:
            candidate = date(year, month, dom)
        except ValueError:
            continue
        if candidate <= limit:
            if future and candidate < pub - timedelta(days=7):
                try:
                    return date(year + 1, month, dom)
                except ValueError:
                    return None
            return candidate
    return None


def infer_month_year(pub: date, month: int, *, future: bool = False, strictly_before: bool = False) -> int:
    """Year of a bare month: latest on or before the publication month (strictly before for 'last')."""
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    if strictly_before:
        return pub.year if month < pub.month else pub.year - 1
    return pub.year if month <= pub.month else pub.year - 1


def season_span(year: int, first_month: int, text: str = "") -> DateInterval:
    """Three meteorological months starting in `first_month` of `year` (winter runs into year + 1)."""
    start = date(year, first_month, 1)
    end_month = add_months(start, 2)
    return DateInterval(start, month_end(end_month.year, end_month.month), Precision.SEASON, text)


def season_containing(d: date, first_month: int) -> int | None:
    """Start year of the season that starts in `first_month` and contains `d`, or None."""
    for year in (d.year - 1, d.year):
        span = season_span(year, first_month)
        if span.start <= d <= span.end:  # type: ignore[operator]
            return year
    return None


def resolve_season(pub: date, first_month: int, relation: str, text: str = "") -> DateInterval:
    """`relation`: this | last | next | past | future (bare season name by tense) | a year (str digits)."""
    if relation.isdigit():
        return season_span(int(relation), first_month, text)
    current = season_containing(pub, first_month)
    if relation == "this":
        if current is not None:
            return season_span(current, first_month, text)
        relation = "nearest"
    # Candidate start years, nearest first.
    before = [y for y in range(pub.year - 2, pub.year + 1) if season_span(y, first_month).end < pub]
    after = [y for y in range(pub.year - 1, pub.year + 2) if season_span(y, first_month).start > pub]
    last_year, next_year = max(before), min(after)
    if relation == "last":
        return season_span(last_year, first_month, text)
    if relation == "next":
        return season_span(next_year, first_month, text)
    if relation == "future":
        return season_span(current if current is not None else next_year, first_month, text)
    if relation == "nearest":
        # "this winter" said in summer: the coming one if closer, else the one just passed.
        gap_after = (season_span(next_year, first_month).start - pub).days  # type: ignore[operator]
        gap_before = (pub - season_span(last_year, first_month).end).days  # type: ignore[operator]
        return season_span(next_year if gap_after <= gap_before else last_year, first_month, text)
    return season_span(current if current is not None else last_year, first_month, text)


def part_of_month(year: int, month: int, days: tuple[int, int], text: str = "") -> DateInterval:
    """Early/mid/late part of a month (days clamped to its length)."""
    last = month_end(year, month).day
    return DateInterval(date(year, month, min(days[0], last)), date(year, month, min(days[1], last)),
                        Precision.MONTH, text)


def part_of_year(year: int, months: tuple[int, int], text: str = "") -> DateInterval:
    """Early/mid/late part of a year."""
    return DateInterval(date(year, months[0], 1), month_end(year, months[1]), Precision.YEAR, text)


def around(center: date, amount: int, unit: str, text: str = "") -> DateInterval:
    """'N units ago': a day, the calendar week, or a window one unit wide centred on the date."""
    if unit == "day":
        return day(center, text)
    if unit == "week":
        return week_span(center, text)
    half = 15 if unit == "month" else 182
    precision = Precision.MONTH if unit == "month" else Precision.YEAR
    return DateInterval(center - timedelta(days=half), center + timedelta(days=half), precision, text)


def clip_end(iv: DateInterval, limit: date) -> DateInterval:
    """Cut an interval so it does not run past `limit`."""
    if iv.end is None or iv.start is None or iv.end <= limit:
        return iv
    return DateInterval(iv.start, max(iv.start, limit), iv.precision, iv.text)
