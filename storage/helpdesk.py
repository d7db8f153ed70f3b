"""The residents' help desk: what wards wrote for their residents, where a resident said they
live and whether they want announcements, home-help requests (follow-ups of kind
"home_visit"), and the questions nobody could answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.db import now_of, rows_changed
from storage.models import (
    FOLLOW_UP_HOME_VISIT,
    CodeAttempt,
    Conversation,
    FollowUp,
    KbEntry,
    KbPhrasing,
    Member,
    ProcessedMessage,
    ResidentProfile,
    Role,
    UnansweredQuestion,
    Ward,
)

OPEN, DONE = "open", "done"

# -- What a ward wrote -----------------------------------------------------------------------


async def ward_entries(db: AsyncSession, ward_id: int) -> list[KbEntry]:
    rows = await db.scalars(
        select(KbEntry).where(KbEntry.ward_id == ward_id).order_by(KbEntry.key, KbEntry.lang)
    )
    return list(rows)


async def set_entry(
    db: AsyncSession,
    *,
    ward_id: int,
    key: str,
    lang: str,
    title: str,
    body: str,
    reviewed_on: dt.date,
    source_url: str | None = None,
    keywords: str | None = None,
    member_id: int | None = None,
) -> KbEntry:
    """Add the ward's entry for `key` in `lang`, or replace the one it had."""
    entry = await db.scalar(
        select(KbEntry).where(KbEntry.ward_id == ward_id, KbEntry.key == key, KbEntry.lang == lang)
    )
    if entry is None:
        entry = KbEntry(ward_id=ward_id, key=key, lang=lang)
        db.add(entry)
    entry.title, entry.body = title, body
    entry.source_url, entry.keywords = source_url, keywords
    entry.reviewed_on = reviewed_on
    entry.updated_at = now_of(db)
    entry.updated_by_member_id = member_id
    await db.flush()
    audit.record(db, "kb.entry_set", actor_member_id=member_id, ward_id=ward_id, key=key, lang=lang)
    return entry


async def remove_entry(
    db: AsyncSession, ward_id: int, key: str, lang: str | None = None, member_id: int | None = None
) -> int:
    query = delete(KbEntry).where(KbEntry.ward_id == ward_id, KbEntry.key == key)
    if lang:
        query = query.where(KbEntry.lang == lang)
    removed = await rows_changed(db, query)
    if removed:
        audit.record(db, "kb.entry_removed", actor_member_id=member_id, ward_id=ward_id, key=key)
    return removed


# -- Residents: where they live, announcements ----------------------------------------------


async def profile(db: AsyncSession, channel: str, chat_id: str) -> ResidentProfile | None:
    return await db.get(ResidentProfile, (channel, chat_id))


async def set_place(
    db: AsyncSession,
    channel: str,
    chat_id: str,
    ward_id: int,
    group_id: int | None,
    now: dt.datetime,
) -> ResidentProfile:
    """Remember the resident's ward (and group, when they said it)."""
    found = await profile(db, channel, chat_id)
    if found is None:
        found = ResidentProfile(channel=channel, chat_id=chat_id, ward_id=ward_id)
        db.add(found)
    elif found.ward_id != ward_id:
        # A move: the group and the announcements were the other ward's.
        found.subscribed_at = None
        found.group_id = None
    found.ward_id, found.updated_at = ward_id, now
    if group_id is not None:
        found.group_id = group_id
    await db.flush()
    return found


async def set_subscribed(
    db: AsyncSession, channel: str, chat_id: str, ward_id: int, on: bool, now: dt.datetime
) -> None:
    found = await set_place(db, channel, chat_id, ward_id, None, now)
    found.subscribed_at = now if on else None


