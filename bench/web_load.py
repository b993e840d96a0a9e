"""Web benchmark: matrix page load over a 100k-statement store, and API throughput with 50 clients.

Builds (or reuses) a synthetic store: seeded random donors, weapons, zones, actions and dates, bulk
inserted as documents + statements, then `kb.rebuild`. Serves it with `redlines serve` in a
subprocess on 127.0.0.1 and measures with httpx (and headless Chromium when installed).
Only loopback addresses are used. Results: printed, and JSON in bench/out/web_load.json.

    .venv/bin/python bench/web_load.py [--statements 100000] [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DONORS = {
    "United States": ["ATACMS", "HIMARS", "GMLRS", "Patriot", "F-16"],
    "Germany": ["Taurus", "IRIS-T", "PzH 2000", "MARS II"],
    "Britain": ["Storm Shadow", "Challenger 2"],
    "France": ["SCALP", "Caesar"],
    "Netherlands": ["F-16"],
    "Belgium": ["F-16"],
    "Denmark": ["F-16", "Caesar"],
    "Norway": ["NASAMS", "F-16"],
    "Sweden": ["Archer", "CV90"],
    "Italy": ["SAMP/T", "Storm Shadow"],
}
CLASSES = ["long_range_missile", "mlrs", "fighter_jet", "air_defence"]
ZONES = ["RU_BORDER", "RU_DEEP", "UA_OCCUPIED", "UA_HELD"]
OUTLETS = ["Wire A", "Wire B", "Daily C", "Weekly D", "Radio E"]
ACTIONS = [("use_permission", "allow"), ("use_permission", "restrict"), ("use_permission", "keep"),
           ("use_permission", "lift"), ("transfer", "deliver"), ("transfer", "approve"), ("transfer", "refuse")]
PER_DOC = 10


def build_store(path: Path, n_statements: int, seed: int = 7) -> tuple[str, float]:
    """A store of `n_statements` synthetic statements (10 per document); returns (url, seconds)."""
    from redlines.kb import rebuild
    from redlines.kb.schema import DocumentRow, StatementRow
    from redlines.kb.store import Store

    t0 = time.perf_counter()
    rng = random.Random(seed)
    url = f"sqlite:///{path}"
    store = Store(url)
    start = date(2022, 3, 1)
    docs, stmts = [], []
    for d in range(n_statements // PER_DOC):
        published = start + timedelta(days=rng.randrange(1000))
        sentences, rows = [], []
        for k in range(PER_DOC):
            donor = rng.choice(list(DONORS))
            typ, action = rng.choice(ACTIONS)
            if rng.random() < 0.2:
                kind, wid = "class", rng.choice(CLASSES)
            else:
                kind, wid = "system", rng.choice(DONORS[donor])
            zones = ",".join(sorted(rng.sample(ZONES, rng.randint(1, 2)))) if typ == "use_permission" else ""
            day = published - timedelta(days=rng.randrange(20))
            sentence = f"Officials said {donor} would {action} the use of {wid} (item {d}-{k}) as of {day:%d %B %Y}."
            offset = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            rows.append(dict(type=typ, sentence_index=k, start_char=offset, end_char=offset + len(sentence),
                             sentence=sentence, actor=donor, recipient="Ukraine", weapon_kind=kind, weapon_id=wid,
                             zones=zones, action=action, polarity=True,
                             modality="confirmed" if rng.random() < 0.85 else "reported",
                             valid_start=day, valid_end=day, valid_precision="day", valid_text="", confidence=0.8,
                             extractor="bench", extra={}))
        text = " ".join(sentences)
        doc_id = hashlib.sha256(f"{seed}-{d}-{text}".encode()).hexdigest()
        docs.append(dict(id=doc_id, url=None, outlet=rng.choice(OUTLETS), title=f"Synthetic article {d}",
                         language="en", text=text, raw=text, published=published, published_how="given",
                         published_confidence=1.0, published_rule="bench", words_kept=len(text.split()),
                         words_removed=0))
        stmts += [{**r, "document_id": doc_id} for r in rows]
    with store.session() as s:
        for i in range(0, len(docs), 2000):
            s.execute(insert(DocumentRow), docs[i:i + 2000])
        for i in range(0, len(stmts), 5000):
            s.execute(insert(StatementRow), stmts[i:i + 5000])
    counts = rebuild(store)
    print(f"store: {len(docs)} documents, {counts}", file=sys.stderr)
    return url, time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    """`redlines serve` on loopback, waiting until it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "redlines", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents?x=1", timeout=30).status_code:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def time_get(client: httpx.Client, url: str, repeat: int = 5) -> dict:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        r.raise_for_status()
        times.append((time.perf_counter() - t0) * 1000)
    return {"url": url, "first_ms": round(times[0], 1), "median_ms": round(statistics.median(times), 1),
            "bytes": len(r.content)}


