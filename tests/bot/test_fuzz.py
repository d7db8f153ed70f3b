"""Hostile input, generated: whatever a stranger sends to the web API or, with the right
secret, to a webhook, the answer is never a 5xx and no traceback reaches the log. Bounded:
a few hundred generated requests per run (Hypothesis keeps the failing ones it finds)."""

from __future__ import annotations

import copy
import json
import logging
import os
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import Application
from bot.config import Settings
from bot.menu import Choice, Menu, resolve_text
from bot.text import clean_text, fold, personal_data_kind, strip_personal_data
from storage.db import Database
from storage.wards import DemoWard
from tests.bot.channels.conftest import running
from tests.bot.channels.test_telegram import SECRET as TELEGRAM_SECRET
from tests.bot.channels.test_telegram import telegram_settings
from tests.bot.channels.test_zalo import SECRET as ZALO_SECRET
from tests.bot.channels.test_zalo import zalo_settings
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo

# NGOSO_FUZZ_SCALE=30 makes a long run (for a release, not for every `make test`).
SCALE = max(1, int(os.environ.get("NGOSO_FUZZ_SCALE", "1")))
FUZZ = settings(
    max_examples=300 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as strangers send it: any code point, lone surrogates and invisible ones included.
TEXT = st.text(
    st.one_of(
        st.characters(codec=None),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.sampled_from("\u200b\u2060\ufeff\u202e\x00\x1b０９"),
    ),
    max_size=60,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Log records a stranger's input must never cause: errors and tracebacks."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.ERROR or r.exc_info is not None
    ]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON value (dict keys and list indexes)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


def mutate(update: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """A real update with a few of its fields removed or replaced by anything at all."""
    update = copy.deepcopy(update)
    for _ in range(data.draw(st.integers(1, 4))):
        places = paths(update)
        if not places:
            break
        place = data.draw(st.sampled_from(places))
        parent: Any = update
        for step in place[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[place[-1]]
        else:
            parent[place[-1]] = data.draw(JSON)
    return update


# -- the web chat API ----------------------------------------------------------------------


@pytest.fixture
async def web_client(
    settings: Settings, database: Database, demo: DemoWard
) -> AsyncIterator[TestClient]:
    app = Application(settings, database.clock)
    server = TestServer(app.web, host="127.0.0.1")
    client = TestClient(server)
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()
        await app.db.close()


BODIES = st.one_of(
    JSON.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {},
        optional={"text": JSON, "choice": JSON, "id": JSON, "lang": JSON},
    ).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"text": TEXT}).map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),
)


@FUZZ
@given(body=BODIES, cookie=st.one_of(st.none(), st.text(max_size=80)))
async def test_web_api_never_fails_on_what_a_stranger_sends(
    web_client: TestClient, caplog: pytest.LogCaptureFixture, body: bytes, cookie: str | None
) -> None:
    caplog.clear()
    headers = {"Content-Type": "application/json"}
    if cookie is not None and cookie.isascii() and cookie.isprintable() and ";" not in cookie:
        headers["Cookie"] = f"ngoso_chat={cookie}"
    response = await web_client.post("/api/messages", data=body, headers=headers)
    assert response.status < 500
    payload = await response.json()
    assert ("error" in payload) == (response.status >= 400)
    assert tracebacks(caplog) == []


@FUZZ
@given(
    token=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=16, max_size=64),
    name=TEXT,
    expires=TEXT,
    signature=TEXT,
)
async def test_file_links_never_fail(
    web_client: TestClient,
    caplog: pytest.LogCaptureFixture,
    token: str,
    name: str,
    expires: str,
    signature: str,
) -> None:
    caplog.clear()
    response = await web_client.get(
        f"/files/{token}/x.png", params={"e": clean_text(expires), "s": clean_text(signature)}
    )
    assert response.status == 404
    assert tracebacks(caplog) == []


# -- the webhooks --------------------------------------------------------------------------


@pytest.fixture
async def telegram_hook(
    settings: Settings, demo: DemoWard
) -> AsyncIterator[tuple[FakeTelegram, str, Application]]:
    token = "123456:TEST-token-abcdefghijklmnop"
    async with FakeTelegram(token) as fake:
        extra = telegram_settings(
            settings,
            fake,
            telegram_mode="webhook",
            telegram_webhook_secret=TELEGRAM_SECRET,
            public_base_url="https://ngoso.example.vn",
        )
        async with running(settings, **extra) as app:
            yield fake, f"http://127.0.0.1:{app.port}/telegram/webhook", app


