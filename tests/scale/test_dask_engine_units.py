"""Dask engine without a cluster: argument errors, partitioning, the pending-merge lookup."""

from __future__ import annotations

from datetime import date

import pytest

from redlines.errors import UsageError
from redlines.kb.store import Store
from redlines.model import Document, Evidence, PublishedDate, PublishedHow, Statement, StatementType
from redlines.pipeline import IngestReport
from redlines.scale import dask_engine
from redlines.scale.synthetic import generate, write_corpus


def test_bad_arguments_are_usage_errors(tmp_path):
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    with pytest.raises(UsageError):
        dask_engine.run_dask_ingest([], url, workers=0)
    with pytest.raises(UsageError):
        dask_engine.run_dask_ingest([], url, partition_size=0)
    with pytest.raises(UsageError, match="scheduler"):
        dask_engine.run_dask_ingest([], url, scheduler="nonsense-protocol://nowhere")


def test_partitions_stream_in_order_and_keep_rejections(tmp_path):
    write_corpus(tmp_path / "c", 7, seed=5)
    (tmp_path / "c" / "zz_bad.bin").write_bytes(b"\x00\x01")
    report = IngestReport()
    parts = list(dask_engine._partitions([str(tmp_path / "c")], {}, 3, report, None))
    assert [len(p) for p in parts] == [3, 3, 1]
    assert [a.source.rsplit("/", 1)[-1] for p in parts for a in p] == [n for n, _ in generate(7, seed=5)]
    assert len(report.rejected) == 1 and report.rejected[0][1]


def test_pre_read_articles_pass_through(tmp_path):
    from redlines import ingest

    raw = ingest.RawArticle(source="memory", text="Some text.")
    write_corpus(tmp_path / "c", 2, seed=6)
    items = list(dask_engine._read_all([raw, str(tmp_path / "c")], {}))
    assert items[0] is raw and len(items) == 3


def test_unmerged_finds_documents_with_statements_but_no_evidence(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'u.sqlite'}")
    ids = []
    for i, (text, actor) in enumerate((("First stored article text.", "Norway"), ("Second stored text.", "Poland"))):
        doc = Document(id=f"d{i}", text=text, raw=text, published=PublishedDate(date(2024, 6, 1), PublishedHow.GIVEN))
        store.add_document(doc)
        store.replace_statements(doc.id, [Statement(StatementType.POSITION, Evidence(doc.id, 0, 0, len(text), text),
                                                    actor=actor, action="support", topic="jets")])
        ids.append(doc.id)
    store.add_document(Document(id="empty", text="No statements here.", raw="x"))
    assert dask_engine.unmerged(store, ids + ["empty"]) == ids
    from redlines import kb

    kb.update(store, ["d0"])
    with store.session() as s:
        from redlines.kb.schema import FactEvidenceRow

        merged = bool(s.query(FactEvidenceRow).filter_by(document_id="d0").count())
    assert dask_engine.unmerged(store, ids) == (["d1"] if merged else ids)
