"""The one text normaliser: people type without diacritics, in any case, with stray spaces."""

from __future__ import annotations

import functools
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


# Personal data in free text. People write numbers every which way ("0912.345.678",
# "(091) 234-5678", "+84-912-345-678", "001/203/012/345", full-width digits, a zero-width
# space inside), so the text is normalised first and digit groups are joined across any
# short run of separators. Dates, times and amounts of money are set aside first: they are
# what notes legitimately hold.
_INVISIBLE = re.compile(
    r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_LETTER_O = re.compile(r"(?<=\d)[oO](?=[\d\s.\-]*\d)|[oO](?=\d)")
_DATE = re.compile(
    r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d{2}(?!\d)"
)
# A day and month without a year ("28/11"), alone: "0912/345/678" is no date.
_DAY_MONTH = re.compile(r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/])")
_GLUED_BEFORE = re.compile(r"\d(?:[^\w\n]|_){0,3}$")
_GLUED_AFTER = re.compile(r"^(?:[^\w\n]|_){0,3}\d")
_TIME = re.compile(r"(?<!\d)\d{1,2}\s?[:hg]\s?\d{2}(?!\d)", re.IGNORECASE)
_MONEY = re.compile(
    r"(?<!\d)\d{1,3}(?:[.,]\d{3})+\s*"
    r"(?:đ|d|vnd|vnđ|đồng|dong|k|nghìn|nghin|ngàn|ngan|tr|triệu|trieu)(?!\w)",
    re.IGNORECASE,
)
# A dossier code of the public-service portal (mã hồ sơ): "H23.45-251121-0001",
# "000.00.15.H23-251121-0001". Volunteers note it to follow the dossier; it names no one.
_DOSSIER = re.compile(
    r"(?<![\w.])(?:[a-z]\d{2}(?:\.\d{1,3})*|\d{3}\.\d{2}\.\d{2}\.[a-z]\d{2})-\d{6}-\d{4}(?!\d)",
    re.IGNORECASE,
)
# Digits, joined across up to three characters that are neither letters nor line breaks;
# a comma or semicolon followed by a space ends a run ("tổ 1, 2, 3" is a list, not a number).
_SEPARATOR = r"(?:(?![,;]\s)[^\w\n]|_)"
_DIGIT_RUN = re.compile(rf"\+?\d(?:{_SEPARATOR}{{0,3}}\d)*")


def _numbers_text(text: str) -> str:
    """The text as far as its numbers go: NFKC (full-width digits become plain), invisible
    characters gone, a letter O beside digits read as zero."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return _LETTER_O.sub("0", text)


def _blank_allowed(text: str) -> str:
    """Dossier codes, dates, times and amounts replaced by letters, so they neither count
    nor join."""
    for pattern in (_DOSSIER, _TIME, _MONEY):
        text = pattern.sub(lambda m: "x" * len(m.group()), text)
    # A full date is glued to digits only without a space between ("00/1/2030_12345"):
    # "12/11/2026 3 người" is a date and a count. A day and month alone is glued by spaces
    # too ("0912 3/4 5678").
    text = _DATE.sub(functools.partial(_alone, text=text, spaced=False), text)
    return _DAY_MONTH.sub(functools.partial(_alone, text=text, spaced=True), text)


def _blank(match: re.Match[str]) -> str:
    return "x" * len(match.group())


def _alone(match: re.Match[str], text: str, spaced: bool) -> str:
    """A date set aside (blanked) only when it stands alone; glued to other digits by
    separators it is part of a number. A list ("28/11, 29/11") is alone: ", " ends a
    number."""
    before, after = text[max(0, match.start() - 4) : match.start()], text[match.end() :][:4]
    found_before, found_after = _GLUED_BEFORE.search(before), _GLUED_AFTER.match(after)
    glue_before = found_before is not None and (
        spaced or not any(c.isspace() for c in found_before.group())
    )
    glue_after = found_after is not None and (
        spaced or not any(c.isspace() for c in found_after.group())
    )
    glued = (glue_before and not re.search(r"[,;]\s$", before)) or (
        glue_after and not re.match(r"[,;]\s", after)
    )
    return match.group() if glued else _blank(match)


def _kind_of_run(run: str) -> str | None:
    digits = re.sub(r"\D", "", run)
    if (digits.startswith("84") and len(digits) == 11) or run.startswith("+"):
        return "phone" if len(digits) >= 9 else None
    if digits.startswith("0") and len(digits) in (10, 11):
        return "phone"
    if len(digits) >= 9:
        # 12 digits: a citizen ID (căn cước); 9: the old ID card; longer: an account number.
        return "id"
    return None


def personal_data_kind(text: str) -> str | None:
    """Return "id" or "phone" when the text seems to hold a citizen ID (or another long
    identifying number) or a phone number, however it is written."""
    found = None
    for match in _DIGIT_RUN.finditer(_blank_allowed(_numbers_text(text))):
        kind = _kind_of_run(match.group())
        if kind == "id":
            return kind
        found = found or kind
    return found


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _is_surname(word: str, surnames: frozenset[str]) -> bool:
    """A family name as written: with its marks ("Vũ", not "Vụ"), or typed without any."""
    if not word[0].isupper():
        return False
    lower = word.lower()
    return lower in surnames or (lower == fold(word) and lower in {fold(s) for s in surnames})


def _same_phrase(found: list[re.Match[str]], text: str, a: int, b: int) -> bool:
    """Whether words a..b of `text` are not cut apart by punctuation."""
    return all(not text[found[k - 1].end() : found[k].start()].strip() for k in range(a + 1, b))


def strip_names(text: str) -> str:
    """The text with people's names replaced by "***": a family name written with a
    capital and the capitalised words after it ("bà Nguyễn Thị Hoa"), and the name after
    "tên là", "my name is" and the like (`[names]` of locales/<lang>/words.toml)."""
    from bot.i18n import LANGUAGES, word_table, words  # bot.i18n folds through this module

    surnames = frozenset(
        w.lower()
        for lang in LANGUAGES
        for w in word_table(lang).get("names", {}).get("surnames", [])
    )
    cues = sorted(words("names").get("cues", frozenset()), key=len, reverse=True)
    middles = words("names").get("middles", frozenset())
    folded_surnames = {fold(s) for s in surnames}
    found = list(_WORD.finditer(text))
    hidden: list[tuple[int, int]] = []
    i = 0
    while i < len(found):
        end = i
        start: int | None = None
        word = found[i].group()
        if (
            word == fold(word)
            and word in folded_surnames
            and i + 2 < len(found)
            and fold(found[i + 1].group()) in middles
            and _same_phrase(found, text, i, i + 3)
        ):
            # Typed without marks or capitals: "nguyen thi lan" (family, middle, given).
            start, end = i, i + 3
        elif _is_surname(word, surnames):
            end = i + 1
            while end < len(found) and end - i < 4 and found[end].group()[0].isupper():
                end += 1
            start = i if end - i >= 2 and _same_phrase(found, text, i, end) else None
        else:
            folded = [fold(w.group()) for w in found[i : i + 4]]
            for cue in cues:
                n = len(cue.split())
                if folded[:n] == cue.split() and i + n < len(found):
                    start = end = i + n
                    capital = found[start].group()[0].isupper()
                    while end < len(found) and end - start < 4:
                        if capital and not found[end].group()[0].isupper():
                            break
                        if not _same_phrase(found, text, start, end + 1):
                            break
                        end += 1
                    break
        if start is not None and end > start:
            hidden.append((found[start].start(), found[end - 1].end()))
            i = end
        else:
            i += 1
    for a, b in reversed(hidden):
        text = text[:a] + "***" + text[b:]
    return text


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def strip_personal_data(text: str) -> str:
    """The text with whatever looks like a phone number, a citizen ID or an email address
    replaced by "***", and people's names (`strip_names`), for keeping a question without
    who asked in it."""
    text = strip_names(_EMAIL.sub("***", text))
    text = _numbers_text(text)
    blanked = _blank_allowed(text)
    pieces, last = [], 0
    for match in _DIGIT_RUN.finditer(blanked):
        if _kind_of_run(match.group()) is not None:
            pieces += [text[last : match.start()], "***"]
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def phone_number(text: str) -> str | None:
    """A Vietnamese phone number typed any usual way, as 10 or 11 plain digits starting with
    0 ("+84 912 345 678" -> "0912345678"); None when the text is not one number."""
    runs = list(_DIGIT_RUN.finditer(_numbers_text(text).strip()))
    if len(runs) != 1 or _kind_of_run(runs[0].group()) != "phone":
        return None
    run = runs[0].group()
    digits = re.sub(r"\D", "", run)
    if run.startswith("+") and not digits.startswith("84"):
        return None  # another country's number
    if digits.startswith("84") and not (digits.startswith("0") or len(digits) < 11):
        digits = digits[2:]  # "+84 912 345 678", and "+84 0912 345 678" typed with its 0
        digits = digits if digits.startswith("0") else "0" + digits
    return digits if digits.startswith("0") and len(digits) in (10, 11) else None


def mask_phone(phone: str) -> str:
    """0912345678 -> 091****678."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 6) + digits[-3:]
