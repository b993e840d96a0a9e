"""Export facts, evidence, policy states and contradictions as JSON, CSV or Parquet (pandas-readable)."""

from __future__ import annotations

import json
from pathlib import Path

from redlines.errors import StoreError, UsageError
from redlines.kb.store import Store

FORMATS = ("json", "csv", "parquet")
TABLES = {"facts": "facts", "evidence": "fact_evidence", "states": "policy_states", "contradictions": "contradictions"}


def export(store: Store, fmt: str, out_dir: str | Path) -> list[Path]:
    """Write one file per table (facts, evidence, states, contradictions) into out_dir; return paths."""
    import pandas as pd

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out}: {exc.strerror}") from None
    paths = []
    with store.engine.connect() as conn:
        for name, table in TABLES.items():
            df = pd.read_sql_table(table, conn)
            for col in ("values", "sources"):
                if col in df.columns:
                    df[col] = [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in df[col]]
            for col in df.columns:
                if col in {"date_start", "date_end", "published", "valid_from", "valid_to"}:
                    df[col] = pd.to_datetime(df[col])
            path = out / f"{name}.{fmt}"
            try:
                if fmt == "json":
                    df.to_json(path, orient="records", date_format="iso", force_ascii=False, indent=1)
                elif fmt == "csv":
                    df.to_csv(path, index=False)
                else:
                    df.to_parquet(path, index=False)
            except OSError as exc:
                raise StoreError(f"cannot write {path}: {exc.strerror}") from None
            paths.append(path)
    return paths
