"""Periods and indicators as reports name them, shared by the chat report, the workbook and
the annual draft."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.dates import When
from bot.i18n import Translator
from handlers import vocab
from storage import forms, stats
from storage.access import Scope
from storage.db import Session
from storage.forms import WardForm
from storage.models import FormKind

ROMAN = ("I", "II", "III", "IV")


def roman_quarter(day: dt.date) -> str:
    """The quarter holding `day`, as offices write it: IV."""
    return ROMAN[(day.month - 1) // 3]


def period_words(t: Translator, when: When) -> str:
    """The period in words: "Tuần 23/11–29/11/2026", "Tháng 11/2026", "Quý IV/2026"."""
    start, end = when.start, when.end
    if when.kind == "week":
        return t("period-title-week", start=f"{start:%d/%m}", end=f"{end:%d/%m/%Y}")
    if when.kind == "month":
        return t("period-title-month", month=start.month, year=str(start.year))
    if when.kind == "quarter":
        return t("period-title-quarter", quarter=roman_quarter(start), year=str(start.year))
    if when.kind == "year":
        return t("period-title-year", year=str(start.year))
    if when.kind == "movement":
        return t("period-title-movement", start=str(start.year), end=str(end.year))
    if when.kind == "day":
        return t("period-title-day", date=f"{start:%d/%m/%Y}")
    return t("period-title-range", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")


def period_key(when: When) -> str:
    """The period as the audit log and the outbox write it: 2026-W47, 2026-11, 2026-Q4."""
    start = when.start
    if when.kind == "week":
        return stats.iso_week(start)
    if when.kind == "month":
        return f"{start:%Y-%m}"
    if when.kind == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if when.kind == "year":
        return str(start.year)
    return f"{start.isoformat()}..{when.end.isoformat()}"


def counter_keys(t: Translator, form: WardForm, report: stats.WeeklyReport) -> list[str]:
    """The counters to show: those on the form now, and any other used in the period (a
    hidden or since renamed one keeps showing where it has figures)."""
    return counters_shown(form, set(report.tally.by_counter) | set(report.previous_counts))


def counters_shown(form: WardForm, used: set[str]) -> list[str]:
    """The form's counters, then hidden or unknown ones that have figures in `used`."""
    keys = [c.key for c in form.of(FormKind.COUNTER)]
    keys += [c.key for c in form.of(FormKind.COUNTER, hidden=True) if c.hidden and c.key in used]
    keys += sorted(used - set(keys))
    return keys


@dataclass(slots=True)
class Progress:
    """A yearly target and what the ward has done towards it since the year began."""

    label: str
    target: int
    done: int
    year: int

    @property
    def share(self) -> float:
        return self.done / self.target if self.target else 0.0


async def target_progress(
    db: Session, scope: Scope, when: When, today: dt.date, t: Translator, form: WardForm
) -> list[Progress]:
    """Progress towards the ward's yearly targets, from the first of January of the
    period's year to its end (or today): ward reports only, not the movement's whole span."""
    if scope.group_id is not None or when.kind == "movement":
        return []
    goals = await forms.targets(db, scope.ward_id)
    goals.pop(forms.ACTIVE_GROUPS, None)  # a share of this period, shown with it
    if not goals:
        return []
    year = when.end.year
    start, end = dt.date(year, 1, 1), min(when.end, today)
    sessions, residents = await stats.totals(db, scope, start, end)
    counted = await stats.counter_totals(db, scope, start, end)
    done = {forms.SESSIONS: sessions, forms.RESIDENTS: residents}
    done |= {f"counter:{k}": n for k, n in counted.items()}
    return [
        Progress(indicator_label(t, key, form), target, done.get(key, 0), year)
        for key, target in goals.items()
    ]


def indicator_label(t: Translator, key: str, form: WardForm) -> str:
    if key == forms.SESSIONS:
        return t("report-col-sessions")
    if key == forms.RESIDENTS:
        return t("report-col-residents")
    return vocab.label(t, "counter", key.removeprefix("counter:"), form)


async def period_figures(
    db: Session, scope: Scope, when: When, today: dt.date, *, members: bool = True
) -> stats.WeeklyReport:
    """The figures of a period, compared with the period just before it (when it has one)."""
    before = when.before()
    return await stats.period_report(
        db,
        scope,
        when.start,
        when.end,
        today,
        before=(before.start, before.end) if before is not None else None,
        members=members,
    )
