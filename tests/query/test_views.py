"""Timeline, matrix, fact, facts and search (redlines.query.views)."""

from __future__ import annotations

from datetime import date

import pytest

from kb.factory import add, doc, late_may_corpus, st
from redlines import query
from redlines.errors import NotFound, UsageError
from redlines.kb import Store, update


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """One read-only store for the module's questions."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('asof') / 'kb.sqlite'}")
    update(store, late_may_corpus(store))
    return store


def test_timeline_is_chronological_and_filters(corpus):
    entries = query.timeline(corpus)
    dates = [e.date for e in entries]
    assert dates == sorted(dates) and entries[0].date == date(2024, 4, 1)
    us = query.timeline(corpus, donor="US")
    assert us and all(e.actor == "United States" for e in us)
    atacms = query.timeline(corpus, weapon="atacms")
    assert atacms and all(e.weapon == "ATACMS" for e in atacms)
    assert all(s.sentence for e in entries for s in e.sources)
    assert entries[0].to_dict()["date"] == "2024-04-01"


def test_matrix_cells(corpus):
    m = query.matrix(corpus, date(2024, 6, 3))
    assert {"United States", "Germany", "Belgium"} <= set(m.donors)
    assert m.cell("United States", "ATACMS", "RU_DEEP").status == "restricted"
    assert m.cell("United States", "origin:United States", "RU_BORDER").status == "permitted"
    assert m.cell("Germany", "Taurus", "RU_BORDER").status == "not_supplied"
    cell = m.cell("Belgium", "F-16", "RU_DEEP")
    assert cell.status == "restricted" and cell.fact_ids
    assert query.matrix(corpus, date(2024, 5, 27)).cell("Germany", "origin:Germany", "RU_BORDER") is None
    assert m.to_dict()["as_of"] == "2024-06-03"


def test_fact_with_evidence_and_prefix(corpus):
    entry = query.timeline(corpus, donor="Germany", weapon="Taurus")[0]
    f = query.fact(corpus, entry.fact_id)
    assert f.id == entry.fact_id and f.evidence
    assert query.fact(corpus, entry.fact_id[:8]).id == f.id
    with pytest.raises(NotFound):
        query.fact(corpus, "f000000000nope")


def test_facts_lists_with_corroboration(corpus):
    perms = query.facts(corpus, "use_permission")
    assert perms and all(f.type == "use_permission" for f in perms)
    atacms = [f for f in perms if f.weapon == "ATACMS"]
    assert len(atacms) == 1 and atacms[0].corroboration == 2
    assert len(query.facts(corpus, limit=2)) == 2


def test_search_documents_and_statements(corpus):
    hits = query.search(corpus, "near kharkiv")
    assert any(h.kind == "statement" and h.fact_id for h in hits)
    assert query.search(corpus, "Wire A")[0].kind == "document"


def test_search_treats_wildcards_and_quotes_as_text(tmp_store):
    d = doc("Outlet W", date(2024, 1, 1), "Aid rose by 100% while 5_000 rounds arrived; O'Brien's note.")
    add(tmp_store, d, [st(d, "transfer", "Poland", "Krab", action="deliver", sentence="100% of the Krab guns")])
    assert len(query.search(tmp_store, "100%")) == 2
    assert query.search(tmp_store, "1_0%") == []
    assert query.search(tmp_store, "%") != [] and query.search(tmp_store, "_%_") == []
    assert query.search(tmp_store, "O'Brien") and query.search(tmp_store, "'; DROP TABLE documents; --") == []
    with pytest.raises(UsageError):
        query.search(tmp_store, "  ")
