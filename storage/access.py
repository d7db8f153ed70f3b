"""The one place that decides who may do and see what.

Who may use a flow: each flow in handlers/ declares one `Who`, and `may` decides, for the
core (every message), the main menu, /help and the refusals alike.

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


class Who(enum.StrEnum):
    """Who may use something. The value names its description in locales (`who-<value>`),
    which refusals show."""

    ANYONE = "anyone"
    ADMIN = "admin"  # the city's administrator (the ward's web pages only)
    RESIDENT = "resident"  # someone who has not joined a team (residents)
    MEMBER = "member"  # anyone who joined: volunteers, team leaders, ward staff
    TEAM = "team"  # volunteers and team leaders: they log sessions
    LEADER = "leader"  # a team leader of a residential group
    MANAGER = "manager"  # team leaders and ward staff
    STAFF = "staff"  # ward staff
    INVITER = "inviter"  # who may invite in chat (see can_invite)


def may(member: Member | None, who: Who) -> bool:
    """Whether this person (None: someone who has not joined) is one of `who`."""
    if who is Who.ANYONE:
        return True
    if member is None:
        return who is Who.RESIDENT
    role = member.role
    if role == Role.ADMIN:
        # Whatever ward staff may do, in any ward; nothing of a team's own.
        return who in (Who.ADMIN, Who.MEMBER, Who.MANAGER, Who.STAFF)
    if who is Who.ADMIN:
        return False
    if who is Who.MEMBER:
        return True
    if who is Who.TEAM:
        return role in (Role.VOLUNTEER, Role.LEADER)
    if who is Who.LEADER:
        return role == Role.LEADER and member.group_id is not None
    if who is Who.MANAGER:
        return role in (Role.STAFF, Role.LEADER)
    if who is Who.STAFF:
        return role == Role.STAFF
    if who is Who.INVITER:
        return can_invite(member) is not None
    return False  # Who.RESIDENT: a member has joined already


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
    return may(member, Who.TEAM)


def can_invite(member: Member | None) -> Role | None:
    """The role this member may invite in chat: leaders invite volunteers to their team,
    staff invite team leaders of their ward."""
    if member is None:
        return None
    return {Role.LEADER: Role.VOLUNTEER, Role.STAFF: Role.LEADER}.get(Role(member.role))


# -- the ward's web pages: who may change whom and what ---------------------------------------


def may_manage(actor: Member, target: Member) -> bool:
    """Whether `actor` may deactivate `target` (or bring them back): ward staff anyone of
    their ward but staff, a team leader the volunteers of their own team; nobody themselves."""
    if actor.id == target.id or actor.ward_id != target.ward_id or target.role == Role.ADMIN:
        return False
    if actor.role == Role.STAFF:
        return target.role != Role.STAFF
    if actor.role == Role.LEADER and actor.group_id is not None:
        return target.role == Role.VOLUNTEER and target.group_id == actor.group_id
    return False


def may_change_role(actor: Member, target: Member) -> bool:
    """Whether `actor` may make `target` a team leader or a volunteer: ward staff, for the
    volunteers and leaders of their ward's teams."""
    return (
        actor.role == Role.STAFF
        and may_manage(actor, target)
        and target.group_id is not None
        and target.role in (Role.VOLUNTEER, Role.LEADER)
    )


def invitable(actor: Member) -> tuple[Role, ...]:
    """The roles `actor` may make invites for on the web pages: ward staff team leaders
    and volunteers of any team of their ward, a team leader volunteers of their team."""
    if actor.role == Role.STAFF:
        return (Role.LEADER, Role.VOLUNTEER)
    if actor.role == Role.LEADER and actor.group_id is not None:
        return (Role.VOLUNTEER,)
    return ()


def may_manage_invite(actor: Member, ward_id: int, group_id: int | None, role: str) -> bool:
    """Whether `actor` may see and withdraw an invite: ward staff any of their ward's, a team
    leader the volunteer invites of their own team."""
    if not may_see_group(actor, ward_id, group_id):
        return False
    return actor.role in (Role.STAFF, Role.ADMIN) or role == Role.VOLUNTEER


def may_see_group(actor: Member, ward_id: int, group_id: int | None) -> bool:
    """Whether a row of this ward and group (an invite, a group) is `actor`'s to see or
    change: their ward's for staff, their own team's for a leader."""
    if actor.ward_id != ward_id:
        return False
    if actor.role == Role.STAFF:
        return True
    return actor.role == Role.LEADER and group_id is not None and group_id == actor.group_id
