"""Shared CLI plumbing: options, JSON output, error-to-exit-code mapping (LEDGER.md contract)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from redlines.errors import InputRejected, NotFound, RedlinesError, StoreError, UsageError
from redlines.jsonable import to_jsonable  # noqa: F401  (re-exported)

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # never wrap a path or reason mid-word

DbOption = Annotated[str | None, typer.Option("--db", help="Store path or SQLAlchemy URL (env REDLINES_DB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print exactly one JSON document on stdout.")]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def emit_json(obj: Any) -> None:
    """Exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn redlines errors into one clear line on stderr and the contract's exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (UsageError, NotFound) as exc:
            err_console.print(f"[red]error[/red] {exc.code}: {exc.message}", highlight=False, markup=True)
            raise typer.Exit(EXIT_USAGE) from None
        except InputRejected as exc:
            err_console.print(f"[yellow]skipped[/yellow] {exc.code}: {exc.message}", highlight=False)
            raise typer.Exit(EXIT_SKIPPED) from None
        except (StoreError, RedlinesError) as exc:
            err_console.print(f"[red]error[/red] {exc.code}: {exc.message}", highlight=False)
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper  # type: ignore[return-value]
