"""CLI of the knowledge base and queries: ask, ledger, timeline, contradictions, facts, fact, matrix,
search, export, rebuild (LEDGER.md contract: --json prints one JSON document; exit 2 on bad input)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from redlines.cli.common import DbOption, JsonOption, console, emit_json, err_console, handle_errors
from redlines.errors import UsageError


def _store(db: str | None):
    from redlines.kb.store import Store

    return Store(db)


STATUS_STYLE = {"permitted": "green", "restricted": "red", "not_supplied": "magenta", "contested": "yellow",
                "unknown": "dim"}


def _print_answers(answers) -> None:
    """One line per answer, then its sources, one per line."""
    for a in answers:
        since = f" since {a.since}" if a.since else ""
        style = STATUS_STYLE.get(a.status, "")
        console.print(f"{escape(a.donor)} / {escape(a.weapon)} / {a.zone} on {a.date}: "
                      f"[{style}]{a.status}[/{style}]{since}", highlight=False)
        for f in a.facts:
            console.print(f"  - {escape(f.outlet or '?')}, fact {f.fact_date or '?'}, published {f.published or '?'}: "
                          f"{escape(f.sentence)}", highlight=False, soft_wrap=True)


def ask(
    question: Annotated[str | None, typer.Argument(help="A plain-text question, e.g. \"Can Ukraine use ATACMS "
                                                        "inside Russia as of June 2024?\"")] = None,
    donor: Annotated[str | None, typer.Option(help="Donor (US, Germany, Washington...).")] = None,
    weapon: Annotated[str | None, typer.Option(help="System (HIMARS), class:ID or origin:DONOR.")] = None,
    zone: Annotated[str | None, typer.Option(help="UA_HELD, UA_OCCUPIED, RU_BORDER, RU_DEEP or OTHER.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Status of a donor's weapon in a zone on a date, with the sentences that decided it."""
    from redlines import query

    if question is not None:
        if any(v is not None for v in (donor, weapon, zone)):
            raise UsageError("give either a question or --donor/--weapon/--zone, not both")
        q = query.parse_question(question)
        answers = query.ask_all(_store(db), q.weapon, q.zones, date or q.date, q.donor)
        if json_:
            emit_json([a.to_dict() for a in answers])
            return
        if not answers:
            err_console.print(f"no donor of {escape(q.weapon)} in the store", highlight=False)
        _print_answers(answers)
        return
    missing = [n for n, v in (("--donor", donor), ("--weapon", weapon), ("--zone", zone)) if not v]
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or ask a question in quotes)")
    from redlines.query.resolve import resolve_date, resolve_zone

    resolve_zone(zone)  # type: ignore[arg-type]
    day = resolve_date(date)
    answer = query.ask(_store(db), donor, weapon, zone, day)  # type: ignore[arg-type]
    if json_:
        emit_json(answer.to_dict())
    else:
        _print_answers([answer])


