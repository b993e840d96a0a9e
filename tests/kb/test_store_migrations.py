"""The store brings its schema to the Alembic head on open (redlines.kb.store.migrate)."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from redlines.errors import StoreError
from redlines.kb.schema import Base
from redlines.kb.store import ALEMBIC_INI, Store, _alembic_head

KB_TABLES = {"facts", "fact_evidence", "policy_states", "contradictions"}


def _version(path) -> list:
    with sqlite3.connect(path) as c:
        return [r[0] for r in c.execute("SELECT version_num FROM alembic_version")]


def test_new_store_is_created_and_stamped_at_head(tmp_path):
    path = tmp_path / "new.sqlite"
    Store(f"sqlite:///{path}")
    assert _version(path) == [_alembic_head()]
    Store(f"sqlite:///{path}")  # reopening is a no-op
    assert _version(path) == [_alembic_head()]


def test_store_made_before_migrations_is_completed_and_stamped(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    old = [Base.metadata.tables[n] for n in ("documents", "removed_spans", "statements")]
    Base.metadata.create_all(engine, tables=old)
    engine.dispose()
    Store(f"sqlite:///{path}")
    assert KB_TABLES <= set(inspect(create_engine(f"sqlite:///{path}")).get_table_names())
    assert _version(path) == [_alembic_head()]


def test_migrations_from_empty_match_the_models(tmp_path):
    """`upgrade head` from nothing gives exactly the schema the models declare."""
    url = f"sqlite:///{tmp_path / 'mig.sqlite'}"
    cfg = Config(str(ALEMBIC_INI))
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    store = Store(url)  # already at head: opens without touching the schema
    assert store.documents() == []


def test_store_at_an_older_revision_is_upgraded_on_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'r1.sqlite'}"
    cfg = Config(str(ALEMBIC_INI))
    with create_engine(url).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    Store(url)
    assert KB_TABLES <= set(inspect(create_engine(url)).get_table_names())
    assert _version(tmp_path / "r1.sqlite") == [_alembic_head()]


@pytest.mark.parametrize("url", ["nosuchdriver://x/y", "/proc/redlines-none/x.sqlite", "NOT_A_DB"])
def test_unopenable_store_is_a_store_error(tmp_path, url):
    if url == "NOT_A_DB":
        url = str(tmp_path / "junk.sqlite")
        (tmp_path / "junk.sqlite").write_text("this is not a database file, just words" * 20)
    with pytest.raises(StoreError):
        Store(url)
