"""Ward staff set when their ward's weekly report goes out (weekday and time)."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from handlers.deadlines import weekday_choices
from scheduler.timing import parse_hhmm
from storage import schedule
from storage.access import Who


class TallyTimeFlow(Flow):
    name = "tally_time"
    first_step = "weekday"
    who = Who.STAFF
    menu = MenuEntry("tt-menu", 91)
    summary = "cmd-reporttime"

    @step()
    async def ask_weekday(self, ctx: Context) -> None:
        assert ctx.member is not None
        weekday, time = await schedule.tally_time(
            ctx.db, ctx.member.ward_id, ctx.settings.tally_weekday, ctx.settings.tally_time
        )
        choices = weekday_choices(ctx.t)
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("tt-ask-weekday", weekday=ctx.t(f"dl-weekday-{weekday}"), time=time), choices)

    async def on_weekday(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        ctx.data["weekday"] = int(answer.key)
        ctx.goto("time", self.name)

    @step(text=True)
    async def ask_time(self, ctx: Context) -> None:
        ctx.ask(ctx.t("tt-ask-time"), [Choice("back", ctx.t("btn-back"), aliases("btn-back"))])

    async def on_time(self, ctx: Context, answer: Answer) -> None:
        assert ctx.member is not None
        if answer.key == "back":
            ctx.goto("weekday", self.name)
            return
        raw = answer.text.strip().lower().replace("h", ":").replace(".", ":")
        raw = raw + "00" if raw.endswith(":") else raw
        try:
            time = parse_hhmm(raw)
        except ValueError:
            ctx.say(ctx.t("tt-bad-time"))
            ctx.goto("time", self.name)
            return
        text = time.strftime("%H:%M")
        weekday = int(ctx.data["weekday"])
        await schedule.set_tally_time(ctx.db, ctx.member.ward_id, weekday, text)
        ctx.say(ctx.t("tt-saved", weekday=ctx.t(f"dl-weekday-{weekday}"), time=text))
        ctx.done()
