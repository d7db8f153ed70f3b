"""Joining a team with an invite code (with consent first), language, seeing and erasing
one's own data."""

from __future__ import annotations

import asyncio
import datetime as dt
import math

from bot.core import Choice, Reply
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases, word_lists
from bot.i18n import t as translate
from bot.text import mask_phone, personal_data_kind
from handlers import vocab
from storage import helpdesk, invites, members, sessions, wards
from storage.access import Who
from storage.invites import InviteStatus
from storage.models import Invite, ResidentialGroup, Role, Ward

NAME_MIN, NAME_MAX = 2, 50
MY_DATA_SESSIONS = 10


def where(ward: Ward, group: ResidentialGroup | None) -> str:
    """ "Tổ dân phố số 1, Phường Mẫu" for team members; the ward alone for ward staff."""
    return f"{group.name}, {ward.name}" if group else ward.name


class JoinFlow(Flow):
    name = "join"
    first_step = "code"
    who = Who.RESIDENT
    menu = MenuEntry("menu-join", 22)
    summary = "cmd-join"

    async def start(self, ctx: Context, code: str = "", **_: object) -> None:
        ctx.data = {}
        if ctx.member is not None:
            ctx.say(ctx.t("join-already-member"))
            ctx.done()
        elif code:
            await self._check(ctx, code)
        else:
            ctx.goto("code", self.name)

    @step(text=True)
    async def ask_code(self, ctx: Context) -> None:
        """ "Type the invite code your team leader or ward gave you"."""
        ctx.ask(ctx.t("join-ask-code"), [Choice("back", ctx.t("btn-back"), aliases("btn-back"))])

    async def on_code(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.done()
        else:
            await self._check(ctx, answer.text)

    async def _check(self, ctx: Context, text: str) -> None:
        """Wrong, expired or used-up codes each get their own message; guessing is slowed."""
        chat = (ctx.incoming.channel, ctx.incoming.chat_id)
        origin = ctx.incoming.origin
        hour_ago = ctx.now - dt.timedelta(hours=1)
        wrong, oldest = await invites.wrong_codes_since(ctx.db, *chat, hour_ago)
        limited = wrong >= ctx.settings.max_wrong_codes_per_hour
        if not limited and origin is not None:
            # A browser that clears its cookie is a new chat each time, but the same address.
            wrong, oldest = await invites.wrong_codes_from(ctx.db, origin, hour_ago)
            limited = wrong >= ctx.settings.max_wrong_codes_per_address_per_hour
        if limited:
            wait = (oldest + dt.timedelta(hours=1) - ctx.now) if oldest else dt.timedelta(hours=1)
            ctx.say(ctx.t("join-too-many", minutes=max(1, math.ceil(wait.total_seconds() / 60))))
            ctx.done()
            return
        code = invites.find(text)
        status, invite = (
            await invites.lookup(ctx.db, code, ctx.now) if code else (InviteStatus.NOT_FOUND, None)
        )
        if status is not InviteStatus.OK or invite is None:
            if code is not None:
                # Only what could be a code counts towards the limit on guessing: a question
                # typed here by mistake is not a guess.
                await invites.record_wrong_code(ctx.db, *chat, ctx.now, origin)
            key = "join-code-malformed" if code is None else f"join-code-{status.value}"
            ctx.say(ctx.t(key.replace("_", "-")))
            if status in (InviteStatus.NOT_FOUND,):
                ctx.goto("code", self.name)
            else:
                ctx.done()
            return
        ctx.data = {"invite_id": invite.id}
        ctx.goto("consent", self.name)

    @step()
    async def ask_consent(self, ctx: Context) -> None:
        """What is stored, why, who sees it and how to erase it; agree or decline."""
        invite, ward, group = await self._invite(ctx)
        key = "consent-text-staff" if invite.role == Role.STAFF else "consent-text"
        ctx.ask(
            ctx.t(key, role=ctx.t(f"role-{invite.role}"), where=where(ward, group)),
            [
                Choice("agree", ctx.t("consent-agree"), aliases("consent-agree"), primary=True),
                Choice("decline", ctx.t("consent-decline"), aliases("consent-decline")),
            ],
        )

    async def on_consent(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "decline":
            ctx.data = {}
            ctx.say(ctx.t("consent-declined"))
            ctx.done()
            return
        invite, _ward, _group = await self._invite(ctx)
        ctx.data["consent"] = True
        await self._next_missing(ctx, invite)

    @step(name=True)
    async def ask_name(self, ctx: Context) -> None:
        """ "What name should your team see?" (only where the channel gives no name)."""
        ctx.ask(ctx.t("join-ask-name"), [])

    async def on_name(self, ctx: Context, answer: Answer) -> None:
        name = " ".join(answer.text.split())
        if not NAME_MIN <= len(name) <= NAME_MAX:
            ctx.say(ctx.t("join-name-length", min=NAME_MIN, max=NAME_MAX))
        elif personal_data_kind(name):
            ctx.say(ctx.t("join-name-no-numbers"))
        else:
            ctx.data["name"] = name
            invite, _ward, _group = await self._invite(ctx)
            await self._next_missing(ctx, invite)
            return
        ctx.goto("name", self.name)

    @step()
    async def ask_group(self, ctx: Context) -> None:
        """Which residential group (tổ dân phố / thôn) the person's team works in."""
        invite, _ward, _group = await self._invite(ctx)
        groups = await wards.groups_of(ctx.db, invite.ward_id)
        ctx.ask(ctx.t("join-ask-group"), [Choice(str(g.id), g.name) for g in groups])

    async def on_group(self, ctx: Context, answer: Answer) -> None:
        ctx.data["group_id"] = int(answer.key or 0)
        invite, _ward, _group = await self._invite(ctx)
        await self._next_missing(ctx, invite)

    async def _next_missing(self, ctx: Context, invite: Invite) -> None:
        if not ctx.data.get("name") and not ctx.incoming.display_name.strip():
            ctx.goto("name", self.name)
        elif invite.role != Role.STAFF and invite.group_id is None and not ctx.data.get("group_id"):
            ctx.goto("group", self.name)
        else:
            await self._finish(ctx)

    async def _finish(self, ctx: Context) -> None:
        """Join, welcome, and tell the team leaders someone new arrived."""
        status, invite = await invites.lookup(ctx.db, (await self._invite(ctx))[0].code, ctx.now)
        if status is not InviteStatus.OK or invite is None:
            ctx.say(ctx.t(f"join-code-{status.value}".replace("_", "-")))
            ctx.done()
            return
        incoming = ctx.incoming
        member = await members.join(
            ctx.db,
            invite=invite,
            channel=incoming.channel,
            user_id=incoming.user_id,
            display_name=ctx.data.get("name") or incoming.display_name.strip(),
            language=ctx.lang,
            group_id=invite.group_id or ctx.data.get("group_id"),
            now=ctx.now,
        )
        ctx.member = member
        group, ward = await members.group_and_ward(ctx.db, member)
        ctx.say(ctx.t("join-welcome", role=ctx.t(f"role-{member.role}"), where=where(ward, group)))
        if group is not None:
            for leader in await members.leaders_of_group(ctx.db, group.id):
                if leader.id != member.id:
                    text = translate(
                        leader.language,
                        "notify-new-member",
                        name=member.display_name,
                        group=group.name,
                    )
                    ctx.notify(
                        leader.channel,
                        leader.channel_user_id,
                        Reply(text),
                        about_member_id=member.id,
                    )
        ctx.data = {}
        ctx.done()

    async def _invite(self, ctx: Context) -> tuple[Invite, Ward, ResidentialGroup | None]:
        invite_id = ctx.data.get("invite_id")
        invite = await invites.get(ctx.db, invite_id) if invite_id is not None else None
        if invite is None:
            raise LookupError("the invite of this conversation is gone")
        ward = await wards.get(ctx.db, invite.ward_id)
        group_id = invite.group_id or ctx.data.get("group_id")
        group = await wards.get_group(ctx.db, group_id) if group_id else None
        assert ward is not None
        return invite, ward, group


class LanguageFlow(Flow):
    name = "language"
    first_step = "choose"
    who = Who.ANYONE
    menu = MenuEntry("menu-language", 110)
    summary = "cmd-lang"
    telegram = True

    @step()
    async def ask_choose(self, ctx: Context) -> None:
        """Tiếng Việt or English."""
        ctx.ask(
            ctx.t("language-ask"),
            [
                Choice("vi", "Tiếng Việt", word_lists("languages").get("vi", ())),
                Choice("en", "English", word_lists("languages").get("en", ())),
            ],
        )

    async def on_choose(self, ctx: Context, answer: Answer) -> None:
        language = answer.key or "vi"
        if ctx.member is not None:
            ctx.member.language = language
        ctx.set_language(language)
        ctx.say(ctx.t("language-set"))
        ctx.done()


class MyDataFlow(Flow):
    name = "my_data"
    first_step = "none"
    who = Who.ANYONE
    menu = MenuEntry("menu-my-data", 120)
    summary = "cmd-mydata"
    telegram = True

    async def start(self, ctx: Context, **_: object) -> None:
        """Everything the bot holds about this person, and how to erase it."""
        member = ctx.member
        resident_data = await resident_data_lines(ctx)
        if member is None:
            if not resident_data:
                ctx.say(ctx.t("my-data-none"))
        else:
            group, ward = await members.group_and_ward(ctx.db, member)
            ctx.say(
                ctx.t(
                    "my-data",
                    name=member.display_name,
                    role=ctx.t(f"role-{member.role}"),
                    where=where(ward, group),
                    language=ctx.t(f"language-name-{member.language}"),
                    channel=member.channel,
                    consent=member.consent_at.strftime("%d/%m/%Y"),
                    sessions=await members.sessions_logged(ctx.db, member.id),
                )
            )
            recent = await sessions.recent_of(ctx.db, member, MY_DATA_SESSIONS)
            if recent:
                lines = [ctx.t("my-data-sessions", shown=len(recent))]
                for s in recent:
                    line = ctx.t(
                        "my-data-session-line",
                        date=s.occurred_on.strftime("%d/%m/%Y"),
                        topics=vocab.labels(ctx.t, "topic", [t.topic for t in s.topics]),
                        count=s.residents_count,
                    )
                    lines.append(f"{line} ({s.note})" if s.note else line)
                ctx.say("\n".join(lines))
        for text in resident_data:
            ctx.say(text)
        ctx.done()


async def resident_data_lines(ctx: Context) -> list[str]:
    """What the help desk holds about this chat: ward, group, announcements, requests."""
    channel, chat_id = ctx.incoming.channel, ctx.incoming.chat_id
    found = await helpdesk.profile(ctx.db, channel, chat_id)
    requests = await helpdesk.requests_of_resident(ctx.db, channel, chat_id)
    if found is None and not requests:
        return []
    texts = []
    if found is not None:
        ward = await wards.get(ctx.db, found.ward_id)
        group = await wards.get_group(ctx.db, found.group_id) if found.group_id else None
        texts.append(
            ctx.t(
                "hd-my-data-resident",
                ward=ward.name if ward else ctx.t("hd-unknown-value"),
                group=group.name if group else ctx.t("hd-unknown-value"),
                alerts=ctx.t("hd-yes" if found.subscribed_at else "hd-no"),
            )
        )
    if requests:
        lines = [ctx.t("hd-my-data-requests")]
        for r in requests:
            status = (
                "done" if r.status != helpdesk.OPEN else "taken" if r.owner_member_id else "open"
            )
            lines.append(
                ctx.t(
                    "hd-my-data-request-line",
                    number=r.id,
                    date=r.created_at.strftime("%d/%m/%Y"),
                    time=ctx.t(f"hd-time-{r.preferred_time or 'any'}"),
                    phone=mask_phone(r.phone) if r.phone else ctx.t("hd-no-phone"),
                    status=ctx.t(f"hd-status-{status}"),
                )
            )
        texts.append("\n".join(lines))
    texts.append(ctx.t("hd-my-data-questions"))
    return texts


class ForgetFlow(Flow):
    name = "forget"
    first_step = "confirm"
    who = Who.ANYONE
    summary = "cmd-forgetme"
    telegram = True

    async def start(self, ctx: Context, **_: object) -> None:
        ctx.data = {}
        if ctx.member is None and not await resident_data_lines(ctx):
            ctx.say(ctx.t("forget-nothing"))
            ctx.done()
        else:
            ctx.goto("confirm", self.name)

    @step()
    async def ask_confirm(self, ctx: Context) -> None:
        """What erasing means, and a yes/no."""
        ctx.ask(
            ctx.t("forget-confirm" if ctx.member else "hd-forget-confirm-resident"),
            [
                Choice("yes", ctx.t("forget-yes"), aliases("forget-yes")),
                Choice("no", ctx.t("forget-no"), aliases("forget-no")),
            ],
        )

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        channel, chat_id = ctx.incoming.channel, ctx.incoming.chat_id
        if answer.key == "yes" and ctx.member is not None:
            ctx.convo.language = ctx.member.language
            await helpdesk.erase_resident(ctx.db, channel, chat_id)
            ward_id = ctx.member.ward_id
            kept = await members.erase(ctx.db, ctx.member, ctx.incoming.chat_id)
            # Reports made before may name them: they go (staff can make them again).
            await asyncio.to_thread(ctx.files.forget_ward, ward_id)
            ctx.member = None
            ctx.say(ctx.t("forget-done", sessions=kept))
        elif answer.key == "yes":
            erased = await helpdesk.erase_resident(ctx.db, channel, chat_id)
            # Deactivated by ward staff, they are a resident now; their name goes too.
            was = await members.former(ctx.db, channel, ctx.incoming.user_id)
            if was is not None:
                await members.erase(ctx.db, was, chat_id)
            ctx.say(ctx.t("hd-forget-done-resident", requests=erased))
        else:
            ctx.say(ctx.t("forget-kept"))
        ctx.done()
