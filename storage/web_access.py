"""Signing in to the ward's web pages without a password: a link asked for in chat, good
once and for LINK_MINUTES, opens a browser session of SESSION_HOURS. Only hashes of the
tokens are stored; every link, sign-in and sign-out is in the audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import Member, WebSession, WebSignIn

LINK_MINUTES = 10
SESSION_HOURS = 12
# At most this many links per person in an hour: a link forwarded by mistake or a stolen
# phone cannot mint sessions without end.
LINKS_PER_HOUR = 5


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def links_in_last_hour(db: AsyncSession, member: Member, now: dt.datetime) -> int:
    """How many sign-in links `member` asked for in the hour before `now`."""
    found = await db.scalar(
        select(func.count())
        .select_from(WebSignIn)
        .where(WebSignIn.member_id == member.id, WebSignIn.created_at > now - dt.timedelta(hours=1))
    )
    return int(found or 0)


async def new_link(db: AsyncSession, member: Member, now: dt.datetime) -> str | None:
    """A one-time sign-in token for `member` (the raw token: only its hash is kept); None
    past LINKS_PER_HOUR links in the last hour."""
    if await links_in_last_hour(db, member, now) >= LINKS_PER_HOUR:
        audit.record(db, "web.link_refused", actor_member_id=member.id, ward_id=member.ward_id)
        return None
    token = secrets.token_urlsafe(24)
    db.add(
        WebSignIn(
            token_hash=_hash(token),
            member_id=member.id,
            created_at=now,
            expires_at=now + dt.timedelta(minutes=LINK_MINUTES),
        )
    )
    audit.record(db, "web.link", actor_member_id=member.id, ward_id=member.ward_id)
    return token


async def sign_in(db: AsyncSession, token: str, now: dt.datetime) -> str | None:
    """Trade a sign-in link for a browser session (its raw token), once; None for a link
    that is unknown, used or expired."""
    if not token or len(token) > 100:
        return None
    found = await db.scalar(
        select(WebSignIn).where(WebSignIn.token_hash == _hash(token)).with_for_update()
    )
    if found is None or found.used_at is not None or found.expires_at <= now:
        return None
    found.used_at = now
    member = await db.get(Member, found.member_id)
    if member is None or member.deactivated_at is not None:
        return None
    return _open_session(db, member, now, "link")


def _open_session(db: AsyncSession, member: Member, now: dt.datetime, via: str) -> str:
    session = secrets.token_urlsafe(32)
    db.add(
        WebSession(
            token_hash=_hash(session),
            member_id=member.id,
            created_at=now,
            expires_at=now + dt.timedelta(hours=SESSION_HOURS),
        )
    )
    audit.record(db, "web.sign_in", actor_member_id=member.id, ward_id=member.ward_id, via=via)
    return session


async def sign_in_telegram(
    db: AsyncSession, user_id: int, now: dt.datetime
) -> tuple[str, Member] | None:
    """A browser session for the Telegram user a Mini App's signed launch data vouches for
    (checked by the caller), if they are an active member; None otherwise."""
    member = await db.scalar(
        select(Member).where(
            Member.channel == "telegram",
            Member.channel_user_id == str(user_id),
            Member.deactivated_at.is_(None),
        )
    )
    if member is None:
        return None
    return _open_session(db, member, now, "telegram"), member


async def member_of(db: AsyncSession, session: str, now: dt.datetime) -> Member | None:
    """Who a browser session is, while it lasts."""
    if not session or len(session) > 100:
        return None
    found = await db.scalar(select(WebSession).where(WebSession.token_hash == _hash(session)))
    if found is None or found.revoked_at is not None or found.expires_at <= now:
        return None
    member = await db.get(Member, found.member_id)
    return None if member is None or member.deactivated_at is not None else member


async def sign_out(db: AsyncSession, member: Member, now: dt.datetime) -> int:
    """End every browser session of `member` (asked in chat); how many there were."""
    result = await db.execute(
        update(WebSession)
        .where(
            WebSession.member_id == member.id,
            WebSession.revoked_at.is_(None),
            WebSession.expires_at > now,
        )
        .values(revoked_at=now)
    )
    ended = int(getattr(result, "rowcount", 0) or 0)
    # Links asked for and not opened yet go too.
    await db.execute(
        update(WebSignIn)
        .where(
            WebSignIn.member_id == member.id,
            WebSignIn.used_at.is_(None),
            WebSignIn.expires_at > now,
        )
        .values(used_at=now)
    )
    audit.record(
        db, "web.sign_out", actor_member_id=member.id, ward_id=member.ward_id, sessions=ended
    )
    return ended
