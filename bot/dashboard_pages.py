"""The ward's web pages beyond the overview: residential groups, members, invites and the
period's files. Each page is a function of a `Page` (who asks, in which transaction); the
routing, sign-in, CSRF check and rendering around them are in bot/dashboard.py. The same
access policy as the chat decides (storage/access.py): staff see and run their ward, a team
leader their own team; another ward's rows are "not found"."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

import qrcode
import qrcode.image.svg
from aiohttp import web
from markupsafe import Markup, escape

from bot import dates
from bot.channels.telegram import deep_link
from bot.clock import LOCAL_TZ
from bot.core import Reply
from bot.i18n import Translator
from bot.text import fold, mask_phone, strip_personal_data
from handlers import announcements, vocab, ward_form
from handlers import deadlines as deadline_flow
from handlers.periods import period_words
from handlers.reports import build_report, report_scope, typed_period
from handlers.residents import WARD_TEXT_MAX, knowledge_of
from storage import access, followups, forms, helpdesk, invites, members, outbox, stats, wards
from storage import deadlines as deadline_store
from storage.models import FOLLOW_UP_HOME_VISIT, FormKind, Member, Role

if TYPE_CHECKING:
    from bot.dashboard import Page

# Invites listed: those made in the last INVITE_DAYS days.
INVITE_DAYS = 90
MAX_USES = 200
MAX_DAYS = 30


class NotFound(Exception):
    """A row that does not exist, or is not this person's to see: both look the same."""


@dataclasses.dataclass(frozen=True, slots=True)
class Done:
    """A change made: the browser goes back to `path`, told `flash` (dash-ok-/dash-err-)."""

    path: str
    flash: str = ""
    error: bool = False


def _field(page: Page, name: str, limit: int = 300) -> str:
    value = page.form.get(name, "") if page.form is not None else ""
    return value.strip()[:limit] if isinstance(value, str) else ""


def _number(page: Page, name: str) -> int | None:
    """A whole number typed or sent in ASCII digits ("٣" and "４" are no row's number)."""
    text = _field(page, name, 12)
    return int(text) if text.isascii() and text.isdecimal() else None


# -- residential groups ------------------------------------------------------------------------


async def groups(page: Page) -> dict[str, Any]:
    """The ward's groups (a leader: their own), each with this month's sessions and its last
    session; groups with no session this month are flagged."""
    member, today = page.member, page.today
    month = dates.month_of(today)
    scope = report_scope(member)
    rows = await wards.groups_of(page.session, member.ward_id, archived=member.role == Role.STAFF)
    if scope.group_id is not None:
        rows = [g for g in rows if g.id == scope.group_id]
    activity = await stats.group_activity(page.session, member.ward_id, month.start, month.end)
    shown = []
    for group in rows:
        n, last = activity.get(group.id, (0, None))
        shown.append(
            {
                "id": group.id,
                "name": group.name,
                "sessions": n,
                "last": f"{last:%d/%m/%Y}" if last else page.t("dash-never"),
                "idle": n == 0 and group.archived_at is None,
                "archived": group.archived_at is not None,
            }
        )
    return {
        "groups": shown,
        "month": period_words(page.t, month),
        "manage": member.role == Role.STAFF,
    }


async def add_group(page: Page) -> Done:
    if page.member.role != Role.STAFF:
        raise NotFound
    ward = await wards.get(page.session, page.member.ward_id)
    assert ward is not None
    try:
        await wards.add_group(page.session, ward, _field(page, "name"))
    except wards.BadName:
        return Done(page.path, "group-name", error=True)
    except wards.AlreadyExists:
        return Done(page.path, "group-exists", error=True)
    return Done(page.path, "group-added")


async def change_group(page: Page) -> Done:
    """Rename, archive or bring back one group of the ward."""
    if page.member.role != Role.STAFF:
        raise NotFound
    group = await wards.get_group(page.session, page.item_id)
    if group is None or group.ward_id != page.member.ward_id:
        raise NotFound
    action, actor = _field(page, "action", 20), page.member.id
    if action == "rename":
        try:
            changed = await wards.rename_group(
                page.session, group, _field(page, "name"), actor=actor
            )
        except wards.BadName:
            return Done(page.list_path, "group-name", error=True)
        except wards.AlreadyExists:
            return Done(page.list_path, "group-exists", error=True)
        return Done(page.list_path, "group-renamed" if changed else "")
    if action in ("archive", "restore"):
        archived = action == "archive"
        changed = await wards.set_archived(page.session, group, archived, page.now, actor=actor)
        if not changed:
            return Done(page.list_path)
        return Done(page.list_path, "group-archived" if archived else "group-restored")
    return Done(page.list_path, "unknown-action", error=True)


