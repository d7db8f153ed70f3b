"""The daily inactivity nudge: a volunteer or team leader who has logged no session for
`inactive_days` gets one friendly word, once per quiet spell (not again until they log a
session and go quiet again). They can turn it off in chat (/tatnhac)."""

from __future__ import annotations

import datetime as dt

from bot.core import Reply
from bot.i18n import Translator
from storage import outbox, schedule
from storage.db import Session


async def nudge(
    db: Session, now: dt.datetime, days: int, *, not_before: dt.datetime | None = None
) -> int:
    queued = 0
    members = await schedule.inactive_members(db, now, days)
    for member in members:
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
    await schedule.mark_nudged(db, members, now)
    return queued
