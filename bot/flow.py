"""What a flow in `handlers/` is given and what it may do, and how it declares itself.

A flow is a class in a file of `handlers/`. It declares its name, who may use it (`who`, one
of `storage.access.Who`), its main-menu entry (`menu`), the line /help and Telegram's command
list show for it (`summary`), and its steps: each step is a pair of methods, `ask_<step>`
(shows the question, declared with `@step`) and `on_<step>` (takes the answer). Its commands,
in every language, are in `[commands]` of locales/<lang>/words.toml under the flow's name.

    class NudgeFlow(Flow):
        name = "nudges"
        first_step = "toggle"
        who = Who.TEAM
        summary = "cmd-nudges"

        @step()
        async def ask_toggle(self, ctx: Context) -> None: ...

        async def on_toggle(self, ctx: Context, answer: Answer) -> None: ...

`check_flows` (run when the application starts) stops start-up with a clear error when a
step lacks its pair, a move (`ctx.goto`, `ctx.begin`) names a step or flow that does not
exist, a declared string or a literal `ctx.t("...")` is missing from a language, or a command
is listed for two flows. A step whose answer may be typed needs `@step(text=True)`: without
it a typed answer is "not understood" (only a test shows that)."""

from __future__ import annotations

import ast
import datetime as dt
import functools
import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from bot.clock import LOCAL_TZ
from bot.core import Attachment, Choice, Incoming, Kind, Reply
from bot.i18n import LANGUAGES, Translator, message_ids, word_table
from bot.knowledge import only_thanks, says_never_mind, says_thanks
from bot.text import fold
from storage.access import Who, may

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.files import FileStore
    from storage.conversations import ChatState
    from storage.db import Session
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
        db: Session,
        convo: ChatState,
        member: Member | None,
        settings: Settings,
        language: str,
        files: FileStore,
        flows: Mapping[str, Flow] | None = None,
    ) -> None:
        self.incoming = incoming
        # Every flow, by name: what the main menu and /help are built from.
        self.flows: Mapping[str, Flow] = flows or {}
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
        self.short_menu = False
        self.data: dict[str, Any] = dict(convo.data or {})
        self.outbox: list[tuple[str, str, Reply, int | None]] = []
        self.starting: tuple[str, dict[str, Any]] | None = None
        # Ticking several options of a menu (bot/conversation.py): the ticks to show when
        # the step asks again, and the ticked options once "done" is pressed.
        self.picking: list[str] | None = None
        self.picked: list[str] | None = None
        # What a flow read once for this message and needs again in it (a ward's form).
        self.memo: dict[str, Any] = {}

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

    def say(
        self,
        text: str,
        attachments: list[Attachment] | None = None,
        *,
        opens: str = "",
        opens_label: str = "",
    ) -> None:
        """Say something; with `opens`, offer that page of this server to open inside the
        channel (a Telegram Mini App button)."""
        self.replies.append(
            Reply(text, attachments=list(attachments or []), opens=opens, opens_label=opens_label)
        )

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

    def done(self, *, short: bool = False) -> None:
        """The flow is over: back to the main menu. With `short`, what the flow just said
        (a code, a figure) stays on the screen under a single "Menu" button instead of the
        whole main menu."""
        self.finished = True
        self.short_menu = short
        self.next = None

    def set_language(self, language: str) -> None:
        self.t = Translator(language)

    def notify(
        self, channel: str, chat_id: str, reply: Reply, *, about_member_id: int | None = None
    ) -> None:
        """Queue a message the bot sends on its own to another chat (through the outbox).
        `about_member_id`: the member the text names, so erasing them withdraws it."""
        self.outbox.append((channel, chat_id, reply, about_member_id))


Ask = TypeVar("Ask", bound=Callable[..., Awaitable[None]])


@dataclass(frozen=True, slots=True)
class StepSpec:
    """A declared step: its name, and whether its answer may be free text (not only a menu
    choice) or a person's name (a bare "huy" there is a name, not "cancel")."""

    name: str
    text: bool = False
    person_name: bool = False


def step(*, text: bool = False, name: bool = False) -> Callable[[Ask], Ask]:
    """Declares the step whose question `ask_<step>` shows; `on_<step>` takes the answer.
    `text`: the answer may be typed freely; `name`: the step asks for a person's name."""

    def declare(ask: Ask) -> Ask:
        step_name = ask.__name__.removeprefix("ask_")
        if step_name == ask.__name__:
            raise TypeError(f"@step goes on an ask_<step> method, not on {ask.__name__}")
        ask.step_spec = StepSpec(step_name, text or name, name)  # type: ignore[attr-defined]
        return ask

    return declare


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """A flow's button on the main menu: the message id of its label (by role, when the label
    depends on it), its place (lower first), and who sees it (default: who may use the flow)."""

    label: str | Mapping[str, str]
    order: int
    who: Who | None = None

    def label_for(self, member: Member | None) -> str | None:
        if isinstance(self.label, str):
            return self.label
        return self.label.get(str(member.role) if member else "")

    def labels(self) -> list[str]:
        return [self.label] if isinstance(self.label, str) else list(self.label.values())