# -- members -------------------------------------------------------------------------------


async def people(page: Page) -> dict[str, Any]:
    """The ward's members (a leader: their team), with role, group and last session: never a
    phone number or a chat id."""
    member, t = page.member, page.t
    scope = report_scope(member)
    rows = await members.roster(page.session, member.ward_id, scope.group_id)
    shown = []
    for row in rows:
        person = row.member
        shown.append(
            {
                "id": person.id,
                "name": person.display_name,
                "role": t(f"role-{person.role}"),
                "group": row.group or "",
                "sessions": row.sessions,
                "last": f"{row.last_session:%d/%m/%Y}" if row.last_session else t("dash-never"),
                "active": person.deactivated_at is None,
                "manage": access.may_manage(member, person),
                "roles": [
                    (r.value, t(f"role-{r.value}"))
                    for r in (Role.VOLUNTEER, Role.LEADER)
                    if access.may_change_role(member, person) and r.value != person.role
                ],
            }
        )
    return {"people": shown}


async def change_person(page: Page) -> Done:
    target = await members.get(page.session, page.item_id)
    if target is None or not access.may_manage(page.member, target):
        raise NotFound
    action = _field(page, "action", 20)
    try:
        if action in (Role.VOLUNTEER.value, Role.LEADER.value):
            if not access.may_change_role(page.member, target):
                raise NotFound
            changed = await members.set_role(page.session, target, Role(action), actor=page.member)
            if changed:
                _tell(page, target, "dash-told-role", role=f"role-{action}")
            return Done(page.list_path, "role-changed" if changed else "")
        if action in ("deactivate", "activate"):
            active = action == "activate"
            changed = await members.set_active(
                page.session, target, active, page.now, actor=page.member
            )
            if not changed:
                return Done(page.list_path)
            _tell(page, target, "dash-told-activated" if active else "dash-told-deactivated")
            return Done(page.list_path, "activated" if active else "deactivated")
    except members.CannotChange:
        return Done(page.list_path, "cannot-change", error=True)
    return Done(page.list_path, "unknown-action", error=True)


def _tell(page: Page, person: Member, key: str, role: str = "") -> None:
    """Let a member know, in their own language, what staff changed about them (through the
    outbox, with the rest of the bot's own messages)."""
    t = Translator(person.language)
    by = f"{page.member.display_name} ({t(f'role-{page.member.role}')})"
    text = t(key, role=t(role) if role else "", by=by)
    outbox.enqueue(page.session, person.channel, person.channel_user_id, Reply(text).to_dict())


# -- invites ---------------------------------------------------------------------------------


