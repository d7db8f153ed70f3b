"""A ward's session form: the topics, the priority groups and the counters its volunteers
record. The national lists are the default; ward staff rename, hide and add items. Items are
never deleted and keys never change, so a past session keeps its meaning: a hidden or
renamed item still shows in the reports of the periods where it was used. Every change
raises the ward's form version by one and is written to the audit log."""

from __future__ import annotations

import re
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import FormItem, FormKind, IndicatorTarget, PriorityGroup, Topic, Ward
from storage.names import clean_name

# The counters the plans report upward (DOMAIN.md), each asked after one topic.
BUILT_IN_COUNTERS: dict[str, str] = {
    "vneid_activated": Topic.VNEID.value,
    "dossiers_online": Topic.PUBLIC_SERVICES.value,
    "payment_accounts": Topic.CASHLESS.value,
}
BUILT_IN: dict[str, list[str]] = {
    FormKind.TOPIC: [t.value for t in Topic],
    FormKind.PRIORITY: [p.value for p in PriorityGroup if p is not PriorityGroup.NONE],
    FormKind.COUNTER: list(BUILT_IN_COUNTERS),
}
# Beyond this many visible items a menu no longer fits a phone's screen.
MAX_VISIBLE = 12
LABEL_MIN, LABEL_MAX = 2, 60
_OWN_KEY = re.compile(r"^x(\d+)$")


class FormChangeError(ValueError):
    """A change the form does not take; `reason` names the message to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Item:
    kind: str
    key: str
    # The ward's own name, or None for the built-in one (in the reader's language).
    label: str | None = None
    hidden: bool = False
    position: int = 0
    topic: str | None = None  # a counter: asked after this topic

    @property
    def built_in(self) -> bool:
        return not is_own_key(self.key)


def is_own_key(key: str) -> bool:
    """A ward's own item ("x3"), not a built-in one ("vneid")."""
    return _OWN_KEY.match(key) is not None


@dataclass(slots=True)
class WardForm:
    ward_id: int
    version: int
    items: list[Item] = field(default_factory=list)

    def of(self, kind: str, *, hidden: bool = False) -> list[Item]:
        """The items of one kind in their order; the hidden ones too with `hidden`."""
        return [i for i in self.items if i.kind == kind and (hidden or not i.hidden)]

    def get(self, kind: str, key: str) -> Item | None:
        return next((i for i in self.items if i.kind == kind and i.key == key), None)

    def counters_for(self, topics: list[str]) -> list[Item]:
        """The visible counters asked after these topics, in the form's order."""
        chosen = set(topics)
        return [c for c in self.of(FormKind.COUNTER) if c.topic in chosen]


def default_form(ward_id: int = 0) -> WardForm:
    items = [
        Item(
            kind,
            key,
            position=n,
            topic=BUILT_IN_COUNTERS.get(key) if kind == FormKind.COUNTER else None,
        )
        for kind, keys in BUILT_IN.items()
        for n, key in enumerate(keys)
    ]
    return WardForm(ward_id, 0, items)


_LOAD = (
    select(
        Ward.form_version,
        FormItem.kind,
        FormItem.key,
        FormItem.label,
        FormItem.hidden,
        FormItem.position,
        FormItem.topic,
    )
    .outerjoin(FormItem, FormItem.ward_id == Ward.id)
    .where(Ward.id == bindparam("ward_id"))
)


# Forms read lately, by database and ward: most steps of logging a session need one, and they
# change rarely. A change made here is seen at once; one made by another process within
# CACHE_SECONDS (the web chat on several workers).
CACHE_SECONDS = 10.0
_cache: weakref.WeakKeyDictionary[Any, dict[int, tuple[float, WardForm]]] = (
    weakref.WeakKeyDictionary()
)


def _cached(db: AsyncSession) -> dict[int, tuple[float, WardForm]]:
    bind = db.bind
    return _cache.setdefault(bind.sync_engine if bind is not None else db, {})