async def subscribers(
    db: AsyncSession, ward_id: int, group_id: int | None = None
) -> list[tuple[str, str, str | None]]:
    """(channel, chat id, language) of every resident who asked for the ward's announcements
    (of one residential group's residents, with `group_id`)."""
    stmt = (
        select(ResidentProfile.channel, ResidentProfile.chat_id, Conversation.language)
        .outerjoin(
            Conversation,
            (Conversation.channel == ResidentProfile.channel)
            & (Conversation.chat_id == ResidentProfile.chat_id),
        )
        .where(ResidentProfile.ward_id == ward_id, ResidentProfile.subscribed_at.is_not(None))
        .order_by(ResidentProfile.subscribed_at)
    )
    if group_id is not None:
        stmt = stmt.where(ResidentProfile.group_id == group_id)
    rows = await db.execute(stmt)
    return [(c, i, lang) for c, i, lang in rows.all()]


async def all_wards(db: AsyncSession) -> list[Ward]:
    """The wards a resident may say they live in (archived ones left out)."""
    return list(
        await db.scalars(select(Ward).where(Ward.archived_at.is_(None)).order_by(Ward.name))
    )


# -- Home-help requests ---------------------------------------------------------------------


async def create_home_visit(
    db: AsyncSession,
    *,
    ward_id: int,
    group_id: int | None,
    channel: str,
    chat_id: str,
    preferred_time: str,
    due_on: dt.date,
    phone: str | None,
    now: dt.datetime,
) -> FollowUp:
    request = FollowUp(
        kind=FOLLOW_UP_HOME_VISIT,
        ward_id=ward_id,
        group_id=group_id,
        resident_channel=channel,
        resident_chat_id=chat_id,
        preferred_time=preferred_time,
        due_on=due_on,
        phone=phone,
        status=OPEN,
        created_at=now,
    )
    db.add(request)
    await db.flush()
    audit.record(db, "helpdesk.home_visit_requested", ward_id=ward_id, follow_up_id=request.id)
    return request


def _visible_to(member: Member) -> list[ColumnElement[bool]]:
    """Volunteers and leaders see their group's requests; staff their whole ward's."""
    where = [FollowUp.kind == FOLLOW_UP_HOME_VISIT, FollowUp.ward_id == member.ward_id]
    if member.role != Role.STAFF:
        where.append(FollowUp.group_id == member.group_id)
    return where


async def open_home_visits(db: AsyncSession, member: Member) -> list[FollowUp]:
    """Requests nobody has taken yet, oldest first, that this member may take."""
    rows = await db.scalars(
        select(FollowUp)
        .where(*_visible_to(member), FollowUp.status == OPEN, FollowUp.owner_member_id.is_(None))
        .order_by(FollowUp.created_at, FollowUp.id)
    )
    return list(rows)


