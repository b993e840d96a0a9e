"""Stress tests (`make stress`): reuse the reliability helpers and PostgreSQL fixture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scale"))

from pgserver import PgCluster, PgUnavailable  # noqa: E402


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        cluster = PgCluster().start()
    except (PgUnavailable, OSError) as exc:
        pytest.skip(f"PostgreSQL cannot start: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture()
def pg_url(pg_cluster) -> str:
    """URL of a fresh, empty PostgreSQL database."""
    return pg_cluster.new_database()
