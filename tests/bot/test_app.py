"""The running application as `make run` starts it."""

from __future__ import annotations

from bot.app import Application
from bot.config import Settings
from storage.models import Role


async def test_demo_ward_on_empty_database_and_again_at_each_start(database) -> None:
    settings = Settings(database_url=database.url, seed_demo=True, _env_file=None)
    async with Application(settings, database.clock) as app:
        first = await app.seed_demo_if_empty()
    assert first is not None and set(first.invites) == set(Role) - {Role.ADMIN}
    async with Application(settings, database.clock) as app:
        again = await app.seed_demo_if_empty()
    assert again is not None
    assert {r: i.code for r, i in again.invites.items()} == {
        r: i.code for r, i in first.invites.items()
    }


async def test_no_demo_when_seeding_is_off(database) -> None:
    settings = Settings(database_url=database.url, seed_demo=False, _env_file=None)
    async with Application(settings, database.clock) as app:
        assert await app.seed_demo_if_empty() is None
