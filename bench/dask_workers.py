"""Throughput of the Dask ingest with 1 vs 2 worker processes on generated articles; prints the ratio.

    .venv/bin/python bench/dask_workers.py [--n 2000] [--partition-size 50] [--db-template URL_WITH_{name}]

Uses bench/corpus.py `generate(n, seed)` + `write_dir` when present, else redlines.scale.synthetic. Each run writes
a fresh store (SQLite by default; pass e.g. --db-template postgresql+psycopg://u@host/{name} with
databases bench_w1 / bench_w2 created beforehand) and the two stores are compared at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_corpus(n: int, seed: int, out: Path, generator: str = "bench") -> str:
    """Write `n` articles into `out` with bench/corpus.py when present, else redlines.scale.synthetic."""
    path = HERE / "corpus.py"
    if generator == "bench" and path.is_file():
        spec = importlib.util.spec_from_file_location("bench_corpus", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        if hasattr(mod, "generate") and hasattr(mod, "write_dir"):
            mod.write_dir(mod.generate(n, seed), out)
            return "bench/corpus.py"
    from redlines.scale.synthetic import write_corpus as write_synthetic

    write_synthetic(out, n, seed)
    return "redlines.scale.synthetic"


def run(workers: int, corpus: Path, url: str, partition_size: int, kb_update: str) -> dict:
    from redlines.scale import run_dask_ingest

    stats: dict = {}
    t0 = time.perf_counter()
    report = run_dask_ingest([str(corpus)], url, workers=workers, partition_size=partition_size,
                             kb_update=kb_update, stats=stats)
    seconds = time.perf_counter() - t0
    n = len(report.added) + len(report.duplicates) + len(report.rejected)
    return {"workers": workers, "articles": n, "added": len(report.added), "statements": report.statements,
            "seconds": round(seconds, 2), "articles_per_s": round(n / seconds, 2),
            "worker_pids": len(stats.get("workers", [])), "startup_s": stats.get("startup_seconds"),
            "partitions_s": stats.get("partition_seconds"), "kb_update_s": stats.get("kb_update_seconds"),
            "partition_phase_articles_per_s": round(n / max(stats.get("partition_seconds") or seconds, 1e-9), 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--partition-size", type=int, default=50)
    ap.add_argument("--db-template", default=None, help="SQLAlchemy URL with {name}; default: SQLite files")
    ap.add_argument("--generator", choices=("bench", "synthetic"), default="bench",
                    help="bench/corpus.py (400-900 word articles) or redlines.scale.synthetic (short wire items)")
    ap.add_argument("--workdir", default=None, help="where corpus and stores go (default: a fresh temp dir, removed)")
    ap.add_argument("--kb-update", choices=("end", "partition"), default="end",
                    help="merge once at the end (default) or per partition on the workers")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args(argv)

    tmp = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="rl-dask-workers-", dir="/var/tmp"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        return _bench(args, tmp)
    finally:
        if not args.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


def _bench(args, tmp: Path) -> int:
    corpus = tmp / "corpus"
    generator = write_corpus(args.n, args.seed, corpus, args.generator)
    results, urls = [], []
    for workers in (1, 2):
        name = f"bench_w{workers}"
        url = args.db_template.format(name=name) if args.db_template else f"sqlite:///{tmp / (name + '.sqlite')}"
        urls.append(url)
        print(f"running {args.n} articles with {workers} worker(s) -> {url}", file=sys.stderr)
        results.append(run(workers, corpus, url, args.partition_size, args.kb_update))
    from redlines.kb.store import Store
    from redlines.scale.snapshot import table_snapshot

    a, b = table_snapshot(Store(urls[0], create=False)), table_snapshot(Store(urls[1], create=False))
    differ = sorted(t for t in set(a) | set(b) if a.get(t) != b.get(t))
    same = not differ
    ratio = results[1]["articles_per_s"] / results[0]["articles_per_s"]
    phase_ratio = results[1]["partition_phase_articles_per_s"] / results[0]["partition_phase_articles_per_s"]
    out = {"generator": generator, "kb_update": args.kb_update, "runs": results, "ratio_2_over_1": round(ratio, 2),
           "partition_phase_ratio_2_over_1": round(phase_ratio, 2),
           "stores_identical": same, "tables_differing": differ}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for r in results:
            print(f"{r['workers']} worker(s): {r['articles']} articles in {r['seconds']} s "
                  f"= {r['articles_per_s']} articles/s ({r['statements']} statements)")
        print(f"ratio 2 workers / 1 worker: {ratio:.2f}x end to end, {phase_ratio:.2f}x in the partition phase; "
              f"stores identical: {same} {differ or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
