"""The one place that decides who may see what.

Volunteers see their own figures and their team's; team leaders the same; ward staff their
whole ward. Nobody sees another ward's data: every statistic is filtered by a `Scope` made
here from the member who asks."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from storage.models import Member, Role


class View(enum.StrEnum):
    OWN = "own"
    TEAM = "team"
    WARD = "ward"


class NotAllowed(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Scope:
    ward_id: int
    group_id: int | None = None
    member_id: int | None = None


ALLOWED_VIEWS: dict[str, frozenset[View]] = {
    Role.VOLUNTEER: frozenset({View.OWN, View.TEAM}),
    Role.LEADER: frozenset({View.OWN, View.TEAM}),
    Role.STAFF: frozenset({View.WARD}),
}


def can_view(member: Member | None, view: View) -> bool:
    return member is not None and view in ALLOWED_VIEWS.get(member.role, frozenset())


def scope_for(member: Member | None, view: View) -> Scope:
    if member is None or not can_view(member, view):
        raise NotAllowed(view)
    if view is View.OWN:
        return Scope(ward_id=member.ward_id, group_id=member.group_id, member_id=member.id)
    if view is View.TEAM:
        if member.group_id is None:
            raise NotAllowed(view)
        return Scope(ward_id=member.ward_id, group_id=member.group_id)
    return Scope(ward_id=member.ward_id)


def can_log_sessions(member: Member | None) -> bool:
    return member is not None and member.role in (Role.VOLUNTEER, Role.LEADER)


def can_invite(member: Member | None) -> Role | None:
    """The role this member may invite in chat: leaders invite volunteers to their team,
    staff invite team leaders of their ward."""
    if member is None:
        return None
    return {Role.LEADER: Role.VOLUNTEER, Role.STAFF: Role.LEADER}.get(Role(member.role))
