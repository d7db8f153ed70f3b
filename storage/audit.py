"""The audit log: who did what, with numbers and categories only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


def record(
    db: AsyncSession,
    action: str,
    *,
    actor_member_id: int | None = None,
    ward_id: int | None = None,
    **detail: Any,
) -> None:
    db.add(
        AuditEntry(action=action, actor_member_id=actor_member_id, ward_id=ward_id, detail=detail)
    )


async def latest(db: AsyncSession, ward_id: int, action: str, limit: int) -> list[AuditEntry]:
    """A ward's latest entries of one kind, newest first."""
    return list(
        await db.scalars(
            select(AuditEntry)
            .where(AuditEntry.ward_id == ward_id, AuditEntry.action == action)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        )
    )
