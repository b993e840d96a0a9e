"""Speed of redlines.nlp.dates.find_timexes on the three seed articles repeated N times (default 200)."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from redlines.nlp.dates import find_timexes

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
PUBLISHED = {"000": date(2024, 5, 28), "001": date(2024, 5, 31), "002": date(2024, 6, 2)}


def main(repeat: int = 200) -> None:
    """Print expressions/s and chars/s over `repeat` passes of the seeds."""
    texts = [(p.read_text(encoding="utf-8"), PUBLISHED.get(p.name[:3])) for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seeds under {SEEDS.resolve()}")
    find_timexes(texts[0][0], texts[0][1])  # warm the compiled rules
    chars = found = 0
    began, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for text, published in texts:
            found += len(find_timexes(text, published))
            chars += len(text)
    took, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(f"{repeat}x{len(texts)} docs: {found} expressions, {chars} chars in {took:.2f}s wall "
          f"({cpu:.2f}s CPU) -> "
          f"{found / took:,.0f} expressions/s, {chars / took:,.0f} chars/s wall; "
          f"{found / cpu:,.0f} expressions/s, {chars / cpu:,.0f} chars/s CPU")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
