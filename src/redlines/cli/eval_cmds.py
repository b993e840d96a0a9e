"""`redlines eval GOLD_DIR`: score every stage against a gold set (docs/gold-format.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from redlines.cli.common import JsonOption, console, emit_json, err_console, handle_errors


def register(app: typer.Typer) -> None:
    """Add `eval`."""

    @app.command("eval")
    @handle_errors
    def eval_(
        gold_dir: Annotated[str, typer.Argument(help="Directory of gold YAML files (plus optional asof.yaml).")],
        db: Annotated[str | None, typer.Option(
            "--db", help="Build the evaluation store here and keep it (default: a fresh temporary store)."
        )] = None,
        json_out: JsonOption = False,
        limit: Annotated[int, typer.Option("--limit", help="Failures listed per kind in the tables.")] = 12,
        gazetteer: Annotated[list[str] | None, typer.Option("--gazetteer", help="Extra gazetteer YAML file.")] = None,
        timeout: Annotated[float, typer.Option("--timeout", help="Seconds allowed per document for extraction (0: none).")] = 120.0,
    ) -> None:
        """Ingest a gold set into a fresh store, run all stages and score each (exit 0 when it ran)."""
        from redlines.evaluation.report import render, to_json
        from redlines.evaluation.run import evaluate

        def say(msg: str) -> None:
            err_console.print(f"[dim]{msg}[/dim]", highlight=False)

        result = evaluate(gold_dir, db=db, gazetteer_files=list(gazetteer or []), say=say, timeout=timeout)
        if json_out:
            emit_json(to_json(result))
        else:
            render(result, console, limit=limit)
