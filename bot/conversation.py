"""The conversation core: one incoming message in, replies out, the same for every channel.

It drops duplicates, loads where the chat is in its conversation, handles the commands that
always work (/start, /cancel, /lang, ...), resolves menu answers, hands the answer to the
current step of a flow in handlers/, and saves the new state in the same transaction."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import weakref
from collections.abc import Callable, Mapping

from bot.config import Settings
from bot.core import Choice, Incoming, Kind, Reply
from bot.files import FileStore
from bot.flow import Answer, Context, Flow
from bot.i18n import LANGUAGES, aliases, t, words
from bot.menu import PICK_DONE, PICK_SEVERAL, Menu, Stale, resolve_button, resolve_text
from bot.text import clean_text, fold
from storage import conversations, outbox
from storage.db import Database

log = logging.getLogger(__name__)

HOME = "home"
MAX_TEXT_LENGTH = 2000
MAX_STEPS_PER_MESSAGE = 8


def _always(meaning: str) -> frozenset[str]:
    """Words that work at every step (`[always]` of locales/<lang>/words.toml): "cancel"
    leaves the flow, "start" goes back to the main menu."""
    return words("always").get(meaning, frozenset())


def _given_names() -> frozenset[str]:
    """Bare words that are also given names (`[names]` of words.toml): in a step that asks
    for a name, "Huy" is a name. Written with its marks ("huỷ", "hủy") it is never one."""
    return words("names").get("given", frozenset())


def parse_command(text: str, *, name_step: bool = False) -> tuple[str, str] | None:
    """'/start@NgoSoBot ABC' -> ("/start", "ABC"). Plain words ("huỷ", "huy", "menu") count
    as commands too, at every step, so a person can always get out; only in a step that asks
    for a person's name is a bare "huy" taken as the name it may be."""
    stripped = text.strip()
    folded = fold(stripped)
    if folded in _always("cancel") or folded in _always("start"):
        unmarked = stripped.casefold() == folded
        if not (name_step and unmarked and folded in _given_names()):
            return folded, ""
    if not stripped.startswith("/"):
        return None
    head, _, arg = stripped.partition(" ")
    name = fold(head.split("@", 1)[0])
    return "/" + name.lstrip("/").replace(" ", ""), arg.strip()


