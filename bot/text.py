"""The one text normaliser: people type without diacritics, in any case, with stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """What a person typed, safe to store: no control characters, no lone surrogates."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


_PUNCT = re.compile(r"[^\w\s/:+-]", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, drop Vietnamese diacritics (đ -> d too), squeeze spaces and punctuation.

    "Dịch vụ  CÔNG!" and "dich vu cong" both become "dich vu cong"."""
    text = unicodedata.normalize("NFD", text.casefold())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d")
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# A citizen ID (căn cước) has 12 digits, the old ID card 9; separators are sometimes typed.
_DIGIT_RUNS = re.compile(r"\d[\d .]{7,}\d")
_PHONE = re.compile(r"(?:\+?84|0)\s?\d(?:[ .\-]?\d){7,9}")


def personal_data_kind(text: str) -> str | None:
    """Return "id" or "phone" when the text seems to hold a citizen ID or a phone number."""
    for run in _DIGIT_RUNS.findall(text):
        digits = re.sub(r"\D", "", run)
        if len(digits) in (9, 12) and not digits.startswith(("0", "84")):
            return "id"
        if len(digits) == 12:
            return "id"
    if _PHONE.search(text):
        return "phone"
    for run in _DIGIT_RUNS.findall(text):
        if len(re.sub(r"\D", "", run)) >= 9:
            return "id"
    return None


def strip_personal_data(text: str) -> str:
    """The text with whatever looks like a phone number or a citizen ID replaced by "***",
    for keeping a question without the person's numbers in it."""
    text = _DIGIT_RUNS.sub(
        lambda m: "***" if len(re.sub(r"\D", "", m.group())) >= 9 else m.group(), text
    )
    return _PHONE.sub("***", text)


def mask_phone(phone: str) -> str:
    """0912345678 -> 091****678."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 6) + digits[-3:]
