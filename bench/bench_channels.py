"""Benchmark (not a test): ngoso's channels side by side with the cheapest bot on the same stack.

Everything runs in this process, on 127.0.0.1, against fresh SQLite files:

(a) Telegram. ngoso (the real Application: web server, Telegram adapter polling through
    python-telegram-bot, outbox sender) against the tests' fake Bot API; its volunteers have
    joined with an invite and tap through the session-logging flow (log, topic, priority
    group, outcome, save, back to the menu). The floor: a plain python-telegram-bot
    Application, default settings, polling its own copy of the same fake, whose handler
    inserts one row into SQLite (aiosqlite, WAL) and replies with one sendMessage.
    Latency: from the update being offered by the fake (queued for getUpdates) to the
    answer reaching the fake (the sendMessage that carries the next menu; for the floor,
    its one sendMessage).
(b) Web chat. ngoso's web API (POST /api/messages, one cookie jar per browser), the same
    volunteers' flow typed in the browser; the floor: a bare aiohttp endpoint that inserts
    one row into SQLite and returns JSON. Latency: HTTP request sent to response read.

Two scenarios each: one chat sending messages one after another (throughput, p50/p99), and
--chats chats at once, each sending --per-chat messages one after another (p50/p99). Sent
back to back, the many chats' latency is mostly waiting behind the others (p50 is about
chats / throughput); --think gives each chat a person's pause before each message, and
then the many chats' msg/s is simply the rate offered. ngoso and the floor take turns,
scenario by scenario, for --rounds rounds (who goes first swaps every round): the machine
is shared and noisy, so the ngoso/floor ratios are what matter.

ngoso runs with its default settings (rates included); only the scheduler is off, so no
nightly job runs during the measurement.

    .venv/bin/python bench/bench_channels.py [--rounds 5] [--messages 100] [--chats 50]
        [--per-chat 4] [--think 0] [--only telegram|web] [--timeout 30]

Targets: (a) one chat, throughput >= 0.8 of the floor; (b) one chat, throughput >= 0.5 of
the floor, and with 50 chats p99 <= 50 ms."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import dataclasses
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

import aiosqlite
from aiohttp import ClientSession, CookieJar, web
from telegram import Update
from telegram.ext import Application as PtbApplication
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import Application
from bot.config import Settings
from storage import invites, migrate, wards
from storage.invites import display
from storage.models import Role
from tests.fakes.telegram_api import FakeTelegram

NGOSO_TOKEN = "1000:bench-ngoso"
FLOOR_TOKEN = "2000:bench-floor"
# One support session, as a volunteer taps it: a button key, or None for any button shown.
SESSION_TAPS: tuple[str | None, ...] = ("log", None, None, "resolved", "save", "menu")
FLOOR_TABLE = "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, chat TEXT, text TEXT)"
FLOOR_INSERT = "INSERT INTO messages (chat, text) VALUES (?, ?)"


# -- figures -----------------------------------------------------------------------------------


@dataclasses.dataclass
class Figures:
    latencies: list[float]
    elapsed: float
    cpu: float

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p99(self) -> float:
        return self.percentile(0.99)

    @property
    def cpu_per_message(self) -> float:
        return self.cpu / len(self.latencies) * 1000

    @staticmethod
    def pooled(runs: list[Figures]) -> Figures:
        return Figures(
            [x for r in runs for x in r.latencies],
            sum(r.elapsed for r in runs),
            sum(r.cpu for r in runs),
        )

    def line(self) -> str:
        return (
            f"{self.rate:7.1f} msg/s  p50 {self.p50:7.1f} ms  p99 {self.p99:7.1f} ms  "
            f"cpu {self.cpu_per_message:5.2f} ms/msg"
        )


class Person(Protocol):
    async def next(self) -> float:
        """Send the next message; seconds until its answer arrived."""
        ...


async def one_chat(person: Person, messages: int) -> Figures:
    """One chat, each message sent as soon as the answer to the previous one arrived."""
    latencies = []
    cpu, started = time.process_time(), time.perf_counter()
    for _ in range(messages):
        latencies.append(await person.next())
    return Figures(latencies, time.perf_counter() - started, time.process_time() - cpu)


async def many_chats(people: list[Person], per_chat: int, think: float = 0.0) -> Figures:
    """All chats at once, each one sending its messages one after another; with `think`,
    a chat pauses a random 0-2x`think` seconds before each message (not counted)."""
    latencies: list[float] = []
    rng = random.Random(11)

    async def chat(person: Person) -> None:
        for _ in range(per_chat):
            if think > 0:
                await asyncio.sleep(rng.uniform(0, 2 * think))
            latencies.append(await person.next())

    cpu, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(chat(p) for p in people))
    return Figures(latencies, time.perf_counter() - started, time.process_time() - cpu)


def counter_asked(buttons: list[tuple[str, str]]) -> bool:
    """The ward's counter after a topic ("VNeID accounts activated?"): an extra tap."""
    keys = {i.partition(":")[2] for i, _ in buttons}
    return {"0", "other"} <= keys


