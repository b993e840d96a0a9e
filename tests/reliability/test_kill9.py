"""SIGKILL during `redlines ingest` (SQLite and PostgreSQL): nothing half-written, the re-run completes
the rest without duplicates, and the result equals a clean run's."""

from __future__ import annotations

import pytest
from killrun import counts, kill_and_resume

from redlines.scale.snapshot import table_snapshot
from redlines.scale.synthetic import write_corpus

NO_ANALYSE_ARTICLES = 150
ANALYSE_ARTICLES = 40


def _url(backend: str, tmp_path, request) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'kill.sqlite'}"
    return request.getfixturevalue("pg_url")


def _cli_has_ingest() -> None:
    from redlines.cli import app

    if "ingest" not in {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands}:
        pytest.skip("`redlines ingest` is not registered yet")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill9_without_analysis(backend, tmp_path, request):
    _cli_has_ingest()
    url = _url(backend, tmp_path, request)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, NO_ANALYSE_ARTICLES, seed=11)
    r = kill_and_resume(corpus, url, analyse=False, total=NO_ANALYSE_ARTICLES, log_dir=tmp_path, min_docs=5)
    print(backend, r)
    assert r.check_after_kill == 0, (tmp_path / "check.out").read_text()
    assert r.resume_exit == 0, (tmp_path / "resume.err").read_text()[-500:]
    assert r.docs_after == NO_ANALYSE_ARTICLES
    assert r.statements_after == 0


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite"])  # PostgreSQL with analysis: tests/stress
def test_kill9_with_analysis_equals_clean_run(backend, tmp_path, request):
    _cli_has_ingest()
    from redlines.kb.store import Store
    from redlines.pipeline import run_ingest

    url = _url(backend, tmp_path, request)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ANALYSE_ARTICLES, seed=12)
    r = kill_and_resume(corpus, url, analyse=True, total=ANALYSE_ARTICLES, log_dir=tmp_path, min_docs=1)
    print(backend, r)
    assert r.check_after_kill == 0, (tmp_path / "check.out").read_text()
    assert r.resume_exit == 0, (tmp_path / "resume.err").read_text()[-500:]
    clean_url = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    run_ingest([str(corpus)], Store(clean_url))
    assert (r.docs_after, r.statements_after) == counts(clean_url)
    got, want = table_snapshot(Store(url)), table_snapshot(Store(clean_url))
    for table in ("documents", "statements", "removed_spans"):
        assert got[table] == want[table], f"{table} differs from a clean run"
    differ = {t: (len(want[t] - got.get(t, frozenset())), len(got.get(t, frozenset()) - want[t]))
              for t in want if got.get(t) != want[t]}
    assert not differ, f"knowledge base differs from a clean run after resume (only clean, only resumed): {differ}"
