"""The whole job in reading order: ingest -> nlp -> extract -> kb.

Stage contracts (each stage's package implements its part):
- ingest.read_inputs(paths, overrides) yields RawArticle or Rejection (never raises for bad input);
- ingest.build_document(raw) -> Document, raising InputRejected with a one-line reason;
- nlp.load_pipeline() once, nlp.Gazetteer.load(extra_files), nlp.annotate(documents, nlp, gazetteer)
  -> ParsedDocument per document (same order);
- extract.RuleExtractor(gazetteer).extract(parsed) -> list[Statement] (pure);
- kb.update(store, doc_ids) merges facts and recomputes policy states for what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from redlines.errors import InputRejected
from redlines.kb.store import Store
from redlines.model import Document, Statement


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: new documents, duplicates, rejections with reasons, statements."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected


Progress = Callable[[int], None]


def run_ingest(
    paths: Sequence[str],
    store: Store,
    *,
    overrides: dict | None = None,
    gazetteer_files: Iterable[str] = (),
    analyse: bool = True,
    batch_size: int | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean, store; then (if `analyse`) annotate, extract and update the knowledge base.

    Each document is written with its statements in one transaction, so a crash leaves either the
    whole document or nothing.
    """
    from redlines import ingest

    from redlines import settings

    batch_size = batch_size or int(settings.get("batch_size"))  # type: ignore[arg-type]
    report = IngestReport()
    batch: list[Document] = []
    seen: set[str] = set()
    nlp = gazetteer = extractor = None
    if analyse:
        nlp, gazetteer, extractor = load_stages(gazetteer_files)

    def flush() -> None:
        if not batch:
            return
        statements_by_doc = analyse_documents(batch, nlp, gazetteer, extractor) if analyse else {}
        for doc in batch:
            with store.session() as s:
                if store.add_document(doc, s):
                    report.added.append(doc.id)
                    if analyse:
                        stmts = statements_by_doc.get(doc.id, [])
                        store.replace_statements(doc.id, stmts, s)
                        report.statements += len(stmts)
                else:
                    report.duplicates.append(doc.id)
            if progress:
                progress(1)
        batch.clear()

    for item in ingest.read_inputs(list(paths), overrides or {}):
        if isinstance(item, ingest.Rejection):
            report.rejected.append((item.source, item.reason))
            if progress:
                progress(1)
            continue
        try:
            doc = ingest.build_document(item)
        except InputRejected as exc:
            report.rejected.append((item.source, exc.message))
            if progress:
                progress(1)
            continue
        if doc.id in seen or store.has_document(doc.id):
            report.duplicates.append(doc.id)
            if progress:
                progress(1)
            continue
        seen.add(doc.id)
        batch.append(doc)
        if len(batch) >= batch_size:
            flush()
    flush()
    if analyse:
        # Documents stored by an earlier run that died before merging are merged now (resume).
        from redlines import kb

        pending = kb.unmerged(store, report.duplicates) if report.duplicates else []
        if report.added or pending:
            update_kb(store, report.added + pending)
    return report


def load_stages(gazetteer_files: Iterable[str] = ()):
    """Load the spaCy pipeline, the gazetteers and the extractor once."""
    from redlines import extract, nlp

    gazetteer = nlp.Gazetteer.load(list(gazetteer_files))
    return nlp.load_pipeline(), gazetteer, extract.RuleExtractor(gazetteer)


def analyse_documents(docs: Sequence[Document], nlp, gazetteer, extractor) -> dict[str, list[Statement]]:
    """Language layer + extraction for a batch; pure (no store access)."""
    from redlines import nlp as nlp_stage

    out: dict[str, list[Statement]] = {}
    for parsed in nlp_stage.annotate(list(docs), nlp, gazetteer):
        out[parsed.document.id] = extractor.extract(parsed)
    return out


def update_kb(store: Store, doc_ids: Sequence[str]) -> None:
    """Incrementally merge the new documents' statements into facts and policy states."""
    from redlines import kb

    kb.update(store, list(doc_ids))
