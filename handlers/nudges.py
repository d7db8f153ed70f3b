"""Inactivity nudges in chat: a volunteer or team leader turns the friendly reminder (sent
after `inactive_days` without a logged session) off, or back on."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, step
from bot.i18n import aliases
from storage import schedule
from storage.access import Who


class NudgeFlow(Flow):
    name = "nudges"
    first_step = "toggle"
    who = Who.TEAM
    summary = "cmd-nudges"

    @step()
    async def ask_toggle(self, ctx: Context) -> None:
        assert ctx.member is not None
        days = ctx.settings.inactive_days
        if ctx.member.nudges_off:
            ctx.ask(
                ctx.t("nudge-state-off", days=days),
                [
                    Choice("on", ctx.t("nudge-turn-on"), aliases("nudge-turn-on")),
                    Choice("back", ctx.t("btn-back"), aliases("btn-back")),
                ],
            )
        else:
            ctx.ask(
                ctx.t("nudge-state-on", days=days),
                [
                    Choice("off", ctx.t("nudge-turn-off"), aliases("nudge-turn-off")),
                    Choice("back", ctx.t("btn-back"), aliases("btn-back")),
                ],
            )

    async def on_toggle(self, ctx: Context, answer: Answer) -> None:
        assert ctx.member is not None
        if answer.key in ("on", "off"):
            await schedule.set_nudges(ctx.db, ctx.member, answer.key == "on")
            ctx.say(ctx.t("nudge-now-on" if answer.key == "on" else "nudge-now-off"))
        ctx.done()
