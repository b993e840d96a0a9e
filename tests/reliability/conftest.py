"""Reliability tests: PostgreSQL fixture shared with tests/scale (fallback until tests/conftest.py has one)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("redlines_test_pgserver", Path(__file__).parents[1] / "scale" / "pgserver.py")
pgserver = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pgserver)


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        cluster = pgserver.PgCluster().start()
    except (pgserver.PgUnavailable, OSError) as exc:
        pytest.skip(f"PostgreSQL cannot start: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture()
def pg_url(pg_cluster) -> str:
    """URL of a fresh, empty PostgreSQL database."""
    return pg_cluster.new_database()