def browser_load(base: str, as_of: str) -> dict | None:
    """Milliseconds from navigation to a rendered matrix in headless Chromium (None if unavailable)."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"]
    out = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = b.new_page()
        page.set_default_timeout(120_000)
        for _ in range(3):
            t0 = time.perf_counter()
            page.goto(f"{base}/?as_of={as_of}&zone=RU_BORDER")
            page.wait_for_selector(f"#matrix[data-as-of='{as_of}'] td.cell")
            out.append((time.perf_counter() - t0) * 1000)
        cells = page.locator("#matrix td.cell[data-status]").count()
        b.close()
    return {"runs_ms": [round(x, 1) for x in out], "median_ms": round(statistics.median(out), 1), "cells": cells}


async def load_test(base: str, clients: int, seconds: float, max_requests: int, targets: list[str]) -> dict:
    """`clients` concurrent loops over `targets` for `seconds` (or `max_requests`), then stop."""
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    kinds: dict[str, int] = {}
    done = 0
    stop_at = time.perf_counter() + seconds
    rng = random.Random(1)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal done
        while time.perf_counter() < stop_at and done < max_requests:
            url = rng.choice(targets)
            kind = url.split("?")[0].split("/")[2]
            done += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(url)
                why = "" if r.status_code == 200 else f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                why = type(exc).__name__
            latencies.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
            if why:
                errors[kind] = errors.get(kind, 0) + 1
                kinds[why] = kinds.get(why, 0) + 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    elapsed = time.perf_counter() - t0
    every = [x for v in latencies.values() for x in v]
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1), "errors": sum(errors.values()), "error_kinds": kinds,
        "p50_ms": round(pct(every, 50), 1), "p95_ms": round(pct(every, 95), 1),
        "by_endpoint": {k: {"n": len(v), "p50_ms": round(pct(v, 50), 1), "p95_ms": round(pct(v, 95), 1),
                            "errors": errors.get(k, 0)} for k, v in sorted(latencies.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--max-requests", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=1, help="server processes (redlines serve --workers)")
    ap.add_argument("--db", type=Path, default=OUT / "web_load.sqlite")
    ap.add_argument("--rebuild", action="store_true", help="regenerate the store even if it exists")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result: dict = {"statements": a.statements, "workers": a.workers, "cpus": os.cpu_count(),
                    "load_average_before": os.getloadavg()}
    if a.rebuild or not a.db.exists():
        a.db.unlink(missing_ok=True)
        _, result["build_s"] = build_store(a.db, a.statements)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(a.db, port, a.workers)
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            docs = c.get("/api/documents", params={"limit": 10_000}).json()
            as_of = max(d["published"] for d in docs if d["published"])
            result["page_load"] = [time_get(c, f"/?as_of={as_of}"), time_get(c, f"/api/matrix?as_of={as_of}")]
            matrix = c.get(f"/api/matrix?as_of={as_of}").json()
            result["matrix_cells"] = len(matrix["cells"])
            fact_ids = sorted({f for cell in matrix["cells"] for f in cell["fact_ids"]})[:200]
        result["browser_matrix_load"] = browser_load(base, as_of)
        rng = random.Random(3)
        cells = [x for x in matrix["cells"] if x["status"] != "unknown"] or matrix["cells"]
        targets = []
        for _ in range(300):
            cell = rng.choice(cells)
            day = (date.fromisoformat(as_of) - timedelta(days=rng.randrange(900))).isoformat()
            q = httpx.QueryParams(donor=cell["donor"], weapon=cell["weapon"], zone=cell["zone"], date=day)
            targets.append(f"/api/ask?{q}")
        targets += [f"/api/facts/{f}" for f in fact_ids[:100]]
        targets += [f"/api/documents/{d['id']}" for d in rng.sample(docs, min(100, len(docs)))]
        targets += [f"/api/search?q={w}" for w in ("Taurus", "HIMARS", "item 12-3", "Storm Shadow")] * 10
        result["load"] = asyncio.run(load_test(base, a.clients, a.seconds, a.max_requests, targets))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    result["load_average_after"] = os.getloadavg()
    (OUT / "web_load.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
