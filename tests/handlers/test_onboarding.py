"""Joining with an invite code, consent, language, seeing and erasing one's data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from storage import invites, outbox
from storage.invites import display
from storage.models import (
    AuditEntry,
    Conversation,
    Invite,
    Member,
    OutboxMessage,
    Role,
    SupportSession,
)


async def count(database, model) -> int:
    async with database.sessions() as db:
        return await db.scalar(select(func.count()).select_from(model))


async def join(chat, demo, role=Role.VOLUNTEER) -> None:
    await chat.join(demo.invites[role].code)


async def test_first_message_gets_welcome_and_resident_menu(chat):
    text = await chat.send("xin chao")
    assert "Ngõ Số" in text
    assert "Tham gia tổ bằng mã mời" in chat.labels()
    assert "Ghi buổi hỗ trợ" not in chat.labels()


async def test_join_with_code_after_consent(chat, demo, database):
    text = await chat.send(display(demo.invites[Role.VOLUNTEER].code).lower())
    assert "Bạn có đồng ý không?" in text
    assert "Tổ dân phố số 1 (demo)" in text
    assert await count(database, Member) == 0  # nothing stored before consent
    text = await chat.press("Đồng ý")
    assert "Chào mừng bạn" in text
    assert "Ghi buổi hỗ trợ" in chat.labels()
    async with database.sessions() as db:
        member = await db.scalar(select(Member))
        assert member.role == Role.VOLUNTEER
        assert member.display_name == "Chị Lan"
        assert member.consent_at is not None
        invite = await db.get(Invite, demo.invites[Role.VOLUNTEER].id)
        assert invite.used_count == 1


async def test_a_forwarded_invite_message_works(make_chat, demo):
    leader = make_chat("leader")
    await leader.join(demo.invites[Role.LEADER].code)
    forwarded = await leader.press("Mời thành viên")
    newcomer = make_chat("new")
    assert "Bạn có đồng ý không?" in await newcomer.send(forwarded)


async def test_deep_link_start_payload_joins(chat, demo):
    text = await chat.send(f"/start {demo.invites[Role.STAFF].code}")
    assert "cán bộ phường" in text
    await chat.press("Đồng ý")
    assert "Xem số liệu" in chat.labels()
    assert "Ghi buổi hỗ trợ" not in chat.labels()  # staff do not log sessions


async def test_declining_consent_stores_nothing(chat, demo, database):
    await chat.send(display(demo.invites[Role.VOLUNTEER].code))
    text = await chat.press("Không đồng ý")
    assert "không lưu gì" in text
    assert await count(database, Member) == 0
    async with database.sessions() as db:
        invite = await db.get(Invite, demo.invites[Role.VOLUNTEER].id)
        assert invite.used_count == 0


async def test_wrong_expired_and_used_up_codes_each_explained(chat, demo, database):
    await chat.send("/start")
    await chat.press("Tham gia")
    assert "không đúng" in await chat.send("ABCD-EFGH")
    assert "không phải mã mời" in await chat.send("xin chao ban")
    async with database.sessions() as db, db.begin():
        old = await invites.create(
            db,
            role=Role.VOLUNTEER,
            ward_id=demo.ward.id,
            group_id=None,
            days=1,
            now=chat.now - dt.timedelta(days=3),
        )
        used = await invites.create(
            db, role=Role.VOLUNTEER, ward_id=demo.ward.id, group_id=None, max_uses=1
        )
        used.used_count = 1
    assert "hết hạn" in await chat.send(display(old.code))
    assert "dùng hết" in await chat.send(display(used.code))


async def test_repeated_wrong_codes_are_slowed_down(chat, demo):
    for _ in range(5):
        await chat.send("/start ABCDEFGH")
    text = await chat.send(f"/start {demo.invites[Role.VOLUNTEER].code}")
    assert "quá nhiều lần" in text  # even the right code waits
    chat.now += dt.timedelta(minutes=61)
    text = await chat.send(f"/start {demo.invites[Role.VOLUNTEER].code}")
    assert "Bạn có đồng ý không?" in text


async def test_questions_typed_at_the_code_step_are_not_guesses(chat, demo):
    """Only what could be a code counts towards the limit: a resident who typed questions
    where the bot asked for a code is not locked out, and "huy" takes them back."""
    await chat.send("/start")
    await chat.press("Tham gia")
    for question in ("cach cai vneid", "toi muon hoi", "lam sao dang ky", "xin chao", "??", "a"):
        assert "không phải mã mời" in await chat.send(question)
    assert "Đã huỷ việc đang làm" in await chat.send("huy")
    text = await chat.send(demo.invites[Role.VOLUNTEER].code)
    assert "Bạn có đồng ý không?" in text


async def test_invite_use_limit_is_kept(make_chat, demo, database):
    async with database.sessions() as db, db.begin():
        single = await invites.create(
            db,
            role=Role.VOLUNTEER,
            ward_id=demo.ward.id,
            group_id=demo.invites[Role.VOLUNTEER].group_id,
            max_uses=1,
        )
    first, second = make_chat("a"), make_chat("b")
    await first.send(single.code)
    await second.send(single.code)
    await first.press("Đồng ý")
    assert "dùng hết" in await second.press("Đồng ý")
    assert await count(database, Member) == 1


async def test_ward_wide_invite_asks_for_the_group(chat, demo, database):
    async with database.sessions() as db, db.begin():
        ward_wide = await invites.create(
            db, role=Role.VOLUNTEER, ward_id=demo.ward.id, group_id=None, max_uses=5
        )
    await chat.send(ward_wide.code)
    text = await chat.press("Đồng ý")
    assert "tổ dân phố / thôn nào" in text
    assert chat.labels() == [
        "Tổ dân phố số 1 (demo)",
        "Tổ dân phố số 2 (demo)",
        "Tổ dân phố số 3 (demo)",
    ]
    await chat.send("to dan pho so 2")
    async with database.sessions() as db:
        member = await db.scalar(select(Member))
        assert member.group_id is not None
    assert "Tổ dân phố số 2 (demo)" in chat.text


async def test_web_user_without_name_is_asked_one(core, demo, database):
    from tests.conftest import Chat

    chat = Chat(core, user="webuser-token-0123456789", name="", channel="web")
    await chat.send(demo.invites[Role.VOLUNTEER].code)
    assert "gọi bạn là gì" in await chat.press("Đồng ý")
    assert "từ 2 đến 50" in await chat.send("A")
    assert "số điện thoại" in await chat.send("Lan 0912345678")
    assert "Chào mừng" in await chat.send("Cô Hoa")
    async with database.sessions() as db:
        assert (await db.scalar(select(Member))).display_name == "Cô Hoa"


async def test_language_switch_and_english_menu(chat, demo, database):
    await join(chat, demo)
    text = await chat.send("/lang")
    assert "Which language?" in text
    text = await chat.press("English")
    assert "Switched to English" in text
    assert "Log a support session" in chat.labels()
    async with database.sessions() as db:
        assert (await db.scalar(select(Member))).language == "en"


async def test_language_of_non_member_is_remembered(chat):
    await chat.send("/ngonngu")
    await chat.send("english")
    assert "Join a team with an invite code" in chat.labels()
    await chat.send("/start")
    assert "Join a team with an invite code" in chat.labels()


async def test_my_data_shows_what_is_held(chat, demo):
    assert "không lưu thông tin cá nhân" in await chat.send("/mydata")
    await join(chat, demo)
    text = await chat.send("/dulieu")
    assert "Chị Lan" in text and "thành viên tổ" in text and "Tổ dân phố số 1" in text
    for label in ("Ghi buổi", "Dịch vụ công", "1", "cao tuổi", "Đã xong", "ghi chú"):
        await chat.press(label)
    await chat.send("can scan giay to")
    await chat.press("Lưu")
    text = await chat.send("/dulieu")
    assert "Số buổi hỗ trợ bạn đã ghi: 1" in text
    assert "Dịch vụ công trực tuyến, 1 người (can scan giay to)" in text


async def test_forgetme_erases_identity_and_keeps_anonymous_counts(chat, demo, database):
    await join(chat, demo)
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong", "ghi chú"):
        await chat.press(label)
    await chat.send("huong dan cai dat lai")
    await chat.press("Lưu")
    text = await chat.send("/xoadulieu")
    assert "Xoá dữ liệu của bạn?" in text
    text = await chat.press("Có, xoá")
    assert "Đã xoá" in text and "1 buổi" in text
    assert await count(database, Member) == 0
    assert await count(database, Conversation) == 0  # where the chat was is erased too
    async with database.sessions() as db:
        session = await db.scalar(select(SupportSession))
        assert session.member_id is None and session.note is None
        assert session.ward_id == demo.ward.id  # ward totals unchanged
        actions = set(await db.scalars(select(AuditEntry.action)))
        assert "member.erased" in actions
    # After erasure the person is a stranger again.
    assert "Tham gia tổ bằng mã mời" in chat.labels()


async def test_forgetme_withdraws_waiting_messages_that_name_the_person(make_chat, demo, database):
    leader = make_chat("tuan", name="Anh Tuấn")
    await leader.join(demo.invites[Role.LEADER].code)
    lan = make_chat("lan", name="Chị Lan Nguyễn")
    await lan.join(demo.invites[Role.VOLUNTEER].code)  # Tuấn's notice waits in the outbox
    async with database.sessions() as db:
        (notice,) = await db.scalars(select(OutboxMessage).where(OutboxMessage.chat_id == "tuan"))
        assert "Chị Lan Nguyễn" in str(notice.payload)
    await lan.send("/xoadulieu")
    await lan.press("Có, xoá")
    async with database.sessions() as db:
        (notice,) = await db.scalars(select(OutboxMessage).where(OutboxMessage.chat_id == "tuan"))
        assert notice.status == "withdrawn" and "Lan" not in str(notice.payload)
        assert await outbox.take_for_chat(db, "telegram", "tuan", now=lan.now) == []


async def test_forgetme_can_be_refused(chat, demo, database):
    await join(chat, demo)
    await chat.send("/forgetme")
    assert "Không xoá gì" in await chat.press("Không")
    assert await count(database, Member) == 1


async def test_leader_is_notified_when_a_volunteer_joins(make_chat, demo, database):
    from storage.models import OutboxMessage

    leader, volunteer = make_chat("leader"), make_chat("vol", name="Anh Tuấn")
    await join(leader, demo, Role.LEADER)
    await join(volunteer, demo, Role.VOLUNTEER)
    async with database.sessions() as db:
        queued = list(await db.scalars(select(OutboxMessage)))
    assert len(queued) == 1
    assert queued[0].chat_id == "leader"
    assert "Anh Tuấn vừa tham gia" in queued[0].payload["text"]


async def test_leader_invites_a_volunteer_in_chat(make_chat, demo):
    leader = make_chat("leader")
    await join(leader, demo, Role.LEADER)
    text = await leader.press("Mời thành viên")
    code = text.split(": ")[1].split()[0]
    # The code stays on the screen: one short button, not the whole main menu after it.
    assert leader.labels() == ["☰ Menu"]
    assert "Ghi buổi hỗ trợ" in await leader.press("Menu") and len(leader.labels()) > 3
    await leader.press("Mời thành viên")
    assert "Bạn đã hỗ trợ việc gì?" in await leader.send("ghi buoi")  # typed works there too
    newcomer = make_chat("new")
    assert "thành viên tổ" in await newcomer.send(code)
    assert "Chào mừng" in await newcomer.press("Đồng ý")


async def test_staff_invites_a_leader_for_a_group(make_chat, demo):
    staff = make_chat("staff")
    await join(staff, demo, Role.STAFF)
    await staff.press("Mời tổ trưởng")
    text = await staff.press("số 3")
    assert "tổ trưởng" in text and "Tổ dân phố số 3 (demo)" in text


async def test_help_lists_the_commands_of_each_role(make_chat, demo) -> None:
    resident = make_chat("resident")
    assert "/nhohotro" in await resident.send("/trogiup")
    assert "/hanbaocao" not in resident.text
    staff = make_chat("staff")
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.send("Anh Minh")
    text = await staff.send("/help")
    assert "/hanbaocao" in text and "/thongbao" in text
    leader = make_chat("leader")
    await leader.join(demo.invites[Role.LEADER].code)
    await leader.send("/lang")
    await leader.press("English")
    assert "/submitted" in await leader.send("/help")
