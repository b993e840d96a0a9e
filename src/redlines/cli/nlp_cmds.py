"""`redlines entities` and `redlines dates`: the language layer of one stored document."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from redlines.cli.common import DbOption, JsonOption, console, emit_json, err_console, handle_errors
from redlines.errors import RedlinesError
from redlines.model import Mention, Timex

ATTR_KEYS = ("role", "state", "org", "via", "form", "zones", "cls", "range_km", "maker", "origin")


def mention_row(m: Mention) -> dict[str, Any]:
    """The JSON record of a mention."""
    return {
        "text": m.text,
        "label": m.label,
        "canonical": m.canonical,
        "start": m.start_char,
        "end": m.end_char,
        "attrs": m.attrs,
    }


def timex_row(t: Timex) -> dict[str, Any]:
    """The JSON record of a time expression."""
    iv = t.interval
    return {
        "text": t.text,
        "start_char": t.start_char,
        "end_char": t.end_char,
        "start": iv.start.isoformat() if iv.start else None,
        "end": iv.end.isoformat() if iv.end else None,
        "precision": iv.precision.value,
        "rule": t.rule,
        "anchor": t.anchor,
    }


def _attrs_text(attrs: dict[str, Any]) -> str:
    parts = []
    for k in ATTR_KEYS:
        v = attrs.get(k)
        if v not in (None, "", []):
            parts.append(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}")
    return " ".join(parts)


def register(app: typer.Typer) -> None:
    """Add `entities` and `dates`."""

    @app.command()
    @handle_errors
    def entities(
        doc: Annotated[
            str, typer.Argument(help="Document id, unique id prefix, or row number from `redlines docs`.")
        ],
        db: DbOption = None,
        gazetteer: Annotated[
            list[str] | None, typer.Option("--gazetteer", help="Extra gazetteer YAML file (repeatable).")
        ] = None,
        json_out: JsonOption = False,
    ) -> None:
        """Show the resolved entity mentions of a stored document."""
        from redlines.kb.store import Store
        from redlines.nlp import Gazetteer, annotate, load_pipeline

        gaz = Gazetteer.load(list(gazetteer or []))
        document = Store(db).get_document(doc)
        if not json_out:
            err_console.print("[dim]annotating...[/dim]", highlight=False)
        parsed = next(annotate([document], load_pipeline(), gaz))
        if json_out:
            emit_json({"document_id": document.id, "mentions": [mention_row(m) for m in parsed.mentions]})
            return
        table = Table(title=f"Entities of {document.id[:12]} ({len(parsed.mentions)} mentions)")
        for col in ("text", "label", "canonical", "attributes"):
            table.add_column(col)
        for m in parsed.mentions:
            table.add_row(escape(m.text), m.label, escape(m.canonical or ""), escape(_attrs_text(m.attrs)))
        console.print(table)

    @app.command()
    @handle_errors
    def dates(
        doc: Annotated[
            str, typer.Argument(help="Document id, unique id prefix, or row number from `redlines docs`.")
        ],
        db: DbOption = None,
        json_out: JsonOption = False,
    ) -> None:
        """Show the time expressions of a stored document and the intervals they resolve to."""
        from redlines.kb.store import Store

        try:
            from redlines.nlp.dates import find_timexes
        except (ImportError, AttributeError) as exc:
            raise RedlinesError(f"time expressions are not available ({exc.__class__.__name__})") from None
        document = Store(db).get_document(doc)
        timexes = find_timexes(document.text, document.published.value)
        if json_out:
            emit_json(
                {
                    "document_id": document.id,
                    "published": document.published.value.isoformat() if document.published.value else None,
                    "timexes": [timex_row(t) for t in timexes],
                }
            )
            return
        table = Table(
            title=f"Dates of {document.id[:12]} (published {document.published.value or 'unknown'})"
        )
        for col in ("text", "start", "end", "precision", "rule"):
            table.add_column(col)
        for t in timexes:
            r = timex_row(t)
            table.add_row(escape(t.text), r["start"] or "", r["end"] or "", r["precision"], escape(t.rule))
        console.print(table)
