"""Export of facts, evidence, states and contradictions, read back with pandas (redlines.query.export)."""

from __future__ import annotations

import pandas as pd
import pytest

from kb.factory import late_may_corpus
from redlines import query
from redlines.errors import UsageError
from redlines.kb import update

READERS = {"json": pd.read_json, "csv": pd.read_csv, "parquet": pd.read_parquet}


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export_is_readable_by_pandas(tmp_store, tmp_path, fmt):
    update(tmp_store, late_may_corpus(tmp_store))
    paths = query.export(tmp_store, fmt, tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(f"{n}.{fmt}" for n in ("facts", "evidence", "states",
                                                                          "contradictions"))
    frames = {p.stem: READERS[fmt](p) for p in paths}
    facts = frames["facts"]
    assert len(facts) == len(query.facts(tmp_store))
    assert {"id", "type", "actor", "weapon_id", "zones", "date_start", "corroboration"} <= set(facts.columns)
    assert set(frames["evidence"]["fact_id"]) <= set(facts["id"])
    assert {"donor", "zone", "status", "valid_from", "valid_to"} <= set(frames["states"].columns)
    assert len(frames["contradictions"]) == 1


def test_unknown_format_is_a_usage_error(tmp_store, tmp_path):
    with pytest.raises(UsageError):
        query.export(tmp_store, "xlsx", tmp_path)
