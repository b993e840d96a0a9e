"""The seed gold files load with the evaluation loader and point at sentences by a few words only."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"


def test_gold_set_loads(seeds_dir):
    from redlines.evaluation.gold import load_gold_dir

    gold = load_gold_dir(GOLD)
    assert len(gold.docs) == 3


@pytest.mark.parametrize("name", ["000.yaml", "001.yaml", "002.yaml"])
def test_sentences_are_short_pointers(name):
    data = yaml.safe_load((GOLD / name).read_text("utf-8"))
    types = {s["type"] for s in data["statements"]}
    assert {"use_permission", "transfer", "quote"} <= types
    for s in data["statements"]:
        assert len(s["sentence"].split()) <= 8, s["sentence"]


def test_third_gold_set_loads_with_its_questions():
    from redlines.evaluation.gold import load_gold_dir

    gold = load_gold_dir(GOLD.parents[1] / "gold3")
    assert len(gold.docs) == 6 and len(gold.questions) >= 8
    assert {s.type for d in gold.docs for s in d.statements} >= {"use_permission", "transfer", "quote", "attack"}
