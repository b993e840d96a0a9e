"""redlines.ingest.metadata: outlet (byline, copyright, chrome, masthead, URL), title fallback, dates."""

from __future__ import annotations

from datetime import date

from redlines.ingest.metadata import (
    fallback_title,
    guess_outlet,
    outlet_from_copyright,
    outlet_from_url,
    parse_full_date,
    parse_month_day,
)
from redlines.model import RemovedSpan


def test_outlet_sources_in_order():
    assert guess_outlet("Reuters", [], None) == "Reuters"
    assert guess_outlet("AP", [], None) == "Associated Press"
    spans = [RemovedSpan(0, 5, "copyright footer", "\u00a92023 Kyiv Daily Media Ltd.")]
    assert guess_outlet(None, spans, "https://www.bbc.co.uk/news/x") == "Kyiv Daily"
    assert guess_outlet(None, [], "https://www.bbc.co.uk/news/x") == "BBC"
    chrome = [
        RemovedSpan(0, 5, "page navigation", "More from Politico Europe"),
        RemovedSpan(6, 9, "newsletter sign-up", "Get Politico Europe in your inbox"),
    ]
    assert guess_outlet(None, chrome, None) == "Politico Europe"
    assert (
        guess_outlet(None, [RemovedSpan(0, 5, "masthead", "The Harbour Times \u2014 Weekend")], None)
        == "The Harbour Times"
    )
    assert guess_outlet(None, [], None) is None


def test_url_and_copyright_helpers():
    assert outlet_from_url("https://apnews.com/article/abc") == "Associated Press"
    assert outlet_from_url("edition.cnn.com/2024/x") == "CNN"
    assert outlet_from_url("https://unknown.example/x") is None
    assert (
        outlet_from_copyright("Copyright 2024 The Baltic Wire, Inc. All rights reserved") == "The Baltic Wire"
    )


def test_fallback_title_is_first_sentence_cut():
    assert fallback_title("Short lead here. Then more.") == "Short lead here."
    long = "word " * 60 + "end."
    t = fallback_title(long)
    assert t.endswith("\u2026") and len(t) <= 141


def test_date_parsers():
    assert parse_full_date("Thursday, March 7, 2024 | Back issues") == date(2024, 3, 7)
    assert parse_full_date("Sat 14 Sep 2024 00.01 BST") == date(2024, 9, 14)
    assert parse_full_date("2024-11-18T10:00") == date(2024, 11, 18)
    assert parse_full_date("no date") is None
    assert parse_month_day("Nov 20") == (11, 20)
    assert parse_month_day("20 November") == (11, 20)
