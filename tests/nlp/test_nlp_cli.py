"""`redlines entities` and `redlines dates` on a temporary store (documents added directly)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from redlines.cli import app
from redlines.model import Document, PublishedDate, PublishedHow

TEXT = (
    "Norway on Tuesday pledged NASAMS launchers to Kyiv. Jonas Gahr Støre said the systems may only be used "
    "on Ukrainian territory. Washington approved the transfer last week."
)


@pytest.fixture()
def db(tmp_path):
    from redlines.kb.store import Store

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    Store(url).add_document(
        Document(
            "abcd1234ef",
            TEXT,
            TEXT,
            outlet="Test Wire",
            published=PublishedDate(date(2024, 6, 4), PublishedHow.GIVEN, 1.0),
        )
    )
    return url


runner = CliRunner()


def test_entities_json(db, nlp):
    res = runner.invoke(app, ["entities", "abcd", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    got = {(m["text"], m["label"], m["canonical"]) for m in data["mentions"]}
    assert ("Norway", "ACTOR", "Norway") in got
    assert ("NASAMS", "WEAPON", "NASAMS") in got
    assert ("Washington", "ACTOR", "United States") in got
    assert ("Jonas Gahr Støre", "PERSON", "Jonas Gahr Støre") in got
    zone = next(m for m in data["mentions"] if m["label"] == "ZONE_PHRASE")
    assert set(zone["attrs"]["zones"]) == {"UA_HELD", "UA_OCCUPIED"}


def test_entities_table(db, nlp):
    res = runner.invoke(app, ["entities", "abcd1234ef", "--db", db])
    assert res.exit_code == 0
    assert "NASAMS" in res.stdout and "prime minister" in res.stdout


def test_entities_with_user_gazetteer(db, nlp, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("version: 1\nsystems:\n  - {id: NASAMS, aliases: [launchers], cls: air_defence}\n")
    res = runner.invoke(app, ["entities", "abcd", "--db", db, "--json", "--gazetteer", str(extra)])
    assert res.exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("systems:\n  - {id: Zapper, cls: raygun}\n")
    res = runner.invoke(app, ["entities", "abcd", "--db", db, "--gazetteer", str(bad)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "bad.yaml" in res.stderr and "Zapper" in res.stderr


def test_entities_unknown_document(db):
    res = runner.invoke(app, ["entities", "zzzzzz", "--db", db, "--json"])
    assert res.exit_code == 2 and res.stdout == "" and "no document" in res.stderr


def test_dates(db):
    try:
        from redlines.nlp.dates import find_timexes  # noqa: F401
    except (ImportError, AttributeError):
        pytest.skip("redlines.nlp.dates is not available yet")
    res = runner.invoke(app, ["dates", "abcd", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["published"] == "2024-06-04"
    tuesday = next(t for t in data["timexes"] if "Tuesday" in t["text"])
    assert tuesday["start"] == "2024-06-04" and tuesday["precision"] == "day"
    res = runner.invoke(app, ["dates", "abcd", "--db", db])
    assert res.exit_code == 0 and "Tuesday" in res.stdout


def test_dates_unknown_document(db):
    res = runner.invoke(app, ["dates", "nope-nope", "--db", db])
    assert res.exit_code == 2 and "Traceback" not in res.output
