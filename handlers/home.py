"""The main menu: what a person can do, by role. Also where a typed invite code lands."""

from __future__ import annotations

from bot.core import Choice, Kind
from bot.flow import (
    Answer,
    Context,
    Flow,
    MenuEntry,
    commands_of,
    help_order,
    menu_order,
    step,
)
from bot.i18n import aliases
from bot.knowledge import greeting_reply, is_greeting, is_question
from bot.menu import Menu, exact_choice, resolve_text
from storage import invites
from storage.access import Who


class HomeFlow(Flow):
    name = "home"
    first_step = "menu"
    who = Who.ANYONE

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
            # A menu button's own words ("Hỏi đáp", "hoi dap") are that button; a question
            # that merely holds one ("hướng dẫn đổi số điện thoại"), one word of one ("tôi")
            # or a number (no menu was shown yet) stays a question.
            # Anything else goes to the help desk, which knows a visit asked in one's own
            # words ("nhờ người đến nhà chỉ giúp").
            tapped = exact_choice(Menu(0, await self._choices(ctx)), code)
            if tapped is not None:
                await self.on_menu(ctx, Answer(code, [tapped], Kind.TEXT))
            else:
                ctx.begin("helpdesk", query=code)
            return
        if first or ctx.member is None:
            ctx.say(ctx.t("welcome"))
        ctx.goto("menu", self.name)

    @step(text=True)
    async def ask_menu(self, ctx: Context) -> None:
        """The main menu for this person: the flows that declare a button and that they may
        use, in the declared order (see bot/flow.py)."""
        member, t = ctx.member, ctx.t
        title = (
            t("menu-title-member", name=member.display_name)
            if member
            else t("hd-menu-title-resident")
        )
        ctx.ask(title, await self._choices(ctx))

    @staticmethod
    async def _choices(ctx: Context) -> list[Choice]:
        choices: list[Choice] = []
        for flow in menu_order(ctx.flows):
            label = flow.menu.label_for(ctx.member) if flow.menu else None
            if label is None or not flow.shown(ctx.member):
                continue
            choices.append(Choice(flow.name, ctx.t(label), aliases(label)))
            choices += await flow.more_buttons(ctx)
        return choices

    @step(text=True)
    async def ask_result(self, ctx: Context) -> None:
        """After a result (an invite code...): it stays on the screen, with one short "Menu"
        button rather than the whole main menu pushing it away."""
        ctx.ask(
            ctx.t("result-next"),
            [Choice("menu", ctx.t("btn-short-menu"), aliases("btn-short-menu"))],
        )

    async def on_result(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "menu":
            ctx.goto("menu", self.name)
            return
        # Typed: read as on the main menu ("ghi", a question, a code).
        keys = resolve_text(Menu(0, await self._choices(ctx)), answer.text)
        await self.on_menu(ctx, Answer(answer.text, keys, answer.kind))

    async def on_menu(self, ctx: Context, answer: Answer) -> None:
        if answer.key is not None:
            flow, _, mode = answer.key.partition(":")
            if mode:
                ctx.begin(flow, mode=mode)
            else:
                ctx.begin(flow)
        elif invites.find(answer.text):
            ctx.begin("join", code=answer.text)
        elif is_greeting(answer.text):
            # Thanks or hello: a warm word, the menu again; not a question to keep.
            ctx.say(ctx.t(greeting_reply(answer.text)))
            ctx.goto("menu", self.name)
        elif is_question(answer.text):
            # Anything else typed here is a question for the help desk.
            ctx.begin("helpdesk", query=answer.text)
        else:
            ctx.say(ctx.t("not-understood") if answer.text else ctx.t("empty-message"))
            ctx.goto("menu", self.name)


class HelpFlow(Flow):
    name = "help"
    first_step = "none"
    who = Who.ANYONE
    menu = MenuEntry("menu-help", 130)
    summary = "cmd-help"
    telegram = True

    async def start(self, ctx: Context, **_: object) -> None:
        """The commands that always work, then every flow this person may use with its
        commands in their language and its one-line summary (built from the declarations)."""
        role = ctx.member.role if ctx.member else "resident"
        lines = [ctx.t("help-text"), "", ctx.t(f"help-for-{role}")]
        for flow in help_order(ctx.flows):
            commands = commands_of(flow.name, ctx.lang)
            if flow.summary and commands and flow.allowed(ctx.member):
                lines.append(f"{', '.join(commands)}: {ctx.t(flow.summary)}")
        ctx.say("\n".join(lines))
        ctx.done()
