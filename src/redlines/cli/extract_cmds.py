"""`redlines statements DOC`: the typed statements of one stored document (stored, or re-extracted)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from redlines.cli.common import DbOption, JsonOption, console, emit_json, err_console, handle_errors
from redlines.errors import UsageError
from redlines.model import Statement, StatementType

TYPES = tuple(t.value for t in StatementType)


def _weapon(st: Statement) -> str:
    return str(st.weapon) if st.weapon else ""


def _date(st: Statement) -> str:
    v = st.valid
    if v.start is None:
        return ""
    text = v.start.isoformat() if v.start == v.end or v.end is None else f"{v.start}..{v.end}"
    return f"{text} ({v.precision.value})"


def _who(st: Statement) -> str:
    return " / ".join(x for x in (st.actor, st.speaker) if x)


def _detail(st: Statement) -> str:
    if st.type == StatementType.QUOTE:
        return f"“{st.quote or ''}”"
    parts = [st.evidence.sentence]
    if st.money:
        parts.append(f"[{st.money.text}]")
    return " ".join(parts)


def render_statements(statements: list[Statement], title: str) -> Table:
    """A Rich table of statements; article text is shown as plain Text (no markup interpreted)."""
    table = Table(title=title, show_lines=True)
    for col in ("#", "type", "actor", "action", "weapon", "zones", "date", "modality", "conf"):
        # identifiers are never folded mid-word (a reader greps for "use_permission")
        table.add_column(col, overflow="fold", no_wrap=col in ("#", "type", "action", "conf"))
    table.add_column("evidence", overflow="fold", ratio=3, min_width=30)
    for i, st in enumerate(statements):
        action = (st.action or "") + ("" if st.polarity else " (negated)")
        table.add_row(
            str(i), st.type.value, Text(_who(st)), Text(action), Text(_weapon(st)),
            ",".join(z.value for z in st.zones), _date(st), st.modality.value, f"{st.confidence:.2f}",
            Text(_detail(st)),
        )
    return table


def register(app: typer.Typer) -> None:
    """Add `statements`."""

    @app.command("statements")
    @handle_errors
    def statements(
        doc: Annotated[str, typer.Argument(help="Document id, unique id prefix, or row number (see `redlines docs`).")],
        db: DbOption = None,
        type_: Annotated[str | None, typer.Option("--type", help=f"Only this statement type: {', '.join(TYPES)}.")] = None,
        rerun: Annotated[bool, typer.Option("--rerun", help="Extract again even when statements are stored.")] = False,
        json_: JsonOption = False,
    ) -> None:
        """Show the typed statements of one document: type, actor, action, weapon, zones, date, evidence."""
        from redlines.kb.store import Store

        if type_ is not None and type_ not in TYPES:
            raise UsageError(f"unknown statement type {type_!r}; expected one of {', '.join(TYPES)}")
        store = Store(db)
        document = store.get_document(doc)
        found = [] if rerun else store.statements(document.id)
        source = "stored"
        if not found:
            from redlines import extract, nlp

            err_console.print("extracting statements...", highlight=False)
            gazetteer = nlp.Gazetteer.load([])
            parsed = next(iter(nlp.annotate([document], nlp.load_pipeline(), gazetteer)))
            found = extract.RuleExtractor(gazetteer).extract(parsed)
            source = "extracted"
        if type_:
            found = [s for s in found if s.type.value == type_]
        if json_:
            emit_json({"document_id": document.id, "source": source, "statements": found})
            return
        title = f"{document.title or document.id[:12]} — {len(found)} statements ({source})"
        console.print(render_statements(found, title))
