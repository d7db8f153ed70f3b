"""Settings, read from the environment or a `.env` file (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Embedded default: one SQLite file under ./data. PostgreSQL: postgresql+asyncpg://...
    database_url: str = Field(default="sqlite+aiosqlite:///data/ngoso.db")
    host: str = "127.0.0.1"
    port: int = 8080
    # Create a demo ward with invite codes when the database holds no ward at all.
    seed_demo: bool = True
    default_language: str = "vi"
    # A conversation left half-way for this long starts over, with a note.
    conversation_timeout_minutes: int = 30
    # Wrong invite codes allowed from one chat per hour before it has to wait, and from one
    # client address (a web browser that keeps clearing its cookie; an office behind one
    # address shares it, hence the larger number).
    max_wrong_codes_per_hour: int = 5
    max_wrong_codes_per_address_per_hour: int = Field(default=20, ge=1)
    # Wrong codes across the whole bot in ten minutes past which every code typed in the web
    # chat is answered only after `slow_guess_seconds` (and the admin is warned in the log).
    wrong_codes_alarm: int = Field(default=50, ge=1)
    slow_guess_seconds: float = Field(default=3.0, ge=0)
    # How long a saved support session can still be edited or undone.
    edit_window_minutes: int = 10
    # How far back a session may be dated.
    max_backdate_days: int = 7
    # Secure cookies for the web chat when it is served over HTTPS behind a proxy.
    web_cookie_secure: bool = False
    # Who may show the web chat inside a frame (CSP frame-ancestors): "'self'" by default;
    # a ward embedding it in its portal adds that site, e.g. "'self' https://lechan.gov.vn".
    web_frame_ancestors: str = "'self'"
    # Behind a reverse proxy that sets X-Forwarded-For: take the client's address from it
    # (the proxy's own address would put every visitor under one guessing limit).
    web_trusted_proxy: bool = False
    log_level: str = "INFO"
    # Charts and spreadsheets the bot makes, and how long their links work.
    files_dir: Path = Path("data/files")
    link_secret: str = ""
    link_ttl_hours: int = 168
    # The address the world reaches this server at (https://ngoso.example.vn), used for
    # file links sent on Zalo and for webhooks. Empty: links are relative (web chat only).
    public_base_url: str = ""
    # The scheduler (weekly tallies, reminders). Exactly one process runs it: extra web
    # workers start with `ngoso run --no-scheduler`, and a lease in the database stops a
    # second scheduler that was started by mistake.
    scheduler: bool = True
    scheduler_tick_seconds: int = Field(default=60, ge=5)
    scheduler_lease_seconds: int = Field(default=180, ge=15)
    # Default time of the weekly tally (each ward may set its own): weekday 0 = Monday.
    tally_weekday: int = Field(default=0, ge=0, le=6)
    tally_time: str = Field(default="08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    # When the daily reminders (follow-ups, deadlines, nudges) go out, local time.
    reminders_time: str = Field(default="08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    # The nightly backup of the embedded SQLite database (local time), where it goes, and
    # how many are kept (one a night: 7 is a week; an erased person may stay in a backup
    # that long). PostgreSQL is backed up with pg_dump instead (README).
    backup_time: str = Field(default="02:30", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    backup_dir: Path = Path("data/backups")
    backup_keep: int = Field(default=7, ge=1)
    # No reminder or nudge in this window (local time); they wait for its end.
    quiet_hours: str = Field(
        default="21:00-07:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$"
    )
    # Volunteers with no session for this many days get one friendly reminder (0: never).
    inactive_days: int = Field(default=14, ge=0)

    # Telegram (python-telegram-bot). No token: no Telegram.
    telegram_bot_token: str = ""
    # The bot's @name, for invite links (t.me/<name>?start=<code>); asked from Telegram when
    # empty.
    telegram_bot_username: str = ""
    telegram_api_base_url: str = "https://api.telegram.org"
    telegram_mode: Literal["polling", "webhook"] = "polling"
    telegram_webhook_secret: str = ""
    # The pace of what the bot sends on its own (the outbox); answers to people go at once.
    telegram_rate_per_second: float = 25.0
    telegram_timeout_seconds: float = 10.0
    telegram_poll_timeout_seconds: float = 30.0

    # Zalo Bot Platform. No token: no Zalo.
    zalo_bot_token: str = ""
    zalo_api_base_url: str = "https://bot-api.zaloplatforms.com"
    zalo_mode: Literal["polling", "webhook"] = "polling"
    zalo_webhook_secret: str = ""
    # Zalo publishes no rate limit; stay well below what a busy bot is seen to get.
    zalo_rate_per_second: float = 5.0
    zalo_timeout_seconds: float = 10.0
    zalo_poll_timeout_seconds: float = 30.0
    # Zalo's 429 carries no retry_after: how long to pause the channel.
    zalo_retry_after_seconds: float = 10.0

    # Messages the bot sends on its own: at most one a second to a person, 20 a minute to
    # a group chat, and the rates per bot above.
    outbox_per_chat_interval_seconds: float = 1.0
    outbox_group_chat_interval_seconds: float = 3.0
    outbox_max_attempts: int = 8

    @model_validator(mode="after")
    def _webhooks_need_an_address_and_a_secret(self) -> Settings:
        for channel in ("telegram", "zalo"):
            token = getattr(self, f"{channel}_bot_token")
            if not token or getattr(self, f"{channel}_mode") != "webhook":
                continue
            if not self.public_base_url.startswith("https://"):
                raise ValueError(
                    f"{channel.upper()}_MODE=webhook needs PUBLIC_BASE_URL=https://... "
                    "(the address the platform calls)"
                )
            secret = getattr(self, f"{channel}_webhook_secret")
            if len(secret) < 16:
                raise ValueError(
                    f"{channel.upper()}_MODE=webhook needs {channel.upper()}_WEBHOOK_SECRET "
                    "of at least 16 characters (letters, digits, _ and -)"
                )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        path = self.database_url.split("///", 1)[-1]
        return None if path in ("", ":memory:") else Path(path)
