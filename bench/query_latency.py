"""Benchmark: 1,000,000 synthetic statements -> rebuild -> as-of latency (p50/p95) and ledger time.

    .venv/bin/python bench/query_latency.py [--statements 1000000] [--db PATH_OR_URL] [--seed 7]

Generation is seeded and bulk-inserted in batches (DB-API executemany). Distribution: ~30 donors with
a skewed (Zipf-like) share, ~60 weapons (catalogue systems, classes and the donor's own weapons as
origin), 5 zones, dates 2022-02-24..2025-12-31, all six statement types. Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from redlines.kb import Store, rebuild, update
from redlines.kb.catalogue import load_catalogue
from redlines.kb.schema import DocumentRow, StatementRow
from redlines.model import Zone

START, END = date(2022, 2, 24), date(2025, 12, 31)
DAYS = (END - START).days
DONORS = ["United States", "Germany", "United Kingdom", "France", "Poland", "Netherlands", "Denmark", "Norway",
          "Sweden", "Canada", "Italy", "Spain", "Belgium", "Czech Republic", "Finland", "Estonia", "Latvia",
          "Lithuania", "Portugal", "Romania", "Slovakia", "Australia", "Japan", "Greece", "Austria", "Ireland",
          "Turkey", "Bulgaria", "Croatia", "Slovenia"]
OUTLETS = [f"Outlet {i:03d}" for i in range(200)]
ZONES = [z.value for z in Zone]
ZONE_SETS = [("RU_BORDER",), ("RU_DEEP",), ("RU_BORDER", "RU_DEEP"), ("UA_OCCUPIED",), ("UA_HELD", "UA_OCCUPIED"),
             ("OTHER",)]
TYPES = [("use_permission", 35), ("transfer", 30), ("position", 15), ("quote", 12), ("request", 4), ("attack", 4)]
MODALITIES = [("confirmed", 70), ("reported", 20), ("planned", 5), ("hypothetical", 3), ("denied", 2)]
PRECISIONS = [("day", 60), ("month", 20), ("unknown", 20)]
STATEMENT_COLS = ["document_id", "type", "sentence_index", "start_char", "end_char", "sentence", "actor", "recipient",
                  "weapon_kind", "weapon_id", "zones", "action", "polarity", "modality", "valid_start", "valid_end",
                  "valid_precision", "valid_text", "confidence", "quantity", "speaker", "topic", "extractor", "extra"]


def _weighted(rng: random.Random, pairs):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def weapons() -> list[tuple[str, str]]:
    cat = load_catalogue()
    systems = sorted(cat.weapons)[:45]
    classes = sorted({c for c in (cat.weapon_class(s) for s in systems) if c})[:14]
    return [("system", s) for s in systems] + [("class", c) for c in classes]


def generate(store: Store, n: int, seed: int, per_doc: int = 20) -> float:
    """Insert n statements in n/per_doc documents; returns seconds."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    donor_w = [1 / (i + 1) ** 0.9 for i in range(len(DONORS))]
    arms = weapons()
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        ph = "?" if store.engine.dialect.name == "sqlite" else "%s"
        doc_sql = (f"INSERT INTO documents (id, outlet, title, text, raw, published, published_how, "
                   f"published_confidence, published_rule, words_kept, words_removed, ingested_at) VALUES "
                   f"({', '.join([ph] * 12)})")
        st_sql = f"INSERT INTO statements ({', '.join(STATEMENT_COLS)}) VALUES ({', '.join([ph] * len(STATEMENT_COLS))})"
        docs, sts = [], []
        n_docs = max(1, n // per_doc)
        for d in range(n_docs):
            pub = START + timedelta(days=rng.randrange(DAYS))
            did = f"bench{d:09d}"
            docs.append((did, rng.choice(OUTLETS), f"Report {d}", "synthetic text", "synthetic text", pub, "given",
                         1.0, "", 2, 0, "2026-01-01 00:00:00"))
            for k in range(per_doc):
                t = _weighted(rng, TYPES)
                donor = rng.choices(DONORS, weights=donor_w)[0]
                kind, wid = rng.choice(arms) if rng.random() < 0.85 else ("origin", donor)
                prec = _weighted(rng, PRECISIONS)
                day = pub - timedelta(days=rng.randrange(0, 20))
                vend = day if prec == "day" else day + timedelta(days=29) if prec == "month" else pub
                zones = ",".join(rng.choice(ZONE_SETS)) if t != "transfer" else ""
                if t == "use_permission":
                    action = rng.choice(["allow", "allow", "restrict"])
                elif t == "transfer":
                    action = rng.choice(["deliver", "deliver", "pledge", "approve", "refuse", "withhold"])
                else:
                    action = rng.choice(["support", "urge", "oppose", "warn"])
                speaker = f"Official {rng.randrange(300)}" if t in ("quote", "position") else None
                sts.append((did, t, k, k * 200, k * 200 + 150, f"Synthetic sentence {k} of {did} about {wid}.",
                            donor, "Ukraine", kind if t != "quote" else None, wid if t != "quote" else None, zones,
                            action, rng.random() > 0.05, _weighted(rng, MODALITIES),
                            day if prec != "unknown" else pub, vend, prec, "", 0.7,
                            rng.choice([None, 10, 20, 30]) if t == "transfer" else None, speaker,
                            f"topic {rng.randrange(200)}" if t in ("position", "quote") else None, "bench", "{}"))
            if len(sts) >= 50_000:
                cur.executemany(doc_sql, docs)
                cur.executemany(st_sql, sts)
                raw.commit()
                docs, sts = [], []
                print(f"  inserted {(d + 1) * per_doc:,} statements ({time.perf_counter() - t0:.0f}s)",
                      file=sys.stderr, flush=True)
        if sts or docs:
            cur.executemany(doc_sql, docs)
            cur.executemany(st_sql, sts)
            raw.commit()
    finally:
        raw.close()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--db", default=None, help="store path or URL (default: a temporary SQLite file)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--questions", type=int, default=1000)
    args = ap.parse_args()
    from redlines import query

    db = args.db or str(Path(tempfile.mkdtemp(prefix="redlines-bench-")) / "bench.sqlite")
    store = Store(db)
    with store.session() as s:
        if s.query(DocumentRow).count() or s.query(StatementRow).count():
            sys.exit(f"store {db} is not empty")
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    gen = generate(store, args.statements, args.seed)
    print(f"generate {args.statements:,} statements: {gen:.1f}s")
    t, cpu = time.perf_counter(), time.process_time()
    counts = rebuild(store)
    print(f"rebuild: {time.perf_counter() - t:.1f}s wall, {time.process_time() - cpu:.1f}s CPU "
          f"({counts['statements']:,} statements -> {counts['facts']:,} facts)")

    rng = random.Random(args.seed + 1)
    arms = weapons()
    lat = []
    statuses: dict[str, int] = {}
    for _ in range(args.questions):
        kind, wid = rng.choice(arms)
        day = START + timedelta(days=rng.randrange(DAYS))
        t = time.perf_counter()
        a = query.ask(store, rng.choice(DONORS), wid if kind == "system" else f"class:{wid}", rng.choice(ZONES), day)
        lat.append((time.perf_counter() - t) * 1000)
        statuses[a.status] = statuses.get(a.status, 0) + 1
    lat.sort()
    p50, p95 = statistics.median(lat), lat[int(0.95 * len(lat)) - 1]
    print(f"as-of over {args.questions} random questions: p50 {p50:.1f} ms, p95 {p95:.1f} ms  {statuses}")
    t, cpu = time.perf_counter(), time.process_time()
    led = query.ledger(store, date(2024, 6, 3))
    print(f"ledger as of 2024-06-03: {time.perf_counter() - t:.1f}s wall, {time.process_time() - cpu:.1f}s CPU "
          f"({len(led.removed):,} removed, {len(led.remaining):,} remaining)")
    t = time.perf_counter()
    extra = generate_one(store, args.seed)
    update(store, [extra])
    print(f"incremental update of one new 20-statement document: {time.perf_counter() - t:.2f}s")
    print(f"store: {db}")


def generate_one(store: Store, seed: int) -> str:
    """One more document with 20 statements for the busiest donor; returns its id."""
    from redlines.model import DateInterval, Document, Evidence, PublishedDate, PublishedHow, Statement, StatementType
    from redlines.model import Precision, WeaponRef

    rng = random.Random(seed + 2)
    pub = date(2024, 6, 1)
    d = Document(id="bench-extra", text="extra", raw="extra", outlet="Outlet 999",
                 published=PublishedDate(pub, PublishedHow.GIVEN, 1.0))
    sts = [Statement(StatementType.USE_PERMISSION, Evidence(d.id, k, k * 10, k * 10 + 5, f"extra {k}", d.outlet, pub),
                     actor=DONORS[0], recipient="Ukraine", weapon=WeaponRef(*rng.choice(weapons())),
                     zones=(Zone.RU_BORDER,), action=rng.choice(["allow", "restrict"]),
                     valid=DateInterval(pub, pub, Precision.DAY)) for k in range(20)]
    with store.session() as s:
        store.add_document(d, s)
        store.replace_statements(d.id, sts, s)
    return d.id


if __name__ == "__main__":
    main()
