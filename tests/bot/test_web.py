"""The web chat's HTTP API, driven the way the page drives it: what a person in a browser
would notice (the page, the replies and buttons, one chat per browser, clear errors)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from bot.conversation import MAX_TEXT_LENGTH, ConversationCore
from bot.i18n import t
from bot.web import COOKIE, MAX_BODY, make_app
from storage.db import Database
from storage.invites import display
from storage.models import Role
from storage.wards import DemoWard

MakeClient = Callable[[], Awaitable[TestClient]]


@pytest.fixture
async def server(core: ConversationCore, database: Database) -> AsyncIterator[TestServer]:
    test_server = TestServer(make_app(core, database), host="127.0.0.1")
    await test_server.start_server()
    try:
        yield test_server
    finally:
        await test_server.close()


@pytest.fixture
async def make_client(server: TestServer) -> AsyncIterator[MakeClient]:
    """A browser of its own: each client has its own cookie jar, all talk to one server."""
    clients: list[TestClient] = []

    async def make() -> TestClient:
        client = TestClient(server)
        await client.start_server()
        clients.append(client)
        return client

    try:
        yield make
    finally:
        for client in clients:
            await client.close()


@pytest.fixture
async def client(make_client: MakeClient) -> TestClient:
    return await make_client()


class WebChat:
    """One browser tab talking to the API: type text, press buttons by label."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.replies: list[dict[str, Any]] = []
        self.buttons: list[dict[str, str]] = []

    @property
    def text(self) -> str:
        return "\n".join(r["text"] for r in self.replies)

    def labels(self) -> list[str]:
        return [b["label"] for b in self.buttons]

    async def post(self, payload: dict[str, Any]) -> list[dict[str, Any]]:
        response = await self.client.post("/api/messages", json=payload)
        assert response.status == 200, await response.text()
        body = await response.json()
        self.replies = body["replies"]
        shown = [b for r in self.replies for b in r["buttons"]]
        if shown:
            self.buttons = shown
        return self.replies

    async def send(self, text: str) -> str:
        await self.post({"text": text})
        return self.text

    async def press(self, label: str) -> str:
        matches = [b for b in self.buttons if label.casefold() in b["label"].casefold()]
        assert matches, f"no button {label!r} in {self.labels()}"
        await self.post({"choice": matches[0]["id"]})
        return self.text

    async def updates(self) -> list[dict[str, Any]]:
        response = await self.client.get("/api/updates")
        assert response.status == 200
        return (await response.json())["messages"]


async def join(chat: WebChat, demo: DemoWard, role: Role, name: str) -> str:
    """Type the invite code, agree, and give a name (the web has no display name)."""
    text = await chat.send(display(demo.invites[role].code))
    assert "Bạn có đồng ý không?" in text
    text = await chat.press("Đồng ý")
    assert t("vi", "join-ask-name") in text
    return await chat.send(name)


def cookie_of(response: ClientResponse) -> str | None:
    morsel = response.cookies.get(COOKIE)
    return morsel.value if morsel is not None else None


# -- the page ---------------------------------------------------------------------------------


async def test_page_is_vietnamese_and_sets_the_chat_cookie(client: TestClient):
    response = await client.get("/")
    assert response.status == 200
    assert response.content_type == "text/html"
    html = await response.text()
    assert '<html lang="vi">' in html
    assert f"<title>{t('vi', 'web-title')}</title>" in html
    assert t("vi", "web-send") in html
    assert "{{" not in html  # every placeholder was filled in
    morsel = response.cookies[COOKIE]
    assert len(morsel.value) >= 20
    assert morsel["httponly"]
    assert morsel["samesite"] == "Lax"

    again = await client.get("/")
    assert COOKIE not in again.cookies  # the browser keeps its chat


async def test_page_in_english_on_request(client: TestClient):
    html = await (await client.get("/?lang=en")).text()
    assert '<html lang="en">' in html
    assert f"<title>{t('en', 'web-title')}</title>" in html
    assert t("en", "web-placeholder") in html


async def test_the_page_follows_the_language_chosen_in_the_chat(client: TestClient):
    """/lang in the chat switches the page's own labels too: the answer says the chat's
    language, and the page opened again comes in it."""
    chat = WebChat(client)
    await chat.send("/start")
    response = await client.post("/api/messages", json={"text": "/lang"})
    assert (await response.json())["lang"] == "vi"
    await chat.send("/lang")
    await chat.press("English")
    response = await client.post("/api/messages", json={"text": "menu"})
    assert (await response.json())["lang"] == "en"
    html = await (await client.get("/")).text()
    assert '<html lang="en">' in html
    assert f"<title>{t('en', 'web-title')}</title>" in html