def qr_svg(text: str) -> Markup:
    """A QR code of `text` as inline SVG (our own drawing: nothing of the user's in it but
    the encoded text, which becomes black squares)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return Markup(image.to_string(encoding="unicode"))


async def invite_list(page: Page) -> dict[str, Any]:
    member, t, now = page.member, page.t, page.now
    session = page.session
    groups_here = await wards.groups_of(session, member.ward_id)
    names = {g.id: g.name for g in await wards.groups_of(session, member.ward_id, archived=True)}
    since = now - dt.timedelta(days=INVITE_DAYS)
    shown, new = [], None
    wanted = page.request.query.get("moi", "")
    username = page.settings.telegram_bot_username
    for invite in await invites.of_ward(session, member.ward_id, since):
        if not access.may_manage_invite(member, invite.ward_id, invite.group_id, invite.role):
            continue
        status = invites.status_of(invite, now)
        row = {
            "id": invite.id,
            "code": invites.display(invite.code),
            "role": t(f"role-{invite.role}"),
            "group": names.get(invite.group_id or 0, ""),
            "uses": f"{invite.used_count}/{invite.max_uses}",
            "expires": f"{invite.expires_at.astimezone(LOCAL_TZ):%d/%m/%Y %H:%M}",
            "status": t(f"dash-invite-{status.value.replace('_', '-')}"),
            "usable": status is invites.InviteStatus.OK,
        }
        shown.append(row)
        if wanted == str(invite.id) and row["usable"]:
            link = deep_link(username, invite.code) if username else ""
            new = {**row, "link": link, "qr": qr_svg(link or invites.display(invite.code))}
    roles = [(r.value, t(f"role-{r.value}")) for r in access.invitable(member)]
    choosable = [
        (g.id, g.name) for g in groups_here if member.role == Role.STAFF or g.id == member.group_id
    ]
    return {
        "invites": shown,
        "new": new,
        "roles": roles,
        "groups": choosable,
        "max_uses": MAX_USES,
        "max_days": MAX_DAYS,
    }


async def make_invite(page: Page) -> Done:
    member = page.member
    role_text = _field(page, "role", 20)
    allowed = {r.value: r for r in access.invitable(member)}
    group_id, uses, days = _number(page, "group"), _number(page, "uses"), _number(page, "days")
    if role_text not in allowed:
        return Done(page.path, "invite-role", error=True)
    if uses is None or not 1 <= uses <= MAX_USES or days is None or not 1 <= days <= MAX_DAYS:
        return Done(page.path, "invite-numbers", error=True)
    group = await wards.get_group(page.session, group_id) if group_id is not None else None
    if (
        group is None
        or group.archived_at is not None
        or not access.may_see_group(member, group.ward_id, group.id)
    ):
        return Done(page.path, "invite-group", error=True)
    made = await invites.create(
        page.session,
        role=allowed[role_text],
        ward_id=member.ward_id,
        group_id=group.id,
        max_uses=uses,
        days=days,
        created_by_member_id=member.id,
        now=page.now,
    )
    return Done(f"{page.path}?moi={made.id}", "invite-made")


async def change_invite(page: Page) -> Done:
    invite = await invites.get(page.session, page.item_id)
    if invite is None or not access.may_manage_invite(
        page.member, invite.ward_id, invite.group_id, invite.role
    ):
        raise NotFound
    if _field(page, "action", 20) != "revoke":
        return Done(page.list_path, "unknown-action", error=True)
    revoked = await invites.revoke(page.session, invite, page.now, actor=page.member.id)
    return Done(page.list_path, "invite-revoked" if revoked else "")


# -- the period's files ----------------------------------------------------------------------

QUICK = ("this_month", "last_month", "this_quarter", "this_year", "last_year")


def _quick(key: str, today: dt.date) -> dates.When | None:
    this_month = dates.month_of(today)
    return {
        "this_month": this_month,
        "last_month": dates.month_of(this_month.start - dt.timedelta(days=1)),
        "this_quarter": dates.quarter_of(today),
        "this_year": dates.year_of(today.year),
        "last_year": dates.year_of(today.year - 1),
    }.get(key)


async def files_page(page: Page) -> dict[str, Any]:
    t = page.t
    return {
        "quick": [(key, t(f"dash-files-{key.replace('_', '-')}")) for key in QUICK],
        "typed": "",
        "made": None,
    }


async def make_files(page: Page) -> dict[str, Any]:
    """The workbook, chart and annual draft of a period, chosen by a button or typed as in
    chat ("tháng 10", "quý 3/2026", "1/11 - 15/11"): links on the page, good for a week."""
    t, today = page.t, page.today
    context = await files_page(page)
    quick, typed = _field(page, "ky", 20), _field(page, "typed", 60)
    when = _quick(quick, today) if quick else None
    if when is None:
        read = typed_period(t, typed, today) if typed else t("report-period-invalid")
        if isinstance(read, str):
            context.update(typed=typed, error=read)
            return context
        when = read
    scope = report_scope(page.member)
    reply = await build_report(page.session, page.files, scope, when, today, t, annual=True)
    links = [
        {"caption": a.caption, "name": a.filename, "url": page.files.link(a.name)}
        for a in reply.attachments
    ]
    context["made"] = {
        "period": f"{period_words(t, when)} ({when.start:%d/%m/%Y} – {when.end:%d/%m/%Y})",
        "text": reply.text,
        "links": links,
    }
    return context


# -- questions residents asked in vain ---------------------------------------------------------

QUESTION_DAYS = 30
NEW_ENTRY_PREFIX = "phuong-"


async def questions(page: Page) -> dict[str, Any]:
    """The ward's unanswered questions of the last 30 days, most asked first: each can be
    attached to an entry as another way of asking it, or answered with a new ward entry."""
    member = page.member
    kb = await knowledge_of(page.session, member.ward_id)
    since = page.now - dt.timedelta(days=QUESTION_DAYS)
    asked = await helpdesk.unanswered(page.session, member.ward_id, since)
    entries = [(e.key, e.title) for e in kb.entries(page.t.lang) if e.answerable]
    shown = []
    for item in asked:
        guess = kb.search(item.question)
        shown.append(
            {
                "question": item.question,
                "folded": item.folded,
                "count": item.count,
                "guess": guess.keys[0] if guess.keys else "",
            }
        )
    return {"questions": shown, "entries": entries, "days": QUESTION_DAYS}


async def answer_question(page: Page) -> Done:
    """Attach a question to an entry (it counts for this ward at once), or write a ward
    entry that answers it."""
    member = page.member
    folded = fold(strip_personal_data(_field(page, "question", helpdesk.PHRASING_MAX)))
    if not folded:
        return Done(page.path, "question-missing", error=True)
    kb = await knowledge_of(page.session, member.ward_id)
    action = _field(page, "action", 20)
    if action == "attach":
        key = _field(page, "key", 48)
        if kb.entry(key, page.t.lang) is None:
            return Done(page.path, "question-entry", error=True)
        await helpdesk.teach(
            page.session, ward_id=member.ward_id, key=key, folded=folded, member_id=member.id
        )
        return Done(page.path, "question-attached")
    if action == "write":
        title, body = _field(page, "title", 121), _field(page, "body", WARD_TEXT_MAX + 1)
        if not 3 <= len(title) <= 120 or not 10 <= len(body) <= WARD_TEXT_MAX:
            return Done(page.path, "question-text", error=True)
        written = {r.key for r in await helpdesk.ward_entries(page.session, member.ward_id)}
        number = 1
        while f"{NEW_ENTRY_PREFIX}{number}" in written:
            number += 1
        key = f"{NEW_ENTRY_PREFIX}{number}"
        await helpdesk.set_entry(
            page.session,
            ward_id=member.ward_id,
            key=key,
            lang=page.t.lang,
            title=title,
            body=body,
            reviewed_on=page.today,
            member_id=member.id,
        )
        await helpdesk.teach(
            page.session, ward_id=member.ward_id, key=key, folded=folded, member_id=member.id
        )
        return Done(page.path, "question-written")
    return Done(page.path, "unknown-action", error=True)


# -- follow-ups and residents' requests --------------------------------------------------------


async def follow_ups(page: Page) -> dict[str, Any]:
    """What is still open in the ward (a leader: the team): volunteers' follow-ups and
    residents' home-visit requests, overdue first, who took each; phones masked."""
    t, today = page.t, page.today
    scope = report_scope(page.member)
    form = await forms.load(page.session, scope.ward_id)
    shown = []
    for item in await followups.open_items(page.session, scope):
        request = item.kind == FOLLOW_UP_HOME_VISIT
        shown.append(
            {
                "what": t("dash-follow-request" if request else "dash-follow-session"),
                "group": item.group,
                "owner": item.owner or t("dash-follow-nobody"),
                "due": f"{item.due_on:%d/%m/%Y}",
                "overdue": item.due_on < today,
                "when": t(f"hd-time-{item.preferred_time}") if item.preferred_time else "",
                "phone": mask_phone(item.phone) if item.phone else "",
                "topics": vocab.labels(t, "topic", item.topics, form),
                "day": item.due_on,
            }
        )
    shown.sort(key=lambda row: (not row["overdue"], row["day"]))
    return {
        "items": shown,
        "overdue": sum(row["overdue"] for row in shown),
    }


# -- announcements ----------------------------------------------------------------------------


async def announcements_page(page: Page) -> dict[str, Any]:
    """The ward's last announcements with how many were delivered, and a form to write one
    to the whole ward or one group."""
    member, t = page.member, page.t
    found = await announcements.recent(page.session, member.ward_id)
    groups_here = await wards.groups_of(page.session, member.ward_id)
    return {
        "sent": [t("ann-status-line", **line) for line in found],
        "targets": [("ward", t("ann-to-ward"))] + [(str(g.id), g.name) for g in groups_here],
        "max": announcements.MAX_LENGTH,
    }


async def send_announcement(page: Page) -> Done:
    text = _field(page, "text", announcements.MAX_LENGTH + 1)
    if not text or len(text) > announcements.MAX_LENGTH:
        return Done(page.path, "announcement-length", error=True)
    target = _field(page, "target", 12)
    group_id = None if target == "ward" else _number(page, "target")
    if target != "ward" and group_id is None:
        return Done(page.path, "announcement-target", error=True)
    people, _ = await announcements.recipients(page.session, page.member, group_id, page.t)
    if group_id is not None and not people and not await _own_group(page, group_id):
        return Done(page.path, "announcement-target", error=True)
    await announcements.send(
        page.session, page.settings, page.member, text, group_id, page.t, page.now
    )
    return Done(page.path, "announcement-sent")


