"""`redlines demo` (what `make run` runs) ingests the bundled sample corpus and reports every stage."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from redlines.cli import app


def test_demo_ingests_the_sample_corpus_and_prints_the_ledger(tmp_path):
    db = str(tmp_path / "sample.sqlite")
    res = CliRunner().invoke(app, ["demo", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["added"] == 7 and not out["rejected"]
    assert {"use_permission", "transfer", "quote"} <= set(out["statements"])
    removed = {(r["donor"], r["weapon"], r["zone"]) for r in out["ledger"]["removed"]}
    assert ("United States", "ATACMS", "RU_BORDER") in removed
    remaining = {(r["donor"], r["weapon"]) for r in out["ledger"]["remaining"]}
    assert ("Germany", "Taurus") in remaining
    again = CliRunner().invoke(app, ["demo", "--db", db, "--json"])
    assert again.exit_code == 0 and json.loads(again.stdout)["added"] == 0  # idempotent
