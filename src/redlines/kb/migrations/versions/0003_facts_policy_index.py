"""Composite index on facts for the per-(donor, weapon) policy recompute of incremental updates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_facts_policy", "facts", ["actor", "weapon_kind", "weapon_id", "type"])


def downgrade() -> None:
    op.drop_index("ix_facts_policy", table_name="facts")
