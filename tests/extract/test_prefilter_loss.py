"""The sentence pre-filter loses no statement: extracting with every sentence parsed gives the same
statements as extracting with only the candidate sentences parsed, on every gold set."""

from __future__ import annotations

import importlib
from pathlib import Path
from unittest import mock

import pytest

TESTS = Path(__file__).resolve().parents[1]
GOLD_SETS = [TESTS / "gold" / "seeds", TESTS / "gold2", TESTS / "gold3"]


def _key(s):
    return (s.evidence.sentence_index, s.type.value, s.actor, str(s.weapon), tuple(sorted(z.value for z in s.zones)),
            s.action, s.speaker, s.modality.value)


@pytest.fixture(scope="module")
def gold_documents(tmp_path_factory, seeds_dir):
    from redlines.evaluation.gold import load_gold_dir
    from redlines.evaluation.run import _materialise
    from redlines.kb.store import Store
    from redlines.pipeline import run_ingest

    tmp = tmp_path_factory.mktemp("prefilter_loss")
    store = Store(f"sqlite:///{tmp / 'store.sqlite'}")
    docs = []
    for gold_dir in GOLD_SETS:
        for gd in load_gold_dir(gold_dir).docs:
            report = run_ingest([str(_materialise(gd, tmp))], store, overrides=dict(gd.given), analyse=False)
            ids = report.added + report.duplicates
            assert ids, f"{gd.name} was not ingested"
            docs.append(store.get_document(ids[0]))
    return docs


def test_prefilter_loses_no_statement(nlp, gold_documents):
    from redlines.extract import RuleExtractor
    from redlines.nlp import Gazetteer, annotate

    annotate_module = importlib.import_module("redlines.nlp.annotate")
    gaz = Gazetteer.load()
    extractor = RuleExtractor(gaz)
    filtered = {p.document.id: {_key(s) for s in extractor.extract(p)} for p in annotate(gold_documents, nlp, gaz)}
    original = annotate_module.candidate_sentences

    def everything(*args, **kwargs):
        return [True] * len(original(*args, **kwargs))

    with mock.patch.object(annotate_module, "candidate_sentences", everything):
        full = {p.document.id: {_key(s) for s in extractor.extract(p)} for p in annotate(gold_documents, nlp, gaz)}
    lost = {d: sorted(full[d] - filtered[d]) for d in full if full[d] - filtered[d]}
    assert len(gold_documents) >= 17
    assert lost == {}, lost
