"""Shared fixtures: where the seeds are, a fresh store, the spaCy pipeline loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / ".." / "shared" / "seeds").resolve()
SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))} if SEEDS.is_dir() else {}


def seed_path(prefix: str) -> Path:
    """Path of seed '000', '001' or '002' (read at run time, never copied)."""
    if prefix not in SEED_FILES:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return SEED_FILES[prefix]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture()
def tmp_store(tmp_path):
    from redlines.kb.store import Store

    return Store(f"sqlite:///{tmp_path / 'store.sqlite'}")


@pytest.fixture(scope="session")
def nlp():
    from redlines.nlp import load_pipeline

    return load_pipeline()


from pg import pg_cluster, pg_url  # noqa: E402,F401  (PostgreSQL fixtures, see tests/pg.py)
