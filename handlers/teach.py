"""Ward staff teach the help desk in chat: a question residents asked in vain becomes
another way of asking an entry, for their ward at once (the same as on the ward's pages and
`ngoso kb teach`)."""

from __future__ import annotations

import datetime as dt

from bot.core import Choice
from bot.flow import Answer, Context, Flow, step
from bot.i18n import aliases
from handlers.residents import knowledge_of
from storage import helpdesk
from storage.access import Who

SHOWN = 8  # questions offered at once
DAYS = 30
GUESSES = 4


class TeachFlow(Flow):
    name = "teach"
    first_step = "pick"
    who = Who.STAFF
    summary = "cmd-teach"

    @step()
    async def ask_pick(self, ctx: Context) -> None:
        """The ward's most asked unanswered questions of the last 30 days."""
        assert ctx.member is not None
        since = ctx.now - dt.timedelta(days=DAYS)
        asked = await helpdesk.unanswered(ctx.db, ctx.member.ward_id, since, SHOWN)
        if not asked:
            ctx.say(ctx.t("teach-none", days=DAYS))
            ctx.done()
            return
        ctx.data = {"asked": {str(i): [q.question, q.folded] for i, q in enumerate(asked)}}
        choices = [Choice(str(i), f"{q.question[:60]} ({q.count})") for i, q in enumerate(asked)]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("teach-pick", days=DAYS), choices)

    async def on_pick(self, ctx: Context, answer: Answer) -> None:
        chosen = ctx.data.get("asked", {}).get(answer.key or "")
        if chosen is None:
            ctx.done()
            return
        ctx.data = {"question": chosen[0], "folded": chosen[1]}
        await self._offer(ctx, chosen[0])

    @step(text=True)
    async def ask_find(self, ctx: Context) -> None:
        """Which entry the question asks about: the closest ones, or a few words to find it."""
        assert ctx.member is not None
        kb = await knowledge_of(ctx.db, ctx.member.ward_id)
        choices = []
        for key in ctx.data.get("candidates", []):
            entry = kb.entry(key, ctx.lang)
            if entry is not None:
                choices.append(Choice(key, entry.title))
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("teach-find", question=ctx.data.get("question", "")), choices)

    async def on_find(self, ctx: Context, answer: Answer) -> None:
        assert ctx.member is not None
        if answer.key == "back":
            ctx.goto("pick", self.name)
            return
        key = answer.key
        if key is not None and key in ctx.data.get("candidates", []):
            kb = await knowledge_of(ctx.db, ctx.member.ward_id)
            entry = kb.entry(key, ctx.lang)
            await helpdesk.teach(
                ctx.db,
                ward_id=ctx.member.ward_id,
                key=key,
                folded=ctx.data.get("folded", ""),
                member_id=ctx.member.id,
            )
            ctx.say(ctx.t("teach-done", title=entry.title if entry else key))
            ctx.goto("pick", self.name)
            return
        await self._offer(ctx, answer.text)

    async def _offer(self, ctx: Context, words: str) -> None:
        """The entries closest to `words` (the question itself, or what staff typed)."""
        assert ctx.member is not None
        kb = await knowledge_of(ctx.db, ctx.member.ward_id)
        found = kb.search(words)
        ctx.data["candidates"] = found.keys[:GUESSES]
        if not found.keys:
            ctx.say(ctx.t("teach-not-found"))
        ctx.goto("find", self.name)
