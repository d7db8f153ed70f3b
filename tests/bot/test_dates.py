"""Typed days and periods are read exactly, at any "today": month and year boundaries, a
Monday, a Sunday, late at night in Vietnam."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import dates
from bot.core import Choice
from bot.dates import When, read_day, read_when
from bot.menu import Menu, resolve_text

D = dt.date

# (today, typed, what it must mean). Weekday names look back from today (the day of a
# session already done).
TABLE: list[tuple[dt.date, str, When | None]] = [
    # Friday 27/11/2026
    (D(2026, 11, 27), "28/11", When("day", D(2026, 11, 28), D(2026, 11, 28))),
    (D(2026, 11, 27), "27/11", When("day", D(2026, 11, 27), D(2026, 11, 27))),
    (D(2026, 11, 27), "24/11", When("day", D(2026, 11, 24), D(2026, 11, 24))),
    (D(2026, 11, 27), "24-11-2026", When("day", D(2026, 11, 24), D(2026, 11, 24))),
    (D(2026, 11, 27), "24.11.26", When("day", D(2026, 11, 24), D(2026, 11, 24))),
    (D(2026, 11, 27), "2026-11-24", When("day", D(2026, 11, 24), D(2026, 11, 24))),
    (D(2026, 11, 27), "２４/１１", When("day", D(2026, 11, 24), D(2026, 11, 24))),
    (D(2026, 11, 27), "hôm nay", When("day", D(2026, 11, 27), D(2026, 11, 27))),
    (D(2026, 11, 27), "Hom Nay", When("day", D(2026, 11, 27), D(2026, 11, 27))),
    (D(2026, 11, 27), "hôm qua", When("day", D(2026, 11, 26), D(2026, 11, 26))),
    (D(2026, 11, 27), "hom kia", When("day", D(2026, 11, 25), D(2026, 11, 25))),
    (D(2026, 11, 27), "yesterday", When("day", D(2026, 11, 26), D(2026, 11, 26))),
    (D(2026, 11, 27), "thứ hai", When("day", D(2026, 11, 23), D(2026, 11, 23))),
    (D(2026, 11, 27), "t2", When("day", D(2026, 11, 23), D(2026, 11, 23))),
    (D(2026, 11, 27), "Thu 6", When("day", D(2026, 11, 27), D(2026, 11, 27))),
    (D(2026, 11, 27), "chủ nhật", When("day", D(2026, 11, 22), D(2026, 11, 22))),
    (D(2026, 11, 27), "CN", When("day", D(2026, 11, 22), D(2026, 11, 22))),
    (D(2026, 11, 27), "monday", When("day", D(2026, 11, 23), D(2026, 11, 23))),
    (D(2026, 11, 27), "tuần này", When("week", D(2026, 11, 23), D(2026, 11, 29))),
    (D(2026, 11, 27), "tuan truoc", When("week", D(2026, 11, 16), D(2026, 11, 22))),
    (D(2026, 11, 27), "last week", When("week", D(2026, 11, 16), D(2026, 11, 22))),
    (D(2026, 11, 27), "tháng này", When("month", D(2026, 11, 1), D(2026, 11, 30))),
    (D(2026, 11, 27), "thang truoc", When("month", D(2026, 10, 1), D(2026, 10, 31))),
    (D(2026, 11, 27), "this month", When("month", D(2026, 11, 1), D(2026, 11, 30))),
    (D(2026, 11, 27), "2026-W47", When("week", D(2026, 11, 16), D(2026, 11, 22))),
    (D(2026, 11, 27), "w48", When("week", D(2026, 11, 23), D(2026, 11, 29))),
    (D(2026, 11, 27), "tháng 10/2026", When("month", D(2026, 10, 1), D(2026, 10, 31))),
    (D(2026, 11, 27), "31/11", None),
    (D(2026, 11, 27), "1 4", None),
    (D(2026, 11, 27), "28/11/1990", None),
    (D(2026, 11, 27), "hom", None),
    (D(2026, 11, 27), "", None),
    # Thursday 31/12/2026, the last day of the year
    (D(2026, 12, 31), "1/1", When("day", D(2027, 1, 1), D(2027, 1, 1))),
    (D(2026, 12, 31), "30/12", When("day", D(2026, 12, 30), D(2026, 12, 30))),
    (D(2026, 12, 31), "tháng này", When("month", D(2026, 12, 1), D(2026, 12, 31))),
    (D(2026, 12, 31), "tuần này", When("week", D(2026, 12, 28), D(2027, 1, 3))),
    (D(2026, 12, 31), "2026-W53", When("week", D(2026, 12, 28), D(2027, 1, 3))),
    # Friday 1/1/2027, the first day of the year
    (D(2027, 1, 1), "31/12", When("day", D(2026, 12, 31), D(2026, 12, 31))),
    (D(2027, 1, 1), "hôm qua", When("day", D(2026, 12, 31), D(2026, 12, 31))),
    (D(2027, 1, 1), "tháng trước", When("month", D(2026, 12, 1), D(2026, 12, 31))),
    (D(2027, 1, 1), "tuần trước", When("week", D(2026, 12, 21), D(2026, 12, 27))),
    (D(2027, 1, 1), "thứ năm", When("day", D(2026, 12, 31), D(2026, 12, 31))),
    # Monday 1/3/2027: February had 28 days; "thứ hai" is today
    (D(2027, 3, 1), "hôm qua", When("day", D(2027, 2, 28), D(2027, 2, 28))),
    (D(2027, 3, 1), "29/2", None),
    (D(2027, 3, 1), "thứ hai", When("day", D(2027, 3, 1), D(2027, 3, 1))),
    (D(2027, 3, 1), "chu nhat", When("day", D(2027, 2, 28), D(2027, 2, 28))),
    (D(2027, 3, 1), "tháng trước", When("month", D(2027, 2, 1), D(2027, 2, 28))),
    (D(2027, 3, 1), "tuần này", When("week", D(2027, 3, 1), D(2027, 3, 7))),
    # Sunday 29/11/2026: the week still runs from Monday 23/11
    (D(2026, 11, 29), "cn", When("day", D(2026, 11, 29), D(2026, 11, 29))),
    (D(2026, 11, 29), "thu bay", When("day", D(2026, 11, 28), D(2026, 11, 28))),
    (D(2026, 11, 29), "tuần này", When("week", D(2026, 11, 23), D(2026, 11, 29))),
    # Leap day in 2028
    (D(2028, 3, 1), "29/2", When("day", D(2028, 2, 29), D(2028, 2, 29))),
]


@pytest.mark.parametrize(("today", "typed", "meant"), TABLE)
def test_typed_days_and_periods(today: dt.date, typed: str, meant: When | None) -> None:
    assert read_when(typed, today) == meant


@pytest.mark.parametrize(
    ("today", "typed", "meant"),
    [
        (D(2026, 11, 27), "thứ hai", D(2026, 11, 30)),  # a date ahead: the next Monday
        (D(2026, 11, 27), "thu 6", D(2026, 12, 4)),  # today is Friday: next week's
        (D(2026, 11, 27), "ngày mai", D(2026, 11, 28)),
        (D(2026, 12, 31), "mai", D(2027, 1, 1)),
        (D(2026, 12, 31), "cn", D(2027, 1, 3)),
        (D(2026, 11, 27), "tuần sau", None),  # not a day
    ],
)
def test_days_ahead(today: dt.date, typed: str, meant: dt.date | None) -> None:
    assert read_day(typed, today, forward=True) == meant


DAY_BUTTONS = Menu(
    1,
    [
        Choice("2026-11-27", "Hôm nay (27/11)"),
        Choice("2026-11-26", "Hôm qua (26/11)"),
        Choice("2026-11-22", "Chủ Nhật 22/11"),
        Choice("2026-11-21", "Thứ Bảy 21/11"),
    ],
)


@pytest.mark.parametrize("typed", ["28/11", "23/11", "2/11", "22/1", "21", "22/11/2025", "27/12"])
def test_digits_never_pick_a_button_that_only_looks_alike(typed: str) -> None:
    assert resolve_text(DAY_BUTTONS, typed) == []


def test_a_date_that_is_on_a_button_picks_it() -> None:
    assert resolve_text(DAY_BUTTONS, "22/11") == ["2026-11-22"]
    assert resolve_text(DAY_BUTTONS, "Chu nhat") == ["2026-11-22"]
    assert resolve_text(DAY_BUTTONS, "2") == ["2026-11-26"]  # the button's number


@given(st.text(max_size=40), st.dates(min_value=D(2020, 1, 1), max_value=D(2090, 12, 31)))
def test_any_text_reads_as_nothing_or_as_a_real_period(text: str, today: dt.date) -> None:
    when = read_when(text, today)
    if when is not None:
        assert when.start <= when.end
        # As long as what it says it is: "Q1" is a whole quarter, "28/11" one day.
        longest = {"day": 0, "week": 6, "month": 30, "quarter": 91, "year": 365}
        assert (when.end - when.start).days <= longest.get(when.kind, 366 * 100)


# -- Periods for reports: quarters, years, the movement, ranges ------------------------------

D = dt.date
PERIODS = [
    # typed, today, (kind, first day, last day) or None
    ("quý 4/2026", D(2026, 11, 27), ("quarter", D(2026, 10, 1), D(2026, 12, 31))),
    (
        "quy IV 2026",
        D(2026, 11, 27),
        ("quarter", D(2026, 10, 1), D(2026, 12, 31)),
    ),
    ("q1", D(2027, 2, 3), ("quarter", D(2027, 1, 1), D(2027, 3, 31))),
    ("quy truoc", D(2027, 1, 2), ("quarter", D(2026, 10, 1), D(2026, 12, 31))),
    ("2026-Q3", D(2026, 11, 27), ("quarter", D(2026, 7, 1), D(2026, 9, 30))),
    ("nam 2026", D(2027, 1, 1), ("year", D(2026, 1, 1), D(2026, 12, 31))),
    ("năm ngoái", D(2027, 1, 1), ("year", D(2026, 1, 1), D(2026, 12, 31))),
    ("this year", D(2028, 2, 29), ("year", D(2028, 1, 1), D(2028, 12, 31))),
    (
        "ca giai doan",
        D(2026, 11, 27),
        ("movement", D(2026, 1, 1), D(2030, 12, 31)),
    ),
    (
        "2026 - 2030",
        D(2026, 11, 27),
        ("movement", D(2026, 1, 1), D(2030, 12, 31)),
    ),
    ("tháng 12", D(2027, 1, 5), ("month", D(2026, 12, 1), D(2026, 12, 31))),
    ("thang 1", D(2027, 1, 5), ("month", D(2027, 1, 1), D(2027, 1, 31))),
    ("2028-02", D(2028, 3, 1), ("month", D(2028, 2, 1), D(2028, 2, 29))),
    (
        "01/11/2026 - 15/11/2026",
        D(2026, 11, 27),
        ("range", D(2026, 11, 1), D(2026, 11, 15)),
    ),
    ("1/11-15/11", D(2026, 11, 27), ("range", D(2026, 11, 1), D(2026, 11, 15))),
    (
        "từ 28/12 đến 3/1",
        D(2027, 1, 4),
        ("range", D(2026, 12, 28), D(2027, 1, 3)),
    ),
    (
        "from 1/11 to 15/11",
        D(2026, 11, 27),
        ("range", D(2026, 11, 1), D(2026, 11, 15)),
    ),
    ("15/11 - 1/11", D(2026, 11, 27), None),  # backwards: said so by the flow
    ("31/02/2026 - 3/3/2026", D(2026, 11, 27), None),
    ("quý 5", D(2026, 11, 27), None),
    ("tháng 13", D(2026, 11, 27), None),
    ("hello", D(2026, 11, 27), None),
]


@pytest.mark.parametrize(("typed", "today", "expected"), PERIODS)
def test_report_periods(typed: str, today: dt.date, expected: tuple | None) -> None:
    found = dates.read_period(typed, today)
    assert (None if found is None else (found.kind, found.start, found.end)) == expected


def test_the_period_before_has_the_same_kind_and_length() -> None:
    leap = dates.read_period("2028-02", dt.date(2028, 3, 1))
    assert leap is not None and leap.before() == dates.month_of(dt.date(2028, 1, 1))
    quarter = dates.quarter_of(dt.date(2027, 2, 1))
    assert quarter.before() == dates.quarter_of(dt.date(2026, 12, 31))
    days = dates.When("range", dt.date(2026, 11, 1), dt.date(2026, 11, 15))
    assert days.before() == dates.When("range", dt.date(2026, 10, 17), dt.date(2026, 10, 31))
    assert dates.movement().before() is None
