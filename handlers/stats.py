"""Figures: "my week" and "my team's week" for volunteers and leaders, the ward's totals by
residential group for ward staff. Who may see what is decided in storage.access."""

from __future__ import annotations

import datetime as dt

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from handlers import vocab
from storage import access, forms, stats
from storage.access import View, Who
from storage.forms import WardForm
from storage.models import Role


class StatsFlow(Flow):
    name = "stats"
    first_step = "view"
    who = Who.MEMBER
    menu = MenuEntry("menu-stats", 60)
    summary = "cmd-stats"
    telegram = True

    @step()
    async def ask_view(self, ctx: Context) -> None:
        """Which figures: mine, my team's, or the ward's; this week or last week."""
        t = ctx.t
        choices: list[Choice] = []
        for view in View:
            if access.can_view(ctx.member, view):
                choices.append(Choice(f"{view.value}:0", t(f"stats-{view.value}-this-week")))
                choices.append(Choice(f"{view.value}:1", t(f"stats-{view.value}-last-week")))
        choices.append(Choice("back", t("btn-back"), aliases("btn-back")))
        ctx.ask(t("stats-ask"), choices)

    async def on_view(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        view_name, _, weeks_back = answer.key.partition(":")
        view = View(view_name)
        try:
            scope = access.scope_for(ctx.member, view)
        except access.NotAllowed:
            ctx.say(ctx.t("not-allowed"))
            ctx.done()
            return
        start, end = stats.week_of(ctx.today - dt.timedelta(weeks=int(weeks_back or 0)))
        leader = ctx.member is not None and ctx.member.role == Role.LEADER
        tally = await stats.tally(
            ctx.db,
            scope,
            start,
            end,
            by_group=view is View.WARD,
            by_member=view is View.TEAM and leader,
        )
        form = await forms.load(ctx.db, scope.ward_id)
        ctx.say(render_tally(ctx.t, tally, ctx.t(f"stats-title-{view.value}"), form))
        ctx.goto("view", self.name)


def breakdown(t: Translator, tally: stats.Tally, form: WardForm | None = None) -> list[str]:
    """Sessions by topic and by priority group, with the ward's own names."""
    lines = []
    if tally.by_topic:
        lines.append(t("stats-by-topic"))
        for topic, n in sorted(tally.by_topic.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"• {vocab.label(t, 'topic', topic, form)}: {n}")
    priority = {k: v for k, v in tally.by_priority.items() if k != "none"}
    if priority:
        lines.append(t("stats-by-priority"))
        for group, n in sorted(priority.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"• {vocab.label(t, 'priority', group, form)}: {n}")
    return lines


def render_tally(
    t: Translator, tally: stats.Tally, title: str, form: WardForm | None = None
) -> str:
    lines = [
        t(
            "stats-header",
            title=title,
            start=tally.start.strftime("%d/%m"),
            end=tally.end.strftime("%d/%m/%Y"),
        ),
        t("stats-totals", sessions=tally.sessions, residents=tally.residents),
    ]
    if tally.by_counter:
        for key, value in tally.by_counter.items():
            name = vocab.label(t, "counter", key, form)
            lines.append(t("report-counter-line", name=name, value=value, change=""))
    lines += breakdown(t, tally, form)
    if tally.by_group:
        lines.append(t("stats-by-group"))
        for g in tally.by_group:
            lines.append(
                t("stats-group-line", name=g.name, sessions=g.sessions, residents=g.residents)
            )
        idle = sum(1 for g in tally.by_group if g.sessions == 0)
        lines.append(
            t("stats-active-groups", active=len(tally.by_group) - idle, total=len(tally.by_group))
        )
    if tally.by_member:
        lines.append(t("stats-by-member"))
        for m in tally.by_member:
            lines.append(
                t("stats-group-line", name=m.name, sessions=m.sessions, residents=m.residents)
            )
    if tally.sessions == 0:
        lines.append(t("stats-nothing-yet"))
    return "\n".join(lines)
