"""Names people give things (residential groups, wards, form items): cleaned the same way
wherever they are saved, so that no invisible or control character reaches a page, a chat
or a spreadsheet, and two names that look alike count as the same."""

from __future__ import annotations

import re
import unicodedata

# Control characters, and the invisible ones that change nothing a reader sees (zero-width
# spaces and joiners, direction overrides, the soft hyphen, the byte-order mark).
_INVISIBLE = re.compile(
    r"[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def clean_name(text: str) -> str:
    """The name as it is kept: composed (NFC), invisible and control characters gone,
    spaces squeezed."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return " ".join(text.split())


def has_word(name: str) -> bool:
    """Whether a name holds at least one letter or digit (".", "-" name nothing)."""
    return any(ch.isalnum() for ch in name)


def same_key(name: str) -> str:
    """What two names that read alike share: "Tổ ０５" and "tổ 05", decomposed or not."""
    return unicodedata.normalize("NFKC", clean_name(name)).casefold()