async def taken_by(db: AsyncSession, member: Member) -> list[FollowUp]:
    rows = await db.scalars(
        select(FollowUp)
        .where(
            FollowUp.kind == FOLLOW_UP_HOME_VISIT,
            FollowUp.owner_member_id == member.id,
            FollowUp.status == OPEN,
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    return list(rows)


async def visible_home_visit(db: AsyncSession, member: Member, request_id: int) -> FollowUp | None:
    return await db.scalar(select(FollowUp).where(*_visible_to(member), FollowUp.id == request_id))


async def take(
    db: AsyncSession, member: Member, request_id: int, now: dt.datetime
) -> FollowUp | None:
    """Take a request, unless someone else took it first (then None)."""
    taken = await rows_changed(
        db,
        update(FollowUp)
        .where(
            *_visible_to(member),
            FollowUp.id == request_id,
            FollowUp.status == OPEN,
            FollowUp.owner_member_id.is_(None),
        )
        .values(owner_member_id=member.id, taken_at=now)
        .execution_options(synchronize_session=False),
    )
    if not taken:
        return None
    request = await db.get(FollowUp, request_id)
    assert request is not None
    await db.refresh(request)
    audit.record(
        db,
        "helpdesk.home_visit_taken",
        actor_member_id=member.id,
        ward_id=member.ward_id,
        follow_up_id=request_id,
    )
    return request


async def close(db: AsyncSession, member: Member, request_id: int, now: dt.datetime) -> bool:
    """Mark a request done; the phone number goes, its purpose has ended."""
    closed = await rows_changed(
        db,
        update(FollowUp)
        .where(
            FollowUp.kind == FOLLOW_UP_HOME_VISIT,
            FollowUp.id == request_id,
            FollowUp.owner_member_id == member.id,
            FollowUp.status == OPEN,
        )
        .values(status=DONE, closed_at=now, phone=None)
        .execution_options(synchronize_session=False),
    )
    if closed:
        audit.record(
            db,
            "helpdesk.home_visit_done",
            actor_member_id=member.id,
            ward_id=member.ward_id,
            follow_up_id=request_id,
        )
    return bool(closed)


async def team_of_group(db: AsyncSession, group_id: int) -> list[Member]:
    rows = await db.scalars(
        select(Member)
        .where(
            Member.group_id == group_id,
            Member.role.in_([Role.VOLUNTEER, Role.LEADER]),
            Member.deactivated_at.is_(None),
        )
        .order_by(Member.id)
    )
    return list(rows)


async def staff_of_ward(db: AsyncSession, ward_id: int) -> list[Member]:
    rows = await db.scalars(
        select(Member).where(
            Member.ward_id == ward_id, Member.role == Role.STAFF, Member.deactivated_at.is_(None)
        )
    )
    return list(rows)


async def requests_of_resident(db: AsyncSession, channel: str, chat_id: str) -> list[FollowUp]:
    rows = await db.scalars(
        select(FollowUp)
        .where(
            FollowUp.kind == FOLLOW_UP_HOME_VISIT,
            FollowUp.resident_channel == channel,
            FollowUp.resident_chat_id == chat_id,
        )
        .order_by(FollowUp.created_at)
    )
    return list(rows)


async def resident_language(db: AsyncSession, channel: str, chat_id: str) -> str | None:
    convo = await db.get(Conversation, (channel, chat_id))
    return convo.language if convo else None


async def erase_resident(db: AsyncSession, channel: str, chat_id: str) -> int:
    """Erase what the bot holds about a resident's chat: where they live, announcements,
    their home-help requests (phone included), the conversation. Returns the number of
    requests erased."""
    requests = await requests_of_resident(db, channel, chat_id)
    for request in requests:
        await db.delete(request)
    await db.execute(
        delete(ResidentProfile).where(
            ResidentProfile.channel == channel, ResidentProfile.chat_id == chat_id
        )
    )
    for table in (Conversation, ProcessedMessage, CodeAttempt):
        await db.execute(delete(table).where(table.channel == channel, table.chat_id == chat_id))
    audit.record(db, "helpdesk.resident_erased", requests=len(requests))
    return len(requests)


# -- Questions nobody could answer ----------------------------------------------------------


async def record_unanswered(
    db: AsyncSession, ward_id: int | None, question: str, folded: str, now: dt.datetime
) -> None:
    """Keep a question the help desk could not answer. The caller strips ID and phone
    numbers first (bot.text.strip_personal_data); nothing links it to who asked."""
    db.add(
        UnansweredQuestion(
            ward_id=ward_id, question=question[:300], folded=folded[:300], asked_at=now
        )
    )


@dataclass(frozen=True, slots=True)
class UnansweredTally:
    question: str  # one way it was asked
    count: int


async def top_unanswered(
    db: AsyncSession,
    ward_id: int | None,
    since: dt.datetime,
    until: dt.datetime,
    limit: int = 10,
) -> list[UnansweredTally]:
    """The questions of one ward the help desk could not answer between `since` (included)
    and `until` (excluded), most asked first; the same words typed with or without
    diacritics count as one question. For the ward's weekly summary."""
    rows = await db.execute(
        select(func.min(UnansweredQuestion.question), func.count())
        .where(
            UnansweredQuestion.ward_id.is_(None)
            if ward_id is None
            else UnansweredQuestion.ward_id == ward_id,
            UnansweredQuestion.asked_at >= since,
            UnansweredQuestion.asked_at < until,
        )
        .group_by(UnansweredQuestion.folded)
        .order_by(func.count().desc(), func.min(UnansweredQuestion.question))
        .limit(limit)
    )
    return [UnansweredTally(q, n) for q, n in rows.all()]


# -- Ways of asking, taught from the questions it missed ---------------------------------------

PHRASING_MAX = 300


@dataclass(frozen=True, slots=True)
class Unanswered:
    """One question residents of a ward asked in vain, as the ward's pages list it."""

    question: str  # one way it was asked (numbers and names stripped when kept)
    folded: str  # what identifies it: the same words with or without diacritics
    count: int


async def unanswered(
    db: AsyncSession, ward_id: int, since: dt.datetime, limit: int = 30
) -> list[Unanswered]:
    """The ward's unanswered questions since `since`, most asked first."""
    rows = await db.execute(
        select(func.min(UnansweredQuestion.question), UnansweredQuestion.folded, func.count())
        .where(UnansweredQuestion.ward_id == ward_id, UnansweredQuestion.asked_at >= since)
        .group_by(UnansweredQuestion.folded)
        .order_by(func.count().desc(), func.min(UnansweredQuestion.question))
        .limit(limit)
    )
    return [Unanswered(q, f, n) for q, f, n in rows.all()]


async def teach(
    db: AsyncSession,
    *,
    ward_id: int | None,
    key: str,
    folded: str,
    member_id: int | None,
) -> KbPhrasing | None:
    """Keep `folded` (a question, folded, numbers and names stripped) as another way of
    asking for entry `key`: for one ward, or for every ward (`ward_id` None). The ward's
    unanswered questions with these words are answered now and leave the list. None when
    it was taught already."""
    folded = folded.strip()[:PHRASING_MAX]
    if not folded:
        return None
    same = await db.scalar(
        select(KbPhrasing).where(
            KbPhrasing.key == key,
            KbPhrasing.text == folded,
            KbPhrasing.ward_id.is_(None) if ward_id is None else KbPhrasing.ward_id == ward_id,
        )
    )
    if same is not None:
        return None
    phrasing = KbPhrasing(ward_id=ward_id, key=key, text=folded, created_by_member_id=member_id)
    db.add(phrasing)
    if ward_id is not None:
        await db.execute(
            delete(UnansweredQuestion).where(
                UnansweredQuestion.ward_id == ward_id, UnansweredQuestion.folded == folded
            )
        )
    await db.flush()
    audit.record(
        db, "kb.taught", actor_member_id=member_id, ward_id=ward_id, key=key, phrasing=phrasing.id
    )
    return phrasing


async def phrasings(db: AsyncSession, ward_id: int | None) -> list[tuple[str, str]]:
    """(entry key, way of asking) taught for every ward, and for `ward_id` if given."""
    where: ColumnElement[bool] = KbPhrasing.ward_id.is_(None)
    if ward_id is not None:
        where = where | (KbPhrasing.ward_id == ward_id)
    rows = await db.execute(
        select(KbPhrasing.key, KbPhrasing.text).where(where).order_by(KbPhrasing.id)
    )
    return [(k, t) for k, t in rows.all()]


async def all_phrasings(db: AsyncSession, ward_id: int | None = None) -> list[KbPhrasing]:
    stmt = select(KbPhrasing).order_by(KbPhrasing.id)
    if ward_id is not None:
        stmt = stmt.where(KbPhrasing.ward_id == ward_id)
    return list(await db.scalars(stmt))


async def promote(db: AsyncSession, phrasing_id: int) -> KbPhrasing | None:
    """Make a ward's way of asking count for every ward (the administrator decides)."""
    found = await db.get(KbPhrasing, phrasing_id)
    if found is None or found.ward_id is None:
        return found
    ward = found.ward_id
    existing = await teach(db, ward_id=None, key=found.key, folded=found.text, member_id=None)
    await db.delete(found)
    audit.record(db, "kb.promoted", ward_id=ward, key=found.key)
    return existing
