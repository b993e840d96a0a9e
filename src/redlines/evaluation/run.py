"""Run every stage on a gold set in a fresh store and score each stage (the I/O edge of evaluation)."""

from __future__ import annotations

import inspect
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redlines.errors import RedlinesError
from redlines.evaluation.gold import AsofQuestion, GoldDoc, GoldSet, load_gold_dir
from redlines.evaluation.score import PublishedScore, Tally, score_cleaning, score_dates, score_entities, score_published
from redlines.evaluation.statements import StatementScore, score_statements
from redlines.kb.store import Store
from redlines.model import Document, ParsedDocument, Statement

Say = Callable[[str], None]
STAGES = ("cleaning", "published", "entities", "dates", "statements", "quotes", "asof")


@dataclass(slots=True)
class StageResult:
    """One stage's score: `metrics` rows share their keys; `failures` lists what went wrong."""

    name: str
    status: str = "ok"  # ok | not available | error
    note: str = ""
    metrics: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(slots=True)
class EvalResult:
    gold_dir: str
    documents: int
    stages: dict[str, StageResult]
    summary: dict[str, float | None]
    per_document: list[dict[str, Any]]
    rejected: list[dict[str, str]] = field(default_factory=list)


class StageUnavailable(Exception):
    """A stage the evaluation needs is not built (yet)."""


def _rate_row(metric: str, t: Tally) -> dict[str, Any]:
    return {"metric": metric, "value": t.rate, "n": f"{t.hits}/{t.total}"}


def _materialise(doc: GoldDoc, tmp: Path) -> Path:
    """The input file of a gold article (inline text/HTML written to a temp file)."""
    if doc.input_path is not None:
        return doc.input_path
    suffix, body = (".html", doc.html) if doc.html is not None else (".txt", doc.text)
    path = tmp / f"{doc.name}{suffix}"
    path.write_text(body or "", encoding="utf-8")
    return path


def _ingest(gold: GoldSet, store: Store, tmp: Path, say: Say) -> tuple[dict[str, Document], list[dict[str, str]]]:
    """Clean and store every gold article with its own `given` metadata; returns docs by gold name."""
    try:
        from redlines import ingest  # noqa: F401
        from redlines.pipeline import run_ingest
        if not hasattr(ingest, "read_inputs") or not hasattr(ingest, "build_document"):
            raise StageUnavailable("redlines.ingest has no read_inputs/build_document yet")
    except ImportError as exc:
        raise StageUnavailable(f"ingest not importable: {exc}") from None
    docs: dict[str, Document] = {}
    rejected = []
    for gd in gold.docs:
        path = _materialise(gd, tmp)
        report = run_ingest([str(path)], store, overrides=dict(gd.given), analyse=False)
        ids = report.added + report.duplicates
        if not ids:
            reason = report.rejected[0][1] if report.rejected else "nothing ingested"
            rejected.append({"doc": gd.name, "reason": reason})
            say(f"rejected {gd.name}: {reason}")
            continue
        docs[gd.name] = store.get_document(ids[0])
    return docs, rejected


def _analyse(docs: list[Document], gazetteer_files: list[str], say: Say,
             timeout: float = 0.0) -> tuple[list[ParsedDocument], Any]:
    try:
        from redlines import nlp as nlp_stage
        gaz = nlp_stage.Gazetteer.load(list(gazetteer_files))
        pipe = nlp_stage.load_pipeline()
    except (ImportError, AttributeError, NotImplementedError) as exc:
        raise StageUnavailable(f"nlp stage not available: {exc}") from None
    say("annotating...")
    with time_limit(timeout, "annotating the gold set"):
        return list(nlp_stage.annotate(docs, pipe, gaz)), gaz


class StageTimeout(Exception):
    """A stage took longer than the evaluation allows for one document."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise StageTimeout after `seconds` (main thread only; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(_sig: int, _frame: Any) -> None:
        raise StageTimeout(f"{what} took more than {seconds:g}s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _extract(parsed: list[ParsedDocument], gaz: Any, names: dict[str, str] | None = None,
             timeout: float = 0.0, timings: dict[str, float] | None = None) -> dict[str, list[Statement]]:
    """Statements per document id; a document over the time limit fails the stage with its name."""
    try:
        from redlines import extract
        extractor = extract.RuleExtractor(gaz)
    except (ImportError, AttributeError, NotImplementedError) as exc:
        raise StageUnavailable(f"extract stage not available: {exc}") from None
    out = {}
    for p in parsed:
        name = (names or {}).get(p.document.id, p.document.id)
        t0 = time.perf_counter()
        with time_limit(timeout, f"extracting {name}"):
            out[p.document.id] = list(extractor.extract(p))
        if timings is not None:
            timings[name] = time.perf_counter() - t0
    return out


def _ask(store: Store, q: AsofQuestion) -> str:
    """Status from `redlines.query.ask`, whatever its exact calling convention."""
    from redlines import query

    ask = getattr(query, "ask", None)
    if ask is None:
        raise StageUnavailable("redlines.query.ask not available")
    params = inspect.signature(ask).parameters
    kwargs = {"donor": q.donor, "weapon": q.weapon, "zone": q.zone}
    kwargs["date" if "date" in params else ("as_of" if "as_of" in params else "on")] = q.date
    answer = ask(store, **kwargs)
    status = answer.get("status") if isinstance(answer, dict) else getattr(answer, "status", None)
    return getattr(status, "value", status) or "unknown"


def _guard(result: StageResult, func: Callable[[], Any]) -> Any:
    """Run a stage step; a missing stage or an unexpected error becomes the stage's status."""
    t0 = time.perf_counter()
    try:
        return func()
    except StageUnavailable as exc:
        result.status, result.note = "not available", str(exc)
    except (RedlinesError, Exception) as exc:  # noqa: BLE001 - an evaluation reports, it does not crash
        result.status, result.note = "error", f"{type(exc).__name__}: {exc}"
    finally:
        result.seconds += time.perf_counter() - t0
    return None