def next_choice(step: int, buttons: list[tuple[str, str]], rng: random.Random) -> str:
    """The button id a volunteer presses at `step` of the session (ids are "<seq>:<key>"):
    one option, never "choose several"; 0-3 for a counter."""
    if counter_asked(buttons):
        return rng.choice(buttons[:4])[0]
    key = SESSION_TAPS[step % len(SESSION_TAPS)]
    if key is None:
        return rng.choice([b for b in buttons if not b[0].endswith(":+several")])[0]
    return next(i for i, _ in buttons if i.endswith(f":{key}"))


# -- Telegram ----------------------------------------------------------------------------------


class TimedTelegram(FakeTelegram):
    """The tests' fake Bot API, telling the benchmark when the answer to an update arrived:
    the first sendMessage with a keyboard to that chat (ngoso's next question), or with
    `any_message`, the first sendMessage at all (the floor's one reply)."""

    def __init__(self, token: str, any_message: bool) -> None:
        super().__init__(token)
        self.any_message = any_message
        self.update_ids = itertools.count(1)
        self.incoming_ids = itertools.count(1_000_000)
        self._waiting: dict[int, asyncio.Future[tuple[float, dict[str, Any]]]] = {}

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        message = await super()._m_sendMessage(params)
        if self.any_message or message.get("reply_markup"):
            waiting = self._waiting.pop(message["chat"]["id"], None)
            if waiting is not None and not waiting.done():
                waiting.set_result((time.perf_counter(), message))
        return message

    async def offer(
        self, chat_id: int, update: dict[str, Any], within: float
    ) -> tuple[float, dict[str, Any]]:
        """Queue `update` for the bot's next getUpdates; (latency, the answering message)."""
        answered = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = answered
        offered = time.perf_counter()
        self.push(update)
        try:
            at, message = await asyncio.wait_for(answered, within)
        except TimeoutError:
            self._waiting.pop(chat_id, None)
            raise RuntimeError(f"no answer in chat {chat_id} within {within:g} s") from None
        return at - offered, message


class TelegramPerson:
    """Someone in a private chat with the bot: types text or presses a button of the latest
    menu; with `taps`, each next() is the next tap of a support session."""

    def __init__(
        self, fake: TimedTelegram, user_id: int, timeout: float, taps: bool, seed: int
    ) -> None:
        self.fake, self.id, self.timeout, self.taps = fake, user_id, timeout, taps
        self.user = {
            "id": user_id,
            "is_bot": False,
            "first_name": f"Bench {user_id}",
            "language_code": "vi",
        }
        self.menu: dict[str, Any] | None = None
        self.step = 0
        self.rng = random.Random(seed)

    async def _offer(self, update: dict[str, Any]) -> float:
        latency, message = await self.fake.offer(self.id, update, self.timeout)
        if message.get("reply_markup"):
            self.menu = message
        return latency

    async def say(self, text: str) -> float:
        message = {
            "message_id": next(self.fake.incoming_ids),
            "date": int(time.time()),
            "chat": {"id": self.id, "type": "private", "first_name": self.user["first_name"]},
            "from": self.user,
            "text": text,
        }
        return await self._offer({"update_id": next(self.fake.update_ids), "message": message})

    def buttons(self) -> list[tuple[str, str]]:
        assert self.menu is not None, "no menu to press"
        rows = self.menu["reply_markup"]["inline_keyboard"]
        return [(b["callback_data"], b["text"]) for row in rows for b in row]

    async def press(self, data: str) -> float:
        query = {
            "id": str(next(self.fake.incoming_ids)),
            "from": self.user,
            "chat_instance": str(self.id),
            "message": copy.deepcopy(self.menu),
            "data": data,
        }
        return await self._offer({"update_id": next(self.fake.update_ids), "callback_query": query})

    async def next(self) -> float:
        if not self.taps:
            self.step += 1
            return await self.say(f"Ghi chú {self.step}")
        shown = self.buttons()
        data = next_choice(self.step, shown, self.rng)
        self.step += 0 if counter_asked(shown) else 1
        return await self.press(data)


