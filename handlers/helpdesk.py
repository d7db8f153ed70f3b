"""The residents' help desk: a question typed the way people text gets a short, sourced,
step-by-step answer, a short list to pick from when the bot is unsure, or an honest "I don't
know" with a way to reach a volunteer. Topics can be browsed from a menu too."""

from __future__ import annotations

import re

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from bot.knowledge import Outcome, built_in, greeting_reply, needs_a_hand, understand
from bot.text import fold, strip_personal_data
from handlers.residents import (
    MAX_MENU_ENTRIES,
    MIN_QUESTION_WORDS,
    QUESTION_MAX,
    knowledge_for,
    render,
    resident_ward,
    ward_choices,
)
from storage import helpdesk, invites, wards
from storage.access import Who
from storage.models import Ward

# The button of an entry an answer refers to: "see:<key>".
SEE = "see:"


class HelpDeskFlow(Flow):
    name = "helpdesk"
    first_step = "ask"
    who = Who.ANYONE
    menu = MenuEntry("hd-menu-ask", 10)
    summary = "cmd-ask"

    async def start(self, ctx: Context, query: str = "", **_: object) -> None:
        ctx.data = {}
        if query.strip():
            await self._search(ctx, query)
        else:
            ctx.goto("ask", self.name)

    @step(text=True)
    async def ask_ask(self, ctx: Context) -> None:
        """ "Type your question, in a few words" with a way to browse topics instead."""
        ctx.ask(ctx.t("hd-ask"), self._ways_on(ctx, "ask"))

    async def on_ask(self, ctx: Context, answer: Answer) -> None:
        await self._way_on(ctx, answer)

    @step(text=True)
    async def ask_choose(self, ctx: Context) -> None:
        """ "Did you mean..." with the two or three closest topics."""
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        choices = []
        for key in ctx.data.get("candidates", []):
            entry = kb.entry(key, ctx.lang)
            if entry is not None:
                choices.append(Choice(key, entry.title))
        if ctx.data.get("offer_visit"):
            # "Tôi già không biết dùng điện thoại": someone coming over may be the answer.
            choices.append(Choice("handoff", ctx.t("hd-btn-handoff"), aliases("hd-btn-handoff")))
        choices.append(
            Choice("none_of_these", ctx.t("hd-btn-none-of-these"), aliases("hd-btn-none-of-these"))
        )
        ctx.ask(ctx.t("hd-choose"), choices)

    async def on_choose(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "none_of_these":
            await self._unanswered(ctx, ctx.data.get("question", ""))
        elif answer.key == "handoff":
            ctx.begin("home_visit")
        elif answer.key is not None and answer.key in ctx.data.get("candidates", []):
            await self._show(ctx, answer.key)
        else:
            await self._search(ctx, answer.text)

    @step(text=True)
    async def ask_unknown(self, ctx: Context) -> None:
        """ "I don't know this one" and the hand-off, the topics, or another question."""
        said = "hd-unknown" if ctx.data.get("kept", True) else "hd-unknown-unkept"
        ctx.ask(ctx.t(said), self._ways_on(ctx, "unknown"))

    async def on_unknown(self, ctx: Context, answer: Answer) -> None:
        await self._way_on(ctx, answer)

    @step(text=True)
    async def ask_after(self, ctx: Context) -> None:
        """After an answer: the entries it refers to, another question, the topics, a
        volunteer, or the main menu."""
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        see = []
        for key in ctx.data.get("see", []):
            entry = kb.entry(key, ctx.lang)
            if entry is not None:
                see.append(Choice(f"{SEE}{key}", f"📖 {entry.title}"))
        ctx.ask(ctx.t("hd-after"), see + self._ways_on(ctx, "after"))

    async def on_after(self, ctx: Context, answer: Answer) -> None:
        if answer.key is not None and answer.key.startswith(SEE):
            await self._show(ctx, answer.key.removeprefix(SEE))
            return
        await self._way_on(ctx, answer)

    @step()
    async def ask_topics(self, ctx: Context) -> None:
        """The topic groups: VNeID, public services, payment, scams, skills, the ward."""
        kb = built_in()
        choices = [Choice(c.key, c.title) for c in kb.categories(ctx.lang)]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("hd-topics"), choices)

    async def on_topics(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("ask", self.name)
            return
        ctx.data["category"] = answer.key
        ctx.goto("entries", self.name)

    @step()
    async def ask_entries(self, ctx: Context) -> None:
        """The entries of one topic group."""
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        entries = kb.entries(ctx.lang, ctx.data.get("category"))[:MAX_MENU_ENTRIES]
        choices = [Choice(e.key, e.title) for e in entries]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("hd-entries"), choices)

    async def on_entries(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("topics", self.name)
        else:
            await self._show(ctx, answer.key)

    @step()
    async def ask_ward(self, ctx: Context) -> None:
        """Which ward the resident lives in (asked once, for the ward's own entries)."""
        choices = ward_choices(await helpdesk.all_wards(ctx.db))
        ctx.ask(ctx.t("hd-ask-ward"), choices)

    async def on_ward(self, ctx: Context, answer: Answer) -> None:
        ward = await wards.get(ctx.db, int(answer.key or 0))
        if ward is None:
            ctx.goto("ward", self.name)
            return
        if ctx.member is None:
            await helpdesk.set_place(
                ctx.db, ctx.incoming.channel, ctx.incoming.chat_id, ward.id, None, ctx.now
            )
        await self._show(ctx, ctx.data.get("pending", ""), ward)

    # -- the moves shared by the steps -----------------------------------------------------

    def _ways_on(self, ctx: Context, step: str) -> list[Choice]:
        t = ctx.t
        ways = []
        if step == "after":
            ways.append(Choice("again", t("hd-btn-again"), aliases("hd-btn-again")))
        ways.append(Choice("topics", t("hd-btn-topics"), aliases("hd-btn-topics")))
        ways.append(Choice("handoff", t("hd-btn-handoff"), aliases("hd-btn-handoff")))
        ways.append(Choice("home", t("btn-menu"), aliases("btn-menu")))
        return ways

    async def _way_on(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "again":
            ctx.goto("ask", self.name)
        elif answer.key == "topics":
            ctx.goto("topics", self.name)
        elif answer.key == "handoff":
            ctx.begin("home_visit")
        elif answer.key == "home":
            ctx.done()
        else:
            await self._search(ctx, answer.text)

    async def _search(self, ctx: Context, text: str) -> None:
        text = " ".join(text.split())
        if ctx.member is None and invites.find(text):
            # A resident who got an invite code while asking: typing it joins, as at the menu.
            ctx.begin("join", code=text)
            return
        if not text:
            ctx.say(ctx.t("empty-message"))
            ctx.goto("ask", self.name)
            return
        if len(text) > QUESTION_MAX:
            ctx.say(ctx.t("hd-too-long", max=QUESTION_MAX))
            ctx.goto("ask", self.name)
            return
        # The question is kept in the conversation only without numbers that identify someone.
        question = strip_personal_data(text)
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        result = understand(kb, text)
        if result.outcome == Outcome.THANKS:
            # Thanks or a greeting: a warm word back, and nothing kept as a question.
            reply = greeting_reply(text)
            ctx.say(ctx.t(reply))
            ctx.data = {}  # the last answer's "see also" buttons were for that answer
            ctx.goto("after" if reply == "hd-thanks" else "ask", self.name)
        elif result.outcome == Outcome.HOME_VISIT:
            ctx.begin("home_visit")
        elif result.outcome == Outcome.ANSWER:
            await self._show(ctx, result.keys[0])
        elif result.outcome == Outcome.CHOOSE:
            ctx.data = {"candidates": result.keys, "question": question}
            if needs_a_hand(text):
                ctx.data["offer_visit"] = True
            ctx.goto("choose", self.name)
        else:
            await self._unanswered(ctx, question)

    async def _unanswered(self, ctx: Context, question: str) -> None:
        """Keep the question, without personal numbers and without who asked, for staff;
        a stray word ("có", "quay lại") or emoji is not a question worth their time."""
        kept = len(re.findall(r"[a-z0-9]+", fold(question))) >= MIN_QUESTION_WORDS
        if kept:
            ward = await resident_ward(ctx)
            await helpdesk.record_unanswered(
                ctx.db, ward.id if ward else None, question, fold(question), ctx.now
            )
        # Not told "I noted the question" when nothing was noted ("???", one stray word).
        ctx.data = {} if kept else {"kept": False}
        ctx.goto("unknown", self.name)

    async def _show(self, ctx: Context, key: str, ward: Ward | None = None) -> None:
        ward = ward or await resident_ward(ctx)
        kb = await knowledge_for(ctx, ward)
        entry = kb.entry(key, ctx.lang)
        ctx.data = {}
        if entry is None:
            ctx.goto("ask", self.name)
            return
        if not entry.answerable:
            # A ward-local entry: it depends on the resident's ward, and on the ward writing it.
            if ward is None and await helpdesk.all_wards(ctx.db):
                ctx.data = {"pending": key}
                ctx.goto("ward", self.name)
                return
            # The way on is the same as for a question without an answer, without a second
            # "I don't know".
            ctx.say(ctx.t("hd-ward-missing", title=entry.title))
            ctx.goto("after", self.name)
            return
        ctx.say(render(ctx, entry, ward))
        ctx.data = {"see": list(entry.see)} if entry.see else {}
        ctx.goto("after", self.name)


# -- Asking the team to come and help at home ---------------------------------------------
