"""The daily deadline run: team leaders (and staff, where a deadline concerns them) are
reminded of the reports that fall due soon, a few days before and on the day itself, until
their group has handed the report in.

Each reminder has its key (deadline, due date, offset, person), so it goes out once. On a
day after downtime, the latest reminder whose day has come is sent (with the days actually
left), and the older ones it replaces are skipped."""

from __future__ import annotations

import datetime as dt

from bot.clock import LOCAL_TZ
from bot.core import Reply
from bot.i18n import Translator
from storage import deadlines, outbox, schedule
from storage.db import Session
from storage.models import Deadline, Member, Role


def reminder_key(deadline_id: int, period: dt.date, offset: int, member_id: int) -> str:
    return f"deadline:{deadline_id}:{period.isoformat()}:{offset}:{member_id}"


def _due_soon(deadline: Deadline, today: dt.date) -> list[tuple[dt.date, int]]:
    """(due date, offset) of each period whose latest reminder day has come by `today`."""
    offsets = deadlines.offsets_of(deadline)
    if not offsets:
        return []
    found = []
    for ahead in range(offsets[0] + 1):
        due = today + dt.timedelta(days=ahead)
        if not deadlines.falls_on(deadline, due):
            continue
        # The smallest offset whose day is today or already passed.
        started = [o for o in offsets if o >= ahead]
        if started:
            found.append((due, min(started)))
    return found


def message(t: Translator, deadline: Deadline, due: dt.date, arrives: dt.date, staff: bool) -> str:
    """The reminder as it reads on `arrives`, the day it reaches the person: a reminder held
    over quiet hours must not say "tomorrow" on the due day itself."""
    left = (due - arrives).days
    text = t(
        "dl-reminder",
        title=deadline.title,
        due=due.strftime("%d/%m/%Y"),
        left=left,
    )
    return text + "\n" + t("dl-reminder-staff-hint" if staff else "dl-reminder-hint")


async def remind(db: Session, today: dt.date, *, not_before: dt.datetime | None = None) -> int:
    """Queue today's deadline reminders; returns how many were queued. Held until
    `not_before`, each says how many days are left on the day it arrives."""
    arrives = not_before.astimezone(LOCAL_TZ).date() if not_before is not None else today
    queued = 0
    for deadline in await deadlines.every(db):
        roles = deadlines.roles_of(deadline)
        for due, offset in _due_soon(deadline, today):
            if due < arrives:
                continue  # it would arrive after the due date: nothing true left to say
            # Keyed by the reminder it is on the day it arrives, so the day's own run does
            # not send a second one ("today" held from last night, then "today" again).
            left = (due - arrives).days
            offset = min(o for o in deadlines.offsets_of(deadline) if o >= left)
            people: list[Member] = []
            if Role.LEADER.value in roles:
                done = await deadlines.submitted_groups(db, deadline.id, due)
                leaders = await schedule.team_leaders(db, deadline.ward_id)
                people += [m for m in leaders if m.group_id not in done]
            if Role.STAFF.value in roles:
                people += await schedule.ward_staff(db, deadline.ward_id)
            for person in people:
                t = Translator(person.language)
                text = message(t, deadline, due, arrives, person.role == Role.STAFF)
                queued += await outbox.enqueue_once(
                    db,
                    person.channel,
                    person.channel_user_id,
                    Reply(text).to_dict(),
                    reminder_key(deadline.id, due, offset, person.id),
                    not_before=not_before,
                )
    return queued
