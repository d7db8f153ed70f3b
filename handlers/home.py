"""The main menu: what a person can do, by role. Also where a typed invite code lands."""

from __future__ import annotations

import datetime as dt

from bot.core import Choice
from bot.flow import Answer, Context, Flow
from bot.i18n import aliases
from bot.knowledge import is_question
from bot.menu import Menu, resolve_text
from storage import access, invites, sessions
from storage.models import Role


class HomeFlow(Flow):
    name = "home"
    first_step = "menu"
    text_steps = frozenset({"menu"})

    async def start(self, ctx: Context, code: str = "", first: bool = False, **_: object) -> None:
        """/start, /start CODE (a deep link), or a first message."""
        ctx.data = {}
        if code and (first is False or invites.find(code)):
            ctx.begin("join", code=code)
            return
        if first and code and is_question(code):
            # A first message that asks for something on the menu ("nhờ tổ đến nhà"): that;
            # any other is a question: welcome, then answer it.
            ctx.say(ctx.t("welcome"))
            wanted = resolve_text(Menu(0, self._resident_actions(ctx), False), code)
            if len(wanted) == 1:
                ctx.begin(wanted[0])
            else:
                ctx.begin("helpdesk", query=code)
            return
        if first or ctx.member is None:
            ctx.say(ctx.t("welcome"))
        ctx.goto("menu", self.name)

    async def ask_menu(self, ctx: Context) -> None:
        """The main menu for this person's role."""
        member, t = ctx.member, ctx.t
        choices: list[Choice] = []
        choices.append(Choice("helpdesk", t("hd-menu-ask"), aliases("hd-menu-ask")))
        if member is None:
            choices += self._resident_actions(ctx)
        else:
            choices.append(Choice("requests", t("hd-menu-requests"), aliases("hd-menu-requests")))
        if member is not None and member.role == Role.STAFF:
            choices.append(
                Choice("ward_entries", t("hd-menu-ward-entries"), aliases("hd-menu-ward-entries"))
            )
        if access.can_log_sessions(member):
            choices.append(Choice("log", t("menu-log"), aliases("menu-log")))
            window = dt.timedelta(minutes=ctx.settings.edit_window_minutes)
            if member and await sessions.last_editable_id(ctx.db, member, ctx.now, window):
                choices.append(Choice("last", t("menu-last"), aliases("menu-last")))
        if member is not None:
            choices.append(Choice("follow_ups", t("fu-menu"), aliases("fu-menu")))
        if member is not None:
            choices.append(Choice("stats", t("menu-stats"), aliases("menu-stats")))
        if member is not None and member.role in (Role.STAFF, Role.LEADER):
            choices.append(Choice("report", t("report-menu"), aliases("report-menu")))
        if member is not None and member.role == Role.STAFF:
            choices.append(Choice("announce", t("ann-menu"), aliases("ann-menu")))
        if member is not None and member.role == Role.STAFF:
            choices.append(Choice("deadlines", t("dl-menu"), aliases("dl-menu")))
            choices.append(Choice("tally_time", t("tt-menu"), aliases("tt-menu")))
        if member is not None and member.role == Role.LEADER and member.group_id is not None:
            choices.append(Choice("submit_report", t("dl-menu-submit"), aliases("dl-menu-submit")))
        if access.can_invite(member) is Role.VOLUNTEER:
            choices.append(
                Choice("invite", t("menu-invite-volunteer"), aliases("menu-invite-volunteer"))
            )
        elif access.can_invite(member) is Role.LEADER:
            choices.append(Choice("invite", t("menu-invite-leader"), aliases("menu-invite-leader")))
        choices.append(Choice("language", t("menu-language"), aliases("menu-language")))
        choices.append(Choice("my_data", t("menu-my-data"), aliases("menu-my-data")))
        choices.append(Choice("help", t("menu-help"), aliases("menu-help")))
        title = (
            t("menu-title-member", name=member.display_name)
            if member
            else t("hd-menu-title-resident")
        )
        ctx.ask(title, choices)

    @staticmethod
    def _resident_actions(ctx: Context) -> list[Choice]:
        t = ctx.t
        return [
            Choice("home_visit", t("hd-menu-visit"), aliases("hd-menu-visit")),
            Choice("alerts", t("hd-menu-alerts"), aliases("hd-menu-alerts")),
            Choice("join", t("menu-join"), aliases("menu-join")),
        ]

    async def on_menu(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "last":
            ctx.begin("log", mode="last")
        elif answer.key is not None:
            ctx.begin(answer.key)
        elif invites.find(answer.text):
            ctx.begin("join", code=answer.text)
        elif is_question(answer.text):
            # Anything else typed here is a question for the help desk.
            ctx.begin("helpdesk", query=answer.text)
        else:
            ctx.say(ctx.t("not-understood") if answer.text else ctx.t("empty-message"))
            ctx.goto("menu", self.name)


class HelpFlow(Flow):
    name = "help"
    first_step = "none"

    async def start(self, ctx: Context, **_: object) -> None:
        """The commands and what the bot is for, with the ones of the person's role."""
        role = ctx.member.role if ctx.member else None
        by_role: dict[str | None, str] = {
            None: "help-resident",
            Role.VOLUNTEER: "help-volunteer",
            Role.LEADER: "help-leader",
            Role.STAFF: "help-staff",
        }
        extra = by_role.get(role, "help-volunteer")
        ctx.say(f"{ctx.t('help-text')}\n\n{ctx.t(extra)}")
        ctx.done()
