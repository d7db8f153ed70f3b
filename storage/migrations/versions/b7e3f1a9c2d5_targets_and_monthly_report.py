"""a ward's yearly targets per indicator; staff may choose a monthly report too

Revision ID: b7e3f1a9c2d5
Revises: a1c5e9f2b7d4
Create Date: 2026-11-28 00:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7e3f1a9c2d5"
down_revision: str | None = "a1c5e9f2b7d4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ward_schedules", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("monthly", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "indicator_targets",
        sa.Column("ward_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ward_id"],
            ["wards.id"],
            name=op.f("fk_indicator_targets_ward_id_wards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ward_id", "indicator", name=op.f("pk_indicator_targets")),
    )


def downgrade() -> None:
    op.drop_table("indicator_targets")
    with op.batch_alter_table("ward_schedules", schema=None) as batch_op:
        batch_op.drop_column("monthly")
