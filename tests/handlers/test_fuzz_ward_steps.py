"""Whatever ward staff or a volunteer type at the new steps (a form item's name, a target, a
report period, a counter), the answer is a message of the flow, never the apology for an
unexpected error, and nothing is half saved."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.i18n import t
from storage.models import Role

TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "0",
            "-1",
            "1.5",
            "1,5",
            "9" * 30,
            "31/02/2026",
            "1/13 - 2/13",
            "quý 9",
            "tháng 0",
            "2026-W99",
            "01/01/1900 - 02/01/1900",
            "x" * 61,
            "0912345678",
            "/",
            "%",
            "nguoi cao tuoi, , ,",
            "\u200b",
            "²",  # a digit int() cannot read (found by this test on PostgreSQL)
            "１２",  # full-width digits: twelve
            "٣",  # an Arabic-Indic three
        ]
    ),
)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
APOLOGY = t("vi", "error-generic")

# (who, the taps that reach the step) for each step that takes typed text.
STEPS = {
    "form: a new counter's name": (
        Role.STAFF,
        ["/phieughi", "Số liệu đếm", "Thêm số liệu đếm"],
    ),
    "form: a yearly target": (
        Role.STAFF,
        ["/phieughi", "Mục tiêu năm", "Số buổi: "],
    ),
    "form: a share target": (
        Role.STAFF,
        ["/phieughi", "Mục tiêu năm", "Tỷ lệ tổ có hoạt động"],
    ),
    "report: a period": (Role.STAFF, ["/baocao"]),
    "log: a counter": (Role.VOLUNTEER, ["/ghi", "VNeID"]),
    "log: several topics": (Role.VOLUNTEER, ["/ghi"]),
}


@pytest.mark.parametrize("step", list(STEPS))
@FUZZ
@given(typed=TEXT)
async def test_typed_anything_at_each_new_step(
    make_chat, demo, core, step: str, typed: str
) -> None:
    role, taps = STEPS[step]
    # One person for all the examples of a run (the fixtures are shared by them): a chat
    # numbers its messages, so it cannot be made again.
    people = vars(core).setdefault("fuzz_people", {})
    person = people.get(role)
    if person is None:
        person = people[role] = make_chat(f"fuzz-{role}")
        await person.join(demo.invites[role].code)
    await person.send("/huy")
    for tap in taps:
        if tap.startswith("/"):
            await person.send(tap)
        else:
            await person.press(tap)
    replies = await person.send(typed)
    assert APOLOGY not in replies
    assert person.labels()  # still somewhere with something to press
