"""Invite codes: made by the CLI or by staff and leaders in chat, used to join."""

from __future__ import annotations

import datetime as dt
import enum
import re
import secrets

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.db import now_of
from storage.models import CodeAttempt, Invite, Role

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
_CODE_SHAPE = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}$")


class InviteStatus(enum.StrEnum):
    OK = "ok"
    NOT_FOUND = "not_found"
    EXPIRED = "expired"
    USED_UP = "used_up"
    REVOKED = "revoked"


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def canonical(text: str) -> str | None:
    """ "abcd-efgh", "ABCD EFGH" -> "ABCDEFGH"; None when it cannot be a code."""
    raw = re.sub(r"[\s\-_.]", "", text.strip()).upper()
    return raw if _CODE_SHAPE.match(raw) else None


_CODE_IN_TEXT = re.compile(rf"\b[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}\b", re.IGNORECASE)


def find(text: str) -> str | None:
    """The code in what a person typed or pasted: the code alone, or one "ABCD-EFGH" inside
    a forwarded message ("Mã mời ... : ABCD-EFGH ...")."""
    code = canonical(text)
    if code:
        return code
    found = {m.upper() for m in _CODE_IN_TEXT.findall(text)}
    return canonical(found.pop()) if len(found) == 1 else None


def display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


async def create(
    db: AsyncSession,
    *,
    role: Role,
    ward_id: int,
    group_id: int | None,
    max_uses: int = 1,
    days: int = 7,
    created_by_member_id: int | None = None,
    now: dt.datetime | None = None,
) -> Invite:
    now = now or now_of(db)
    invite = Invite(
        code=new_code(),
        role=role.value,
        ward_id=ward_id,
        group_id=group_id,
        max_uses=max_uses,
        used_count=0,
        expires_at=now + dt.timedelta(days=days),
        created_at=now,
        created_by_member_id=created_by_member_id,
    )
    db.add(invite)
    await db.flush()
    audit.record(
        db,
        "invite.created",
        actor_member_id=created_by_member_id,
        ward_id=ward_id,
        role=role.value,
        group_id=group_id,
        max_uses=max_uses,
        days=days,
    )
    return invite


async def get(db: AsyncSession, invite_id: int) -> Invite | None:
    return await db.get(Invite, invite_id)


async def lookup(
    db: AsyncSession, code: str, now: dt.datetime
) -> tuple[InviteStatus, Invite | None]:
    invite = await db.scalar(select(Invite).where(Invite.code == code))
    if invite is None:
        return InviteStatus.NOT_FOUND, None
    return status_of(invite, now), invite


async def record_wrong_code(
    db: AsyncSession, channel: str, chat_id: str, now: dt.datetime, origin: str | None = None
) -> None:
    db.add(CodeAttempt(channel=channel, chat_id=chat_id, origin=origin, at=now))
    # Old attempts are of no use: keep the table small.
    await db.execute(delete(CodeAttempt).where(CodeAttempt.at < now - dt.timedelta(days=1)))


async def wrong_codes_since(
    db: AsyncSession, channel: str, chat_id: str, since: dt.datetime
) -> tuple[int, dt.datetime | None]:
    """How many wrong codes this chat typed since `since`, and when the oldest was."""
    return await _wrong_codes(
        db, since, CodeAttempt.channel == channel, CodeAttempt.chat_id == chat_id
    )


async def wrong_codes_from(
    db: AsyncSession, origin: str, since: dt.datetime
) -> tuple[int, dt.datetime | None]:
    """How many wrong codes came from this client address since `since`, and the oldest."""
    return await _wrong_codes(db, since, CodeAttempt.origin == origin)


async def _wrong_codes(
    db: AsyncSession, since: dt.datetime, *where: ColumnElement[bool]
) -> tuple[int, dt.datetime | None]:
    count, oldest = (
        await db.execute(
            select(func.count(), func.min(CodeAttempt.at)).where(*where, CodeAttempt.at >= since)
        )
    ).one()
    return count or 0, _aware(oldest)


async def wrong_codes_everywhere(db: AsyncSession, since: dt.datetime) -> int:
    """Wrong codes typed anywhere in the bot since `since`: a guessing storm shows here."""
    found = await db.scalar(
        select(func.count()).select_from(CodeAttempt).where(CodeAttempt.at >= since)
    )
    return int(found or 0)


def _aware(oldest: dt.datetime | None) -> dt.datetime | None:
    # A MIN() over the column comes back without the column's type on SQLite: naive UTC.
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=dt.UTC)
    return oldest


def status_of(invite: Invite, now: dt.datetime) -> InviteStatus:
    """Whether the invite can still be used, and if not why (as `lookup` decides)."""
    if invite.revoked_at is not None:
        return InviteStatus.REVOKED
    if invite.expires_at <= now:
        return InviteStatus.EXPIRED
    if invite.used_count >= invite.max_uses:
        return InviteStatus.USED_UP
    return InviteStatus.OK


async def of_ward(db: AsyncSession, ward_id: int, since: dt.datetime) -> list[Invite]:
    """The ward's invites made since `since`, newest first."""
    rows = await db.scalars(
        select(Invite)
        .where(Invite.ward_id == ward_id, Invite.created_at >= since)
        .order_by(Invite.created_at.desc(), Invite.id.desc())
    )
    return list(rows)


async def revoke(db: AsyncSession, invite: Invite, now: dt.datetime, *, actor: int | None) -> bool:
    """Stop an invite from being used again; False if it was revoked already."""
    if invite.revoked_at is not None:
        return False
    invite.revoked_at = now
    audit.record(
        db, "invite.revoked", actor_member_id=actor, ward_id=invite.ward_id, invite_id=invite.id
    )
    return True
