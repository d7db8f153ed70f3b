"""Telegram through python-telegram-bot: its `Bot` sends, its `Updater` long-polls, and
webhook calls reach our aiohttp server and become `Update`s with `Update.de_json`.

Menus are inline keyboards. Every button press is answered (no spinning button) and the menu
message is edited to show what was chosen, without its buttons. Text is sent without a parse
mode, so nothing a person typed can be read as markup."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import logging
import warnings
from typing import Any
from urllib.parse import parse_qsl

from telegram import (
    Bot,
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    Update,
    User,
    WebAppInfo,
)
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import Updater

from bot.channels import Refused, RetryLater, Temporary, Unreachable, split_text
from bot.channels.base import Adapter
from bot.channels.telegram_request import AiohttpRequest
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Attachment, Incoming, Kind, Reply
from bot.flow import commands_of, help_order
from bot.i18n import LANGUAGES, t
from bot.menu import PICK_DONE, PICK_SEVERAL
from storage import outbox

log = logging.getLogger(__name__)

NAME = "telegram"
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_TEXT = 4096
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
# (command, locale key of its description): the commands menu, in both languages.


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def _call(coro: Any) -> Any:
    """A Bot API call, its failures turned into the channel-neutral delivery errors."""
    try:
        return await coro
    except RetryAfter as exc:
        raise RetryLater(_seconds(exc)) from None
    except Forbidden as exc:
        raise Unreachable(str(exc)) from None
    except BadRequest as exc:
        raise Refused(str(exc)) from None
    except TelegramError as exc:  # NetworkError, TimedOut, 5xx
        raise Temporary(f"{type(exc).__name__}: {exc}") from None


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """Buttons as an inline keyboard: two to a row when the labels are short."""
    buttons = [b for b in reply.buttons if len(b.id.encode()) <= MAX_CALLBACK_DATA]
    if len(buttons) != len(reply.buttons):
        log.error("a button id is longer than Telegram's 64 bytes and was left out")
    per_row = 2 if all(len(b.label) <= 16 for b in buttons) else 1
    rows = [
        [InlineKeyboardButton(b.label, callback_data=b.id) for b in buttons[i : i + per_row]]
        for i in range(0, len(buttons), per_row)
    ]
    if reply.opens.startswith("https://"):
        # The page opens inside Telegram as a Mini App (Telegram opens only https pages).
        rows.insert(0, [InlineKeyboardButton(reply.opens_label, web_app=WebAppInfo(reply.opens))])
    return InlineKeyboardMarkup(rows) if rows else None


def to_incoming(update: Update) -> Incoming | None:
    """The core's view of an update; None for what the bot ignores (bots, edits, joins)."""
    if update.callback_query is not None:
        query = update.callback_query
        chat = query.message.chat if query.message else None
        if chat is None or query.from_user is None:
            raise ValueError("a button press without its chat or sender")
        _check_ids(chat.id, query.from_user.id)
        if isinstance(query.message, Message):
            _check_pressed(query.message)
        if not isinstance(query.data, str):
            raise ValueError("a button press whose data is not text")
        if query.from_user.is_bot:
            return None
        return Incoming(
            channel=NAME,
            chat_id=str(chat.id),
            user_id=str(query.from_user.id),
            message_id=f"c{query.id}",
            display_name=_name(query.from_user),
            choice_id=query.data or "",
            kind=Kind.CHOICE,
            language=_language(query.from_user),
        )
    message = update.message
    if message is None:
        return None  # edits, channel posts: nothing to answer
    if message.chat is None:
        raise ValueError("a message without its chat")
    if message.from_user is None:
        return None  # a channel post or an anonymous group admin: nobody to answer
    _check_ids(message.chat.id, message.from_user.id, message.message_id)
    if message.text is not None and not isinstance(message.text, str):
        raise ValueError("a message whose text is not text")
    if message.from_user.is_bot:
        return None
    if message.text is not None:
        kind, text = Kind.TEXT, message.text
    elif message.photo:
        kind, text = Kind.IMAGE, None
    elif message.sticker is not None:
        kind, text = Kind.STICKER, None
    else:
        kind, text = Kind.OTHER, None
    return Incoming(
        channel=NAME,
        chat_id=str(message.chat.id),
        user_id=str(message.from_user.id),
        message_id=f"m{message.message_id}",
        display_name=_name(message.from_user),
        text=text,
        kind=kind,
        language=_language(message.from_user),
    )


