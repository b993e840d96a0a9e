"""`redlines demo`: the main job of `make run` — ingest the bundled sample corpus and show every stage."""

from __future__ import annotations

from collections import Counter
from contextlib import nullcontext
from datetime import date
from importlib import resources
from typing import Annotated

import typer
from rich.table import Table

from redlines.cli.common import DbOption, JsonOption, console, emit_json, err_console, handle_errors


def sample_dir() -> str:
    """Directory of the sample corpus shipped inside the package."""
    return str(resources.files("redlines") / "data" / "sample")


def register(app: typer.Typer) -> None:
    """Add `demo`."""

    @app.command()
    @handle_errors
    def demo(
        db: DbOption = None,
        as_of: Annotated[str, typer.Option("--as-of", help="Ledger date (YYYY-MM-DD).")] = "2024-12-31",
        json_out: JsonOption = False,
    ) -> None:
        """Ingest the bundled sample corpus into the store and print what each stage found."""
        from redlines import pipeline, query
        from redlines.kb.store import Store

        store = Store(db)
        with console.status("ingesting the sample corpus…") if not json_out else nullcontext():
            report = pipeline.run_ingest([sample_dir()], store)
        docs = store.documents()
        statements = store.statements()
        by_type = Counter(s.type.value for s in statements)
        ledger = query.ledger(store, date.fromisoformat(as_of))
        result = {
            "store": store.url,
            "added": len(report.added),
            "duplicates": len(report.duplicates),
            "rejected": [{"source": s, "reason": r} for s, r in report.rejected],
            "documents": [
                {"id": d.id[:12], "outlet": d.outlet, "published": d.published.value,
                 "published_how": d.published.how.value, "title": d.title}
                for d in docs
            ],
            "statements": dict(sorted(by_type.items())),
            "ledger": ledger.to_dict(),
        }
        if json_out:
            emit_json(result)
            return
        for src, reason in report.rejected:
            err_console.print(f"skipped {src}: {reason}", markup=False, highlight=False)
        t = Table(title=f"Documents in {store.url}")
        for col in ("id", "outlet", "published", "how", "title"):
            t.add_column(col)
        for d in result["documents"]:
            t.add_row(d["id"], d["outlet"] or "?", str(d["published"] or "?"), d["published_how"], d["title"] or "")
        console.print(t)
        t = Table(title="Statements by type")
        t.add_column("type")
        t.add_column("count", justify="right")
        for k, v in result["statements"].items():
            t.add_row(k, str(v))
        console.print(t)
        from redlines.cli.kb_cmds import print_ledger

        print_ledger(ledger)
        console.print(
            "Try: redlines ask --donor 'United States' --weapon ATACMS --zone RU_BORDER --date 2024-12-01"
            + (f" --db {db}" if db else ""),
            markup=False,
        )

