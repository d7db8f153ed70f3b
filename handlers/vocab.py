"""Menus and labels for the vocabulary of a support session, in the reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bot.core import Choice
from bot.dates import When
from bot.i18n import Translator, aliases
from storage.models import Outcome, Place, PriorityGroup, Topic


def label(t: Translator, kind: str, value: str) -> str:
    return t(f"{kind}-{value}")


def labels(t: Translator, kind: str, values: Iterable[str]) -> str:
    # "; " because some labels hold a comma or a slash of their own.
    return "; ".join(label(t, kind, v) for v in values)


def topic_choices(t: Translator) -> list[Choice]:
    return [Choice(v.value, label(t, "topic", v), aliases(f"topic-{v}")) for v in Topic]


def priority_choices(t: Translator) -> list[Choice]:
    return [
        Choice(v.value, label(t, "priority", v), aliases(f"priority-{v}")) for v in PriorityGroup
    ]


def place_choices(t: Translator) -> list[Choice]:
    return [Choice(v.value, label(t, "place", v)) for v in Place]


def outcome_choices(t: Translator) -> list[Choice]:
    return [Choice(v.value, label(t, "outcome", v)) for v in Outcome]


def day_label(t: Translator, day: dt.date, today: dt.date) -> str:
    """ "hôm nay (21/11)", "hôm qua (20/11)", "Thứ Năm 19/11"."""
    short = day.strftime("%d/%m")
    if day == today:
        return t("day-today", date=short)
    if day == today - dt.timedelta(days=1):
        return t("day-yesterday", date=short)
    return t("day-weekday", weekday=t(f"weekday-{day.isoweekday()}"), date=short)


def full_day(t: Translator, day: dt.date) -> str:
    """ "Thứ Bảy 28/11/2026": a day said in full, when telling what was understood."""
    return t("day-weekday", weekday=t(f"weekday-{day.isoweekday()}"), date=f"{day:%d/%m/%Y}")


def when_text(t: Translator, when: When) -> str:
    """A day or period in words: "Thứ Bảy 28/11/2026", "tuần 23/11 – 29/11/2026",
    "tháng 11/2026"."""
    if when.kind == "day":
        return full_day(t, when.day)
    if when.kind == "week":
        return t("period-week", start=f"{when.start:%d/%m}", end=f"{when.end:%d/%m/%Y}")
    return t("period-month", month=when.start.month, year=when.start.year)
