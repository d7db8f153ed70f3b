"""Residents get, or stop getting, their ward's announcements."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from handlers.residents import (
    resident_ward,
    ward_choices,
)
from storage import helpdesk, wards
from storage.access import Who
from storage.models import Role


class AlertsFlow(Flow):
    name = "alerts"
    first_step = "choose"
    who = Who.ANYONE
    menu = MenuEntry("hd-menu-alerts", 21, who=Who.RESIDENT)
    summary = "cmd-alerts"

    async def start(self, ctx: Context, **_: object) -> None:
        ctx.data = {}
        if ctx.member is not None and ctx.member.role == Role.STAFF:
            # For ward staff "thông báo" means writing one (/thongbao is both words).
            ctx.begin("announce")
            return
        if ctx.member is not None:
            ctx.say(ctx.t("hd-alerts-members"))
            ctx.done()
            return
        ward = await resident_ward(ctx)
        if ward is None and not await helpdesk.all_wards(ctx.db):
            ctx.say(ctx.t("hd-visit-no-ward"))
            ctx.done()
        elif ward is None:
            ctx.goto("ward", self.name)
        else:
            ctx.data["ward_id"] = ward.id
            ctx.goto("choose", self.name)

    @step()
    async def ask_ward(self, ctx: Context) -> None:
        """Which ward's announcements."""
        ctx.ask(ctx.t("hd-ask-ward"), ward_choices(await helpdesk.all_wards(ctx.db)))

    async def on_ward(self, ctx: Context, answer: Answer) -> None:
        ctx.data["ward_id"] = int(answer.key or 0)
        ctx.goto("choose", self.name)

    @step()
    async def ask_choose(self, ctx: Context) -> None:
        """Subscribed or not now, and the switch."""
        ward = await wards.get(ctx.db, ctx.data["ward_id"])
        assert ward is not None
        found = await helpdesk.profile(ctx.db, ctx.incoming.channel, ctx.incoming.chat_id)
        on = found is not None and found.ward_id == ward.id and found.subscribed_at is not None
        key = "hd-alerts-on" if on else "hd-alerts-off"
        switch = (
            Choice("off", ctx.t("hd-alerts-btn-off"), aliases("hd-alerts-btn-off"))
            if on
            else Choice("on", ctx.t("hd-alerts-btn-on"), aliases("hd-alerts-btn-on"))
        )
        ctx.ask(ctx.t(key, ward=ward.name), [switch, Choice("home", ctx.t("btn-menu"))])

    async def on_choose(self, ctx: Context, answer: Answer) -> None:
        if answer.key in ("on", "off"):
            on = answer.key == "on"
            await helpdesk.set_subscribed(
                ctx.db,
                ctx.incoming.channel,
                ctx.incoming.chat_id,
                ctx.data["ward_id"],
                on,
                ctx.now,
            )
            ctx.say(ctx.t("hd-alerts-subscribed" if on else "hd-alerts-unsubscribed"))
        ctx.done()


# -- Ward staff write their ward's own entries ----------------------------------------------
