"""Run every benchmark script in bench/ with quick settings and print their figures (`make bench`)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOT_BENCHMARKS = {"run_all.py", "corpus.py", "__init__.py", "conftest.py"}
# Quick flags per script; a script not listed gets `--quick` if its --help mentions it.
QUICK_ARGS: dict[str, list[str]] = {
    "ingest_throughput.py": ["--quick"],
    "query_latency.py": ["--statements", "100000", "--questions", "300"],
}


def scripts() -> list[Path]:
    """Benchmark scripts present (ours and other engineers'), sorted by name."""
    return sorted(p for p in HERE.glob("*.py") if p.name not in NOT_BENCHMARKS and not p.name.startswith("_"))


def quick_args(script: Path, full: bool) -> list[str]:
    if full:
        return []
    if script.name in QUICK_ARGS:
        return QUICK_ARGS[script.name]
    try:
        help_text = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True,
                                   timeout=60).stdout
    except (subprocess.TimeoutExpired, OSError):
        return []
    return ["--quick"] if "--quick" in help_text else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("names", nargs="*", help="only these scripts (e.g. ingest_throughput)")
    ap.add_argument("--full", action="store_true", help="run each script with its default (long) settings")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per script")
    args = ap.parse_args(argv)
    todo = [s for s in scripts() if not args.names or s.stem in args.names or s.name in args.names]
    if not todo:
        print("no benchmark scripts found", file=sys.stderr)
        return 2
    failed = []
    for script in todo:
        cmd = [sys.executable, str(script), *quick_args(script, args.full)]
        print(f"\n=== {script.name} {' '.join(cmd[2:])}".rstrip(), flush=True)
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout, cwd=HERE.parent)
        except subprocess.TimeoutExpired:
            print(f"TIMEOUT after {args.timeout}s")
            failed.append(script.name)
            continue
        print(proc.stdout.rstrip())
        if proc.returncode != 0:
            tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
            print(f"FAILED (exit {proc.returncode}):\n{tail}")
            failed.append(script.name)
        print(f"--- {script.name}: {time.perf_counter() - t0:.0f}s", flush=True)
    print(f"\n{len(todo) - len(failed)}/{len(todo)} benchmarks ran" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
