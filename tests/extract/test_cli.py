"""`redlines statements DOC`: stored vs re-extracted statements, --type, --json, errors (exit 2, no traceback)."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from redlines.cli import app
from redlines.model import (
    DateInterval,
    Document,
    Evidence,
    Precision,
    PublishedDate,
    PublishedHow,
    Statement,
    StatementType,
    WeaponRef,
)

TEXT = ("Oslo (Test Wire) - Norway on Friday allowed Ukraine to use its F-16s against military targets inside Russia. "
        "\"We trust our partners,\" a spokesman said. [markup] stays literal.")


def _store_with_doc(tmp_store, with_statements: bool):
    doc = Document(id="d" * 64, text=TEXT, raw=TEXT, outlet="Test Wire", title="Norway and the F-16s",
                   published=PublishedDate(date(2024, 6, 7), PublishedHow.GIVEN, 1.0))
    tmp_store.add_document(doc)
    if with_statements:
        ev = Evidence(doc.id, 0, 0, 105, TEXT[:105], "Test Wire", date(2024, 6, 7))
        st = Statement(StatementType.USE_PERMISSION, ev, actor="Norway", weapon=WeaponRef("system", "F-16"),
                       action="allow", valid=DateInterval(date(2024, 6, 7), date(2024, 6, 7), Precision.DAY))
        tmp_store.replace_statements(doc.id, [st])
    return doc


def test_stored_statements_json(tmp_store):
    doc = _store_with_doc(tmp_store, True)
    res = CliRunner().invoke(app, ["statements", doc.id[:8], "--db", tmp_store.url, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["source"] == "stored" and data["statements"][0]["actor"] == "Norway"


def test_rerun_extracts_and_filters(tmp_store):
    doc = _store_with_doc(tmp_store, True)
    res = CliRunner().invoke(app, ["statements", doc.id, "--db", tmp_store.url, "--rerun", "--json",
                                   "--type", "use_permission"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["source"] == "extracted"
    assert data["statements"] and all(s["type"] == "use_permission" for s in data["statements"])
    assert any(s["actor"] == "Norway" for s in data["statements"])


def test_table_output(tmp_store):
    doc = _store_with_doc(tmp_store, True)
    res = CliRunner().invoke(app, ["statements", doc.id, "--db", tmp_store.url], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "Norway" in res.output and "use_permission" in res.output


def test_errors_exit_2(tmp_store):
    _store_with_doc(tmp_store, False)
    res = CliRunner().invoke(app, ["statements", "nope", "--db", tmp_store.url])
    assert res.exit_code == 2 and "Traceback" not in res.output
    res = CliRunner().invoke(app, ["statements", "d" * 8, "--db", tmp_store.url, "--type", "bogus"])
    assert res.exit_code == 2 and "Traceback" not in res.output
