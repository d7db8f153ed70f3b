"""archived residential groups, deactivated members, revoked invites (the ward's pages);
ways of asking a help-desk entry taught by ward staff

Revision ID: e7b3c5d9f1a4
Revises: d4f8a2c6e0b3
Create Date: 2026-11-28 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e7b3c5d9f1a4"
down_revision: str | None = "d4f8a2c6e0b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("wards", "archived_at"),
    ("residential_groups", "archived_at"),
    ("members", "deactivated_at"),
    ("invites", "revoked_at"),
)


def upgrade() -> None:
    for table, column in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(column, sa.DateTime(), nullable=True))
    op.create_table(
        "kb_phrasings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ward_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=48), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ward_id"], ["wards.id"], name=op.f("fk_kb_phrasings_ward_id_wards"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_phrasings")),
    )
    with op.batch_alter_table("kb_phrasings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_phrasings_ward_id"), ["ward_id"], unique=False)


def downgrade() -> None:
    op.drop_table("kb_phrasings")
    for table, column in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
