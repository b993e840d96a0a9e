"""Scale-out ingest on Dask: partitions of articles cleaned, analysed and stored by worker processes.

The driver streams the corpus through `ingest.read_inputs`, cuts it into partitions and keeps a
bounded number of them in flight (backpressure). Each worker process loads the spaCy pipeline,
gazetteers and extractor once (a worker plugin fills a module-level cache), writes each document
with its statements in one transaction, then runs the knowledge base's incremental update for the
documents it added, concurrently with the other workers.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from sqlalchemy.exc import IntegrityError, OperationalError

from redlines.errors import InputRejected, RedlinesError, StoreError, UsageError
from redlines.kb.store import Store
from redlines.pipeline import IngestReport, Progress, analyse_documents, load_stages, update_kb

IN_FLIGHT_PER_WORKER = 2
KB_UPDATE_MODES = ("end", "partition")
LOCK_RETRIES = 8

# Per-process caches (one entry per worker process): stages by gazetteer files, stores by URL.
_STAGES: dict[tuple[str, ...], tuple[Any, Any, Any]] = {}
_STORES: dict[str, Store] = {}
_LOADS = {"stages": 0}


@dataclass(slots=True)
class PartitionResult:
    """What one worker did with one partition (picklable, returned to the driver)."""

    index: int
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    statements: int = 0
    present: list[str] = field(default_factory=list)  # already in the store before this run
    pid: int = 0
    stage_loads: int = 0
    seconds: float = 0.0


def run_dask_ingest(
    paths: Sequence[Any],
    db_url: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    overrides: dict | None = None,
    gazetteer_files: Iterable[str] = (),
    partition_size: int = 50,
    analyse: bool = True,
    kb_update: str = "end",
    progress: Progress | None = None,
    stats: dict | None = None,
) -> IngestReport:
    """Ingest `paths` (files, directories, or pre-read RawArticle objects) into `db_url` on Dask.

    Without `scheduler`, starts a LocalCluster of `workers` single-threaded processes. `kb_update`:
    "end" merges everything once on the driver after the last partition (fastest; the KB re-merges
    whole blocks), "partition" has each worker merge its partition right after writing it, concurrently
    with the others (serialised per actor by the KB's locks). Returns the same IngestReport as
    `run_ingest`; `stats`, when given, receives per-worker diagnostics.
    """
    if partition_size < 1 or workers < 1:
        raise UsageError("--workers and partition size must be at least 1")
    if kb_update not in KB_UPDATE_MODES:
        raise UsageError(f"kb_update must be one of {', '.join(KB_UPDATE_MODES)}, got {kb_update!r}")
    update_on_workers = kb_update == "partition"
    from distributed import Client, LocalCluster, as_completed

    gaz = tuple(str(g) for g in gazetteer_files)
    Store(db_url)  # create the schema once, before any worker writes
    report = IngestReport()
    results: dict[int, PartitionResult] = {}
    cluster = None
    t_start = time.perf_counter()
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
        where = f"scheduler {scheduler!r}" if scheduler else f"a local cluster of {workers} workers"
        raise UsageError(f"cannot use {where}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    try:
        if analyse:
            name = "redlines-stages-" + hashlib.sha1("\0".join(gaz).encode()).hexdigest()[:12]
            client.register_plugin(StagesPlugin(gaz), name=name)
        t_ready = time.perf_counter()
        limit = max(1, IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]) or workers))
        pending = as_completed()
        in_flight = 0
        for index, part in enumerate(_partitions(paths, overrides or {}, partition_size, report, progress)):
            pending.add(client.submit(process_partition, index, part, db_url, gaz, analyse, update_on_workers,
                                      pure=False, key=f"redlines-partition-{index}-{os.getpid()}-{time.time_ns()}"))
            in_flight += 1
            while in_flight >= limit:
                _collect(next(pending), results, progress)
                in_flight -= 1
        for fut in pending:
            _collect(fut, results, progress)
        t_done = time.perf_counter()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for index in sorted(results):
        r = results[index]
        report.added += r.added
        report.duplicates += r.duplicates
        report.rejected += r.rejected
        report.statements += r.statements
    if analyse and not update_on_workers:
        store = Store(db_url, create=False)
        # Documents a killed or failed earlier run stored but never merged are merged now too.
        merge = report.added + unmerged(store, [d for i in sorted(results) for d in results[i].present])
        if merge:
            _retry_locked(lambda: update_kb(store, merge))
    if stats is not None:
        stats["startup_seconds"] = round(t_ready - t_start, 2)
        stats["partition_seconds"] = round(t_done - t_ready, 2)
        stats["kb_update_seconds"] = round(time.perf_counter() - t_done, 2)
        stats["partitions"] = len(results)
        stats["workers"] = sorted({r.pid for r in results.values()})
        stats["stage_loads"] = {r.pid: r.stage_loads for r in results.values()}
        stats["worker_seconds"] = round(sum(r.seconds for r in results.values()), 2)
    return report


def _collect(fut, results: dict[int, PartitionResult], progress: Progress | None) -> None:
    try:
        r: PartitionResult = fut.result()
    except RedlinesError:
        raise
    except Exception as exc:  # noqa: BLE001 - one line for the CLI; stored documents stay whole
        raise StoreError(f"a partition failed on a worker ({type(exc).__name__}: {exc}); "
                         "documents stored so far are complete, re-run to resume".splitlines()[0]) from exc
    fut.release()
    results[r.index] = r
    if progress:
        progress(len(r.added) + len(r.duplicates) + len(r.rejected))


def _partitions(paths: Sequence[Any], overrides: dict, size: int, report: IngestReport,
                progress: Progress | None) -> Iterator[list]:
    """Stream the inputs into lists of RawArticle; rejections go straight into the report."""
    from redlines import ingest

    part: list = []
    for item in _read_all(paths, overrides):
        if isinstance(item, ingest.Rejection):
            report.rejected.append((item.source, item.reason))
            if progress:
                progress(1)
            continue
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _read_all(paths: Sequence[Any], overrides: dict) -> Iterator[Any]:
    """Paths are read by ingest.read_inputs (in input order); other objects are pre-read articles."""
    from redlines import ingest

    run: list[str] = []
    for item in paths:
        if isinstance(item, (str, os.PathLike)):
            run.append(os.fspath(item))
            continue
        if run:
            yield from ingest.read_inputs(run, overrides)
            run = []
        yield item
    if run:
        yield from ingest.read_inputs(run, overrides)


# -- on the workers ------------------------------------------------------------------------------


class StagesPlugin(WorkerPlugin):
    """Worker plugin: load the spaCy pipeline, gazetteers and extractor once per worker process."""

    def __init__(self, gazetteer_files: tuple[str, ...]) -> None:
        self.gazetteer_files = gazetteer_files

    def setup(self, worker=None) -> None:
        stages_for(self.gazetteer_files)


def stages_for(gazetteer_files: tuple[str, ...]) -> tuple[Any, Any, Any]:
    """(nlp, gazetteer, extractor) of this process, loaded on first use only."""
    if gazetteer_files not in _STAGES:
        _STAGES[gazetteer_files] = load_stages(gazetteer_files)
        _LOADS["stages"] += 1
    return _STAGES[gazetteer_files]


def store_for(db_url: str) -> Store:
    """This process's Store for `db_url` (one engine and connection pool per worker)."""
    if db_url not in _STORES:
        _STORES[db_url] = Store(db_url, create=False)
    return _STORES[db_url]


def process_partition(index: int, articles: list, db_url: str, gazetteer_files: tuple[str, ...],
                      analyse: bool = True, update: bool = True) -> PartitionResult:
    """Clean, analyse and store one partition; runs on a worker (pure except for the store)."""
    from redlines import ingest

    t0 = time.perf_counter()
    result = PartitionResult(index=index, pid=os.getpid())
    store = store_for(db_url)
    docs, seen, present = [], set(), result.present
    for raw in articles:
        try:
            doc = ingest.build_document(raw)
        except InputRejected as exc:
            result.rejected.append((_source(raw), exc.message))
            continue
        if doc.id in seen:
            result.duplicates.append(doc.id)
            continue
        if store.has_document(doc.id):
            result.duplicates.append(doc.id)
            present.append(doc.id)
            continue
        seen.add(doc.id)
        docs.append(doc)
    statements: dict[str, list] = {}
    if analyse and docs:
        nlp, gazetteer, extractor = stages_for(gazetteer_files)
        statements = _analyse_isolating(docs, nlp, gazetteer, extractor, result)
        docs = [d for d in docs if d.id in statements]
    for doc in docs:
        stmts = statements.get(doc.id, [])
        if _write_document(store, doc, stmts, analyse):
            result.added.append(doc.id)
            result.statements += len(stmts) if analyse else 0
        else:
            result.duplicates.append(doc.id)
    if analyse and update:
        # Documents a killed or failed earlier attempt stored but never merged are merged now.
        merge = result.added + unmerged(store, present)
        if merge:
            _retry_locked(lambda: update_kb(store, merge))
    result.stage_loads = _LOADS["stages"]
    result.seconds = time.perf_counter() - t0
    return result


def unmerged(store: Store, doc_ids: list[str]) -> list[str]:
    """Of these stored documents, those whose statements were never merged (the KB's own rule)."""
    from redlines import kb

    return kb.unmerged(store, doc_ids) if doc_ids else []


def _analyse_isolating(docs: list, nlp, gazetteer, extractor, result: PartitionResult) -> dict[str, list]:
    """Analyse the batch; if it fails, analyse one by one so a single bad document is rejected alone."""
    try:
        return analyse_documents(docs, nlp, gazetteer, extractor)
    except Exception:  # noqa: BLE001 - isolate the failing document below
        pass
    out: dict[str, list] = {}
    for doc in docs:
        try:
            out.update(analyse_documents([doc], nlp, gazetteer, extractor))
        except Exception as exc:  # noqa: BLE001 - reported as a rejection with its reason
            result.rejected.append((doc.source_path or doc.id, f"analysis failed: {type(exc).__name__}: {exc}"[:300]))
    return out


def _write_document(store: Store, doc, stmts: list, analyse: bool) -> bool:
    """One transaction per document; False when another worker or run stored it first."""

    def write() -> bool:
        with store.session() as s:
            if not store.add_document(doc, s):
                return False
            if analyse:
                store.replace_statements(doc.id, stmts, s)
            return True

    try:
        return _retry_locked(write)
    except IntegrityError:
        if store.has_document(doc.id):
            return False  # a concurrent writer inserted the same content
        raise


def _retry_locked(fn):
    """Run `fn`, retrying when the database reports a lock or serialization conflict."""
    for attempt in range(LOCK_RETRIES):
        try:
            return fn()
        except OperationalError as exc:
            text = str(exc.orig).lower()
            if attempt == LOCK_RETRIES - 1 or not any(w in text for w in ("locked", "busy", "deadlock",
                                                                          "could not serialize")):
                raise
            time.sleep(0.05 * 2 ** attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _source(raw) -> str:
    return str(getattr(raw, "source", None) or getattr(raw, "path", None) or "<article>")
