"""The tables. Timestamps are stored in UTC; dates (`occurred_on`, `due_on`) are local dates
in Asia/Ho_Chi_Minh, because that is the day the volunteer means."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def stamped(*, on_update: bool = False, **kw: Any) -> Any:
    """A timestamp the session fills from the application's clock when the row is added
    (and, with `on_update`, whenever it changes): see storage/db.py `StampedSession`."""
    return mapped_column(info={"stamp": "update" if on_update else "insert"}, **kw)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone, so we store naive UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


class Role(enum.StrEnum):
    VOLUNTEER = "volunteer"
    LEADER = "leader"
    STAFF = "staff"
    # The deployment's administrator, for the whole city: made with `ngoso admin link`, signs
    # in to the ward's web pages only (never chats); the row's ward is merely where it starts.
    ADMIN = "admin"


class GroupKind(enum.StrEnum):
    URBAN = "to_dan_pho"  # tổ dân phố
    RURAL = "thon"  # thôn


class Ward(Base):
    __tablename__ = "wards"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(100))
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = stamped()
    # The version of the ward's session form (storage/forms.py): one more on every change.
    form_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Archived by the administrator (a ward merged away): left out of the city's figures.
    archived_at: Mapped[dt.datetime | None]

    groups: Mapped[list[ResidentialGroup]] = relationship(
        back_populates="ward", order_by="ResidentialGroup.name"
    )


class ResidentialGroup(Base):
    """A tổ dân phố (urban) or thôn (rural); each has one community digital team."""

    __tablename__ = "residential_groups"
    __table_args__ = (UniqueConstraint("ward_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default=GroupKind.URBAN.value)
    created_at: Mapped[dt.datetime] = stamped()
    # Archived by ward staff: no longer listed, invited to or counted as idle; its sessions
    # stay in the reports of the periods they belong to.
    archived_at: Mapped[dt.datetime | None]

    ward: Mapped[Ward] = relationship(back_populates="groups")


class Member(Base):
    """A person who joined through an invite: a volunteer, a team leader or ward staff."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("channel", "channel_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    channel_user_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("residential_groups.id", ondelete="SET NULL"), index=True
    )
    language: Mapped[str] = mapped_column(String(5), default="vi")
    consent_at: Mapped[dt.datetime]
    joined_at: Mapped[dt.datetime] = stamped()
    invite_id: Mapped[int | None] = mapped_column(ForeignKey("invites.id", ondelete="SET NULL"))
    # Set when the channel says the person blocked the bot: nothing more is sent until they
    # write again.
    unreachable_at: Mapped[dt.datetime | None]
    # Inactivity nudges (scheduler/nudges.py): the person turned them off; when the last
    # one went out (one per quiet spell).
    nudges_off: Mapped[bool] = mapped_column(default=False, server_default=false())
    nudged_at: Mapped[dt.datetime | None]
    # Deactivated by ward staff: the person is no longer a member (the bot treats them as a
    # resident and sends them nothing as a member); their sessions stay in the reports.
    deactivated_at: Mapped[dt.datetime | None]


class Invite(Base):
    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("residential_groups.id", ondelete="CASCADE")
    )
    max_uses: Mapped[int] = mapped_column(default=1)
    used_count: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime] = stamped()
    # Plain number, not a foreign key: the audit trail outlives an erased member.
    created_by_member_id: Mapped[int | None] = mapped_column(Integer)
    revoked_at: Mapped[dt.datetime | None]


class SupportSession(Base):
    """One door-to-door support session logged by a volunteer. Residents are counted and
    categorised, never named."""

    __tablename__ = "support_sessions"
    __table_args__ = (
        Index("ix_support_sessions_ward_day", "ward_id", "occurred_on"),
        Index("ix_support_sessions_group_day", "group_id", "occurred_on"),
        Index("ix_support_sessions_member_day", "member_id", "occurred_on"),
        # The member's latest session (the main menu offers to change it for a few minutes).
        Index("ix_support_sessions_member_created", "member_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_groups.id", ondelete="CASCADE"))
    # NULL once the volunteer has erased themselves: the session stays as an anonymous count.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    residents_count: Mapped[int] = mapped_column(default=1)
    place: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = stamped()
    updated_at: Mapped[dt.datetime] = stamped(on_update=True)

    # Loaded only where asked for (storage.sessions), never behind the caller's back.
    topics: Mapped[list[SessionTopic]] = relationship(
        cascade="all, delete-orphan", lazy="raise_on_sql", passive_deletes=True
    )
    priority_groups: Mapped[list[SessionPriorityGroup]] = relationship(
        cascade="all, delete-orphan", lazy="raise_on_sql", passive_deletes=True
    )
    counts: Mapped[list[SessionCount]] = relationship(
        cascade="all, delete-orphan", lazy="raise_on_sql", passive_deletes=True
    )


