"""bench/run_all.py finds the benchmark scripts; bench/ingest_throughput.py parses its options (no run)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH))
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(BENCH))
    return mod


def test_run_all_lists_scripts_but_not_helpers():
    run_all = load("run_all")
    names = {p.name for p in run_all.scripts()}
    assert "ingest_throughput.py" in names
    assert not names & {"run_all.py", "corpus.py"}
    assert run_all.quick_args(BENCH / "ingest_throughput.py", full=False) == ["--quick"]
    assert run_all.quick_args(BENCH / "ingest_throughput.py", full=True) == []


def test_ingest_throughput_rejects_bad_sizes(capsys):
    bench = load("ingest_throughput")
    with pytest.raises(SystemExit) as exc:
        bench.main(["--sizes", "a,b"])
    assert exc.value.code == 2 and "--sizes" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        bench.main(["--sizes", "0"])
    assert bench.peak_rss_mb() > 0
