"""Ward staff write their ward's own help-desk entries (address, hours, phone)."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from bot.knowledge import built_in
from handlers.residents import (
    WARD_TEXT_MAX,
)
from storage import helpdesk
from storage.access import Who


class WardEntriesFlow(Flow):
    name = "ward_entries"
    first_step = "pick"
    who = Who.STAFF
    menu = MenuEntry("hd-menu-ward-entries", 30)
    summary = "cmd-wardinfo"

    @step()
    async def ask_pick(self, ctx: Context) -> None:
        """The ward-local entries (address, hours, phone), marked when already written."""
        member = ctx.member
        assert member is not None
        written = {r.key for r in await helpdesk.ward_entries(ctx.db, member.ward_id)}
        choices = []
        for entry in built_in().entries(ctx.lang, "ward"):
            mark = "✅ " if entry.key in written else ""
            choices.append(Choice(entry.key, f"{mark}{entry.title}"))
        choices.append(Choice("home", ctx.t("btn-menu"), aliases("btn-menu")))
        ctx.ask(ctx.t("hd-ward-pick"), choices)

    async def on_pick(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "home"):
            ctx.done()
            return
        ctx.data = {"key": answer.key}
        ctx.goto("text", self.name)

    @step(text=True)
    async def ask_text(self, ctx: Context) -> None:
        """What residents will read for this entry, or remove what is there."""
        member = ctx.member
        assert member is not None
        key = ctx.data["key"]
        current = [r for r in await helpdesk.ward_entries(ctx.db, member.ward_id) if r.key == key]
        shown = current[0].body if current else ctx.t("hd-ward-nothing-yet")
        choices = [Choice("back", ctx.t("btn-back"), aliases("btn-back"))]
        if current:
            choices.insert(
                0, Choice("remove", ctx.t("hd-ward-btn-remove"), aliases("hd-ward-btn-remove"))
            )
        ctx.ask(ctx.t("hd-ward-ask-text", current=shown, max=WARD_TEXT_MAX), choices)

    async def on_text(self, ctx: Context, answer: Answer) -> None:
        member = ctx.member
        assert member is not None
        key = ctx.data["key"]
        if answer.key == "back":
            ctx.goto("pick", self.name)
            return
        if answer.key == "remove":
            await helpdesk.remove_entry(ctx.db, member.ward_id, key, member_id=member.id)
            ctx.say(ctx.t("hd-ward-removed"))
            ctx.goto("pick", self.name)
            return
        body = answer.text.strip()
        if len(body) < 5 or len(body) > WARD_TEXT_MAX:
            ctx.say(ctx.t("hd-ward-text-length", max=WARD_TEXT_MAX))
            ctx.goto("text", self.name)
            return
        base = built_in().entry(key, ctx.lang)
        assert base is not None
        await helpdesk.set_entry(
            ctx.db,
            ward_id=member.ward_id,
            key=key,
            lang=ctx.lang,
            title=base.title,
            body=body,
            reviewed_on=ctx.today,
            member_id=member.id,
        )
        ctx.say(ctx.t("hd-ward-saved", title=base.title))
        ctx.goto("pick", self.name)
