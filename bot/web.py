"""The aiohttp web server: the web chat page and its small JSON API.

One chat per browser, kept in a cookie. The API answers every malformed request with a 4xx
and a reason; the conversation core answers everything else."""

from __future__ import annotations

import json
import logging
import re
import secrets
import uuid
from importlib import resources
from typing import Any

from aiohttp import web

from bot.channels import json_body
from bot.conversation import ConversationCore
from bot.core import Incoming, Kind
from bot.files import BadLink, FileStore
from bot.i18n import LANGUAGES, t
from storage import conversations, outbox
from storage.db import Database

log = logging.getLogger(__name__)

CHANNEL = "web"
COOKIE = "ngoso_chat"
MAX_BODY = 32 * 1024
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
WEB_KEYS = ("web-title", "web-placeholder", "web-send", "web-offline", "web-intro")

CORE_KEY = web.AppKey("core", ConversationCore)
DB_KEY = web.AppKey("db", Database)
SECURE_KEY = web.AppKey("secure_cookie", bool)


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _chat_id(request: web.Request) -> str | None:
    token = request.cookies.get(COOKIE, "")
    return token if _TOKEN.match(token) else None


def _set_cookie(request: web.Request, response: web.StreamResponse, token: str) -> None:
    response.set_cookie(
        COOKIE,
        token,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request.app[SECURE_KEY],
    )


async def _chat_language(request: web.Request, chat_id: str | None) -> str | None:
    if chat_id is None:
        return None
    async with request.app[DB_KEY].sessions() as db:
        return await conversations.language_of(db, CHANNEL, chat_id)


async def page(request: web.Request) -> web.Response:
    """The chat page: in ?lang= if given, else in the language the chat chose (/lang), else
    in Vietnamese. The page carries its labels in every language and follows a /lang change
    made in the chat (the API says the chat's language with every answer)."""
    asked = request.query.get("lang")
    lang = asked if asked in LANGUAGES else await _chat_language(request, _chat_id(request))
    lang = lang if lang in LANGUAGES else "vi"
    strings = {language: {key: t(language, key) for key in WEB_KEYS} for language in LANGUAGES}
    html = resources.files("bot").joinpath("static/chat.html").read_text(encoding="utf-8")
    html = html.replace("{{LANG}}", lang).replace("{{TITLE}}", strings[lang]["web-title"])
    html = html.replace("{{STRINGS}}", json.dumps(strings, ensure_ascii=False))
    response = web.Response(text=html, content_type="text/html")
    if _chat_id(request) is None:
        _set_cookie(request, response, secrets.token_urlsafe(24))
    return response


async def post_message(request: web.Request) -> web.Response:
    """{"text": "..."} or {"choice": "<button id>"}, with an optional client "id" so that
    a retried request is handled once."""
    if request.content_type != "application/json":
        return _error(415, "send JSON (Content-Type: application/json)")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return _error(413, f"the request is larger than {MAX_BODY} bytes")
    try:
        body: Any = json_body(await request.text())
    except UnicodeDecodeError:
        return _error(400, "the body is not valid JSON (not UTF-8)")
    except ValueError as exc:
        return _error(400, f"the body is not valid JSON: {exc}")
    except web.HTTPRequestEntityTooLarge:
        return _error(413, f"the request is larger than {MAX_BODY} bytes")
    if not isinstance(body, dict):
        return _error(400, "the body must be a JSON object")
    text, choice, message_id = body.get("text"), body.get("choice"), body.get("id")
    language = body.get("lang")
    if language is not None and language not in LANGUAGES:
        return _error(400, f'"lang" must be one of {", ".join(LANGUAGES)}')
    if (text is None) == (choice is None):
        return _error(400, 'give exactly one of "text" or "choice"')
    if text is not None and not isinstance(text, str):
        return _error(400, '"text" must be a string')
    if choice is not None and (not isinstance(choice, str) or len(choice) > 64):
        return _error(400, '"choice" must be a button id')
    if message_id is None:
        message_id = uuid.uuid4().hex
    elif not isinstance(message_id, str) or not _MESSAGE_ID.match(message_id):
        return _error(400, '"id" must be 1-64 letters, digits, "-" or "_"')

    chat_id = _chat_id(request)
    new_cookie = chat_id is None
    if chat_id is None:
        chat_id = secrets.token_urlsafe(24)
    incoming = Incoming(
        channel=CHANNEL,
        chat_id=chat_id,
        user_id=chat_id,
        message_id=message_id,
        text=text,
        choice_id=choice,
        kind=Kind.CHOICE if choice is not None else Kind.TEXT,
        language=language,
    )
    replies = await request.app[CORE_KEY].handle(incoming, replay=True)
    files = request.app[CORE_KEY].files
    response = web.json_response(
        {
            "replies": [_for_browser(files, r.to_dict()) for r in replies],
            # So the page's own labels follow a /lang made in the chat.
            "lang": await _chat_language(request, chat_id),
        }
    )
    if new_cookie:
        _set_cookie(request, response, chat_id)
    return response


def _for_browser(files: FileStore, message: dict[str, Any]) -> dict[str, Any]:
    """A reply as the page shows it: attachments get a signed link."""
    attachments = message.get("attachments")
    if not attachments:
        return message
    linked = [{**a, "url": files.link(a["name"])} for a in attachments]
    return {**message, "attachments": linked}


async def get_updates(request: web.Request) -> web.Response:
    """Messages the bot sent this chat on its own since the last call."""
    chat_id = _chat_id(request)
    if chat_id is None:
        return web.json_response({"messages": []})
    async with request.app[DB_KEY].sessions() as db, db.begin():
        messages = await outbox.take_for_chat(db, CHANNEL, chat_id)
    files = request.app[CORE_KEY].files
    return web.json_response({"messages": [_for_browser(files, m) for m in messages]})


async def get_file(request: web.Request) -> web.StreamResponse:
    """A chart or spreadsheet behind a signed link; 404 for a forged or expired one."""
    name = f"{request.match_info['token']}/{request.match_info['filename']}"
    try:
        path = request.app[CORE_KEY].files.check(
            name, request.query.get("e", ""), request.query.get("s", "")
        )
    except BadLink:
        raise web.HTTPNotFound(reason="this link is wrong or has expired") from None
    disposition = "inline" if path.suffix.lower() in (".png", ".jpg", ".jpeg") else "attachment"
    return web.FileResponse(
        path,
        headers={
            "Content-Disposition": f'{disposition}; filename="{path.name}"',
            "Cache-Control": "private, max-age=3600",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def health(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


@web.middleware
async def errors_as_json(request: web.Request, handler: Any) -> web.StreamResponse:
    """No traceback ever reaches a browser: API errors become JSON with a reason."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if request.path.startswith("/api/"):
            return _error(exc.status, exc.reason or "error")
        raise
    except Exception:
        log.exception("web request failed: %s %s", request.method, request.path)
        return _error(500, "internal error")


def make_app(
    core: ConversationCore, db: Database, *, secure_cookie: bool = False
) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY, middlewares=[errors_as_json])
    app[CORE_KEY] = core
    app[DB_KEY] = db
    app[SECURE_KEY] = secure_cookie
    app.router.add_get("/", page)
    app.router.add_post("/api/messages", post_message)
    app.router.add_get("/api/updates", get_updates)
    app.router.add_get("/healthz", health)
    app.router.add_get("/files/{token}/{filename}", get_file)
    return app
