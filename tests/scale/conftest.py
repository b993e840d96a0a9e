"""Scale tests: a throwaway PostgreSQL on loopback (fallback until tests/conftest.py provides pg_url)."""

from __future__ import annotations

import pytest
from pgserver import PgCluster, PgUnavailable


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