def _name(user: User) -> str:
    if not isinstance(user.first_name, str) or not isinstance(user.last_name, str | None):
        raise ValueError("a sender whose name is not text")
    return user.full_name


def _language(user: User) -> str | None:
    code = user.language_code
    if code is not None and not isinstance(code, str):
        raise ValueError("a language code that is not text")
    return (code or "")[:2] or None


def _check_pressed(message: Message) -> None:
    """The message whose button was pressed, as we edit it afterwards (_show_choice)."""
    _check_ids(message.message_id)
    if message.text is not None and not isinstance(message.text, str):
        raise ValueError("a pressed message whose text is not text")
    markup = message.reply_markup
    if markup is None:
        return
    rows = getattr(markup, "inline_keyboard", None)
    if not isinstance(rows, tuple | list) or not all(isinstance(r, tuple | list) for r in rows):
        raise ValueError("a pressed message whose keyboard is not a keyboard")
    for row in rows:
        for button in row:
            if not isinstance(button, InlineKeyboardButton) or not isinstance(button.text, str):
                raise ValueError("a keyboard button that is not a button")


def _check_ids(*ids: object) -> None:
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise ValueError("an id that is not a number")


def read_update(update: Update) -> Incoming | None:
    """What the bot takes from an update, checked: None for what it ignores, ValueError (or
    the parser's own error) for an update that is not what Telegram sends."""
    change = update.my_chat_member
    if change is not None:
        if not isinstance(change.chat.type, str) or not isinstance(
            change.new_chat_member.status, str
        ):
            raise ValueError("a membership change without its new status")
        return None
    return to_incoming(update)


def make_bot(settings: Settings) -> Bot:
    base = settings.telegram_api_base_url.rstrip("/")
    timeout = settings.telegram_timeout_seconds
    return Bot(
        settings.telegram_bot_token,
        base_url=f"{base}/bot",
        base_file_url=f"{base}/file/bot",
        request=AiohttpRequest(
            connection_pool_size=64,
            read_timeout=timeout,
            write_timeout=timeout,
            connect_timeout=timeout,
            pool_timeout=timeout,
        ),
        get_updates_request=AiohttpRequest(
            connection_pool_size=2, read_timeout=settings.telegram_poll_timeout_seconds + timeout
        ),
    )