async def _own_group(page: Page, group_id: int) -> bool:
    group = await wards.get_group(page.session, group_id)
    return group is not None and group.ward_id == page.member.ward_id and not group.archived_at


# -- deadlines ---------------------------------------------------------------------------------


async def deadlines_page(page: Page) -> dict[str, Any]:
    """The ward's reporting deadlines, each with who hands in what and which groups have not
    yet (ward staff); a team leader: the deadlines for leaders, and whether their group has
    handed in the current period's report. Deadlines are added and reported in chat."""
    member, t, today = page.member, page.t, page.today
    shown = []
    for deadline in await deadline_store.of_ward(page.session, member.ward_id):
        if member.role == Role.STAFF:
            shown.append(await deadline_flow.describe(page.session, t, deadline, today))
            continue
        if Role.LEADER.value not in deadline_store.roles_of(deadline) or member.group_id is None:
            continue
        lines = [t("dl-detail", title=deadline.title, when=deadline_flow.when_text(t, deadline))]
        period = deadline_store.current_period(deadline, today)
        if period is not None:
            done = await deadline_store.submitted_groups(page.session, deadline.id, period)
            key = "dash-deadline-done" if member.group_id in done else "dash-deadline-open"
            lines.append(t(key, due=f"{period:%d/%m/%Y}"))
        shown.append(lines)
    return {"deadlines": shown}


# -- the session form --------------------------------------------------------------------------


async def form_page(page: Page) -> dict[str, Any]:
    """The ward's session form as volunteers see it (topics, priority groups, counters and
    the topic each follows), hidden items apart; and the yearly targets. Staff change them
    here or in chat; every change raises the form's version."""
    t, ward_id = page.t, page.member.ward_id
    form = await forms.load(page.session, ward_id)
    parts = []
    for kind in ward_form.KINDS:
        items = []
        for item in form.of(kind, hidden=True):
            topic = form.get(FormKind.TOPIC, item.topic or "") if item.topic else None
            items.append(
                {
                    "key": item.key,
                    "name": vocab.item_label(t, item),
                    "hidden": item.hidden,
                    "after": vocab.item_label(t, topic) if topic is not None else "",
                }
            )
        parts.append({"kind": kind.value, "title": t(f"form-part-{kind}"), "rows": items})
    goals = await forms.targets(page.session, ward_id)
    targets = [
        {
            "key": key,
            "name": name,
            "value": goals.get(key, ""),
            "percent": key == forms.ACTIVE_GROUPS,
        }
        for key, name in ward_form.indicators(t, form)
    ]
    topics = [(i.key, vocab.item_label(t, i)) for i in form.of(FormKind.TOPIC)]
    return {
        "parts": parts,
        "targets": targets,
        "topics": topics,
        "version": form.version,
        "manage": page.member.role == Role.STAFF,
    }


async def change_form(page: Page) -> Done:
    """Add, rename, hide or show an item, or set a yearly target; a refusal comes back with
    the chat's own message for it."""
    if page.member.role != Role.STAFF:
        raise NotFound
    t, ward_id, actor = page.t, page.member.ward_id, page.member.id
    form = await forms.load(page.session, ward_id)
    action, kind = _field(page, "action", 20), _field(page, "kind", 20)
    try:
        if action == "target":
            key = _field(page, "key", 60)
            if key not in dict(ward_form.indicators(t, form)):
                raise NotFound
            typed = _field(page, "value", 20).removesuffix("%").strip()
            number = ward_form.whole_number(typed) if typed else 0
            limit = 100 if key == forms.ACTIVE_GROUPS else forms.MAX_TARGET
            if number is None or number > limit:
                return _refused(page, "form-target-invalid")
            await forms.set_target(
                page.session, ward_id, key, number or None, actor_member_id=actor
            )
            return Done(page.path, "form-changed")
        if kind not in {k.value for k in ward_form.KINDS}:
            return Done(page.path, "unknown-action", error=True)
        if action == "add":
            label, reason, _ = ward_form.check_name(t, form, kind, _field(page, "name", 200))
            if label is None:
                return _refused(page, reason)
            topic = _field(page, "topic", 20) if kind == FormKind.COUNTER else None
            await forms.add(page.session, form, kind, label, topic=topic, actor_member_id=actor)
            return Done(page.path, "form-changed")
        item = form.get(kind, _field(page, "key", 20))
        if item is None:
            raise NotFound
        if action == "rename":
            name = _field(page, "name", 200)
            if forms.clean_label(name) == vocab.item_label(t, item):
                return Done(page.path)
            label, reason, _ = ward_form.check_name(t, form, kind, name, skip=item.key)
            if label is None:
                return _refused(page, reason)
            await forms.rename(page.session, form, item, label, actor_member_id=actor)
            return Done(page.path, "form-changed")
        if action in ("hide", "show"):
            await forms.set_hidden(
                page.session, form, item, action == "hide", actor_member_id=actor
            )
            return Done(page.path, "form-changed")
    except forms.FormChangeError as refused:
        return _refused(page, refused.reason)
    return Done(page.path, "unknown-action", error=True)