def forget_cached(db: AsyncSession, ward_id: int) -> None:
    _cached(db).pop(ward_id, None)


async def load(db: AsyncSession, ward_id: int) -> WardForm:
    """The ward's form: the national defaults with the ward's own changes and items (a
    copy: change it through `add`, `rename` and `set_hidden`)."""
    if ward_id in db.info.get("forms_changed", ()):
        return await _read(db, ward_id)  # not committed yet: for this transaction only
    cache = _cached(db)
    hit = cache.get(ward_id)
    if hit is not None and hit[0] > time.monotonic():
        return WardForm(ward_id, hit[1].version, list(hit[1].items))
    form = await _read(db, ward_id)
    cache[ward_id] = (time.monotonic() + CACHE_SECONDS, form)
    return WardForm(ward_id, form.version, list(form.items))


async def _read(db: AsyncSession, ward_id: int) -> WardForm:
    # One statement (asked on most steps of logging a session): the version, and the ward's
    # own rows if it has any.
    found = (await db.execute(_LOAD, {"ward_id": ward_id})).all()
    form = default_form(ward_id)
    form.version = int(found[0][0] or 0) if found else 0
    rows = [Item(*row[1:]) for row in found if row[1] is not None]
    if not rows:
        return form
    by_key = {(r.kind, r.key): r for r in rows}
    items: list[Item] = []
    for item in form.items:
        items.append(by_key.pop((item.kind, item.key), item))
    items += list(by_key.values())
    # Built-in items first in their national order, then the ward's own in the order added.
    form.items = sorted(items, key=lambda i: (list(BUILT_IN).index(i.kind), i.position))
    return form


def clean_label(text: str) -> str:
    return clean_name(text)


async def _bump(db: AsyncSession, ward_id: int) -> int:
    forget_cached(db, ward_id)
    db.info.setdefault("forms_changed", set()).add(ward_id)
    await db.execute(
        update(Ward).where(Ward.id == ward_id).values(form_version=Ward.form_version + 1)
    )
    return int(await db.scalar(select(Ward.form_version).where(Ward.id == ward_id)) or 0)


async def _row(db: AsyncSession, ward_id: int, item: Item) -> FormItem:
    row = await db.scalar(
        select(FormItem).where(
            FormItem.ward_id == ward_id, FormItem.kind == item.kind, FormItem.key == item.key
        )
    )
    if row is None:
        row = FormItem(
            ward_id=ward_id,
            kind=item.kind,
            key=item.key,
            label=item.label,
            hidden=item.hidden,
            position=item.position,
            topic=item.topic,
        )
        db.add(row)
    return row


def _check_label(label: str) -> str:
    label = clean_label(label)
    if not label:
        raise FormChangeError("form-label-empty")
    if len(label) > LABEL_MAX:
        raise FormChangeError("form-label-too-long")
    return label


async def add(
    db: AsyncSession,
    form: WardForm,
    kind: str,
    label: str,
    *,
    topic: str | None = None,
    actor_member_id: int | None,
) -> Item:
    """A new item of the ward's own (the caller checks that no other item has its name)."""
    label = _check_label(label)
    if len(form.of(kind)) >= MAX_VISIBLE:
        raise FormChangeError("form-too-many")
    if kind == FormKind.COUNTER and (topic is None or form.get(FormKind.TOPIC, topic) is None):
        raise FormChangeError("form-counter-needs-topic")
    own = [int(m.group(1)) for i in form.of(kind, hidden=True) if (m := _OWN_KEY.match(i.key))]
    key = f"x{max(own, default=0) + 1}"
    position = 100 + max((i.position for i in form.of(kind, hidden=True)), default=0)
    version = await _bump(db, form.ward_id)
    item = Item(kind, key, label, False, position, topic)
    row = await _row(db, form.ward_id, item)
    row.version, row.updated_by_member_id = version, actor_member_id
    await db.flush()  # the form read again in this transaction sees the new item
    audit.record(
        db,
        "form.added",
        actor_member_id=actor_member_id,
        ward_id=form.ward_id,
        kind=kind,
        key=key,
        label=label,
        topic=topic,
        version=version,
    )
    form.items.append(item)
    form.version = version
    return item


