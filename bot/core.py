"""Channel-neutral message types. Adapters turn what a channel receives into `Incoming` and
render each `Reply` the channel's way (buttons, inline keyboard, numbered list)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    TEXT = "text"
    CHOICE = "choice"  # a button press; `choice_id` holds the button's id verbatim
    IMAGE = "image"
    STICKER = "sticker"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Incoming:
    channel: str
    chat_id: str
    user_id: str
    message_id: str
    display_name: str = ""
    text: str | None = None
    choice_id: str | None = None
    kind: Kind = Kind.TEXT
    # The language the channel reports for the person ("en", "vi"), used for a new chat.
    language: str | None = None
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a menu. `key` is what the flow sees; `aliases` are extra words a
    person may type for it (matched without diacritics)."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Button:
    """A choice as a channel shows it: `id` comes back verbatim in `Incoming.choice_id`."""

    id: str
    label: str


@dataclass(slots=True)
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)

    def as_plain_text(self) -> str:
        """The reply for a channel with no buttons: the menu as a numbered list."""
        if not self.buttons:
            return self.text
        lines = [self.text, ""]
        lines += [f"{i}. {b.label}" for i, b in enumerate(self.buttons, 1)]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "buttons": [{"id": b.id, "label": b.label} for b in self.buttons],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        buttons = [Button(b["id"], b["label"]) for b in data.get("buttons", [])]
        return cls(str(data.get("text", "")), buttons)
