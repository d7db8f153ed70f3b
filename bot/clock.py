"""The one clock. Everything that needs the time asks a `Clock` handed to it by the entry
point (`ngoso run`, the CLI, a test); nothing below reads the real clock on its own, so the
bot behaves the same at any date and hour, and tests run at fixed instants."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock:
    """The real clock: aware UTC instants, and a monotonic count of seconds for pacing."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def today(self) -> dt.date:
        """Today in Vietnam, which is what a volunteer or ward means by "today"."""
        return self.now().astimezone(LOCAL_TZ).date()

    def __call__(self) -> dt.datetime:
        # A clock is also the plain `() -> datetime` callable storage/ takes.
        return self.now()


class SetClock(Clock):
    """A clock that shows what it is set to, and moves only when told (tests, replays)."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("SetClock needs an aware datetime")
        self.at = at.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self.at

    def set(self, at: dt.datetime) -> None:
        self.at = at.astimezone(dt.UTC)

    def advance(self, **delta: float) -> dt.datetime:
        self.at += dt.timedelta(**delta)
        return self.at


class ShiftedClock(Clock):
    """Real time that started at `at`: it runs at the real pace from a chosen instant (tests
    of the running bot, whose outbox and retries wait for time to pass)."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("ShiftedClock needs an aware datetime")
        self.offset = at.astimezone(dt.UTC) - dt.datetime.now(dt.UTC)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset
