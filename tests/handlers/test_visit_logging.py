"""Logging a support session: the five-tap path, every field, edits, undo, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from bot.core import Kind
from storage.models import FollowUp, Role, SupportSession


async def volunteer(chat, demo):
    await chat.join(demo.invites[Role.VOLUNTEER].code)
    return chat


async def saved_sessions(database) -> list[SupportSession]:
    async with database.sessions() as db:
        return list(
            await db.scalars(
                select(SupportSession)
                .order_by(SupportSession.id)
                .options(
                    selectinload(SupportSession.topics),
                    selectinload(SupportSession.priority_groups),
                    selectinload(SupportSession.counts),
                )
            )
        )


async def test_common_case_takes_six_taps_with_the_counter(chat, demo, database):
    await volunteer(chat, demo)
    taps = ["Ghi buổi hỗ trợ", "Cài đặt / kích hoạt VNeID", "2", "Người cao tuổi", "Đã xong"]
    for label in taps:
        await chat.press(label)
    # The ward's counter was asked after the VNeID topic, and the summary shows it.
    assert "Số tài khoản VNeID đã kích hoạt: 2" in chat.text
    await chat.press("Lưu")  # the sixth tap
    assert "Đã lưu buổi hỗ trợ" in chat.text
    [session] = await saved_sessions(database)
    assert [t.topic for t in session.topics] == ["vneid"]
    assert {c.counter: c.value for c in session.counts} == {"vneid_activated": 2}
    assert [p.priority_group for p in session.priority_groups] == ["elderly"]
    assert session.residents_count == 1
    assert session.place == "home"
    assert session.outcome == "resolved"
    assert session.ward_id == demo.ward.id
    assert session.occurred_on == chat.now.astimezone(dt.timezone(dt.timedelta(hours=7))).date()


async def test_typed_answers_without_diacritics(chat, demo, database):
    await volunteer(chat, demo)
    await chat.send("ghi buoi ho tro")
    await chat.send("dich vu cong")
    assert "Số hồ sơ dịch vụ công" in chat.text
    await chat.send("12")  # typed: twelve, not the twelfth button
    await chat.send("nguoi cao tuoi")
    await chat.send("da xong")
    text = await chat.send("luu")
    assert "Đã lưu" in text
    [session] = await saved_sessions(database)
    assert [t.topic for t in session.topics] == ["public_services"]
    assert {c.counter: c.value for c in session.counts} == {"dossiers_online": 12}


async def test_typed_words_in_english_and_an_impossible_date(chat, demo, database):
    await volunteer(chat, demo)
    await chat.send("/lang")
    await chat.press("English")
    await chat.send("log")
    await chat.send("vneid")
    assert "VNeID accounts activated?" in chat.text
    await chat.send("0")
    text = await chat.send("none")  # "No priority group"
    assert "did not understand" not in text
    await chat.send("done")
    await chat.press("Day")
    assert "cannot read that date" in await chat.send("31/02")
    await chat.press("Today")
    assert "Session saved" in await chat.send("save")
    text = await chat.send("/mydata")
    assert ", 1 resident" in text and "1 residents" not in text
    [session] = await saved_sessions(database)
    assert [p.priority_group for p in session.priority_groups] == ["none"]


async def test_several_topics_and_groups_by_number(chat, demo, database):
    await volunteer(chat, demo)
    await chat.send("/ghi")
    await chat.send("1, 4")
    # Both topics have a counter: each is asked, in the form's order.
    assert "Số tài khoản VNeID" in chat.text
    await chat.press("Số khác")
    assert "từ 0 đến 500" in await chat.send("501")
    await chat.send("7")
    assert "Số hồ sơ dịch vụ công" in chat.text
    await chat.send("0")
    await chat.send("1 2")
    await chat.send("1")
    await chat.send("1")
    [session] = await saved_sessions(database)
    assert sorted(t.topic for t in session.topics) == ["public_services", "vneid"]
    assert sorted(p.priority_group for p in session.priority_groups) == [
        "elderly",
        "household_business",
    ]
    assert {c.counter: c.value for c in session.counts} == {
        "vneid_activated": 7,
        "dossiers_online": 0,
    }


async def test_every_field_can_be_changed_before_saving(chat, demo, database):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    await chat.press("Thanh toán")
    await chat.press("3")
    await chat.press("Hộ kinh doanh")
    await chat.press("Chuyển lên phường")
    await chat.press("Sửa số người")
    assert "từ 1 đến 50" in await chat.send("51")
    assert "từ 1 đến 50" in await chat.send("ba")
    assert "Số người: 7" in await chat.send("7")
    await chat.press("Sửa nơi")
    assert "Nhà văn hoá" in await chat.press("Nhà văn hoá")
    await chat.press("Sửa ngày")
    assert "Hôm qua" in await chat.press("Hôm qua")
    await chat.press("ghi chú")
    assert "Ghi chú: cần mang CCCD" in await chat.send("cần mang CCCD")
    await chat.press("Sửa số liệu")
    assert "Số tài khoản thanh toán đã mở: 4" in await chat.send("4")
    await chat.press("Sửa việc")
    await chat.send("5 6")  # the payment counter already has its number: not asked again
    assert "Thanh toán không dùng tiền mặt; An toàn mạng" in chat.text
    await chat.press("Sửa việc")
    await chat.send("6")  # without the payment topic, its counter goes
    assert "Số tài khoản thanh toán" not in chat.text
    await chat.press("Sửa việc")
    await chat.send("5, 6")
    assert "Số tài khoản thanh toán đã mở?" in chat.text
    assert "Số tài khoản thanh toán đã mở: 4" in await chat.send("4")
    await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert session.residents_count == 7
    assert session.place == "community_house"
    assert session.outcome == "referred"
    assert session.note == "cần mang CCCD"
    assert sorted(t.topic for t in session.topics) == ["cashless", "online_safety"]
    assert {c.counter: c.value for c in session.counts} == {"payment_accounts": 4}


async def test_follow_up_asks_a_due_date_and_creates_a_follow_up(chat, demo, database):
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "mức 2", "khuyết tật", "Cần hỗ trợ tiếp"):
        await chat.press(label)
    assert "quay lại" in chat.text
    assert "sau hôm nay" in await chat.send("01/01/2020")
    today = (chat.now + dt.timedelta(hours=7)).date()
    in_two = (today + dt.timedelta(days=2)).strftime("%d/%m")
    assert f"(hẹn {in_two})" in await chat.send("2")  # a typed number is days, not a button
    await chat.press("Sửa kết quả")
    await chat.press("Cần hỗ trợ tiếp")
    text = await chat.press("3 ngày nữa")
    assert f"(hẹn {(today + dt.timedelta(days=3)).strftime('%d/%m')})" in text
    await chat.press("Lưu")
    async with database.sessions() as db:
        follow_up = await db.scalar(select(FollowUp))
    assert follow_up is not None and follow_up.status == "open"
    assert follow_up.owner_member_id is not None


def vi_weekday(day: dt.date) -> str:
    return ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"][
        day.weekday()
    ]


async def test_day_may_be_at_most_seven_days_back(chat, demo, database):
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "VNeID mức 2", "Không thuộc", "Đã xong", "Sửa ngày"):
        await chat.press(label)
    assert len(chat.buttons) == 8  # today and seven days back
    today = (chat.now + dt.timedelta(hours=7)).date()
    too_old = today - dt.timedelta(days=8)
    earliest = f"{today - dt.timedelta(days=7):%d/%m/%Y}"
    text = await chat.send(too_old.strftime("%d/%m/%Y"))
    assert f"Bạn nhập {vi_weekday(too_old)} {too_old:%d/%m/%Y}" in text
    assert f"cần từ {vi_weekday(today - dt.timedelta(days=7))} {earliest} đến hôm nay" in text
    # Tomorrow's date is refused, never taken for a day button that looks like it.
    future = today + dt.timedelta(days=1)
    assert f"Bạn nhập {vi_weekday(future)} {future:%d/%m/%Y}" in await chat.send(
        future.strftime("%d/%m")
    )
    assert "cả một khoảng thời gian" in await chat.send("tuần trước")
    ok = today - dt.timedelta(days=7)
    await chat.send(ok.strftime("%d/%m"))
    await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert session.occurred_on == ok


async def test_notes_with_personal_data_are_refused(chat, demo, database):
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong", "ghi chú"):
        await chat.press(label)
    assert "số căn cước" in await chat.send("ba Lan CCCD 001203004567")
    assert "số điện thoại" in await chat.send("goi lai 0912 345 678")
    assert "dài" in await chat.send("x" * 301)
    assert "Ghi chú: hẹn tuần sau" in await chat.send("hẹn tuần sau")
    await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert session.note == "hẹn tuần sau"


async def test_undo_within_ten_minutes(chat, demo, database):
    await volunteer(chat, demo)
    await chat.log_session()
    await chat.press("Huỷ buổi này")
    assert "Đã huỷ buổi" in await chat.press("Có, huỷ")
    assert await saved_sessions(database) == []


async def test_edit_from_main_menu_within_window_and_not_after(chat, demo, database):
    await volunteer(chat, demo)
    await chat.log_session()
    await chat.press("Về màn hình")
    assert "Sửa / huỷ buổi vừa ghi" in chat.labels()
    await chat.press("Sửa / huỷ")
    await chat.press("Sửa buổi này")
    await chat.press("Sửa số người")
    await chat.send("3")
    assert "Đã cập nhật" in await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert session.residents_count == 3
    await chat.press("Về màn hình")
    chat.now += dt.timedelta(minutes=11)
    await chat.send("/start")
    assert "Sửa / huỷ buổi vừa ghi" not in chat.labels()
    [session] = await saved_sessions(database)
    assert session.residents_count == 3


async def test_undo_after_the_window_is_refused(chat, demo, database):
    await volunteer(chat, demo)
    await chat.log_session()
    chat.now += dt.timedelta(minutes=11)
    text = await chat.press("Huỷ buổi này")
    assert "quá 10 phút" in text
    assert len(await saved_sessions(database)) == 1


async def test_a_volunteer_called_huy_can_type_their_name(core, demo, database):
    from tests.conftest import Chat

    chat = Chat(core, user="web-huy-0123456789abcdef", name="", channel="web")
    await chat.send(demo.invites[Role.VOLUNTEER].code)
    await chat.press("Đồng ý")
    assert "Chào mừng" in await chat.send("Huy")  # a name, not "huỷ"
    await chat.press("Ghi buổi")
    assert "Đã huỷ" in await chat.send("huỷ")  # at a menu it still cancels


async def test_huy_typed_without_marks_cancels_where_text_is_expected(chat, demo, database):
    """A person can always get out: "huy" at the note step is not saved as the note, and at
    the count step it is not "a number from 1 to 50"."""
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong", "ghi chú"):
        await chat.press(label)
    assert "Đã huỷ việc đang làm" in await chat.send("huy")
    await chat.press("Ghi buổi")
    await chat.press("VNeID")
    await chat.press("1")
    await chat.press("cao tuổi")
    await chat.press("Đã xong")
    await chat.press("Số người")
    assert "Đã huỷ việc đang làm" in await chat.send("Huỷ")
    assert await saved_sessions(database) == []


async def test_control_characters_and_broken_unicode_are_dropped(chat, demo, database):
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong", "ghi chú"):
        await chat.press(label)
    await chat.send("hen \ud800 tuan\x00 sau")
    assert "Đã lưu" in await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert session.note == "hen ? tuan sau"


async def test_cancel_mid_way_saves_nothing(chat, demo, database):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    await chat.press("VNeID")
    assert "Đã huỷ" in await chat.send("Huỷ")
    assert await saved_sessions(database) == []
    assert "Ghi buổi hỗ trợ" in chat.labels()


async def test_bad_input_gets_a_message_and_the_question_again(chat, demo, database):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    assert "chưa hiểu" in await chat.send("🙂🙂")
    assert "Bạn đã hỗ trợ việc gì?" in chat.text
    assert "chưa hiểu" in await chat.send("42")
    assert "chỉ đọc được tin nhắn chữ" in await chat.send_kind(Kind.STICKER)
    assert "chỉ đọc được tin nhắn chữ" in await chat.send_kind(Kind.IMAGE)
    assert "dài quá" in await chat.send("a" * 10_000)
    assert "không biết lệnh" in await chat.send("/xyz")
    assert "Bạn đã hỗ trợ việc gì?" in chat.text
    assert await saved_sessions(database) == []


async def test_old_menu_press_is_explained(chat, demo):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    old_buttons = list(chat.buttons)
    await chat.press("VNeID")
    chat.buttons = old_buttons
    text = await chat.press("Dịch vụ công")
    assert "câu hỏi cũ" in text
    assert "Số tài khoản VNeID đã kích hoạt?" in text


async def test_residents_cannot_log_sessions(chat):
    await chat.send("/start")
    text = await chat.send("/ghi")
    assert "dành cho thành viên" in text and "gõ mã đó để tham gia" in text


async def test_conversation_survives_a_restart(core, demo, database, settings):
    """A new core on the same database (a restarted process) resumes mid-conversation."""
    import handlers
    from bot.conversation import ConversationCore
    from tests.conftest import Chat

    chat = Chat(core)
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    await chat.press("VNeID")
    restarted = ConversationCore(database, settings, handlers.all_flows(), handlers.COMMANDS)
    chat.core = restarted
    await chat.press("1")
    await chat.press("cao tuổi")
    await chat.press("Đã xong")
    assert "Đã lưu" in await chat.press("Lưu")


async def test_idle_conversation_expires_with_a_note(chat, demo, database):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    await chat.press("VNeID")
    chat.now += dt.timedelta(minutes=31)
    text = await chat.send("1")
    assert "bỏ dở quá lâu" in text
    assert "Ghi buổi hỗ trợ" in chat.labels()
    assert await saved_sessions(database) == []


async def test_same_message_delivered_twice_is_handled_once(chat, demo, database):
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong"):
        await chat.press(label)
    save = next(b for b in chat.buttons if "Lưu" in b.label)
    incoming = chat._incoming(choice_id=save.id, kind=Kind.CHOICE, text=None)
    first = await chat.deliver(incoming)
    second = await chat.deliver(incoming)
    assert first and not second
    async with database.sessions() as db:
        assert await db.scalar(select(func.count()).select_from(SupportSession)) == 1


# (when the volunteer types, in UTC; what they type at the day step; the day saved).
# Vietnam is UTC+7: 16:59 UTC on 31/12 is 23:59 there, 17:01 UTC is already 1/1.
TYPED_DAYS = [
    (dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.UTC), "hôm qua", dt.date(2026, 12, 30)),
    (dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.UTC), "31/12", dt.date(2026, 12, 31)),
    (dt.datetime(2026, 12, 31, 17, 1, tzinfo=dt.UTC), "hom qua", dt.date(2026, 12, 31)),
    (dt.datetime(2026, 12, 31, 17, 1, tzinfo=dt.UTC), "31/12", dt.date(2026, 12, 31)),
    (dt.datetime(2027, 3, 1, 0, 30, tzinfo=dt.UTC), "cn", dt.date(2027, 2, 28)),  # a Monday
    (dt.datetime(2027, 3, 1, 0, 30, tzinfo=dt.UTC), "thu sau", dt.date(2027, 2, 26)),
    (dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC), "t2", dt.date(2026, 11, 23)),  # a Sunday
    (dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC), "hôm kia", dt.date(2026, 11, 27)),
    (dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC), "30/11", dt.date(2026, 11, 30)),
]


@pytest.mark.parametrize(("at", "typed", "day"), TYPED_DAYS)
async def test_typed_days_at_any_hour(make_chat, demo, database, at, typed, day):
    chat = make_chat("lan", now=at)
    await volunteer(chat, demo)
    for label in ("Ghi buổi", "VNeID mức 2", "Không thuộc", "Đã xong", "Sửa ngày"):
        await chat.press(label)
    await chat.send(typed)
    await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert session.occurred_on == day


async def test_several_groups_by_ticking_or_by_names(chat, demo, database):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    # Ticking: "choose several", tick two topics (one ticked and unticked on the way), done.
    await chat.press("Chọn nhiều")
    assert "Bấm để chọn hoặc bỏ chọn" in chat.text
    await chat.press("Done" if False else "Xong")
    assert "chưa chọn mục nào" in chat.text  # nothing ticked yet: still asking
    await chat.press("An toàn mạng")
    await chat.press("Việc khác")
    await chat.press("✅ Việc khác")
    await chat.press("Kỹ năng số")
    assert [b for b in chat.labels() if b.startswith("✅")] == [
        "✅ An toàn mạng / chống lừa đảo",
        "✅ Kỹ năng số (Bình dân học vụ số)",
    ]
    await chat.press("Xong (đã chọn 2)")
    # Names typed with commas, without diacritics, as on Zalo.
    assert "thuộc nhóm nào" in chat.text
    await chat.send("nguoi cao tuoi, ho kinh doanh")
    await chat.press("Đã xong")
    await chat.press("Lưu")
    [session] = await saved_sessions(database)
    assert sorted(t.topic for t in session.topics) == ["digital_skills", "online_safety"]
    assert sorted(p.priority_group for p in session.priority_groups) == [
        "elderly",
        "household_business",
    ]


async def test_a_list_with_a_name_it_does_not_know_is_not_half_taken(chat, demo, database):
    await volunteer(chat, demo)
    await chat.press("Ghi buổi")
    await chat.press("An toàn mạng")
    text = await chat.send("nguoi cao tuoi, con meo")
    assert "chưa hiểu" in text.casefold() or "không hiểu" in text.casefold()
    assert "thuộc nhóm nào" in text
