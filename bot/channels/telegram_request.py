"""python-telegram-bot's requests made with aiohttp, through the library's own extension
point (`telegram.request.BaseRequest`, "can be implemented via different asyncio HTTP
libraries"). aiohttp already serves our web pages; one kept-alive session of it costs a Bot
API call about a third of the CPU time of the default httpx client, and a button press makes
three calls (the press answered, the menu edited, the answer sent): see
`bench/bench_channels.py`."""

from __future__ import annotations

from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


def _given(value: Any, default: float | None) -> float | None:
    """A timeout passed to a call, or this request's default when none was."""
    return default if value is BaseRequest.DEFAULT_NONE else value


class AiohttpRequest(BaseRequest):
    """One aiohttp session with up to `connection_pool_size` connections kept alive."""

    __slots__ = ("_connect", "_media_write", "_pool", "_read", "_session", "_size", "_write")

    def __init__(
        self,
        connection_pool_size: int = 1,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._size = connection_pool_size
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._size),
                headers={"User-Agent": self.USER_AGENT},
                # HTTPS_PROXY and the like, as httpx reads them: where Telegram is reached
                # only through a proxy, it is the operator's environment that says so.
                trust_env=True,
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized")
        files = request_data is not None and request_data.contains_files
        data: aiohttp.FormData | dict[str, str] | None = None
        if request_data is not None:
            data = request_data.json_parameters
            if files:
                # File names as they are (httpx does not percent-encode them either).
                form = aiohttp.FormData(quote_fields=False)
                for name, value in data.items():
                    form.add_field(name, value)
                for name, (filename, content, mime) in request_data.multipart_data.items():
                    form.add_field(name, content, filename=filename, content_type=mime)
                data = form
        read = _given(read_timeout, self._read)
        write = _given(write_timeout, self._media_write if files else self._write)
        connect = _given(connect_timeout, self._connect)
        pool = _given(pool_timeout, self._pool)
        # aiohttp has no write timeout of its own, and its pool wait is part of connecting:
        # the whole call is bounded by all four added (no bound if any is None, as httpx).
        parts = (pool, connect, write, read)
        total = None if any(p is None for p in parts) else sum(p for p in parts if p is not None)
        timeout = aiohttp.ClientTimeout(
            total=total,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as res:
                return res.status, await res.read()
        except TimeoutError as exc:  # asyncio's own since Python 3.11
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