# Why a change to the form was refused, as the page says it (dash-err-<key>): no text typed
# by anyone travels in the address.
FORM_REFUSALS = {
    "form-label-empty": "form-name",
    "form-label-too-long": "form-name",
    "form-label-bad": "form-name",
    "form-label-taken": "form-taken",
    "form-target-invalid": "form-target",
    "form-too-many": "form-too-many",
    "form-last-topic": "form-last-topic",
    "form-counter-needs-topic": "form-counter-topic",
}


def _refused(page: Page, reason: str) -> Done:
    return Done(page.path, FORM_REFUSALS.get(reason, "unknown-action"), error=True)


# -- the city, for its administrator -----------------------------------------------------------


async def city_page(page: Page) -> dict[str, Any]:
    """Every ward side by side for this month (sessions, residents, active groups), each
    with a way to open its pages."""
    month = dates.month_of(page.today)
    # The demo ward too: an administrator trying the bot out sees it, and can open it.
    tally = await stats.city_tally(page.session, month.start, month.end, demo=True)
    rows = [
        {
            "id": line.ward_id,
            "code": line.code,
            "name": line.name,
            "sessions": line.sessions,
            "residents": line.residents,
            "active": f"{line.active_groups}/{line.groups}",
            "viewing": line.ward_id == page.member.ward_id,
        }
        for line in sorted(tally.wards, key=lambda w: w.code)
    ]
    return {
        "wards": rows,
        "month": period_words(page.t, month),
        "total": {"sessions": tally.sessions, "residents": tally.residents},
    }


async def open_ward(page: Page) -> web.StreamResponse:
    """The administrator opens one ward's pages (kept in a cookie for the next pages)."""
    chosen = page.request.query.get("phuong", "")
    ward = await wards.get_typed(page.session, chosen)
    if ward is None:
        raise NotFound
    response = web.Response(status=303, headers={"Location": "/quan-ly"})
    response.set_cookie(
        "ngoso_phuong",
        str(ward.id),
        httponly=True,
        secure=page.settings.public_base_url.startswith("https://"),
        samesite="Lax",
        path="/quan-ly",
    )
    return response


# -- a chart drawn on the server -----------------------------------------------------------------


def trend_svg(points: list[tuple[str, int]], title: str) -> Markup:
    """A bar chart as inline SVG (labels and numbers are ours: month numbers and counts),
    as wide as the page; its title says what it shows to a screen reader too."""
    width, height, top, bottom = 360, 160, 18, 20
    most = max((n for _, n in points), default=0) or 1
    step = width / max(len(points), 1)
    bars = []
    for i, (label, n) in enumerate(points):
        tall = (height - top - bottom) * n / most
        x = i * step + step * 0.15
        y = height - bottom - tall
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{tall:.1f}" '
            f'fill="#1e7b46"><title>{escape(label)}: {n}</title></rect>'
            f'<text x="{x + step * 0.35:.1f}" y="{height - 6}" font-size="10" '
            f'text-anchor="middle">{escape(label)}</text>'
            f'<text x="{x + step * 0.35:.1f}" y="{max(y - 3, 10):.1f}" font-size="9" '
            f'text-anchor="middle">{n}</text>'
        )
    return Markup(
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" data-testid="trend"><title>{escape(title)}</title>'
        + "".join(bars)
        + "</svg>"
    )
