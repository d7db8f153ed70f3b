"""A resident asks the team to come and help at home: ward, group, what about, when, a phone
number (masked wherever it is shown)."""

from __future__ import annotations

import datetime as dt

from bot.core import Choice, Reply
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from bot.i18n import t as translate
from bot.knowledge import Outcome, is_question, understand
from bot.menu import Menu, resolve_text, untagged
from bot.text import mask_phone, phone_number
from handlers.residents import (
    QUESTION_MAX,
    knowledge_for,
    render,
    resident_ward,
    ward_choices,
)
from storage import helpdesk, wards
from storage.access import Who
from storage.models import FollowUp, Member

TIMES = ("morning", "afternoon", "evening", "weekend", "any")


def due_for(preferred: str, today: dt.date) -> dt.date:
    """The day the team should aim for: tomorrow, or the coming Saturday for "weekend"."""
    if preferred == "weekend":
        return today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)
    return today + dt.timedelta(days=1)


def notice(request: FollowUp, person: Member, where: str) -> Reply:
    """What a team member is told of a new request: never the full phone number."""
    lang = person.language
    phone = mask_phone(request.phone) if request.phone else translate(lang, "hd-no-phone")
    text = translate(
        lang,
        "hd-visit-notify-team",
        number=request.id,
        where=where,
        time=translate(lang, f"hd-time-{request.preferred_time}"),
        phone=phone,
    )
    return Reply(text)


