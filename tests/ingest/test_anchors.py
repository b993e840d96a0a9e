"""redlines.ingest.anchors: date clues per sentence (dates, years, weekdays, relative phrases, events)."""

from __future__ import annotations

from datetime import date

from redlines.ingest.anchors import find_clues, split_sentences


def _kinds(text):
    return [(c.kind, c.text) for c in find_clues(text) if c.kind != "event"]


def test_absolute_dates():
    clues = find_clues(
        "The deal of June 25, 2024 followed talks on 3 May 2024 and on May 29, and aid in August 2023."
    )
    by_kind = {c.kind: c for c in clues}
    assert [c.start for c in clues if c.kind == "full"] == [date(2024, 6, 25), date(2024, 5, 3)]
    assert [c.value for c in clues if c.kind == "month_day"] == [(5, 29)]
    assert by_kind["month_year"].start == date(2023, 8, 1) and by_kind["month_year"].end == date(2023, 8, 31)


def test_years_weekdays_and_relative_phrases():
    kinds = _kinds(
        "In 2023 the jets were promised. On Friday the minister spoke, last week the talks ended, "
        "and two weeks ago the offensive began. He left last November."
    )
    assert ("year", "In 2023") in kinds
    assert ("weekday", "Friday") in kinds
    assert ("relative", "last week") in kinds and ("relative", "two weeks ago") in kinds
    assert any(k == "last_month_name" and t.startswith("last November") for k, t in kinds)


def test_future_sentences_give_no_weekday_or_event():
    clues = find_clues("NATO leaders will meet in Vilnius on Tuesday for the summit.")
    assert not [c for c in clues if c.kind in ("weekday", "event")]


def test_split_keeps_abbreviations_together():
    assert split_sentences("On Jan. 2 the U.S. said no. Gen. Smith agreed.") == [
        "On Jan. 2 the U.S. said no.",
        "Gen. Smith agreed.",
    ]