async def test_unknown_page_language_falls_back_to_vietnamese(client: TestClient):
    html = await (await client.get("/?lang=fr")).text()
    assert '<html lang="vi">' in html
    assert f"<title>{t('vi', 'web-title')}</title>" in html


async def test_health(client: TestClient):
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"ok": True}


# -- talking ----------------------------------------------------------------------------------


async def test_start_gives_welcome_and_buttons(client: TestClient):
    response = await client.post("/api/messages", json={"text": "/start"})
    assert response.status == 200
    assert cookie_of(response)  # the first message starts this browser's chat
    replies = (await response.json())["replies"]
    text = "\n".join(r["text"] for r in replies)
    assert "Xin chào! Mình là Ngõ Số" in text
    buttons = [b for r in replies for b in r["buttons"]]
    assert buttons, replies
    assert all(isinstance(b["id"], str) and b["id"] for b in buttons)
    assert len({b["id"] for b in buttons}) == len(buttons)
    assert t("vi", "menu-join") in [b["label"] for b in buttons]


async def test_cookie_keeps_one_chat_per_browser(make_client: MakeClient, demo: DemoWard):
    a, b = WebChat(await make_client()), WebChat(await make_client())
    await a.send("/start")
    await b.send("/start")
    assert t("vi", "menu-join") in a.labels()
    assert t("vi", "menu-join") in b.labels()

    text = await join(a, demo, Role.VOLUNTEER, "Chị Lan")
    assert "Chào mừng bạn" in text
    assert "Chào Chị Lan!" in text

    await a.send("/start")
    assert t("vi", "menu-log") in a.labels()
    assert t("vi", "menu-join") not in a.labels()
    await b.send("/start")  # another browser, another chat: still not a member
    assert t("vi", "menu-join") in b.labels()
    assert t("vi", "menu-log") not in b.labels()
    assert "Chị Lan" not in b.text


async def test_page_cookie_is_the_chat_cookie(client: TestClient, demo: DemoWard):
    """The cookie set by GET / is the one the API uses: no second cookie on the first post."""
    page_cookie = cookie_of(await client.get("/"))
    response = await client.post("/api/messages", json={"text": "/start"})
    assert response.status == 200
    assert cookie_of(response) is None
    assert page_cookie
    chat = WebChat(client)
    await join(chat, demo, Role.VOLUNTEER, "Anh Tuấn")
    assert t("vi", "menu-log") in chat.labels()


async def test_join_and_log_a_session_with_buttons(client: TestClient, demo: DemoWard):
    chat = WebChat(client)
    await chat.send("/start")
    text = await join(chat, demo, Role.VOLUNTEER, "Chị Lan")
    assert "Chào mừng bạn! Bạn đã tham gia với vai trò thành viên tổ" in text

    assert "Bạn đã hỗ trợ việc gì?" in await chat.press(t("vi", "menu-log"))
    asked = await chat.press(t("vi", "topic-vneid"))
    assert t("vi", "counter-vneid_activated") in asked
    assert chat.labels()[:5] == ["0", "1", "2", "3", t("vi", "btn-other-number")]
    assert "thuộc nhóm nào" in await chat.press("2")
    assert "Kết quả thế nào?" in await chat.press(t("vi", "priority-elderly"))
    assert "Kiểm tra lại trước khi lưu" in await chat.press(t("vi", "outcome-resolved"))
    text = await chat.press("Lưu")
    assert "Đã lưu buổi hỗ trợ" in text
    assert f"{t('vi', 'counter-vneid_activated')}: 2" in text
    assert t("vi", "topic-vneid") in text
    assert t("vi", "priority-elderly") in text
    assert t("vi", "btn-log-another") in chat.labels()


async def test_old_button_gets_the_current_question_again(client: TestClient, demo: DemoWard):
    chat = WebChat(client)
    await chat.send("/start")
    old_join_button = next(b for b in chat.buttons if b["label"] == t("vi", "menu-join"))
    await chat.send(display(demo.invites[Role.VOLUNTEER].code))
    await chat.post({"choice": old_join_button["id"]})
    assert t("vi", "stale-button") in chat.text
    assert t("vi", "consent-agree") in chat.labels()


