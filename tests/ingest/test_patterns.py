"""redlines.ingest.patterns: the data files load, validate, and can be extended."""

from __future__ import annotations

from datetime import date

import pytest

from redlines.errors import UsageError
from redlines.ingest.anchors import find_clues
from redlines.ingest.patterns import cleaning_rules, load_events, parse_events


def test_events_calendar_is_sound():
    events = load_events()
    assert len(events) >= 25
    assert len({e.id for e in events}) == len(events)
    for e in events:
        assert date(2022, 1, 1) <= e.start <= e.end <= date(2025, 12, 31)
        assert e.source and e.title and e.patterns
    assert {e.start.year for e in events} >= {2022, 2023, 2024, 2025}


def test_event_match_needs_all_terms_in_one_sentence_and_no_negation():
    def ids(text):
        return [c.value for c in find_clues(text) if c.kind == "event"]

    assert "kharkiv_epicentr" in ids("A guided bomb hit a hardware superstore in Kharkiv, killing shoppers.")
    assert "kharkiv_epicentr" not in ids("A bomb hit a superstore. Kharkiv mourned.")
    assert "us_allows_atacms_in_russia" not in ids(
        "Washington is not ready to allow ATACMS strikes inside Russia."
    )
    assert "us_allows_atacms_in_russia" in ids(
        "Biden has allowed Ukraine to fire ATACMS at targets in Russia's Kursk region."
    )
    assert "kharkiv_offensive_2024" not in ids("In 2022 the Kharkiv counter-offensive surprised Moscow.")


def test_user_events_file(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "version: 1\nevents:\n  - id: x\n    title: A drill\n    start: 2024-03-03\n"
        '    patterns: [["Operation Bluebird"]]\n    source: ours\n',
        encoding="utf-8",
    )
    events = load_events((str(f),))
    assert events[-1].id == "x" and events[-1].matches("They started Operation Bluebird today.")


def test_malformed_events_rejected():
    with pytest.raises(UsageError):
        parse_events({"version": 1, "events": [{"id": "bad", "start": "2024-13-40", "patterns": [["x"]]}]})
    with pytest.raises(UsageError):
        parse_events({"version": 1, "events": [{"id": "bad", "start": "2024-01-02", "patterns": [[]]}]})


def test_cleaning_rules_load():
    rules = cleaning_rules()
    reasons = [r.reason for r in rules]
    assert reasons[0] == "copyright footer"
    assert {"newsletter sign-up", "paywall or subscription notice", "cookie banner"} <= set(reasons)
