"""The outbox senders: one per channel, draining `storage.outbox` at the platform's pace.

Pacing: one message at a time per chat and at most one a second (group chats: 20 a minute),
and an overall rate per bot. A 429 pauses the whole channel for the time the platform asks;
network errors and 5xx are retried with growing delays; a person who blocked the bot (403)
is marked unreachable and never retried; a refused message (400) fails at once.

Delivery is at-least-once: a message is marked sent after the platform accepted it. If the
process dies between the two, the claim on the row runs out and it is sent again. Claims are
short (10 s) and renewed in the background while the sender lives, so after a crash the
messages of the dead sender go out within seconds of a restart, while a live sender's rows,
however long a send or a pause takes, are never taken by another. The other
choice (mark first, send after) would silently lose messages in the same crash, and a
duplicate reminder is the smaller harm. Several processes may drain one PostgreSQL outbox:
rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so each goes to one sender."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import logging
import os
import random
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from bot.channels import Channel, Refused, RetryLater, Temporary, Unreachable
from bot.core import Reply
from storage import outbox
from storage.db import Database
from storage.models import OutboxStatus

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Pacing:
    rate_per_second: float = 25.0
    per_chat_interval: float = 1.0
    group_chat_interval: float = 3.0  # 20 a minute
    max_attempts: int = 8
    lease_seconds: float = 10.0
    batch_size: int = 200
    idle_poll_seconds: float = 1.0
    max_in_flight: int = 16
    first_backoff_seconds: float = 2.0
    max_backoff_seconds: float = 600.0


@dataclass(slots=True)
class _Row:
    id: int
    chat_id: str
    payload: dict
    attempts: int


class RateLimiter:
    """One channel's gate: one slot every 1/rate seconds, without bursts, and closed while
    the platform asked us to wait (a 429's retry_after). Nothing passes a closed gate: the
    pause is checked again after waiting for a slot, since it may have begun meanwhile."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock = clock
        self._next = 0.0
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        """The platform said: nothing more for `seconds`."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def paused_for(self) -> float:
        """Seconds left of the pause (0 when open)."""
        return max(0.0, self._paused_until - self.clock())

    async def wait_if_paused(self) -> None:
        """Wait out the platform's pause, if any, without taking a slot (direct replies)."""
        for _ in range(100):  # a pause may be lengthened while we wait: look again
            paused = self.paused_for()
            if paused <= 0:
                return
            await asyncio.sleep(paused)

    async def acquire(self) -> None:
        while True:
            async with self._lock:
                now = self.clock()
                paused = self._paused_until - now
                if paused <= 0:
                    self._next = max(self._next, now)
                    wait = self._next - now
                    self._next += self.interval
            if paused > 0:
                await asyncio.sleep(paused)
                continue
            if wait > 0:
                await asyncio.sleep(wait)
            if self.paused_for() <= 0:
                return


def is_group_chat(chat_id: str) -> bool:
    """Telegram group and channel ids are negative."""
    return chat_id.startswith("-")


class OutboxSender:
    """Delivers one channel's outbox until `stop` is set."""

    def __init__(
        self,
        db: Database,
        channel: Channel,
        pacing: Pacing | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.db = db
        self.channel = channel
        self.pacing = pacing or Pacing()
        # Shared with the channel's direct replies when given: one rate for the whole bot.
        self.limiter = limiter or RateLimiter(self.pacing.rate_per_second)
        self._chat_next: dict[str, float] = {}
        # Rows claimed by this sender and not yet settled: their claims are kept alive.
        self._held: dict[int, _Row] = {}
        # This sender's name on its claims (a process may run several senders).
        self.holder = f"{socket.gethostname()[:16]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.sent = 0

    # -- claiming ------------------------------------------------------------------------

    async def claim(self) -> list[_Row]:
        """Claim due messages of this channel, oldest first (see storage.outbox.claim)."""
        lease = dt.timedelta(seconds=self.pacing.lease_seconds)
        async with self.db.sessions() as db, db.begin():
            rows = await outbox.claim(
                db, self.channel.name, self.db.clock(), lease, self.pacing.batch_size, self.holder
            )
        return [_Row(*r) for r in rows]

    async def _renew(self, ids: list[int]) -> None:
        if not ids:
            return
        until = self.db.clock() + dt.timedelta(seconds=self.pacing.lease_seconds)
        async with self.db.sessions() as db, db.begin():
            kept = await outbox.renew(db, ids, until, self.holder)
        for lost in set(ids) - kept:
            # Settled meanwhile, or (after a stall) taken by another sender: not ours to send.
            self._held.pop(lost, None)

    async def _keep_claims(self) -> None:
        """While a batch is being sent: renew its claims every third of the lease, so a slow
        send or a long pause never lets another sender take a row this one still holds."""
        while True:
            await asyncio.sleep(self.pacing.lease_seconds / 3)
            try:
                await self._renew(list(self._held))
            except Exception:
                log.exception("%s: could not renew outbox claims", self.channel.name)

    # -- recording outcomes --------------------------------------------------------------

    async def _mark(self, ids: list[int], **values: object) -> None:
        if not ids:
            return
        async with self.db.sessions() as db, db.begin():
            await outbox.mark(db, ids, **values)
        if "claimed_until" in values:
            for row_id in ids:
                self._held.pop(row_id, None)

    async def _sent(self, row: _Row) -> None:
        await self._mark(
            [row.id],
            status=OutboxStatus.SENT,
            delivered_at=self.db.clock(),
            claimed_until=None,
            attempts=row.attempts + 1,
        )
        self.sent += 1

    async def _unreachable(self, row: _Row, reason: str) -> None:
        """The person blocked the bot: this and every waiting message to them stop here."""
        async with self.db.sessions() as db, db.begin():
            await outbox.stop_chat(db, self.channel.name, row.chat_id, reason)
        self._held.pop(row.id, None)
        log.info("%s chat unreachable (blocked the bot); its messages stopped", self.channel.name)

    async def _retry_later(self, row: _Row, rest: list[_Row], reason: str) -> None:
        """Try this chat again later, its messages still in order."""
        attempts = row.attempts + 1
        if attempts >= self.pacing.max_attempts:
            await self._mark(
                [row.id],
                status=OutboxStatus.FAILED,
                claimed_until=None,
                attempts=attempts,
                last_error=reason[:200],
            )
            log.warning(
                "%s message %d failed after %d attempts", self.channel.name, row.id, attempts
            )
            await self._mark([r.id for r in rest], claimed_until=None)
            return
        delay = min(
            self.pacing.max_backoff_seconds,
            self.pacing.first_backoff_seconds * 2 ** (attempts - 1),
        ) * random.uniform(0.8, 1.2)
        at = self.db.clock() + dt.timedelta(seconds=delay)
        await self._mark([row.id], attempts=attempts, last_error=reason[:200])
        await self._mark([row.id] + [r.id for r in rest], not_before=at, claimed_until=None)

    # -- sending -------------------------------------------------------------------------

    async def deliver(self, rows: list[_Row], stop: asyncio.Event | None = None) -> None:
        """Send a claimed batch: chats in turn, one message in flight per chat."""
        self._held.update((r.id, r) for r in rows)
        keeper = asyncio.create_task(self._keep_claims())
        try:
            await self._deliver(rows, stop)
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper

    async def _deliver(self, rows: list[_Row], stop: asyncio.Event | None) -> None:
        queues: collections.OrderedDict[str, collections.deque[_Row]] = collections.OrderedDict()
        for row in rows:
            queues.setdefault(row.chat_id, collections.deque()).append(row)
        in_flight: set[str] = set()
        tasks: set[asyncio.Task[None]] = set()
        changed = asyncio.Event()
        semaphore = asyncio.Semaphore(self.pacing.max_in_flight)

        async def send_one(row: _Row) -> None:
            try:
                await self._send_row(row, queues)
            finally:
                interval = (
                    self.pacing.group_chat_interval
                    if is_group_chat(row.chat_id)
                    else self.pacing.per_chat_interval
                )
                self._chat_next[row.chat_id] = self.limiter.clock() + interval
                in_flight.discard(row.chat_id)
                semaphore.release()
                changed.set()

        stopped = lambda: stop is not None and stop.is_set()  # noqa: E731
        while queues and not stopped():
            while queues and not stopped():
                now = self.limiter.clock()
                pause = self.limiter.paused_for()
                if pause > 0:
                    await _sleep_or_stop(pause, stop)
                    continue
                ready = next(
                    (
                        chat
                        for chat in queues
                        if chat not in in_flight and self._chat_next.get(chat, 0.0) <= now
                    ),
                    None,
                )
                if ready is None:
                    waits = [
                        self._chat_next.get(chat, 0.0) - now
                        for chat in queues
                        if chat not in in_flight
                    ]
                    timeout = max(0.0, min(waits)) if waits else None
                    changed.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(changed.wait(), timeout)
                    continue
                queue = queues[ready]
                row = queue.popleft()
                if not queue:
                    del queues[ready]
                else:
                    queues.move_to_end(ready)
                await semaphore.acquire()
                await self.limiter.acquire()  # waits out a pause that began meanwhile too
                in_flight.add(ready)
                task = asyncio.create_task(send_one(row))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
            # Sends still under way may put a message back (429): then go round again.
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)
        if queues:  # stopped half-way: let the rest go back to the queue at once
            await self._mark([r.id for q in queues.values() for r in q], claimed_until=None)

    async def _send_row(
        self, row: _Row, queues: collections.OrderedDict[str, collections.deque[_Row]]
    ) -> None:
        log.debug("%s: sending message %d", self.channel.name, row.id)
        async with self.db.sessions() as db:
            if not await outbox.still_ours(db, row.id, self.holder, self.db.clock()):
                # Withdrawn since it was claimed (the person it names erased their data), or
                # the claim ran out during a stall and another sender holds it now.
                self._held.pop(row.id, None)
                return
        if self.limiter.paused_for() > 0:
            # A 429 arrived after this send got its slot: it waits for the pause, first in line.
            # (Checked last, with nothing awaited between it and the send.)
            _put_back(queues, row)
            return
        try:
            await self.channel.send(row.chat_id, Reply.from_dict(row.payload))
        except RetryLater as exc:
            self.limiter.pause(exc.seconds)
            log.warning("%s asked us to wait %.0fs", self.channel.name, exc.seconds)
            _put_back(queues, row)
            return
        except Unreachable as exc:
            queues.pop(row.chat_id, None)
            await self._unreachable(row, str(exc)[:200])
            return
        except Refused as exc:
            log.warning("%s refused message %d: %s", self.channel.name, row.id, exc)
            await self._mark(
                [row.id],
                status=OutboxStatus.FAILED,
                claimed_until=None,
                attempts=row.attempts + 1,
                last_error=str(exc)[:200],
            )
            return
        except Temporary as exc:
            log.debug("%s: message %d failed for now: %s", self.channel.name, row.id, exc)
            rest = list(queues.pop(row.chat_id, []))
            await self._retry_later(row, rest, str(exc))
            return
        except Exception as exc:
            log.exception("%s could not send message %d", self.channel.name, row.id)
            rest = list(queues.pop(row.chat_id, []))
            await self._retry_later(row, rest, type(exc).__name__)
            return
        await self._sent(row)
        log.debug("%s: message %d sent", self.channel.name, row.id)

    async def drain(self, stop: asyncio.Event | None = None) -> int:
        """Send everything due now; returns how many were claimed."""
        total = 0
        while not (stop and stop.is_set()):
            rows = await self.claim()
            if not rows:
                break
            total += len(rows)
            await self.deliver(rows, stop)
        return total

    async def run(self, stop: asyncio.Event) -> None:
        """Keep draining until `stop` is set; errors are logged and the loop goes on."""
        while not stop.is_set():
            try:
                claimed = await self.drain(stop)
            except Exception:
                log.exception("%s outbox sender failed; trying again", self.channel.name)
                claimed = 0
            if not claimed:
                await _sleep_or_stop(self.pacing.idle_poll_seconds, stop)


def _put_back(queues: collections.OrderedDict[str, collections.deque[_Row]], row: _Row) -> None:
    """The row goes first again: first in its chat, its chat first in line."""
    queues.setdefault(row.chat_id, collections.deque()).appendleft(row)
    queues.move_to_end(row.chat_id, last=False)


async def _sleep_or_stop(seconds: float, stop: asyncio.Event | None) -> None:
    if stop is None:
        await asyncio.sleep(seconds)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
