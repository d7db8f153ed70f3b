"""outbox messages say which member they are about, so erasing that member withdraws them

A "new member" notice names the person who joined; when they erase their data before it
is delivered, the notice is withdrawn with its text.

Revision ID: d5e1a7c3b9f0
Revises: c478b7868d22
Create Date: 2026-11-27 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d5e1a7c3b9f0"
down_revision: str | None = "c478b7868d22"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("about_member_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_outbox_about_member_id", ["about_member_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_about_member_id")
        batch_op.drop_column("about_member_id")
