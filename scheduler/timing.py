"""Time: when things fall due (APScheduler cron triggers in Vietnam's time zone), which
period a run is for, and quiet hours."""

from __future__ import annotations

import datetime as dt

from apscheduler.triggers.cron import CronTrigger

from bot.flow import LOCAL_TZ

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_hhmm(text: str) -> dt.time:
    """ "08:00" -> 08:00; ValueError for anything else."""
    hour, sep, minute = text.strip().partition(":")
    if not sep or not (hour.isdecimal() and minute.isdecimal()):
        raise ValueError(text)
    return dt.time(int(hour), int(minute))


def weekly_trigger(weekday: int, at: str) -> CronTrigger:
    """Every week on `weekday` (0 = Monday) at `at`, Vietnam time."""
    time = parse_hhmm(at)
    return CronTrigger(
        day_of_week=DAY_NAMES[weekday], hour=time.hour, minute=time.minute, timezone=LOCAL_TZ
    )


def monthly_trigger(at: str) -> CronTrigger:
    """On the first of every month at `at`, Vietnam time."""
    time = parse_hhmm(at)
    return CronTrigger(day=1, hour=time.hour, minute=time.minute, timezone=LOCAL_TZ)


def daily_trigger(at: str) -> CronTrigger:
    time = parse_hhmm(at)
    return CronTrigger(hour=time.hour, minute=time.minute, timezone=LOCAL_TZ)


def latest_fire(
    trigger: CronTrigger, now: dt.datetime, lookback: dt.timedelta
) -> dt.datetime | None:
    """The trigger's last fire time at or before `now`, looking back at most `lookback`:
    the run that is due now, whether the process was up at that moment or not."""
    fire = trigger.get_next_fire_time(None, now - lookback)
    last = None
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + dt.timedelta(seconds=1))
    return last


def local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(LOCAL_TZ).date()


def quiet_until(now: dt.datetime, quiet_hours: str) -> dt.datetime | None:
    """When quiet hours end, if `now` falls inside them ("21:00-07:00"); else None."""
    start_text, _, end_text = quiet_hours.partition("-")
    start, end = parse_hhmm(start_text), parse_hhmm(end_text)
    local = now.astimezone(LOCAL_TZ)
    clock = local.time()
    if start == end:
        return None
    inside = (start <= clock or clock < end) if start > end else (start <= clock < end)
    if not inside:
        return None
    day = local.date() if clock < end else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, end, tzinfo=LOCAL_TZ).astimezone(dt.UTC)
