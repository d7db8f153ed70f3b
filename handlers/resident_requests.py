"""The team's list of residents' requests for a home visit: take one, close it, or pass it on."""

from __future__ import annotations

from bot.core import Choice, Reply
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from bot.i18n import t as translate
from bot.text import mask_phone
from storage import helpdesk
from storage.access import Who
from storage.models import FollowUp, Member

# -- The team's list of requests ----------------------------------------------------------


class ResidentRequestsFlow(Flow):
    name = "requests"
    first_step = "list"
    who = Who.MEMBER
    menu = MenuEntry("hd-menu-requests", 25)
    summary = "cmd-requests"

    @step()
    async def ask_list(self, ctx: Context) -> None:
        """Open requests of the member's group (staff: ward), and the ones they took."""
        member = ctx.member
        assert member is not None
        waiting = await helpdesk.open_home_visits(ctx.db, member)
        mine = await helpdesk.taken_by(ctx.db, member)
        choices = [Choice(f"open:{r.id}", self._label(ctx, r)) for r in waiting[:10]]
        choices += [
            Choice(f"mine:{r.id}", ctx.t("hd-req-mine-label", label=self._label(ctx, r)))
            for r in mine[:10]
        ]
        choices.append(Choice("home", ctx.t("btn-menu"), aliases("btn-menu")))
        text = ctx.t("hd-req-list", open=len(waiting), mine=len(mine))
        ctx.ask(text, choices)

    async def on_list(self, ctx: Context, answer: Answer) -> None:
        kind, _, number = (answer.key or "home").partition(":")
        if kind == "home":
            ctx.done()
            return
        ctx.data = {"id": int(number)}
        ctx.goto("detail", self.name)

    @step()
    async def ask_detail(self, ctx: Context) -> None:
        """One request: where, when, the phone masked unless this member took it."""
        member = ctx.member
        assert member is not None
        request = await helpdesk.visible_home_visit(ctx.db, member, ctx.data.get("id", 0))
        if request is None:
            ctx.say(ctx.t("hd-req-gone"))
            ctx.goto("list", self.name)
            return
        mine = request.owner_member_id == member.id
        ctx.say(self._detail(ctx, request, full_phone=mine))
        if mine:
            choices = [
                Choice("write", ctx.t("hd-req-btn-write"), aliases("hd-req-btn-write")),
                Choice("done", ctx.t("hd-req-btn-done"), aliases("hd-req-btn-done")),
            ]
        elif request.owner_member_id is None and request.status == helpdesk.OPEN:
            choices = [Choice("take", ctx.t("hd-req-btn-take"), aliases("hd-req-btn-take"))]
        else:
            choices = []
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("hd-req-what-now"), choices)

    async def on_detail(self, ctx: Context, answer: Answer) -> None:
        member = ctx.member
        assert member is not None
        number = ctx.data.get("id", 0)
        if answer.key == "take":
            request = await helpdesk.take(ctx.db, member, number, ctx.now)
            if request is None:
                ctx.say(ctx.t("hd-req-taken-already"))
                ctx.goto("list", self.name)
                return
            ctx.say(ctx.t("hd-req-taken") + "\n\n" + self._detail(ctx, request, full_phone=True))
            await self._tell_resident(ctx, request, member)
            ctx.goto("list", self.name)
        elif answer.key == "write":
            ctx.goto("write", self.name)
        elif answer.key == "done":
            closed = await helpdesk.close(ctx.db, member, number, ctx.now)
            ctx.say(ctx.t("hd-req-closed" if closed else "hd-req-gone"))
            ctx.goto("list", self.name)
        else:
            ctx.goto("list", self.name)

    @step(text=True)
    async def ask_write(self, ctx: Context) -> None:
        """A message to the resident, through the bot: the only way to reach one who left
        no phone number."""
        ctx.ask(
            ctx.t("hd-req-ask-message"), [Choice("back", ctx.t("btn-back"), aliases("btn-back"))]
        )

    async def on_write(self, ctx: Context, answer: Answer) -> None:
        member = ctx.member
        assert member is not None
        if answer.key == "back":
            ctx.goto("detail", self.name)
            return
        text = answer.text.strip()
        if not text or len(text) > 1000:
            ctx.say(ctx.t("hd-req-message-length"))
            ctx.goto("write", self.name)
            return
        request = await helpdesk.visible_home_visit(ctx.db, member, ctx.data.get("id", 0))
        if request is None or request.owner_member_id != member.id or not request.resident_chat_id:
            ctx.say(ctx.t("hd-req-gone"))
            ctx.goto("list", self.name)
            return
        lang = (
            await helpdesk.resident_language(
                ctx.db, request.resident_channel or "", request.resident_chat_id
            )
            or ctx.settings.default_language
        )
        body = translate(lang, "hd-visit-message-resident", name=member.display_name, text=text)
        ctx.notify(request.resident_channel or "", request.resident_chat_id, Reply(body))
        ctx.say(ctx.t("hd-req-message-sent"))
        ctx.goto("detail", self.name)

    async def _tell_resident(self, ctx: Context, request: FollowUp, member: Member) -> None:
        if not request.resident_channel or not request.resident_chat_id:
            return
        lang = (
            await helpdesk.resident_language(
                ctx.db, request.resident_channel, request.resident_chat_id
            )
            or ctx.settings.default_language
        )
        text = translate(
            lang, "hd-visit-taken-resident", number=request.id, name=member.display_name
        )
        ctx.notify(request.resident_channel, request.resident_chat_id, Reply(text))

    def _label(self, ctx: Context, request: FollowUp) -> str:
        return ctx.t(
            "hd-req-label",
            number=request.id,
            time=ctx.t(f"hd-time-{request.preferred_time or 'any'}"),
            due=request.due_on.strftime("%d/%m"),
        )

    def _detail(self, ctx: Context, request: FollowUp, *, full_phone: bool) -> str:
        if request.phone:
            phone = request.phone if full_phone else mask_phone(request.phone)
        else:
            phone = ctx.t("hd-no-phone")
        return ctx.t(
            "hd-req-detail",
            number=request.id,
            time=ctx.t(f"hd-time-{request.preferred_time or 'any'}"),
            due=request.due_on.strftime("%d/%m/%Y"),
            phone=phone,
        )


# -- The ward's announcements -------------------------------------------------------------
