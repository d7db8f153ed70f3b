"""The aiohttp web server: the web chat page and its small JSON API.

One chat per browser, kept in a cookie that only the server makes: the chat id, whether the
chat belongs to a member, and the server's signature over both. A made-up or altered cookie
is ignored (a new chat begins), and a chat that joins a role gets a new id, so an id that
someone else knew before (a cookie planted in a shared browser) is worth nothing after.
The API answers every malformed request with a 4xx and a reason; the conversation core
answers everything else. Every response carries the security headers (CSP without inline
script, frame-ancestors from WEB_FRAME_ANCESTORS, nosniff, a referrer policy)."""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import ipaddress
import json
import logging
import re
import secrets
import uuid
from importlib import resources
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot import dashboard
from bot.channels import json_body
from bot.config import Settings
from bot.conversation import ConversationCore, Standing
from bot.core import Incoming, Kind
from bot.files import BadLink, FileStore
from bot.i18n import LANGUAGES, t
from storage import conversations, invites, outbox
from storage.db import Database

log = logging.getLogger(__name__)

CHANNEL = "web"
COOKIE = "ngoso_chat"
MAX_BODY = 32 * 1024
# "<chat id>.<g|m>.<signature>": g for a guest's chat, m once it belongs to a member.
_COOKIE = re.compile(r"^([A-Za-z0-9_-]{20,40})\.([gm])\.([0-9a-f]{32})$")
# The unsigned chat id of versions before signing: adopted once, for a chat that exists.
_LEGACY = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
WEB_KEYS = ("web-title", "web-placeholder", "web-send", "web-offline", "web-intro")

CORE_KEY = web.AppKey("core", ConversationCore)
DB_KEY = web.AppKey("db", Database)
SETTINGS_KEY = web.AppKey("settings", Settings)


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _sign(request: web.Request, chat_id: str, member: bool) -> str:
    kind = "m" if member else "g"
    return request.app[CORE_KEY].files.signature(f"web-chat:{chat_id}:{kind}")


def _chat(request: web.Request) -> tuple[str, bool] | None:
    """(chat id, belongs to a member) from the cookie, if the server made it."""
    found = _COOKIE.match(request.cookies.get(COOKIE, ""))
    if found is None:
        return None
    chat_id, member = found[1], found[2] == "m"
    if not hmac.compare_digest(found[3], _sign(request, chat_id, member)):
        return None
    return chat_id, member


async def _current_chat(request: web.Request) -> tuple[str, bool, bool] | None:
    """(chat id, belongs to a member, the cookie must be issued again) of this browser.
    A cookie from before signing names a chat that existed then: that chat is taken over
    under a new id nobody knew (the old one is worth nothing after); any other unsigned
    value is ignored."""
    chat = _chat(request)
    if chat is not None:
        return chat[0], chat[1], False
    legacy = request.cookies.get(COOKIE, "")
    if not _LEGACY.match(legacy):
        return None
    core, db = request.app[CORE_KEY], request.app[DB_KEY]
    async with core.chat_lock(CHANNEL, legacy):
        async with db.sessions() as session, session.begin():
            state, member = await conversations.load(session, CHANNEL, legacy, legacy)
            if not state.stored:
                return None
            is_member = member is not None
            new_id = _new_chat_id()
            await conversations.move_chat(session, CHANNEL, legacy, new_id)
    return new_id, is_member, True


async def _rotate_if_joined(
    request: web.Request, chat_id: str, was_member: bool, standing: Standing | None = None
) -> tuple[str, str | None, bool]:
    """After a message: (chat id, language, is a member), from `standing` (what the core
    says the message left) or else read again. A chat that has just joined a role gets a new
    id, under the chat's lock so no message of it is handled meanwhile."""
    core, db = request.app[CORE_KEY], request.app[DB_KEY]
    if standing is not None and standing.member == was_member:
        return chat_id, standing.language, standing.member  # the usual case: nothing to do
    async with core.chat_lock(CHANNEL, chat_id):
        async with db.sessions() as session:
            language, is_member = await conversations.standing(session, CHANNEL, chat_id)
        if is_member and not was_member:
            new_id = _new_chat_id()
            async with db.sessions() as session, session.begin():
                if await conversations.move_chat(session, CHANNEL, chat_id, new_id):
                    chat_id = new_id
    return chat_id, language, is_member


def _new_chat_id() -> str:
    return secrets.token_urlsafe(24)


