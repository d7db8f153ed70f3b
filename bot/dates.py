"""Reading the days and periods people type, exactly: "28/11", "28/11/2026", "2026-11-28",
"hôm qua", "thứ hai", "cn", "tuần trước", "tháng này", "2026-W47", with or without diacritics,
in Vietnamese or English (the words live in `locales/<lang>/words.toml`).

Nothing here guesses: a text is read as one day or one period, or not at all (None), and the
flow then says what it understood and what it allows. Digits are never matched loosely."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from bot.i18n import words
from bot.text import fold
from storage import stats

Kind = Literal["day", "week", "month", "quarter", "year", "movement", "range"]

# The emulation movement's whole period (the ward plans run 2026 to 2030).
MOVEMENT_START = dt.date(2026, 1, 1)
MOVEMENT_END = dt.date(2030, 12, 31)

_DAY_MONTH = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ISO_WEEK = re.compile(r"^(?:(\d{4})\s*-?\s*)?w\s*(\d{1,2})$")
_MONTH = re.compile(r"^(?:thang|month|t)?\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$")
_MONTH_ALONE = re.compile(r"^(?:thang|month)\s*(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(?:quy|q|quarter)\s*(iv|i{1,3}|[1-4])(?:\s*[/.\-\s]\s*(\d{4}))?$")
_ISO_QUARTER = re.compile(r"^(\d{4})\s*-?\s*q([1-4])$")
_YEAR = re.compile(r"^(?:nam|year)?\s*(\d{4})$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Between the two days of a range: "01/11/2026 - 15/11/2026", "1/11 đến 15/11".
_RANGE_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*|\s*->\s*|\s*\.\.\s*")
_HALF_YEAR = dt.timedelta(days=183)
_RELATIVE_DAYS = {
    "today": 0,
    "yesterday": -1,
    "day_before_yesterday": -2,
    "tomorrow": 1,
    "day_after_tomorrow": 2,
}


@dataclass(frozen=True, slots=True)
class When:
    """What a typed text means: one day, or a whole week or month (first and last day)."""

    kind: Kind
    start: dt.date
    end: dt.date

    @property
    def day(self) -> dt.date:
        return self.start

    def before(self) -> When | None:
        """The period just before, of the same kind and length, to compare with (none for
        the movement's whole period, which has nothing before it)."""
        if self.kind == "movement":
            return None
        if self.kind == "month":
            return month_of(self.start - dt.timedelta(days=1))
        if self.kind == "quarter":
            return quarter_of(self.start - dt.timedelta(days=1))
        if self.kind == "year":
            return year_of(self.start.year - 1)
        length = self.end - self.start + dt.timedelta(days=1)
        return When(self.kind, self.start - length, self.start - dt.timedelta(days=1))


def quarter_of(day: dt.date) -> When:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = day.replace(month=first_month, day=1)
    return When("quarter", start, month_of(start.replace(month=first_month + 2)).end)


def year_of(year: int) -> When:
    return When("year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def movement() -> When:
    return When("movement", MOVEMENT_START, MOVEMENT_END)


def read_period(text: str, today: dt.date) -> When | None:
    """A period to report on: a day, week, month, quarter, year, the movement's whole period,
    or a range of two days ("01/11/2026 - 15/11/2026", "từ 1/11 đến 15/11")."""
    when = read_when(text, today)
    if when is not None:
        return when
    days = _range_days(text, today)
    if days is None or days[1] < days[0]:
        return None
    return When("range", *days)


def reversed_range(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """Two days typed the wrong way round ("15/11 - 01/11"): what was typed, to say so."""
    days = _range_days(text, today)
    return days if days is not None and days[1] < days[0] else None


def _range_days(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The two days of a typed range, as typed: "01/11/2026 - 15/11/2026", "1/11-15/11",
    "từ 1/11 đến 15/11"."""
    exact = unicodedata.normalize("NFKC", text).casefold().strip()
    joiners = words("periods")
    start_words = joiners.get("range_from", frozenset())
    end_words = joiners.get("range_to", frozenset())
    parts = _RANGE_DASH.split(exact)
    if len(parts) != 2 and exact.count("-") == 1 and "/" in exact:
        parts = exact.split("-")  # "1/11-15/11": a dash between two days written with "/"
    if len(parts) != 2:
        # "từ 1/11 đến 15/11": the words around the two days.
        tokens = exact.split()
        cut = [i for i, token in enumerate(tokens) if fold(token) in end_words]
        if len(cut) != 1:
            return None

        def day_words(part: list[str]) -> str:
            return " ".join(token for token in part if fold(token) not in start_words)

        parts = [day_words(tokens[: cut[0]]), day_words(tokens[cut[0] + 1 :])]
    days = [_read_day(fold(p), p.strip(), today, forward=False) for p in parts]
    first, last = days
    if first is None or last is None:
        return None
    return first, last


def read_when(text: str, today: dt.date, *, forward: bool = False) -> When | None:
    """The day or period `text` names, seen from `today` (Vietnam's date). A weekday name
    means the latest such day up to today, or with `forward` the next one after today; a
    day and month without a year mean the one closest to today. None when it names none."""
    folded = fold(text)
    if not folded:
        return None
    # Digits as typed (full-width ones made plain), separators and all: "28.11" is a date,
    # "28 11" is not (it may be two menu numbers).
    exact = unicodedata.normalize("NFKC", text).casefold().strip()
    day = _read_day(folded, exact, today, forward=forward)
    if day is not None:
        return When("day", day, day)
    return _read_period(folded, exact, today)


def read_day(text: str, today: dt.date, *, forward: bool = False) -> dt.date | None:
    """Only a single day (see `read_when`)."""
    when = read_when(text, today, forward=forward)
    return when.day if when is not None and when.kind == "day" else None


def week_of(day: dt.date) -> When:
    """The week (Monday to Sunday) holding `day`, the way reports count weeks."""
    return When("week", *stats.week_of(day))


def month_of(day: dt.date) -> When:
    start = day.replace(day=1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    return When("month", start, following - dt.timedelta(days=1))


def _read_day(folded: str, exact: str, today: dt.date, *, forward: bool) -> dt.date | None:
    for meaning, offset in _RELATIVE_DAYS.items():
        if folded in words("days").get(meaning, ()):
            return today + dt.timedelta(days=offset)
    for number, typed in words("weekdays").items():
        if folded in typed:
            weekday = int(number)
            if forward:
                ahead = (weekday - today.isoweekday()) % 7 or 7
                return today + dt.timedelta(days=ahead)
            return today - dt.timedelta(days=(today.isoweekday() - weekday) % 7)
    match = _ISO_DAY.match(exact)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]))
    match = _DAY_MONTH.match(exact)
    if match is None:
        return None
    day, month = int(match[1]), int(match[2])
    if match[3] is not None:
        year = int(match[3])
        return _date(year + 2000 if year < 100 else year, month, day)
    # Without a year: the one within half a year of today ("1/1" typed on 31/12 is tomorrow);
    # a day that comes only in another year ("29/2" in 2027) is no day at all.
    candidates = [
        d
        for year in (today.year - 1, today.year, today.year + 1)
        if (d := _date(year, month, day)) is not None and abs(d - today) <= _HALF_YEAR
    ]
    return min(candidates, key=lambda d: abs(d - today)) if candidates else None


def _read_period(folded: str, exact: str, today: dt.date) -> When | None:
    periods = words("periods")
    if folded in periods.get("this_week", ()):
        return week_of(today)
    if folded in periods.get("last_week", ()):
        return week_of(today - dt.timedelta(days=7))
    if folded in periods.get("this_month", ()):
        return month_of(today)
    if folded in periods.get("last_month", ()):
        return month_of(today.replace(day=1) - dt.timedelta(days=1))
    match = _ISO_WEEK.match(exact)
    if match:
        year = int(match[1]) if match[1] else today.isocalendar()[0]
        try:
            return week_of(dt.date.fromisocalendar(year, int(match[2]), 1))
        except ValueError:
            return None
    match = _MONTH.match(folded)
    if match:
        first = _date(int(match[2]), int(match[1]), 1)
        return month_of(first) if first is not None else None
    match = _MONTH_ALONE.match(folded)
    if match and 1 <= int(match[1]) <= 12:
        # "tháng 10": the latest such month up to this one.
        month = int(match[1])
        year = today.year if month <= today.month else today.year - 1
        return month_of(dt.date(year, month, 1))
    match = _ISO_MONTH.match(exact)
    if match:
        first = _date(int(match[1]), int(match[2]), 1)
        return month_of(first) if first is not None else None
    if folded in periods.get("this_quarter", ()):
        return quarter_of(today)
    if folded in periods.get("last_quarter", ()):
        return quarter_of(quarter_of(today).start - dt.timedelta(days=1))
    if folded in periods.get("this_year", ()):
        return year_of(today.year)
    if folded in periods.get("last_year", ()):
        return year_of(today.year - 1)
    if folded in periods.get("movement", ()):
        return movement()
    match = _QUARTER.match(folded)
    if match:
        number = _ROMAN.get(match[1]) or int(match[1])
        year = int(match[2]) if match[2] else today.year
        first = _date(year, 3 * number - 2, 1)
        return quarter_of(first) if first is not None else None
    match = _ISO_QUARTER.match(folded)
    if match:
        first = _date(int(match[1]), 3 * int(match[2]) - 2, 1)
        return quarter_of(first) if first is not None else None
    match = _YEAR.match(folded)
    if match:
        first = _date(int(match[1]), 1, 1)
        return year_of(first.year) if first is not None else None
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    # Years outside the movement's span are typing slips, not dates to report on.
    if not 2000 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
