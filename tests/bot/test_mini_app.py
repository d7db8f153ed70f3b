"""The ward's pages opened inside Telegram (a Mini App), signed in by the launch data
Telegram signs with the bot's token; and the button that opens them."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from bot.channels.telegram import check_init_data, keyboard
from bot.config import Settings
from bot.core import Reply
from storage import wards
from storage.models import AuditEntry, Member, Role
from tests.bot.test_web import make_client, server  # noqa: F401  (fixtures)
from tests.conftest import START

TOKEN = "1000:mini-app-test"


def signed(user_id: int, at: dt.datetime, token: str = TOKEN, **extra: str) -> str:
    """Launch data as Telegram makes it: fields, then the hash of their sorted lines."""
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps({"id": user_id, "first_name": "Hà"}, ensure_ascii=False),
        "auth_date": str(int(at.timestamp())),
        **extra,
    }
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    lines = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    fields["hash"] = hmac.new(secret, lines.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The tests' settings, for a bot on Telegram behind https."""
    return settings.model_copy(
        update={"telegram_bot_token": TOKEN, "public_base_url": "https://ngoso.example.vn"}
    )


def test_only_launch_data_signed_with_this_bots_token_and_fresh_is_believed() -> None:
    now = START
    assert check_init_data(signed(42, now), TOKEN, now) == 42
    assert check_init_data(signed(42, now, signature="abc"), TOKEN, now) == 42
    assert check_init_data(signed(42, now, token="999:other"), TOKEN, now) is None
    tampered = signed(42, now).replace("%22id%22%3A+42", "%22id%22%3A+43")
    assert tampered != signed(42, now) and check_init_data(tampered, TOKEN, now) is None
    assert check_init_data(signed(42, now - dt.timedelta(hours=2)), TOKEN, now) is None
    for bad in ("", "hash=", "a=b&hash=zz", "%%%", "x" * 5000, signed(42, now) + "&hash=1"):
        assert check_init_data(bad, TOKEN, now) is None
    assert check_init_data(signed(42, now), "", now) is None  # no bot set up: nobody


async def test_staff_on_telegram_open_the_pages_inside_telegram(
    make_client,  # noqa: F811
    demo,
    database,
):
    async with database.sessions() as db, db.begin():
        group = (await wards.groups_of(db, demo.ward.id))[0]
        for user, role in ((7001, Role.STAFF), (7002, Role.VOLUNTEER)):
            db.add(
                Member(
                    channel="telegram",
                    channel_user_id=str(user),
                    display_name=f"Người {user}",
                    role=role,
                    ward_id=demo.ward.id,
                    group_id=None if role == Role.STAFF else group.id,
                    consent_at=START,
                )
            )
    phone = await make_client()
    page = await phone.get("/quan-ly/telegram")
    assert page.status == 200 and "/quan-ly/telegram.js" in await page.text()
    response = await phone.post("/quan-ly/telegram/vao", json={"init_data": signed(7001, START)})
    assert response.status == 200 and (await response.json())["go"] == "/quan-ly"
    # Behind https the cookie is Secure (this test talks plain http: it sends it by hand).
    assert "Secure" in response.headers["Set-Cookie"]
    cookie = response.cookies["ngoso_quanly"].value
    overview = await phone.get("/quan-ly", headers={"Cookie": f"ngoso_quanly={cookie}"})
    assert overview.status == 200 and "Người 7001" in await overview.text()
    # A volunteer, a stranger, forged or stale data, or no JSON at all: no session.
    for body in (
        {"init_data": signed(7002, START)},
        {"init_data": signed(9999, START)},
        {"init_data": signed(7001, START, token="999:other")},
        {"init_data": signed(7001, START - dt.timedelta(days=1))},
        {"init_data": 12},
        [],
    ):
        other = await make_client()
        refused = await other.post("/quan-ly/telegram/vao", json=body)
        assert refused.status == 403 and "Set-Cookie" not in refused.headers
    bad = await (await make_client()).post("/quan-ly/telegram/vao", data=b"not json")
    assert bad.status == 403
    async with database.sessions() as db:
        vias = [
            e.detail.get("via")
            for e in await db.scalars(select(AuditEntry))
            if e.action == "web.sign_in"
        ]
    assert vias == ["telegram"]


def test_the_link_reply_on_telegram_carries_a_mini_app_button() -> None:
    reply = Reply(
        "Mở trang quản lý",
        opens="https://ngoso.example.vn/quan-ly/telegram",
        opens_label="Mở trong Telegram",
    )
    markup = keyboard(reply)
    assert markup is not None
    (button,) = markup.inline_keyboard[0]
    assert button.web_app is not None and button.web_app.url.endswith("/quan-ly/telegram")
    # Telegram opens only https pages: a local http address gets no such button.
    assert keyboard(Reply("x", opens="http://127.0.0.1:8080/quan-ly/telegram")) is None
    assert Reply.from_dict(reply.to_dict()).opens == reply.opens


async def test_a_leader_on_telegram_is_offered_the_pages_inside_telegram(core, demo) -> None:
    from storage.invites import display
    from tests.conftest import Chat

    leader = Chat(core, user="555", channel="telegram")
    await leader.send(f"/start {display(demo.invites[Role.LEADER].code)}")
    await leader.press("Đồng ý")
    if leader.buttons and any("Tổ" in b.label for b in leader.buttons):
        await leader.press(leader.buttons[0].label)
    await leader.send("/trangquanly")
    (offered,) = [r for r in leader.replies if r.opens]
    assert offered.opens == "https://ngoso.example.vn/quan-ly/telegram"
    assert "https://ngoso.example.vn/quan-ly/vao?t=" in offered.text  # the link as well
    web = Chat(core, user="556", channel="web")
    await web.send(display(demo.invites[Role.LEADER].code))
    await web.press("Đồng ý")
    await web.send("Anh Nam")
    if web.buttons and any("Tổ" in b.label for b in web.buttons):
        await web.press(web.buttons[0].label)
    await web.send("/trangquanly")
    assert "/quan-ly/vao?t=" in web.text and not any(r.opens for r in web.replies)
