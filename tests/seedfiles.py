"""Where the seed articles are (read at run time from ../shared/seeds, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / ".." / "shared" / "seeds").resolve()
SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))} if SEEDS.is_dir() else {}


def seed_path(prefix: str) -> Path:
    """Path of seed '000', '001' or '002'."""
    if prefix not in SEED_FILES:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return SEED_FILES[prefix]
