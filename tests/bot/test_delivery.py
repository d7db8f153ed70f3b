"""The outbox senders: several at once never send a message twice, a crashed sender's claim
runs out and its messages go, and one chat's messages keep their order and pace."""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import itertools

from sqlalchemy import select, update

from bot.channels import RetryLater
from bot.clock import ShiftedClock
from bot.core import Reply
from bot.delivery import OutboxSender, Pacing
from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage
from tests.conftest import START


class Recorder:
    """A channel that takes everything and remembers what it got, and when."""

    name = "telegram"

    def __init__(self) -> None:
        self.got: list[tuple[str, str, float]] = []

    async def send(self, chat_id: str, reply: Reply) -> None:
        await asyncio.sleep(0.001)
        self.got.append((chat_id, reply.text, asyncio.get_running_loop().time()))


async def fill(database: Database, count: int, chats: int) -> None:
    async with database.sessions() as db, db.begin():
        for n in range(count):
            outbox.enqueue(db, "telegram", f"c{n % chats}", Reply(f"m{n}").to_dict())


async def test_two_senders_at_once_send_each_message_once(database: Database) -> None:
    await fill(database, 300, 150)
    channel = Recorder()
    fast = Pacing(rate_per_second=2000, per_chat_interval=0.0, batch_size=40)
    # Two "processes": each its own engine and connections on the same database.
    async with (
        Database(database.url, database.clock) as one,
        Database(database.url, database.clock) as two,
    ):
        await asyncio.gather(
            OutboxSender(one, channel, fast).drain(), OutboxSender(two, channel, fast).drain()
        )
    counts = collections.Counter(text for _, text, _ in channel.got)
    assert len(counts) == 300
    assert max(counts.values()) == 1


async def test_a_crashed_senders_messages_go_once_its_claim_runs_out(database: Database) -> None:
    await fill(database, 3, 3)
    channel = Recorder()
    crashed = OutboxSender(database, channel)
    claimed = await crashed.claim()  # ... and the process died before sending
    assert len(claimed) == 3
    assert await OutboxSender(database, channel).drain() == 0  # still claimed
    async with database.sessions() as db, db.begin():
        await db.execute(
            update(OutboxMessage).values(claimed_until=START - dt.timedelta(seconds=1))
        )
    assert await OutboxSender(database, channel).drain() == 3
    assert sorted(text for _, text, _ in channel.got) == ["m0", "m1", "m2"]


async def test_one_chat_gets_its_messages_in_order_and_paced(database: Database) -> None:
    await fill(database, 4, 1)
    channel = Recorder()
    await OutboxSender(
        database, channel, Pacing(rate_per_second=1000, per_chat_interval=0.2)
    ).drain()
    assert [text for _, text, _ in channel.got] == ["m0", "m1", "m2", "m3"]
    times = [at for _, _, at in channel.got]
    assert all(b - a >= 0.19 for a, b in itertools.pairwise(times))


async def test_a_delivered_notice_does_not_stay_in_the_database(database: Database) -> None:
    """A notice may name a volunteer or carry a resident's phone number: once delivered,
    only its status stays, so erasing that person leaves no copy behind."""
    async with database.sessions() as db, db.begin():
        outbox.enqueue(db, "telegram", "leader", Reply("Anh Tuấn vừa tham gia tổ 3").to_dict())
        outbox.enqueue(db, "telegram", "gone", Reply("Chị Lan, 0912 345 678").to_dict())
    channel = Recorder()
    sender = OutboxSender(database, channel)
    await sender.deliver([r for r in await sender.claim() if r.chat_id == "leader"])
    async with database.sessions() as db, db.begin():
        await outbox.stop_chat(db, "telegram", "gone", "blocked")  # never delivered: given up
    assert [text for _, text, _ in channel.got] == ["Anh Tuấn vừa tham gia tổ 3"]
    async with database.sessions() as db:
        rows = {r.chat_id: r for r in await db.scalars(select(OutboxMessage))}
    assert rows["leader"].status == "sent" and rows["leader"].payload == {}
    assert rows["gone"].status == "unreachable" and rows["gone"].payload == {}


