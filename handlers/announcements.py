"""Announcements: ward staff write to every member of their ward, or to one residential
group (a scam warning, a campaign day). They go through the outbox as one batch, and staff
can see how many have been delivered."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from bot.config import Settings
from bot.core import Choice, Reply
from bot.flow import LOCAL_TZ, Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from scheduler.timing import quiet_until
from storage import audit, helpdesk, outbox, schedule, wards
from storage.access import Who
from storage.db import Session
from storage.models import Member

MAX_LENGTH = 1000
SHOWN = 5
ACTION = "announcement.sent"
SAME_ANNOUNCEMENT = dt.timedelta(minutes=5)


class AnnouncementFlow(Flow):
    name = "announce"
    first_step = "what"
    who = Who.STAFF
    menu = MenuEntry("ann-menu", 80)
    summary = "cmd-announce"

    @step()
    async def ask_what(self, ctx: Context) -> None:
        """Write a new announcement, or see how far earlier ones got."""
        ctx.ask(
            ctx.t("ann-ask-what"),
            [
                Choice("new", ctx.t("ann-new"), aliases("ann-new")),
                Choice("status", ctx.t("ann-status"), aliases("ann-status")),
                Choice("back", ctx.t("btn-back"), aliases("btn-back")),
            ],
        )

    async def on_what(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "new":
            ctx.goto("target", self.name)
        elif answer.key == "status":
            await self._status(ctx)
            ctx.done()
        else:
            ctx.done()

    @step()
    async def ask_target(self, ctx: Context) -> None:
        """To the whole ward, or to one residential group."""
        assert ctx.member is not None
        choices = [Choice("ward", ctx.t("ann-to-ward"), aliases("ann-to-ward"))]
        choices += [
            Choice(str(g.id), g.name) for g in await wards.groups_of(ctx.db, ctx.member.ward_id)
        ]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("ann-ask-target"), choices)

    async def on_target(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        ctx.data["target"] = answer.key
        ctx.goto("text", self.name)

    @step(text=True)
    async def ask_text(self, ctx: Context) -> None:
        """The announcement itself, as free text."""
        ctx.ask(ctx.t("ann-ask-text", max=MAX_LENGTH), [Choice("back", ctx.t("btn-back"))])

    async def on_text(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.done()
            return
        text = answer.text.strip()
        if not text or len(text) > MAX_LENGTH:
            ctx.say(ctx.t("ann-bad-length", max=MAX_LENGTH, length=len(text)))
            ctx.goto("text", self.name)
            return
        ctx.data["text"] = text
        ctx.goto("confirm", self.name)

    @step()
    async def ask_confirm(self, ctx: Context) -> None:
        """The announcement as it will read, how many people it goes to, Send or Cancel."""
        people, target = await self._recipients(ctx)
        ctx.ask(
            ctx.t(
                "ann-confirm",
                n=len(people),
                target=target,
                text=ctx.data["text"],
                quiet=ctx.settings.quiet_hours,
            ),
            [
                Choice("send", ctx.t("ann-send"), aliases("ann-send")),
                Choice("cancel", ctx.t("ann-cancel"), aliases("ann-cancel")),
            ],
        )

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        if answer.key != "send":
            ctx.say(ctx.t("cancelled"))
            ctx.done()
            return
        member = ctx.member
        assert member is not None
        sent = await send(
            ctx.db, ctx.settings, member, ctx.data["text"], _group(ctx), ctx.t, ctx.now
        )
        ctx.say(ctx.t("ann-queued", n=sent))
        ctx.done()

    async def _recipients(self, ctx: Context) -> tuple[list[tuple[str, str, str | None]], str]:
        assert ctx.member is not None
        return await recipients(ctx.db, ctx.member, _group(ctx), ctx.t)

    async def _status(self, ctx: Context) -> None:
        """The last announcements of the ward, with how many were delivered."""
        assert ctx.member is not None
        found = await recent(ctx.db, ctx.member.ward_id)
        if not found:
            ctx.say(ctx.t("ann-none"))
            return
        lines = [ctx.t("ann-status-title")]
        lines += [ctx.t("ann-status-line", **line) for line in found]
        ctx.say("\n".join(lines))


def _group(ctx: Context) -> int | None:
    target = ctx.data.get("target")
    return None if target in (None, "ward") else int(target)


# -- what the chat and the ward's pages share ------------------------------------------------


async def recipients(
    db: Session, member: Member, group_id: int | None, t: Translator
) -> tuple[list[tuple[str, str, str | None]], str]:
    """Everyone an announcement reaches as (channel, chat, language), and the target in
    words: the ward's members (not its author, not who blocked the bot) and the residents
    who subscribed; with `group_id`, one group's. A group of another ward reaches nobody."""
    target = t("ann-to-ward")
    if group_id is not None:
        group = await wards.get_group(db, group_id)
        if group is None or group.ward_id != member.ward_id or group.archived_at is not None:
            return [], ""
        target = group.name
    members = await schedule.members_reached(db, member.ward_id, group_id, leaving_out=member.id)
    people: list[tuple[str, str, str | None]] = [
        (m.channel, m.channel_user_id, m.language) for m in members
    ]
    people += await helpdesk.subscribers(db, member.ward_id, group_id)
    return people, target


async def send(
    db: Session,
    settings: Settings,
    member: Member,
    text: str,
    group_id: int | None,
    t: Translator,
    now: dt.datetime,
) -> int:
    """Queue the announcement for everyone it reaches, as one batch (held through the quiet
    hours); audited. Returns how many it goes to. The same text to the same people by the
    same person within a few minutes (a form sent twice) goes once."""
    digest = hashlib.sha256(f"{group_id}\0{text}".encode()).hexdigest()[:16]
    for earlier in await audit.latest(db, member.ward_id, ACTION, 1):
        recent = now - earlier.at < SAME_ANNOUNCEMENT
        if (
            recent
            and earlier.actor_member_id == member.id
            and earlier.detail.get("digest") == digest
        ):
            return int(earlier.detail.get("recipients", 0))
    people, target = await recipients(db, member, group_id, t)
    ward = await wards.get(db, member.ward_id)
    batch = f"ann:{member.ward_id}:{secrets.token_hex(6)}"
    # Not a reminder, but nobody wants a broadcast at 23:00 either: it waits for 07:00.
    held = quiet_until(now, settings.quiet_hours)
    for channel, chat_id, language in people:
        reader = Translator(language or settings.default_language)
        body = reader("ann-message", ward=ward.name if ward else "", text=text)
        outbox.enqueue(db, channel, chat_id, Reply(body).to_dict(), batch=batch, not_before=held)
    audit.record(
        db,
        ACTION,
        actor_member_id=member.id,
        ward_id=member.ward_id,
        batch=batch,
        target=target,
        recipients=len(people),
        digest=digest,
    )
    return len(people)


async def recent(db: Session, ward_id: int) -> list[dict[str, object]]:
    """The ward's last announcements, newest first: when, to whom, and how many were
    delivered, are waiting, or could not be delivered."""
    found = []
    for entry in await audit.latest(db, ward_id, ACTION, SHOWN):
        counts = await outbox.batch_counts(db, entry.detail["batch"])
        found.append(
            {
                "when": entry.at.astimezone(LOCAL_TZ).strftime("%d/%m %H:%M"),
                "target": entry.detail.get("target", ""),
                "sent": counts["sent"],
                "total": entry.detail.get("recipients", sum(counts.values())),
                "pending": counts["pending"],
                "unreachable": counts["unreachable"] + counts["failed"],
            }
        )
    return found
