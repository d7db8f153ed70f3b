"""Follow-ups in chat: a volunteer sees what they promised to come back to, a team leader
their team's, ward staff their ward's; any of them can close an item once it is done."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from handlers import vocab
from storage import access, followups
from storage.access import View, Who
from storage.models import FOLLOW_UP_HOME_VISIT, Member, Role

MAX_SHOWN = 20


def describe(t: Translator, item: followups.FollowUpItem, *, with_owner: bool = False) -> str:
    """ "• due 19/11 · VNeID · 2 residents · Tổ dân phố 1 (Chị Lan)": no resident's name."""
    if item.kind == FOLLOW_UP_HOME_VISIT:
        text = t(
            "fu-line-visit",
            due=item.due_on.strftime("%d/%m"),
            time=t(f"hd-time-{item.preferred_time or 'any'}"),
            group=item.group or t("fu-group-unknown"),
        )
        return f"{text} ({item.owner})" if with_owner and item.owner else text
    topics = vocab.labels(t, "topic", item.topics) if item.topics else t("fu-no-topic")
    text = t(
        "fu-line",
        due=item.due_on.strftime("%d/%m"),
        topics=topics,
        residents=item.residents,
        group=item.group,
    )
    if with_owner and item.owner:
        text += f" ({item.owner})"
    return text


def _scope(member: Member) -> access.Scope:
    view = {Role.STAFF: View.WARD, Role.LEADER: View.TEAM}.get(Role(member.role), View.OWN)
    return access.scope_for(member, view)


class FollowUpFlow(Flow):
    name = "follow_ups"
    first_step = "pick"
    who = Who.MEMBER
    menu = MenuEntry("fu-menu", 50)
    summary = "cmd-followups"

    @step()
    async def ask_pick(self, ctx: Context) -> None:
        """The open follow-ups, soonest first; tapping one closes it."""
        assert ctx.member is not None
        items = await followups.open_items(ctx.db, _scope(ctx.member))
        if not items:
            ctx.say(ctx.t("fu-none"))
            ctx.done()
            return
        overdue = sum(1 for i in items if i.due_on < ctx.today)
        choices = [
            Choice(str(i.id), describe(ctx.t, i, with_owner=ctx.member.role != Role.VOLUNTEER))
            for i in items[:MAX_SHOWN]
        ]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("fu-ask-close", n=len(items), overdue=overdue), choices)

    async def on_pick(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        assert ctx.member is not None
        if await followups.close(ctx.db, ctx.member, int(answer.key), ctx.now):
            ctx.say(ctx.t("fu-closed"))
        else:
            ctx.say(ctx.t("fu-not-closed"))
        ctx.goto("pick", self.name)