class FlowError(Exception):
    """A flow is declared wrong: the application does not start."""


class Flow:
    """Base of every flow in handlers/ (see the module's text)."""

    name: ClassVar[str]
    first_step: ClassVar[str] = ""
    # Who may use the flow (checked on every message, and for the menu, /help, refusals).
    who: ClassVar[Who] = Who.ANYONE
    # Its main-menu button, if it has one.
    menu: ClassVar[MenuEntry | None] = None
    # The message id of its one-line description for /help and Telegram's command list.
    summary: ClassVar[str | None] = None
    # Listed in Telegram's command menu (under its first English command).
    telegram: ClassVar[bool] = False
    # Declared with @step, collected when the class is made.
    steps: ClassVar[Mapping[str, StepSpec]] = {}
    text_steps: ClassVar[frozenset[str]] = frozenset()
    name_steps: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        steps: dict[str, StepSpec] = {}
        for klass in reversed(cls.__mro__):
            for value in vars(klass).values():
                spec = getattr(value, "step_spec", None)
                if isinstance(spec, StepSpec):
                    steps[spec.name] = spec
        cls.steps = steps
        cls.text_steps = frozenset(n for n, s in steps.items() if s.text)
        cls.name_steps = frozenset(n for n, s in steps.items() if s.person_name)

    def allowed(self, member: Member | None) -> bool:
        """Whether this person may use the flow at all (checked on every message)."""
        return may(member, self.who)

    async def more_buttons(self, ctx: Context) -> list[Choice]:
        """Buttons the main menu shows right after this flow's own, when they apply now
        (say, "fix the session just saved"). A key "<flow>:<mode>" starts the flow with that
        `mode`."""
        return []

    def shown(self, member: Member | None) -> bool:
        """Whether the main menu shows this flow's button to this person."""
        return self.menu is not None and may(member, self.menu.who or self.who)

    async def start(self, ctx: Context, **data: Any) -> None:
        """Enter the flow from its first step, with fresh flow data."""
        ctx.data = dict(data)
        ctx.goto(self.first_step, self.name)

    async def ask(self, ctx: Context, step: str) -> None:
        await getattr(self, f"ask_{step}")(ctx)

    async def answer(self, ctx: Context, step: str, answer: Answer) -> None:
        await getattr(self, f"on_{step}")(ctx, answer)

    def has_step(self, step: str) -> bool:
        return step in self.steps

    async def off_script(self, ctx: Context, step: str, text: str) -> bool:
        """Typed text that answers none of a step's buttons: True when the flow has dealt
        with it (said something and moved, if only back to the same step); False for "not
        understood". By default thanks, "ok" and greetings ("em cảm ơn ạ", "chào cháu") get
        a warm word, not a scolding, and the question again."""
        if not only_thanks(text):
            return False
        if says_never_mind(text):
            ctx.say(ctx.t("step-never-mind"))  # "thôi cảm ơn": the way out, then the question
        else:
            ctx.say(ctx.t("step-thanks" if says_thanks(text) else "step-go-on"))
        ctx.goto(step, self.name)
        return True


def commands_of(flow: str, lang: str) -> list[str]:
    """The commands that open `flow` in `lang` ("/ghi"), from locales/<lang>/words.toml."""
    listed = word_table(lang).get("commands", {}).get(flow, [])
    return [str(c) for c in listed]


def menu_order(flows: Mapping[str, Flow]) -> list[Flow]:
    """The flows that have a main-menu button, in its order."""
    with_menu = [f for f in flows.values() if f.menu is not None]
    return sorted(with_menu, key=lambda f: f.menu.order if f.menu else 0)


def help_order(flows: Mapping[str, Flow]) -> list[Flow]:
    """The flows as /help lists them: menu order first, then the others by name."""
    return sorted(flows.values(), key=lambda f: (f.menu.order if f.menu else 1000, f.name))


def check_flows(flows: Mapping[str, Flow]) -> None:
    """Every flow's declarations hold together, or FlowError says where they do not."""
    problems: list[str] = []
    for key, flow in flows.items():
        problems += _check_one(key, flow, flows)
    owners: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for flow_name, listed in word_table(lang).get("commands", {}).items():
            for command in listed:
                owners.setdefault(fold(str(command)), set()).add(flow_name)
    for command, named in sorted(owners.items()):
        if len(named) > 1:
            problems.append(
                f"locales: the command {command!r} is listed for several flows: "
                f"{', '.join(sorted(named))}"
            )
    for lang in LANGUAGES:
        for flow_name in word_table(lang).get("commands", {}):
            if flow_name not in flows:
                problems.append(
                    f"locales/{lang}/words.toml: [commands] names a flow that does not exist: "
                    f"{flow_name!r}"
                )
    if problems:
        raise FlowError("flows declared wrong:\n  " + "\n  ".join(problems))