@contextlib.asynccontextmanager
async def floor_telegram_bot(fake: TimedTelegram, db_path: Path) -> AsyncIterator[None]:
    """A plain python-telegram-bot bot: one row into SQLite, one reply, per message."""
    db = await aiosqlite.connect(db_path)
    await db.execute("PRAGMA journal_mode=WAL")
    await db.execute("PRAGMA synchronous=NORMAL")
    await db.execute(FLOOR_TABLE)
    await db.commit()

    async def on_message(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await db.execute(FLOOR_INSERT, (str(message.chat_id), message.text))
        await db.commit()
        await message.reply_text("Đã ghi.")

    app: PtbApplication[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(f"{fake.url}/bot")
        .base_file_url(f"{fake.url}/file/bot")
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, on_message))
    try:
        async with app:
            assert app.updater is not None
            await app.updater.start_polling()
            await app.start()
            try:
                yield
            finally:
                await app.updater.stop()
                await app.stop()
    finally:
        await db.close()


# -- web chat ----------------------------------------------------------------------------------


class WebPerson:
    """One browser: its own cookie jar; types text or presses a button of the latest answer."""

    def __init__(self, url: str, timeout: float, taps: bool, seed: int) -> None:
        self.url, self.timeout, self.taps = url, timeout, taps
        # unsafe: keep cookies set by an IP address (127.0.0.1), as a browser does.
        self.http = ClientSession(cookie_jar=CookieJar(unsafe=True))
        self.buttons: list[tuple[str, str]] = []
        self.step = 0
        self.rng = random.Random(seed)

    async def post(self, payload: dict[str, Any]) -> float:
        started = time.perf_counter()
        async with asyncio.timeout(self.timeout), self.http.post(self.url, json=payload) as r:
            body = await r.read()
        latency = time.perf_counter() - started
        if r.status != 200:
            raise RuntimeError(f"{self.url} answered {r.status}: {body[:200]!r}")
        shown = [(b["id"], b["label"]) for m in json.loads(body)["replies"] for b in m["buttons"]]
        if shown:
            self.buttons = shown
        return latency

    async def next(self) -> float:
        if not self.taps:
            self.step += 1
            return await self.post({"text": f"Ghi chú {self.step}"})
        choice = next_choice(self.step, self.buttons, self.rng)
        self.step += 0 if counter_asked(self.buttons) else 1
        return await self.post({"choice": choice})

    async def close(self) -> None:
        await self.http.close()


@contextlib.asynccontextmanager
async def floor_web_app(db_path: Path) -> AsyncIterator[str]:
    """A bare aiohttp endpoint: one row into SQLite, a JSON answer. Yields its URL."""
    db = await aiosqlite.connect(db_path)
    await db.execute("PRAGMA journal_mode=WAL")
    await db.execute("PRAGMA synchronous=NORMAL")
    await db.execute(FLOOR_TABLE)
    await db.commit()

    async def post_message(request: web.Request) -> web.Response:
        body = await request.json()
        await db.execute(FLOOR_INSERT, ("web", body.get("text")))
        await db.commit()
        return web.json_response({"replies": [{"text": "Đã ghi.", "buttons": []}]})

    app = web.Application()
    app.router.add_post("/api/messages", post_message)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        yield f"http://127.0.0.1:{port}/api/messages"
    finally:
        await runner.cleanup()
        await db.close()