async def rename(
    db: AsyncSession,
    form: WardForm,
    item: Item,
    label: str,
    *,
    actor_member_id: int | None,
) -> Item:
    label = _check_label(label)
    return await _change(db, form, item, "form.renamed", actor_member_id, label=label)


async def set_hidden(
    db: AsyncSession, form: WardForm, item: Item, hidden: bool, *, actor_member_id: int | None
) -> Item:
    if not hidden and len(form.of(item.kind)) >= MAX_VISIBLE:
        raise FormChangeError("form-too-many")
    if hidden and item.kind == FormKind.TOPIC and len(form.of(FormKind.TOPIC)) <= 1:
        raise FormChangeError("form-last-topic")
    action = "form.hidden" if hidden else "form.shown"
    return await _change(db, form, item, action, actor_member_id, hidden=hidden)


async def _change(
    db: AsyncSession,
    form: WardForm,
    item: Item,
    action: str,
    actor_member_id: int | None,
    *,
    label: str | None = None,
    hidden: bool | None = None,
) -> Item:
    version = await _bump(db, form.ward_id)
    row = await _row(db, form.ward_id, item)
    before = row.label
    if label is not None:
        row.label = label
    if hidden is not None:
        row.hidden = hidden
    row.version, row.updated_by_member_id = version, actor_member_id
    await db.flush()  # the form read again in this transaction sees the change
    changed = Item(row.kind, row.key, row.label, row.hidden, row.position, row.topic)
    detail: dict[str, object] = {"kind": item.kind, "key": item.key, "version": version}
    if label is not None:
        detail.update(before=before, label=label)
    audit.record(db, action, actor_member_id=actor_member_id, ward_id=form.ward_id, **detail)
    form.items = [changed if (i.kind, i.key) == (item.kind, item.key) else i for i in form.items]
    form.version = version
    return changed


# -- Targets: what the ward aims at in a year, per indicator. --------------------------------

# The indicators a target can be set on besides the counters ("counter:<key>").
SESSIONS, RESIDENTS, ACTIVE_GROUPS = "sessions", "residents", "active_groups"
MAX_TARGET = 1_000_000


async def targets(db: AsyncSession, ward_id: int) -> dict[str, int]:
    """The ward's yearly targets by indicator (ACTIVE_GROUPS in percent)."""
    rows = await db.execute(
        select(IndicatorTarget.indicator, IndicatorTarget.value).where(
            IndicatorTarget.ward_id == ward_id
        )
    )
    return {indicator: value for indicator, value in rows}


async def set_target(
    db: AsyncSession,
    ward_id: int,
    indicator: str,
    value: int | None,
    *,
    actor_member_id: int | None,
) -> None:
    """Set (or, with None, clear) a yearly target; audited."""
    limit = 100 if indicator == ACTIVE_GROUPS else MAX_TARGET
    if value is not None and not 0 < value <= limit:
        raise FormChangeError("form-target-invalid")
    found = await db.get(IndicatorTarget, (ward_id, indicator))
    before = found.value if found else None
    if value is None:
        if found is not None:
            await db.delete(found)
    elif found is None:
        db.add(
            IndicatorTarget(
                ward_id=ward_id,
                indicator=indicator,
                value=value,
                updated_by_member_id=actor_member_id,
            )
        )
    else:
        found.value, found.updated_by_member_id = value, actor_member_id
    audit.record(
        db,
        "target.set",
        actor_member_id=actor_member_id,
        ward_id=ward_id,
        indicator=indicator,
        before=before,
        value=value,
    )
    await db.flush()