def _place(obj: Any, otherwise: str) -> str:
    """ "path:line" of a function, for error messages."""
    try:
        return f"{inspect.getsourcefile(obj)}:{inspect.getsourcelines(obj)[1]}"
    except (OSError, TypeError):
        return otherwise


def _check_one(key: str, flow: Flow, flows: Mapping[str, Flow]) -> list[str]:
    cls = type(flow)
    where = f"{inspect.getsourcefile(cls)}: {cls.__name__}"
    problems: list[str] = []
    if getattr(cls, "name", None) != key:
        problems.append(f"{where}: registered as {key!r} but named {getattr(cls, 'name', None)!r}")
    for name in dir(cls):
        for prefix, pair in (("ask_", "on_"), ("on_", "ask_")):
            if name.startswith(prefix) and not hasattr(cls, pair + name.removeprefix(prefix)):
                at = _place(getattr(cls, name), f"{where}.{name}")
                problems.append(f"{at}: {name} has no {pair}{name.removeprefix(prefix)}")
        if name.startswith("ask_") and name.removeprefix("ask_") not in cls.steps:
            at = _place(getattr(cls, name), f"{where}.{name}")
            problems.append(f"{at}: {name} is not declared: put @step() on it")
    overrides_start = cls.start is not Flow.start
    if not overrides_start and cls.first_step not in cls.steps:
        problems.append(f"{where}: first_step {cls.first_step!r} is not one of its steps")
    keys = [k for k in (cls.summary,) if k]
    if cls.menu is not None:
        keys += cls.menu.labels()
    for lang in LANGUAGES:
        known = message_ids(lang)
        problems += [
            f"{where}: no message {k!r} in locales for {lang!r}" for k in keys if k not in known
        ]
    if cls.telegram and not commands_of(cls.name, "en"):
        problems.append(f"{where}: listed for Telegram but has no English command")
    problems += _check_moves(cls, flows)
    return problems


@functools.lru_cache(maxsize=64)
def _module_tree(path: str) -> ast.Module:
    return ast.parse(Path(path).read_text(encoding="utf-8"), path)


def _class_tree(path: str, name: str) -> ast.ClassDef | None:
    """The class `name` in the file at `path`, parsed once per file."""
    for node in _module_tree(path).body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return node
    return None


def _check_moves(cls: type[Flow], flows: Mapping[str, Flow]) -> list[str]:
    """The literal targets of `ctx.goto(step[, flow])` and `ctx.begin(flow)` in the flow's
    own code exist (targets computed at run time are checked when they run)."""
    path = inspect.getsourcefile(cls)
    tree = _class_tree(path, cls.__qualname__) if path else None
    if tree is None:
        return []
    problems: list[str] = []
    known = {lang: message_ids(lang) for lang in LANGUAGES}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        args: list[Any] = [a.value if isinstance(a, ast.Constant) else a for a in node.args]
        named = {k.arg: k.value for k in node.keywords if k.arg}
        line = f"{path}:{node.lineno}"
        if node.func.attr == "goto":
            step_arg = args[0] if args else named.get("step")
            flow_arg = args[1] if len(args) > 1 else named.get("flow")
            if isinstance(step_arg, ast.Constant):
                step_arg = step_arg.value
            if isinstance(flow_arg, ast.Constant):
                flow_arg = flow_arg.value
            if not isinstance(step_arg, str):
                continue  # computed: checked when it runs
            target = cls.name
            if isinstance(flow_arg, str):
                target = flow_arg
            elif flow_arg is not None and not (
                isinstance(flow_arg, ast.Attribute) and flow_arg.attr == "name"
            ):
                continue
            flow = flows.get(target)
            if flow is None:
                problems.append(f"{line}: moves to a flow that does not exist: {target!r}")
            elif step_arg not in flow.steps:
                problems.append(
                    f"{line}: moves to step {step_arg!r} of {target!r}, which has no such step "
                    f"(its steps: {', '.join(flow.steps) or 'none'})"
                )
        elif node.func.attr == "begin" and args and isinstance(args[0], str):
            if args[0] not in flows:
                problems.append(f"{line}: starts a flow that does not exist: {args[0]!r}")
        elif (
            node.func.attr == "t"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "ctx"
            and args
            and isinstance(args[0], str)
        ):
            for lang in LANGUAGES:
                if args[0] not in known[lang]:
                    problems.append(f"{line}: no message {args[0]!r} in locales for {lang!r}")
    return problems
