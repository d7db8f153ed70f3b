"""What every channel adapter shares: how a send can fail, and how long text is cut.

An adapter turns what its platform receives into `Incoming`, hands it to the conversation
core, and renders each `Reply` its platform's way. It raises the errors below from `send`,
so the outbox senders (bot/delivery.py) can pace, pause and retry without knowing which
platform they drive."""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any, Protocol

from bot.core import Reply

# python-telegram-bot: retry_after as a timedelta (its next major version's behaviour), so
# reading it raises no deprecation warning. Set before the Telegram adapter imports it.
os.environ.setdefault("PTB_TIMEDELTA", "1")


# No platform nests its updates deeper than this; deeper JSON is an attack on the parser.
MAX_JSON_DEPTH = 32


def json_body(text: str) -> Any:
    """A request body parsed as JSON, refused (ValueError with a reason) when it is not JSON
    or is nested deeper than any real update, before the parser can recurse into it."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return _loads(text)  # too few brackets to nest too deep: nothing to scan
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
        elif ch in "]}":
            depth -= 1
    return _loads(text)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ValueError("not JSON") from exc


class DeliveryError(Exception):
    """A message could not be delivered this time."""


class RetryLater(DeliveryError):
    """The platform asked us to slow down (HTTP 429): pause the whole channel."""

    def __init__(self, seconds: float, detail: str = "") -> None:
        super().__init__(detail or f"retry after {seconds}s")
        self.seconds = max(0.0, float(seconds))


class Temporary(DeliveryError):
    """A network error, a timeout or a 5xx: try again later, with backoff."""


class Unreachable(DeliveryError):
    """The person blocked the bot or left (403): do not try again."""


class Refused(DeliveryError):
    """The platform refused the message itself (400): trying again will not help."""


class Channel(Protocol):
    name: str

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Deliver one reply (text, menu, attachments) or raise a DeliveryError."""
        ...


def split_text(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters, at line boundaries where
    possible (then at spaces, then anywhere)."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            head, line = line[:cut], line[cut:].lstrip(" ")
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = line
    if current:
        pieces.append(current)
    return [p for p in pieces if p.strip()] or [text[:limit]]


class RedactSecrets(logging.Filter):
    """Bot tokens are part of the API URLs: keep them out of every log line."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        words = [re.escape(s) for s in secrets if s]
        self._pattern = re.compile("|".join(words)) if words else None

    def filter(self, record: logging.LogRecord) -> bool:
        if self._pattern is None:
            return True
        message = record.getMessage()
        if self._pattern.search(message):
            record.msg = self._pattern.sub("<token>", message)
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self._pattern.search(text):
                record.exc_text = self._pattern.sub("<token>", text)
                record.msg = f"{record.msg}\n{record.exc_text}"
                record.exc_info = None
                record.exc_text = None
        return True