class HomeVisitFlow(Flow):
    name = "home_visit"
    first_step = "ward"
    who = Who.ANYONE
    menu = MenuEntry("hd-menu-visit", 20, who=Who.RESIDENT)
    summary = "cmd-homevisit"

    async def start(self, ctx: Context, **_: object) -> None:
        """Straight to the residential group when the ward is known."""
        ctx.data = {}
        ward = await resident_ward(ctx)
        if ward is None and not await helpdesk.all_wards(ctx.db):
            ctx.say(ctx.t("hd-visit-no-ward"))
            ctx.done()
            return
        if ward is not None:
            ctx.data["ward_id"] = ward.id
            ctx.goto("group", self.name)
        else:
            ctx.goto("ward", self.name)

    async def off_script(self, ctx: Context, step: str, text: str) -> bool:
        """Besides thanks: a question the help desk answers outright ("nộp phạt nguội thế
        nào") is answered here, and the request goes on where it was. When the question is
        what time suits, not the ward office's hours: "sáng thứ bảy được không" answers it."""
        # "Buổi sáng được không?", "dạ có ạ": a choice asked politely (nothing here deletes).
        plain = untagged(text)
        menu = Menu.from_state(ctx.convo.menu)
        keys = resolve_text(menu, plain) if plain and menu else []
        if len(keys) == 1:
            await self.answer(ctx, step, Answer(text, keys))
            return True
        if len(text) <= QUESTION_MAX and is_question(text):
            # The help desk first: "cảm ơn cháu, bà quên mật khẩu VNeID rồi" is a question.
            ward = await resident_ward(ctx)
            kb = await knowledge_for(ctx, ward)
            found = understand(kb, text)
            entry = kb.entry(found.keys[0], ctx.lang) if found.outcome == Outcome.ANSWER else None
            if entry and entry.answerable and not (entry.ward_local and step == "time"):
                ctx.say(render(ctx, entry, ward))
                ctx.say(ctx.t("hd-visit-go-on"))
                ctx.goto(step, self.name)
                return True
        return await super().off_script(ctx, step, text)

    @step()
    async def ask_ward(self, ctx: Context) -> None:
        """Which ward (phường / xã) the resident lives in."""
        choices = ward_choices(await helpdesk.all_wards(ctx.db))
        ctx.ask(ctx.t("hd-ask-ward"), choices)

    async def on_ward(self, ctx: Context, answer: Answer) -> None:
        ctx.data["ward_id"] = int(answer.key or 0)
        ctx.goto("group", self.name)

    @step()
    async def ask_group(self, ctx: Context) -> None:
        """Which residential group (tổ dân phố / thôn), or "I don't know"."""
        groups = await wards.groups_of(ctx.db, ctx.data["ward_id"])
        choices = [Choice(str(g.id), g.name) for g in groups]
        choices.append(
            Choice("unknown", ctx.t("hd-visit-group-unknown"), aliases("hd-visit-group-unknown"))
        )
        ctx.ask(ctx.t("hd-visit-ask-group"), choices)

    async def on_group(self, ctx: Context, answer: Answer) -> None:
        group = None
        if answer.key != "unknown":
            group = await wards.get_group(ctx.db, int(answer.key or 0))
            if group is None or group.ward_id != ctx.data["ward_id"]:
                ctx.goto("group", self.name)
                return
        ctx.data["group_id"] = group.id if group else None
        ctx.goto("time", self.name)

    @step()
    async def ask_time(self, ctx: Context) -> None:
        """When suits the resident: morning, afternoon, evening, the weekend, any time."""
        ctx.ask(
            ctx.t("hd-visit-ask-time"),
            [Choice(k, ctx.t(f"hd-time-{k}")) for k in TIMES],
        )

    async def on_time(self, ctx: Context, answer: Answer) -> None:
        ctx.data["time"] = answer.key or "any"
        ctx.goto("consent", self.name)

    @step()
    async def ask_consent(self, ctx: Context) -> None:
        """May the team call? Only then a phone number is asked for, and why."""
        ctx.ask(
            ctx.t("hd-visit-ask-consent"),
            [
                Choice("phone", ctx.t("hd-visit-consent-yes"), aliases("hd-visit-consent-yes")),
                Choice("chat", ctx.t("hd-visit-consent-no"), aliases("hd-visit-consent-no")),
            ],
        )

    async def on_consent(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "phone":
            ctx.goto("phone", self.name)
        else:
            ctx.data["phone"] = None
            ctx.goto("confirm", self.name)

    @step(text=True)
    async def ask_phone(self, ctx: Context) -> None:
        """ "Type your phone number" (shown in full only to the volunteer who takes it)."""
        ctx.ask(
            ctx.t("hd-visit-ask-phone"),
            [Choice("chat", ctx.t("hd-visit-consent-no"), aliases("hd-visit-consent-no"))],
        )

    async def on_phone(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "chat":
            ctx.data["phone"] = None
            ctx.goto("confirm", self.name)
            return
        digits = phone_number(answer.text)
        if digits is None:
            ctx.say(ctx.t("hd-visit-phone-invalid"))
            ctx.goto("phone", self.name)
            return
        ctx.data["phone"] = digits
        ctx.goto("confirm", self.name)

    @step()
    async def ask_confirm(self, ctx: Context) -> None:
        """What will be sent, to whom; send or cancel."""
        ctx.ask(
            ctx.t(
                "hd-visit-summary",
                where=await self._where(ctx),
                time=ctx.t(f"hd-time-{ctx.data['time']}"),
                phone=mask_phone(ctx.data["phone"])
                if ctx.data.get("phone")
                else ctx.t("hd-no-phone"),
            ),
            [
                Choice("send", ctx.t("hd-visit-send"), aliases("hd-visit-send")),
                Choice("cancel", ctx.t("hd-visit-cancel"), aliases("hd-visit-cancel")),
            ],
        )

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        if answer.key != "send":
            ctx.say(ctx.t("hd-visit-cancelled"))
            ctx.done()
            return
        incoming = ctx.incoming
        ward_id, group_id = ctx.data["ward_id"], ctx.data.get("group_id")
        request = await helpdesk.create_home_visit(
            ctx.db,
            ward_id=ward_id,
            group_id=group_id,
            channel=incoming.channel,
            chat_id=incoming.chat_id,
            preferred_time=ctx.data["time"],
            due_on=due_for(ctx.data["time"], ctx.today),
            phone=ctx.data.get("phone"),
            now=ctx.now,
        )
        if ctx.member is None:
            await helpdesk.set_place(
                ctx.db, incoming.channel, incoming.chat_id, ward_id, group_id, ctx.now
            )
        team = (
            await helpdesk.team_of_group(ctx.db, group_id)
            if group_id
            else await helpdesk.staff_of_ward(ctx.db, ward_id)
        )
        if not team and group_id:
            team = await helpdesk.staff_of_ward(ctx.db, ward_id)
        where = await self._where(ctx)
        reachable = [p for p in team if p.unreachable_at is None]
        for person in reachable:
            ctx.notify(person.channel, person.channel_user_id, notice(request, person, where))
        # Said plainly when nobody of the team or the ward uses the bot yet.
        key = "hd-visit-sent" if reachable else "hd-visit-sent-nobody"
        ctx.say(ctx.t(key, number=request.id, where=where))
        ctx.done()

    async def _where(self, ctx: Context) -> str:
        ward = await wards.get(ctx.db, ctx.data["ward_id"])
        group_id = ctx.data.get("group_id")
        group = await wards.get_group(ctx.db, group_id) if group_id else None
        assert ward is not None
        return f"{group.name}, {ward.name}" if group else ward.name
