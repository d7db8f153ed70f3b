"""each ward shapes its session form: its own topics, priority groups and counters

Revision ID: a1c5e9f2b7d4
Revises: f3a9d1e5c7b2
Create Date: 2026-11-27 23:59:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a1c5e9f2b7d4"
down_revision: str | None = "f3a9d1e5c7b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("wards", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("form_version", sa.Integer(), server_default="0", nullable=False)
        )
    op.create_table(
        "session_counts",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("counter", sa.String(length=24), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["support_sessions.id"],
            name=op.f("fk_session_counts_session_id_support_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "counter", name=op.f("pk_session_counts")),
    )
    op.create_table(
        "form_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ward_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=24), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=True),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=24), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ward_id"], ["wards.id"], name=op.f("fk_form_items_ward_id_wards"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_items")),
        sa.UniqueConstraint("ward_id", "kind", "key", name=op.f("uq_form_items_ward_id")),
    )
    with op.batch_alter_table("form_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_items_ward_id"), ["ward_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("form_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_items_ward_id"))
    op.drop_table("form_items")
    op.drop_table("session_counts")
    with op.batch_alter_table("wards", schema=None) as batch_op:
        batch_op.drop_column("form_version")
