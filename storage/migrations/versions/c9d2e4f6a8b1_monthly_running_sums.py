"""running sums of each ward's sessions by month, for reports of long periods

Revision ID: c9d2e4f6a8b1
Revises: b7e3f1a9c2d5
Create Date: 2026-11-28 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c9d2e4f6a8b1"
down_revision: str | None = "b7e3f1a9c2d5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tally_months",
        sa.Column("ward_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("key", sa.String(length=24), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ward_id"], ["wards.id"], name=op.f("fk_tally_months_ward_id_wards"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("ward_id", "month", "kind", "key", name=op.f("pk_tally_months")),
    )
    # The sums of the sessions already saved.
    if op.get_bind().dialect.name == "postgresql":
        month = "date_trunc('month', s.occurred_on)::date"
        key = "CAST(s.group_id AS VARCHAR)"
    else:
        month = "date(s.occurred_on, 'start of month')"
        key = "CAST(s.group_id AS TEXT)"
    insert = "INSERT INTO tally_months (ward_id, month, kind, key, n) "
    for kind, key_sql, value, source in (
        ("sessions", "''", "count(*)", ""),
        ("residents", "''", "sum(s.residents_count)", ""),
        ("group", key, "count(*)", ""),
        ("topic", "x.topic", "count(*)", "JOIN session_topics x ON x.session_id = s.id"),
        (
            "priority",
            "x.priority_group",
            "count(*)",
            "JOIN session_priority_groups x ON x.session_id = s.id",
        ),
        ("counter", "x.counter", "sum(x.value)", "JOIN session_counts x ON x.session_id = s.id"),
    ):
        grouped = f"s.ward_id, {month}" + ("" if key_sql == "''" else f", {key_sql}")
        op.execute(
            insert
            + f"SELECT s.ward_id, {month}, '{kind}', {key_sql}, {value} "
            + f"FROM support_sessions s {source} "
            + f"GROUP BY {grouped}"
        )


def downgrade() -> None:
    op.drop_table("tally_months")
