"""Render an evaluation: one Rich table per stage with its failures (truncated), or one JSON document."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from redlines.evaluation.run import EvalResult, StageResult

MAX_FAILURES = 12
STAGE_TITLES = {
    "cleaning": "Cleaning", "published": "Publication date and metadata", "entities": "Entity linking",
    "dates": "Date resolution", "statements": "Statements (P/R/F1 per type)", "quotes": "Quote speakers",
    "asof": "As-of answers",
}


def to_json(result: EvalResult, *, max_failures: int | None = None) -> dict[str, Any]:
    """A JSON-ready dict of the whole evaluation (failures truncated only if `max_failures`)."""
    data = asdict(result)
    if max_failures is not None:
        for stage in data["stages"].values():
            stage["failures"] = {k: v[:max_failures] for k, v in stage["failures"].items()}
    return data


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_fmt(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, (list, tuple)):
        return ", ".join(_fmt(v) for v in value)
    return str(value)


def stage_table(stage: StageResult) -> Table:
    """The metrics of one stage as a table (its status when it did not run)."""
    title = f"{STAGE_TITLES.get(stage.name, stage.name)}  [dim]({stage.seconds:.1f}s)[/dim]"
    table = Table(title=title, title_justify="left", show_lines=False)
    if stage.status != "ok" or not stage.metrics:
        table.add_column("status")
        table.add_column("note")
        table.add_row(stage.status if stage.status != "ok" else "no gold", escape(stage.note or "nothing to score"))
        return table
    keys = list(stage.metrics[0])
    for k in keys:
        table.add_column(k, justify="left" if k in ("metric", "type") else "right")
    for row in stage.metrics:
        table.add_row(*(escape(_fmt(row.get(k))) for k in keys), style="bold" if row.get("type") == "micro-average" else None)
    return table


def failure_table(title: str, items: list[dict[str, Any]], limit: int = MAX_FAILURES) -> Table:
    """A list of failures (misses, false alarms, wrong answers), first `limit` shown."""
    more = f" (first {limit} of {len(items)})" if len(items) > limit else f" ({len(items)})"
    table = Table(title=f"  {title}{more}", title_justify="left", show_header=True, expand=False)
    keys: list[str] = []
    for it in items[:limit]:
        keys.extend(k for k in it if k not in keys)
    for k in keys:
        table.add_column(k, overflow="fold", max_width=60 if k in ("sentence", "gold", "closest", "predicted") else 30)
    for it in items[:limit]:
        table.add_row(*(escape(_fmt(it.get(k))) for k in keys))
    return table


def render(result: EvalResult, console: Console, *, limit: int = MAX_FAILURES) -> None:
    """Print every stage's table and its failures, then the headline summary."""
    console.print(f"[bold]Evaluation of {escape(result.gold_dir)}[/bold]: {result.documents} gold articles")
    for r in result.rejected:
        console.print(f"[yellow]rejected[/yellow] {escape(r['doc'])}: {escape(r['reason'])}")
    for stage in result.stages.values():
        if stage.status != "ok":
            title = STAGE_TITLES.get(stage.name, stage.name)
            console.print(f"[bold]{escape(title)}[/bold]: [yellow]{stage.status}[/yellow] - {escape(stage.note)}")
            continue
        console.print(stage_table(stage))
        for name, items in stage.failures.items():
            if items:
                console.print(failure_table(name, items, limit))
    if any("gold_statements" in d for d in result.per_document):
        keys = ["doc", "gold_statements", "predicted_statements", "matched", "f1"]
        console.print(failure_table("per document", [{k: d.get(k) for k in keys} for d in result.per_document],
                                    limit=len(result.per_document)))
    summary = Table(title="Summary", title_justify="left")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for k, v in result.summary.items():
        summary.add_row(k, _fmt(v) if v is not None else "n/a")
    console.print(summary)