def received(incoming: Incoming, clock: Callable[[], dt.datetime]) -> Incoming:
    """The message as the core takes it: dated by the one clock on arrival, and every text
    in it safe to store (no lone surrogates or control characters, bounded lengths), for
    every channel alike."""
    return dataclasses.replace(
        incoming,
        chat_id=clean_text(incoming.chat_id)[:64],
        user_id=clean_text(incoming.user_id)[:64],
        message_id=clean_text(incoming.message_id)[:64],
        display_name=clean_text(incoming.display_name).strip()[:100],
        text=None if incoming.text is None else clean_text(incoming.text),
        choice_id=None if incoming.choice_id is None else clean_text(incoming.choice_id)[:64],
        origin=None if incoming.origin is None else clean_text(incoming.origin)[:64],
        at=incoming.at or clock(),
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Standing:
    """Where a chat stands after a message: the language it is held in (its member's, else
    the one chosen in the chat) and whether a member speaks in it. The web chat, where the
    person is the chat itself, keeps its page and its cookie in step with it."""

    language: str | None
    member: bool


def refusal(ctx: Context, flow: Flow) -> str:
    """Why this person may not use `flow`, from who the flow declares it is for. Someone who
    has not joined may simply not know that they have to."""
    if ctx.member is None:
        return ctx.t("not-allowed-join-first")
    return ctx.t("not-allowed-for", who=ctx.t(f"who-{flow.who}"))


class ConversationCore:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        flows: Mapping[str, Flow],
        commands: Mapping[str, str],
        files: FileStore | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        # Where flows keep the charts and spreadsheets they send.
        self.files = files or FileStore(
            settings.files_dir, settings.link_secret, settings.link_ttl_hours, clock=db.clock
        )
        self.flows = flows
        # "/lang" -> "language": commands that open a flow, defined by handlers/.
        self.commands = commands
        self._locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    async def handle(self, incoming: Incoming, *, replay: bool = False) -> list[Reply]:
        """Handle one message; never raises, never leaves half a change saved.

        A message already handled gets no new answer; with `replay` (the web chat, whose
        page retries a request whose answer was lost) it gets the answer it had."""
        replies, _ = await self.handle_standing(incoming, replay=replay)
        return replies

    async def handle_standing(
        self, incoming: Incoming, *, replay: bool = False
    ) -> tuple[list[Reply], Standing | None]:
        """`handle`, and where the chat stands afterwards, as this message's own transaction
        left it (None after a duplicate or an error: the caller reads it if it needs it)."""
        incoming = received(incoming, self.db.clock)
        async with self.chat_lock(incoming.channel, incoming.chat_id):
            try:
                return await self._handle(incoming)
            except conversations.AlreadyHandled:
                log.info("duplicate %s message dropped", incoming.channel)
                if not replay:
                    return [], None
                return await self._answered(incoming) or [], None
            except Exception:
                log.exception("failed to handle a %s message", incoming.channel)
                return await self._recover(incoming), None

    def chat_lock(self, channel: str, chat_id: str) -> asyncio.Lock:
        """The lock that keeps one chat's messages in order in this process (across workers
        on PostgreSQL, `conversations.load` holds the chat in the database as well); a channel
        that changes something of the chat itself (the web chat's id) takes it too."""
        key = (channel, chat_id)
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        return lock

    async def _handle(self, incoming: Incoming) -> tuple[list[Reply], Standing]:
        async with self.db.transaction(incoming.at) as db:
            convo, member = await conversations.load(
                db, incoming.channel, incoming.chat_id, incoming.user_id
            )
            is_new = not convo.stored
            if member is not None and member.unreachable_at is not None:
                member.unreachable_at = None  # they wrote again: they can be reached
            language = (
                (member.language if member else convo.language)
                or (incoming.language if incoming.language in LANGUAGES else None)
                or self.settings.default_language
            )
            ctx = Context(
                incoming, db, convo, member, self.settings, language, self.files, self.flows
            )
            await self._dispatch(ctx, is_new)
            await self._run_steps(ctx)
            await self._save(ctx)
            # Marking the message handled comes last, in the same transaction: a duplicate
            # (even one that reached another worker) raises AlreadyHandled here and
            # everything it did is rolled back.
            await conversations.mark_handled(
                db,
                incoming.channel,
                incoming.chat_id,
                incoming.message_id,
                ctx.now,
                [r.to_dict() for r in ctx.replies],
            )
            member = ctx.member
            held = (member.language if member else None) or ctx.convo.language
            return ctx.replies, Standing(held, member is not None)

    async def _answered(self, incoming: Incoming) -> list[Reply] | None:
        """The replies given to this message the first time, or None if it was never handled."""
        async with self.db.sessions() as db:
            done = await conversations.answered(
                db, incoming.channel, incoming.chat_id, incoming.message_id
            )
            return None if done is None else [Reply.from_dict(r) for r in done]

    async def _recover(self, incoming: Incoming) -> list[Reply]:
        """After an unexpected error: mark the message handled, start the chat over, apologise."""
        language = self.settings.default_language
        at = incoming.at or self.db.clock()
        try:
            async with self.db.transaction(at) as db:
                key = (incoming.channel, incoming.chat_id)
                language = await conversations.start_over(db, *key) or language
                replies = [Reply(t(language, "error-generic"))]
                await conversations.mark_handled(
                    db,
                    *key,
                    incoming.message_id,
                    at,
                    [r.to_dict() for r in replies],
                    again=True,
                )
                return replies
        except Exception:
            log.exception("could not reset the conversation after an error")
        return [Reply(t(language, "error-generic"))]

    # -- dispatching ----------------------------------------------------------------------

    async def _dispatch(self, ctx: Context, is_new: bool) -> None:
        incoming, convo = ctx.incoming, ctx.convo
        text = clean_text(incoming.text or "").strip()
        current = self.flows.get(convo.flow or HOME)
        name_step = current is not None and (convo.step or "menu") in current.name_steps
        command = parse_command(text, name_step=name_step) if incoming.kind is Kind.TEXT else None

        if self._expired(convo, ctx.now):
            self._reset(ctx)
            ctx.say(ctx.t("conversation-expired"))
            if command is None:
                ctx.done()
                return

        if command is not None:
            await self._command(ctx, *command)
            return
        if incoming.kind is Kind.RESUME:
            # The page was opened again: the question the chat is at, asked again.
            flow, step = current, convo.step or "menu"
            if is_new or flow is None or not flow.has_step(step) or not flow.allowed(ctx.member):
                await self.flows[HOME].start(ctx, first=is_new)
            else:
                ctx.goto(step, flow.name)
            return
        if is_new:
            # A first message: welcome, unless it already is an invite code.
            code = text if incoming.kind is Kind.TEXT else ""
            await self.flows[HOME].start(ctx, code=code, first=True)
            return

        flow = current
        step = convo.step or "menu"
        if flow is None or not flow.has_step(step) or not flow.allowed(ctx.member):
            self._reset(ctx)
            ctx.done()
            return
        if incoming.kind in (Kind.IMAGE, Kind.STICKER, Kind.OTHER):
            ctx.say(ctx.t("only-text"))
            ctx.goto(step, flow.name)
            return
        if len(text) > MAX_TEXT_LENGTH:
            ctx.say(ctx.t("too-long", max=MAX_TEXT_LENGTH))
            ctx.goto(step, flow.name)
            return

        menu = Menu.from_state(convo.menu)
        if incoming.kind is Kind.CHOICE:
            try:
                key = resolve_button(menu, incoming.choice_id or "")
            except Stale:
                ctx.say(ctx.t("stale-button"))
                ctx.goto(step, flow.name)
                return
            if menu is not None and menu.multi and self._tick(ctx, flow, step, menu, [key]):
                return
            if ctx.picked:
                labels = [c.label for c in menu.options() if c.key in ctx.picked] if menu else []
                answer = Answer(", ".join(labels), ctx.picked, Kind.CHOICE)
            else:
                label = next(c.label for c in menu.choices if c.key == key) if menu else key
                answer = Answer(label, [key], Kind.CHOICE)
        else:
            free = step in flow.text_steps
            keys = resolve_text(menu, text, free_text=free) if menu else []
            if not keys and not free:
                if text and await flow.off_script(ctx, step, text):
                    return
                ctx.say(ctx.t("empty-message") if not text else ctx.t("not-understood"))
                ctx.goto(step, flow.name)
                return
            if menu is not None and menu.multi and self._tick(ctx, flow, step, menu, keys):
                return
            answer = Answer(text, ctx.picked or keys, Kind.TEXT)
        await flow.answer(ctx, step, answer)

    @staticmethod
    def _tick(ctx: Context, flow: Flow, step: str, menu: Menu, keys: list[str]) -> bool:
        """A menu that takes several answers, by ticking: "choose several" shows the options
        as ticks, an option ticks or unticks, "done" gives the ticked ones. False when the
        answer is an ordinary one (one tap while not ticking, or several typed numbers)."""
        if keys == [PICK_SEVERAL]:
            ctx.picking = list(menu.picked or [])
        elif keys == [PICK_DONE]:
            if not menu.picked:
                ctx.say(ctx.t("pick-none"))
                ctx.picking = []
            else:
                ctx.picked = list(menu.picked)
                return False
        elif menu.picked is not None and len(keys) == 1:
            ticked = set(menu.picked) ^ {keys[0]}
            ctx.picking = [c.key for c in menu.options() if c.key in ticked]
        else:
            return False
        ctx.goto(step, flow.name)
        return True

    async def _command(self, ctx: Context, name: str, arg: str) -> None:
        if name in _always("cancel"):
            had_flow = ctx.convo.flow not in (None, HOME)
            self._reset(ctx)
            ctx.say(ctx.t("cancelled" if had_flow else "nothing-to-cancel"))
            ctx.done()
        elif name in _always("start"):
            self._reset(ctx)
            await self.flows[HOME].start(ctx, code=arg)
        elif name in self.commands:
            self._reset(ctx)
            flow = self.flows[self.commands[name]]
            if flow.allowed(ctx.member):
                await flow.start(ctx, arg=arg)
            else:
                ctx.say(refusal(ctx, flow))
                ctx.done()
        else:
            ctx.say(ctx.t("unknown-command"))
            if ctx.convo.flow and ctx.convo.step:
                ctx.goto(ctx.convo.step, ctx.convo.flow)
            else:
                ctx.done()

    async def _run_steps(self, ctx: Context) -> None:
        """Ask the question of each step the flow moved to (bounded: flows cannot loop)."""
        for _ in range(MAX_STEPS_PER_MESSAGE):
            if ctx.starting is not None:
                flow_name, data = ctx.starting
                ctx.starting = None
                await self.flows[flow_name].start(ctx, **data)
                continue
            if ctx.finished:
                ctx.finished = False
                self._reset(ctx)
                ctx.goto("result" if ctx.short_menu else "menu", HOME)
                ctx.short_menu = False
            if ctx.next is None:
                return
            flow_name, step = ctx.next
            ctx.next = None
            ctx.convo.flow, ctx.convo.step = flow_name, step
            ctx.menu = None
            await self.flows[flow_name].ask(ctx, step)
        raise RuntimeError("a flow kept moving between steps")

    async def _save(self, ctx: Context) -> None:
        convo = ctx.convo
        if ctx.menu is not None:
            convo.menu_seq = (convo.menu_seq or 0) + 1
            menu = Menu(convo.menu_seq, ctx.menu.choices, ctx.menu.multi)
            text = ctx.menu.text
            if menu.multi and ctx.picking is not None:
                # Ticking: the options with their ticks, and "done".
                menu.picked = ctx.picking
                done = ctx.t("btn-pick-done", n=len(ctx.picking))
                menu.choices = [
                    *menu.choices,
                    Choice(PICK_DONE, done, aliases("btn-pick-done"), primary=True),
                ]
                text = f"{text}\n{ctx.t('pick-hint')}"
            elif menu.multi and ctx.incoming.buttons:
                several = ctx.t("btn-pick-several")
                menu.choices = [
                    *menu.choices,
                    Choice(PICK_SEVERAL, several, aliases("btn-pick-several")),
                ]
            convo.menu = menu.to_state()
            ticked = menu.picked is not None and ctx.incoming.kind is Kind.CHOICE
            ctx.replies.append(Reply(text, menu.buttons(), replaces_pressed=ticked))
        else:
            convo.menu = {}
        convo.data = dict(ctx.data)
        convo.updated_at = ctx.incoming.at
        if ctx.member is None:
            convo.language = ctx.lang
        await conversations.save(ctx.db, convo)
        for channel, chat_id, reply, about in ctx.outbox:
            outbox.enqueue(ctx.db, channel, chat_id, reply.to_dict(), about_member_id=about)

    def _expired(self, convo: conversations.ChatState, now: dt.datetime) -> bool:
        if convo.flow in (None, HOME) or convo.updated_at is None:
            return False
        timeout = dt.timedelta(minutes=self.settings.conversation_timeout_minutes)
        return now - convo.updated_at > timeout

    @staticmethod
    def _reset(ctx: Context) -> None:
        ctx.convo.flow = ctx.convo.step = None
        ctx.data = {}
