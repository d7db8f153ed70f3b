"""Alembic, driven from code: `ngoso db upgrade` and start-up both call `upgrade()`."""

from __future__ import annotations

from alembic import command
from alembic.config import Config


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "storage:migrations")
    cfg.attributes["database_url"] = database_url
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the schema to `revision`. Synchronous: call it before the event loop starts,
    or through `asyncio.to_thread` from inside one."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


def revision(database_url: str, message: str) -> None:
    """Autogenerate a migration from the models (developers only)."""
    command.revision(alembic_config(database_url), message=message, autogenerate=True)
