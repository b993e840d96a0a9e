"""End-to-end ingest throughput beside bare spaCy `nlp.pipe` and trafilatura, with peak RSS and scaling.

Generates articles with bench/corpus.py, writes them as files, then for each size runs
`redlines.pipeline.run_ingest` into a fresh temporary SQLite store. In the same run it times bare
`nlp.pipe` over the same texts (the project target: end-to-end >= 1.5x bare nlp.pipe) and
`trafilatura.extract` alone over the HTML inputs. Prints a table; `--json` prints one JSON document.

    python bench/ingest_throughput.py                 # sizes 500,1000,2000,4000; nlp.pipe on 2000
    python bench/ingest_throughput.py --quick         # sizes 100,200,400; nlp.pipe on 200
    python bench/ingest_throughput.py --sizes 300,600 --pipe-size 300
    python bench/ingest_throughput.py --one-run --sizes 500,1000,2000 --pipe-size 2000   # one 2000 run

Times are reported as wall time and as this process's CPU time (fair on a shared machine).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


class Clock:
    """Wall and CPU (this process) seconds since start: CPU time is fair on a shared machine."""

    def __init__(self) -> None:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall0, time.process_time() - self.cpu0


def time_ingest(paths: list[Path], tmp: Path, batch_size: int, checkpoints: tuple[int, ...] = ()) -> dict:
    """One end-to-end run into a fresh store: wall/CPU seconds, counts, and times at checkpoints."""
    from redlines.kb.store import Store
    from redlines.pipeline import run_ingest

    db = tmp / f"bench-{len(paths)}-{time.monotonic_ns()}.sqlite"
    store = Store(f"sqlite:///{db}")
    marks: dict[int, tuple[float, float]] = {}
    done = [0]
    clock = Clock()

    def progress(k: int) -> None:
        done[0] += k
        if done[0] in checkpoints:
            marks[done[0]] = clock.read()

    out: dict = {}
    try:
        report = run_ingest([str(p) for p in paths], store, batch_size=batch_size, progress=progress)
        out.update(added=len(report.added), rejected=len(report.rejected), duplicates=len(report.duplicates),
                   statements=report.statements, reasons=sorted({r for _, r in report.rejected})[:3])
    except Exception as exc:  # noqa: BLE001 - a benchmark reports a crash and goes on
        out.update(added=-1, processed=done[0], rejected=-1, duplicates=-1, statements=-1, reasons=[],
                   error=f"{type(exc).__name__}: {exc}")
    wall, cpu = clock.read()
    store.engine.dispose()
    out.update(seconds=wall, cpu_seconds=cpu, checkpoints={n: {"seconds": w, "cpu_seconds": c}
                                                           for n, (w, c) in sorted(marks.items())})
    return out


def time_nlp_pipe(texts: list[str], batch_size: int) -> tuple[float, float]:
    """(wall, CPU) seconds for bare `nlp.pipe` (the project pipeline, loaded once, not timed)."""
    from redlines.nlp import load_pipeline

    nlp = load_pipeline()
    list(nlp.pipe(texts[:8]))  # warm-up
    clock = Clock()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return clock.read()


def time_trafilatura(htmls: list[str]) -> tuple[float, float]:
    import trafilatura

    clock = Clock()
    for h in htmls:
        trafilatura.extract(h)
    return clock.read()


def _row(n: int, wall: float, cpu: float, words: int) -> dict:
    return {"articles": n, "seconds": wall, "cpu_seconds": cpu, "articles_per_s": n / wall,
            "articles_per_cpu_s": n / cpu, "words_per_s": words / wall, "words_per_cpu_s": words / cpu,
            "ms_per_article": 1000 * wall / n, "cpu_ms_per_article": 1000 * cpu / n}


def run(sizes: list[int], pipe_size: int, seed: int, batch_size: int, warmup: bool, one_run: bool,
        tmp_root: Path | None = None) -> dict:
    """Every measurement of the benchmark as one dict."""
    n_max = max(sizes + [pipe_size])
    items = corpus.generate(n_max, seed)
    words_to = [0]
    for it in items:
        words_to.append(words_to[-1] + it["words"])
    out: dict = {"seed": seed, "sizes": sizes, "pipe_size": pipe_size, "articles_generated": n_max,
                 "words_per_article": words_to[-1] / n_max, "mode": "one run, checkpoints" if one_run else
                 "one run per size", "scaling": []}
    if tmp_root is not None:
        tmp_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ingest-throughput-", dir=tmp_root) as tmpdir:
        tmp = Path(tmpdir)
        paths = corpus.write_dir(items, tmp / "articles")
        if warmup:  # load spaCy and gazetteers once so the first size is not charged for it
            w = time_ingest(paths[:5], tmp, batch_size)
            out["warmup_seconds"] = w["seconds"]
            print(f"warm-up (model load + 5 articles): {w['seconds']:.1f}s", file=sys.stderr)
        runs = [(max(sizes), tuple(sizes))] if one_run else [(n, ()) for n in sizes]
        for n, checks in runs:
            gc.collect()
            r = time_ingest(paths[:n], tmp, batch_size, checks)
            counts = (f"{r['added']} added, {r['rejected']} rejected" if not r.get("error")
                      else f"{r['processed']} inputs processed before the failure")
            print(f"ingest {n}: {r['seconds']:.1f}s wall, {r['cpu_seconds']:.1f}s CPU ({counts})", file=sys.stderr)
            if r.get("error"):
                print(f"  run_ingest FAILED ({r['error']}); time measured up to the failure", file=sys.stderr)
            if r["rejected"] > 0:
                print(f"  rejected inputs, e.g.: {r['reasons']}", file=sys.stderr)
            extra = {k: r[k] for k in ("added", "rejected", "statements", "processed", "error") if k in r}
            for c, t in r["checkpoints"].items():
                if c != n:
                    out["scaling"].append({**_row(c, t["seconds"], t["cpu_seconds"], words_to[c]),
                                           "note": "checkpoint (before the knowledge-base update)"})
            out["scaling"].append({**_row(n, r["seconds"], r["cpu_seconds"], words_to[n]), **extra,
                                   "peak_rss_mb": peak_rss_mb()})
        texts = [i["plain"] for i in items[:pipe_size]]
        wall, cpu = time_nlp_pipe(texts, batch_size)
        out["nlp_pipe"] = _row(pipe_size, wall, cpu, words_to[pipe_size])
        print(f"bare nlp.pipe {pipe_size}: {wall:.1f}s wall, {cpu:.1f}s CPU", file=sys.stderr)
        same = next((r for r in out["scaling"] if r["articles"] == pipe_size), None)  # checkpoints count too
        if same is None:
            r = time_ingest(paths[:pipe_size], tmp, batch_size)
            same = _row(pipe_size, r["seconds"], r["cpu_seconds"], words_to[pipe_size])
        out["ratio_end_to_end_vs_nlp_pipe"] = same["articles_per_s"] / out["nlp_pipe"]["articles_per_s"]
        out["ratio_end_to_end_vs_nlp_pipe_cpu"] = same["articles_per_cpu_s"] / out["nlp_pipe"]["articles_per_cpu_s"]
        htmls = [i["html"] for i in items[:pipe_size] if "html" in i]
        if htmls:
            wall, cpu = time_trafilatura(htmls)
            out["trafilatura"] = {"html_articles": len(htmls), "seconds": wall, "cpu_seconds": cpu,
                                  "articles_per_s": len(htmls) / wall, "articles_per_cpu_s": len(htmls) / cpu}
    out["peak_rss_mb"] = peak_rss_mb()
    costs = [r["cpu_ms_per_article"] for r in out["scaling"]]
    out["cost_per_article_spread"] = max(costs) / min(costs) if costs else None
    return out


def print_report(res: dict) -> None:
    print(f"corpus: {res['articles_generated']} generated articles, {res['words_per_article']:.0f} words each "
          f"on average (seed {res['seed']}); {res['mode']}; CPU = this process's CPU time")
    print(f"{'articles':>9} {'wall s':>8} {'CPU s':>8} {'art/s':>7} {'art/CPUs':>9} {'words/CPUs':>11} "
          f"{'CPU ms/art':>11} {'stmts':>6} {'peakRSS MB':>11}")
    for r in res["scaling"]:
        tail = "  (checkpoint)" if r.get("note") else ""
        if r.get("error"):
            tail += "  FAILED: " + r["error"][:70]
        rss = f"{r['peak_rss_mb']:>11.0f}" if "peak_rss_mb" in r else f"{'':>11}"
        print(f"{r['articles']:>9} {r['seconds']:>8.1f} {r['cpu_seconds']:>8.1f} {r['articles_per_s']:>7.2f} "
              f"{r['articles_per_cpu_s']:>9.2f} {r['words_per_cpu_s']:>11.0f} {r['cpu_ms_per_article']:>11.1f} "
              f"{r.get('statements', ''):>6} {rss}{tail}")
    p = res["nlp_pipe"]
    print(f"bare spaCy nlp.pipe on the same {p['articles']} texts: {p['articles_per_s']:.2f} articles/s wall, "
          f"{p['articles_per_cpu_s']:.2f} articles/CPU-s, {p['words_per_cpu_s']:.0f} words/CPU-s")
    print(f"end-to-end / bare nlp.pipe throughput at {res['pipe_size']}: {res['ratio_end_to_end_vs_nlp_pipe_cpu']:.2f}x "
          f"by CPU time, {res['ratio_end_to_end_vs_nlp_pipe']:.2f}x by wall time (target >= 1.5x)")
    if "trafilatura" in res:
        t = res["trafilatura"]
        print(f"trafilatura.extract alone on {t['html_articles']} HTML inputs: {t['articles_per_cpu_s']:.1f} articles/CPU-s")
    if res.get("cost_per_article_spread"):
        print(f"CPU cost per article, largest / smallest: {res['cost_per_article_spread']:.2f} (flat = 1.0)")
    print(f"peak RSS of the whole run: {res['peak_rss_mb']:.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,1000,2000,4000", help="comma-separated corpus sizes")
    ap.add_argument("--pipe-size", type=int, default=2000, help="size compared with bare nlp.pipe")
    ap.add_argument("--quick", action="store_true", help="sizes 100,200,400 and nlp.pipe on 200")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=50, help="run_ingest and nlp.pipe batch size (divides the sizes)")
    ap.add_argument("--no-warmup", action="store_true")
    ap.add_argument("--one-run", action="store_true",
                    help="one run of the largest size, timing the smaller sizes as checkpoints (cheaper)")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    ap.add_argument("--tmp-dir", type=Path, default=Path(__file__).resolve().parents[1] / "var" / "bench",
                    help="where the generated files and stores go (removed afterwards)")
    args = ap.parse_args(argv)
    if args.quick:
        sizes, pipe_size = [100, 200, 400], 200
    else:
        try:
            sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
        except ValueError:
            ap.error(f"--sizes must be integers, got {args.sizes!r}")
        pipe_size = args.pipe_size
    if not sizes or min(sizes) < 1 or pipe_size < 1:
        ap.error("sizes must be positive")
    res = run(sizes, pipe_size, args.seed, args.batch_size, not args.no_warmup, args.one_run, args.tmp_dir)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print_report(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
