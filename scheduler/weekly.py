"""The weekly tally job: last week's report to each ward's staff (the whole ward) and to
each team leader (their team), with its chart and workbook, once per recipient and week.
A ward whose staff chose it also gets last month's report on the 1st, the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot import dates
from bot.dates import When
from bot.files import FileStore
from bot.i18n import Translator
from handlers.periods import period_key
from handlers.reports import ReportDraft, gather_report, render_report_files
from storage import audit, outbox, schedule, stats
from storage.access import Scope
from storage.db import Session
from storage.models import Member, Ward


@dataclass(slots=True)
class Sent:
    queued: int = 0
    already: int = 0


def tally_key(ward_id: int, week: str, member_id: int) -> str:
    return f"tally:{ward_id}:{week}:{member_id}"


def report_week(fire_day: dt.date) -> dt.date:
    """Monday of the last whole Monday-Sunday week before the day the tally goes out."""
    return stats.week_of(fire_day)[0] - dt.timedelta(days=7)


def report_month(fire_day: dt.date) -> When:
    """The last whole month before the day the monthly report goes out."""
    return dates.month_of(fire_day.replace(day=1) - dt.timedelta(days=1))


@dataclass(slots=True, frozen=True)
class Recipient:
    """One person a week's report goes to, as plain data (it outlives its session)."""

    member_id: int
    channel: str
    chat_id: str
    language: str
    scope: Scope
    key: str


async def plan_weekly(db: Session, ward_id: int, start: dt.date) -> tuple[list[Recipient], int]:
    """The ward's staff (whole ward) and team leaders (their team) who have not had the
    week's report yet, and how many had it already."""
    return await plan(db, ward_id, dates.week_of(start))


async def plan(db: Session, ward_id: int, when: When) -> tuple[list[Recipient], int]:
    """Who has not had the period's report yet, and how many had it already."""
    week = period_key(when)
    people: list[tuple[Member, Scope]] = [
        (m, Scope(ward_id=ward_id)) for m in await schedule.ward_staff(db, ward_id)
    ]
    people += [
        (m, Scope(ward_id=ward_id, group_id=m.group_id))
        for m in await schedule.team_leaders(db, ward_id)
    ]
    keys = [tally_key(ward_id, week, m.id) for m, _ in people]
    had = await outbox.queued_keys(db, keys)
    todo = [
        Recipient(m.id, m.channel, m.channel_user_id, m.language, scope, key)
        for (m, scope), key in zip(people, keys, strict=True)
        if key not in had
    ]
    return todo, len(had)


Drafts = dict[tuple[Scope, str], ReportDraft]


async def gather(db: Session, recipients: list[Recipient], when: When, today: dt.date) -> Drafts:
    """The figures of each report the recipients need (one per scope and language)."""
    drafts: Drafts = {}
    for person in recipients:
        t = Translator(person.language)
        if (person.scope, t.lang) not in drafts:
            drafts[(person.scope, t.lang)] = await gather_report(db, person.scope, when, today, t)
    return drafts


async def render(
    files: FileStore, drafts: Drafts, when: When
) -> dict[tuple[Scope, str], dict[str, Any]]:
    """Charts and workbooks, with no database session held (it is CPU work)."""
    made = {}
    intro = "report-monthly-intro" if when.kind == "month" else "report-weekly-intro"
    for (scope, lang), draft in drafts.items():
        t = Translator(lang)
        reply = await render_report_files(files, draft, t)
        reply.text = f"{t(intro)}\n\n{reply.text}"
        made[(scope, lang)] = reply.to_dict()
    return made


async def queue(
    db: Session,
    ward_id: int,
    when: When,
    recipients: list[Recipient],
    payloads: dict[tuple[Scope, str], dict[str, Any]],
    already: int,
    *,
    not_before: dt.datetime | None = None,
    actor_member_id: int | None = None,
) -> Sent:
    """Queue the rendered reports; the outbox key keeps each person to one per week."""
    result = Sent(already=already)
    for person in recipients:
        payload = payloads[(person.scope, Translator(person.language).lang)]
        if await outbox.enqueue_once(
            db, person.channel, person.chat_id, payload, person.key, not_before=not_before
        ):
            result.queued += 1
        else:
            result.already += 1
    audit.record(
        db,
        "report.sent",
        actor_member_id=actor_member_id,
        ward_id=ward_id,
        period=period_key(when),
        queued=result.queued,
        already=result.already,
    )
    return result


async def send_weekly(
    db: Session,
    files: FileStore,
    ward: Ward,
    start: dt.date,
    today: dt.date,
    *,
    not_before: dt.datetime | None = None,
    actor_member_id: int | None = None,
) -> Sent:
    """All in the caller's transaction (the CLI's `--send`). The scheduler runs the same
    steps with the rendering outside any transaction."""
    when = dates.week_of(start)
    recipients, already = await plan(db, ward.id, when)
    drafts = await gather(db, recipients, when, today)
    payloads = await render(files, drafts, when)
    return await queue(
        db,
        ward.id,
        when,
        recipients,
        payloads,
        already,
        not_before=not_before,
        actor_member_id=actor_member_id,
    )
