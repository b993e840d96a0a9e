"""redlines.ingest.readers: every kind of input, and bad input as Rejections (never exceptions)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from redlines.errors import UsageError
from redlines.ingest import RawArticle, Rejection, parse_date, read_inputs


def _split(items):
    raws = [i for i in items if isinstance(i, RawArticle)]
    rejs = [i for i in items if isinstance(i, Rejection)]
    return raws, rejs


def test_directory_recursive_with_rejections(article_dir):
    raws, rejs = _split(list(read_inputs([str(article_dir)], {})))
    assert sorted(r.source.rsplit("/", 1)[-1] for r in raws) == ["good.txt", "nested.txt"]
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in rejs}
    assert set(reasons) == {"empty.txt", "image.txt", "notes.docx"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "unsupported" in reasons["notes.docx"]
    assert all("\n" not in r for r in reasons.values())


def test_missing_path(tmp_path):
    (rej,) = read_inputs([str(tmp_path / "nope.txt")], {})
    assert isinstance(rej, Rejection) and "no such file" in rej.reason


def test_size_limit_from_env(tmp_path, monkeypatch, body):
    f = tmp_path / "big.txt"
    f.write_text(body, encoding="utf-8")
    monkeypatch.setenv("REDLINES_MAX_BYTES", "100")
    (rej,) = read_inputs([str(f)], {})
    assert isinstance(rej, Rejection) and "too large" in rej.reason


def test_latin1_is_decoded(tmp_path, body):
    f = tmp_path / "latin.txt"
    text = "Caf\u00e9 diplomacy in Br\u00fcssel\n\n" + body.replace("\u201c", '"').replace("\u201d", '"')
    f.write_bytes((text + " R\u00e9sum\u00e9 of the d\u00e9bat.").encode("latin-1"))
    (raw,) = read_inputs([str(f)], {})
    assert isinstance(raw, RawArticle)
    assert "Caf\u00e9" in raw.text and "Br\u00fcssel" in raw.text


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02, 0x03]) * 200)
    (rej,) = read_inputs([str(f)], {})
    assert isinstance(rej, Rejection)


def test_json_object_list_and_jsonl(tmp_path, body):
    one = tmp_path / "one.json"
    one.write_text(
        json.dumps(
            {
                "text": body,
                "outlet": "Regional Post",
                "published": "2024-05-31",
                "url": "https://example.org/a",
                "title": "A title",
            }
        ),
        encoding="utf-8",
    )
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps([{"text": body}, {"html": "<p>x</p>"}, {"title": "no body"}]), encoding="utf-8"
    )
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        json.dumps({"text": body, "published": "2024-11-18T09:30:00Z"})
        + "\n{not json\n\n"
        + json.dumps({"text": body, "published": "someday"})
        + "\n",
        encoding="utf-8",
    )
    raws, rejs = _split(list(read_inputs([str(one), str(many), str(lines)], {})))
    first = raws[0]
    assert (first.outlet, first.published, first.url, first.title) == (
        "Regional Post",
        date(2024, 5, 31),
        "https://example.org/a",
        "A title",
    )
    assert first.given == frozenset({"outlet", "published", "url", "title"})
    assert [r.html is not None for r in raws[1:3]] == [False, True]
    assert raws[3].published == date(2024, 11, 18)
    reasons = [r.reason for r in rejs]
    assert any("no non-empty 'text'" in r for r in reasons)
    assert any("malformed JSON line" in r for r in reasons) and any(r.source.endswith(":2") for r in rejs)
    assert any("bad 'published'" in r for r in reasons)


def test_malformed_json_file(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text("{oops", encoding="utf-8")
    (rej,) = read_inputs([str(f)], {})
    assert isinstance(rej, Rejection) and "malformed JSON" in rej.reason


def test_overrides_win(tmp_path, body):
    f = tmp_path / "a.json"
    f.write_text(
        json.dumps({"text": body, "outlet": "From file", "published": "2024-01-01"}), encoding="utf-8"
    )
    (raw,) = read_inputs([str(f)], {"outlet": "User", "published": "2024-06-02", "title": None})
    assert raw.outlet == "User" and raw.published == date(2024, 6, 2)
    assert {"outlet", "published"} <= raw.given


def test_stdin_text_and_html(monkeypatch, body):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body.encode())))
    (raw,) = read_inputs(["-"], {})
    assert raw.source == "<stdin>" and raw.text.startswith("The Netherlands")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"<html><body><p>hi</p></body></html>")))
    (raw,) = read_inputs(["-"], {})
    assert raw.html is not None


def test_parse_date():
    assert parse_date("2024-05-31") == date(2024, 5, 31)
    assert parse_date("31 May 2024") == date(2024, 5, 31)
    with pytest.raises(UsageError):
        parse_date("not a date at all")


def test_content_sniffing_and_utf16(tmp_path, body):
    page = tmp_path / "page.txt"
    page.write_text(
        "<!DOCTYPE html><html><body><article><p>" + body + "</p></article></body></html>", encoding="utf-8"
    )
    plain = tmp_path / "plain.html"
    plain.write_text(body, encoding="utf-8")
    wide = tmp_path / "wide.txt"
    wide.write_bytes(body.encode("utf-16"))
    a, b, c = read_inputs([str(page), str(plain), str(wide)], {})
    assert a.html is not None and a.text is None
    assert b.text == body and b.html is None
    assert c.text == body