def _set_cookie(
    request: web.Request, response: web.StreamResponse, chat_id: str, member: bool = False
) -> None:
    settings = request.app[SETTINGS_KEY]
    # Framed in a ward's portal (another site), the browser sends the cookie only when it
    # is SameSite=None, which browsers accept only when Secure (HTTPS). Cross-site posts
    # still cannot speak for the chat: the API takes JSON only, which needs a CORS
    # permission that this server never gives.
    framed = any(
        source not in ("'self'", "'none'") for source in settings.web_frame_ancestors.split()
    )
    response.set_cookie(
        COOKIE,
        f"{chat_id}.{'m' if member else 'g'}.{_sign(request, chat_id, member)}",
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="None" if framed else "Lax",
        secure=settings.web_cookie_secure or framed,
    )


def client_address(request: web.Request) -> str | None:
    """Who is asking, for the guessing limits: the peer's address, or behind a trusted
    proxy the last address it added to X-Forwarded-For. An IPv6 client counts by its /64
    (one home or phone gets a whole /64 and may hop within it)."""
    address = request.remote
    if request.app[SETTINGS_KEY].web_trusted_proxy:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        address = forwarded or address
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address[:64] if address else None
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class GuessGuard:
    """Slows invite-code guessing across the whole bot: past `wrong_codes_alarm` wrong codes
    in ten minutes, every code typed in the web chat is answered only after a pause, and
    the administrator is warned in the log (once a minute at most). Checked before the core,
    outside any transaction."""

    WINDOW = dt.timedelta(minutes=10)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._warned_at: dt.datetime | None = None
        # In a storm, guesses wait one after another: parallel requests gain nothing.
        self._one_at_a_time = asyncio.Lock()

    async def pause_if_storm(self, db: Database, text: str) -> None:
        if invites.find(text) is None or self.settings.slow_guess_seconds <= 0:
            return
        now = db.clock()
        async with db.sessions() as session:
            wrong = await invites.wrong_codes_everywhere(session, now - self.WINDOW)
        if wrong < self.settings.wrong_codes_alarm:
            return
        if self._warned_at is None or now - self._warned_at >= dt.timedelta(minutes=1):
            self._warned_at = now
            log.warning(
                "invite codes are being guessed: %d wrong codes in 10 minutes; every code "
                "typed in the web chat now waits %.0fs",
                wrong,
                self.settings.slow_guess_seconds,
            )
        async with self._one_at_a_time:
            await asyncio.sleep(self.settings.slow_guess_seconds)


GUARD_KEY = web.AppKey("guard", GuessGuard)


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
    chat = await _current_chat(request)
    lang = asked if asked in LANGUAGES else await _chat_language(request, chat and chat[0])
    lang = lang if lang in LANGUAGES else "vi"
    strings = {language: {key: t(language, key) for key in WEB_KEYS} for language in LANGUAGES}
    html = resources.files("bot").joinpath("static/chat.html").read_text(encoding="utf-8")
    html = html.replace("{{LANG}}", lang).replace("{{TITLE}}", strings[lang]["web-title"])
    # A JSON data block, never run as script; "</" escaped so no label can close it.
    data = json.dumps(strings, ensure_ascii=False).replace("</", "<\\/")
    html = html.replace("{{STRINGS}}", data)
    response = web.Response(text=html, content_type="text/html")
    if chat is None:
        _set_cookie(request, response, _new_chat_id())
    elif chat[2]:
        _set_cookie(request, response, chat[0], chat[1])
    return response


async def script(request: web.Request) -> web.Response:
    text = resources.files("bot").joinpath("static/chat.js").read_text(encoding="utf-8")
    return web.Response(
        text=text,
        content_type="application/javascript",
        headers={"Cache-Control": "no-cache"},
    )


async def resume(request: web.Request) -> web.Response:
    """A page opened again: the question the chat is at, asked again (the welcome for a
    chat that never began), so it goes on instead of starting over."""
    chat = await _current_chat(request)
    chat_id, was_member = (chat[0], chat[1]) if chat is not None else (_new_chat_id(), False)
    incoming = Incoming(
        channel=CHANNEL,
        chat_id=chat_id,
        user_id=chat_id,
        message_id=f"resume-{uuid.uuid4().hex}",
        kind=Kind.RESUME,
    )
    replies, standing = await request.app[CORE_KEY].handle_standing(incoming)
    chat_id, language, is_member = await _rotate_if_joined(request, chat_id, was_member, standing)
    files = request.app[CORE_KEY].files
    response = web.json_response(
        {"replies": [_for_browser(files, r.to_dict()) for r in replies], "lang": language}
    )
    if chat is None or chat[2] or (chat_id, is_member) != chat[:2]:
        _set_cookie(request, response, chat_id, is_member)
    return response


