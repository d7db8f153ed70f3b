"""Tools in chat for those who bring people in: a team leader invites volunteers to their
team; ward staff invite team leaders for a residential group of their ward."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from storage import access, invites, wards
from storage.access import Who
from storage.models import Role

INVITE_DAYS = 7


class InviteFlow(Flow):
    name = "invite"
    first_step = "group"
    who = Who.INVITER
    menu = MenuEntry({"leader": "menu-invite-volunteer", "staff": "menu-invite-leader"}, 100)
    summary = "cmd-invite"

    async def start(self, ctx: Context, **_: object) -> None:
        member = ctx.member
        assert member is not None
        ctx.data = {}
        if access.can_invite(member) is Role.VOLUNTEER and member.group_id is not None:
            await self._make(ctx, Role.VOLUNTEER, member.group_id)
        else:
            ctx.goto("group", self.name)

    @step()
    async def ask_group(self, ctx: Context) -> None:
        """Staff: which residential group the new team leader is for."""
        assert ctx.member is not None
        groups = await wards.groups_of(ctx.db, ctx.member.ward_id)
        choices = [Choice(str(g.id), g.name) for g in groups]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("invite-ask-group"), choices)

    async def on_group(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        await self._make(ctx, Role.LEADER, int(answer.key))

    async def _make(self, ctx: Context, role: Role, group_id: int) -> None:
        """A single-use code for one person, valid for a week."""
        member = ctx.member
        assert member is not None
        group = await wards.get_group(ctx.db, group_id)
        if group is None or group.ward_id != member.ward_id:
            ctx.say(ctx.t("not-allowed"))
            ctx.done()
            return
        invite = await invites.create(
            ctx.db,
            role=role,
            ward_id=member.ward_id,
            group_id=group.id,
            max_uses=1,
            days=INVITE_DAYS,
            created_by_member_id=member.id,
            now=ctx.now,
        )
        ctx.say(
            ctx.t(
                "invite-made",
                code=invites.display(invite.code),
                role=ctx.t(f"role-{role.value}"),
                group=group.name,
                days=INVITE_DAYS,
            )
        )
        ctx.done(short=True)
