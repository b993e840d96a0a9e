"""Operations commands: `redlines check` verifies the store's integrity."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from redlines import settings
from redlines.cli.common import EXIT_OK, EXIT_SKIPPED, DbOption, JsonOption, console, emit_json, handle_errors
from redlines.errors import NotFound, UsageError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("check")(check)


@handle_errors
def check(
    db: DbOption = None,
    json_: JsonOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Evidence offsets must span the whole sentence.")] = False,
) -> None:
    """Verify references, offsets, evidence text, content-hash ids and orphan facts; exit 1 on problems."""
    from redlines.kb.check import check_store
    from redlines.kb.store import Store

    url = _existing_store_url(db)
    report = check_store(Store(url, create=False), strict=strict)
    if json_:
        emit_json(report.to_dict())
    else:
        _print(report)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SKIPPED)


def _existing_store_url(db: str | None) -> str:
    """The store URL; a SQLite file that does not exist is an error, not a new empty store."""
    url = settings.to_db_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UsageError(f"bad --db value {db!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not Path(parsed.database).is_file():
            raise NotFound(f"no store at {parsed.database}")
    return url


def _print(report) -> None:
    counts = ", ".join(f"{name} {n}" for name, n in sorted(report.tables.items()))
    console.print(f"store {report.url}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"tables: {counts}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"checks: {', '.join(report.checks)}", highlight=False, markup=False, soft_wrap=True)
    if report.ok:
        console.print("consistent: no problems found", highlight=False, markup=False, soft_wrap=True)
        return
    console.print(f"{len(report.problems)} problem(s){' (truncated)' if report.truncated else ''}:",
                  highlight=False, markup=False, soft_wrap=True)
    for p in report.problems:
        console.print(f"  {p.kind}  {p.table}#{p.row}  {p.detail}", highlight=False, markup=False, soft_wrap=True)