async def post_message(request: web.Request) -> web.Response:
    """{"text": "..."} or {"choice": "<button id>"}, with an optional client "id" so that
    a retried request is handled once."""
    if request.content_type != "application/json":
        return _error(415, "send JSON (Content-Type: application/json)")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return _error(413, f"the request is larger than {MAX_BODY} bytes")
    try:
        # Read as UTF-8 whatever charset the header claims (JSON is UTF-8; a made-up
        # charset must not reach a decoder lookup).
        body: Any = json_body((await request.read()).decode("utf-8"))
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

    chat = await _current_chat(request)
    chat_id, was_member = (chat[0], chat[1]) if chat is not None else (_new_chat_id(), False)
    if text is not None:
        await request.app[GUARD_KEY].pause_if_storm(request.app[DB_KEY], text)
    incoming = Incoming(
        channel=CHANNEL,
        chat_id=chat_id,
        user_id=chat_id,
        message_id=message_id,
        text=text,
        choice_id=choice,
        kind=Kind.CHOICE if choice is not None else Kind.TEXT,
        language=language,
        origin=client_address(request),
    )
    replies, standing = await request.app[CORE_KEY].handle_standing(incoming, replay=True)
    # Joined a role just now: from here on the chat has an id nobody knew before.
    chat_id, chat_language, is_member = await _rotate_if_joined(
        request, chat_id, was_member, standing
    )
    files = request.app[CORE_KEY].files
    response = web.json_response(
        {
            "replies": [_for_browser(files, r.to_dict()) for r in replies],
            # So the page's own labels follow a /lang made in the chat.
            "lang": chat_language,
        }
    )
    if chat is None or chat[2] or (chat_id, is_member) != chat[:2]:
        _set_cookie(request, response, chat_id, is_member)
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
    chat = _chat(request)
    if chat is None:
        return web.json_response({"messages": []})
    chat_id = chat[0]
    async with request.app[DB_KEY].sessions() as db, db.begin():
        messages = await outbox.take_for_chat(db, CHANNEL, chat_id)
    files = request.app[CORE_KEY].files
    return web.json_response({"messages": [_for_browser(files, m) for m in messages]})


FILE_TYPES = {
    ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


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
            # Named here: a server's own list of types may not know the office formats.
            "Content-Type": FILE_TYPES.get(path.suffix.lower(), "application/octet-stream"),
            "Content-Disposition": f'{disposition}; filename="{path.name}"',
            "Cache-Control": "private, max-age=3600",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def health(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


@web.middleware
async def security_headers(request: web.Request, handler: Any) -> web.StreamResponse:
    """What every response carries: no inline script may run, only the ward's own sites
    may frame the chat, no type sniffing, no full addresses (signed links) in referrers."""
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
        _add_security_headers(request, response)
        raise
    _add_security_headers(request, response)
    return response


def _add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    frames = request.app[SETTINGS_KEY].web_frame_ancestors.strip() or "'none'"
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors {frames}",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")


@web.middleware
async def errors_as_json(request: web.Request, handler: Any) -> web.StreamResponse:
    """No traceback ever reaches a browser: API errors become JSON with a reason."""
    ward_pages = request.path.startswith(dashboard.HOME)
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if request.path.startswith("/api/"):
            return _error(exc.status, exc.reason or "error")
        if ward_pages and exc.status in (404, 405):
            # The ward's pages say it in their own words, in Vietnamese.
            return request.app[dashboard.DASH_KEY].message(request, None, "not-found", 404)
        raise
    except Exception:
        log.exception("web request failed: %s %s", request.method, request.path)
        if ward_pages:
            return request.app[dashboard.DASH_KEY].message(request, None, "error", 500)
        return _error(500, "internal error")


class _MalformedRequests(logging.Filter):
    """A request line or header no HTTP parser can read (raw bytes in a URL, a broken
    header) is a stranger's input: aiohttp answers 400; the log gets one line, never its
    traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError):
            record.msg, record.args = "malformed HTTP request refused (400)", ()
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


_MALFORMED = _MalformedRequests()


def make_app(core: ConversationCore, db: Database) -> web.Application:
    server_log = logging.getLogger("aiohttp.server")
    if _MALFORMED not in server_log.filters:
        server_log.addFilter(_MALFORMED)
    app = web.Application(client_max_size=MAX_BODY, middlewares=[security_headers, errors_as_json])
    app[CORE_KEY] = core
    app[DB_KEY] = db
    app[SETTINGS_KEY] = core.settings
    app[GUARD_KEY] = GuessGuard(core.settings)
    app.router.add_get("/", page)
    app.router.add_get("/static/chat.js", script)
    app.router.add_post("/api/resume", resume)
    app.router.add_post("/api/messages", post_message)
    app.router.add_get("/api/updates", get_updates)
    app.router.add_get("/healthz", health)
    app.router.add_get("/files/{token}/{filename}", get_file)
    dashboard.setup(app, DB_KEY, core)
    return app
