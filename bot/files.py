"""Files the bot makes (charts, spreadsheets), kept on disk and handed out by signed,
expiring links. Telegram gets the bytes; Zalo and the web chat get a link, since Zalo cannot
send documents and fetches photos by URL."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_NAME = re.compile(r"^[A-Za-z0-9_-]{16,64}/[A-Za-z0-9._-]{1,120}$")


class BadLink(Exception):
    """A file link that is malformed, forged or expired."""


def safe_filename(filename: str) -> str:
    """An ASCII file name any phone can save: 'Tuần 47.xlsx' -> 'Tu-n-47.xlsx'."""
    stem = _UNSAFE.sub("-", filename).strip("-.") or "file"
    return stem[:120]


class FileStore:
    def __init__(
        self,
        root: Path,
        secret: str = "",
        ttl_hours: int = 168,
        *,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.root = Path(root)
        self.clock = clock
        self.ttl = ttl_hours * 3600
        self._secret = (secret or self._stored_secret()).encode()

    def _stored_secret(self) -> str:
        """With no LINK_SECRET set, one random secret kept next to the files, so links
        survive a restart."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / ".secret"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
        return path.read_text().strip()

    def save(self, data: bytes, filename: str, *, ward_id: int | None = None) -> str:
        """Store `data`; returns its name in the store ("<random>/<filename>"). A file about
        one ward (a report: it names the ward's members) says so in its folder's name, so
        `forget_ward` can find it."""
        folder = secrets.token_urlsafe(18)
        if ward_id is not None:
            folder = f"w{ward_id}-{folder}"
        name = f"{folder}/{safe_filename(filename)}"
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        # Its age is told by the application's clock, like every other time (see prune).
        made = self._now()
        os.utime(path, (made, made))
        return name

    def path(self, name: str) -> Path:
        if not _NAME.match(name):
            raise BadLink(name)
        return self.root / name

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def _now(self) -> float:
        return self.clock().timestamp()

    def signature(self, message: str) -> str:
        """The deployment's signature of `message` (file links, web chat cookies)."""
        return hmac.new(self._secret, message.encode(), hashlib.sha256).hexdigest()[:32]

    def _sign(self, name: str, expires: int) -> str:
        return self.signature(f"{name}:{expires}")

    def link(self, name: str, base_url: str = "", now: float | None = None) -> str:
        """A link to the file, good for `ttl_hours`."""
        expires = int((now if now is not None else self._now()) + self.ttl)
        query = f"e={expires}&s={self._sign(name, expires)}"
        return f"{base_url.rstrip('/')}/files/{quote(name)}?{query}"

    def check(self, name: str, expires: str, signature: str, now: float | None = None) -> Path:
        """The file behind a link, or BadLink when it is forged, expired or gone."""
        try:
            exp = int(expires)
        except ValueError as exc:
            raise BadLink(name) from exc
        # compare_digest takes ASCII text only: anything else is no signature of ours.
        if not signature.isascii() or not hmac.compare_digest(self._sign(name, exp), signature):
            raise BadLink(name)
        if exp < (now if now is not None else self._now()):
            raise BadLink(name)
        path = self.path(name)
        if not path.is_file():
            raise BadLink(name)
        return path

    def forget_ward(self, ward_id: int) -> int:
        """Delete every file made about the ward (when one of its members is erased, the
        reports that name them go; any report can be made again). Returns how many went."""
        dropped = 0
        for folder in self.root.glob(f"w{ward_id}-*"):
            dropped += sum(1 for _ in folder.iterdir())
            shutil.rmtree(folder)
        return dropped

    def prune(self, older_than_hours: int | None = None) -> int:
        """Delete files older than the link lifetime; returns how many went."""
        limit = self._now() - (older_than_hours * 3600 if older_than_hours else self.ttl)
        dropped = 0
        if not self.root.exists():
            return 0
        for folder in self.root.iterdir():
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.stat().st_mtime < limit:
                    path.unlink()
                    dropped += 1
            if not any(folder.iterdir()):
                folder.rmdir()
        return dropped