# -- ngoso -------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def ngoso(tmp: Path, telegram_url: str) -> AsyncIterator[Application]:
    """The whole bot, as `ngoso run` serves it, on a fresh SQLite file and a free port."""
    url = f"sqlite+aiosqlite:///{tmp / 'ngoso.db'}"
    await asyncio.to_thread(migrate.upgrade, url)
    settings = Settings(
        database_url=url,
        host="127.0.0.1",
        port=0,
        seed_demo=False,
        files_dir=tmp / "files",
        backup_dir=tmp / "backups",
        scheduler=False,
        telegram_bot_token=NGOSO_TOKEN if telegram_url else "",
        telegram_api_base_url=telegram_url
        or Settings.model_fields["telegram_api_base_url"].default,
        _env_file=None,
    )
    app = Application(settings)
    stop = asyncio.Event()
    serving = asyncio.create_task(app.serve(stop))
    ready = asyncio.create_task(app.ready.wait())
    done, _ = await asyncio.wait({serving, ready}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if serving in done:
            await serving  # raises what went wrong at start-up
        raise RuntimeError("ngoso did not start within 30 s")
    try:
        yield app
    finally:
        stop.set()
        await asyncio.wait_for(serving, 30)
        await app.db.close()


async def make_invite(app: Application, people: int) -> str:
    async with app.db.sessions() as s, s.begin():
        ward = await wards.add_ward(s, "BENCH", "Benchmark ward")
        group = await wards.add_group(s, ward, "Benchmark group")
        invite = await invites.create(
            s, role=Role.VOLUNTEER, ward_id=ward.id, group_id=group.id, max_uses=people, days=1
        )
    return invite.code


async def join_telegram(person: TelegramPerson, code: str) -> None:
    await person.say(f"/start {code}")
    await person.press(next(i for i, _ in person.buttons() if i.endswith(":agree")))


async def join_web(person: WebPerson, code: str, n: int) -> None:
    await person.post({"text": display(code)})
    await person.post({"choice": next(i for i, _ in person.buttons if i.endswith(":agree"))})
    await person.post({"text": f"Tình nguyện viên {n}"})  # the web chat asks for a name


# -- the run -----------------------------------------------------------------------------------

Scenario = Callable[[], Awaitable[Figures]]


@dataclasses.dataclass
class Part:
    """One channel: ngoso and its floor, each with one lone chat and a crowd of chats."""

    name: str
    ngoso_one: Person
    ngoso_crowd: list[Person]
    floor_one: Person
    floor_crowd: list[Person]
    results: dict[tuple[str, str], list[Figures]] = dataclasses.field(default_factory=dict)

    async def round(self, number: int, messages: int, per_chat: int, think: float) -> None:
        scenarios: list[tuple[str, dict[str, Scenario]]] = [
            (
                "1 chat",
                {
                    "ngoso": lambda: one_chat(self.ngoso_one, messages),
                    "floor": lambda: one_chat(self.floor_one, messages),
                },
            ),
            (
                f"{len(self.ngoso_crowd)} chats",
                {
                    "ngoso": lambda: many_chats(self.ngoso_crowd, per_chat, think),
                    "floor": lambda: many_chats(self.floor_crowd, per_chat, think),
                },
            ),
        ]
        for scenario, sides in scenarios:
            order = ["ngoso", "floor"] if number % 2 else ["floor", "ngoso"]
            got: dict[str, Figures] = {}
            for side in order:
                got[side] = await sides[side]()
                await asyncio.sleep(0.2)  # the last edits and acks of this side settle
                self.results.setdefault((scenario, side), []).append(got[side])
            ratio = got["ngoso"].rate / got["floor"].rate
            print(f"  {self.name:8} {scenario:8} ngoso {got['ngoso'].line()}")
            print(f"  {'':8} {'':8} floor {got['floor'].line()}   ngoso/floor {ratio:.3f}")

    def ratios(self, scenario: str) -> list[float]:
        ngoso, floor = self.results[(scenario, "ngoso")], self.results[(scenario, "floor")]
        return [n.rate / f.rate for n, f in zip(ngoso, floor, strict=True)]

    def pooled(self, scenario: str, side: str) -> Figures:
        return Figures.pooled(self.results[(scenario, side)])


async def warm_up(part: Part) -> None:
    """A few messages each, not counted: connections opened, caches filled."""
    for person in (part.ngoso_one, part.floor_one):
        for _ in range(len(SESSION_TAPS)):
            await person.next()
    await many_chats(part.ngoso_crowd, 1)
    await many_chats(part.floor_crowd, 1)


def report(parts: list[Part], crowd: str) -> None:
    """The summary: figures pooled over the rounds; ratio: the median of the rounds' ratios
    (lowest-highest in brackets)."""
    print()
    print("Summary (all rounds pooled; ngoso/floor = median of the rounds' throughput ratios)")
    print(f"{'':18}{'----------- ngoso -----------':>31}  {'----------- floor -----------':>29}")
    header = (
        f"{'':18}{'msg/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'cpu':>7}  "
        f"{'msg/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'cpu':>7}  {'ngoso/floor':<20} target"
    )
    print(header)
    print("-" * (len(header) + 28))
    for part in parts:
        for scenario in ("1 chat", crowd):
            n, f = part.pooled(scenario, "ngoso"), part.pooled(scenario, "floor")
            ratios = part.ratios(scenario)
            ratio = statistics.median(ratios)
            target = ""
            if scenario == "1 chat":
                wanted = 0.8 if part.name == "telegram" else 0.5
                target = f"ratio >= {wanted}: {'met' if ratio >= wanted else 'NOT MET'}"
            elif part.name == "web":
                target = f"ngoso p99 <= 50 ms: {'met' if n.p99 <= 50 else 'NOT MET'}"
            spread = f"{ratio:.3f} ({min(ratios):.2f}-{max(ratios):.2f})"
            print(
                f"{part.name + ', ' + scenario:18}"
                f"{n.rate:8.1f}{n.p50:8.1f}{n.p99:8.1f}{n.cpu_per_message:7.2f}  "
                f"{f.rate:8.1f}{f.p50:8.1f}{f.p99:8.1f}{f.cpu_per_message:7.2f}  "
                f"{spread:<20} {target}"
            )
    print("cpu: CPU time of this whole process (bot, fake API, clients) per message, in ms")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="ngoso and floor take turns")
    parser.add_argument("--messages", type=int, default=100, help="one chat: messages a round")
    parser.add_argument("--chats", type=int, default=50, help="chats at once")
    parser.add_argument("--per-chat", type=int, default=4, help="many chats: messages each")
    parser.add_argument(
        "--think", type=float, default=0.0, help="many chats: mean pause before a message (s)"
    )
    parser.add_argument("--only", choices=["telegram", "web"], help="one part only")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait an answer")
    args = parser.parse_args()
    parts_wanted = [args.only] if args.only else ["telegram", "web"]
    people = max(args.chats, 1)
    started = time.perf_counter()

    async with contextlib.AsyncExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-channels-")))
        fake = await stack.enter_async_context(TimedTelegram(NGOSO_TOKEN, any_message=False))
        floor_fake = await stack.enter_async_context(TimedTelegram(FLOOR_TOKEN, any_message=True))
        telegram = "telegram" in parts_wanted
        app = await stack.enter_async_context(ngoso(tmp, fake.url if telegram else ""))
        code = await make_invite(app, 2 * people + 2)
        parts: list[Part] = []

        if telegram:
            await stack.enter_async_context(floor_telegram_bot(floor_fake, tmp / "floor-tg.db"))

            def tg(f: TimedTelegram, n: int, taps: bool) -> TelegramPerson:
                return TelegramPerson(f, 700_000 + n, args.timeout, taps, seed=n)

            volunteers = [tg(fake, n, True) for n in range(people + 1)]
            await asyncio.gather(*(join_telegram(v, code) for v in volunteers))
            floor_people = [tg(floor_fake, n, False) for n in range(people + 1)]
            parts.append(
                Part(
                    "telegram",
                    volunteers[0],
                    [*volunteers[1:]],
                    floor_people[0],
                    [*floor_people[1:]],
                )
            )

        if "web" in parts_wanted:
            floor_url = await stack.enter_async_context(floor_web_app(tmp / "floor-web.db"))
            ngoso_url = f"http://127.0.0.1:{app.port}/api/messages"
            browsers = [WebPerson(ngoso_url, args.timeout, True, n) for n in range(people + 1)]
            floor_browsers = [
                WebPerson(floor_url, args.timeout, False, n) for n in range(people + 1)
            ]
            for b in (*browsers, *floor_browsers):
                stack.push_async_callback(b.close)
            await asyncio.gather(*(join_web(b, code, n) for n, b in enumerate(browsers)))
            parts.append(
                Part("web", browsers[0], [*browsers[1:]], floor_browsers[0], [*floor_browsers[1:]])
            )

        for part in parts:
            await warm_up(part)
        rate = app.settings.telegram_rate_per_second
        print(
            f"ngoso with default settings (telegram_rate_per_second={rate:g}) on SQLite; "
            f"{people + 1} volunteers joined on each channel; set up in "
            f"{time.perf_counter() - started:.1f} s"
        )
        think = f", pausing {args.think:g} s on average" if args.think else ", back to back"
        print(
            f"one chat: {args.messages} messages a round; {args.chats} chats at once: "
            f"{args.per_chat} messages each{think}"
        )
        for number in range(1, args.rounds + 1):
            print(f"round {number}")
            for part in parts:
                await part.round(number, args.messages, args.per_chat, args.think)
        report(parts, f"{args.chats} chats")
        print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    asyncio.run(main())
