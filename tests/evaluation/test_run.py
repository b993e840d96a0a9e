"""The evaluation runner and `redlines eval` wiring, with the stages replaced by tiny fakes (no spaCy)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from redlines.cli import app
from redlines.evaluation import run as run_mod
from redlines.evaluation.report import render, to_json
from redlines.model import (
    DateInterval,
    Document,
    Evidence,
    Mention,
    ParsedDocument,
    Precision,
    PublishedDate,
    PublishedHow,
    Sentence,
    Statement,
    StatementType,
    Timex,
    WeaponRef,
    Zone,
)

TEXT = "Berlin allowed strikes near Kharkiv on Friday. Subscribe now."
GOLD = """
version: 1
document:
  text: "{text}"
  published: 2024-06-01
  published_how: dateline
cleaning: {{must_keep: ["allowed strikes"], must_remove: ["Subscribe now"]}}
entities:
  - {{text: Berlin, canonical: Germany}}
dates:
  - {{text: on Friday, start: 2024-05-31, end: 2024-05-31}}
statements:
  - {{type: use_permission, sentence: "allowed strikes", actor: Germany, zones: [RU_BORDER]}}
  - {{type: transfer, sentence: "allowed strikes", actor: Germany, weapon: Taurus, action: refuse}}
"""


@pytest.fixture()
def gold_dir(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "one.yaml").write_text(GOLD.format(text=TEXT), encoding="utf-8")
    (d / "asof.yaml").write_text(
        "version: 1\nquestions:\n  - {donor: Germany, weapon: MARS II, zone: RU_BORDER, date: 2024-06-02, "
        "status: permitted}\n", encoding="utf-8")
    return d


def fake_doc() -> Document:
    return Document("doc1", TEXT.replace(" Subscribe now.", ""), TEXT,
                    published=PublishedDate(date(2024, 6, 1), PublishedHow.DATELINE))


@pytest.fixture()
def fake_stages(monkeypatch):
    doc = fake_doc()

    def ingest(gold, store, tmp, say):
        store.add_document(doc)
        return {gold.docs[0].name: doc}, []

    def analyse(docs, gaz_files, say, timeout=0):
        sent = Sentence(0, 0, len(doc.text), doc.text)
        mentions = [Mention("ACTOR", "Berlin", 0, 6, "Germany")]
        timexes = [Timex("on Friday", 36, 45, DateInterval(date(2024, 5, 31), date(2024, 5, 31), Precision.DAY))]
        return [ParsedDocument(doc, [sent], mentions, timexes)], None

    def extract(parsed, gaz, *args):
        ev = Evidence(doc.id, 0, 0, len(doc.text), doc.text)
        return {doc.id: [
            Statement(StatementType.USE_PERMISSION, ev, actor="Germany", zones=(Zone.RU_BORDER,), action="allow"),
            Statement(StatementType.TRANSFER, ev, actor="Germany", weapon=WeaponRef("system", "Taurus"), action="deliver"),
        ]}

    monkeypatch.setattr(run_mod, "_ingest", ingest)
    monkeypatch.setattr(run_mod, "_analyse", analyse)
    monkeypatch.setattr(run_mod, "_extract", extract)
    monkeypatch.setattr(run_mod, "_ask", lambda store, q: "permitted")
    monkeypatch.setattr("redlines.pipeline.update_kb", lambda store, ids: None)


def test_evaluate_scores_every_stage(gold_dir, fake_stages):
    res = run_mod.evaluate(gold_dir)
    bad = {k: (s.status, s.note) for k, s in res.stages.items() if s.status != "ok"}
    assert not bad
    sm = res.summary
    assert sm["cleaning_kept"] == 1.0 and sm["cleaning_removed"] == 1.0
    assert sm["published_exact"] == 1.0 and sm["published_mae_days"] == 0 and sm["published_how"] == 1.0
    assert sm["entity_accuracy"] == 1.0 and sm["date_accuracy"] == 1.0
    assert sm["statements_precision"] == 0.5 and sm["statements_recall"] == 0.5
    assert sm["asof_accuracy"] == 1.0
    misses = res.stages["statements"].failures["misses"]
    assert misses[0]["wrong_fields"] == ["action"] and len(res.stages["statements"].failures["false alarms"]) == 1
    data = json.loads(json.dumps(to_json(res), default=str))
    assert set(data["stages"]) == set(run_mod.STAGES)


def test_missing_stage_is_not_available(gold_dir, fake_stages, monkeypatch):
    def no_extract(parsed, gaz, *args):
        raise run_mod.StageUnavailable("extract stage not available: no RuleExtractor")

    monkeypatch.setattr(run_mod, "_extract", no_extract)
    res = run_mod.evaluate(gold_dir)
    assert res.stages["entities"].status == "ok"
    for name in ("statements", "quotes", "asof"):
        assert res.stages[name].status == "not available"
    assert res.summary["statements_f1"] is None


def test_crashing_stage_is_reported_not_raised(gold_dir, fake_stages, monkeypatch):
    def boom(docs, gaz_files, say, timeout=0):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(run_mod, "_analyse", boom)
    res = run_mod.evaluate(gold_dir)
    assert res.stages["entities"].status == "error" and "model exploded" in res.stages["entities"].note
    assert res.stages["cleaning"].status == "ok"


def test_render_does_not_fail(gold_dir, fake_stages):
    from rich.console import Console

    console = Console(record=True, width=160)
    render(run_mod.evaluate(gold_dir), console, limit=2)
    out = console.export_text()
    assert "micro-average" in out and "misses" in out


def test_cli_json_and_malformed_exit_codes(gold_dir, fake_stages, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["eval", str(gold_dir), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["documents"] == 1 and data["summary"]["entity_accuracy"] == 1.0
    (gold_dir / "bad.yaml").write_text("version: 1\ndocument: {text: x}\nstatements:\n  - {type: nope}\n")
    res = runner.invoke(app, ["eval", str(gold_dir), "--json"])
    assert res.exit_code == 2 and res.stdout == ""
    assert "bad.yaml" in res.stderr and "statements[0].type" in res.stderr
    res = runner.invoke(app, ["eval", str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "not found" in res.stderr


def test_time_limit_stops_a_runaway_stage():
    import time

    with pytest.raises(run_mod.StageTimeout, match="slow step"):
        with run_mod.time_limit(0.2, "slow step"):
            while True:
                time.sleep(0.01)
    with run_mod.time_limit(0, "no limit"):
        pass