class TelegramChannel(Adapter):
    name = NAME
    webhook_path = WEBHOOK_PATH
    secret_header = SECRET_HEADER

    def __init__(self, core: ConversationCore, settings: Settings) -> None:
        super().__init__(core, settings)
        self.bot = make_bot(settings)
        self.username = ""
        self._updater: Updater | None = None
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._consumer: asyncio.Task[None] | None = None
        # chat -> id of the last message there with live buttons, so they can be taken away
        # once the question is over (in memory: after a restart the core still answers an
        # old button with "that question is over").
        self._open_menus: dict[str, int] = {}

    # -- life cycle ----------------------------------------------------------------------

    async def start(self) -> None:
        try:
            await self.bot.initialize()
        except Exception:
            await self.bot.shutdown()  # the sessions it opened before Telegram said no
            raise
        self.username = self.bot.username
        await self._set_commands()
        if self.mode == "webhook":
            await self.bot.set_webhook(
                self.webhook_url,
                secret_token=self.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
            log.info("telegram: webhook set for @%s", self.username)
        else:
            self._updater = Updater(self.bot, self._queue)
            await self._updater.initialize()
            await self._updater.start_polling(
                timeout=int(self.settings.telegram_poll_timeout_seconds),
                allowed_updates=ALLOWED_UPDATES,
                error_callback=lambda exc: log.warning("telegram polling: %s", exc),
            )
            self._consumer = asyncio.create_task(self._consume())
            log.info("telegram: polling as @%s", self.username)

    async def stop(self) -> None:
        if self._updater is not None:
            if self._updater.running:
                await self._updater.stop()
            await self._updater.shutdown()
        if self._consumer is not None:
            self._consumer.cancel()
        await super().stop()
        await self.bot.shutdown()

    async def _set_commands(self) -> None:
        """Telegram's command menu, from the flows' declarations: /start, the flows listed
        for Telegram (under their first English command, which works in every language)
        with their summaries, and /cancel."""
        listed = [f for f in help_order(self.core.flows) if f.telegram and f.summary]
        for lang in LANGUAGES:
            commands = [BotCommand("start", t(lang, "cmd-start"))]
            for flow in listed:
                name = commands_of(flow.name, "en")[0].lstrip("/")
                commands.append(BotCommand(name, t(lang, flow.summary or "")))
            commands.append(BotCommand("cancel", t(lang, "cmd-cancel")))
            try:
                await self.bot.set_my_commands(
                    commands, language_code=None if lang == "vi" else lang
                )
            except TelegramError as exc:
                log.warning("telegram: could not set the commands menu: %s", exc)

    async def _consume(self) -> None:
        while True:
            update = await self._queue.get()
            if isinstance(update, Update):
                self.spawn(self.process(update))

    # -- receiving -----------------------------------------------------------------------

    async def receive(self, body: Any) -> int:
        if not isinstance(body, dict) or not isinstance(body.get("update_id"), int):
            self.dropped("not a Telegram update")
            return 0
        try:
            update = Update.de_json(body, self.bot)
            read_update(update)
        except Exception as exc:  # whatever a malformed update makes the parser raise
            self.dropped(f"{type(exc).__name__}: {str(exc)[:80]}")
            return 0
        self.spawn(self.process(update))
        return 1

    async def process(self, update: Update) -> None:
        try:
            incoming = read_update(update)
        except Exception as exc:
            self.dropped(f"{type(exc).__name__}: {str(exc)[:80]}")
            return
        try:
            if update.my_chat_member is not None:
                await self._membership(update)
                return
            if incoming is None:
                return
            query = update.callback_query
            if query is None:
                # Typed instead of pressed: the buttons above are closed while the core works.
                old_menu = self._open_menus.pop(incoming.chat_id, None)
                await asyncio.gather(
                    self.handle(incoming), self._close_menu(incoming.chat_id, old_menu)
                )
                return
            # A button press: its spinner stopped and the pressed menu showing the choice,
            # while the core works on the answer (the person waits for that, not for these).
            touches = [self._answer(query)]
            if isinstance(query.message, Message) and _ticking(query):
                # Ticking several options: the same menu changes in place, no new message.
                await asyncio.gather(self._tick_in_place(incoming, query.message), *touches)
                return
            if isinstance(query.message, Message):
                touches.append(self._show_choice(query))
            await asyncio.gather(self.handle(incoming), *touches)
        except Exception:
            log.exception("telegram: failed to process an update")

    async def _membership(self, update: Update) -> None:
        """A person blocked the bot ("kicked" it from their private chat): stop their queue
        now rather than learn it from a failed send."""
        change = update.my_chat_member
        assert change is not None
        if change.chat.type == "private" and change.new_chat_member.status == "kicked":
            async with self.core.db.sessions() as db, db.begin():
                await outbox.stop_chat(db, NAME, str(change.chat.id), "blocked the bot")
            log.info("telegram: a person blocked the bot; their messages stopped")

    async def _answer(self, query: CallbackQuery) -> None:
        try:
            await query.answer()
        except TelegramError as exc:
            log.info("telegram: could not answer a button press: %s", exc)

    async def _show_choice(self, query: CallbackQuery) -> None:
        """The pressed menu keeps its question and shows the answer, without buttons."""
        message = query.message
        assert isinstance(message, Message)
        label = ""
        if message.reply_markup:
            for row in message.reply_markup.inline_keyboard:
                for button in row:
                    if button.callback_data == query.data:
                        label = button.text
        text = f"{message.text or ''}\n\n→ {label}" if label else (message.text or "")
        if self._open_menus.get(str(message.chat.id)) == message.message_id:
            del self._open_menus[str(message.chat.id)]
        try:
            await self.bot.edit_message_text(
                text[:MAX_TEXT], chat_id=message.chat.id, message_id=message.message_id
            )
        except TelegramError as exc:
            log.info("telegram: could not edit the pressed menu: %s", exc)

    async def _tick_in_place(self, incoming: Incoming, message: Message) -> None:
        """The answer to a tick: the menu re-drawn in the pressed message (its ticks and
        "done" count); anything else the core says is sent as usual."""
        async with self._gate:
            replies = await self.core.handle(incoming)
            for reply in replies:
                if reply.replaces_pressed and await self._redraw(message, reply):
                    continue
                await self.send_direct(incoming.chat_id, reply)

    async def _redraw(self, message: Message, reply: Reply) -> bool:
        try:
            await self.bot.edit_message_text(
                reply.text[:MAX_TEXT],
                chat_id=message.chat.id,
                message_id=message.message_id,
                reply_markup=keyboard(reply),
            )
        except TelegramError as exc:
            log.info("telegram: could not redraw a menu, sending it instead: %s", exc)
            return False
        self._open_menus[str(message.chat.id)] = message.message_id
        return True

    async def _close_menu(self, chat_id: str, message_id: int | None) -> None:
        """Someone typed instead of pressing: the buttons above are no longer the question."""
        if message_id is None:
            return
        try:
            await self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id)
        except TelegramError as exc:
            log.info("telegram: could not close an old menu: %s", exc)

    # -- sending -------------------------------------------------------------------------

    async def send(self, chat_id: str, reply: Reply) -> None:
        pieces = split_text(reply.text, MAX_TEXT) if reply.text.strip() else []
        markup = keyboard(reply)
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            sent = await _call(
                self.bot.send_message(
                    chat_id,
                    piece,
                    reply_markup=markup if last else None,
                    # Answers cite their sources: the link, not a big preview of its page.
                    link_preview_options=NO_PREVIEW,
                )
            )
            if last and markup is not None:
                self._open_menus[chat_id] = sent.message_id
        for attachment in reply.attachments:
            await self._send_attachment(chat_id, attachment)

    async def _send_attachment(self, chat_id: str, attachment: Attachment) -> None:
        try:
            data = await asyncio.to_thread(self.core.files.read, attachment.name)
        except OSError as exc:
            raise Refused(f"file gone: {attachment.filename}") from exc
        caption = attachment.caption[:MAX_CAPTION] or None
        if attachment.kind == "image":
            await _call(self.bot.send_photo(chat_id, data, caption=caption))
        else:
            await _call(
                self.bot.send_document(chat_id, data, filename=attachment.filename, caption=caption)
            )