async def test_same_client_id_is_handled_once(client: TestClient, demo: DemoWard):
    chat = WebChat(client)
    await chat.send("/start")
    payload = {"text": display(demo.invites[Role.VOLUNTEER].code), "id": "retry-1"}
    first = await chat.post(payload)
    assert "Bạn có đồng ý không?" in "\n".join(r["text"] for r in first)
    second = await client.post("/api/messages", json=payload)
    assert second.status == 200
    # A page retrying a request whose answer was lost gets the same answer back, the same
    # button ids included: the message was not handled a second time.
    assert (await second.json())["replies"] == first
    # The conversation did not move on: the consent question is still the current one.
    assert t("vi", "join-ask-name") in await chat.press("Đồng ý")


async def test_same_id_sent_twice_at_once_is_handled_once(client: TestClient):
    """A browser retrying while its first request is still being answered."""
    await client.get("/")  # the page gave this browser its chat cookie
    payload = {"text": "/start", "id": "at-once"}
    first, second = await asyncio.gather(
        client.post("/api/messages", json=payload), client.post("/api/messages", json=payload)
    )
    assert (first.status, second.status) == (200, 200)
    answered = [(await r.json())["replies"] for r in (first, second)]
    assert answered[0] and answered[0] == answered[1]


async def test_page_language_is_the_new_chat_language(client: TestClient):
    chat = WebChat(client)
    await chat.post({"text": "/start", "lang": "en"})
    assert t("en", "menu-join") in chat.labels()
    await chat.post({"text": "/start", "lang": "vi"})  # the chat keeps the language it has
    assert t("en", "menu-join") in chat.labels()
    response = await client.post("/api/messages", json={"text": "/start", "lang": "fr"})
    assert response.status == 400 and "lang" in (await response.json())["error"]


async def test_same_id_from_another_browser_is_a_different_message(make_client: MakeClient):
    a, b = WebChat(await make_client()), WebChat(await make_client())
    assert await a.post({"text": "/start", "id": "m1"})
    assert await b.post({"text": "/start", "id": "m1"})  # ids are per chat


async def test_long_message_gets_a_clear_reply(client: TestClient):
    chat = WebChat(client)
    await chat.send("/start")
    text = await chat.send("a" * 10_000)
    assert "dài quá" in text
    assert f"{MAX_TEXT_LENGTH:,}".replace(",", ".") in text  # "2.000", Vietnamese style
    assert t("vi", "menu-join") in chat.labels()  # and the menu again


async def test_long_vietnamese_message_from_the_page_fits_the_body_limit(client: TestClient):
    """The page allows 10,000 characters; in Vietnamese (3 bytes each in UTF-8, as a browser's
    JSON.stringify sends them) that still fits the body limit and gets the "too long" reply."""
    chat = WebChat(client)
    await chat.send("/start")
    body = ('{"text": "' + "ệ" * 10_000 + '"}').encode()
    assert len(body) < MAX_BODY
    response = await client.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status == 200
    replies = (await response.json())["replies"]
    assert "dài quá" in replies[0]["text"]


# -- malformed requests -----------------------------------------------------------------------


def _json(body: str) -> dict[str, Any]:
    return {"data": body.encode(), "headers": {"Content-Type": "application/json"}}


