"""Date resolution on the three seed articles (read at run time; expressions are named by their words)."""

from __future__ import annotations

from datetime import date

import pytest

from redlines.model import Timex
from redlines.nlp.dates import find_timexes, resolve_timex

try:
    from tests.conftest import seed_path
except ImportError:  # pytest started outside the repository root: load tests/conftest.py by path
    import importlib.util
    from pathlib import Path

    _root_file = Path(__file__).resolve().parents[1] / "conftest.py"
    _spec = importlib.util.spec_from_file_location("_root_conftest", _root_file)
    _root = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
    _spec.loader.exec_module(_root)  # type: ignore[union-attr]
    seed_path = _root.seed_path

D = date.fromisoformat
PUBLISHED = {"000": D("2024-05-28"), "001": D("2024-05-31"), "002": D("2024-06-02")}


def _timexes(seed: str) -> tuple[str, list[Timex]]:
    text = seed_path(seed).read_text(encoding="utf-8")
    return text, find_timexes(text, PUBLISHED[seed])


def locate(seed: str, needle: str, nth: int = 1) -> Timex:
    """The expression at the nth occurrence of `needle` (case-sensitive), the closest span if nested."""
    text, found = _timexes(seed)
    pos = -1
    for _ in range(nth):
        pos = text.find(needle, pos + 1)
        assert pos >= 0, f"{needle!r} (#{nth}) not in seed {seed}"
    end = pos + len(needle)
    hits = [t for t in found if t.start_char < end and pos < t.end_char]
    assert hits, f"no timex at {needle!r} in seed {seed}"
    return min(hits, key=lambda t: abs(t.start_char - pos) + abs(t.end_char - end))


# (seed, expression, nth, start, end, precision or None); None bounds are checked separately below.
EXACT = [
    ("000", "on Tuesday", 1, "2024-05-28", "2024-05-28", "day"),
    ("000", "on Tuesday afternoon", 1, "2024-05-28", "2024-05-28", "day"),
    ("000", "On Monday", 1, "2024-05-27", "2024-05-27", "day"),
    ("000", "on Monday", 1, "2024-05-27", "2024-05-27", "day"),
    ("000", "last weekend", 1, "2024-05-25", "2024-05-26", None),
    ("000", "Two days earlier", 1, "2024-05-23", "2024-05-24", None),
    ("000", "earlier this year", 1, "2024-01-01", "2024-05-28", "range"),
    ("000", "this year", 2, "2024-01-01", "2024-12-31", "year"),
    ("000", "in 2024", 1, "2024-01-01", "2024-12-31", "year"),
    ("001", "on Friday", 1, "2024-05-31", "2024-05-31", "day"),
    ("001", "On Friday", 1, "2024-05-31", "2024-05-31", "day"),
    ("001", "On Friday", 2, "2024-05-31", "2024-05-31", "day"),
    ("001", "on Thursday", 1, "2024-05-30", "2024-05-30", "day"),
    ("001", "On Tuesday", 1, "2024-05-28", "2024-05-28", "day"),
    ("001", "On Tuesday", 2, "2024-05-28", "2024-05-28", "day"),
    ("002", "May 10", 1, "2024-05-10", "2024-05-10", "day"),
    ("002", "on May 28", 1, "2024-05-28", "2024-05-28", "day"),
    ("002", "on May 28", 2, "2024-05-28", "2024-05-28", "day"),
    ("002", "May 29", 1, "2024-05-29", "2024-05-29", "day"),
    ("002", "May 30", 1, "2024-05-30", "2024-05-30", "day"),
    ("002", "May 20", 1, "2024-05-20", "2024-05-20", "day"),
    ("002", "on Thursday", 1, "2024-05-30", "2024-05-30", "day"),
    ("002", "on Friday", 1, "2024-05-31", "2024-05-31", "day"),
    ("002", "last week", 1, "2024-05-20", "2024-05-26", "week"),
    ("002", "last week", 2, "2024-05-20", "2024-05-26", "week"),
    ("002", "since early May", 1, "2024-05-01", "2024-06-02", "range"),
    ("002", "since January", 1, "2024-01-01", "2024-06-02", "range"),
    ("002", "in January 2023", 1, "2023-01-01", "2023-01-31", "month"),
    ("002", "August 2023", 1, "2023-08-01", "2023-08-31", "month"),
    ("002", "last November", 1, "2023-11-01", "2023-11-30", "month"),
    ("002", "in February 2022", 1, "2022-02-01", "2022-02-28", "month"),
    ("002", "in December 2022", 1, "2022-12-01", "2022-12-31", "month"),
    ("002", "May 2023", 1, "2023-05-01", "2023-05-31", "month"),
    ("002", "last February", 1, "2024-02-01", "2024-02-29", "month"),
    ("002", "in 2014", 1, "2014-01-01", "2014-12-31", "year"),
    ("002", "since 2023", 1, "2023-01-01", "2024-06-02", "range"),
    ("002", "this spring", 1, "2024-03-01", "2024-05-31", "season"),
    ("002", "this summer", 1, "2024-06-01", "2024-08-31", "season"),
    ("002", "in August of that year", 1, "2022-08-01", "2022-08-31", "month"),
]


@pytest.mark.parametrize("seed,needle,nth,start,end,precision", EXACT,
                         ids=[f"{c[0]}:{c[1]}#{c[2]}" for c in EXACT])
def test_seed_expression(seed, needle, nth, start, end, precision):
    t = locate(seed, needle, nth)
    iv = t.interval
    assert (iv.start, iv.end) == (D(start), D(end)), t
    if precision:
        assert iv.precision.value == precision, t


def test_000_relative_and_deadline():
    earlier = locate("000", "Two days earlier")
    assert earlier.anchor == "previous_event"
    deadline = locate("000", "by 2028").interval
    assert deadline.end == D("2028-12-31") and deadline.precision.value == "year"


def test_001_ranges():
    week = locate("001", "This week").interval
    assert week.start == D("2024-05-27") and week.end in (D("2024-05-31"), D("2024-06-02"))
    ago = locate("001", "more than two weeks ago").interval
    assert ago.end is not None and ago.start is not None
    assert ago.start < ago.end <= D("2024-05-17")
    year = locate("001", "For more than a year").interval
    assert year.end == D("2024-05-31") and year.start <= D("2023-05-31")
    weeks = locate("001", "Over the past few weeks").interval
    assert weeks.end == D("2024-05-31") and weeks.start < D("2024-05-24")


def test_002_background_dates():
    ago = locate("002", "two weeks ago").interval
    assert ago.precision.value == "week" and ago.start <= D("2024-05-19") <= ago.end
    early = locate("002", "the early months of 2022").interval
    assert early.start == D("2022-01-01") and early.end <= D("2022-06-30")
    invasion = locate("002", "Since the beginning of the Russian invasion").interval
    assert invasion.start == D("2022-02-24") and invasion.end == D("2024-06-02")
    assert resolve_timex("this spring", PUBLISHED["002"]).start == D("2024-03-01")


def test_seed_spans_point_into_the_text():
    for seed in PUBLISHED:
        text, found = _timexes(seed)
        assert found
        for t in found:
            assert text[t.start_char:t.end_char] == t.text