def telegram_updates(fake: FakeTelegram) -> list[dict[str, Any]]:
    text = fake.text_update(5001, "xin chào")
    press = {
        "update_id": 900001,
        "callback_query": {
            "id": "77",
            "from": fake.user(5001),
            "chat_instance": "1",
            "data": "3:log",
            "message": {**text["message"], "from": fake.user(1, "bot")},
        },
    }
    blocked = {
        "update_id": 900002,
        "my_chat_member": {
            "chat": {"id": 5001, "type": "private"},
            "from": fake.user(5001),
            "date": 1764200000,
            "old_chat_member": {"user": fake.user(1, "bot"), "status": "member"},
            "new_chat_member": {"user": fake.user(1, "bot"), "status": "kicked"},
        },
    }
    return [text, press, blocked]


@settings(FUZZ, max_examples=150 * SCALE)
@given(data=st.data())
async def test_telegram_webhook_drops_malformed_updates_quietly(
    telegram_hook: tuple[FakeTelegram, str, Application],
    caplog: pytest.LogCaptureFixture,
    data: st.DataObject,
) -> None:
    fake, hook, app = telegram_hook
    caplog.clear()
    update = mutate(data.draw(st.sampled_from(telegram_updates(fake))), data)
    async with ClientSession() as http:
        async with http.post(
            hook,
            data=json.dumps(update),
            headers={
                "Content-Type": "application/json",
                "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET,
            },
        ) as response:
            assert response.status == 200
    for channel in app.channels:
        await channel.settle()
    assert tracebacks(caplog) == []


@pytest.fixture
async def zalo_hook(settings: Settings, demo: DemoWard) -> AsyncIterator[tuple[str, Application]]:
    async with FakeZalo("3712345678:zalo-TEST-token-xyz") as fake:
        extra = zalo_settings(
            fake,
            zalo_mode="webhook",
            zalo_webhook_secret=ZALO_SECRET,
            public_base_url="https://ngoso.example.vn",
        )
        async with running(settings, **extra) as app:
            yield f"http://127.0.0.1:{app.port}/zalo/webhook", app


@settings(FUZZ, max_examples=150 * SCALE)
@given(data=st.data(), wrapped=st.booleans())
async def test_zalo_webhook_drops_malformed_updates_quietly(
    zalo_hook: tuple[str, Application],
    caplog: pytest.LogCaptureFixture,
    data: st.DataObject,
    wrapped: bool,
) -> None:
    hook, app = zalo_hook
    caplog.clear()
    base = {
        "event_name": "message.text.received",
        "message": {
            "message_id": "zm1",
            "date": 1764200000000,
            "chat": {"id": "u-fuzz", "chat_type": "PRIVATE"},
            "from": {"id": "u-fuzz", "display_name": "Cô Hoa", "is_bot": False},
            "text": "xin chào",
        },
    }
    update: Any = mutate(base, data)
    body = {"ok": True, "result": update} if wrapped else update
    async with ClientSession() as http:
        async with http.post(
            hook,
            data=json.dumps(body),
            headers={"Content-Type": "application/json", "X-Bot-Api-Secret-Token": ZALO_SECRET},
        ) as response:
            assert response.status == 200
    for channel in app.channels:
        await channel.settle()
    assert tracebacks(caplog) == []


# -- the text normaliser -------------------------------------------------------------------

MENU = Menu(
    1,
    [
        Choice("vneid", "VNeID", ("dinh danh",)),
        Choice("dvc", "Dịch vụ công", ("dvc",)),
        Choice("2026-11-22", "Chủ Nhật 22/11"),
    ],
    multi=True,
)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_text_normaliser_takes_anything(text: str) -> None:
    cleaned = clean_text(text)
    cleaned.encode("utf-8")  # storable: no lone surrogates
    folded = fold(cleaned)
    assert fold(folded) == folded
    assert personal_data_kind(strip_personal_data(cleaned)) is None
    keys = resolve_text(MENU, cleaned)
    assert set(keys) <= {"vneid", "dvc", "2026-11-22"}