@pytest.mark.parametrize(
    ("request_kw", "status", "reason"),
    [
        pytest.param(_json("{not json"), 400, "not valid JSON", id="not-json"),
        pytest.param(
            {"data": b'{"text": "hi"}', "headers": {"Content-Type": "text/plain"}},
            415,
            "JSON",
            id="wrong-content-type",
        ),
        pytest.param({"data": {"text": "hi"}}, 415, "JSON", id="form-body"),
        pytest.param(_json('["hi"]'), 400, "JSON object", id="array"),
        pytest.param(_json("null"), 400, "JSON object", id="null"),
        pytest.param(_json('{"text": "hi", "choice": "1:join"}'), 400, "exactly one", id="both"),
        pytest.param(_json("{}"), 400, "exactly one", id="neither"),
        pytest.param(_json('{"id": "x1"}'), 400, "exactly one", id="only-id"),
        pytest.param(_json('{"text": 5}'), 400, '"text" must be a string', id="text-number"),
        pytest.param(_json('{"text": ["hi"]}'), 400, '"text" must be a string', id="text-list"),
        pytest.param(_json('{"choice": 3}'), 400, "button id", id="choice-number"),
        pytest.param(_json('{"choice": "' + "x" * 65 + '"}'), 400, "button id", id="choice-long"),
        pytest.param(_json('{"text": "hi", "id": "a b"}'), 400, '"id"', id="id-space"),
        pytest.param(_json('{"text": "hi", "id": ""}'), 400, '"id"', id="id-empty"),
        pytest.param(_json('{"text": "hi", "id": 7}'), 400, '"id"', id="id-number"),
        pytest.param(
            _json('{"text": "hi", "id": "' + "a" * 65 + '"}'), 400, '"id"', id="id-too-long"
        ),
        pytest.param(
            {"data": b'{"text": "\xff\xfe"}', "headers": {"Content-Type": "application/json"}},
            400,
            "not valid JSON",
            id="not-utf8",
        ),
        pytest.param(
            _json('{"text": "' + "a" * (MAX_BODY + 1000) + '"}'), 413, "larger", id="too-large"
        ),
        pytest.param(_json("[" * 5000 + "]" * 5000), 400, "nested deeper", id="deep-array"),
        pytest.param(
            _json('{"text": ' + '{"a":' * 3000 + "1" + "}" * 3000 + "}"),
            400,
            "nested deeper",
            id="deep-object",
        ),
    ],
)
async def test_malformed_request_gets_json_error(
    client: TestClient, request_kw: dict[str, Any], status: int, reason: str
):
    response = await client.post("/api/messages", **request_kw)
    assert response.status == status
    assert response.content_type == "application/json"
    body = await response.json()
    assert set(body) == {"error"}
    assert reason in body["error"]
    assert "Traceback" not in body["error"]