def _unavailable(stages: dict[str, StageResult], names: tuple[str, ...], note: str) -> None:
    for n in names:
        if stages[n].status == "ok" and not stages[n].metrics:
            stages[n].status, stages[n].note = "not available", note


def evaluate(gold_dir: str | Path, *, db: str | None = None, gazetteer_files: list[str] | None = None,
             say: Say | None = None, timeout: float = 120.0) -> EvalResult:
    """Ingest the gold set into a fresh store (temporary unless `db`), run all stages, score them."""
    say = say or (lambda _m: None)
    gold = load_gold_dir(gold_dir)
    stages = {n: StageResult(n) for n in STAGES}
    with tempfile.TemporaryDirectory(prefix="gold-eval-") as tmpdir:
        tmp = Path(tmpdir)
        store = Store(db or f"sqlite:///{tmp / 'eval.sqlite'}")
        say(f"ingesting {len(gold.docs)} gold articles...")
        got = _guard(stages["cleaning"], lambda: _ingest(gold, store, tmp, say))
        docs, rejected = got if got else ({}, [])
        if got is None:
            _unavailable(stages, STAGES, stages["cleaning"].note)
            stages["published"].status = stages["cleaning"].status
        per_doc = {g.name: {"doc": g.name, "ingested": g.name in docs} for g in gold.docs}
        _score_documents(gold, docs, stages)
        analysed = _guard(stages["entities"], lambda: _analyse(list(docs.values()), gazetteer_files or [], say,
                                                               timeout * max(len(docs), 1) + 120)) if docs else None
        predicted: dict[str, list[Statement]] | None = None
        if analysed is not None:
            parsed, gaz = analysed
            stages["dates"].seconds = stages["entities"].seconds
            _score_language(gold, docs, parsed, stages, per_doc)
            say("extracting...")
            names = {d.id: n for n, d in docs.items()}
            timings: dict[str, float] = {}
            predicted = _guard(stages["statements"], lambda: _extract(parsed, gaz, names, timeout, timings))
            for name, secs in timings.items():
                per_doc[name]["extract_seconds"] = round(secs, 3)
        else:
            _unavailable(stages, ("entities", "dates", "statements", "quotes", "asof"),
                         stages["entities"].note or "no document ingested")
        if predicted is not None:
            _score_statements(gold, docs, predicted, stages, per_doc)
            _guard(stages["asof"], lambda: _store_and_ask(gold, docs, predicted, store, stages["asof"], say))
        else:
            _unavailable(stages, ("statements", "quotes", "asof"), stages["statements"].note or "no statements")
        store.engine.dispose()
    return EvalResult(str(gold_dir), len(gold.docs), stages, _summary(stages), list(per_doc.values()), rejected)


def _score_documents(gold: GoldSet, docs: dict[str, Document], stages: dict[str, StageResult]) -> None:
    kept, removed, pub = Tally(), Tally(), PublishedScore()
    for g in gold.docs:
        doc = docs.get(g.name)
        if doc is None:
            continue
        k, r = score_cleaning(g, doc)
        kept.merge(k)
        removed.merge(r)
        pub.merge(score_published(g, doc))
    if stages["cleaning"].status == "ok":
        stages["cleaning"].metrics = [_rate_row("body words kept (must_keep found)", kept),
                                      _rate_row("junk removed (must_remove absent)", removed)]
        stages["cleaning"].failures = {"cleaning errors": kept.failures + removed.failures}
        p = stages["published"]
        p.metrics = [_rate_row("exact day (or inside gold range)", pub.exact),
                     {"metric": "mean absolute error (days)", "value": pub.mae_days,
                      "n": f"{len(pub.errors)} dated, {pub.missing} undated"},
                     _rate_row("published_how correct", pub.how),
                     _rate_row("outlet correct", pub.outlet),
                     _rate_row("title contains", pub.title)]
        p.failures = {"wrong dates": pub.exact.failures, "wrong how": pub.how.failures,
                      "wrong outlet/title": pub.outlet.failures + pub.title.failures}


