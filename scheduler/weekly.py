"""The weekly tally job: last week's report to each ward's staff (the whole ward) and to
each team leader (their team), with its chart and workbook, once per recipient and week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import Reply
from bot.files import FileStore
from bot.i18n import Translator
from handlers.reports import build_weekly
from storage import audit, outbox, schedule, stats
from storage.access import Scope
from storage.models import Member, OutboxMessage, Ward


@dataclass(slots=True)
class Sent:
    queued: int = 0
    already: int = 0


def tally_key(ward_id: int, week: str, member_id: int) -> str:
    return f"tally:{ward_id}:{week}:{member_id}"


def report_week(fire_day: dt.date) -> dt.date:
    """Monday of the last whole Monday-Sunday week before the day the tally goes out."""
    return stats.week_of(fire_day)[0] - dt.timedelta(days=7)


async def send_weekly(
    db: AsyncSession,
    files: FileStore,
    ward: Ward,
    start: dt.date,
    today: dt.date,
    *,
    not_before: dt.datetime | None = None,
    actor_member_id: int | None = None,
) -> Sent:
    """Queue the week's report for the ward's staff and team leaders. A recipient who had
    it already (same ward, week and person) does not get it again."""
    week = stats.iso_week(start)
    recipients: list[tuple[Member, Scope]] = [
        (m, Scope(ward_id=ward.id)) for m in await schedule.ward_staff(db, ward.id)
    ]
    recipients += [
        (m, Scope(ward_id=ward.id, group_id=m.group_id))
        for m in await schedule.team_leaders(db, ward.id)
    ]
    keys = [tally_key(ward.id, week, m.id) for m, _ in recipients]
    had = set(await db.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))))
    result = Sent(already=len(had))
    made: dict[tuple[Scope, str], Reply] = {}
    for member, scope in recipients:
        key = tally_key(ward.id, week, member.id)
        if key in had:
            continue
        t = Translator(member.language)
        if (scope, t.lang) not in made:
            reply = await build_weekly(db, files, scope, start, today, t)
            reply.text = f"{t('report-weekly-intro')}\n\n{reply.text}"
            made[(scope, t.lang)] = reply
        payload = made[(scope, t.lang)].to_dict()
        if await outbox.enqueue_once(
            db, member.channel, member.channel_user_id, payload, key, not_before=not_before
        ):
            result.queued += 1
        else:
            result.already += 1
    audit.record(
        db,
        "report.sent",
        actor_member_id=actor_member_id,
        ward_id=ward.id,
        week=week,
        queued=result.queued,
        already=result.already,
    )
    return result