async def test_too_large_body_without_length_gets_413(client: TestClient):
    """A chunked body (no Content-Length) over the limit is refused while it is read."""

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        for _ in range(8):
            yield b"a" * 8192
        yield b'"}'

    response = await client.post(
        "/api/messages", data=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert "larger" in (await response.json())["error"]


async def test_malformed_request_changes_nothing(client: TestClient):
    chat = WebChat(client)
    await chat.send("/start")
    bad = await client.post("/api/messages", json={"text": "hi", "choice": "1:join"})
    assert bad.status == 400
    await chat.press(t("vi", "menu-join"))  # the menu it had is still the current one
    assert t("vi", "join-ask-code") in chat.text


async def test_wrong_method_and_unknown_api_path_get_json(client: TestClient):
    response = await client.get("/api/messages")
    assert response.status == 405
    assert "error" in await response.json()
    response = await client.get("/api/nothing-here")
    assert response.status == 404
    assert "error" in await response.json()


# -- messages the bot sends on its own ----------------------------------------------------------


async def test_updates_without_a_chat_are_empty(client: TestClient):
    response = await client.get("/api/updates")
    assert response.status == 200
    assert await response.json() == {"messages": []}


async def test_leader_gets_new_member_notice_through_updates(
    make_client: MakeClient, demo: DemoWard
):
    leader, volunteer = WebChat(await make_client()), WebChat(await make_client())
    await leader.send("/start")
    text = await join(leader, demo, Role.LEADER, "Anh Tuấn")
    assert "tổ trưởng" in text
    assert await leader.updates() == []

    await volunteer.send("/start")
    text = await join(volunteer, demo, Role.VOLUNTEER, "Chị Lan")
    assert "Chào mừng bạn" in text
    assert await volunteer.updates() == []  # the notice is for the leader only

    messages = await leader.updates()
    assert len(messages) == 1
    assert "Chị Lan vừa tham gia" in messages[0]["text"]
    assert "Tổ dân phố số 1 (demo)" in messages[0]["text"]
    assert messages[0]["buttons"] == []
    assert await leader.updates() == []  # fetched once, delivered


async def test_files_are_served_only_behind_a_valid_link(
    client: TestClient, core: ConversationCore
) -> None:
    name = core.files.save(b"\x89PNG fake chart", "chart.png")
    link = core.files.link(name)
    response = await client.get(link)
    assert response.status == 200
    assert await response.read() == b"\x89PNG fake chart"
    assert "inline" in response.headers["Content-Disposition"]
    forged = link[: link.index("&s=") + 3] + "0" * 32
    assert (await client.get(forged)).status == 404
    assert (await client.get(link.split("?")[0])).status == 404
    xlsx = core.files.link(core.files.save(b"PK", "tuan.xlsx"))
    response = await client.get(xlsx)
    assert response.headers["Content-Disposition"].startswith("attachment")


# -- the web chat is not an open door -------------------------------------------------------


async def test_a_cookie_the_server_did_not_make_is_ignored(
    make_client: MakeClient, demo: DemoWard
) -> None:
    """Session fixation: the browser cannot choose its chat id; made-up and altered cookies
    are both a new stranger's chat, with a new id from the server."""
    first = WebChat(await make_client())
    await join(first, demo, Role.VOLUNTEER, "Chị Lan")
    real = first.client.session.cookie_jar.filter_cookies(first.client.make_url("/"))[COOKIE]
    chat_id, kind, signature = real.value.split(".")
    assert kind == "m"
    for forged in (
        "a" * 32,  # an id of the attacker's choosing, unsigned
        f"{chat_id}.m.{'0' * 32}",  # the member's id with a made-up signature
        f"{chat_id}.g.{signature}",  # the signature of another value
    ):
        intruder = await make_client()
        intruder.session.cookie_jar.update_cookies({COOKIE: forged})
        response = await intruder.post("/api/messages", json={"text": "/thongke"})
        text = "\n".join(r["text"] for r in (await response.json())["replies"])
        assert "Chị Lan" not in text and "tham gia" in text.casefold()
        issued = cookie_of(response)
        assert issued is not None and not issued.startswith(chat_id)


async def test_joining_a_role_gives_the_chat_a_new_id(
    make_client: MakeClient, demo: DemoWard
) -> None:
    """A cookie known before joining (planted in a shared browser) is worthless after."""
    browser = await make_client()
    planted = cookie_of(await browser.get("/"))
    assert planted is not None and planted.split(".")[1] == "g"
    chat = WebChat(browser)
    await chat.send(display(demo.invites[Role.STAFF].code))
    await chat.press("Đồng ý")
    response = await browser.post("/api/messages", json={"text": "Anh Minh"})
    renewed = cookie_of(response)
    assert renewed is not None and renewed.split(".")[1] == "m"
    assert renewed.split(".")[0] != planted.split(".")[0]
    assert "Chào Anh Minh" in await chat.send("/menu")  # the staff member goes on as before

    attacker = await make_client()
    attacker.session.cookie_jar.update_cookies({COOKIE: planted})
    response = await attacker.post("/api/messages", json={"text": "/menu"})
    text = "\n".join(r["text"] for r in (await response.json())["replies"])
    assert "Anh Minh" not in text and "Gửi thông báo" not in text


async def test_guessing_codes_from_one_address_is_limited_whatever_the_cookie(
    make_client: MakeClient, settings, demo: DemoWard
) -> None:
    settings.max_wrong_codes_per_address_per_hour = 3
    for n in range(3):
        fresh = WebChat(await make_client())  # a new cookie for every guess
        assert "không đúng" in (await fresh.send(f"ZZZZ-ZZZ{n + 2}")).casefold()
    fresh = WebChat(await make_client())
    assert "Bạn đã nhập sai mã quá nhiều lần" in await fresh.send("ZZZZ-ZZZ9")
    # Even the right code waits now, from this address.
    assert "Bạn đã nhập sai mã quá nhiều lần" in await fresh.send(
        display(demo.invites[Role.VOLUNTEER].code)
    )


async def test_a_guessing_storm_slows_every_guess_and_warns_the_admin(
    make_client: MakeClient, settings, demo: DemoWard, caplog: pytest.LogCaptureFixture
) -> None:
    # A pause far longer than a message takes even on a busy machine, so the test reads
    # "was it held back" and not a timing target.
    pause = 1.5
    settings.wrong_codes_alarm = 4
    settings.slow_guess_seconds = pause
    settings.max_wrong_codes_per_address_per_hour = 100
    loop = asyncio.get_running_loop()
    took = []
    for n in range(6):
        chat = WebChat(await make_client())
        started = loop.time()
        await chat.send(f"ZZZZ-YYY{n + 2}")
        took.append(loop.time() - started)
    assert all(t < pause for t in took[:4]) and all(t >= pause for t in took[4:])
    warnings = [r for r in caplog.records if "being guessed" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelname == "WARNING"
    # A question that is no code is never held back.
    started = loop.time()
    await WebChat(await make_client()).send("cài vneid thế nào")
    assert loop.time() - started < pause


@pytest.mark.parametrize("path", ["/", "/api/updates", "/static/chat.js", "/files/x/y.png"])
async def test_every_response_carries_the_security_headers(client: TestClient, path: str):
    response = await client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert "frame-ancestors 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


async def test_the_page_runs_no_inline_script(client: TestClient):
    html = await (await client.get("/")).text()
    scripts = html.split("<script")[1:]
    assert scripts and all('src="' in s.split(">")[0] or "application/json" in s for s in scripts)


async def test_a_ward_may_allow_its_portal_to_frame_the_chat(client: TestClient, settings):
    settings.web_frame_ancestors = "'self' https://lechan.haiphong.gov.vn"
    response = await client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://lechan.haiphong.gov.vn" in csp
    # Inside the portal's frame the chat keeps its cookie: SameSite=None, so Secure.
    morsel = response.cookies[COOKIE]
    assert morsel["samesite"] == "None" and morsel["secure"]


async def test_a_page_opened_again_goes_on_where_the_chat_was(
    client: TestClient, demo: DemoWard
) -> None:
    response = await client.post("/api/resume")  # a browser that never chatted: welcome
    assert "Xin chào! Mình là Ngõ Số" in (await response.json())["replies"][0]["text"]
    chat = WebChat(client)
    await chat.send(display(demo.invites[Role.VOLUNTEER].code))
    await chat.press("Đồng ý")
    body = await (await client.post("/api/resume")).json()
    assert t("vi", "join-ask-name") in body["replies"][-1]["text"] and body["lang"] == "vi"
    assert "Xin chào" not in body["replies"][-1]["text"]
    # The name typed in the reopened page is taken as the name, not as a question.
    assert "Chào mừng bạn!" in await chat.send("Chị Lan")


async def test_a_chat_from_before_signed_cookies_is_taken_over_once(
    make_client: MakeClient, demo: DemoWard, database: Database
) -> None:
    """A member who joined before cookies were signed keeps their chat after the upgrade:
    the old unsigned id is taken over under a new signed one, then worth nothing."""
    from storage import conversations

    browser = await make_client()
    chat = WebChat(browser)
    await join(chat, demo, Role.VOLUNTEER, "Chị Lan")
    signed = browser.session.cookie_jar.filter_cookies(browser.make_url("/"))[COOKIE].value
    legacy = "L" * 32  # as an older version would have left it
    async with database.sessions() as db, db.begin():
        await conversations.move_chat(db, "web", signed.split(".")[0], legacy)

    upgraded = await make_client()
    upgraded.session.cookie_jar.update_cookies({COOKIE: legacy})
    response = await upgraded.post("/api/messages", json={"text": "/menu"})
    assert "Chào Chị Lan" in "\n".join(r["text"] for r in (await response.json())["replies"])
    renewed = cookie_of(response)
    assert renewed is not None and renewed.split(".")[1] == "m" and not renewed.startswith(legacy)

    again = await make_client()  # the old value a second time: a stranger
    again.session.cookie_jar.update_cookies({COOKIE: legacy})
    response = await again.post("/api/messages", json={"text": "/menu"})
    assert "Chị Lan" not in "\n".join(r["text"] for r in (await response.json())["replies"])


async def test_behind_a_trusted_proxy_each_visitor_has_its_own_guessing_limit(
    make_client: MakeClient, settings, demo: DemoWard
) -> None:
    settings.max_wrong_codes_per_address_per_hour = 2
    settings.web_trusted_proxy = True

    async def guess(address: str, code: str) -> str:
        client = await make_client()
        response = await client.post(
            "/api/messages", json={"text": code}, headers={"X-Forwarded-For": address}
        )
        return "\n".join(r["text"] for r in (await response.json())["replies"])

    for n in range(2):
        await guess("198.51.100.1, 203.0.113.7", f"ZZZZ-XXX{n + 2}")
    assert "quá nhiều lần" in await guess("203.0.113.7", "ZZZZ-XXX7")
    assert "quá nhiều lần" not in await guess("203.0.113.8", "ZZZZ-XXX8")  # someone else
    # An IPv6 visitor hopping within its /64 is still one visitor.
    for n in range(2):
        await guess(f"2001:db8:1:2::{n + 1}", f"ZZZZ-WWW{n + 2}")
    assert "quá nhiều lần" in await guess("2001:db8:1:2:ffff::9", "ZZZZ-WWW9")


async def test_a_malformed_request_line_gets_400_and_no_traceback_in_the_log(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write("GET /quan-ly/ä%zz HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    await writer.drain()
    answer = await reader.read(100)
    writer.close()
    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400")
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
