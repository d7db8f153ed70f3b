"""What a flow in `handlers/` is given and what it may do. A flow is a class whose steps
are pairs of methods: `ask_<step>` shows the question, `on_<step>` takes the answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from bot.clock import LOCAL_TZ
from bot.core import Attachment, Choice, Incoming, Kind, Reply
from bot.i18n import Translator

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.config import Settings
    from bot.files import FileStore
    from storage.conversations import ChatState
    from storage.models import Member


@dataclass(slots=True)
class Answer:
    """An answer to the current step: the raw text, and the menu keys it resolved to."""

    text: str
    keys: list[str] = field(default_factory=list)
    kind: Kind = Kind.TEXT

    @property
    def key(self) -> str | None:
        return self.keys[0] if self.keys else None

    @property
    def pressed(self) -> bool:
        return self.kind is Kind.CHOICE


@dataclass(slots=True)
class PendingMenu:
    text: str
    choices: list[Choice]
    multi: bool


class Context:
    """Everything one incoming message is handled with."""

    def __init__(
        self,
        incoming: Incoming,
        db: AsyncSession,
        convo: ChatState,
        member: Member | None,
        settings: Settings,
        language: str,
        files: FileStore,
    ) -> None:
        self.incoming = incoming
        self.files = files
        self.db = db
        self.convo = convo
        self.member = member
        self.settings = settings
        self.t = Translator(language)
        self.replies: list[Reply] = []
        self.menu: PendingMenu | None = None
        self.next: tuple[str, str] | None = None
        self.finished = False
        self.data: dict[str, Any] = dict(convo.data or {})
        self.outbox: list[tuple[str, str, Reply, int | None]] = []
        self.starting: tuple[str, dict[str, Any]] | None = None

    @property
    def lang(self) -> str:
        return self.t.lang

    @property
    def now(self) -> dt.datetime:
        """When the message arrived (the core dates every message it receives)."""
        assert self.incoming.at is not None
        return self.incoming.at

    @property
    def today(self) -> dt.date:
        """Today in Vietnam, which is what a volunteer means by "today"."""
        return self.now.astimezone(LOCAL_TZ).date()

    def say(self, text: str, attachments: list[Attachment] | None = None) -> None:
        self.replies.append(Reply(text, attachments=list(attachments or [])))

    def ask(self, text: str, choices: list[Choice], *, multi: bool = False) -> None:
        """Show a question with a menu; the answer comes back to the current step."""
        self.menu = PendingMenu(text, choices, multi)

    def goto(self, step: str, flow: str | None = None) -> None:
        """Move to `step` (of `flow`, or of the current flow) and ask its question."""
        self.next = (flow or self.convo.flow or "home", step)

    def begin(self, flow: str, **data: Any) -> None:
        """Leave the current flow and start `flow` (from its `start`)."""
        self.starting = (flow, data)
        self.next = None

    def done(self) -> None:
        """The flow is over: back to the main menu."""
        self.finished = True
        self.next = None

    def set_language(self, language: str) -> None:
        self.t = Translator(language)

    def notify(
        self, channel: str, chat_id: str, reply: Reply, *, about_member_id: int | None = None
    ) -> None:
        """Queue a message the bot sends on its own to another chat (through the outbox).
        `about_member_id`: the member the text names, so erasing them withdraws it."""
        self.outbox.append((channel, chat_id, reply, about_member_id))


class Flow:
    """Base of every flow in handlers/. Subclasses set `name` and define their steps."""

    name: ClassVar[str]
    first_step: ClassVar[str]
    # Steps whose answer may be free text rather than one of the menu's choices.
    text_steps: ClassVar[frozenset[str]] = frozenset()
    # Text steps that ask for a person's name: a bare "huy" there is a name, not "cancel".
    name_steps: ClassVar[frozenset[str]] = frozenset()

    def allowed(self, member: Member | None) -> bool:
        """Whether this person may use the flow at all (checked on every message)."""
        return True

    async def start(self, ctx: Context, **data: Any) -> None:
        """Enter the flow from its first step, with fresh flow data."""
        ctx.data = dict(data)
        ctx.goto(self.first_step, self.name)

    async def ask(self, ctx: Context, step: str) -> None:
        await getattr(self, f"ask_{step}")(ctx)

    async def answer(self, ctx: Context, step: str, answer: Answer) -> None:
        await getattr(self, f"on_{step}")(ctx, answer)

    def has_step(self, step: str) -> bool:
        return hasattr(self, f"ask_{step}") and hasattr(self, f"on_{step}")
