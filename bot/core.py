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
    # Not a message: a page opened again asks where the chat is (its question, asked again).
    RESUME = "resume"


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
    # Where a web chat's request came from (the client's address), to limit guessing by a
    # browser that starts a new chat for every try; None on Telegram and Zalo.
    origin: str | None = None
    # When it arrived. Adapters leave it unset: the core dates every message by the one
    # clock as it receives it (a platform's own date may be minutes off, or stale on a retry).
    at: dt.datetime | None = None
    # Whether the channel shows buttons (Zalo has none: its menus are numbered text).
    buttons: bool = True


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a menu. `key` is what the flow sees; `aliases` are extra words a
    person may type for it (matched without diacritics)."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    # The answer most people give ("Đồng ý", "Lưu"): a page shows it apart from the others.
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Button:
    """A choice as a channel shows it: `id` comes back verbatim in `Incoming.choice_id`."""

    id: str
    label: str
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a reply: a chart ("image") or an export ("file"). `name` is its
    name in the file store (bot/files.py); channels send the bytes or a signed link."""

    kind: str  # "image" | "file"
    name: str
    caption: str = ""

    @property
    def filename(self) -> str:
        return self.name.rsplit("/", 1)[-1]


@dataclass(slots=True)
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # The same question asked again after a tick ("choose several"): a channel that can edit
    # the message whose button was pressed shows it there instead of sending a new one.
    replaces_pressed: bool = False
    # A page of this server the reply offers to open inside the channel (a Telegram Mini
    # App), with its button's label; channels that cannot show the link in the text.
    opens: str = ""
    opens_label: str = ""

    def as_plain_text(self) -> str:
        """The reply for a channel with no buttons: the menu as a numbered list."""
        if not self.buttons:
            return self.text
        lines = [self.text, ""]
        lines += [f"{i}. {b.label}" for i, b in enumerate(self.buttons, 1)]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "buttons": [
                {"id": b.id, "label": b.label, **({"primary": True} if b.primary else {})}
                for b in self.buttons
            ],
        }
        if self.attachments:
            data["attachments"] = [
                {"kind": a.kind, "name": a.name, "caption": a.caption} for a in self.attachments
            ]
        if self.opens:
            data["opens"], data["opens_label"] = self.opens, self.opens_label
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        buttons = [
            Button(b["id"], b["label"], bool(b.get("primary"))) for b in data.get("buttons", [])
        ]
        attachments = [
            Attachment(a["kind"], a["name"], a.get("caption", ""))
            for a in data.get("attachments", [])
        ]
        return cls(
            str(data.get("text", "")),
            buttons,
            attachments,
            opens=str(data.get("opens", "")),
            opens_label=str(data.get("opens_label", "")),
        )
