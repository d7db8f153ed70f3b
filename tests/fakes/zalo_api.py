"""A fake Zalo Bot Platform on 127.0.0.1: JSON requests, answers that are always decided by
`ok` (errors come with HTTP 200), getUpdates that returns one update or error 408, and
injected faults."""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.server import Call, FakeBotApi


@dataclass
class Fault:
    code: int
    http_status: int = 200
    delay: float = 0.0


class FakeZalo(FakeBotApi):
    secret_header = "X-Bot-Api-Secret-Token"

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.faults: dict[str, list[Fault]] = {}
        self._ids = itertools.count(1)

    def fail(self, method: str, code: int, times: int = 1, **kw: Any) -> None:
        self.faults.setdefault(method, []).extend(Fault(code, **kw) for _ in range(times))

    def update(
        self, user: str, text: str | None = None, event: str = "message.text.received", **kw: Any
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": f"zm{next(self._ids)}",
            "date": int(time.time() * 1000),
            "chat": {"id": user, "chat_type": "PRIVATE"},
            "from": {"id": user, "display_name": "Cô Hoa", "is_bot": False},
            **kw,
        }
        if text is not None:
            message["text"] = text
        return {"event_name": event, "message": message}

    async def _endpoint(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "bad token"})
        method = request.match_info["method"]
        params = await request.json() if request.can_read_body else {}
        faults = self.faults.get(method)
        fault = faults.pop(0) if faults else None
        if fault is not None and fault.code == 200:  # slow, then fine
            await asyncio.sleep(fault.delay)
            fault = None
        if fault is not None:
            await asyncio.sleep(fault.delay)
            self.calls.append(Call(f"{method}!{fault.code}", params))
            body = {"ok": False, "error_code": fault.code, "description": f"error {fault.code}"}
            if fault.http_status >= 500:
                return web.Response(status=fault.http_status, text="<html>Bad Gateway</html>")
            return web.json_response(body, status=fault.http_status)
        if method != "getUpdates":
            self.calls.append(Call(method, params))
        if method == "getUpdates":
            if not self.updates:
                self._new_update.clear()
                try:
                    await asyncio.wait_for(
                        self._new_update.wait(), min(params.get("timeout", 0), 0.5)
                    )
                except TimeoutError:
                    return web.json_response(
                        {"ok": False, "error_code": 408, "description": "timeout"}
                    )
            # One update per call, no offset: the platform's way.
            return web.json_response({"ok": True, "result": self.updates.pop(0)})
        if method == "getMe":
            return web.json_response({"ok": True, "result": {"id": "b1", "account_name": "ngoso"}})
        result = {"message_id": f"bm{next(self._ids)}", "date": int(time.time() * 1000)}
        return web.json_response({"ok": True, "result": result})
