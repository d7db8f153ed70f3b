"""outbox claims name their sender, so a renewal only keeps what the sender still holds

Revision ID: f3a9d1e5c7b2
Revises: e7b2c4d6a8f1
Create Date: 2026-11-27 19:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f3a9d1e5c7b2"
down_revision: str | None = "e7b2c4d6a8f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("claimed_by")