class SessionTopic(Base):
    __tablename__ = "session_topics"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("support_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(24), primary_key=True)


class SessionPriorityGroup(Base):
    __tablename__ = "session_priority_groups"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("support_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    priority_group: Mapped[str] = mapped_column(String(24), primary_key=True)


class SessionCount(Base):
    """A number the ward's form asks after a topic ("VNeID accounts activated: 2")."""

    __tablename__ = "session_counts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("support_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    counter: Mapped[str] = mapped_column(String(24), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class FormKind(enum.StrEnum):
    TOPIC = "topic"
    PRIORITY = "priority"
    COUNTER = "counter"


class FormItem(Base):
    """How a ward shapes its session form: its own name for a built-in topic, priority group
    or counter, a hidden one, or one of its own. A ward with no rows uses the national
    defaults. Items are never deleted: a past session keeps the key it was saved with."""

    __tablename__ = "form_items"
    __table_args__ = (UniqueConstraint("ward_id", "kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(24))
    # The ward's own name for it (None: the built-in name, in the reader's language).
    label: Mapped[str | None] = mapped_column(String(120))
    hidden: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # A counter: the topic after which it is asked.
    topic: Mapped[str | None] = mapped_column(String(24))
    # The form version in which it last changed.
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = stamped(on_update=True)
    updated_by_member_id: Mapped[int | None] = mapped_column(Integer)


class IndicatorTarget(Base):
    """A ward's target for a year: a number of sessions, of residents helped or of a
    counter ("500 VNeID accounts activated a year"), or the share of residential groups
    whose team is active ("active_groups", in percent; the plans ask 100%)."""

    __tablename__ = "indicator_targets"

    ward_id: Mapped[int] = mapped_column(
        ForeignKey("wards.id", ondelete="CASCADE"), primary_key=True
    )
    indicator: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = stamped(on_update=True)
    updated_by_member_id: Mapped[int | None] = mapped_column(Integer)


class TallyMonth(Base):
    """A running sum of a ward's sessions by month, kept as sessions are saved, changed and
    undone (storage/rollups.py), so a year or a city reads a few thousand rows instead of
    millions. `kind`: "sessions", "residents" (key ""), "topic", "priority", "counter" (key:
    the item; for a counter `n` sums its values), "group" (key: the group's id, `n` its
    sessions, so the active groups of any months are the keys with n > 0)."""

    __tablename__ = "tally_months"

    ward_id: Mapped[int] = mapped_column(
        ForeignKey("wards.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    key: Mapped[str] = mapped_column(String(24), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class WebSignIn(Base):
    """A one-time link into the ward's web pages, asked for in chat (kept as a hash)."""

    __tablename__ = "web_sign_ins"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = stamped()
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class WebSession(Base):
    """A browser signed in to the ward's web pages (the cookie's token, kept as a hash)."""

    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = stamped()
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]


FOLLOW_UP_SESSION = "session"
FOLLOW_UP_HOME_VISIT = "home_visit"


class FollowUp(Base):
    """Something a volunteer promised to come back to, with a due date."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_ward_status_due", "ward_id", "status", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_sessions.id", ondelete="CASCADE"), index=True
    )
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("residential_groups.id", ondelete="CASCADE")
    )
    owner_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[dt.datetime] = stamped()
    closed_at: Mapped[dt.datetime | None]
    # The day the scheduler told the team leader it was overdue (once per item).
    escalated_on: Mapped[dt.date | None] = mapped_column(Date)
    # Help desk: a resident asking for a volunteer at home ("home_visit"), with the chat to
    # answer, the time they prefer and, only with their consent, a phone number. The phone is
    # cleared when the request is closed: its purpose has ended.
    kind: Mapped[str] = mapped_column(
        String(16), default=FOLLOW_UP_SESSION, server_default="session"
    )
    resident_channel: Mapped[str | None] = mapped_column(String(16))
    resident_chat_id: Mapped[str | None] = mapped_column(String(64))
    preferred_time: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20))
    taken_at: Mapped[dt.datetime | None]


class Conversation(Base):
    """Where each chat is in its conversation, so a restart resumes it."""

    __tablename__ = "conversations"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    chat_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    flow: Mapped[str | None] = mapped_column(String(32))
    step: Mapped[str | None] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The menu last shown: its number and choices, to resolve answers and spot old buttons.
    menu: Mapped[dict[str, Any]] = mapped_column(default=dict)
    menu_seq: Mapped[int] = mapped_column(default=0)
    # Language of a chat whose person is not a member (members carry their own).
    language: Mapped[str | None] = mapped_column(String(5))
    updated_at: Mapped[dt.datetime] = stamped()


class ProcessedMessage(Base):
    """Messages already handled: a channel that delivers one twice gets one answer."""

    __tablename__ = "processed_messages"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    chat_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    processed_at: Mapped[dt.datetime] = stamped(index=True)
    # What the bot answered, for a web page that retries a request whose answer was lost.
    replies: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class CodeAttempt(Base):
    """A wrong invite code typed in a chat; used to slow down guessing."""

    __tablename__ = "code_attempts"
    __table_args__ = (
        Index("ix_code_attempts_chat_at", "channel", "chat_id", "at"),
        Index("ix_code_attempts_origin_at", "origin", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    # The client address of a web chat (None on Telegram and Zalo, whose accounts are the
    # platform's): limits guessing by a browser that starts a new chat for every guess.
    origin: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = stamped(index=True)


class AuditEntry(Base):
    """Who did what. Holds numbers and categories only, never personal data."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = stamped(index=True)
    actor_member_id: Mapped[int | None] = mapped_column(Integer)
    ward_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(48))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    UNREACHABLE = "unreachable"  # the person blocked the bot (403): never retried
    FAILED = "failed"  # refused for good (400) or out of attempts
    WITHDRAWN = "withdrawn"  # the person it was to, or about, erased their data first


class OutboxMessage(Base):
    """A message the bot sends on its own (not a direct reply), kept until delivered.

    `key`, when given, makes a message idempotent: a second message with the same key is
    not queued (a weekly tally per ward, week and recipient). `batch` groups the messages of
    one announcement so staff can see how many arrived. `not_before` holds a message back
    (quiet hours, retry backoff); `claimed_until` is a sender's lease on it."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_pending", "channel", "chat_id", "delivered_at"),
        Index("ix_outbox_due", "status", "channel", "not_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = stamped()
    delivered_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING)
    key: Mapped[str | None] = mapped_column(String(160), unique=True)
    batch: Mapped[str | None] = mapped_column(String(64), index=True)
    not_before: Mapped[dt.datetime] = stamped()
    claimed_until: Mapped[dt.datetime | None]
    # Which sender holds the claim: a renewal keeps only what its sender still holds.
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    # The member the text names (a "new member" notice), so erasing them withdraws it. A plain
    # number: the message outlives nobody, it is withdrawn when they go.
    about_member_id: Mapped[int | None] = mapped_column(Integer, index=True)


# -- The scheduler: when each ward gets its weekly tally, what has been done, who runs it. --


class WardSchedule(Base):
    """When a ward's weekly tally goes out (local time); a ward with no row uses the
    defaults from the settings (Monday 08:00)."""

    __tablename__ = "ward_schedules"

    ward_id: Mapped[int] = mapped_column(
        ForeignKey("wards.id", ondelete="CASCADE"), primary_key=True
    )
    tally_weekday: Mapped[int] = mapped_column(Integer, default=0)  # 0 = Monday
    tally_time: Mapped[str] = mapped_column(String(5), default="08:00")  # HH:MM
    # Staff chose to get last month's report too, on the 1st at `tally_time`.
    monthly: Mapped[bool] = mapped_column(default=False, server_default=false())


class ScheduledRun(Base):
    """One piece of scheduled work done for one period ("tally:12:2026-W47"). Its key is
    unique, so work that fell due while the bot was down runs once after the start, and
    never twice, whichever process gets there."""

    __tablename__ = "scheduled_runs"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    done_at: Mapped[dt.datetime] = stamped()
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SchedulerLease(Base):
    """The one process allowed to run scheduled work: it renews its lease on every tick;
    another process takes over only once the lease has run out."""

    __tablename__ = "scheduler_lease"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[dt.datetime]


# -- Reporting deadlines: what ward staff expect from the teams, and who handed it in. ------


class DeadlineKind(enum.StrEnum):
    ONCE = "once"  # one date
    WEEKLY = "weekly"  # a weekday
    MONTHLY = "monthly"  # a day of the month (the month's last day when it is shorter)
    YEARLY = "yearly"  # a day and month (05/11)


class Deadline(Base):
    """A report due from the teams (or the ward staff) on one date or every week, month or
    year. Reminders go out `offsets` days before each due date ("3,1,0")."""

    __tablename__ = "deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8))
    on_date: Mapped[dt.date | None] = mapped_column(Date)  # ONCE
    weekday: Mapped[int | None] = mapped_column(Integer)  # WEEKLY: 0 = Monday
    day: Mapped[int | None] = mapped_column(Integer)  # MONTHLY, YEARLY
    month: Mapped[int | None] = mapped_column(Integer)  # YEARLY
    roles: Mapped[str] = mapped_column(String(32), default="leader")  # "leader,staff"
    offsets: Mapped[str] = mapped_column(String(32), default="3,1,0")
    created_at: Mapped[dt.datetime] = stamped()
    created_by_member_id: Mapped[int | None] = mapped_column(Integer)


class DeadlineSubmission(Base):
    """A residential group handed in the report due on `period` (the due date)."""

    __tablename__ = "deadline_submissions"
    __table_args__ = (UniqueConstraint("deadline_id", "period", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadlines.id", ondelete="CASCADE"))
    period: Mapped[dt.date] = mapped_column(Date)
    group_id: Mapped[int] = mapped_column(ForeignKey("residential_groups.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(Integer)
    submitted_at: Mapped[dt.datetime] = stamped()


# -- The residents' help desk ------------------------------------------------------------------


class KbEntry(Base):
    """A help-desk answer a ward wrote for its residents: a ward-local entry (the ward office's
    address, hours, phone) or its own version of a built-in entry with the same key. Written
    by ward staff in chat or with `ngoso kb set`; no code change needed."""

    __tablename__ = "kb_entries"
    __table_args__ = (UniqueConstraint("ward_id", "key", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(48))
    lang: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(String(300))
    # Extra words residents type for it, comma separated.
    keywords: Mapped[str | None] = mapped_column(String(500))
    reviewed_on: Mapped[dt.date] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = stamped(on_update=True)
    # Plain number, not a foreign key: the entry outlives the staff member who wrote it.
    updated_by_member_id: Mapped[int | None] = mapped_column(Integer)


class KbPhrasing(Base):
    """Another way residents ask for a help-desk entry, taught by ward staff from a question
    the help desk missed: it counts for their ward at once, or for every ward (no ward) once
    an administrator promotes it. Stored folded, names and numbers stripped."""

    __tablename__ = "kb_phrasings"

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int | None] = mapped_column(
        ForeignKey("wards.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(48))
    text: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = stamped()
    created_by_member_id: Mapped[int | None] = mapped_column(Integer)


class ResidentProfile(Base):
    """What a resident (not a member) told the bot about where they live, and whether they
    want their ward's announcements. Keyed by chat; erased with /forgetme."""

    __tablename__ = "resident_profiles"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    chat_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("residential_groups.id", ondelete="SET NULL")
    )
    subscribed_at: Mapped[dt.datetime | None]
    updated_at: Mapped[dt.datetime] = stamped(on_update=True)


class UnansweredQuestion(Base):
    """A question the help desk had no answer for, with ID and phone numbers stripped and no
    link to who asked: what the knowledge base lacks."""

    __tablename__ = "unanswered_questions"
    __table_args__ = (Index("ix_unanswered_questions_ward_at", "ward_id", "asked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ward_id: Mapped[int | None] = mapped_column(ForeignKey("wards.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(300))
    folded: Mapped[str] = mapped_column(String(300))
    asked_at: Mapped[dt.datetime] = stamped()


# -- The vocabulary of a support session. Labels live in locales/ as "<kind>-<value>". -----


class Topic(enum.StrEnum):
    VNEID = "vneid"  # install and activate
    VNEID_LEVEL2 = "vneid_level2"
    VNEID_WALLET = "vneid_wallet"  # documents in the VNeID wallet
    PUBLIC_SERVICES = "public_services"  # dichvucong.gov.vn
    CASHLESS = "cashless"
    ONLINE_SAFETY = "online_safety"
    DIGITAL_SKILLS = "digital_skills"  # Bình dân học vụ số
    OTHER = "other"


class PriorityGroup(enum.StrEnum):
    ELDERLY = "elderly"
    HOUSEHOLD_BUSINESS = "household_business"
    DISABILITY = "disability"
    POLICY = "policy"  # policy beneficiaries (đối tượng chính sách)
    NONE = "none"


class Place(enum.StrEnum):
    HOME = "home"
    COMMUNITY_HOUSE = "community_house"  # nhà văn hoá
    WARD_OFFICE = "ward_office"
    REMOTE = "remote"


class Outcome(enum.StrEnum):
    RESOLVED = "resolved"
    FOLLOW_UP = "follow_up"
    REFERRED = "referred"  # sent on to the ward office


def _stamped_columns() -> tuple[dict[type, tuple[str, ...]], dict[type, tuple[str, ...]]]:
    on_insert: dict[type, tuple[str, ...]] = {}
    on_update: dict[type, tuple[str, ...]] = {}
    for mapper in Base.registry.mappers:
        columns = {attr.key: attr.columns[0].info.get("stamp") for attr in mapper.column_attrs}
        inserted = tuple(k for k, v in columns.items() if v)
        updated = tuple(k for k, v in columns.items() if v == "update")
        if inserted:
            on_insert[mapper.class_] = inserted
        if updated:
            on_update[mapper.class_] = updated
    return on_insert, on_update


# Which attributes of each model the session dates by the clock (storage/db.py).
STAMP_ON_INSERT, STAMP_ON_UPDATE = _stamped_columns()
