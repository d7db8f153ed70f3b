"""Wards and residential groups: adding them one by one, importing them, the demo ward."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, invites
from storage.models import GroupKind, Invite, ResidentialGroup, Role, Ward
from storage.names import clean_name, has_word, same_key

DEMO_WARD_CODE = "DEMO"
WARD_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class AlreadyExists(Exception):
    pass


class BadName(ValueError):
    """A ward code or a name that cannot be used; the message says why."""


async def get(db: AsyncSession, ward_id: int) -> Ward | None:
    return await db.get(Ward, ward_id)


async def get_typed(db: AsyncSession, text: str) -> Ward | None:
    """The ward whose number is `text` as it came from a browser (anything else: None)."""
    if not (text.isascii() and text.isdecimal()) or len(text) > 12:
        return None
    return await db.get(Ward, int(text))


async def get_group(db: AsyncSession, group_id: int) -> ResidentialGroup | None:
    return await db.get(ResidentialGroup, group_id)


async def by_code(db: AsyncSession, code: str) -> Ward | None:
    return await db.scalar(select(Ward).where(func.upper(Ward.code) == code.strip().upper()))


async def add_ward(
    db: AsyncSession, code: str, name: str, province: str | None = None, *, is_demo: bool = False
) -> Ward:
    code, name = code.strip().upper(), clean_name(name)
    if not WARD_CODE.match(code):
        raise BadName(f"ward code {code!r}: use 1-32 letters, digits, '-' or '_'")
    if not has_word(name):
        raise BadName("a ward needs a name")
    if await by_code(db, code) is not None:
        raise AlreadyExists(code)
    ward = Ward(code=code, name=name, province=province, is_demo=is_demo)
    db.add(ward)
    await db.flush()
    audit.record(db, "ward.added", ward_id=ward.id, code=code)
    return ward


async def group_by_name(db: AsyncSession, ward_id: int, name: str) -> ResidentialGroup | None:
    """The ward's group with this name, whatever the case and spacing ("tổ 2" = "Tổ  2"),
    archived ones included (a name stays taken)."""
    wanted = same_key(name)
    for group in await groups_of(db, ward_id, archived=True):
        if same_key(group.name) == wanted:
            return group
    return None


async def add_group(
    db: AsyncSession, ward: Ward, name: str, kind: GroupKind = GroupKind.URBAN
) -> ResidentialGroup:
    name = _group_name(name)
    if await group_by_name(db, ward.id, name) is not None:
        raise AlreadyExists(name)
    group = ResidentialGroup(ward_id=ward.id, name=name, kind=kind.value)
    db.add(group)
    await db.flush()
    audit.record(db, "group.added", ward_id=ward.id, group_id=group.id)
    return group


def natural_key(name: str) -> list[object]:
    """ "Tổ 2" before "Tổ 10": numbers inside names compare as numbers."""
    return [int(p) if p.isdecimal() else p.casefold() for p in re.split(r"(\d+)", name)]


async def groups_of(
    db: AsyncSession, ward_id: int, *, archived: bool = False
) -> list[ResidentialGroup]:
    """The ward's residential groups in natural order; archived ones only if asked."""
    stmt = select(ResidentialGroup).where(ResidentialGroup.ward_id == ward_id)
    if not archived:
        stmt = stmt.where(ResidentialGroup.archived_at.is_(None))
    return sorted(await db.scalars(stmt), key=lambda g: natural_key(g.name))


def _group_name(name: str) -> str:
    name = clean_name(name)
    if not has_word(name) or len(name) > 200:
        raise BadName(
            "a residential group needs a name of 1-200 characters, with a letter or digit"
        )
    return name


async def rename_group(
    db: AsyncSession, group: ResidentialGroup, name: str, *, actor: int | None = None
) -> bool:
    """Give a group a new name (unique in its ward); False when it already had it."""
    name = _group_name(name)
    if name == group.name:
        return False
    other = await group_by_name(db, group.ward_id, name)
    if other is not None and other.id != group.id:
        raise AlreadyExists(name)
    old, group.name = group.name, name
    audit.record(
        db,
        "group.renamed",
        actor_member_id=actor,
        ward_id=group.ward_id,
        group_id=group.id,
        old=old,
    )
    return True


