"""The knowledge-base commands follow the LEDGER.md CLI contract (redlines.cli.kb_cmds)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from kb.factory import late_may_corpus
from redlines.cli import app
from redlines.kb import Store, update

runner = CliRunner()


@pytest.fixture()
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    store = Store(url)
    update(store, late_may_corpus(store))
    return url


def _json(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ask_json_shape(db):
    out = _json(["ask", "--donor", "US", "--weapon", "himars", "--zone", "RU_BORDER", "--date", "2024-06-03",
                 "--db", db, "--json"])
    assert list(out) == ["donor", "weapon", "zone", "date", "status", "since", "facts"]
    assert (out["donor"], out["weapon"], out["status"], out["since"]) == (
        "United States", "HIMARS", "permitted", "2024-05-30")
    assert {f["outlet"] for f in out["facts"]} == {"Paper B", "Daily C"}


def test_ask_question_json(db):
    out = _json(["ask", "Can Ukraine use ATACMS inside Russia as of 3 June 2024?", "--db", db, "--json"])
    assert [(a["donor"], a["zone"], a["status"]) for a in out] == [
        ("United States", "RU_BORDER", "restricted"), ("United States", "RU_DEEP", "restricted")]


@pytest.mark.parametrize("args", [
    ["--donor", "US", "--weapon", "HIMARS", "--zone", "MOON", "--date", "2024-06-03"],
    ["--donor", "US", "--weapon", "HIMARS", "--zone", "RU_DEEP", "--date", "June third"],
    ["--donor", "US", "--weapon", "HIMARS"],
    ["Is it allowed?"],
])
def test_ask_bad_input_exits_2_without_traceback(db, args):
    result = runner.invoke(app, ["ask", *args, "--db", db, "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.output and "error" in result.output


def test_human_output_renders(db):
    for args in (["ask", "--donor", "US", "--weapon", "ATACMS", "--zone", "RU_DEEP", "--date", "2024-06-03"],
                 ["ledger", "--as-of", "2024-06-03"], ["timeline", "--donor", "US"], ["contradictions"],
                 ["facts"], ["matrix", "--as-of", "2024-06-03"], ["search", "Kharkiv"]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout.strip()


def test_json_commands_print_one_document(db):
    led = _json(["ledger", "--as-of", "2024-06-03", "--db", db, "--json"])
    assert {r["topic"] for r in led["remaining"]} >= {"Taurus", "ATACMS in Russia", "F-16s"}
    assert _json(["timeline", "--weapon", "Taurus", "--db", db, "--json"])
    cons = _json(["contradictions", "--db", db, "--json"])
    assert [c["field"] for c in cons] == ["date"]
    facts = _json(["facts", "--db", db, "--json"])
    one = _json(["fact", facts[0]["id"], "--db", db, "--json"])
    assert one["id"] == facts[0]["id"]
    assert _json(["matrix", "--as-of", "2024-06-03", "--db", db, "--json"])["cells"]
    assert _json(["rebuild", "--db", db, "--json"])["facts"] == len(facts)


def test_unknown_fact_and_bad_ledger_date_exit_2(db):
    assert runner.invoke(app, ["fact", "fnothere", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["ledger", "--as-of", "yesterday", "--db", db]).exit_code == 2


def test_export_csv(db, tmp_path):
    out = _json(["export", "--format", "csv", "--out", str(tmp_path / "x"), "--db", db, "--json"])
    assert len(out["files"]) == 4
    assert not pd.read_csv(tmp_path / "x" / "facts.csv").empty
    assert runner.invoke(app, ["export", "--format", "xml", "--out", str(tmp_path), "--db", db]).exit_code == 2
