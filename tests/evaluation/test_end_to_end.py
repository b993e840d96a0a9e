"""`redlines eval` on one article of the second gold set with the real stages (loads spaCy once)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

GOLD2 = Path(__file__).resolve().parents[1] / "gold2"


@pytest.mark.slow
def test_every_stage_runs_on_a_gold2_article(tmp_path, nlp):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD2 / "07_german_translation_taurus.yaml", gold)
    (gold / "asof.yaml").write_text(
        "version: 1\nquestions:\n  - {donor: Germany, weapon: Taurus, zone: RU_DEEP, date: 2024-06-05, "
        "status: not_supplied}\n", encoding="utf-8")
    from redlines.evaluation.run import evaluate

    res = evaluate(gold, timeout=120)
    broken = {k: (s.status, s.note) for k, s in res.stages.items() if s.status != "ok"}
    assert not broken  # scores are not asserted: they are what `redlines eval` reports
    assert res.per_document[0]["ingested"] and res.per_document[0]["predicted_statements"] >= 1
    for key in ("cleaning_kept", "entity_accuracy", "date_accuracy", "statements_f1", "asof_accuracy"):
        assert res.summary[key] is not None, key
