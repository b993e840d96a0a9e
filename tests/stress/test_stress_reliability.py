"""Long reliability runs for `make stress`: >= 1,000 fuzz inputs per target, kill -9 on larger corpora."""

from __future__ import annotations

import pytest
from fuzz_inputs import MALFORMED_FILES, run_extraction_fuzz, run_ingest_fuzz
from killrun import counts, kill_and_resume

from redlines.kb.check import check_store
from redlines.kb.store import Store
from redlines.scale.snapshot import table_snapshot
from redlines.scale.synthetic import write_corpus

pytestmark = pytest.mark.stress

INGEST_PER_CATEGORY = 150  # x 8 categories = 1,200 files
EXTRACT_EXAMPLES = 1_000


def test_fuzz_ingest_long(tmp_path):
    out = run_ingest_fuzz(INGEST_PER_CATEGORY * len(MALFORMED_FILES))
    assert sum(out.inputs.values()) >= 1_000, out.inputs
    store = Store(f"sqlite:///{tmp_path / 'fuzz.sqlite'}")
    for doc in out.documents:
        store.add_document(doc)
    assert check_store(store).ok
    print(f"ingest fuzz: {dict(out.inputs)} rejected={out.rejected} documents={len(out.documents)}")


def test_fuzz_extraction_long(nlp):
    assert run_extraction_fuzz(EXTRACT_EXAMPLES, nlp) >= 1_000 * 0.95


@pytest.mark.parametrize("size", [10_000_000, 1_000_000])
def test_big_article_through_ingest_and_analysis(tmp_path, nlp, size):
    """A 10 MB article is cleaned or rejected; a 1 MB one is also analysed (10 MB through spaCy took
    more than 13 CPU-minutes here, so only ingest runs at that size)."""
    from fuzz_inputs import assert_statements

    from redlines import extract, ingest
    from redlines import nlp as nlp_stage
    from redlines.errors import InputRejected
    from redlines.scale.synthetic import generate

    body = "\n\n".join(text for _, text in generate(40, seed=9))
    path = tmp_path / "big.txt"
    path.write_text((body * (size // len(body) + 1))[:size], encoding="utf-8")
    [item] = list(ingest.read_inputs([str(path)], {}))
    if isinstance(item, ingest.Rejection):
        assert item.reason
        return
    try:
        doc = ingest.build_document(item)
    except InputRejected as exc:
        assert exc.message
        return
    if size > 2_000_000:
        return
    gazetteer = nlp_stage.Gazetteer.load([])
    [parsed] = list(nlp_stage.annotate([doc], nlp, gazetteer))
    assert_statements(doc, extract.RuleExtractor(gazetteer).extract(parsed))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill9_large_ingest(backend, tmp_path, request):
    from redlines.pipeline import run_ingest

    url = f"sqlite:///{tmp_path / 'kill.sqlite'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    corpus = tmp_path / "corpus"
    n = 400
    write_corpus(corpus, n, seed=21)
    r = kill_and_resume(corpus, url, analyse=True, total=n, log_dir=tmp_path, min_docs=60, timeout=900)
    print(backend, r)
    assert r.check_after_kill == 0, (tmp_path / "check.out").read_text()
    assert r.resume_exit == 0
    clean = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    run_ingest([str(corpus)], Store(clean))
    assert (r.docs_after, r.statements_after) == counts(clean)
    got, want = table_snapshot(Store(url)), table_snapshot(Store(clean))
    for table in ("documents", "statements", "removed_spans"):
        assert got[table] == want[table], f"{table} differs from a clean run"
    differ = {t for t in want if got.get(t) != want[t]}
    assert not differ, f"knowledge base differs from a clean run after resume: {sorted(differ)}"