def _score_language(gold: GoldSet, docs: dict[str, Document], parsed: list[ParsedDocument],
                    stages: dict[str, StageResult], per_doc: dict[str, dict[str, Any]]) -> None:
    by_id = {p.document.id: p for p in parsed}
    ents, dates, precs = Tally(), Tally(), Tally()
    for g in gold.docs:
        doc = docs.get(g.name)
        p = by_id.get(doc.id) if doc else None
        if p is None:
            continue
        ents.merge(score_entities(g, p.document.text, p.mentions))
        d, pr = score_dates(g, p.document.text, p.timexes)
        dates.merge(d)
        precs.merge(pr)
        per_doc[g.name].update(mentions=len(p.mentions), timexes=len(p.timexes), sentences=len(p.sentences))
    stages["entities"].metrics = [_rate_row("entity linking accuracy", ents)]
    stages["entities"].failures = {"entity errors": ents.failures}
    stages["dates"].metrics = [_rate_row("date resolution accuracy (start/end)", dates),
                               _rate_row("precision right (of resolved)", precs)]
    stages["dates"].failures = {"date errors": dates.failures}


def _score_statements(gold: GoldSet, docs: dict[str, Document], predicted: dict[str, list[Statement]],
                      stages: dict[str, StageResult], per_doc: dict[str, dict[str, Any]]) -> None:
    total = StatementScore()
    for g in gold.docs:
        doc = docs.get(g.name)
        if doc is None:
            continue
        preds = predicted.get(doc.id, [])
        one = score_statements(g, preds, doc.text)
        total.merge(one)
        f1 = one.micro["f1"]
        per_doc[g.name].update(gold_statements=len(g.statements), predicted_statements=len(preds),
                               matched=sum(c.tp for c in one.by_type.values()),
                               f1=round(f1, 3) if f1 is not None else None)
    rows = []
    for stype in sorted(total.by_type):
        c = total.by_type[stype]
        rows.append({"type": stype, **c.scores(), "tp": c.tp, "fp": c.fp, "fn": c.fn})
    m = total.micro
    tp, fp, fn = (sum(getattr(c, k) for c in total.by_type.values()) for k in ("tp", "fp", "fn"))
    rows.append({"type": "micro-average", **m, "tp": tp, "fp": fp, "fn": fn})
    s = stages["statements"]
    s.metrics, s.failures = rows, {"misses": total.misses, "false alarms": total.false_alarms}
    q = stages["quotes"]
    q.metrics = [_rate_row("quote-speaker accuracy (gold quotes matched by sentence)", total.speakers)]
    q.failures = {"wrong speakers": total.speakers.failures}


def _store_and_ask(gold: GoldSet, docs: dict[str, Document], predicted: dict[str, list[Statement]],
                   store: Store, result: StageResult, say: Say) -> None:
    """Write the statements, update the knowledge base, then ask the as-of questions."""
    from redlines.pipeline import update_kb

    if not gold.questions:
        result.status, result.note = "not available", "no asof.yaml in the gold set"
        return
    say("updating the knowledge base and asking the as-of questions...")
    for doc in docs.values():
        store.replace_statements(doc.id, predicted.get(doc.id, []))
    update_kb(store, [d.id for d in docs.values()])
    tally = Tally()
    for q in gold.questions:
        got = _ask(store, q)
        tally.add(got == q.status, {"question": f"{q.donor} / {q.weapon} / {q.zone} / {q.date}",
                                    "gold": q.status, "predicted": got})
    result.metrics = [_rate_row("as-of answer accuracy", tally)]
    result.failures = {"wrong answers": tally.failures}


def _summary(stages: dict[str, StageResult]) -> dict[str, float | None]:
    """The headline figure of each stage (None when not available)."""

    def first(stage: str, i: int = 0, key: str = "value") -> float | None:
        s = stages[stage]
        return s.metrics[i].get(key) if s.status == "ok" and len(s.metrics) > i else None

    micro = next((r for r in stages["statements"].metrics if r.get("type") == "micro-average"), {})
    return {
        "cleaning_kept": first("cleaning", 0), "cleaning_removed": first("cleaning", 1),
        "published_exact": first("published", 0), "published_mae_days": first("published", 1),
        "published_how": first("published", 2), "entity_accuracy": first("entities"),
        "date_accuracy": first("dates"), "statements_precision": micro.get("precision"),
        "statements_recall": micro.get("recall"), "statements_f1": micro.get("f1"),
        "quote_speaker_accuracy": first("quotes"), "asof_accuracy": first("asof"),
    }
