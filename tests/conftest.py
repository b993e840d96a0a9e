"""Shared fixtures: where the seeds are, a fresh store, the spaCy pipeline loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedfiles import ROOT, SEED_FILES, SEEDS, seed_path  # noqa: F401  (re-exported)


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
