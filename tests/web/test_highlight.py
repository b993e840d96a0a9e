"""Splitting text at offsets for <mark>/<del> without trusting the text."""

from __future__ import annotations

from redlines.web.highlight import locate, segments


def test_segments_cover_the_text_and_mark_spans():
    text = "one two three four"
    segs = segments(text, [(4, 7, "a"), (14, 18, "b")])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.mark) for s in segs] == [("one ", False), ("two", True), (" three ", False), ("four", True)]
    assert [s.anchor for s in segs if s.mark] == ["m0", "m1"]


def test_segments_merge_overlaps_and_clip():
    segs = segments("abcdefgh", [(2, 5, "x"), (4, 7, "y"), (6, 99, "x"), (-3, 1, ""), (5, 5, "empty")])
    assert [(s.text, s.mark) for s in segs] == [("a", True), ("b", False), ("cdefgh", True)]
    assert segs[2].label == "x; y; x"


def test_segments_without_spans_is_one_plain_piece():
    assert [(s.text, s.mark) for s in segments("<b>", [])] == [("<b>", False)]
    assert segments("", [(0, 3, "x")]) == []


def test_locate_prefers_matching_offsets_then_text():
    text = "Alpha beta. Gamma delta. Gamma delta."
    assert locate(text, "Gamma delta.", 25, 37) == (25, 37)
    assert locate(text, "Gamma delta.", 0, 5) == (12, 24)
    assert locate(text, "", 0, 5) == (0, 5)
    assert locate(text, "missing", None, None) is None
    assert locate(text, "missing", 0, 500) is None
