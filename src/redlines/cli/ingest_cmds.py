"""`redlines ingest`, `redlines docs`, `redlines show`: put articles in the store and look at them."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from redlines.cli.common import (
    EXIT_SKIPPED,
    DbOption,
    JsonOption,
    console,
    emit_json,
    err_console,
    handle_errors,
)
from redlines.errors import UsageError
from redlines.model import Document

ENGINES = ("local", "dask")


def document_row(doc: Document) -> dict[str, Any]:
    """The `docs --json` record of a document (LEDGER.md contract)."""
    p = doc.published
    return {
        "id": doc.id,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": p.value.isoformat() if p.value else None,
        "published_how": p.how.value,
        "published_confidence": p.confidence,
        "words_kept": doc.words_kept,
        "words_removed": doc.words_removed,
    }


def _overrides(
    outlet: str | None, published: str | None, title: str | None, url: str | None
) -> dict[str, Any]:
    from redlines.ingest import parse_date

    out: dict[str, Any] = {k: v for k, v in (("outlet", outlet), ("title", title), ("url", url)) if v}
    if published:
        out["published"] = parse_date(published)
    return out


def _use_events(files: list[str]) -> None:
    """Check extra event calendars now (usage error if bad); hand them to ingest and workers by env."""
    import os

    from redlines.ingest.patterns import EVENTS_ENV, load_events

    for f in files:
        if not os.path.isfile(f):
            raise UsageError(f"no such events file {f!r}")
    os.environ[EVENTS_ENV] = os.pathsep.join(os.path.abspath(f) for f in files)
    load_events()


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def register(app: typer.Typer) -> None:
    """Add `ingest`, `docs` and `show`."""

    @app.command()
    @handle_errors
    def ingest(
        paths: Annotated[
            list[str],
            typer.Argument(help="Files or directories (.txt, .html, .json, .jsonl), or - for stdin."),
        ],
        db: DbOption = None,
        outlet: Annotated[
            str | None, typer.Option("--outlet", help="Outlet name (wins over inference).")
        ] = None,
        published: Annotated[
            str | None, typer.Option("--published", help="Publication date YYYY-MM-DD.")
        ] = None,
        title: Annotated[str | None, typer.Option("--title", help="Title (wins over the headline).")] = None,
        url: Annotated[str | None, typer.Option("--url", help="Source URL.")] = None,
        gazetteer: Annotated[
            list[str] | None, typer.Option("--gazetteer", help="Extra gazetteer YAML file.")
        ] = None,
        events: Annotated[
            list[str] | None, typer.Option("--events", help="Extra calendar of dated events (YAML).")
        ] = None,
        no_analyse: Annotated[
            bool, typer.Option("--no-analyse", help="Only clean and store; no nlp/extract.")
        ] = False,
        engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
        scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address.")] = None,
        workers: Annotated[int | None, typer.Option("--workers", help="Dask local workers.")] = None,
        json_out: JsonOption = False,
    ) -> None:
        """Clean articles, infer their metadata and date, store them, and (by default) extract statements."""
        if engine not in ENGINES:
            raise UsageError(f"unknown --engine {engine!r} (use local or dask)")
        overrides = _overrides(outlet, published, title, url)
        if events:
            _use_events(events)
        from redlines.kb.store import Store

        store = Store(db)
        with _progress() as bar:
            task = bar.add_task("ingest", total=None)

            def tick(n: int) -> None:
                bar.advance(task, n)

            if engine == "dask":
                try:
                    from redlines.scale import run_dask_ingest
                except (ImportError, AttributeError) as exc:
                    raise UsageError(f"the dask engine is not available ({exc})") from exc
                report = run_dask_ingest(
                    list(paths),
                    store.url,
                    scheduler=scheduler,
                    workers=workers or 2,
                    overrides=overrides,
                    gazetteer_files=list(gazetteer or []),
                    analyse=not no_analyse,
                    progress=tick,
                )
            else:
                from redlines.pipeline import run_ingest

                report = run_ingest(
                    list(paths),
                    store,
                    overrides=overrides,
                    gazetteer_files=list(gazetteer or []),
                    analyse=not no_analyse,
                    progress=tick,
                )
        for src, reason in report.rejected:
            err_console.print(
                f"[yellow]skipped[/yellow] {escape(src)}: {escape(reason)}", highlight=False, soft_wrap=True
            )
        if json_out:
            emit_json(
                {
                    "store": store.url,
                    "added": report.added,
                    "duplicates": report.duplicates,
                    "skipped": [{"source": s, "reason": r} for s, r in report.rejected],
                    "statements": report.statements,
                }
            )
        else:
            console.print(
                f"added {len(report.added)}, duplicates {len(report.duplicates)}, "
                f"skipped {len(report.rejected)}, statements {report.statements}  ({escape(store.url)})",
                highlight=False,
            )
        if report.rejected:
            raise typer.Exit(EXIT_SKIPPED)

    @app.command()
    @handle_errors
    def docs(db: DbOption = None, json_out: JsonOption = False) -> None:
        """List stored documents: id, outlet, date (how, confidence), title, words kept/removed."""
        from redlines.kb.store import Store

        documents = Store(db).documents()
        if json_out:
            emit_json([document_row(d) for d in documents])
            return
        t = Table(title=f"{len(documents)} document(s)")
        for col in ("#", "id", "outlet", "published", "title", "kept/removed"):
            t.add_column(
                col,
                overflow="ellipsis" if col == "title" else "fold",
                no_wrap=col in ("id", "title"),
                max_width=50 if col == "title" else None,
            )
        for i, d in enumerate(documents, 1):
            p = d.published
            when = f"{p.value or '?'} {p.how.value} {p.confidence:.2f}"
            t.add_row(
                str(i),
                d.id[:10],
                escape(d.outlet or "?"),
                when,
                escape((d.title or "")[:80]),
                f"{d.words_kept}/{d.words_removed}",
            )
        console.print(t)

    @app.command()
    @handle_errors
    def show(
        doc: Annotated[
            str, typer.Argument(help="Document id, id prefix, or row number from `redlines docs`.")
        ],
        removed: Annotated[
            bool, typer.Option("--removed", help="Also list the removed spans and why.")
        ] = False,
        db: DbOption = None,
        json_out: JsonOption = False,
    ) -> None:
        """Print a document's clean text (and with --removed what the cleaner dropped)."""
        from redlines.kb.store import Store

        d = Store(db).get_document(doc)
        if json_out:
            out = {
                **document_row(d),
                "language": d.language,
                "published_rule": d.published.rule,
                "published_earliest": d.published.earliest,
                "published_latest": d.published.latest,
                "source_path": d.source_path,
                "revision_of": d.revision_of,
                "text": d.text,
            }
            if removed:
                out["removed"] = [
                    {"start": r.start, "end": r.end, "reason": r.reason, "text": r.text} for r in d.removed
                ]
            emit_json(out)
            return
        p = d.published
        console.print(f"[bold]{escape(d.title or '(no title)')}[/bold]")
        console.print(
            f"{escape(d.outlet or '?')} · {p.value or '?'} ({p.how.value}, {p.confidence:.2f}) · {d.id}",
            highlight=False,
        )
        if p.rule:
            console.print(f"[dim]{escape(p.rule)}[/dim]")
        console.print()
        console.print(escape(d.text), highlight=False)
        if removed:
            t = Table(title=f"{len(d.removed)} removed span(s)")
            for col in ("start", "end", "reason", "text"):
                t.add_column(col, overflow="fold")
            for r in d.removed:
                t.add_row(str(r.start), str(r.end), escape(r.reason), escape(r.text[:200]))
            console.print(t)
