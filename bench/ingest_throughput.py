"""End-to-end ingest throughput beside bare spaCy `nlp.pipe` and trafilatura, with peak RSS and scaling.

Generates articles with bench/corpus.py, writes them as files, then for each size runs
`redlines.pipeline.run_ingest` into a fresh temporary SQLite store. In the same run it times bare
`nlp.pipe` over the same texts (the project target: end-to-end >= 1.5x bare nlp.pipe) and
`trafilatura.extract` alone over the HTML inputs. Prints a table; `--json` prints one JSON document.

    python bench/ingest_throughput.py                 # sizes 500,1000,2000,4000; nlp.pipe on 2000
    python bench/ingest_throughput.py --quick         # sizes 100,200,400; nlp.pipe on 200
    python bench/ingest_throughput.py --sizes 300,600 --pipe-size 300
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


def time_ingest(paths: list[Path], tmp: Path, batch_size: int) -> dict:
    """One end-to-end run into a fresh store: seconds, documents added, rejections, statements."""
    from redlines.kb.store import Store
    from redlines.pipeline import run_ingest

    db = tmp / f"bench-{len(paths)}-{time.monotonic_ns()}.sqlite"
    store = Store(f"sqlite:///{db}")
    t0 = time.perf_counter()
    report = run_ingest([str(p) for p in paths], store, batch_size=batch_size)
    seconds = time.perf_counter() - t0
    store.engine.dispose()
    return {"seconds": seconds, "added": len(report.added), "rejected": len(report.rejected),
            "duplicates": len(report.duplicates), "statements": report.statements,
            "reasons": sorted({r for _, r in report.rejected})[:3]}


def time_nlp_pipe(texts: list[str], batch_size: int) -> float:
    """Seconds for bare `nlp.pipe` (the project pipeline, loaded once, not timed) over the texts."""
    from redlines.nlp import load_pipeline

    nlp = load_pipeline()
    list(nlp.pipe(texts[:8]))  # warm-up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def time_trafilatura(htmls: list[str]) -> float:
    import trafilatura

    t0 = time.perf_counter()
    for h in htmls:
        trafilatura.extract(h)
    return time.perf_counter() - t0


def run(sizes: list[int], pipe_size: int, seed: int, batch_size: int, warmup: bool) -> dict:
    """Every measurement of the benchmark as one dict."""
    n_max = max(sizes + [pipe_size])
    items = corpus.generate(n_max, seed)
    out: dict = {"seed": seed, "sizes": sizes, "pipe_size": pipe_size, "articles_generated": n_max,
                 "words_per_article": sum(i["words"] for i in items) / n_max, "scaling": []}
    with tempfile.TemporaryDirectory(prefix="redlines-bench-") as tmpdir:
        tmp = Path(tmpdir)
        paths = corpus.write_dir(items, tmp / "articles")
        if warmup:  # load spaCy and gazetteers once so the first size is not charged for it
            t0 = time.perf_counter()
            time_ingest(paths[:5], tmp, batch_size)
            out["warmup_seconds"] = time.perf_counter() - t0
            print(f"warm-up (model load + 5 articles): {out['warmup_seconds']:.1f}s", file=sys.stderr)
        for n in sizes:
            gc.collect()
            r = time_ingest(paths[:n], tmp, batch_size)
            words = sum(i["words"] for i in items[:n])
            row = {"articles": n, **r, "articles_per_s": n / r["seconds"], "words_per_s": words / r["seconds"],
                   "ms_per_article": 1000 * r["seconds"] / n, "peak_rss_mb": peak_rss_mb()}
            out["scaling"].append(row)
            print(f"ingest {n}: {r['seconds']:.1f}s, {row['articles_per_s']:.1f} articles/s "
                  f"({r['added']} added, {r['rejected']} rejected)", file=sys.stderr)
        sample = items[:pipe_size]
        texts = [i["plain"] for i in sample]
        words = sum(i["words"] for i in sample)
        pipe_s = time_nlp_pipe(texts, batch_size)
        out["nlp_pipe"] = {"articles": len(texts), "seconds": pipe_s, "articles_per_s": len(texts) / pipe_s,
                           "words_per_s": words / pipe_s}
        print(f"bare nlp.pipe {len(texts)}: {pipe_s:.1f}s", file=sys.stderr)
        same = next((r for r in out["scaling"] if r["articles"] == pipe_size), None)
        if same is None:
            same = {"articles": pipe_size, **time_ingest(paths[:pipe_size], tmp, batch_size)}
            same["articles_per_s"] = pipe_size / same["seconds"]
        out["ratio_end_to_end_vs_nlp_pipe"] = same["articles_per_s"] / out["nlp_pipe"]["articles_per_s"]
        htmls = [i["html"] for i in sample if "html" in i]
        if htmls:
            t = time_trafilatura(htmls)
            out["trafilatura"] = {"html_articles": len(htmls), "seconds": t, "articles_per_s": len(htmls) / t}
    out["peak_rss_mb"] = peak_rss_mb()
    base = out["scaling"][0]["ms_per_article"] if out["scaling"] else None
    out["cost_per_article_spread"] = (max(r["ms_per_article"] for r in out["scaling"]) / base) if base else None
    return out


def print_report(res: dict) -> None:
    print(f"corpus: {res['articles_generated']} generated articles, "
          f"{res['words_per_article']:.0f} words each on average (seed {res['seed']})")
    print(f"{'articles':>9} {'seconds':>9} {'art/s':>8} {'words/s':>9} {'ms/art':>8} {'added':>6} {'rej':>4} "
          f"{'stmts':>6} {'peakRSS MB':>11}")
    for r in res["scaling"]:
        print(f"{r['articles']:>9} {r['seconds']:>9.1f} {r['articles_per_s']:>8.2f} {r['words_per_s']:>9.0f} "
              f"{r['ms_per_article']:>8.1f} {r['added']:>6} {r['rejected']:>4} {r['statements']:>6} {r['peak_rss_mb']:>11.0f}")
    p = res["nlp_pipe"]
    print(f"bare spaCy nlp.pipe on {p['articles']} texts: {p['articles_per_s']:.2f} articles/s, {p['words_per_s']:.0f} words/s")
    print(f"end-to-end / bare nlp.pipe throughput ratio at {res['pipe_size']}: "
          f"{res['ratio_end_to_end_vs_nlp_pipe']:.2f}x (target >= 1.5x)")
    if "trafilatura" in res:
        t = res["trafilatura"]
        print(f"trafilatura.extract alone on {t['html_articles']} HTML inputs: {t['articles_per_s']:.1f} articles/s")
    if res.get("cost_per_article_spread"):
        print(f"cost per article, largest / smallest size: {res['cost_per_article_spread']:.2f} (flat = 1.0)")
    print(f"peak RSS of the whole run: {res['peak_rss_mb']:.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,1000,2000,4000", help="comma-separated corpus sizes")
    ap.add_argument("--pipe-size", type=int, default=2000, help="size compared with bare nlp.pipe")
    ap.add_argument("--quick", action="store_true", help="sizes 100,200,400 and nlp.pipe on 200")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--no-warmup", action="store_true")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
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
    res = run(sizes, pipe_size, args.seed, args.batch_size, not args.no_warmup)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print_report(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