class Throttled(Recorder):
    """A platform that answers 429 (retry_after) to some sends, and records every send it
    accepted and every 429 it gave, with the time each request reached it."""

    def __init__(self, refuse: set[int], retry_after: float) -> None:
        super().__init__()
        self.refuse = refuse
        self.retry_after = retry_after
        self.calls = 0
        self.pauses: list[float] = []

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.calls += 1
        arrived = asyncio.get_running_loop().time()  # when the request reached the platform
        if self.calls in self.refuse:
            self.pauses.append(arrived)
            raise RetryLater(self.retry_after, "Too Many Requests")
        await asyncio.sleep(0.001)
        self.got.append((chat_id, reply.text, arrived))


async def test_nothing_goes_to_a_paused_channel(database: Database) -> None:
    """A storm to 200 people with three 429s: every message still goes, once, and none
    leaves while the platform's pause runs (slots waited for before the 429 included)."""
    await fill(database, 200, 200)
    channel = Throttled(refuse={40, 90, 150}, retry_after=0.3)
    pacing = Pacing(rate_per_second=400, per_chat_interval=0.0, max_in_flight=8)
    await OutboxSender(database, channel, pacing).drain()
    assert sorted(text for _, text, _ in channel.got) == sorted(f"m{n}" for n in range(200))
    assert len(channel.pauses) == 3
    sends = [at for _, _, at in channel.got]
    for paused_at in channel.pauses:
        inside = [at for at in sends if paused_at < at < paused_at + 0.3 - 0.01]
        assert inside == [], f"{len(inside)} sent during a pause"


class Slow(Recorder):
    async def send(self, chat_id: str, reply: Reply) -> None:
        await asyncio.sleep(2.5)
        await super().send(chat_id, reply)


async def test_a_live_senders_claims_are_kept_and_a_dead_ones_run_out_fast(
    database: Database,
) -> None:
    await fill(database, 2, 1)
    running = ShiftedClock(START)  # claims run out in real time here
    short = Pacing(lease_seconds=1.0, per_chat_interval=0.0)
    async with (
        Database(database.url, running) as one,
        Database(database.url, running) as two,
    ):
        slow = Slow()
        first = asyncio.create_task(OutboxSender(one, slow, short).drain())
        other = Recorder()
        for _ in range(2):  # the first one's sends take far longer than its lease
            await asyncio.sleep(1.1)
            assert await OutboxSender(two, other, short).drain() == 0
        await first
        assert [text for _, text, _ in slow.got] == ["m0", "m1"] and other.got == []

        # A sender that claimed and died: a restarted one sends its messages once the
        # short claim has run out, not minutes later.
        await fill(database, 1, 1)
        assert len(await OutboxSender(one, slow, short).claim()) == 1
        await asyncio.sleep(1.1)
        assert await OutboxSender(two, other, short).drain() == 1
        assert [text for _, text, _ in other.got] == ["m0"]


async def test_a_message_withdrawn_after_it_was_claimed_does_not_go(database: Database) -> None:
    """Someone erased their data while the notice naming them sat in a sender's batch."""
    await fill(database, 2, 2)
    channel = Recorder()
    sender = OutboxSender(database, channel, Pacing(per_chat_interval=0.0))
    rows = await sender.claim()
    async with database.sessions() as db, db.begin():
        await outbox.withdraw_for(db, 999, "telegram", "c0")  # what /xoadulieu does for c0
    await sender.deliver(rows)
    assert [text for _, text, _ in channel.got] == ["m1"]
    async with database.sessions() as db:
        statuses = dict(
            (await db.execute(select(OutboxMessage.chat_id, OutboxMessage.status))).all()
        )
    assert statuses == {"c0": "withdrawn", "c1": "sent"}


async def test_a_claim_lost_in_a_stall_is_not_sent_by_its_first_holder(
    database: Database, clock
) -> None:
    """A sender stalled past its lease: another took the row and sent it; the first one,
    waking up, must not send it a second time."""
    await fill(database, 1, 1)
    stalled_channel, other_channel = Recorder(), Recorder()
    stalled = OutboxSender(database, stalled_channel)
    rows = await stalled.claim()
    clock.advance(seconds=stalled.pacing.lease_seconds + 1)  # the stall
    assert await OutboxSender(database, other_channel).drain() == 1
    await stalled.deliver(rows)
    assert [t for _, t, _ in other_channel.got] == ["m0"] and stalled_channel.got == []