def _ticking(query: CallbackQuery) -> bool:
    """A press on a menu of several answers that ticks (or starts ticking), not "done"."""
    data = query.data or ""
    if data.endswith(f":{PICK_DONE}"):
        return False
    if data.endswith(f":{PICK_SEVERAL}"):
        return True
    message = query.message
    markup = message.reply_markup if isinstance(message, Message) else None
    return markup is not None and any(
        (button.callback_data or "").endswith(f":{PICK_DONE}")
        for row in markup.inline_keyboard
        for button in row
        if isinstance(button.callback_data, str)
    )


def deep_link(username: str, code: str) -> str:
    return f"https://t.me/{username}?start={code}"


# How old a Mini App's launch data may be (Telegram signs it when the app opens).
INIT_DATA_MAX_AGE = dt.timedelta(hours=1)


def check_init_data(init_data: str, bot_token: str, now: dt.datetime) -> int | None:
    """The Telegram user id a Mini App's `initData` vouches for, or None when it is not
    signed with this bot's token, is too old, or is malformed. Telegram signs the sorted
    "key=value" lines (all fields but the hash) with HMAC-SHA-256, its key being the
    HMAC-SHA-256 of the bot token under "WebAppData"."""
    if not bot_token or not init_data or len(init_data) > 4096:
        return None
    try:
        fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        return None
    sent = fields.pop("hash", "")
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()

    def signed(pairs: dict[str, str]) -> str:
        lines = "\n".join(f"{k}={v}" for k, v in sorted(pairs.items()))
        return hmac.new(secret, lines.encode(), hashlib.sha256).hexdigest()

    others = {k: v for k, v in fields.items() if k != "signature"}
    if not any(hmac.compare_digest(signed(f), sent) for f in (fields, others)):
        return None
    try:
        when = dt.datetime.fromtimestamp(int(fields.get("auth_date", "")), dt.UTC)
        user = json.loads(fields.get("user", ""))
        user_id = int(user["id"])
    except (ValueError, TypeError, KeyError, OverflowError):
        return None
    if not now - INIT_DATA_MAX_AGE <= when <= now + dt.timedelta(minutes=5):
        return None
    return user_id
