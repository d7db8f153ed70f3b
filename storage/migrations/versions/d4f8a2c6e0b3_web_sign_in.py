"""one-time links and browser sessions for the ward's web pages

Revision ID: d4f8a2c6e0b3
Revises: c9d2e4f6a8b1
Create Date: 2026-11-28 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d4f8a2c6e0b3"
down_revision: str | None = "c9d2e4f6a8b1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table, last in (("web_sign_ins", "used_at"), ("web_sessions", "revoked_at")):
        op.create_table(
            table,
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("member_id", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("expires_at", sa.DateTime(), nullable=False),
            sa.Column(last, sa.DateTime(), nullable=True),
            sa.ForeignKeyConstraint(
                ["member_id"],
                ["members.id"],
                name=op.f(f"fk_{table}_member_id_members"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("token_hash", name=op.f(f"pk_{table}")),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_table("web_sessions")
    op.drop_table("web_sign_ins")