def ledger(
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD (default: everything known).")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Red lines removed and remaining, with who, when and the evidence."""
    from redlines import query
    from redlines.query.resolve import resolve_date

    day = resolve_date(as_of) if as_of else None
    result = query.ledger(_store(db), day)
    if json_:
        emit_json(result.to_dict())
        return
    print_ledger(result)


def print_ledger(result) -> None:
    """The red lines removed and remaining, as two tables."""
    for title, lines in (("Red lines removed", result.removed), ("Red lines remaining", result.remaining)):
        t = Table("topic", "donor", "weapon", "zone", "status", "drawn", "removed", "sources", title=title)
        for r in lines:
            outlets = ", ".join(sorted({f.outlet or "?" for f in r.evidence}))
            t.add_row(escape(r.topic), escape(r.donor), escape(r.weapon), r.zone, r.status, str(r.drawn or ""),
                      str(r.removed or ""), escape(outlets))
        console.print(t)


def timeline(
    donor: Annotated[str | None, typer.Option(help="Only this donor/actor.")] = None,
    weapon: Annotated[str | None, typer.Option(help="Only this weapon.")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Facts in chronological order with their sources."""
    from redlines import query

    entries = query.timeline(_store(db), donor, weapon)
    if json_:
        emit_json([e.to_dict() for e in entries])
        return
    t = Table("date", "fact", "type", "summary", "modality", "outlets")
    for e in entries:
        t.add_row(str(e.date or "?"), e.fact_id, e.type, escape(e.summary), e.modality,
                  escape(", ".join(sorted({s.outlet or "?" for s in e.sources}))))
    console.print(t)


def contradictions(db: DbOption = None, json_: JsonOption = False) -> None:
    """Facts whose sources disagree (date, quantity, money, status), with both sides."""
    from redlines import query

    items = query.contradictions(_store(db))
    if json_:
        emit_json([c.to_dict() for c in items])
        return
    t = Table("id", "field", "values", "facts", "sources")
    for c in items:
        srcs = "\n".join(escape(f"{s.outlet or '?'}: {s.sentence[:100]}") for s in c.sources)
        t.add_row(c.id, c.field, escape(", ".join(map(str, c.values))), ", ".join(c.fact_ids), srcs)
    console.print(t)


def facts(
    type_: Annotated[str | None, typer.Option("--type", help="Only this statement type.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Merged facts with their corroboration (distinct outlets)."""
    from redlines import query

    items = query.facts(_store(db), type_, limit)
    if json_:
        emit_json([f.to_dict() for f in items])
        return
    t = Table("id", "date", "type", "actor", "action", "weapon", "zones", "modality", "outlets")
    for f in items:
        t.add_row(f.id, str(f.date_start or "?"), f.type, escape(f.actor or ""),
                  ("not " if not f.polarity else "") + (f.action or ""), escape(f.weapon or ""), "+".join(f.zones),
                  f.modality, str(f.corroboration))
    console.print(t)


def fact(fact_id: Annotated[str, typer.Argument(help="Fact id (or a unique prefix).")], db: DbOption = None,
         json_: JsonOption = False) -> None:
    """One fact with all its evidence and contradictions."""
    from redlines import query

    f = query.fact(_store(db), fact_id)
    if json_:
        emit_json(f.to_dict())
        return
    console.print(f"[bold]{f.id}[/bold] {escape(f.type)} {escape(f.actor or '')} {escape(f.action or '')} "
                  f"{escape(f.weapon or '')} {'+'.join(f.zones)} {f.date_start or '?'} ({f.modality})")
    for s in f.evidence:
        console.print(f"  {escape(s.outlet or '?')} {s.published or ''}: {escape(s.sentence)}", highlight=False)
    for c in f.contradictions:
        console.print(f"  [red]contradiction[/red] {c.field}: {escape(', '.join(map(str, c.values)))}")


def matrix(
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD (default today).")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Donors x weapons x zones -> status as of a date."""
    from redlines import query
    from redlines.query.resolve import resolve_date

    m = query.matrix(_store(db), resolve_date(as_of))
    if json_:
        emit_json(m.to_dict())
        return
    t = Table("donor", "weapon", *m.zones, title=f"as of {m.as_of}")
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for c in m.cells:
        rows.setdefault((c.donor, c.weapon), {})[c.zone] = c.status
    for (d, w), z in rows.items():
        t.add_row(escape(d), escape(w), *(z.get(zone, "") for zone in m.zones))
    console.print(t)


def search(
    q: Annotated[str, typer.Argument(help="Text to find in documents and statements.")],
    limit: Annotated[int, typer.Option(help="At most this many hits of each kind.")] = 20,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Full-text search over documents and statements."""
    from redlines import query

    hits = query.search(_store(db), q, limit)
    if json_:
        emit_json([h.to_dict() for h in hits])
        return
    t = Table("kind", "document", "outlet", "published", "snippet")
    for h in hits:
        t.add_row(h.kind, h.document_id[:12], escape(h.outlet or ""), str(h.published or ""), escape(h.snippet))
    console.print(t)


def export(
    format_: Annotated[str, typer.Option("--format", help="json, csv or parquet.")] = "json",
    out: Annotated[Path, typer.Option("--out", help="Directory for the files.")] = Path("export"),
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write facts, evidence, policy states and contradictions as files pandas can read."""
    from redlines import query

    paths = query.export(_store(db), format_, out)
    if json_:
        emit_json({"format": format_, "files": [str(p) for p in paths]})
    else:
        for p in paths:
            console.print(escape(str(p)), highlight=False)


def rebuild(db: DbOption = None, json_: JsonOption = False) -> None:
    """Recompute all facts, policy states and contradictions from the stored statements."""
    from redlines import kb

    err_console.print("rebuilding the knowledge base...", highlight=False)
    counts = kb.rebuild(_store(db))
    if json_:
        emit_json(counts)
    else:
        console.print(f"{counts['statements']} statements -> {counts['facts']} facts")


COMMANDS = (ask, ledger, timeline, contradictions, facts, fact, matrix, search, export, rebuild)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    for cmd in COMMANDS:
        app.command(cmd.__name__)(handle_errors(cmd))
