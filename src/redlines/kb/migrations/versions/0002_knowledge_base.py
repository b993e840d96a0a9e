"""Knowledge base: facts, fact evidence, policy states, contradictions (with as-of indexes).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "facts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("block", sa.String(500), nullable=False, index=True),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("actor", sa.String(200), index=True),
        sa.Column("recipient", sa.String(200)),
        sa.Column("weapon_kind", sa.String(16)),
        sa.Column("weapon_id", sa.String(200), index=True),
        sa.Column("zones", sa.String(200), nullable=False),
        sa.Column("target_type", sa.String(200)),
        sa.Column("action", sa.String(32)),
        sa.Column("polarity", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("dated_by_publication", sa.Boolean, nullable=False),
        sa.Column("quantity", sa.Integer),
        sa.Column("money_amount", sa.Float),
        sa.Column("money_currency", sa.String(8)),
        sa.Column("speaker", sa.String(200)),
        sa.Column("topic", sa.Text),
        sa.Column("corroboration", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_table(
        "fact_evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("statement_id", sa.Integer),
        sa.Column("document_id", sa.String(64), nullable=False, index=True),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.Date),
        sa.Column("sentence_index", sa.Integer, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("quantity", sa.Integer),
        sa.Column("money_amount", sa.Float),
    )
    op.create_table(
        "policy_states",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("donor", sa.String(200), nullable=False),
        sa.Column("weapon_kind", sa.String(16), nullable=False),
        sa.Column("weapon_id", sa.String(200), nullable=False),
        sa.Column("zone", sa.String(16), nullable=False),
        sa.Column("basis", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_to", sa.Date),
        sa.Column("fact_ids", sa.Text, nullable=False),
        sa.Column("support_ids", sa.Text, nullable=False),
    )
    op.create_index("ix_policy_asof", "policy_states", ["donor", "weapon_kind", "weapon_id", "zone", "valid_from"])
    op.create_index("ix_policy_weapon", "policy_states", ["weapon_kind", "weapon_id", "zone"])
    op.create_table(
        "contradictions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("actor", sa.String(200), nullable=False, index=True),
        sa.Column("scope", sa.String(600), nullable=False, index=True),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("fact_ids", sa.Text, nullable=False),
        sa.Column("values", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("contradictions", "policy_states", "fact_evidence", "facts"):
        op.drop_table(name)
