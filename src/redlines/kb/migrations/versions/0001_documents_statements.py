"""Baseline: documents, removed spans and statements.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the ingest tables as the models define them (baseline of an empty database)."""
    from redlines.kb.schema import Base

    tables = [Base.metadata.tables[n] for n in ("documents", "removed_spans", "statements")]
    Base.metadata.create_all(op.get_bind(), tables=tables)


def downgrade() -> None:
    for name in ("statements", "removed_spans", "documents"):
        op.drop_table(name)


_ = sa
