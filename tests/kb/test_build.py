"""Incremental update equals a full rebuild, also with several writers at once (redlines.kb.build)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from kb.factory import RU, UA, add, doc, late_may_corpus, st
from redlines.kb import Store, rebuild, update
from redlines.kb.schema import ContradictionRow, FactEvidenceRow, FactRow, PolicyStateRow
from redlines.model import Zone


def snapshot(store: Store) -> dict:
    """Everything the KB derived, without autoincrement ids."""
    with store.session() as s:
        facts = sorted((r.id, r.block, r.zones, r.date_start, r.corroboration, r.modality)
                       for r in s.scalars(select(FactRow)))
        ev = sorted((r.fact_id, r.document_id, r.start_char, r.outlet) for r in s.scalars(select(FactEvidenceRow)))
        states = sorted((r.donor, r.weapon_kind, r.weapon_id, r.zone, r.basis, r.status, r.valid_from, r.valid_to,
                         r.fact_ids, r.support_ids) for r in s.scalars(select(PolicyStateRow)))
        cons = sorted((r.id, r.field, r.fact_ids) for r in s.scalars(select(ContradictionRow)))
    return {"facts": facts, "evidence": ev, "states": states, "contradictions": cons}


def _extra_docs(store: Store) -> list[str]:
    d = doc("Outlet D", date(2024, 6, 5))
    e = doc("Outlet E", date(2024, 6, 6))
    return [
        add(store, d, [st(d, "use_permission", "United States", "ATACMS", RU, "restrict", start=1),
                       st(d, "transfer", "Netherlands", "F-16", action="deliver", on=date(2024, 6, 4), start=9),
                       st(d, "use_permission", "Netherlands", "F-16", RU, "allow", date(2024, 6, 4), start=20)]),
        add(store, e, [st(e, "transfer", "Netherlands", "F-16", action="deliver", on=date(2024, 6, 4), quantity=24),
                       st(e, "use_permission", "Germany", "Germany", (Zone.RU_BORDER,), "allow", date(2024, 5, 31),
                          kind="origin", start=30)]),
    ]


def test_incremental_updates_equal_a_full_rebuild(tmp_store):
    ids = late_may_corpus(tmp_store)
    for i in ids:  # one document at a time, as ingest does
        update(tmp_store, [i])
    more = _extra_docs(tmp_store)
    update(tmp_store, more)
    incremental = snapshot(tmp_store)
    assert incremental["facts"] and incremental["states"] and incremental["contradictions"]
    counts = rebuild(tmp_store)
    assert counts["statements"] > 0
    assert snapshot(tmp_store) == incremental


def test_re_extracting_a_document_replaces_its_facts(tmp_store):
    ids = late_may_corpus(tmp_store)
    update(tmp_store, ids)
    first = ids[0]
    d = tmp_store.get_document(first)
    tmp_store.replace_statements(first, [st(d, "use_permission", "Belgium", "F-16", UA, "allow", date(2024, 5, 28))])
    update(tmp_store, [first])
    after = snapshot(tmp_store)
    rebuild(tmp_store)
    assert snapshot(tmp_store) == after
    assert not any("Taurus" in f[1] and "withhold" in f[0] for f in after["facts"])


def test_permission_naming_no_weapon_counts_as_the_donors_own(tmp_store):
    d = doc("Outlet N", date(2022, 8, 25))
    add(tmp_store, d, [st(d, "use_permission", "United States", None, (Zone.UA_OCCUPIED,), "allow", date(2022, 8, 20)),
                       st(d, "use_permission", "Canada", "everything", RU, "restrict", date(2022, 8, 20), kind="any",
                          start=50)])
    update(tmp_store, [d.id])
    from redlines import query

    assert query.ask(tmp_store, "US", "HIMARS", "UA_OCCUPIED", date(2022, 9, 1)).status == "permitted"
    assert query.ask(tmp_store, "Canada", "origin:Canada", "RU_DEEP", date(2022, 9, 1)).status == "restricted"
    after = snapshot(tmp_store)
    rebuild(tmp_store)
    assert snapshot(tmp_store) == after


def test_event_contradictions_stay_equal_to_a_rebuild_across_updates(tmp_store):
    docs = [doc(f"Outlet {k}", date(2024, 3, 1 + k)) for k in range(5)]
    ids = []
    for k, d in enumerate(docs):
        sts = [st(d, "position", "Russia", None, (), "warn", date(2024, 2, 27 + k % 2), speaker="Vladimir Putin",
                  sentence=f"Putin warned Western capitals over missile deliveries ({k})"),
               st(d, "position", "Russia", None, (), "warn", date(2024, 2, 26 + k % 3), speaker="Sergei Lavrov",
                  start=80, sentence=f"Lavrov warned Western capitals over missile deliveries ({k})"),
               st(d, "quote", "Russia", None, (), None, date(2024, 2, 27), speaker="Sergei Lavrov", start=160,
                  quote="we will answer", sentence="Lavrov said: we will answer")]
        ids.append(add(tmp_store, d, sts))
        update(tmp_store, [ids[-1]])
    d = tmp_store.get_document(ids[2])
    tmp_store.replace_statements(ids[2], [])  # a re-extraction that found nothing
    update(tmp_store, [ids[2]])
    incremental = snapshot(tmp_store)
    assert any(c[1] == "date" for c in incremental["contradictions"])
    rebuild(tmp_store)
    assert snapshot(tmp_store) == incremental


def test_update_with_nothing_new_changes_nothing(tmp_store):
    ids = late_may_corpus(tmp_store)
    update(tmp_store, ids)
    before = snapshot(tmp_store)
    update(tmp_store, ids)
    update(tmp_store, [])
    assert snapshot(tmp_store) == before


def _concurrent_updates(url: str, n_threads: int = 4) -> None:
    """Each thread opens its own Store and ingests + updates its own documents at the same time."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(n_threads)

    def worker(k: int) -> None:
        try:
            store = Store(url)
            docs = [doc(f"Outlet {k}-{j}", date(2024, 5, 28 + j)) for j in range(3)]
            barrier.wait()
            for j, d in enumerate(docs):
                add(store, d, [
                    st(d, "use_permission", "United States", "United States", RU, "allow", date(2024, 5, 30),
                       kind="origin"),
                    st(d, "transfer", "Germany", "Taurus", action="refuse", start=40),
                    st(d, "use_permission", f"Donor{k}", "HIMARS", RU, "allow" if j % 2 else "restrict",
                       date(2024, 5, 28 + j), start=80),
                ])
                update(store, [d.id])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_concurrent_writers_on_sqlite_equal_a_rebuild(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    Store(url)
    _concurrent_updates(url)
    store = Store(url)
    incremental = snapshot(store)
    rebuild(store)
    assert snapshot(store) == incremental
    us = [f for f in incremental["facts"] if f[1] == "use_permission|United States|origin:United States"]
    assert len(us) == 1 and us[0][4] == 12  # 12 outlets, one fact


@pytest.mark.postgres
def test_postgres_store_update_rebuild_and_concurrent_writers(pg_url):
    store = Store(pg_url)
    ids = late_may_corpus(store)
    update(store, ids)
    first = snapshot(store)
    rebuild(store)
    assert snapshot(store) == first
    from redlines import query

    assert query.ask(store, "US", "himars", "RU_BORDER", date(2024, 6, 3)).status == "permitted"
    assert query.ask(store, "US", "ATACMS", "RU_DEEP", date(2024, 6, 3)).status == "restricted"
    assert query.search(store, "100%_") == []
    _concurrent_updates(pg_url)
    incremental = snapshot(store)
    rebuild(store)
    assert snapshot(store) == incremental
