"""wrong invite codes remember the web client's address, so guessing is limited per address

Revision ID: e7b2c4d6a8f1
Revises: d5e1a7c3b9f0
Create Date: 2026-11-27 18:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e7b2c4d6a8f1"
down_revision: str | None = "d5e1a7c3b9f0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("code_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_code_attempts_origin_at", ["origin", "at"], unique=False)
        batch_op.create_index("ix_code_attempts_at", ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("code_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_code_attempts_at")
        batch_op.drop_index("ix_code_attempts_origin_at")
        batch_op.drop_column("origin")