async def set_archived(
    db: AsyncSession,
    group: ResidentialGroup,
    archived: bool,
    now: dt.datetime,
    *,
    actor: int | None = None,
) -> bool:
    """Archive a group (or bring it back); False when nothing changed. Its sessions stay."""
    if (group.archived_at is not None) == archived:
        return False
    group.archived_at = now if archived else None
    if archived:
        # Nobody joins a group that is gone: its invites stop working.
        await db.execute(
            update(Invite)
            .where(Invite.group_id == group.id, Invite.revoked_at.is_(None))
            .values(revoked_at=now)
        )
    audit.record(
        db,
        "group.archived" if archived else "group.restored",
        actor_member_id=actor,
        ward_id=group.ward_id,
        group_id=group.id,
    )
    return True


async def list_wards(db: AsyncSession) -> list[Ward]:
    return list(await db.scalars(select(Ward).order_by(Ward.code)))


async def set_ward_archived(db: AsyncSession, ward: Ward, archived: bool, now: dt.datetime) -> bool:
    """Archive a ward (merged away: out of the city's figures and of residents' choices) or
    bring it back; False when nothing changed."""
    if (ward.archived_at is not None) == archived:
        return False
    ward.archived_at = now if archived else None
    audit.record(db, "ward.archived" if archived else "ward.restored", ward_id=ward.id)
    return True


async def rename_ward(db: AsyncSession, ward: Ward, name: str) -> bool:
    name = clean_name(name)
    if not has_word(name) or len(name) > 200:
        raise BadName("a ward needs a name of 1-200 characters")
    if name == ward.name:
        return False
    old, ward.name = ward.name, name
    audit.record(db, "ward.renamed", ward_id=ward.id, old=old)
    return True


async def count_wards(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(Ward)) or 0


@dataclass(slots=True)
class DemoWard:
    ward: Ward
    invites: dict[Role, Invite]


async def find_demo(db: AsyncSession, now: dt.datetime) -> DemoWard | None:
    """The demo ward and its still-usable invites, to show them again at each start."""
    ward = await by_code(db, DEMO_WARD_CODE)
    if ward is None or not ward.is_demo:
        return None
    rows = await db.scalars(
        select(Invite)
        .where(
            Invite.ward_id == ward.id,
            Invite.created_by_member_id.is_(None),
            Invite.expires_at > now,
            Invite.used_count < Invite.max_uses,
        )
        .order_by(Invite.id)
    )
    found: dict[Role, Invite] = {}
    for invite in rows:
        found.setdefault(Role(invite.role), invite)
    return DemoWard(ward, found)


async def seed_demo(db: AsyncSession, now: dt.datetime) -> DemoWard:
    """A clearly named demo ward with three residential groups and an invite per role."""
    ward = await add_ward(db, DEMO_WARD_CODE, "Phường Mẫu (demo)", "Demo", is_demo=True)
    groups = [await add_group(db, ward, f"Tổ dân phố số {n} (demo)") for n in (1, 2, 3)]
    made = {
        Role.VOLUNTEER: await invites.create(
            db,
            role=Role.VOLUNTEER,
            ward_id=ward.id,
            group_id=groups[0].id,
            max_uses=1000,
            days=365,
            now=now,
        ),
        Role.LEADER: await invites.create(
            db,
            role=Role.LEADER,
            ward_id=ward.id,
            group_id=groups[0].id,
            max_uses=1000,
            days=365,
            now=now,
        ),
        Role.STAFF: await invites.create(
            db, role=Role.STAFF, ward_id=ward.id, group_id=None, max_uses=1000, days=365, now=now
        ),
    }
    return DemoWard(ward, made)


@dataclass(slots=True)
class ImportResult:
    wards_added: int = 0
    groups_added: int = 0
    groups_existing: int = 0


async def import_rows(
    db: AsyncSession,
    rows: list,  # list[bot.importer.Row]; storage does not import from bot
    on_row: Callable[[], None] | None = None,
) -> ImportResult:
    """Add the wards and groups of `rows` inside the caller's transaction. A row that
    contradicts an earlier one raises ValueError naming its line, and nothing is kept."""
    result = ImportResult()
    seen: dict[str, Ward] = {}
    for row in rows:
        ward = seen.get(row.ward_code) or await by_code(db, row.ward_code)
        if ward is None:
            ward = await add_ward(db, row.ward_code, row.ward_name, row.province)
            result.wards_added += 1
        elif ward.name != row.ward_name:
            raise ValueError(
                f"line {row.line}: ward {row.ward_code} is named {ward.name!r} already, "
                f"not {row.ward_name!r}"
            )
        seen[row.ward_code] = ward
        if row.group_name:
            if await group_by_name(db, ward.id, row.group_name) is None:
                await add_group(db, ward, row.group_name, row.group_kind)
                result.groups_added += 1
            else:
                result.groups_existing += 1
        if on_row is not None:
            on_row()
    return result
