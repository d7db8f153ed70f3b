"""The daily inactivity nudge: a volunteer or team leader who has logged no session for
`inactive_days` gets one friendly word, once per quiet spell (not again until they log a
session and go quiet again). They can turn it off in chat (/tatnhac)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import Reply
from bot.i18n import Translator
from storage import outbox, schedule


async def nudge(
    db: AsyncSession, now: dt.datetime, days: int, *, not_before: dt.datetime | None = None
) -> int:
    queued = 0
    for member in await schedule.inactive_members(db, now, days):
        t = Translator(member.language)
        text = t("nudge-message", name=member.display_name, days=days)
        key = f"nudge:{member.id}:{now.date().isoformat()}"
        queued += await outbox.enqueue_once(
            db,
            member.channel,
            member.channel_user_id,
            Reply(text).to_dict(),
            key,
            not_before=not_before,
        )
        member.nudged_at = now
    await db.flush()
    return queued
