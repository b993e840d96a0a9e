"""Throughput of redlines.nlp.annotate vs bare nlp.pipe over the same texts (words/s, share parsed).

Usage: .venv/bin/python bench/nlp_speed.py [--repeat N] [--rounds N] [--quick] [--no-dates] [FILES...]
Default corpus: the seeds under ../shared/seeds plus src/redlines/data/sample/*.txt if present.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import importlib

from redlines.model import Document
from redlines.nlp import Gazetteer, annotate, load_pipeline


def corpus(files: list[str]) -> list[str]:
    """Texts of the given files, else the seeds and the sample corpus."""
    paths = [Path(f) for f in files]
    if not paths:
        paths = sorted((ROOT / ".." / "shared" / "seeds").resolve().glob("*.txt"))
        paths += sorted((ROOT / "src" / "redlines" / "data" / "sample").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--no-dates", action="store_true", help="leave out the time-expression pass")
    ap.add_argument("--rounds", type=int, default=3, help="alternate the two runs and keep the best of each")
    ap.add_argument("--quick", action="store_true", help="a short run: --repeat 2 --rounds 1")
    args = ap.parse_args()
    if args.quick:
        args.repeat, args.rounds = 2, 1
    texts = corpus(args.files) * args.repeat
    if not texts:
        sys.exit("no texts")
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    gaz = Gazetteer.load()
    docs = [Document(f"d{i}", t, t) for i, t in enumerate(texts)]
    if args.no_dates:
        importlib.import_module("redlines.nlp.annotate")._timexes = lambda ctx: []
    list(nlp.pipe(texts[:2]))  # warm up both paths
    list(annotate(docs[:2], nlp, gaz))

    bare = ours = bare_cpu = ours_cpu = float("inf")
    parsed = []
    for _ in range(max(1, args.rounds)):  # the machine is shared: alternate and keep the best of each
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        bare, bare_cpu = min(bare, time.perf_counter() - t0), min(bare_cpu, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        parsed = list(annotate(docs, nlp, gaz))
        ours, ours_cpu = min(ours, time.perf_counter() - t0), min(ours_cpu, time.process_time() - c0)

    n_sent = sum(len(p.sentences) for p in parsed)
    n_cand = sum(s.candidate for p in parsed for s in p.sentences)
    w_cand = sum(len(s.text.split()) for p in parsed for s in p.sentences if s.candidate)
    print(f"documents          {len(texts)} ({words} words)")
    print(
        f"bare nlp.pipe      {bare:7.2f} s wall {words / bare:8.0f} words/s | {bare_cpu:7.2f} s CPU "
        f"{words / bare_cpu:8.0f} words/s"
    )
    print(
        f"redlines annotate  {ours:7.2f} s wall {words / ours:8.0f} words/s | {ours_cpu:7.2f} s CPU "
        f"{words / ours_cpu:8.0f} words/s"
    )
    print(f"speed-up           {bare / ours:7.2f}x wall, {bare_cpu / ours_cpu:.2f}x CPU")
    n_ner = sum(
        1 for p in parsed for s in p.sentences if s.parse is not None and s.parse.has_annotation("ENT_IOB")
    )
    print(
        f"sentences parsed   {n_cand}/{n_sent} ({n_cand / max(1, n_sent):.0%}), "
        f"words parsed {w_cand / words:.0%}, "
        f"NER run on {n_ner}/{n_cand}"
    )


if __name__ == "__main__":
    main()
