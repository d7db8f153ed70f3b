"""The daily follow-up run: each owner is reminded of what is due today; what is past its
date goes to the team leader (ward staff when the team has none), once per item."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from bot.clock import LOCAL_TZ
from bot.core import Reply
from bot.i18n import Translator
from handlers.followups import describe
from storage import followups, members, outbox, schedule
from storage.db import Session


async def remind(db: Session, today: dt.date, *, not_before: dt.datetime | None = None) -> int:
    """Queue today's follow-up messages; returns how many were queued."""
    arrives = not_before.astimezone(LOCAL_TZ).date() if not_before is not None else today
    queued = 0
    by_owner: dict[int, list[followups.FollowUpItem]] = defaultdict(list)
    for item in await followups.due_on(db, today):
        if item.owner_id is not None:
            by_owner[item.owner_id].append(item)
    for owner_id, items in by_owner.items():
        owner = await members.get(db, owner_id)
        if owner is None or owner.unreachable_at is not None:
            continue
        t = Translator(owner.language)
        # Held over quiet hours into the next day, "today" would no longer be true.
        head = (
            t("fu-due-today", n=len(items))
            if arrives == today
            else t("fu-due-on", n=len(items), date=f"{today:%d/%m}")
        )
        text = "\n".join([head] + [describe(t, i) for i in items])
        text += "\n" + t("fu-close-hint")
        key = f"fu-due:{owner_id}:{today.isoformat()}"
        queued += await outbox.enqueue_once(
            db,
            owner.channel,
            owner.channel_user_id,
            Reply(text).to_dict(),
            key,
            not_before=not_before,
        )
    overdue = await followups.newly_overdue(db, today)
    by_team: dict[tuple[int, int | None], list[followups.FollowUpItem]] = defaultdict(list)
    for item in overdue:
        by_team[(item.ward_id, item.group_id)].append(item)
    for (ward_id, group_id), items in by_team.items():
        leaders = await schedule.team_leaders(db, ward_id, group_id) if group_id else []
        for person in leaders or await schedule.ward_staff(db, ward_id):
            t = Translator(person.language)
            lines = [t("fu-overdue", n=len(items))]
            lines += [describe(t, i, with_owner=True) for i in items]
            lines.append(t("fu-close-hint"))
            key = f"fu-overdue:{person.id}:{today.isoformat()}:{group_id}"
            queued += await outbox.enqueue_once(
                db,
                person.channel,
                person.channel_user_id,
                Reply("\n".join(lines)).to_dict(),
                key,
                not_before=not_before,
            )
    await followups.mark_escalated(db, [i.id for i in overdue], today)
    return queued
