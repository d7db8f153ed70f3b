"""The residents' help desk as residents, volunteers and ward staff meet it in chat."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.i18n import t
from storage import helpdesk, invites, wards
from storage.models import (
    Conversation,
    FollowUp,
    OutboxMessage,
    ResidentProfile,
    Role,
    UnansweredQuestion,
)
from tests.conftest import START


async def outbox_for(database, chat_id: str) -> list[str]:
    async with database.sessions() as db:
        rows = await db.scalars(
            select(OutboxMessage).where(OutboxMessage.chat_id == chat_id).order_by(OutboxMessage.id)
        )
        return [r.payload["text"] for r in rows]


async def test_a_question_typed_without_diacritics_gets_a_sourced_answer(chat, demo):
    await chat.send("xin chao")
    text = await chat.send("quen mat khau vneid thi lam sao")
    assert "Quên mật khẩu hoặc passcode VNeID" in text
    assert "Nguồn: https://plo.vn/" in text
    assert "Rà soát: 08/12/2026" in text
    assert "Hỏi câu khác" in chat.labels()


async def test_emoji_are_not_taken_for_a_question(chat, demo, database):
    """Only emoji or punctuation, first or at the menu: the menu again, nothing recorded as
    an unanswered question, and no claim that it was."""
    text = await chat.send("😀🙏")
    assert "ghi lại câu hỏi" not in text and "Hỏi đáp" in " ".join(chat.labels())
    text = await chat.send("?? …")
    assert "Mình chưa hiểu ý bạn" in text and "ghi lại câu hỏi" not in text
    text = await chat.send("👍👍")  # a thumbs-up agrees: a warm word, not a question
    assert t("vi", "hd-thanks") in text and "ghi lại câu hỏi" not in text
    async with database.sessions() as db:
        assert list(await db.scalars(select(UnansweredQuestion))) == []


async def test_an_invite_code_typed_in_the_help_desk_joins(chat, demo):
    await chat.send("cach cai vneid")
    text = await chat.send(demo.invites[Role.VOLUNTEER].code)
    assert "Bạn có đồng ý không?" in text


async def test_menu_or_cancel_typed_in_the_help_desk_goes_back_home(chat, demo):
    await chat.send("xin chao")
    await chat.send("vneid")
    await chat.send("huỷ")
    assert "Bạn muốn làm gì?" in chat.text
    assert "Hỏi đáp, hướng dẫn" in chat.labels()


async def test_a_first_message_that_is_a_question_is_answered(chat, demo):
    text = await chat.send("doi sdt dinh danh")
    assert "Ngõ Số" in text  # the welcome
    assert "Đổi số điện thoại hoặc đổi máy dùng VNeID" in text


async def test_the_resident_menu_offers_the_help_desk(chat):
    await chat.send("xin chao")
    labels = chat.labels()
    assert "Hỏi đáp, hướng dẫn" in labels
    assert "Nhờ tổ đến nhà hỗ trợ" in labels
    assert "Tham gia tổ bằng mã mời" in labels


async def test_an_unsure_question_offers_the_closest_topics(chat, demo):
    await chat.send("xin chao")
    text = await chat.send("vneid")
    assert "Có phải một trong các mục này không?" in text
    assert 3 <= len(chat.labels()) <= 4
    assert "Không phải các mục trên" in chat.labels()
    text = await chat.send("1")
    assert "Nguồn:" in text


async def test_an_off_topic_question_gets_an_honest_answer_and_is_kept_without_numbers(
    chat, demo, database
):
    await chat.send("xin chao")
    text = await chat.send("gia vang hom nay, goi toi 0912345678")
    assert "chưa có câu trả lời chắc chắn" in text
    assert "Nhờ người đến nhà hỗ trợ" in chat.labels()
    await chat.send("gia vang hom nay")
    async with database.sessions() as db:
        kept = list(await db.scalars(select(UnansweredQuestion)))
        assert len(kept) == 2
        assert all("0912345678" not in q.question for q in kept)
        now = START
        top = await helpdesk.top_unanswered(
            db, demo.ward.id, now - dt.timedelta(days=7), now + dt.timedelta(days=1), 5
        )
        assert [t.count for t in top] == [1, 1]  # the phone made it another question


async def test_the_same_question_counts_once_in_top_unanswered(chat, demo, database):
    await chat.send("xin chao")
    for question in ("giá vàng hôm nay", "gia vang hom nay", "ket qua xo so"):
        await chat.send(question)
    async with database.sessions() as db:
        now = START
        top = await helpdesk.top_unanswered(
            db, demo.ward.id, now - dt.timedelta(days=1), now + dt.timedelta(days=1), 5
        )
        other = await helpdesk.top_unanswered(
            db, demo.ward.id + 1, now - dt.timedelta(days=1), now + dt.timedelta(days=1), 5
        )
    assert [t.count for t in top] == [2, 1]
    assert other == []


async def test_topics_can_be_browsed_from_a_menu(chat, demo):
    await chat.send("xin chao")
    await chat.press("Hỏi đáp")
    await chat.press("Xem theo chủ đề")
    assert "Cảnh giác lừa đảo" in chat.labels()
    await chat.press("Cảnh giác lừa đảo")
    text = await chat.press("156")
    assert "Báo lừa đảo tới tổng đài 156" in text


async def test_english_readers_get_english_answers(chat, demo):
    await chat.send("/lang")
    await chat.press("English")
    text = await chat.send("forgot vneid password")
    assert "Forgotten VNeID password or passcode" in text
    assert "Source:" in text


async def test_ward_staff_write_the_ward_office_hours_for_residents(make_chat, demo):
    resident = make_chat("resident")
    await resident.send("xin chao")
    text = await resident.send("phuong lam viec may gio")
    assert "chưa cập nhật" in text

    staff = make_chat("staff")
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Thông tin phường")
    await staff.press("Giờ làm việc")
    text = await staff.send("Thứ Hai đến thứ Sáu, sáng 7h30-11h30, chiều 13h30-17h")
    assert "Đã lưu" in text
    assert any(label.startswith("✅ Giờ làm việc") for label in staff.labels())

    text = await resident.send("phuong lam viec may gio")
    assert "sáng 7h30-11h30" in text
    assert "Nguồn: Phường Mẫu (demo)" in text


async def test_residents_cannot_open_the_staff_tools(chat, demo):
    await chat.send("xin chao")
    assert "Mình không biết" not in await chat.send("/thongtinphuong")
    assert "dành cho thành viên" in chat.text


async def home_visit(resident, phone: str | None) -> str:
    await resident.send("xin chao")
    await resident.press("Nhờ tổ đến nhà")
    await resident.press("Tổ dân phố số 1")
    await resident.press("Buổi chiều")
    if phone is None:
        await resident.press("Không, chỉ nhắn trong chat")
    else:
        await resident.press("Đồng ý")
        await resident.send("0912 abc")  # a typo first
        assert "Số điện thoại chưa đúng" in resident.text
        await resident.send("0912 345 67")  # a digit short
        assert "Số điện thoại chưa đúng" in resident.text
        await resident.send(phone)
    assert "Gửi cho tổ công nghệ số?" in resident.text
    return await resident.press("Gửi yêu cầu")


async def test_home_help_request_reaches_the_team_and_the_volunteer_who_takes_it(
    make_chat, demo, database
):
    volunteer, leader = make_chat("vol", name="Anh Tuấn"), make_chat("leader")
    await volunteer.join(demo.invites[Role.VOLUNTEER].code)
    await leader.join(demo.invites[Role.LEADER].code)
    resident = make_chat("resident")

    text = await home_visit(resident, "0912345678")
    assert "Đã gửi yêu cầu số" in text and "Tổ dân phố số 1 (demo)" in text

    for member in ("vol", "leader"):
        notices = await outbox_for(database, member)
        assert any("091****678" in n for n in notices), notices
        assert all("0912345678" not in n for n in notices)

    await leader.send("/yeucau")
    assert "Yêu cầu chưa ai nhận: 1" in leader.text
    await leader.press("Số")
    assert "091****678" in leader.text and "0912345678" not in leader.text

    await volunteer.send("/yeucau")
    await volunteer.press("Số")
    text = await volunteer.press("Tôi nhận hỗ trợ")
    assert "Bạn đã nhận yêu cầu này" in text
    assert "0912345678" in text  # the one who takes it sees the number
    told = await outbox_for(database, "resident")
    assert any("Anh Tuấn" in m and "đã có người nhận" in m for m in told)

    text = await leader.press("Tôi nhận hỗ trợ")  # too late: the volunteer has it
    assert "vừa có người khác nhận" in text

    await volunteer.send("/yeucau")
    await volunteer.press("(của bạn)")
    text = await volunteer.press("Đã hỗ trợ xong")
    assert "Số điện thoại của người dân đã được xoá" in text
    async with database.sessions() as db:
        request = await db.scalar(select(FollowUp))
        assert request.status == "done" and request.phone is None
        assert request.group_id is not None and request.due_on is not None


async def test_no_phone_is_stored_without_consent(make_chat, demo, database):
    resident = make_chat("resident")
    text = await home_visit(resident, None)
    assert "chưa có thành viên tổ hay cán bộ phường nào" in text  # nobody has joined yet
    async with database.sessions() as db:
        request = await db.scalar(select(FollowUp))
        assert request.phone is None
        assert request.kind == "home_visit" and request.preferred_time == "afternoon"


async def test_a_team_of_another_ward_does_not_see_the_request(make_chat, demo, database):
    async with database.sessions() as db, db.begin():
        other = await wards.add_ward(db, "OTHER", "Phường Khác")
        group = await wards.add_group(db, other, "Tổ 9")
        invite = await invites.create(
            db, role=Role.LEADER, ward_id=other.id, group_id=group.id, max_uses=1, days=7
        )
    outsider = make_chat("outsider")
    await outsider.join(invite.code)
    resident = make_chat("resident")
    await resident.send("xin chao")
    await resident.press("Nhờ tổ đến nhà")
    await resident.press("Phường Mẫu")  # two wards now: the resident picks theirs
    await resident.press("Tổ dân phố số 1")
    await resident.press("Lúc nào")
    await resident.press("Không, chỉ nhắn")
    await resident.press("Gửi yêu cầu")
    await outsider.send("/yeucau")
    assert "Yêu cầu chưa ai nhận: 0" in outsider.text
    assert await outbox_for(database, "outsider") == []


async def test_residents_subscribe_and_unsubscribe_to_ward_announcements(chat, demo, database):
    await chat.send("xin chao")
    await chat.press("Nhận thông báo")
    await chat.press("Nhận thông báo")
    assert "Đã đăng ký" in chat.text
    async with database.sessions() as db:
        assert [s[:2] for s in await helpdesk.subscribers(db, demo.ward.id)] == [("telegram", "u1")]
    await chat.press("Nhận thông báo")
    await chat.press("Thôi nhận")
    async with database.sessions() as db:
        assert await helpdesk.subscribers(db, demo.ward.id) == []


async def test_residents_see_and_erase_what_the_help_desk_holds(make_chat, demo, database):
    resident = make_chat("resident")
    await home_visit(resident, "0912345678")
    await resident.press("Nhận thông báo")
    await resident.press("Nhận thông báo")

    text = await resident.send("/dulieu")
    assert "Phường Mẫu (demo)" in text and "Tổ dân phố số 1 (demo)" in text
    assert "091****678" in text and "0912345678" not in text
    assert "Nhận thông báo phường: có" in text

    await resident.send("/xoadulieu")
    text = await resident.press("Có, xoá hết")
    assert "1 yêu cầu" in text
    async with database.sessions() as db:
        assert await db.scalar(select(FollowUp)) is None
        assert await db.scalar(select(ResidentProfile)) is None
        assert await db.scalar(select(Conversation)) is None  # the resident's chat state too
    assert "không lưu thông tin cá nhân" in await resident.send("/dulieu")


async def test_the_volunteer_messages_a_resident_without_a_phone_and_closes_from_the_list(
    make_chat, demo, database
):
    volunteer = make_chat("vol", name="Anh Tuấn")
    await volunteer.join(demo.invites[Role.VOLUNTEER].code)
    resident = make_chat("resident")
    await home_visit(resident, "0912345678")
    await volunteer.send("/yeucau")
    await volunteer.press("Số")
    await volunteer.press("Tôi nhận hỗ trợ")
    await volunteer.send("/yeucau")
    await volunteer.press("(của bạn)")
    await volunteer.press("Nhắn cho người dân")
    assert "1 đến 1.000" in await volunteer.send("x" * 1001)
    assert "Đã gửi lời nhắn" in await volunteer.send("Chiều mai 3 giờ tôi qua, nhà số mấy ạ?")
    told = await outbox_for(database, "resident")
    assert any("Anh Tuấn" in m and "Chiều mai 3 giờ" in m for m in told)

    # The request is a follow-up too: /viec says what it is, and closing it there erases
    # the phone number just as closing it from the request does.
    text = await volunteer.send("/viec")
    assert "Người dân nhờ hỗ trợ tại nhà" in text and "không rõ nội dung" not in text
    await volunteer.press("Người dân nhờ hỗ trợ tại nhà")
    async with database.sessions() as db:
        request = await db.scalar(select(FollowUp))
        assert request.status == "done" and request.phone is None


async def test_a_first_message_asking_for_a_home_visit_starts_the_request(chat, demo):
    text = await chat.send("nho to den nha ho tro")
    assert "hỏi mình cách dùng VNeID" in text  # the welcome speaks to residents too
    assert "chưa có câu trả lời" not in text
    assert "Tổ dân phố số 1 (demo)" in text  # straight to "which group do you live in"


async def test_a_ward_entry_not_written_yet_says_so_once(chat, demo):
    await chat.send("xin chao")
    text = await chat.send("dia chi uy ban phuong o dau")
    assert "chưa cập nhật" in text
    assert "chưa có câu trả lời chắc chắn" not in text


async def test_stray_replies_are_not_kept_as_questions(chat, demo, database):
    await chat.send("xin chao")
    await chat.press("Hỏi đáp")
    for stray in ("co", "🙏🙏🙏", "toi khong"):
        await chat.send(stray)
    async with database.sessions() as db:
        kept = list(await db.scalars(select(UnansweredQuestion.question)))
    assert kept == []


# -- what a message is before it is a question (issue 14) --------------------------------------


async def test_thanks_get_a_warm_word_and_are_not_kept_as_questions(chat, demo, database):
    await chat.send("xin chao")
    await chat.send("kich hoat vneid")  # an answer, then the person thanks
    for thanks in (
        "cảm ơn",
        "ok",
        "em cảm ơn ạ 😊",
        "cam on nhieu nha",
        "🙏",
        "thanks a lot",
        "cam onn nhieuu",
    ):
        text = await chat.send(thanks)
        assert t("vi", "hd-thanks") in text, thanks
    await chat.send("menu")
    for thanks in ("cảm ơn bạn nhiều", "oke"):
        assert t("vi", "hd-thanks") in await chat.send(thanks)
    async with database.sessions() as db:
        assert list(await db.scalars(select(UnansweredQuestion))) == []


async def test_asking_for_help_at_home_in_ones_own_words_starts_the_visit_request(chat, demo):
    await chat.send("xin chao")
    for request in (
        "nhờ người đến nhà chỉ giúp",
        "tôi già rồi không biết dùng điện thoại, có ai giúp tôi không",
        "cho nguoi toi nha bac voi",
    ):
        text = await chat.send(request)
        assert t("vi", "hd-visit-ask-group") in text or t("vi", "hd-ask-ward") in text, request
        await chat.send("huỷ")


async def test_a_question_with_a_menu_word_is_answered_not_taken_as_the_button(chat, demo):
    await chat.send("xin chao")
    text = await chat.send("hướng dẫn cài vneid trên điện thoại")
    assert "App Store" in text and "Nguồn:" in text


async def test_a_scam_told_as_a_how_to_question_gets_the_scam_warning(chat, demo):
    await chat.send("xin chao")
    text = await chat.send(
        "có tin nhắn bảo tải app dịch vụ công mới để cập nhật thông tin, làm sao tải"
    )
    assert "VNeID giả gửi qua đường link" in text  # the warning, first
    assert "Cài ứng dụng VNeID đúng cách" not in text  # not the install steps


async def test_teen_code_and_new_topics_find_their_entries(chat, demo):
    await chat.send("xin chao")
    for question, title in (
        ("ko dang nhap dc vneid, quen mk r", "Quên mật khẩu hoặc passcode VNeID"),
        ("lam can cuoc cho con 5 tuoi the nao", "Làm thẻ căn cước cho con dưới 14 tuổi"),
        (
            "mat the can cuoc roi lam lai o dau",
            "Mất, hỏng, hết hạn hoặc sai thông tin thẻ căn cước",
        ),
        ("nop phat nguoi online duoc ko", "phạt nguội"),
    ):
        text = await chat.send(question)
        assert title in text, (question, text)


async def test_an_answer_that_refers_to_another_offers_it_as_a_button(chat, demo):
    await chat.send("xin chao")
    text = await chat.send("dang nhap dich vu cong bang vneid")
    assert "xem mục Quên mật khẩu VNeID" in text
    text = await chat.press("Quên mật khẩu hoặc passcode VNeID")
    assert "Quên mật khẩu hoặc passcode VNeID" in text and "Nguồn:" in text
    # That answer refers to another in turn; thanks then clears what it offered.
    assert "📖 Đổi số điện thoại hoặc đổi máy dùng VNeID" in chat.labels()
    await chat.send("cảm ơn nhé")
    assert not any(label.startswith("📖") for label in chat.labels())


async def test_staff_teach_a_missed_question_in_chat(make_chat, demo, database):
    resident = make_chat("r1", channel="web")
    await resident.send("xin chao")
    await resident.send("bà hỏi cái thẻ xanh của ông nhà đi viện dùng sao")
    staff = make_chat("s1")
    await staff.send(f"/start {demo.invites[Role.STAFF].code}")
    await staff.press("Đồng ý")
    text = await staff.send("/daybot")
    assert "thẻ xanh" in text
    await staff.press("thẻ xanh")
    text = await staff.send("bao hiem y te tren vneid")  # words to find the entry
    assert "Thêm giấy tờ vào ví VNeID" in text
    text = await staff.press("Thêm giấy tờ vào ví VNeID")
    assert "Đã dạy bot" in text
    assert t("vi", "teach-none", days=30) in await staff.send("/daybot")
    other = make_chat("r2", channel="web")
    await other.send("xin chao")
    answer = await other.send("ba hoi cai the xanh cua ong nha di vien dung sao")
    assert "Thêm giấy tờ vào ví VNeID" in answer
    volunteer = make_chat("v1")
    await volunteer.send(f"/start {demo.invites[Role.VOLUNTEER].code}")
    await volunteer.press("Đồng ý")
    assert "cán bộ phường" in await volunteer.send("/daybot")


async def test_an_answer_resting_on_a_rule_names_it_with_its_source(chat, demo):
    await chat.send("xin chao")
    text = await chat.send("chuyen tien tren 10 trieu bi bat xac thuc khuon mat")
    assert "Căn cứ: Quyết định 2345/QĐ-NHNN" in text
    assert "Nguồn: https://uongbi.gov.vn/" in text and "Rà soát: 28/11/2026" in text


async def test_punctuation_alone_is_not_said_to_be_noted(chat, demo, database):
    await chat.send("xin chao")
    await chat.send("cài vneid ở đâu")  # an answer, then the way on
    text = await chat.send("???")
    assert "chưa hiểu" in text and "đã ghi lại" not in text
    async with database.sessions() as db:
        assert not list(await db.scalars(select(UnansweredQuestion)))


async def test_thanks_and_questions_typed_during_a_visit_request_are_answered(chat, demo, database):
    """In the middle of the home-visit request, typed thanks get a warm word and a question
    the help desk knows gets its answer; either way the request goes on at the same step."""
    await chat.send("xin chao")
    await chat.press("Nhờ tổ đến nhà")
    group = t("vi", "hd-visit-ask-group")
    assert group in chat.text
    for thanks in ("em cảm ơn ạ 😊", "cam on chau nhieu", "Cảm ơn mấy em nhiều quá nha"):
        text = await chat.send(thanks)
        assert t("vi", "step-thanks") in text and group in text, thanks
        assert t("vi", "not-understood") not in text
    text = await chat.send("chàoooo")
    assert t("vi", "step-go-on") in text and group in text
    text = await chat.send("cảm ơn cháu, bà quên mật khẩu VNeID rồi")  # thanks, and a question
    assert "Quên mật khẩu" in text and group in text
    text = await chat.send("nộp phạt nguội trên mạng thế nào")
    assert "phạt" in text.lower() and "Nguồn:" in text  # the answer, sourced
    assert t("vi", "hd-visit-go-on") in text and group in text  # then the same step
    # "Thôi cảm ơn" (never mind) is told the way out, and the question comes again.
    text = await chat.send("thôi cảm ơn")
    assert t("vi", "step-never-mind") in text and group in text
    # An answer asked as a question picks the choice, not the ward office's hours.
    await chat.press("Tổ dân phố số 1")
    text = await chat.send("buổi chiều được không?")
    assert "Giờ làm việc" not in text and t("vi", "not-understood") not in text
    assert "Tổ có thể gọi điện cho bạn" in text  # the next step: the time was taken
    # Said politely, a choice is still a choice: "dạ không ạ" is "no phone".
    await chat.send("dạ không ạ")
    # The request still finishes as usual, and nothing typed was kept as a question.
    assert "yêu cầu số 1" in await chat.press("Gửi yêu cầu")
    async with database.sessions() as db:
        assert list(await db.scalars(select(UnansweredQuestion))) == []


async def test_a_volunteer_saying_ok_at_a_button_step_is_told_to_tap_not_scolded(make_chat, demo):
    volunteer = make_chat("v1")
    await volunteer.join(demo.invites[Role.VOLUNTEER].code)
    await volunteer.press("Ghi buổi")
    question = volunteer.replies[-1].text
    text = await volunteer.send("ok")
    assert t("vi", "step-go-on") in text and question in text
    assert t("vi", "not-understood") not in text
    text = await volunteer.send("abc xyz")  # anything else: not understood, as before
    assert t("vi", "not-understood") in text and question in text


async def test_a_first_message_that_is_a_menu_button_opens_it(make_chat, demo, database):
    for n, (typed, shown) in enumerate(
        (
            ("Hỏi đáp", "hd-ask"),
            ("hoi dap", "hd-ask"),
            ("Nhờ tổ đến nhà hỗ trợ", "hd-visit-ask-group"),
        )
    ):
        text = await make_chat(f"r{n}").send(typed)
        assert t("vi", shown) in text, typed
        assert "chưa có câu trả lời" not in text
    # One word of a button ("tôi" of "Dữ liệu của tôi") opens nothing.
    assert "không lưu thông tin cá nhân" not in await make_chat("r9").send("tôi")
    async with database.sessions() as db:
        assert list(await db.scalars(select(UnansweredQuestion))) == []


async def test_someone_old_who_cannot_use_the_phone_is_offered_a_visit_at_once(chat, demo):
    await chat.send("xin chao")
    assert t("vi", "hd-visit-ask-group") in await chat.send("tôi già không biết dùng điện thoại")


async def test_an_unsure_answer_to_someone_who_cannot_manage_alone_offers_a_visit(chat, demo):
    await chat.send("xin chao")
    # An age of 60 or more says it as well as "mắt kém" does.
    text = await chat.send("bà 78 tuổi, app ngân hàng chữ bé quá")
    assert t("vi", "hd-choose") in text
    assert t("vi", "hd-btn-handoff") in chat.labels()
    assert t("vi", "hd-visit-ask-group") in await chat.press(t("vi", "hd-btn-handoff"))
    await chat.send("huỷ")
    # An unsure answer to anyone else keeps its list short.
    assert t("vi", "hd-choose") in await chat.send("có mất phí không")
    assert t("vi", "hd-btn-handoff") not in chat.labels()
