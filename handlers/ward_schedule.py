"""Ward staff set when their ward's weekly report goes out (weekday and time), and whether
last month's report comes too, on the 1st at the same time."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from handlers.deadlines import weekday_choices
from scheduler.timing import parse_hhmm
from storage import audit, schedule
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
        monthly = await schedule.monthly(ctx.db, ctx.member.ward_id)
        choices = weekday_choices(ctx.t)
        toggle = "tt-monthly-off" if monthly else "tt-monthly-on"
        choices.append(Choice("monthly", ctx.t(toggle), aliases(toggle)))
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        text = ctx.t("tt-ask-weekday", weekday=ctx.t(f"dl-weekday-{weekday}"), time=time)
        text += "\n" + ctx.t("tt-monthly-is-on" if monthly else "tt-monthly-is-off", time=time)
        ctx.ask(text, choices)

    async def on_weekday(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        if answer.key == "monthly":
            assert ctx.member is not None
            on = not await schedule.monthly(ctx.db, ctx.member.ward_id)
            await schedule.set_monthly(
                ctx.db,
                ctx.member.ward_id,
                on,
                ctx.settings.tally_weekday,
                ctx.settings.tally_time,
            )
            audit.record(
                ctx.db,
                "report.monthly_push",
                actor_member_id=ctx.member.id,
                ward_id=ctx.member.ward_id,
                on=on,
            )
            ctx.say(ctx.t("tt-monthly-saved-on" if on else "tt-monthly-saved-off"))
            ctx.goto("weekday", self.name)
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
