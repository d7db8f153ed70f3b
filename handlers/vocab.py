"""Menus and labels for the vocabulary of a support session, in the reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bot.core import Choice
from bot.dates import When
from bot.i18n import Translator, aliases
from storage.forms import Item, WardForm, default_form, is_own_key
from storage.models import FormKind, Outcome, Place, PriorityGroup


def label(t: Translator, kind: str, value: str, form: WardForm | None = None) -> str:
    """A value's name in the reader's language; a ward's own name for a form item."""
    if form is not None and (item := form.get(kind, value)) is not None:
        return item_label(t, item)
    if is_own_key(value):
        return value  # a ward's own item read without its form (not expected)
    return t(f"{kind}-{value}")


def item_label(t: Translator, item: Item) -> str:
    return item.label or t(f"{item.kind}-{item.key}")


def labels(t: Translator, kind: str, values: Iterable[str], form: WardForm | None = None) -> str:
    # "; " because some labels hold a comma or a slash of their own.
    return "; ".join(label(t, kind, v, form) for v in values)


def _choices(t: Translator, items: list[Item]) -> list[Choice]:
    return [
        Choice(i.key, item_label(t, i), () if i.label else aliases(f"{i.kind}-{i.key}"))
        for i in items
    ]


def topic_choices(t: Translator, form: WardForm | None = None) -> list[Choice]:
    return _choices(t, (form or default_form()).of(FormKind.TOPIC))


def priority_choices(t: Translator, form: WardForm | None = None) -> list[Choice]:
    none = PriorityGroup.NONE.value
    return [
        *_choices(t, (form or default_form()).of(FormKind.PRIORITY)),
        Choice(none, label(t, "priority", none), aliases(f"priority-{none}")),
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
    return t("period-month", month=when.start.month, year=str(when.start.year))
